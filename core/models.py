"""Shared, domain-free models: the append-only, hash-chained audit log, and the task workers' heartbeats."""

import hashlib
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete a record that may only be added."""


class AppendOnlyQuerySet(models.QuerySet):
    """Bulk changes are refused too, so `Model.objects.filter(...).update(...)` cannot rewrite history."""

    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model.__name__} records cannot be changed once written.")

    def delete(self):
        raise AppendOnlyError(f"{self.model.__name__} records cannot be deleted.")

    # Django reads this flag off a queryset method so the manager does not copy it; mypy has no type for it.
    update.queryset_only = True  # type: ignore[attr-defined]
    delete.queryset_only = True  # type: ignore[attr-defined]


class AuditEvent(models.Model):
    """One state change: who did what, when, to which object, and the content hash concerned.

    Each event stores the hash of the one before it, so any edit or deletion in the
    middle of the log breaks the chain and `verify_audit_chain` finds it.
    """

    occurred_at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_name = models.CharField(
        max_length=200, help_text="Kept as text so the record reads the same if the account changes."
    )
    action = models.CharField(max_length=60, db_index=True, help_text="Past-tense event name, e.g. VersionFrozen.")
    council_code = models.CharField(max_length=9, blank=True, db_index=True)
    subject_type = models.CharField(max_length=60)
    subject_id = models.CharField(max_length=64)
    content_hash = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    previous_hash = models.CharField(max_length=64, blank=True)
    event_hash = models.CharField(max_length=64, unique=True)
    # Not stored: what the event was about in plain words, set by the selectors that list events for a page.
    detail: str

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["subject_type", "subject_id"])]

    def __str__(self) -> str:
        return f"{self.action} {self.subject_type}:{self.subject_id} by {self.actor_name}"

    def compute_hash(self) -> str:
        payload = {
            "occurred_at": self.occurred_at.isoformat(),
            "actor_id": self.actor_id,
            "actor_name": self.actor_name,
            "action": self.action,
            "council_code": self.council_code,
            "subject_type": self.subject_type,
            "subject_id": self.subject_id,
            "content_hash": self.content_hash,
            "data": self.data,
            "previous_hash": self.previous_hash,
        }
        canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), cls=DjangoJSONEncoder)
        return hashlib.sha256(canonical.encode()).hexdigest()

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Audit events cannot be changed once written.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit events cannot be deleted.")


class WorkerHeartbeat(models.Model):
    """A task worker that is alive says so every few seconds (core/workers.py). A task left running by a worker
    that has stopped saying so (killed, its machine gone) is put back in the queue for another worker."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.worker_id} on {self.host} (pid {self.pid})"


class WorkerCheck(models.Model):
    """The effect of one check task (`manage.py check_workers`): written once, by whichever worker ran it, in the
    same transaction that finds it not yet written, so a task that is run again leaves one row."""

    token = models.CharField(max_length=64, unique=True)
    worker_id = models.CharField(max_length=64)
    done_at = models.DateTimeField()

    def __str__(self):
        return f"check {self.token} by {self.worker_id}"
