#!/usr/bin/env bash
# Start the machine's PostgreSQL 15 cluster and make sure the app's role and database exist.
# The role may create databases, because the test runner creates test_plans.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
pg_ctlcluster 15 main start 2>/dev/null || pg_ctlcluster 15 main status >/dev/null
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q" && break
  sleep 1
done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='plans'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE plans LOGIN PASSWORD 'plans' CREATEDB\""
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='plans'\"" | grep -q 1 \
  || su postgres -c "createdb -O plans plans"
