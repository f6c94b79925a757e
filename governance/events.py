"""The audit events governance writes, as pages show them (`core.event_labels` finds this module)."""

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
