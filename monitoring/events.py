"""The audit events monitoring writes, as pages show them (`core.event_labels` finds this module)."""

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
