"""The audit events plans writes, as pages show them (`core.event_labels` finds this module)."""

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
