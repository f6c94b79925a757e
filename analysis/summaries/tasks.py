"""Printing the panel summary in the background, for summaries too big to print while a person waits."""

from analysis.summaries import services as summary
from core.tasks import task


@task()
def print_panel_summary(return_slug: str, authority_type: str = "", region: str = "", every_kind: bool = False) -> str:
    """Print the summary for these filters and keep it in storage; returns the stored file's name."""
    found = summary.summary_for(
        return_slug=return_slug, authority_type=authority_type, region=region, every_kind=every_kind
    )
    if found is None:
        return ""
    return summary.store_pdf(found)
