"""The service rides out a database outage under `make run`'s process layout (scripts/run.sh: gunicorn and a
supervised task worker) against the machine's real PostgreSQL 15, which this test stops and starts again.

While the database is down, dynamic pages answer "Sorry, the service is unavailable" (503, Retry-After) and
static assets are still served; once it is back, pages answer within 10 seconds and the task worker is
running again, without anything being restarted by hand.

It stops the machine's PostgreSQL, so it runs only when asked: `.ci/run` runs it (OUTAGE_TEST=1) after the
PostgreSQL suite has finished. Needs root (pg_ctlcluster) and scripts/start-postgres.sh's role.
"""

import os
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
DATABASE = "plans_outage"
ADMIN_URL = "postgres://plans:plans@127.0.0.1:5432/plans"

pytestmark = pytest.mark.skipif(os.environ.get("OUTAGE_TEST") != "1", reason="stops PostgreSQL: .ci/run only")


def get(path: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(BASE + path, timeout=5) as response:  # noqa: S310 - our own loopback server
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()
    except OSError:
        return 0, {}, b""


def wait_for(path: str, status: int, seconds: float) -> float | None:
    """Seconds until `path` answers `status`, or None if it did not within `seconds`."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if get(path)[0] == status:
            return time.monotonic() - started
        time.sleep(0.25)
    return None


def cluster(action: str) -> None:
    """Stop or start the machine's cluster; starting one already running (exit 2) is fine."""
    command = ["pg_ctlcluster", "15", "main", action, *(["-m", "fast"] if action == "stop" else [])]
    code = subprocess.run(command, check=False).returncode  # noqa: S603 - fixed arguments
    assert code == 0 or (action == "start" and code == 2), f"pg_ctlcluster {action}: exit {code}"


def sql(statement: str) -> None:
    import psycopg

    with psycopg.connect(ADMIN_URL.replace("postgres://", "postgresql://"), autocommit=True) as connection:
        connection.execute(statement)


def workers(group: int) -> list[str]:
    out = subprocess.run(["ps", "-o", "pid=,args=", "-g", str(group)], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if "run_worker" in line and "manage.py" in line]


@pytest.fixture
def service():
    sql(f"DROP DATABASE IF EXISTS {DATABASE}")
    sql(f"CREATE DATABASE {DATABASE}")
    folder = Path(tempfile.mkdtemp(prefix="outage-"))
    env = {
        **os.environ,
        "DATABASE_URL": ADMIN_URL.rsplit("/", 1)[0] + f"/{DATABASE}",
        "MEDIA_ROOT": str(folder / "media"),
        "STATIC_ROOT": str(folder / "static"),
        "SECRET_KEY": "outage-test-" + "k" * 40,
        "DEBUG": "false",
    }
    python = str(ROOT / ".venv" / "bin" / "python")
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"]):
        subprocess.run([python, "manage.py", *command, "--verbosity", "0"], cwd=ROOT, env=env, check=True)
    log = open(folder / "run.log", "wb")  # noqa: SIM115 - closed in the teardown
    process = subprocess.Popen(  # noqa: S603 - our own script
        ["scripts/run.sh", "127.0.0.1", str(PORT)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        assert wait_for("/", 200, 90) is not None, (folder / "run.log").read_text()[-3000:]
        yield process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()
        cluster("start")
        sql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def test_pages_say_unavailable_during_an_outage_and_recover_within_ten_seconds_after(service):
    stylesheet = "/static/app.css"
    assert get(stylesheet)[0] == 200
    assert workers(service.pid), "the task worker runs beside gunicorn"

    cluster("stop")
    try:
        time.sleep(1)
        status, headers, body = get("/")
        assert status == 503, body[:500]
        assert headers.get("Retry-After") == "30"
        assert b"Sorry, the service is unavailable" in body
        assert get(stylesheet)[0] == 200, "static assets are served while the database is down"
        time.sleep(4)  # long enough for the worker to notice and be started again
        assert service.poll() is None, "run.sh is still running"
    finally:
        cluster("start")

    recovered = wait_for("/", 200, 10)
    assert recovered is not None, "pages answer within 10 s of the database returning"
    time.sleep(3)
    assert workers(service.pid), "the task worker is running again"
    assert service.poll() is None
