"""Task workers that die or lose a service: a task left running by a lost worker is queued again (and failed after
MAX_ATTEMPTS runs), a task that could not reach the file store waits and runs again with back-off, and a machine of
a deployment refuses to start without the shared store. The cluster suite (tests/cluster/) does the same with real
processes killed with SIGKILL; these tests pin each rule down on its own."""

import datetime

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import OperationalError
from django.test import RequestFactory
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from config.startup import refuse_unsafe_settings
from core import errors, workers
from core.models import WorkerCheck, WorkerHeartbeat

RUNNING, READY, FAILED, SUCCESSFUL = "RUNNING", "READY", "FAILED", "SUCCESSFUL"


@pytest.fixture
def database_queue(settings):
    settings.SECRET_KEY = "a-deployment-key-" + "k" * 40  # the repository's own key is refused with DEBUG off
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    settings.TASK_WORKER_LOST_AFTER_SECONDS = 30


def queued_check(token="check-a") -> DBTaskResult:
    result = workers.record_worker_check.enqueue(token, 0.0)
    return DBTaskResult.objects.get(pk=result.id)


def claimed(result: DBTaskResult, *worker_ids: str, seconds_ago: float) -> DBTaskResult:
    DBTaskResult.objects.filter(pk=result.pk).update(
        status=RUNNING,
        worker_ids=list(worker_ids),
        started_at=timezone.now() - datetime.timedelta(seconds=seconds_ago),
    )
    return DBTaskResult.objects.get(pk=result.pk)


def heartbeat(worker_id: str, seconds_ago: float) -> None:
    seen = timezone.now() - datetime.timedelta(seconds=seconds_ago)
    WorkerHeartbeat.objects.create(worker_id=worker_id, host="app-1", pid=1, started_at=seen, seen_at=seen)


@pytest.mark.django_db
def test_a_task_whose_worker_stopped_beating_is_queued_again_once(database_queue):
    lost = claimed(queued_check("lost"), "worker-killed", seconds_ago=120)
    heartbeat("worker-killed", seconds_ago=90)

    assert workers.requeue_abandoned_tasks() == [str(lost.pk)]
    lost.refresh_from_db()
    assert (lost.status, lost.started_at) == (READY, None)
    assert workers.requeue_abandoned_tasks() == [], "a second look (another worker's) changes nothing more"


@pytest.mark.django_db
def test_a_task_of_a_live_worker_or_one_just_started_is_left_alone(database_queue):
    busy = claimed(queued_check("busy"), "worker-alive", seconds_ago=600)
    heartbeat("worker-alive", seconds_ago=2)
    just_started = claimed(queued_check("new"), "worker-unknown", seconds_ago=1)

    assert workers.requeue_abandoned_tasks() == []
    assert DBTaskResult.objects.get(pk=busy.pk).status == RUNNING
    assert DBTaskResult.objects.get(pk=just_started.pk).status == RUNNING


@pytest.mark.django_db
def test_a_task_whose_workers_were_lost_every_time_is_failed_with_the_reason(database_queue):
    ids = [f"worker-{n}" for n in range(workers.MAX_ATTEMPTS)]
    doomed = claimed(queued_check("doomed"), *ids, seconds_ago=120)

    assert workers.requeue_abandoned_tasks() == []
    doomed.refresh_from_db()
    assert doomed.status == FAILED
    assert doomed.exception_class_path == "core.workers.WorkerLost"
    assert f"lost {workers.MAX_ATTEMPTS} times" in doomed.traceback


@pytest.mark.django_db
def test_a_task_that_could_not_reach_the_store_waits_longer_each_time_then_fails(database_queue):
    unreachable = EndpointConnectionError(endpoint_url="http://127.0.0.1:8333/plans")
    failed = []
    result = claimed(queued_check("store"), "worker-1", seconds_ago=1)
    before = timezone.now()

    workers.retry_later_or_fail(result, unreachable, failed.append)
    result.refresh_from_db()
    assert failed == [] and result.status == READY
    assert result.run_after >= before + workers.retry_delay(1)
    assert workers.retry_delay(1) < workers.retry_delay(2) < workers.retry_delay(3)
    assert workers.retry_delay(20).total_seconds() == workers.LONGEST_RETRY_DELAY_SECONDS

    result = claimed(result, *[f"worker-{n}" for n in range(workers.MAX_ATTEMPTS)], seconds_ago=1)
    workers.retry_later_or_fail(result, unreachable, failed.append)
    assert failed == [unreachable], "after MAX_ATTEMPTS runs the task fails as any other would"


@pytest.mark.django_db
def test_any_other_error_fails_the_task_at_once(database_queue):
    result = claimed(queued_check("bug"), "worker-1", seconds_ago=1)
    failed = []
    workers.retry_later_or_fail(result, ValueError("a bug"), failed.append)
    assert [str(e) for e in failed] == ["a bug"]
    assert DBTaskResult.objects.get(pk=result.pk).status == RUNNING  # left for fail() to record


def test_unreachable_services_are_told_from_other_errors():
    store_down = EndpointConnectionError(endpoint_url="http://127.0.0.1:8333/plans")
    server_error = ClientError({"Error": {"Code": "InternalError"}, "ResponseMetadata": {"HTTPStatusCode": 503}}, "Put")
    refused = ClientError({"Error": {"Code": "AccessDenied"}, "ResponseMetadata": {"HTTPStatusCode": 403}}, "Put")
    assert errors.unreachable_service(store_down) == "the file store"
    assert errors.unreachable_service(server_error) == "the file store"
    assert errors.unreachable_service(refused) is None
    assert errors.unreachable_service(OperationalError("connection refused")) == "the database"
    try:
        try:
            raise store_down
        except EndpointConnectionError as cause:
            raise RuntimeError("could not publish") from cause
    except RuntimeError as wrapped:
        assert errors.unreachable_service(wrapped) == "the file store", "the cause is followed"
    assert errors.unreachable_service(ValueError("bad")) is None


def test_a_store_outage_gives_the_unavailable_page_not_the_error_page():
    request = RequestFactory().get("/")
    try:
        raise EndpointConnectionError(endpoint_url="http://127.0.0.1:8333/plans")
    except EndpointConnectionError:
        response = errors.server_error(request)
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert b"Sorry, the service is unavailable" in response.content


def test_a_deployment_without_the_shared_store_refuses_to_start(settings, database_queue):
    settings.SECRET_KEY = "a-deployment-key-" + "k" * 40
    settings.REQUIRE_OBJECT_STORAGE = True
    settings.OBJECT_STORAGE_BUCKET = ""
    with pytest.raises(ImproperlyConfigured, match="own disk"):
        refuse_unsafe_settings()
    with pytest.raises(ImproperlyConfigured, match="OBJECT_STORAGE_BUCKET"):
        call_command("run_worker", "--batch")
    settings.OBJECT_STORAGE_BUCKET = "plans"
    refuse_unsafe_settings()  # configured: no refusal


@pytest.mark.django_db(transaction=True)
def test_a_worker_runs_each_queued_check_once_and_leaves_no_heartbeat_behind(database_queue):
    tokens = [f"check-{n}" for n in range(5)]
    for token in tokens:
        workers.record_worker_check.enqueue(token, 0.0)
    # Run one again as a retried task would be: its row is already there, so nothing more is written.
    workers.record_worker_check.enqueue(tokens[0], 0.0)

    call_command("run_worker", "--batch", "--no-startup-delay", "--worker-id", "worker-test", verbosity=0)

    assert sorted(WorkerCheck.objects.values_list("token", flat=True)) == tokens
    assert set(WorkerCheck.objects.values_list("worker_id", flat=True)) == {"worker-test"}
    # Only the checks' own tasks: another test's queued work may be in the table, which this test does not empty.
    checks = DBTaskResult.objects.filter(task_path__endswith="record_worker_check")
    assert set(checks.values_list("status", flat=True)) == {SUCCESSFUL}
    assert sorted(checks.values_list("return_value", flat=True)) == ["already done"] + ["worker-test"] * 5
    assert not WorkerHeartbeat.objects.exists(), "a worker that stops cleanly removes its heartbeat"
