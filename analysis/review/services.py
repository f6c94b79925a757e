"""Human review of what the analysis found in a passage: confirm, correct or remove its themes,
barriers and figures.

A person's decision is written on the tag's own row with `source = person`, `reviewed_by` and
`reviewed_at`; a removal keeps the row with `present = False`. Analysis runs keep every row a
person decided (analysis.runs.services._merge), so a person's decision wins over every later run, and a
removed tag is never brought back. Each review writes one audit event (core.audit.record_event)
with who, when, and the passage's tags before and after.

Reviewing is for department analysts and administrators (`analysis.review_tags`). Other department
staff (the panel) may read the review page but are refused with 403 when they try to change a tag;
anyone outside the department gets 404, as for every analysis page.
"""

import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from analysis.models import Figure, FigureKind, FigureUnit, Passage, PassageBarrier, PassageTheme, TagSource
from core.audit import events_for, record_event
from core.refusals import Refusal
from plans.models import BarrierCategory, Theme

READ = "submissions.read_returns"
REVIEW = "analysis.review_tags"
MAX_ID = 2**31 - 1


class ReviewRefused(Refusal):
    """A review that cannot be saved; the message says why. Nothing was changed."""


# --- Access -------------------------------------------------------------------------------------


def check_can_review(user) -> None:
    """404 for anyone outside the department; 403 for department staff who may read but not review."""
    if not user.has_perm(READ):
        raise Http404("No such page")
    if not user.has_perm(REVIEW):
        raise PermissionDenied("Only department analysts and administrators review tags.")


def get_passage_for_review(user, passage_id: int) -> Passage:
    """A passage of the corpus, for department staff; 404 for everyone else and for unknown ids."""
    if not user.has_perm(READ):
        raise Http404("No such page")
    passage = (
        Passage.objects.select_related("document__council", "document__return_definition").filter(pk=passage_id).first()
        if 0 < passage_id <= MAX_ID
        else None
    )
    if passage is None:
        raise Http404("No such passage")
    return passage


def get_figure_for_review(user, passage: Passage, figure_id: int) -> Figure:
    check_can_review(user)
    figure = Figure.objects.filter(pk=figure_id, passage=passage).first() if 0 < figure_id <= MAX_ID else None
    if figure is None:
        raise Http404("No such figure")
    return figure


# --- What a passage's tags are now --------------------------------------------------------------


def _figure_state(figure: Figure) -> dict:
    return {
        "id": figure.pk,
        "kind": figure.kind,
        "key": figure.key,
        "value": str(figure.value.normalize()),
        "unit": figure.unit,
        "present": figure.present,
        "source": figure.source,
    }


def tag_state(passage: Passage) -> dict:
    """Every tag row of the passage, whoever wrote it: what an audit event's before and after record."""
    return {
        "themes": [
            {"theme": number, "present": present, "source": source}
            for number, present, source in PassageTheme.objects.filter(passage=passage)
            .order_by("theme__number")
            .values_list("theme__number", "present", "source")
        ],
        "barriers": [
            {"category": slug, "present": present, "source": source, "ask": ask}
            for slug, present, source, ask in PassageBarrier.objects.filter(passage=passage)
            .order_by("category__slug")
            .values_list("category__slug", "present", "source", "ask")
        ],
        "figures": [_figure_state(f) for f in Figure.objects.filter(passage=passage).order_by("kind", "key", "pk")],
    }


def state_token(passage: Passage) -> str:
    """A short digest of the passage's tags. A review form carries the token it was drawn with, so a
    review made against tags that changed since (another person, a run) is refused, not merged."""
    encoded = json.dumps(tag_state(passage), sort_keys=True).encode()
    return hashlib.sha256(encoded).hexdigest()[:32]


@dataclass
class ThemeChoice:
    theme: Theme
    row: PassageTheme | None

    @property
    def applies(self) -> bool:
        return bool(self.row and self.row.present)


@dataclass
class BarrierChoice:
    category: BarrierCategory
    row: PassageBarrier | None

    @property
    def applies(self) -> bool:
        return bool(self.row and self.row.present)


@dataclass
class PassageReview:
    passage: Passage
    themes: list[ThemeChoice]
    barriers: list[BarrierChoice]
    figures: list[Figure]
    token: str
    history: list = field(default_factory=list)


def passage_review(passage: Passage) -> PassageReview:
    """The passage with each of its return's themes, every barrier category and its figures, marked
    with what applies now and who decided; and the review history from the audit log."""
    theme_rows = {
        row.theme_id: row for row in PassageTheme.objects.filter(passage=passage).select_related("reviewed_by", "run")
    }
    barrier_rows = {
        row.category_id: row
        for row in PassageBarrier.objects.filter(passage=passage).select_related("reviewed_by", "run")
    }
    themes = Theme.objects.filter(return_definition=passage.document.return_definition).order_by("number")
    return PassageReview(
        passage=passage,
        themes=[ThemeChoice(theme, theme_rows.get(theme.pk)) for theme in themes],
        barriers=[BarrierChoice(c, barrier_rows.get(c.pk)) for c in BarrierCategory.objects.order_by("label")],
        figures=list(Figure.objects.filter(passage=passage).select_related("reviewed_by").order_by("kind", "key")),
        token=state_token(passage),
        history=[e for e in events_for(passage) if e.action.startswith("Passage") and e.action.endswith("Reviewed")],
    )


# --- Writes -----------------------------------------------------------------------------------


@dataclass
class ReviewOutcome:
    confirmed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    corrected: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.confirmed or self.added or self.corrected or self.removed)

    def summary(self) -> str:
        parts = [
            f"{verb} {', '.join(items)}"
            for verb, items in (
                ("confirmed", self.confirmed),
                ("added", self.added),
                ("corrected", self.corrected),
                ("removed", self.removed),
            )
            if items
        ]
        text = "; ".join(parts)
        return (text[:1].upper() + text[1:] + ".") if parts else "Nothing needed changing."


def _check_token(passage: Passage, token: str) -> dict:
    before = tag_state(passage)
    if token != hashlib.sha256(json.dumps(before, sort_keys=True).encode()).hexdigest()[:32]:
        raise ReviewRefused(
            "These tags changed after you opened the page (another review or an analysis run). "
            "Nothing was saved: check them again and save your review."
        )
    return before


def _mark(row, *, actor, moment, present: bool) -> None:
    row.source = TagSource.PERSON
    row.present = present
    row.reviewed_by = actor
    row.reviewed_at = moment


def _record(*, action: str, passage: Passage, actor, before: dict, outcome: ReviewOutcome, moment) -> None:
    record_event(
        action=action,
        actor=actor,
        subject=passage,
        council_code=passage.document.council.gss_code,
        data={
            "document": passage.document_id,
            "passage_position": passage.position,
            "reviewed_at": moment.isoformat(),
            "confirmed": outcome.confirmed,
            "added": outcome.added,
            "corrected": outcome.corrected,
            "removed": outcome.removed,
            "before": before,
            "after": tag_state(passage),
        },
    )


def review_themes(*, passage: Passage, theme_numbers: list[int], token: str, actor) -> ReviewOutcome:
    """A person says which of the return's themes the passage speaks to. Themes the analysis gave
    and the person keeps are confirmed; new ones are added; ones left out are removed (kept as
    `present = False`, so no later run adds them again). Refused, with nothing changed, if a number
    is not one of the return's themes or the tags changed since the form was drawn."""
    themes = {t.number: t for t in Theme.objects.filter(return_definition=passage.document.return_definition)}
    unknown = sorted(set(theme_numbers) - set(themes))
    if unknown:
        raise ReviewRefused(f"The return has no theme {unknown[0]}. Nothing was saved.")
    wanted = set(theme_numbers)
    moment = timezone.now()
    outcome = ReviewOutcome()
    with transaction.atomic():
        Passage.objects.select_for_update().filter(pk=passage.pk).first()
        before = _check_token(passage, token)
        rows = {row.theme_id: row for row in PassageTheme.objects.filter(passage=passage)}
        for number, theme in sorted(themes.items()):
            row, label = rows.get(theme.pk), f"theme {number}"
            applies = number in wanted
            if row is None:
                if applies:
                    row = PassageTheme(passage=passage, document=passage.document, theme=theme)
                    _mark(row, actor=actor, moment=moment, present=True)
                    row.save()
                    outcome.added.append(label)
                continue
            if row.source == TagSource.PERSON and row.present == applies:
                continue  # a person already decided exactly this
            if not row.present and not applies:
                continue
            was_present = row.present
            _mark(row, actor=actor, moment=moment, present=applies)
            row.save(update_fields=["source", "present", "reviewed_by", "reviewed_at"])
            if applies:
                (outcome.confirmed if was_present else outcome.added).append(label)
            else:
                outcome.removed.append(label)
        if outcome.changed:
            _record(
                action="PassageThemesReviewed",
                passage=passage,
                actor=actor,
                before=before,
                outcome=outcome,
                moment=moment,
            )
    return outcome


def review_barriers(*, passage: Passage, category_slugs: list[str], token: str, actor) -> ReviewOutcome:
    """A person says which barrier categories the passage names, in the same way as `review_themes`.
    A kept barrier keeps the ask of government the analysis read; a barrier a person adds has none."""
    categories = {c.slug: c for c in BarrierCategory.objects.all()}
    unknown = sorted(set(category_slugs) - set(categories))
    if unknown:
        raise ReviewRefused(f"There is no barrier category “{unknown[0]}”. Nothing was saved.")
    wanted = set(category_slugs)
    moment = timezone.now()
    outcome = ReviewOutcome()
    with transaction.atomic():
        Passage.objects.select_for_update().filter(pk=passage.pk).first()
        before = _check_token(passage, token)
        rows = {row.category_id: row for row in PassageBarrier.objects.filter(passage=passage)}
        for slug, category in sorted(categories.items()):
            row, applies = rows.get(category.pk), slug in wanted
            if row is None:
                if applies:
                    row = PassageBarrier(passage=passage, document=passage.document, category=category)
                    _mark(row, actor=actor, moment=moment, present=True)
                    row.save()
                    outcome.added.append(f"“{category.label}”")
                continue
            if (row.source == TagSource.PERSON and row.present == applies) or (not row.present and not applies):
                continue
            was_present = row.present
            _mark(row, actor=actor, moment=moment, present=applies)
            row.save(update_fields=["source", "present", "reviewed_by", "reviewed_at"])
            if applies:
                (outcome.confirmed if was_present else outcome.added).append(f"“{category.label}”")
            else:
                outcome.removed.append(f"“{category.label}”")
        if outcome.changed:
            _record(
                action="PassageBarriersReviewed",
                passage=passage,
                actor=actor,
                before=before,
                outcome=outcome,
                moment=moment,
            )
    return outcome


UNITS = {
    FigureUnit.PERCENT: "percent",
    FigureUnit.GBP: "gbp",
    FigureUnit.COUNT: "count",
}


def _figure_words(kind: str, value: Decimal) -> str:
    """A figure as a review's summary names it: "agency staff spend 2500000"."""
    return f"{FigureKind(kind).label.lower()} {value.normalize():f}"


def review_figure(
    *,
    figure: Figure,
    action: str,
    token: str,
    actor,
    kind: str = "",
    value: Decimal | None = None,
    unit: str = "",
) -> ReviewOutcome:
    """Confirm, correct or remove one figure.

    - confirm: the figure is right as read;
    - correct: its kind, value or unit were wrong; the corrected figure is the person's. When the kind
      changes, the old kind's row is kept as removed, so a run cannot read it back in;
    - remove: it is not a figure the plan gives (kept as `present = False`).
    """
    if action not in ("confirm", "correct", "remove"):
        raise ReviewRefused("Choose whether to confirm, correct or remove the figure. Nothing was saved.")
    passage = figure.passage
    moment = timezone.now()
    outcome = ReviewOutcome()
    label = _figure_words(figure.kind, figure.value)
    with transaction.atomic():
        Passage.objects.select_for_update().filter(pk=passage.pk).first()
        before = _check_token(passage, token)
        figure.refresh_from_db()
        if action == "confirm":
            if figure.source == TagSource.PERSON and figure.present:
                return outcome
            _mark(figure, actor=actor, moment=moment, present=True)
            figure.save(update_fields=["source", "present", "reviewed_by", "reviewed_at"])
            outcome.confirmed.append(label)
        elif action == "remove":
            if not figure.present:
                return outcome
            _mark(figure, actor=actor, moment=moment, present=False)
            figure.save(update_fields=["source", "present", "reviewed_by", "reviewed_at"])
            outcome.removed.append(label)
        else:
            kind = kind or figure.kind
            unit = unit or figure.unit
            if kind not in FigureKind.values:
                raise ReviewRefused("Choose what the figure measures. Nothing was saved.")
            if unit not in FigureUnit.values:
                raise ReviewRefused("Choose the figure's unit. Nothing was saved.")
            if value is None:
                raise ReviewRefused("Enter the figure's value. Nothing was saved.")
            if kind == figure.kind:
                target = figure
            else:
                _mark(figure, actor=actor, moment=moment, present=False)
                figure.save(update_fields=["source", "present", "reviewed_by", "reviewed_at"])
                target = Figure.objects.filter(passage=passage, kind=kind, key=figure.key).first() or Figure(
                    passage=passage,
                    document=passage.document,
                    kind=kind,
                    key=figure.key,
                    measures=figure.measures,
                    quote=figure.quote,
                    qualifier=figure.qualifier,
                    upper=figure.upper,
                )
            target.value = value
            if target.upper is not None and target.upper <= value:  # the corrected value is no range's lower end
                target.upper = None
            target.unit = unit
            target.computed = False if target.pk is None else target.computed
            _mark(target, actor=actor, moment=moment, present=True)
            target.save()
            outcome.corrected.append(f"{label} to {_figure_words(kind, value)}")
        _record(
            action="PassageFiguresReviewed", passage=passage, actor=actor, before=before, outcome=outcome, moment=moment
        )
    return outcome


UNIT_OF_KIND = {
    FigureKind.AGENCY_SHARE: FigureUnit.PERCENT,
    FigureKind.CONSULTANT_SHARE: FigureUnit.PERCENT,
    FigureKind.OTHER_PERCENT: FigureUnit.PERCENT,
    FigureKind.COUNT: FigureUnit.COUNT,
}  # every other kind is an amount of money


def unit_of(kind: str) -> str:
    return UNIT_OF_KIND.get(kind, FigureUnit.GBP)


def add_figure(
    *, passage: Passage, kind: str, value: Decimal | None, measures: str, token: str, actor
) -> ReviewOutcome:
    """A person adds a figure the plan gives in this passage and the analysis missed. It is the
    person's from the start, so no later run removes it; its unit follows from what it measures."""
    if kind not in FigureKind.values:
        raise ReviewRefused("Choose what the figure measures. Nothing was saved.")
    if value is None:
        raise ReviewRefused("Enter the figure's value. Nothing was saved.")
    if value < 0:
        raise ReviewRefused("Enter the figure as a number of 0 or more. Nothing was saved.")
    unit = unit_of(kind)
    if unit == FigureUnit.PERCENT and value > 100:
        raise ReviewRefused("A percentage cannot be more than 100. Nothing was saved.")
    moment = timezone.now()
    outcome = ReviewOutcome()
    with transaction.atomic():
        Passage.objects.select_for_update().filter(pk=passage.pk).first()
        before = _check_token(passage, token)
        added = Figure.objects.filter(passage=passage, kind=kind, key__startswith="person-").count()
        figure = Figure(
            passage=passage,
            document=passage.document,
            kind=kind,
            key=f"person-{added + 1}",
            value=value,
            unit=unit,
            measures=measures.strip()[:200],
        )
        _mark(figure, actor=actor, moment=moment, present=True)
        figure.save()
        outcome.added.append(_figure_words(kind, value))
        _record(
            action="PassageFiguresReviewed", passage=passage, actor=actor, before=before, outcome=outcome, moment=moment
        )
    return outcome


# --- Reviewed passages as training examples for the next method version --------------------------

REVIEWED_EXAMPLES_HEADER = """\
# Passages whose tags a department analyst confirmed or corrected in review, written by
# `manage.py export_reviewed_examples` (analysis.review.services.export_reviewed_examples). Each passage carries the
# tags that apply now: a person's decision where one was made, otherwise the analysis's tag the person saw
# and left standing. A passage that repeats or nearly repeats an evaluation passage (bench/eval/, both
# splits of the evaluation documents) is never written here. Committing a change to this file changes
# analysis.classify.METHOD_VERSION, so the next analysis run is a new method version.
"""


@dataclass
class ExportOutcome:
    written: int = 0
    near_evaluation: int = 0
    unwritable: int = 0
    changed: bool = False
    path: str = ""


def reviewed_examples() -> tuple[list[str], ExportOutcome]:
    """Every passage with a tag a person decided, in the training-corpus format, in a stable order (council
    code, document's file hash, position), so the same reviews always give the same file."""
    from analysis.classify import BarrierLabel, PassageInput, PassageLabels
    from analysis.classify.corpus import CorpusError, format_passage
    from analysis.classify.evaluation import nearly_repeats

    decided = set(PassageTheme.objects.filter(source=TagSource.PERSON).values_list("passage_id", flat=True))
    decided |= set(PassageBarrier.objects.filter(source=TagSource.PERSON).values_list("passage_id", flat=True))
    passages = (
        Passage.objects.filter(pk__in=decided)
        .select_related("document__council")
        .order_by("document__council__gss_code", "document__file_sha256", "document_id", "position")
    )
    themes: dict[int, set[int]] = {}
    for passage_id, number in PassageTheme.objects.filter(passage_id__in=decided, present=True).values_list(
        "passage_id", "theme__number"
    ):
        themes.setdefault(passage_id, set()).add(number)
    barriers: dict[int, list[BarrierLabel]] = {}
    for passage_id, slug, ask in (
        PassageBarrier.objects.filter(passage_id__in=decided, present=True)
        .order_by("category__slug")
        .values_list("passage_id", "category__slug", "ask")
    ):
        barriers.setdefault(passage_id, []).append(BarrierLabel(category=slug, ask=ask or None))
    outcome = ExportOutcome()
    blocks = []
    for passage in passages:
        if nearly_repeats(passage.text):
            outcome.near_evaluation += 1
            continue
        labels = PassageLabels(
            themes=frozenset(themes.get(passage.pk, ())), barriers=tuple(barriers.get(passage.pk, ()))
        )
        style = f"reviewed, {passage.document.council.authority_type}"
        try:
            blocks.append(format_passage(PassageInput(passage.text, passage.heading or None), labels, style=style))
        except CorpusError:
            outcome.unwritable += 1
            continue
        outcome.written += 1
    return blocks, outcome


def export_reviewed_examples(*, path=None) -> ExportOutcome:
    """Write the reviewed passages to the training folder's `reviewed.txt` (or `path`); the file is only
    rewritten when its content changes. Nothing in the database changes."""
    from pathlib import Path

    from analysis.classify.linear import TRAINING_DIR

    target = Path(path) if path else TRAINING_DIR / "reviewed.txt"
    blocks, outcome = reviewed_examples()
    content = REVIEWED_EXAMPLES_HEADER + "".join(f"\n{block}" for block in blocks)
    outcome.path = str(target)
    if not target.exists() or target.read_text(encoding="utf-8") != content:
        target.write_text(content, encoding="utf-8")
        outcome.changed = True
    return outcome
