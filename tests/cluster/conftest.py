"""The cluster suite: the multi-machine layout (scripts/cluster.py) started for real on this machine, and people's
requests sent to it through nginx and straight to each app server.

It needs nginx, SeaweedFS and the machine's PostgreSQL 15, and takes a few minutes, so it runs only when asked:
`.ci/run` runs it with CLUSTER_TEST=1, on its own:

    CLUSTER_TEST=1 .venv/bin/python -m pytest -p no:randomly --confcutdir=tests/cluster tests/cluster

(`--confcutdir` keeps the rest of the suite's fixtures, which make a test database of their own, out of it.)
"""

import importlib.util
import json
import os
import subprocess
import tempfile
from pathlib import Path

import psycopg
import pytest
import requests
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
ENABLED = os.environ.get("CLUSTER_TEST") == "1"


def _cluster_module():
    spec = importlib.util.spec_from_file_location("cluster_layout", ROOT / "scripts" / "cluster.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def layout():
    """The layout, started once for the suite, and the people and plans made in it."""
    if not ENABLED:
        pytest.skip("starts nginx, SeaweedFS and four service processes: .ci/run only (CLUSTER_TEST=1)")
    module = _cluster_module()
    cluster = module.Cluster(
        folder=Path(tempfile.mkdtemp(prefix="cluster-")), base_port=8700, database="plans_cluster_suite"
    )
    try:
        cluster.start()
        made = subprocess.run(  # noqa: S603 - our own script
            [module.PYTHON, "-m", "tests.cluster.scenario"],
            cwd=ROOT,
            env=cluster.env(),
            check=True,
            capture_output=True,
            text=True,
        )
        cluster.data = json.loads(made.stdout)
        yield cluster
    finally:
        cluster.stop()
        logs = cluster.folder / "logs"
        if logs.exists():
            for log in sorted(logs.glob("*.log")):
                tail = log.read_text(errors="replace")[-1500:]
                print(f"\n--- {log.name} (last lines) ---\n{tail}")  # noqa: T201 - shown when the suite fails


@pytest.fixture
def sql(layout):
    """Run one query against the cluster's database and return its rows."""

    def query(statement: str, *params):
        with psycopg.connect(layout.database_url.replace("postgres://", "postgresql://")) as connection:
            return connection.execute(statement, params).fetchall()

    return query


class Visitor:
    """One person's browser: a cookie jar, sent to whichever address each request names."""

    def __init__(self):
        self.session = requests.Session()

    def get(self, url, **kwargs):
        return self.session.get(url, timeout=60, **kwargs)

    def post(self, url, data=None, **kwargs):
        return self.session.post(url, data=data, timeout=60, **kwargs)

    def form(self, url, *, action: str | None = None, **changes):
        """GET the page at `url`, fill in its form (the one posting to an address containing `action`, else the
        first with a CSRF token) with what it already holds plus `changes`; return (post address, fields)."""
        page = self.get(url)
        assert page.status_code == 200, (url, page.status_code, page.text[:500])
        form = self.form_in(page.text, action, url)
        fields = {**self.fields_in(form), **changes}
        target = form.get("action") or url
        if target.startswith("/"):
            target = "/".join(url.split("/", 3)[:3]) + target
        return target, fields

    @staticmethod
    def form_in(html: str, action: str | None, url: str = ""):
        soup = BeautifulSoup(html, "html.parser")
        forms = [f for f in soup.find_all("form") if f.find("input", attrs={"name": "csrfmiddlewaretoken"})]
        if action is not None:
            forms = [f for f in forms if action in (f.get("action") or url)]
        assert forms, f"no form posting to {action!r} on {url or 'the page'}"
        return forms[0]

    @staticmethod
    def fields_in(form) -> dict:
        fields = {}
        for field in form.find_all(["input", "textarea"]):
            name = field.get("name")
            if not name or field.get("type") in ("submit", "button", "file"):
                continue
            if field.get("type") in ("radio", "checkbox") and not field.has_attr("checked"):
                continue
            fields[name] = field.text if field.name == "textarea" else field.get("value", "")
        return fields

    @classmethod
    def fields_of(cls, html: str, action: str) -> dict:
        return cls.fields_in(cls.form_in(html, action))

    def sign_in(self, base: str, username: str, password: str) -> None:
        target, fields = self.form(f"{base}/sign-in/", username=username, password=password)
        response = self.post(target, fields, headers={"Referer": f"{base}/sign-in/"})
        assert response.status_code == 200 and "Sign out" in response.text, response.text[:1000]


@pytest.fixture
def visitor():
    return Visitor()
