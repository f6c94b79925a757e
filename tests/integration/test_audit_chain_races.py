"""Writers racing to append to the audit chain (several app servers and workers at once) leave it linear: every
event follows exactly one other, and no two events name the same predecessor. Raced
on PostgreSQL (.ci/run), where locking the tail row alone used to fork the chain."""

import threading
from collections import Counter

import pytest
from django.db import connection, connections

from core.audit import record_event, verify_audit_chain
from core.models import AuditEvent

WRITERS = 12
EVENTS_EACH = 5


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="the in-memory SQLite test database refuses a second writer outright (no busy wait); SQLite runs one "
    "write transaction at a time anyway",
)
def test_events_appended_at_once_from_many_connections_keep_one_line(analyst):
    record_event(action="ChainStarted", actor=analyst, subject=analyst)
    start = threading.Barrier(WRITERS)
    failures = []

    def write(n):
        try:
            start.wait()
            for i in range(EVENTS_EACH):
                record_event(action="RaceProbe", actor=analyst, subject=analyst, data={"writer": n, "i": i})
        except Exception as error:  # pragma: no cover - reported below
            failures.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    events = list(AuditEvent.objects.order_by("id"))
    assert sum(e.action == "RaceProbe" for e in events) == WRITERS * EVENTS_EACH
    predecessors = Counter(e.previous_hash for e in events)
    assert [h for h, n in predecessors.items() if n > 1] == [], "two events name the same predecessor"
    assert all(later.previous_hash == earlier.event_hash for earlier, later in zip(events, events[1:], strict=False))
    assert verify_audit_chain().intact
