"""The audit events submissions writes, as pages show them and what each changes
(`core.event_labels` and `core.shared_cache` find this module)."""

from core import shared_cache

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

# What each event may change among the results shared through the cache (core.shared_cache); an event not
# named here changes them all.
CHANGES = {
    "CertificationRequested": shared_cache.STAGE,
    "PlanSubmitted": shared_cache.STAGE,
    "ExtensionRequested": shared_cache.STAGE,
    "ExtensionGranted": shared_cache.STAGE,
    "ExtensionRefused": shared_cache.STAGE,
    "CouncilChased": shared_cache.STAGE,
    "ReminderSent": shared_cache.STAGE,
    "PlanPublished": shared_cache.STAGE,
    "PublicationFilesWritten": shared_cache.STAGE,
}
