"""Writes for plans: defining returns, drafting, freezing versions.

Each function is a verb with keyword-only arguments, runs in one transaction, writes its
audit event and returns the object it made or changed.
"""

import datetime
import json
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from core.audit import record_event
from core.hashing import content_hash
from core.signals import return_progress_changed
from plans.exceptions import EditConflict, InvalidTransition
from plans.models import Draft, DraftSection, GuidanceQuestion, PlanVersion, Return, Theme

RETURNS_DIR = Path(__file__).resolve().parent / "returns"


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


def save_draft(
    *, draft: Draft, bodies: dict[int, str], based_on_revision: int, actor, at: datetime.datetime | None = None
) -> Draft:
    """Save the text of each theme (keyed by theme number).

    `based_on_revision` is the revision the editor opened. If someone saved since, nothing is
    written and EditConflict says who and when, so no one's text is silently overwritten.
    """
    moment = at or timezone.now()
    with transaction.atomic():
        current = Draft.objects.select_for_update().select_related("updated_by").get(pk=draft.pk)
        if current.revision != based_on_revision:
            raise EditConflict(
                current_revision=current.revision,
                updated_by=current.updated_by.get_full_name() or current.updated_by.username,
                updated_at=current.updated_at,
            )
        sections = {section.theme.number: section for section in current.sections.select_related("theme")}
        changed_themes = []
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
        current.save(update_fields=["revision", "updated_by", "updated_at"])
        record_event(
            action="DraftSaved",
            actor=actor,
            subject=current,
            council_code=current.council.gss_code,
            data={"revision": current.revision, "themes_changed": changed_themes},
        )
    return current


def plan_content(draft: Draft) -> dict:
    """The canonical content of a plan: what is hashed, frozen and published."""
    return_definition = draft.return_definition
    return {
        "return": return_definition.slug,
        "return_title": return_definition.title,
        "council": {"ons_code": draft.council.gss_code, "name": draft.council.name},
        "sections": [
            {"theme": section.theme.number, "title": section.theme.title, "body": section.body}
            for section in draft.sections.select_related("theme").order_by("theme__number")
        ],
    }


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
                "Draft",
                "draft",
                "frozen",
                reason="Write something for every theme before freezing a version. "
                f"Still empty: {_describe_themes(content, missing)}",
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
