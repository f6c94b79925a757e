"""What monitoring announces to later stages (the public site emails residents who follow a council)."""

from django.dispatch import Signal

# Sent with release_ids (monitoring.ProgressRelease ids) once figures that became public are committed.
progress_published = Signal()
