"""Governance's refusals: `core.refusals.Refusal` named for the app, and the one refusal that is about
who is asking rather than what is asked."""

from core.refusals import Refusal


class GovernanceRefusal(Refusal):
    """A governance step was refused: bad input or a step out of order. Nothing was written."""


class NotYourLine(Refusal):
    """Someone tried to complete a checklist line, or use a delegation, that names another person."""

    status_code = 403  # the caller may see the line or delegation but it is someone else's to act on
