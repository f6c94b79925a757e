"""Publication-day load on loopback: published plan pages and the index of councils against the same
bytes served as plain static files by the same server, and the department's dynamic register.

Run from the project root: `.venv/bin/python bench/bench_publication_load.py [seconds per URL]`.

It builds the demo in a throwaway SQLite file and media folder (nothing in the project is read or
written), copies the published Dorset page and the written index of councils into a throwaway
STATIC_ROOT, starts gunicorn as scripts/run.sh does (2 sync workers, no control socket), and drives
each URL with `wrk` (installed with apt-get if missing) at a fixed concurrency, all in one run:

- the same bytes as a plain static file (WhiteNoise, /static/bench/...): the baseline;
- the published plan at its public address (/councils/<code>/plans/<slug>/) and at its file address
  (/published/<hash>/plan.html), served by portal.middleware from the written, checked file;
- the index of councils (/councils/), served from the file written at publication, and the same
  page rendered per request (/councils/?page=1) for comparison;
- the department's register of 317 councils (signed in), rendered per request.

It prints requests per second, p50/p95/p99 latency, and each ratio to its static baseline.
"""

import http.cookiejar
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv/bin/python")
GUNICORN = str(ROOT / ".venv/bin/gunicorn")
SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 3  # URLs take turns, so a busy moment hits them all alike
CONNECTIONS = 8
DORSET = "E06000059"
SLUG = "productivity-plan-2024"
LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %.3f %.3f %.3f\\n", summary.requests, summary.duration,
    e.status + e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"""


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    print("Installing wrk with apt-get ...", flush=True)
    subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=True, stdout=subprocess.DEVNULL)
    return shutil.which("wrk")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except Exception:
            time.sleep(0.3)
    raise SystemExit(f"The server did not answer {url}")


def sign_in(base: str, username: str, password: str) -> str:
    """Sign in through the form, as a person would; returns the Cookie header to send."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/sign-in/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password})
    opener.open(urllib.request.Request(base + "/sign-in/", data=data.encode(), headers={"Referer": base + "/sign-in/"}))
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def run_wrk(wrk: str, script: str, url: str, cookie: str = "") -> dict:
    options = ["-t1", f"-c{CONNECTIONS}", "-s", script, "--timeout", "5s"]
    if cookie:
        options += ["-H", f"Cookie: {cookie}"]
    subprocess.run([wrk, *options, "-d2s", url], capture_output=True, check=True)  # warm up
    out = subprocess.run([wrk, *options, f"-d{SECONDS}s", url], capture_output=True, text=True, check=True).stdout
    requests, duration_us, errors, p50, p95, p99 = re.search(r"RESULT (.*)", out).group(1).split()
    return {
        "rps": int(requests) / (int(duration_us) / 1e6),
        "errors": int(errors),
        "p50": float(p50),
        "p95": float(p95),
        "p99": float(p99),
    }


def median_run(runs: list[dict]) -> dict:
    """Each figure's median over the rounds (errors summed)."""
    return {
        key: (sum(r[key] for r in runs) if key == "errors" else statistics.median(r[key] for r in runs))
        for key in runs[0]
    }


def main() -> None:
    wrk = ensure_wrk()
    work = Path(tempfile.mkdtemp(prefix="bench-publication-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{work}/bench.sqlite3",
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),  # the repository's key is refused with DEBUG off
        "LOG_LEVEL": "ERROR",
    }
    try:
        print(f"Building the demo in {work} ...", flush=True)
        manage = [PYTHON, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--no-input", "-v0"], env=env, check=True, cwd=ROOT)
        subprocess.run(
            [*manage, "load_demo_data", "--quiet-sign-ins"], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL
        )
        media = work / "media"
        page = media / "published/councils" / DORSET / SLUG / "index.html"
        index = media / "published/site/councils.html"
        content_hash = re.search(rb'dcterms.identifier" content="sha256:([0-9a-f]{64})', page.read_bytes()).group(1)
        baseline = work / "static/bench"
        baseline.mkdir(parents=True)
        shutil.copyfile(page, baseline / "plan.html")
        shutil.copyfile(index, baseline / "councils.html")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [GUNICORN, "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--no-control-socket"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(base + "/councils/")
            cookie = sign_in(base, "department-analyst", "demo-plans-2024")
            script = work / "report.lua"
            script.write_text(LUA)
            plan_file = f"/published/{content_hash.decode()}/plan.html"
            targets = [
                ("static", "plan page as a plain static file", "/static/bench/plan.html", ""),
                ("plan", "published plan, public address", f"/councils/{DORSET}/plans/{SLUG}/", ""),
                ("plan-file", "published plan, file address", plan_file, ""),
                ("static-index", "index of councils as a plain static file", "/static/bench/councils.html", ""),
                ("index", "index of councils (written file)", "/councils/", ""),
                ("index-rendered", "index of councils rendered per request", "/councils/?page=1", ""),
                ("register", "department register (signed in, rendered)", f"/department/returns/{SLUG}/", cookie),
            ]
            for name, _, path, header in targets:  # every URL answers 200 with the expected body first
                request = urllib.request.Request(base + path, headers={"Cookie": header} if header else {})
                with urllib.request.urlopen(request) as answer:
                    assert answer.status == 200, (name, answer.status)
            print(
                f"\ngunicorn, 2 sync workers; wrk 1 thread, {CONNECTIONS} connections, {SECONDS} s per URL per round, "
                f"loopback; load average before: {os.getloadavg()[0]:.1f}"
            )
            runs = {name: [] for name, *_ in targets}
            for _ in range(ROUNDS):
                for name, _label, path, header in targets:
                    runs[name].append(run_wrk(wrk, str(script), base + path, header))
            results = {name: median_run(found) for name, found in runs.items()}
            print(f"median of {ROUNDS} rounds per URL\n")
            print(f"{'URL':<48} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6}")
            for name, label, _path, _header in targets:
                result = results[name]
                print(
                    f"{label:<48} {result['rps']:>8.0f} {result['p50']:>7.2f} {result['p95']:>7.2f} "
                    f"{result['p99']:>7.2f} {result['errors']:>6}",
                    flush=True,
                )
            print()
            for name, against in [
                ("plan", "static"),
                ("plan-file", "static"),
                ("index", "static-index"),
                ("index-rendered", "static-index"),
                ("register", "static"),
            ]:
                ratio = results[name]["rps"] / results[against]["rps"]
                print(f"throughput {name} / {against}: {ratio:.2f}")
        finally:
            server.terminate()
            server.wait(timeout=10)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
