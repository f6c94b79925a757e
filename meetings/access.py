"""The one way views reach meetings; each function checks tenancy and raises Http404 otherwise.

A published agenda (and its pack) is public. Anything else about a meeting is for the people who
work for its council; changing it is for the council's democratic services officers
(`meetings.manage_meetings`). A meeting of another council is a 404, never a 403.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from meetings import selectors
from meetings.models import AgendaItem, Meeting
from plans.access import own_council


def _meeting(meeting_id: int):
    meeting = selectors.meeting_by_id(meeting_id)
    if meeting is None:
        raise Http404("No such meeting")
    return meeting


def get_council_for_meetings(user):
    """The signed-in person's council, when they work for one."""
    council = own_council(user)
    if council is None:
        raise Http404("No council")
    return council


def meetings_visible_to(user) -> QuerySet[Meeting]:
    """Meetings whose agenda is published, for anyone; and every meeting of the person's own council."""
    council = own_council(user)
    published = Q(agenda_published_on__isnull=False)
    return selectors.all_meetings().filter(published | Q(council=council) if council is not None else published)


def items_visible_for(user, meetings: list[Meeting]) -> dict[int, list[AgendaItem]]:
    """Each meeting's agenda items the person may see, in one query whatever the number of meetings: every
    item for the people who work for its council; for anyone else, those in a published pack."""
    return selectors.items_of_meetings(meetings, every_item_of=own_council(user))


def get_council_for_managing_meetings(user):
    council = get_council_for_meetings(user)
    if not user.has_perm("meetings.manage_meetings", council):
        raise Http404("No council")
    return council


def get_meeting_for_council_view(user, meeting_id: int):
    meeting = _meeting(meeting_id)
    if not user.has_perm("plans.view_council_work", meeting.council):
        raise Http404("No such meeting")
    return meeting


def get_meeting_for_change(user, meeting_id: int):
    meeting = _meeting(meeting_id)
    if not user.has_perm("meetings.manage_meetings", meeting.council):
        raise Http404("No such meeting")
    return meeting


def get_item_for_change(user, item_id: int):
    item = selectors.item_by_id(item_id)
    if item is None or not user.has_perm("meetings.manage_meetings", item.meeting.council):
        raise Http404("No such agenda item")
    return item


def get_paper_for_council_view(user, paper_id: int):
    paper = selectors.paper_by_id(paper_id)
    if paper is None or not user.has_perm("plans.view_council_work", paper.council):
        raise Http404("No such paper")
    return paper


def get_paper_for_change(user, paper_id: int):
    paper = selectors.paper_by_id(paper_id)
    if paper is None or not user.has_perm("meetings.manage_meetings", paper.council):
        raise Http404("No such paper")
    return paper


def get_published_meeting(meeting_id: int):
    """A meeting whose agenda is published: anyone may read it and download its pack."""
    meeting = _meeting(meeting_id)
    if not meeting.agenda_published:
        raise Http404("No such agenda")
    return meeting
