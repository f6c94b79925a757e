#!/usr/bin/env bash
# Serve the app with gunicorn and run the django-tasks worker beside it; Ctrl+C stops both.
# Usage: scripts/run.sh [HOST] [PORT]. VENV names the virtualenv to run from (default .venv).
set -euo pipefail
host="${1:-127.0.0.1}"
port="${2:-8000}"
venv="${VENV:-.venv}"
cd "$(dirname "$0")/.."

# Links in emails, feeds and published files name the address the service runs on, unless
# SITE_URL already says where it is reached (behind a proxy, say).
export SITE_URL="${SITE_URL:-http://$host:$port}"

# The repository's SECRET_KEY is public, and the service refuses it with DEBUG off (config/startup.py). The
# demo signs with a key of this machine's own instead, made once in the git-ignored .local/ folder.
if [ -z "${SECRET_KEY:-}" ]; then
  mkdir -p .local
  if [ ! -s .local/secret-key ]; then
    (umask 077; head -c 48 /dev/urandom | base64 | tr -d '\n/+=' > .local/secret-key)
  fi
  SECRET_KEY="$(cat .local/secret-key)"
  export SECRET_KEY
fi
# Two-factor sign-in is required with DEBUG off, but optional in the demo: the printed sign-ins work with their
# password alone (anyone may still set it up under "Your account"). Set REQUIRE_TWO_FACTOR=true to try it on.
export REQUIRE_TWO_FACTOR="${REQUIRE_TWO_FACTOR:-false}"

# Daily work the worker runs: statuses and deadline reminders, and the audit log's anchor file.
# Each command queues its task once, however often the service is started.
"$venv/bin/python" manage.py send_return_reminders --daily
"$venv/bin/python" manage.py write_audit_anchor --schedule
# The task worker is kept running: if it stops (the database went away, say), it starts again after a pause,
# so queued work resumes once the database is back; gunicorn carries on serving meanwhile, answering dynamic
# pages "Sorry, the service is unavailable" (503) until the database returns (core/errors.py).
supervise_worker() {
  local child=""
  trap 'kill $child 2>/dev/null; exit 0' INT TERM
  while true; do
    "$venv/bin/python" manage.py run_worker --no-startup-delay &
    child=$!
    wait $child || true
    echo "The task worker stopped; starting it again in 2 seconds." >&2
    sleep 2 &
    wait $! || true
  done
}
supervise_worker &
worker=$!
"$venv/bin/gunicorn" config.wsgi --bind "$host:$port" --workers 2 --no-control-socket --access-logfile - &
web=$!
trap 'kill $web $worker 2>/dev/null; wait' INT TERM EXIT

sleep 1
echo
echo "The Productivity plans service is running at http://$host:$port"
echo "Links in emails go to $SITE_URL"
echo "Background task worker: running (django-tasks database queue)"
"$venv/bin/python" manage.py demo_sign_ins --base-url "http://$host:$port"
echo "Press Ctrl+C to stop."
wait -n $web $worker
