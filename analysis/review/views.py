"""Human review of a passage's themes, barriers and figures.

Thin: access -> form -> analysis.review.services service -> redirect (POST) or render (GET). Department staff
read the review page; analysts and administrators change tags; other department staff get 403 on a
change and nothing is saved; anyone outside the department gets 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from analysis.explorer import selectors as explorer
from analysis.review import services as review
from analysis.review.forms import AddFigureForm, BarriersReviewForm, FigureReviewForm, ThemesReviewForm
from core.forms import add_refusal_after_redirect
from core.refusals import Refusal
from plans.selectors import barrier_categories


def _forbidden(request, passage):
    return render(request, "analysis/review/forbidden.html", {"passage": passage}, status=403)


def _forms(found: review.PassageReview, *, bound=None) -> dict:
    themes = ThemesReviewForm(
        initial={"themes": [str(c.theme.number) for c in found.themes if c.applies], "token": found.token},
        themes=[c.theme for c in found.themes],
    )
    barriers = BarriersReviewForm(
        initial={"barriers": [c.category.slug for c in found.barriers if c.applies], "token": found.token},
        categories=[c.category for c in found.barriers],
    )
    figures = {
        figure.pk: FigureReviewForm(
            prefix=f"figure-{figure.pk}",
            initial={"kind": figure.kind, "value": figure.value.normalize(), "unit": figure.unit, "token": found.token},
        )
        for figure in found.figures
    }
    add_figure = AddFigureForm(initial={"token": found.token})
    if bound is not None:
        name, form, figure_id = bound
        if name == "themes":
            themes = form
        elif name == "barriers":
            barriers = form
        elif name == "add_figure":
            add_figure = form
        else:
            figures[figure_id] = form
    return {"themes_form": themes, "barriers_form": barriers, "figure_forms": figures, "add_figure_form": add_figure}


def _page(request, passage, *, bound=None, status=200):
    found = review.passage_review(passage)
    forms = _forms(found, bound=bound)
    return render(
        request,
        "analysis/review/passage.html",
        {
            "review": found,
            "figure_rows": [(figure, forms["figure_forms"][figure.pk]) for figure in found.figures],
            "themes_form": forms["themes_form"],
            "barriers_form": forms["barriers_form"],
            "add_figure_form": forms["add_figure_form"],
            # The base template puts a bound form's errors in the error summary at the top.
            "form": bound[1] if bound else None,
            "may_review": request.user.has_perm(review.REVIEW),
            "note": explorer.RESPONSIBLE_USE,
        },
        status=status,
    )


@require_GET
@login_required
def review_passage(request, passage_id):
    """A passage with its document, page and every tag: who or what gave it, and the review history."""
    passage = review.get_passage_for_review(request.user, passage_id)
    return _page(request, passage)


def _done(request, passage, outcome: review.ReviewOutcome):
    if outcome.changed:
        messages.success(request, f"Review saved. {outcome.summary()}")
    else:
        messages.info(request, "Nothing changed: the tags were already as you said.")
    return redirect("analysis:review_passage", passage_id=passage.pk)


def _save(request, passage, change):
    """Run one review through its service: a refusal is shown on the passage's page, nothing saved."""
    try:
        outcome = change()
    except Refusal as refusal:
        add_refusal_after_redirect(request, refusal)
        return redirect("analysis:review_passage", passage_id=passage.pk)
    return _done(request, passage, outcome)


def _reviewer_passage(request, passage_id):
    """(passage, None) for a person who may review it; (passage, the 403 page) for one who may only
    read it. Anyone outside the department gets 404."""
    passage = review.get_passage_for_review(request.user, passage_id)
    try:
        review.check_can_review(request.user)
    except PermissionDenied:
        return passage, _forbidden(request, passage)
    return passage, None


@require_POST
@login_required
def review_themes(request, passage_id):
    passage, refused = _reviewer_passage(request, passage_id)
    if refused:
        return refused
    themes = list(passage.document.return_definition.themes.order_by("number"))
    form = ThemesReviewForm(request.POST, themes=themes)
    if not form.is_valid():
        return _page(request, passage, bound=("themes", form, None), status=400)
    return _save(
        request,
        passage,
        lambda: review.review_themes(
            passage=passage, theme_numbers=form.theme_numbers(), token=form.cleaned_data["token"], actor=request.user
        ),
    )


@require_POST
@login_required
def review_barriers(request, passage_id):
    passage, refused = _reviewer_passage(request, passage_id)
    if refused:
        return refused
    form = BarriersReviewForm(request.POST, categories=barrier_categories())
    if not form.is_valid():
        return _page(request, passage, bound=("barriers", form, None), status=400)
    return _save(
        request,
        passage,
        lambda: review.review_barriers(
            passage=passage,
            category_slugs=form.cleaned_data["barriers"],
            token=form.cleaned_data["token"],
            actor=request.user,
        ),
    )


@require_POST
@login_required
def review_figure(request, passage_id, figure_id):
    passage = review.get_passage_for_review(request.user, passage_id)
    try:
        figure = review.get_figure_for_review(request.user, passage, figure_id)
    except PermissionDenied:
        return _forbidden(request, passage)
    form = FigureReviewForm(request.POST, prefix=f"figure-{figure.pk}")
    if not form.is_valid():
        return _page(request, passage, bound=("figure", form, figure.pk), status=400)
    data = form.cleaned_data
    return _save(
        request,
        passage,
        lambda: review.review_figure(
            figure=figure,
            action=data["action"],
            kind=data.get("kind") or "",
            value=data.get("value"),
            unit=data.get("unit") or "",
            token=data["token"],
            actor=request.user,
        ),
    )


@require_POST
@login_required
def add_figure(request, passage_id):
    """A figure the plan gives in the passage that the analysis missed, added by a person."""
    passage, refused = _reviewer_passage(request, passage_id)
    if refused:
        return refused
    form = AddFigureForm(request.POST)
    if not form.is_valid():
        return _page(request, passage, bound=("add_figure", form, None), status=400)
    data = form.cleaned_data
    return _save(
        request,
        passage,
        lambda: review.add_figure(
            passage=passage,
            kind=data["kind"],
            value=data["value"],
            measures=data["measures"],
            token=data["token"],
            actor=request.user,
        ),
    )
