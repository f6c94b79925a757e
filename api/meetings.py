"""Version 1 of the meetings API.

- `GET /v1/meetings`: meetings with a published agenda, open to anyone; with a bearer token of
  someone who works for a council, that council's meetings whose agenda is not yet published too
  (`meetings.access.meetings_visible_to`, `items_visible_for`).
- `GET /v1/meetings/{id}/agenda-pack.pdf`: the published agenda pack (404 until it is published);
  `GET /v1/meetings/{id}/supplementary-agenda-{number}.pdf`: a published supplementary agenda's pack.
"""

import datetime

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from ninja import Field, Query, Router, Schema, Status

from accounts.lockout import user_for_api_token_request
from api.schemas import Error, ValidationErrorOut
from meetings import access
from meetings import selectors as meetings

router = Router(tags=["Meetings"])


class PageRangeOut(Schema):
    first: int
    last: int


class AgendaItemOut(Schema):
    number: int
    title: str
    description: str
    report_type: str = Field(description="decision_report (a plan decision) or committee_paper")
    pages: PageRangeOut | None = Field(description="Where the item's report is in its pack, once published")
    supplement: int | None = Field(
        description="The supplementary agenda the item is on (its pages are of that pack); null for the main agenda"
    )


class SupplementOut(Schema):
    number: int
    published_on: datetime.date
    clear_working_days: int
    urgency_reason: str = Field(description="Why the items could not wait, when published at short notice")
    pack_url: str
    pack_sha256: str


class MeetingOut(Schema):
    id: int
    council: str = Field(description="The council's ONS code")
    council_name: str
    committee: str
    committee_kind: str
    date: datetime.date
    time: str = Field(description="Start time, 24-hour HH:MM, UK time")
    venue: str
    agenda_published: bool
    agenda_published_on: datetime.date | None
    clear_working_days: int | None = Field(description="Working days between publication and the meeting")
    agenda_pack_url: str | None
    agenda_pack_sha256: str | None
    supplements: list[SupplementOut] = Field(description="Published supplementary agendas, each a pack of its own")
    items: list[AgendaItemOut]


class MeetingFilters(Schema):
    council: str | None = Field(None, description="Only this council's meetings (ONS code)", max_length=20)


def _caller(request):
    """The token's owner; without a valid bearer token, the public."""
    header = request.headers.get("Authorization", "")
    user = user_for_api_token_request(request, header[7:].strip()) if header[:7].lower() == "bearer " else None
    return user or AnonymousUser()


def _meeting_out(request, meeting, *, items, supplements) -> dict:
    from django.urls import reverse

    published = meeting.agenda_published
    return {
        "id": meeting.pk,
        "council": meeting.council.gss_code,
        "council_name": meeting.council.name,
        "committee": meeting.committee.name,
        "committee_kind": meeting.committee.kind,
        "date": meeting.date,
        "time": meeting.starts_at.strftime("%H:%M"),
        "venue": meeting.venue,
        "agenda_published": published,
        "agenda_published_on": meeting.agenda_published_on,
        "clear_working_days": meeting.clear_working_days,
        "agenda_pack_url": request.build_absolute_uri(reverse("api:meeting_agenda_pack", args=[meeting.pk]))
        if published
        else None,
        "agenda_pack_sha256": meeting.pack_hash or None,
        "supplements": [
            {
                "number": supplement.number,
                "published_on": supplement.published_on,
                "clear_working_days": supplement.clear_working_days,
                "urgency_reason": supplement.urgency_reason,
                "pack_url": request.build_absolute_uri(
                    reverse("api:meeting_supplement_pack", args=[meeting.pk, supplement.number])
                ),
                "pack_sha256": supplement.pack_hash,
            }
            for supplement in supplements
        ],
        "items": [
            {
                "number": item.number,
                "title": item.title,
                "description": item.description,
                "report_type": "decision_report" if item.report_id else "committee_paper",
                "pages": {"first": item.first_page, "last": item.last_page} if item.first_page else None,
                "supplement": item.supplement.number if item.supplement_id else None,
            }
            for item in items
        ],
    }


@router.get(
    "",
    response={200: list[MeetingOut], 422: ValidationErrorOut},
    summary="Meetings and their agendas",
)
def list_meetings(request, filters: Query[MeetingFilters]):
    """Meetings with a published agenda, newest first; a council's own people (with a token) see their
    council's unpublished agendas as well."""
    user = _caller(request)
    visible = access.meetings_visible_to(user)
    if filters.council:
        visible = visible.filter(council__gss_code=filters.council.upper())
    found = list(visible[:500])
    # Items and supplements for every meeting at once: the list costs the same queries for any number.
    items = access.items_visible_for(user, found)
    supplements = meetings.published_supplements_of_meetings(found)
    return [_meeting_out(request, m, items=items[m.pk], supplements=supplements[m.pk]) for m in found]


@router.get(
    "/{meeting_id}/agenda-pack.pdf",
    response={200: None, 404: Error},
    summary="A meeting's agenda pack (PDF)",
    url_name="meeting_agenda_pack",
    openapi_extra={"responses": {200: {"description": "The agenda pack", "content": {"application/pdf": {}}}}},
)
def agenda_pack(request, meeting_id: int):
    """The pack as published: front sheet, agenda with page ranges, then the reports. 404 until published."""
    meeting = access.get_published_meeting(meeting_id)
    content = meetings.pack_file(meeting)
    if content is None:
        return Status(404, {"detail": "No published agenda pack for that meeting"})
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{meetings.pack_filename(meeting)}"'
    return response


@router.get(
    "/{meeting_id}/supplementary-agenda-{number}.pdf",
    response={200: None, 404: Error},
    summary="A supplementary agenda's pack (PDF)",
    url_name="meeting_supplement_pack",
    openapi_extra={
        "responses": {200: {"description": "The supplementary agenda's pack", "content": {"application/pdf": {}}}}
    },
)
def supplement_pack(request, meeting_id: int, number: int):
    """A published supplementary agenda: its front sheet, its items with page ranges, then their reports."""
    meeting = access.get_published_meeting(meeting_id)
    supplement = meetings.published_supplement(meeting, number)
    content = meetings.pack_file(meeting, supplement) if supplement is not None else None
    if content is None:
        return Status(404, {"detail": "No published supplementary agenda with that number for that meeting"})
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{meetings.pack_filename(meeting, supplement)}"'
    return response
