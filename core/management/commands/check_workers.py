"""`manage.py check_workers`: queue N check tasks and wait until every one has left its one row, then say
which workers ran them. Run it after a deployment, or whenever the queue seems stuck:

    manage.py check_workers --tasks 20 --timeout 60
"""

import time
import uuid

from django.core.management.base import BaseCommand, CommandError

from core.models import WorkerCheck
from core.workers import live_workers, record_worker_check


class Command(BaseCommand):
    help = "Queue check tasks and wait for the task workers to run each one once"

    def add_arguments(self, parser):
        parser.add_argument("--tasks", type=int, default=10, help="How many check tasks to queue (default 10)")
        parser.add_argument("--timeout", type=float, default=60, help="Seconds to wait for them (default 60)")
        parser.add_argument("--hold", type=float, default=0.0, help="Seconds each task holds its transaction open")
        parser.add_argument("--store", action="store_true", help="Each task also writes a file to the shared store")

    def handle(self, *, tasks, timeout, hold, store, **options):
        if tasks < 1:
            raise CommandError("--tasks must be at least 1")
        tokens = [f"check-{uuid.uuid4().hex}" for _ in range(tasks)]
        for token in tokens:
            record_worker_check.enqueue(token, hold, store)
        started = time.monotonic()
        done = {}
        while time.monotonic() - started < timeout:
            done = dict(WorkerCheck.objects.filter(token__in=tokens).values_list("token", "worker_id"))
            if len(done) == len(tokens):
                break
            time.sleep(0.25)
        alive = [beat.worker_id for beat in live_workers()]
        by_worker = {worker: list(done.values()).count(worker) for worker in sorted(set(done.values()))}
        self.stdout.write(f"Live workers: {len(alive)}")
        for worker, count in by_worker.items():
            self.stdout.write(f"  {worker}: ran {count}")
        if len(done) < len(tokens):
            raise CommandError(f"{len(tokens) - len(done)} of {len(tokens)} check tasks not done after {timeout:g} s")
        self.stdout.write(f"All {len(tokens)} check tasks ran once, in {time.monotonic() - started:.1f} s")
