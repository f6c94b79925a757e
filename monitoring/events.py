"""The audit events monitoring writes, as pages show them and what each changes
(`core.event_labels` and `core.shared_cache` find this module)."""

from core import shared_cache

LABELS = {
    "MetricsCatalogueLoaded": "Metrics catalogue loaded",
    "MetricValuesImported": "Figures loaded from a file",
    "MetricValuesApproved": "Figures approved and published",
    "MetricValuesSetAside": "Held figures set aside",
    "MetricCommentaryWritten": "Commentary on a figure written",
    "MonitoringSettingsChanged": "Approval of new figures changed",
    "CommitmentTracked": "Commitment followed with a metric",
    "CommitmentTrackingChanged": "Commitment's metric, baseline or target changed",
    "CommitmentTrackingStopped": "Commitment no longer followed with a metric",
    "CommitmentStatusesRecomputed": "Commitment statuses worked out again",
}

# What each event may change among the results shared through the cache (core.shared_cache); an event not
# named here changes them all.
CHANGES = {
    "MetricsCatalogueLoaded": shared_cache.COUNCIL_WORK,
    "MetricValuesImported": shared_cache.COUNCIL_WORK,
    "MetricValuesApproved": shared_cache.COUNCIL_WORK,
    "MetricValuesSetAside": shared_cache.COUNCIL_WORK,
    "MetricCommentaryWritten": shared_cache.COUNCIL_WORK,
    "MonitoringSettingsChanged": shared_cache.COUNCIL_WORK,
    "CommitmentTracked": shared_cache.COUNCIL_WORK,
    "CommitmentTrackingChanged": shared_cache.COUNCIL_WORK,
    "CommitmentTrackingStopped": shared_cache.COUNCIL_WORK,
    "CommitmentStatusesRecomputed": shared_cache.COUNCIL_WORK,
}
