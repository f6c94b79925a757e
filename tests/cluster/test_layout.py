"""Several app servers and task workers sharing only PostgreSQL and the object store, behind nginx: what a person
does through one machine holds on every other, and a machine lost mid-work costs only what it had in hand.

The layout is the one docs/deploy.md describes, started on loopback by scripts/cluster.py: nginx in front of two
gunicorn app servers, each with its own empty local folders, two task workers, PostgreSQL 15 and SeaweedFS.
"""

import hashlib
import re
import signal
import subprocess
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from tests.cluster.conftest import Visitor

FIXTURES = Path(__file__).resolve().parent


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def wait_until(condition, seconds: float, pause: float = 0.25):
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        value = condition()
        if value:
            return value
        time.sleep(pause)
    return None


def post_all_at_once(forms: list[tuple[Visitor, str, dict]]) -> list[int]:
    """Send every (person, address, fields) POST at the same moment, each from its own thread; their statuses."""
    barrier = threading.Barrier(len(forms))

    def send(entry):
        person, target, fields = entry
        barrier.wait()
        return person.post(target, fields).status_code

    with ThreadPoolExecutor(max_workers=len(forms)) as pool:
        return list(pool.map(send, forms))


def queue_check(layout, token: str, *, hold_seconds: float = 0.0, through_store: bool = False) -> None:
    """Queue one worker check task (core/workers.py) from a process of the layout's own."""
    queued = layout.manage(
        "shell",
        "-c",
        f"from core.workers import record_worker_check as c; c.enqueue({token!r}, {hold_seconds}, {through_store})",
    )
    assert queued.returncode == 0, queued.stderr


def check_task(sql, token: str, where: str = "TRUE") -> list[tuple]:
    """(status, worker_ids) of the queued check task with this token, if it matches `where`."""
    return sql(
        f"SELECT status, worker_ids FROM django_tasks_database_dbtaskresult WHERE ({where}) "
        "AND args_kwargs::text LIKE %s",
        f"%{token}%",
    )


def test_a_session_begun_on_one_app_server_continues_on_the_other(layout):
    person = Visitor()
    person.sign_in(layout.app_url(1), layout.data["analyst"], layout.data["password"])
    on_the_other = person.get(f"{layout.app_url(2)}/account/")
    assert on_the_other.status_code == 200 and "Sign out" in on_the_other.text
    assert "Cluster" in on_the_other.text, "the other server knows who is signed in"
    through_nginx = person.get(f"{layout.url}/account/")
    assert through_nginx.status_code == 200 and "Sign out" in through_nginx.text

    target, fields = person.form(f"{layout.app_url(2)}/account/", action="sign-out")
    person.post(target, fields)
    after = person.get(f"{layout.app_url(1)}/account/", allow_redirects=False)
    assert after.status_code == 302 and "/sign-in/" in after.headers["Location"], "signed out on both servers"


def test_a_plan_published_through_one_server_is_served_hash_checked_by_the_other_and_by_nginx(layout, sql):
    plan = layout.data["publish"]
    clerk = Visitor()
    clerk.sign_in(layout.app_url(1), plan["clerk"], layout.data["password"])
    publish_page = f"{layout.app_url(1)}/your-plans/versions/{plan['version_id']}/publish/"
    target, fields = clerk.form(publish_page, action="publish")
    published = clerk.post(target, fields)
    assert published.status_code == 200, published.text[:1000]
    ((content_hash, file_hashes),) = sql(
        "SELECT content_hash, file_hashes FROM submissions_publication WHERE version_id = %s", plan["version_id"]
    )

    for kind in ("html", "pdf", "json"):
        link = f"/published/{content_hash}/plan.{kind}"
        for base in (layout.app_url(2), layout.url, layout.url):
            response = requests.get(base + link, timeout=30)
            assert response.status_code == 200, (base, link)
            assert sha256(response.content) == file_hashes[kind], "the bytes are the ones recorded at publication"
            assert response.headers["ETag"] == f'"{file_hashes[kind]}"'
        assert response.headers.get("X-Cache") == "HIT", "nginx keeps immutable published files after one request"

    council_page = requests.get(f"{layout.app_url(2)}/councils/{plan['council']}/", timeout=30)
    assert council_page.status_code == 200 and f"/published/{content_hash}/plan.pdf" in council_page.text
    latest = re.search(rf'href="(/councils/{plan["council"]}/plans/[a-z0-9-]+/)"', council_page.text)
    assert latest, "the council's page links to its latest plan"
    page = requests.get(layout.app_url(2) + latest[1], timeout=30)
    assert page.status_code == 200 and sha256(page.content) == file_hashes["html"]


def test_a_document_uploaded_through_one_server_is_analysed_by_a_worker_and_shown_by_the_other(layout, sql):
    analyst = Visitor()
    analyst.sign_in(layout.app_url(1), layout.data["analyst"], layout.data["password"])
    council = layout.data["racing_authors"][0]["council"]
    target, fields = analyst.form(
        f"{layout.app_url(1)}/analysis/import/",
        action="/analysis/import/",
        council=council,
        return_slug=layout.data["return_slug"],
    )
    plan_text = (FIXTURES / "plan.txt").read_bytes()
    preview = analyst.post(target, fields, files={"document": ("plan.txt", plan_text, "text/plain")})
    assert preview.status_code == 200 and "Add to the corpus" in preview.text, preview.text[:2000]

    # Confirmed on the other server: the staged upload is in the shared store and database, not app server 1's disk.
    soup_fields = Visitor.fields_of(preview.text, "import/confirm")
    confirmed = analyst.post(f"{layout.app_url(2)}/analysis/import/confirm/", {**soup_fields, "action": "confirm"})
    assert confirmed.status_code == 200, confirmed.text[:2000]
    match = re.search(r"/analysis/documents/(\d+)/", confirmed.url)
    assert match, confirmed.url
    document_id = int(match[1])

    target, fields = analyst.form(f"{layout.app_url(2)}/analysis/runs/", action="runs/start")
    started = analyst.post(target, fields)
    assert started.status_code == 200, started.text[:2000]
    run = wait_until(lambda: sql("SELECT id, status FROM analysis_analysisrun WHERE status IN ('done', 'failed')"), 120)
    assert run and run[0][1] == "done", run
    ran_by = wait_until(  # the run is marked done a moment before its task is
        lambda: sql(
            "SELECT worker_ids FROM django_tasks_database_dbtaskresult "
            "WHERE task_path LIKE %s AND status = 'SUCCESSFUL'",
            "%run_analysis",
        ),
        30,
    )
    assert ran_by and ran_by[0][0][-1] in {"worker-1", "worker-2"}

    shown = analyst.get(f"{layout.app_url(1)}/analysis/documents/{document_id}/")
    assert shown.status_code == 200
    assert "shared data platform" in shown.text or "contact centres" in shown.text


def test_fifty_simultaneous_certify_and_submit_requests_over_both_servers_make_one_submission(layout, sql):
    plan = layout.data["submit"]
    submit_url = "/your-plans/versions/{}/submit/".format(plan["version_id"])
    people = []
    for n in range(50):
        person = Visitor()
        base = layout.app_url(1 + n % 2)
        if n < 2:
            person.sign_in(base, plan["chief"], layout.data["password"])
        else:
            person.session.cookies.update(people[n % 2][0].session.cookies)
        target, fields = person.form(base + submit_url, action="submit", confirm="on")
        fields["idempotency_key"] = uuid.uuid4().hex  # fifty separate forms, not one form sent fifty times
        people.append((person, target, fields))

    statuses = post_all_at_once(people)
    assert 500 not in statuses and 502 not in statuses, Counter(statuses)
    ((count,),) = sql("SELECT count(*) FROM submissions_submission WHERE version_id = %s", plan["version_id"])
    assert count == 1


def test_queued_tasks_each_take_effect_exactly_once_with_two_workers_draining_the_queue(layout, sql):
    checked = layout.manage("check_workers", "--tasks", "60", "--hold", "0.1", "--timeout", "120")
    assert "All 60 check tasks ran once" in checked.stdout, checked.stdout + checked.stderr
    rows = sql("SELECT token, worker_id FROM core_workercheck")
    assert len(rows) == len({token for token, _ in rows}) >= 60, "one effect per task, none twice"
    assert {worker for _, worker in rows} == {"worker-1", "worker-2"}, "both workers drained the queue"


def test_a_worker_killed_mid_task_has_its_task_run_again_and_its_effect_happens_once(layout, sql):
    token = f"killed-{uuid.uuid4().hex}"
    queue_check(layout, token, hold_seconds=8.0)
    holder = wait_until(lambda: check_task(sql, token, "status = 'RUNNING'"), 30)
    assert holder, "a worker took the task"
    killed = holder[0][1][-1]
    layout.kill(killed, signal.SIGKILL)

    done = wait_until(lambda: sql("SELECT worker_id FROM core_workercheck WHERE token = %s", token), 90)
    assert done, "the task ran again on the other worker"
    survivor = {"worker-1": "worker-2", "worker-2": "worker-1"}[killed]
    assert [row[0] for row in done] == [survivor], "its effect happened once, by the worker still alive"
    assert check_task(sql, token) == [("SUCCESSFUL", [killed, survivor])]
    layout.start_worker(int(killed.split("-")[1]))


def test_an_app_server_killed_under_load_costs_only_its_requests_in_flight(layout):
    clients = 8
    outcomes: list[tuple[float, int]] = []
    stop = threading.Event()
    lock = threading.Lock()

    def read_pages():
        session = requests.Session()
        while not stop.is_set():
            try:
                status = session.get(f"{layout.url}/councils/?q=borough", timeout=30).status_code
            except requests.RequestException:
                status = 0
            with lock:
                outcomes.append((time.monotonic(), status))

    threads = [threading.Thread(target=read_pages) for _ in range(clients)]
    for thread in threads:
        thread.start()
    time.sleep(3)
    killed_at = time.monotonic()
    layout.kill("app-1", signal.SIGKILL)
    time.sleep(6)
    stop.set()
    for thread in threads:
        thread.join()

    failures = [status for at, status in outcomes if status != 200]
    after = [status for at, status in outcomes if at > killed_at + 2]
    assert len(outcomes) > 20, "the load ran"
    assert len(failures) <= clients, f"at most the requests in flight fail: {Counter(failures)}"
    assert after and all(status == 200 for status in after), "the other server answers everything after"
    layout.start_app(1)
    layout.wait_for(layout.app_url(1) + "/health/")


def test_changes_through_both_servers_at_once_keep_the_audit_chain_linear(layout, sql):
    authors = layout.data["racing_authors"]
    forms = []
    for n, author in enumerate(authors):
        person = Visitor()
        base = layout.app_url(1 + n % 2)
        person.sign_in(base, author["username"], layout.data["password"])
        edit = f"{base}/plans/drafts/{author['draft_id']}/edit/"
        target, fields = person.form(edit, action="edit")
        fields.update(
            {
                name: f"Text saved at once by {author['council']} ({name})."
                for name in fields
                if name.startswith("theme_")
            }
        )
        forms.append((person, target, fields))
    before = sql("SELECT count(*) FROM core_auditevent")[0][0]
    statuses = post_all_at_once(forms)
    assert set(statuses) == {200}, Counter(statuses)

    assert sql("SELECT count(*) FROM core_auditevent")[0][0] >= before + len(forms)
    forks = sql("SELECT previous_hash, count(*) FROM core_auditevent GROUP BY previous_hash HAVING count(*) > 1")
    assert forks == [], "no two events follow the same event"
    verified = layout.manage("verify_audit_log", check=False)
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_a_store_outage_gives_the_unavailable_page_writes_nothing_half_and_workers_retry(layout, sql):
    """The store stops: a page that reads from it, and a publication, which writes to it, answer 503 and leave no
    row behind; a task that needs the store waits and runs again. Once the store is back, all of it works."""
    ((content_hash,),) = sql(
        "SELECT content_hash FROM submissions_publication WHERE version_id = %s", layout.data["publish"]["version_id"]
    )
    pdf = f"{layout.app_url(2)}/published/{content_hash}/plan.pdf"  # read from the store by the app server
    plan = layout.data["outage"]
    clerk = Visitor()
    clerk.sign_in(layout.app_url(1), plan["clerk"], layout.data["password"])
    publish_page = f"{layout.app_url(1)}/your-plans/versions/{plan['version_id']}/publish/"
    target, fields = clerk.form(publish_page, action="publish")
    token = f"store-{uuid.uuid4().hex}"
    events_before = sql("SELECT count(*) FROM core_auditevent WHERE action = 'PlanPublished'")[0][0]

    layout.kill("store", signal.SIGKILL)
    try:
        response = requests.get(pdf, timeout=60)
        assert response.status_code == 503, response.status_code
        assert response.headers["Retry-After"] == "30"
        assert "Sorry, the service is unavailable" in response.text

        refused = clerk.post(target, fields)
        assert refused.status_code == 503 and "Sorry, the service is unavailable" in refused.text
        assert sql("SELECT count(*) FROM submissions_publication WHERE version_id = %s", plan["version_id"]) == [(0,)]
        assert sql("SELECT count(*) FROM core_auditevent WHERE action = 'PlanPublished'")[0][0] == events_before

        queue_check(layout, token, through_store=True)
        waiting = wait_until(lambda: check_task(sql, token, "status = 'READY' AND run_after > now()"), 60)
        assert waiting, "a worker that could not reach the store put the task back to wait"
    finally:
        layout.start_store()

    assert wait_until(lambda: requests.get(pdf, timeout=60).status_code == 200, 90), "served again once it is back"
    done = wait_until(lambda: sql("SELECT worker_id FROM core_workercheck WHERE token = %s", token), 120)
    assert done and len(done) == 1, "the task ran again once the store was back, and its effect happened once"
    assert [status for status, _ in check_task(sql, token)] == ["SUCCESSFUL"]
    target, fields = clerk.form(publish_page, action="publish")
    assert clerk.post(target, fields).status_code == 200
    assert sql("SELECT count(*) FROM submissions_publication WHERE version_id = %s", plan["version_id"]) == [(1,)]


def test_an_app_server_started_without_the_shared_store_refuses_to_start(layout):
    process = layout.start_app(3, OBJECT_STORAGE_BUCKET="")
    try:
        code = process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        raise AssertionError("an app server without the store kept running") from None
    log = (layout.folder / "logs" / "app-3.log").read_text()
    assert code != 0
    assert "OBJECT_STORAGE_BUCKET is not set" in log
    assert not any((layout.app_folder(3) / "media").iterdir())


def test_nothing_was_written_to_an_app_servers_own_disk(layout):
    for number in (1, 2):
        media = layout.app_folder(number) / "media"
        assert list(media.rglob("*")) == [], f"app server {number} wrote files of its own"
