"""Task workers that can die anywhere: a heartbeat per worker, and tasks left by a lost worker run again.

Any number of workers, on any number of machines, drain one queue (django-tasks' database queue; on
PostgreSQL a worker claims a task with SKIP LOCKED, so two never take the same one). A worker writes a heartbeat
every few seconds from a thread of its own, so a long task does not stop it. A worker killed mid-task (SIGKILL,
its machine lost) leaves the task marked as running; once its heartbeat is older than
`TASK_WORKER_LOST_AFTER_SECONDS`, any other worker puts the task back in the queue, up to `MAX_ATTEMPTS` runs.

A task that could not reach the file store (or the database) is not failed either: it waits and is tried again,
each wait twice the last (`retry_delay`).

Running a task again is safe because every task's effect is written in one transaction with its check that the
effect is not already there (a killed worker's transaction is rolled back by the database), as
`record_worker_check` below shows.
"""

import datetime
import logging
import os
import socket
import threading
import time

from django.conf import settings
from django.db import close_old_connections, connections, transaction
from django.utils import timezone
from django_tasks import TaskContext
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core import files
from core.errors import unreachable_service
from core.models import WorkerCheck, WorkerHeartbeat
from core.tasks import task

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5  # runs of one task (first run included) before a lost or unreachable one is failed
LONGEST_RETRY_DELAY_SECONDS = 300


def lost_after() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.TASK_WORKER_LOST_AFTER_SECONDS)


def heartbeat_interval() -> float:
    return max(0.5, settings.TASK_WORKER_LOST_AFTER_SECONDS / 5)


def beat(worker_id: str, started_at: datetime.datetime) -> None:
    """Say this worker is alive."""
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": started_at,
            "seen_at": timezone.now(),
        },
    )


def forget(worker_id: str) -> None:
    """A worker that stops cleanly says so, so its heartbeat does not linger."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def live_workers(now: datetime.datetime | None = None) -> list[WorkerHeartbeat]:
    now = now or timezone.now()
    return list(WorkerHeartbeat.objects.filter(seen_at__gte=now - lost_after()).order_by("worker_id"))


def requeue_abandoned_tasks(now: datetime.datetime | None = None) -> list[str]:
    """Put back in the queue every task still marked running whose worker is lost (no heartbeat for
    `lost_after()`); fail one that has been run `MAX_ATTEMPTS` times. Returns the ids put back.

    A task is changed only if it is still the run that was looked at (same status and start time), so two workers
    doing this at once, or its own worker finishing meanwhile, change it once at most."""
    now = now or timezone.now()
    alive = {beat.worker_id for beat in live_workers(now)}
    requeued = []
    for result in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).only("id", "worker_ids", "started_at"):
        worker = result.worker_ids[-1] if result.worker_ids else None
        if worker in alive or (result.started_at and result.started_at > now - lost_after()):
            continue
        same_run = DBTaskResult.objects.filter(
            pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at
        )
        if len(result.worker_ids) >= MAX_ATTEMPTS:
            same_run.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path="core.workers.WorkerLost",
                traceback=f"Its worker was lost {len(result.worker_ids)} times; it is not tried again.",
            )
            logger.error("Task %s failed: its worker was lost %s times", result.pk, len(result.worker_ids))
        elif same_run.update(status=TaskResultStatus.READY, started_at=None, run_after=now):
            logger.warning("Task %s was left running by lost worker %s; it is queued again", result.pk, worker)
            requeued.append(str(result.pk))
    return requeued


def retry_delay(attempt: int) -> datetime.timedelta:
    """How long to wait before running a task again after its `attempt`-th run could not reach a service."""
    return datetime.timedelta(seconds=min(LONGEST_RETRY_DELAY_SECONDS, 2**attempt))


def retry_later_or_fail(result: DBTaskResult, error: BaseException, fail) -> None:
    """What a worker does with a task that raised `error`: one that could not reach the store or the database is
    queued again after `retry_delay` (up to `MAX_ATTEMPTS` runs); anything else is failed by `fail(error)`."""
    attempt = len(result.worker_ids)
    if unreachable_service(error) is None or attempt >= MAX_ATTEMPTS:
        fail(error)
        return
    delay = retry_delay(attempt)
    for pause in (1, 2, 4, 8, 16, 0):  # the database itself may be what is unreachable
        try:
            DBTaskResult.objects.filter(pk=result.pk, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.READY, started_at=None, run_after=timezone.now() + delay
            )
            break
        except Exception:  # noqa: BLE001 - still unreachable: wait, reconnect and try again
            time.sleep(pause)
            close_old_connections()
    logger.warning(
        "Task %s could not reach %s; it runs again in %s s", result.pk, unreachable_service(error), delay.seconds
    )


class Heartbeat:
    """Beats for one worker from a daemon thread (with its own database connection), and looks for tasks lost
    by other workers at each beat. Stops when the worker process does."""

    def __init__(self, worker_id: str):
        self.worker_id = worker_id
        self.started_at = timezone.now()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"heartbeat-{worker_id}", daemon=True)

    def start(self) -> None:
        self._beat_once()  # alive before the first task is claimed
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=heartbeat_interval() * 2)
        try:
            forget(self.worker_id)
        except Exception:  # noqa: BLE001 - the database may be gone; the heartbeat then goes stale by itself
            logger.warning("Could not remove worker %s's heartbeat", self.worker_id)

    def _beat_once(self) -> None:
        try:
            beat(self.worker_id, self.started_at)
            requeue_abandoned_tasks()
        except Exception:  # noqa: BLE001 - an outage: beat again next time
            logger.warning("Worker %s could not write its heartbeat", self.worker_id, exc_info=True)
        finally:
            connections.close_all()

    def _run(self) -> None:
        while not self._stop.wait(heartbeat_interval()):
            self._beat_once()


# --- A check that the workers drain the queue (manage.py check_workers) ---------------------------------------


@task(takes_context=True)
def record_worker_check(
    context: TaskContext, token: str, hold_seconds: float = 0.0, through_store: bool = False
) -> str:
    """Write this check's one row, unless a run before this one already did. `hold_seconds` keeps the transaction
    open first, as a long task would: a worker killed meanwhile writes nothing, and the run after it writes the row.
    `through_store` also writes a file for the check in the shared store first, so the check proves the worker
    reaches the store (a store it cannot reach makes the task wait and run again)."""
    worker_id = (context.task_result.worker_ids or ["unknown"])[-1]
    with transaction.atomic():
        if WorkerCheck.objects.filter(token=token).exists():
            return "already done"
        if through_store:
            files.store(f"checks/{token}.txt", f"check {token}".encode())  # written once under its name
        time.sleep(hold_seconds)
        WorkerCheck.objects.create(token=token, worker_id=worker_id, done_at=timezone.now())
    return worker_id
