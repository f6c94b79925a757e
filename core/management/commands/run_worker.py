"""`manage.py run_worker`: a django-tasks database worker that survives its neighbours dying (core/workers.py).

It is db_worker with a heartbeat: tasks left running by a lost worker are queued again, and a task that could not
reach the file store or the database waits and runs again instead of failing. Run as many as the queue needs, on
any machines that share the database (deploy/systemd/productivity-plans-worker@.service).
"""

from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker

from config.startup import refuse_unsafe_settings
from core import workers


class HeartbeatWorker(Worker):
    def run(self) -> None:
        heartbeat = workers.Heartbeat(self.worker_id)
        heartbeat.start()
        try:
            super().run()
        finally:
            heartbeat.stop()

    def run_task(self, db_task_result) -> None:
        fail = db_task_result.set_failed
        db_task_result.set_failed = lambda error: workers.retry_later_or_fail(db_task_result, error, fail)
        super().run_task(db_task_result)


class Command(DBWorkerCommand):
    help = "Run a task worker with a heartbeat: tasks of lost workers run again, unreachable services are retried"

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ):
        refuse_unsafe_settings()  # a worker writes files too: never to its own disk in a deployment
        self.configure_logging(verbosity)
        worker = HeartbeatWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,  # db_worker draws a random one per process unless given
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
        )
        worker.configure_signals()
        worker.run()
