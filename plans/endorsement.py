"""Whether members' endorsement of a plan version is in effect.

Endorsement is decided in governance, a later stage that plans may not import. Governance
registers its answer when the app starts (governance/apps.py); until then, as in a project without
governance, no version counts as endorsed.
"""

from collections.abc import Callable

_endorsement_check: Callable[[object], bool] | None = None


def register_endorsement_check(check: Callable[[object], bool]) -> None:
    global _endorsement_check
    _endorsement_check = check


def version_is_endorsed(version) -> bool:
    return bool(_endorsement_check and _endorsement_check(version))
