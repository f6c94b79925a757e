"""The audit events analysis writes, as pages show them and what each changes
(`core.event_labels` and `core.shared_cache` find this module)."""

from core import shared_cache

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

# What each event may change among the results shared through the cache (core.shared_cache); an event not
# named here changes them all.
CHANGES = {
    "PlanDocumentImported": shared_cache.CORPUS_ONLY,
    "PlanDocumentReread": shared_cache.CORPUS_ONLY,
    "PlanVersionAddedToCorpus": shared_cache.CORPUS_ONLY,
    "DocumentKindCorrected": shared_cache.CORPUS_ONLY,
    "AnalysisRunRequested": shared_cache.CORPUS_ONLY,
    "AnalysisRunFinished": shared_cache.CORPUS_ONLY,
    "AnalysisRunFailed": shared_cache.CORPUS_ONLY,
    "PassageThemesReviewed": shared_cache.CORPUS_ONLY,
    "PassageBarriersReviewed": shared_cache.CORPUS_ONLY,
    "PassageFiguresReviewed": shared_cache.CORPUS_ONLY,
}
