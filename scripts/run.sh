#!/usr/bin/env bash
# Serve the app with gunicorn and run the django-tasks worker beside it; Ctrl+C stops both.
set -euo pipefail
host="${1:-127.0.0.1}"
port="${2:-8000}"
cd "$(dirname "$0")/.."

# Daily work the worker runs: statuses and deadline reminders, and the audit log's anchor file.
# Each command queues its task once, however often the service is started.
.venv/bin/python manage.py send_return_reminders --daily
.venv/bin/python manage.py write_audit_anchor --schedule
.venv/bin/python manage.py db_worker --no-startup-delay &
worker=$!
.venv/bin/gunicorn config.wsgi --bind "$host:$port" --workers 2 --no-control-socket --access-logfile - &
web=$!
trap 'kill $web $worker 2>/dev/null; wait' INT TERM EXIT

sleep 1
echo
echo "The Productivity plans service is running at http://$host:$port"
echo "Background task worker: running (django-tasks database queue)"
.venv/bin/python manage.py demo_sign_ins --base-url "http://$host:$port"
echo "Press Ctrl+C to stop."
wait -n $web $worker
