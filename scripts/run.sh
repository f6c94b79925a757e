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

# Daily work the worker runs: statuses and deadline reminders, and the audit log's anchor file.
# Each command queues its task once, however often the service is started.
"$venv/bin/python" manage.py send_return_reminders --daily
"$venv/bin/python" manage.py write_audit_anchor --schedule
"$venv/bin/python" manage.py db_worker --no-startup-delay &
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
