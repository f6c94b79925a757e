"""The audit events governance writes, as pages show them and what each changes
(`core.event_labels` and `core.shared_cache` find this module)."""

from core import shared_cache

LABELS = {
    "GovernanceSettingsChanged": "Decision settings changed",
    "ReportCreated": "Decision report started",
    "ReportEdited": "Decision report edited",
    "ReportMovedToVersion": "Decision report moved to a newer version",
    "ChecklistPersonNamed": "Person named on a checklist line",
    "ChecklistLineSigned": "Checklist line signed off",
    "ChecklistLineNotApplicable": "Checklist line marked not applicable",
    "ConsulteeInformed": "Consultee informed",
    "ConsulteeNotApplicable": "Consultee line marked not applicable",
    "ScrutinyCommentRecorded": "Scrutiny comments recorded",
    "DecisionRecorded": "Decision recorded",
    "AuthorityDelegated": "Authority delegated for minor amendments",
    "DecisionRecordCompleted": "Decision record completed from the minutes",
    "DecisionRecordPublished": "Decision record published",
    "DecisionCalledIn": "Decision called in",
    "CallInResolved": "Call-in resolved",
    "VersionAmendedUnderDelegation": "Minor amendment made under delegated authority",
}

# What each event may change among the results shared through the cache (core.shared_cache); an event not
# named here changes them all.
CHANGES = {
    "ReportCreated": shared_cache.COUNCIL_WORK,
    "ReportEdited": shared_cache.COUNCIL_WORK,
    "ChecklistPersonNamed": shared_cache.COUNCIL_WORK,
    "ChecklistLineSigned": shared_cache.COUNCIL_WORK,
    "ChecklistLineNotApplicable": shared_cache.COUNCIL_WORK,
    "ConsulteeInformed": shared_cache.COUNCIL_WORK,
    "ConsulteeNotApplicable": shared_cache.COUNCIL_WORK,
    "ScrutinyCommentRecorded": shared_cache.COUNCIL_WORK,
    "DecisionRecorded": shared_cache.STAGE,
    "AuthorityDelegated": shared_cache.STAGE,
    "DecisionRecordCompleted": shared_cache.STAGE,
    "DecisionRecordPublished": shared_cache.STAGE,
    "DecisionCalledIn": shared_cache.STAGE,
    "CallInResolved": shared_cache.STAGE,
    "VersionAmendedUnderDelegation": shared_cache.STAGE,
}
