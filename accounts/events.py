"""The audit events accounts writes, as pages show them (`core.event_labels` finds this module)."""

LABELS = {
    "ApiTokenIssued": "API token issued",
}
