"""Refusals of the monitoring services (`core.refusals.Refusal`, so views and the API show them as usual)."""

from core.refusals import Refusal


class MonitoringRefused(Refusal):
    """A monitoring step the rules do not allow."""


class ImportRefused(MonitoringRefused):
    """A file of figures that was not imported, with every problem found in it (nothing was imported)."""

    status_code = 422

    def __init__(self, message: str, *, problems=(), field: str | None = "file"):
        super().__init__(message, field=field)
        self.problems = list(problems)
