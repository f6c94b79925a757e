"""The audit events meetings writes, as pages show them (`core.event_labels` finds this module)."""

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
