"""Writes for plans: defining returns, drafting, freezing versions.

Each function is a verb with keyword-only arguments, runs in one transaction, writes its
audit event and returns the object it made or changed.
"""

import csv
import datetime
import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from core.audit import record_event
from core.hashing import content_hash
from core.refusals import Refusal
from core.signals import return_progress_changed
from plans.exceptions import EditConflict, InvalidTransition
from plans.models import (
    Barrier,
    BarrierCategory,
    Commitment,
    Draft,
    DraftSection,
    GuidanceQuestion,
    PlanVersion,
    Return,
    SpendEvidence,
    Theme,
)

RETURNS_DIR = Path(__file__).resolve().parent / "returns"
BARRIER_TAXONOMY = Path(__file__).resolve().parent / "data" / "barrier_taxonomy.csv"
MAX_TEXT_CHARACTERS = 200_000  # about 200 KB: far beyond four pages, small enough to refuse abuse


def share_percent(part, whole) -> Decimal | None:
    """`part` as a percentage of `whole`, to two decimal places (as councils report it: 0.35%)."""
    if whole in (None, 0) or part is None:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def load_barrier_categories(*, path: Path = BARRIER_TAXONOMY) -> int:
    """Create or update the barrier categories from the taxonomy file. Safe to run again."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with transaction.atomic():
        for row in rows:
            BarrierCategory.objects.update_or_create(
                slug=row["id"], defaults={"label": row["label"], "description": row["description"]}
            )
    return len(rows)


def _announce_progress(*, council_id: int, return_id: int) -> None:
    return_progress_changed.send(sender=Draft, council_id=council_id, return_id=return_id)


def define_return(*, definition: dict, actor=None) -> Return:
    """Create or update a return, its themes and guidance questions from a definition
    (the JSON files in plans/returns/). Running it again with the same definition changes nothing."""
    fields = {
        "title": definition["title"],
        "summary": definition["summary"],
        "issued_by": definition["issued_by"],
        "deadline": datetime.date.fromisoformat(definition["deadline"]),
        "page_limit": definition.get("page_limit"),
        "requires_member_endorsement": definition.get("requires_member_endorsement", True),
        "requires_publication": definition.get("requires_publication", True),
        "is_scored": definition.get("is_scored", False),
    }
    with transaction.atomic():
        return_definition, created = Return.objects.get_or_create(slug=definition["slug"], defaults=fields)
        changed = created
        if not created and any(getattr(return_definition, k) != v for k, v in fields.items()):
            Return.objects.filter(pk=return_definition.pk).update(**fields)
            return_definition.refresh_from_db()
            changed = True
        for theme_data in definition["themes"]:
            theme_fields = {k: theme_data[k] for k in ("title", "short_title", "description")}
            theme, theme_created = Theme.objects.get_or_create(
                return_definition=return_definition, number=theme_data["number"], defaults=theme_fields
            )
            if not theme_created and any(getattr(theme, k) != v for k, v in theme_fields.items()):
                Theme.objects.filter(pk=theme.pk).update(**theme_fields)
                changed = True
            changed |= theme_created
            existing = list(theme.questions.order_by("position").values_list("text", flat=True))
            if existing != theme_data["questions"]:
                theme.questions.all().delete()
                GuidanceQuestion.objects.bulk_create(
                    GuidanceQuestion(theme=theme, position=i, text=text)
                    for i, text in enumerate(theme_data["questions"], start=1)
                )
                changed = True
        if changed:
            record_event(
                action="ReturnDefined",
                actor=actor,
                subject=return_definition,
                content_hash=content_hash(definition),
                data={"slug": return_definition.slug},
            )
    return return_definition


def define_returns_from_files(*, actor=None) -> list[Return]:
    load_barrier_categories()
    return [
        define_return(definition=json.loads(path.read_text(encoding="utf-8")), actor=actor)
        for path in sorted(RETURNS_DIR.glob("*.json"))
    ]


def start_draft(*, council, return_definition: Return, actor, at: datetime.datetime | None = None) -> Draft:
    """Open the council's draft for a return, with an empty section per theme. Starting a draft
    that already exists returns it unchanged."""
    moment = at or timezone.now()
    with transaction.atomic():
        draft, created = Draft.objects.get_or_create(
            council=council,
            return_definition=return_definition,
            defaults={"created_by": actor, "created_at": moment, "updated_by": actor, "updated_at": moment},
        )
        if created:
            DraftSection.objects.bulk_create(
                DraftSection(draft=draft, theme=theme, body="") for theme in return_definition.themes.all()
            )
            record_event(action="DraftStarted", actor=actor, subject=draft, council_code=council.gss_code)
            _announce_progress(council_id=council.pk, return_id=return_definition.pk)
    return draft


class DraftTooLong(Refusal):
    """The plan's text is over the size limit; nothing was saved."""


def save_draft(
    *,
    draft: Draft,
    bodies: dict[int, str],
    based_on_revision: int,
    actor,
    introduction: str | None = None,
    at: datetime.datetime | None = None,
) -> Draft:
    """Save the text of each theme (keyed by theme number).

    `based_on_revision` is the revision the editor opened. If someone saved since, nothing is
    written and EditConflict says who and when, so no one's text is silently overwritten.
    """
    moment = at or timezone.now()
    with transaction.atomic():
        # Locked without joining the last editor: on PostgreSQL a locked row re-read after a concurrent save is
        # checked against the join rows first read, so a save that changed the editor would make it vanish.
        current = Draft.objects.select_for_update().get(pk=draft.pk)
        if current.revision != based_on_revision:
            raise EditConflict(
                current_revision=current.revision,
                updated_by=current.updated_by.get_full_name() or current.updated_by.username,
                updated_at=current.updated_at,
            )
        sections = {section.theme.number: section for section in current.sections.select_related("theme")}
        total = sum(len(body) for body in bodies.values()) + len(introduction or current.introduction)
        untouched = sum(len(s.body) for n, s in sections.items() if n not in bodies)
        if total + untouched > MAX_TEXT_CHARACTERS:
            raise DraftTooLong(
                f"The plan is too long to save: {total + untouched:,} characters, over the limit of "
                f"{MAX_TEXT_CHARACTERS:,}. The guidance suggests about four pages."
            )
        changed_themes: list[str | int] = []
        if introduction is not None and introduction.replace("\r\n", "\n").strip() != current.introduction:
            current.introduction = introduction.replace("\r\n", "\n").strip()
            changed_themes.append("intro")
        for number, body in bodies.items():
            section = sections[number]
            normalised = body.replace("\r\n", "\n").strip()
            if section.body != normalised:
                section.body = normalised
                section.save(update_fields=["body"])
                changed_themes.append(number)
        if not changed_themes:
            return current
        current.revision += 1
        current.updated_by = actor
        current.updated_at = moment
        current.save(update_fields=["revision", "updated_by", "updated_at", "introduction"])
        record_event(
            action="DraftSaved",
            actor=actor,
            subject=current,
            council_code=current.council.gss_code,
            data={"revision": current.revision, "themes_changed": changed_themes},
        )
        _queue_render(current)
    return current


def _money(value) -> str:
    return f"{Decimal(value):.2f}"


def evidence_content(evidence: SpendEvidence | None) -> dict | None:
    if evidence is None:
        return None
    return {
        "year": evidence.year,
        "staff_budget": _money(evidence.staff_budget),
        "agency_spend": _money(evidence.agency_spend),
        "consultant_spend": _money(evidence.consultant_spend),
        "agency_share_percent": str(share_percent(evidence.agency_spend, evidence.staff_budget)),
        "consultant_share_percent": str(share_percent(evidence.consultant_spend, evidence.staff_budget)),
        "edi_statement": evidence.edi_statement,
    }


def plan_content(draft: Draft) -> dict:
    """The canonical content of a plan: what is hashed, frozen and published."""
    return_definition = draft.return_definition
    return {
        "return": return_definition.slug,
        "return_title": return_definition.title,
        "council": {"ons_code": draft.council.gss_code, "name": draft.council.name},
        "introduction": draft.introduction,
        "sections": [
            {"theme": section.theme.number, "title": section.theme.title, "body": section.body}
            for section in draft.sections.select_related("theme").order_by("theme__number")
        ],
        "spend_evidence": evidence_content(SpendEvidence.objects.filter(draft=draft).first()),
        "barriers": [
            {
                "category": barrier.category.slug,
                "category_label": barrier.category.label,
                "description": barrier.description,
                "ask": barrier.ask,
            }
            for barrier in draft.barriers.select_related("category").order_by("position", "id")
        ],
        "commitments": [
            {
                "action": c.action,
                "owner": c.owner,
                "due_on": c.due_on.isoformat(),
                "theme": c.theme.number if c.theme else None,
                "measure": c.measure,
                "baseline": c.baseline,
                "target": c.target,
            }
            for c in draft.commitments.select_related("theme").order_by("due_on", "position", "id")
        ],
    }


def _queue_render(draft: Draft) -> None:
    """Once the change is committed, queue the PDF of the draft's new text, so the draft's PDF and its
    page count are always of its current text (every change to a draft's content comes through here)."""
    from plans import rendering

    transaction.on_commit(lambda: rendering.request_render(draft))


def _touch(draft: Draft, *, actor, action: str, moment, data: dict) -> Draft:
    """Record a change to part of a draft: a new revision, who and when, and the audit event."""
    locked = Draft.objects.select_for_update().select_related("council").get(pk=draft.pk)
    locked.revision += 1
    locked.updated_by = actor
    locked.updated_at = moment
    locked.save(update_fields=["revision", "updated_by", "updated_at"])
    record_event(
        action=action,
        actor=actor,
        subject=locked,
        council_code=locked.council.gss_code,
        data={"revision": locked.revision, **data},
    )
    _queue_render(locked)
    return locked


def save_spend_evidence(
    *,
    draft: Draft,
    year: str,
    staff_budget,
    agency_spend,
    consultant_spend,
    edi_statement: str,
    actor,
    at: datetime.datetime | None = None,
) -> SpendEvidence:
    """Record theme 3's figures; the shares of the staff budget are computed, never typed."""
    moment = at or timezone.now()
    with transaction.atomic():
        evidence, _ = SpendEvidence.objects.update_or_create(
            draft=draft,
            defaults={
                "year": year,
                "staff_budget": staff_budget,
                "agency_spend": agency_spend,
                "consultant_spend": consultant_spend,
                "edi_statement": edi_statement.strip(),
            },
        )
        _touch(draft, actor=actor, action="SpendEvidenceSaved", moment=moment, data={"year": year})
    return evidence


def add_barrier(*, draft: Draft, category: BarrierCategory, description: str, ask: str, actor, at=None) -> Barrier:
    moment = at or timezone.now()
    with transaction.atomic():
        barrier = Barrier.objects.create(
            draft=draft,
            category=category,
            description=description.strip(),
            ask=ask.strip(),
            position=draft.barriers.count() + 1,
        )
        _touch(draft, actor=actor, action="BarrierAdded", moment=moment, data={"category": category.slug})
    return barrier


def remove_barrier(*, barrier: Barrier, actor, at=None) -> None:
    moment = at or timezone.now()
    with transaction.atomic():
        draft, slug = barrier.draft, barrier.category.slug
        barrier.delete()
        _touch(draft, actor=actor, action="BarrierRemoved", moment=moment, data={"category": slug})


def add_commitment(
    *,
    draft: Draft,
    action: str,
    owner: str,
    due_on: datetime.date,
    measure: str,
    target: str,
    baseline: str = "",
    theme: Theme | None = None,
    actor,
    at=None,
) -> Commitment:
    moment = at or timezone.now()
    with transaction.atomic():
        commitment = Commitment.objects.create(
            draft=draft,
            theme=theme,
            action=action.strip(),
            owner=owner.strip(),
            due_on=due_on,
            measure=measure.strip(),
            baseline=baseline.strip(),
            target=target.strip(),
            position=draft.commitments.count() + 1,
        )
        _touch(draft, actor=actor, action="CommitmentAdded", moment=moment, data={"commitment": commitment.pk})
    return commitment


def remove_commitment(*, commitment: Commitment, actor, at=None) -> None:
    moment = at or timezone.now()
    with transaction.atomic():
        draft, pk = commitment.draft, commitment.pk
        commitment.delete()
        _touch(draft, actor=actor, action="CommitmentRemoved", moment=moment, data={"commitment": pk})


def empty_themes(content: dict) -> list[int]:
    return [section["theme"] for section in content["sections"] if not section["body"].strip()]


def _describe_themes(content: dict, numbers: list[int]) -> str:
    titles = {section["theme"]: section["title"] for section in content["sections"]}
    return "; ".join(f"theme {n} ({titles[n].lower()})" for n in numbers)


def freeze_draft(*, draft: Draft, actor, at: datetime.datetime | None = None) -> PlanVersion:
    """Freeze the draft's current text into an immutable, hashed version.

    Freezing text that is identical to the latest version returns that version rather than
    making a duplicate. A plan with an empty theme cannot be frozen.
    """
    moment = at or timezone.now()
    with transaction.atomic():
        locked = Draft.objects.select_for_update().select_related("council", "return_definition").get(pk=draft.pk)
        content = plan_content(locked)
        missing = empty_themes(content)
        if missing:
            raise InvalidTransition(
                "Write something for every theme before freezing a version. "
                f"Still empty: {_describe_themes(content, missing)}"
            )
        digest = content_hash(content)
        latest = locked.versions.order_by("-number").first()
        if latest is not None and latest.content_hash == digest:
            return latest
        version = PlanVersion.objects.create(
            council=locked.council,
            return_definition=locked.return_definition,
            draft=locked,
            number=(latest.number + 1) if latest else 1,
            content=content,
            content_hash=digest,
            frozen_by=actor,
            frozen_at=moment,
        )
        record_event(
            action="VersionFrozen",
            actor=actor,
            subject=version,
            council_code=locked.council.gss_code,
            content_hash=digest,
            data={"number": version.number},
        )
        _announce_progress(council_id=locked.council_id, return_id=locked.return_definition_id)
    return version
