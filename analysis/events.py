"""The audit events analysis writes, as pages show them (`core.event_labels` finds this module)."""

LABELS = {
    "PlanDocumentImported": "Plan document imported",
    "PlanDocumentReread": "Plan document read again",
    "PlanVersionAddedToCorpus": "Plan version added to the corpus",
    "DocumentKindCorrected": "Kind of document corrected",
    "AnalysisRunRequested": "Analysis run asked for",
    "AnalysisRunFinished": "Analysis run finished",
    "AnalysisRunFailed": "Analysis run failed",
    "PassageThemesReviewed": "Themes reviewed",
    "PassageBarriersReviewed": "Barriers reviewed",
    "PassageFiguresReviewed": "Figures reviewed",
}
