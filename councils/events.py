"""The audit events councils writes, as pages show them (`core.event_labels` finds this module)."""

LABELS = {
    "CouncilRegisterLoaded": "Register of councils loaded",
    "CouncilRoleGranted": "Council role given",
}
