"""The audit events plans writes, as pages show them and what each changes
(`core.event_labels` and `core.shared_cache` find this module)."""

from core import shared_cache

LABELS = {
    "ReturnDefined": "Return defined",
    "DraftStarted": "Draft started",
    "DraftSaved": "Draft saved",
    "VersionFrozen": "Version frozen",
    "SpendEvidenceSaved": "Spend figures saved",
    "BarrierAdded": "Barrier added",
    "BarrierRemoved": "Barrier removed",
    "CommitmentAdded": "Commitment added",
    "CommitmentRemoved": "Commitment removed",
}

# What each event may change among the results shared through the cache (core.shared_cache); an event not
# named here changes them all.
CHANGES = {
    "DraftSaved": shared_cache.COUNCIL_WORK,
    "SpendEvidenceSaved": shared_cache.COUNCIL_WORK,
    "BarrierAdded": shared_cache.COUNCIL_WORK,
    "BarrierRemoved": shared_cache.COUNCIL_WORK,
    "CommitmentAdded": shared_cache.COUNCIL_WORK,
    "CommitmentRemoved": shared_cache.COUNCIL_WORK,
    "DraftStarted": shared_cache.STAGE,
    "VersionFrozen": shared_cache.STAGE,
}
