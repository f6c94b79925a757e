"""The audit events meetings writes, as pages show them and what each changes
(`core.event_labels` and `core.shared_cache` find this module)."""

from core import shared_cache

LABELS = {
    "CommitteeCreated": "Committee added",
    "MeetingScheduled": "Meeting added",
    "PaperWritten": "Committee paper written",
    "PaperEdited": "Committee paper changed",
    "AgendaItemAdded": "Agenda item added",
    "AgendaItemRemoved": "Agenda item removed",
    "AgendaPublished": "Agenda published with its pack",
    "PastAgendaRecorded": "Agenda of a past meeting recorded",
    "SupplementaryAgendaPublished": "Supplementary agenda published with its pack",
    "ReportOnPublishedAgenda": "Put on a published agenda",
}

# What each event may change among the results shared through the cache (core.shared_cache); an event not
# named here changes them all.
CHANGES = {
    "CommitteeCreated": shared_cache.COUNCIL_WORK,
    "MeetingScheduled": shared_cache.COUNCIL_WORK,
    "PaperWritten": shared_cache.COUNCIL_WORK,
    "PaperEdited": shared_cache.COUNCIL_WORK,
    "AgendaItemAdded": shared_cache.COUNCIL_WORK,
    "AgendaItemRemoved": shared_cache.COUNCIL_WORK,
}
