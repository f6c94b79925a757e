"""The audit events submissions writes, as pages show them (`core.event_labels` finds this module)."""

LABELS = {
    "CertificationRequested": "Asked to certify and submit",
    "PlanSubmitted": "Submitted to the department",
    "ExtensionRequested": "Extension asked for",
    "ExtensionGranted": "Deadline extended",
    "ExtensionRefused": "Extension refused",
    "CouncilChased": "Council chased",
    "ReminderSent": "Reminder sent",
    "PlanPublished": "Published",
    "PublicationFilesWritten": "Publication files written",
}
