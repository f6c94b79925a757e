"""The department's explorer across every plan, and the panel summary export.

Thin: check access -> read the filters -> ask analysis.explorer.selectors / analysis.summaries.services ->
render. Department staff only; council people and anyone else get 404. Nothing here ranks councils: lists are
alphabetical, figures are distributions.
"""

from decimal import Decimal, InvalidOperation

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from analysis.explorer import selectors as explorer
from analysis.explorer.forms import ExplorerFilterForm, FigureKindForm, SearchForm
from analysis.selectors import search_passages
from analysis.summaries import services as summary
from plans.selectors import barrier_categories, open_returns

PASSAGES_PER_PAGE = 50
SEARCH_LIMIT = 200  # the best matches shown; more words narrow a search further
REFRESH_SECONDS = 3


def _filters(request) -> tuple[explorer.Filters, ExplorerFilterForm]:
    """The explorer's filters from the query string; 404 when there is no return to explore."""
    explorer.check_can_explore(request.user)
    form = ExplorerFilterForm(request.GET, returns=open_returns())
    values = form.values()
    if values["return_definition"] is None:
        raise Http404("There is no return to explore")
    return explorer.Filters(**values), form


def _context(request, filters, form, section: str, **extra) -> dict:
    return {
        "filters": filters,
        "filter_form": form,
        "section": section,
        "note": explorer.RESPONSIBLE_USE,
        "query": filters.query(),
        "may_review": request.user.has_perm("analysis.review_tags"),
        **extra,
    }


def _themes(filters):
    return list(filters.return_definition.themes.order_by("number"))


def _counts(filters) -> tuple[str, explorer.Counts]:
    return explorer.counts(filters, themes=_themes(filters), categories=barrier_categories())


@require_GET
@login_required
def explorer_home(request):
    """What the plans say, counted by council: themes, barriers, figures, reviews; a search box; exports."""
    filters, form = _filters(request)
    _, found = _counts(filters)
    scope, themes, barriers = found.scope, found.themes, found.barriers
    return render(
        request,
        "analysis/explorer/home.html",
        _context(
            request,
            filters,
            form,
            "home",
            scope=scope,
            themes=themes,
            theme_bars=explorer.bars([(row.label, row.councils, row) for row in themes], scope.councils),
            barriers=barriers,
            barrier_bars=explorer.bars([(row.label, row.councils, row) for row in barriers], scope.councils),
            figure_kinds=found.figure_kinds,
            review=found.review,
            search_form=SearchForm(),
        ),
    )


def _split_tables(scope, rows, filters):
    return [explorer.split_table(rows, scope, split, filters) for split in explorer.SPLITS]


@require_GET
@login_required
def explorer_barriers(request):
    """Barrier categories by the number of councils naming them, split by council type and by region."""
    filters, form = _filters(request)
    shared_key, found = _counts(filters)
    scope, rows = found.scope, found.barriers
    return render(
        request,
        "analysis/explorer/barriers.html",
        _context(
            request,
            filters,
            form,
            "barriers",
            scope=scope,
            rows=rows,
            # Callables: the template calls them only when its cached tables are out of date.
            bars=lambda: explorer.bars([(row.label, row.councils, row) for row in rows], scope.councils),
            tables=lambda: _split_tables(scope, rows, filters),
            shared_key=shared_key,
        ),
    )


@require_GET
@login_required
def explorer_themes(request):
    """How many councils' plans speak to each theme, split by council type and by region."""
    filters, form = _filters(request)
    shared_key, found = _counts(filters)
    scope, rows = found.scope, found.themes
    return render(
        request,
        "analysis/explorer/themes.html",
        _context(
            request,
            filters,
            form,
            "themes",
            scope=scope,
            rows=rows,
            # Callables: the template calls them only when its cached tables are out of date.
            bars=lambda: explorer.bars([(row.label, row.councils, row) for row in rows], scope.councils),
            tables=lambda: _split_tables(scope, rows, filters),
            shared_key=shared_key,
        ),
    )


@require_GET
@login_required
def explorer_figures(request):
    """A figure compared across councils as distributions (by council type or region) and a histogram."""
    filters, form = _filters(request)
    kind_form = FigureKindForm(request.GET)
    chosen = kind_form.values()
    comparison, figure_kinds = explorer.figures_page(filters, chosen["kind"], chosen["split"])
    return render(
        request,
        "analysis/explorer/figures.html",
        _context(
            request,
            filters,
            form,
            "figures",
            kind_form=kind_form,
            comparison=comparison,
            distribution_rows=explorer.comparison_rows(comparison, filters),
            figure_kinds=figure_kinds,
            bin_bars=explorer.histogram_bars(comparison, filters),
        ),
    )


def _decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(text)
    except (InvalidOperation, TypeError, ValueError):
        return None
    return value if value.is_finite() else None


def _question(request, filters) -> explorer.Question | None:
    """What count the person clicked: a theme number, a barrier category or a figure kind (and range)."""
    params = request.GET
    theme = params.get("theme", "")
    if theme:
        if not theme.isdigit() or int(theme) not in {t.number for t in _themes(filters)}:
            raise Http404("No such theme")
        return explorer.Question(theme=int(theme))
    barrier = params.get("barrier", "")
    if barrier:
        if barrier not in {c.slug for c in barrier_categories()}:
            raise Http404("No such barrier category")
        return explorer.Question(barrier=barrier)
    figure = params.get("figure", "")
    if not figure:
        return None
    if not explorer.is_figure_kind(figure):
        raise Http404("Choose a theme, barrier category or figure")
    low, high = _decimal(params.get("from", "")), _decimal(params.get("to", ""))
    if (low is None) != (high is None) or (low is not None and low > high):
        raise Http404("No such range of values")
    return explorer.Question(figure=figure, low=low, high=high, last=params.get("last") == "1")


@require_GET
@login_required
def explorer_passages(request):
    """The passages behind a count: council (alphabetical), document, page, and the words highlighted."""
    filters, form = _filters(request)
    question = _question(request, filters)
    if question is None:  # nothing asked: offer every count there is
        _, found = _counts(filters)
        return render(
            request,
            "analysis/explorer/passages_choose.html",
            _context(
                request,
                filters,
                form,
                "passages",
                themes=found.themes,
                barriers=found.barriers,
                figure_kinds=found.figure_kinds,
            ),
        )
    page, rows, councils = explorer.passages_behind(filters, question, request.GET.get("page"), PASSAGES_PER_PAGE)
    return render(
        request,
        "analysis/explorer/passages.html",
        _context(
            request,
            filters,
            form,
            "passages",
            question=question,
            title=explorer.question_title(question, filters),
            page=page,
            rows=rows,
            councils=councils,
            question_query=filters.query(**question.params()),
        ),
    )


@require_GET
@login_required
def explorer_search(request):
    """Full-text search over the passages of every council's current plan document."""
    filters, form = _filters(request)
    search_form = SearchForm(request.GET)
    query = search_form.cleaned_data["q"].strip() if search_form.is_valid() else ""
    shared_key, hits = (
        explorer.shared_entry(
            "search",
            filters,
            lambda: search_passages(
                query,
                return_definition=filters.return_definition,
                authority_type=filters.authority_type,
                region=filters.region,
                plans_only=not filters.every_kind,
                limit=SEARCH_LIMIT,
            ),
            query,
            SEARCH_LIMIT,
        )
        if query
        else ("", [])
    )
    return render(
        request,
        "analysis/explorer/search.html",
        _context(
            request,
            filters,
            form,
            "search",
            search_form=search_form,
            search=query,
            hits=hits,
            limit=SEARCH_LIMIT,
            shared_key=shared_key,
        ),
    )


# --- Panel summary ----------------------------------------------------------------------------


def _summary(request):
    filters, form = _filters(request)
    # Every citation in scope: read once, shared by every reader until the corpus changes.
    found = explorer.shared_result(
        "summary",
        filters,
        lambda: summary.panel_summary(filters, themes=_themes(filters), categories=barrier_categories()),
    )
    return found, filters, form


@require_GET
@login_required
def panel_summary(request):
    """The panel summary on a page: each statement with the councils and passages it rests on."""
    filters, form = _filters(request)
    body = summary.panel_summary_page_body(filters, themes=_themes(filters), categories=barrier_categories())
    return render(
        request,
        "analysis/explorer/summary.html",
        _context(request, filters, form, "summary", summary_body=body),  # a SafeString, as rendered
    )


@require_GET
@login_required
def panel_summary_pdf(request):
    """The summary as PDF: the stored print if this content was printed before; printed now if it is
    small; otherwise a page offering to prepare it in the background (and refreshing while it is)."""
    found, filters, form = _summary(request)
    pdf = summary.stored_pdf(found)
    if pdf is None and summary.citation_count(found) <= summary.PRINT_NOW_CITATIONS:
        pdf = summary.summary_pdf(found, base_url=request.build_absolute_uri("/")).pdf
    if pdf is not None:
        response = HttpResponse(pdf, content_type="application/pdf")
        name = f"panel-summary-{filters.return_definition.slug}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return render(
        request,
        "analysis/explorer/summary_pdf_wait.html",
        _context(
            request,
            filters,
            form,
            "summary",
            citations=summary.citation_count(found),
            waiting=request.GET.get("waiting") == "1",
            refresh_seconds=REFRESH_SECONDS,
        ),
    )


@require_POST
@login_required
def panel_summary_prepare(request):
    """Queue the summary's PDF for the worker, then wait for it on the PDF page."""
    filters, _ = _filters(request)
    summary.prepare_pdf_later(filters=filters)
    return redirect(reverse("analysis:panel_summary_pdf") + "?" + filters.query(waiting="1"))


@require_GET
@login_required
def panel_summary_csv(request):
    found, filters, _ = _summary(request)
    response = HttpResponse(summary.summary_csv(found), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="panel-summary-{filters.return_definition.slug}.csv"'
    return response
