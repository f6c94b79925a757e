"""Printing the panel summary in the background, for summaries too big to print while a person waits; working
out the summary's page and the explorer's counts again as soon as the corpus changes."""

import datetime

from django.utils import timezone

from analysis.explorer import selectors as explorer
from analysis.summaries import services as summary
from core import shared_cache
from core.tasks import task
from plans.selectors import barrier_categories, open_returns


@task()
def print_panel_summary(return_slug: str, authority_type: str = "", region: str = "", every_kind: bool = False) -> str:
    """Print the summary for these filters and keep it in storage; returns the stored file's name."""
    found = summary.summary_for(
        return_slug=return_slug, authority_type=authority_type, region=region, every_kind=every_kind
    )
    if found is None:
        return ""
    return summary.store_pdf(found)


@task()
def warm_explorer() -> int:
    """The explorer's counts and the panel summary's page for each open return with no filter chosen (what a
    reader opens first), worked out again after a change to the corpus retired them, so the first reader finds
    them ready rather than waiting a second or more over a large corpus. Returns how many returns it did."""
    shared_cache.warming_started(shared_cache.CORPUS)
    categories = barrier_categories()
    returns = list(open_returns())
    for return_definition in returns:
        filters = explorer.Filters(return_definition=return_definition)
        themes = list(return_definition.themes.order_by("number"))
        explorer.counts(filters, themes=themes, categories=categories)
        summary.panel_summary_page_body(filters, themes=themes, categories=categories)
    return len(returns)


# A bulk import commits a document at a time: the work waits this long after the first change, so the changes
# that follow meanwhile are taken in by the same run rather than each starting another.
WARM_AFTER_SECONDS = 5


def queue_warm_explorer():
    """Queue `warm_explorer` to start a few seconds from now (at once where tasks cannot wait: tests)."""
    if warm_explorer.get_backend().supports_defer:
        return warm_explorer.using(run_after=timezone.now() + datetime.timedelta(seconds=WARM_AFTER_SECONDS)).enqueue()
    return warm_explorer.enqueue()
