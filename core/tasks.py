"""The one way the project declares background tasks (wraps django-tasks)."""

from django_tasks import task as _django_task  # noqa: TID251 - this is the wrapper


def task(*args, **kwargs):
    """Declare a background task; use this rather than importing django_tasks directly."""
    return _django_task(*args, **kwargs)
