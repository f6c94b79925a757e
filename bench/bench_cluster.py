"""Requests a second through nginx with one app server and with two, against a static file through the same nginx.

    .venv/bin/python bench/bench_cluster.py [--seconds 15] [--connections 16] [--reuse]

Starts the layout of docs/deploy.md on loopback (scripts/cluster.py: nginx, two gunicorn app servers with two
processes each, two task workers, PostgreSQL 15, SeaweedFS) with the demo's data, then runs wrk (Debian's
package) three ways, each for the same time and connections:

- **static**: one collected stylesheet, served by nginx from disk: the baseline, measured in the same run;
- **public mix**: what residents and the press read on publication day, in turn: the home page, the index of
  councils, a council's page, its latest published plan (read from the store and checked against its hash) and
  the plan's PDF (an immutable file nginx keeps after the first request);
- **department mix**: signed in as the demo's analyst: the department's home, the register of 317 councils,
  the explorer and the panel summary;

each mix with nginx in front of app server 1 alone, then in front of both. Figures are requests a second, and
each as a ratio to the static baseline; p50 and p99 latency. `--reuse` keeps a layout started by an earlier run
(its state in /tmp/bench-cluster) instead of starting one, which takes a few minutes with the demo's data.
"""

import argparse
import importlib.util
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
FOLDER = Path("/tmp/bench-cluster")
DEMO_PASSWORD = "demo-plans-2024"  # devdata/cast.py


def load_cluster_module():
    spec = importlib.util.spec_from_file_location("cluster_layout", ROOT / "scripts" / "cluster.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sql(cluster, statement: str):
    import psycopg

    with psycopg.connect(cluster.database_url.replace("postgres://", "postgresql://")) as connection:
        return connection.execute(statement).fetchall()


def signed_in_cookie(base: str, username: str) -> str:
    session = requests.Session()
    page = session.get(f"{base}/sign-in/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
    answer = session.post(
        f"{base}/sign-in/",
        {"csrfmiddlewaretoken": token, "username": username, "password": DEMO_PASSWORD},
        timeout=30,
    )
    assert "Sign out" in answer.text, "the demo's analyst could not sign in"
    return "; ".join(f"{name}={value}" for name, value in session.cookies.items())


def wrk(url: str, paths: list[str], *, seconds: int, connections: int, cookie: str = "") -> dict:
    """Run wrk over `paths` in turn; requests a second, p50 and p99 in ms, and non-2xx/3xx answers."""
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)  # noqa: SIM115 - wrk reads it by name
    quoted = ", ".join(f'"{path}"' for path in paths)
    header = f'wrk.headers["Cookie"] = "{cookie}"\n' if cookie else ""
    script.write(
        f"{header}paths = {{{quoted}}}\ni = 0\n"
        'request = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n'
    )
    script.close()
    out = subprocess.run(  # noqa: S603 - wrk with our own arguments
        ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--latency", "-s", script.name, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    Path(script.name).unlink()

    def latency(percent: str) -> float:
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": int(errors[1]) if errors else 0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--reuse", action="store_true")
    args = parser.parse_args()

    module = load_cluster_module()
    cluster = module.Cluster(folder=FOLDER, base_port=8800, database="plans_cluster_bench")
    if not (args.reuse and cluster.running("nginx")):
        print("Starting the layout with the demo's data (a few minutes)...", flush=True)  # noqa: T201
        cluster.start(demo=True)

    ((code, content_hash),) = sql(
        cluster,
        "SELECT c.gss_code, p.content_hash FROM submissions_publication p "
        "JOIN councils_council c ON c.id = p.council_id ORDER BY p.id LIMIT 1",
    )
    council_page = requests.get(f"{cluster.url}/councils/{code}/", timeout=30).text
    latest = re.search(rf'href="(/councils/{code}/plans/[a-z0-9-]+/)"', council_page)[1]
    stylesheet = re.search(r'href="(/static/app\.[0-9a-f]+\.css)"', council_page)[1]
    public = ["/", "/councils/", f"/councils/{code}/", latest, f"/published/{content_hash}/plan.pdf"]
    ((slug,),) = sql(cluster, "SELECT slug FROM plans_return ORDER BY id LIMIT 1")
    department = ["/department/", f"/department/returns/{slug}/", "/analysis/explorer/", "/analysis/explorer/summary/"]
    cookie = signed_in_cookie(cluster.url, "department-analyst")
    for path in public:
        assert requests.get(cluster.url + path, timeout=60).status_code == 200, path
    for path in department:
        answer = requests.get(cluster.url + path, headers={"Cookie": cookie}, timeout=60)
        assert answer.status_code == 200, path

    options = {"seconds": args.seconds, "connections": args.connections}
    rows = []
    for apps in ([1], [1, 2]):
        cluster.start_nginx(apps)
        cluster.wait_for(cluster.url + "/health/")
        rows.append(("static file", len(apps), wrk(cluster.url, [stylesheet], **options)))
        rows.append(("public mix", len(apps), wrk(cluster.url, public, **options)))
        rows.append(("department mix", len(apps), wrk(cluster.url, department, cookie=cookie, **options)))

    print(f"\n{args.connections} connections, {args.seconds} s each, wrk on the same 2-core machine")  # noqa: T201
    print(f"{'what':16} {'app servers':>11} {'req/s':>9} {'x static':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")  # noqa: T201
    static = {n: r["rps"] for what, n, r in rows if what == "static file"}
    for what, n, result in rows:
        print(  # noqa: T201
            f"{what:16} {n:>11} {result['rps']:>9.1f} {result['rps'] / static[n]:>9.3f} "
            f"{result['p50']:>8.1f} {result['p99']:>8.1f} {result['errors']:>7}"
        )
    cluster.start_nginx()
    print(
        f'\nThe layout is still running; stop it with: {module.PYTHON} -c "import sys; sys.path.insert(0, '  # noqa: T201
        f"'scripts'); from cluster import Cluster; Cluster('{FOLDER}').stop()\""
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
