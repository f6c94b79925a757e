"""Signals that let earlier stages announce changes that later stages summarise.

Services in `plans` and `governance` cannot import `submissions` (the flow only
goes forward), so they announce that a council's progress on a return changed
and the register of statuses, owned by `submissions`, recomputes itself.
"""

from django.dispatch import Signal

# Sent with council_id and return_id after any write that can change a council's status.
return_progress_changed = Signal()
