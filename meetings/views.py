"""Pages for meetings: democratic services build an agenda and publish its pack; anyone reads it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.forms import ConfirmForm, add_refusal, add_refusal_after_redirect
from core.refusals import Refusal
from councils.selectors import council_by_code
from meetings import access, selectors, services
from meetings.forms import AgendaItemForm, MeetingForm, PaperForm, PastAgendaForm, SupplementForm
from meetings.notice import notice_warning
from meetings.pack import render_agenda_pack, time_text


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
@login_required
def meeting_list(request):
    council = access.get_council_for_meetings(request.user)
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "council": council,
            "meetings": selectors.meetings_of(council),
            "papers": selectors.papers_of(council),
            "may_manage": request.user.has_perm("meetings.manage_meetings", council),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def schedule_meeting(request):
    council = access.get_council_for_managing_meetings(request.user)
    form = MeetingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            committee = services.create_committee(
                council=council, name=data["committee_name"], kind=data["kind"], actor=request.user
            )
            meeting = services.schedule_meeting(
                committee=committee,
                date=data["date"],
                starts_at=data["time"],
                venue=data["venue"],
                contact=data["contact"],
                actor=request.user,
            )
        except Refusal as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, f"Meeting added: {meeting}")
            return redirect("meetings:meeting_detail", meeting_id=meeting.pk)
    return render(
        request,
        "meetings/schedule_meeting.html",
        {"form": form, "council": council, "committees": selectors.committees_of(council)},
    )


@require_http_methods(["GET", "POST"])
@login_required
def write_paper(request):
    """A committee paper for other business; `?meeting=<id>` brings the writer back to that agenda."""
    council = access.get_council_for_managing_meetings(request.user)
    form = PaperForm(request.POST if request.method == "POST" else None)
    meeting_id = request.GET.get("meeting", "")
    if request.method == "POST" and form.is_valid():
        try:
            paper = services.write_paper(council=council, actor=request.user, **form.cleaned_data)
        except Refusal as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, f"Paper written: {paper.title}. It can now go on an agenda")
            if meeting_id.isdigit() and selectors.meeting_by_id(int(meeting_id)):
                return redirect("meetings:add_item", meeting_id=int(meeting_id))
            return redirect("meetings:meeting_list")
    return render(request, "meetings/write_paper.html", {"form": form, "council": council})


@require_GET
@login_required
def paper_detail(request, paper_id):
    """A committee paper as members will read it, with its clearance, its agendas and its history."""
    paper = access.get_paper_for_council_view(request.user, paper_id)
    published_in = selectors.published_meeting_of_paper(paper)
    return render(
        request,
        "meetings/paper_detail.html",
        {
            "paper": paper,
            "meetings": selectors.meetings_of_paper(paper),
            "blockers": selectors.paper_blockers(paper),
            "published_in": published_in,
            "may_change": published_in is None and request.user.has_perm("meetings.manage_meetings", paper.council),
            "events": selectors.paper_history(paper),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def edit_paper(request, paper_id):
    """Correct a committee paper until it goes out in a published agenda pack; `?meeting=<id>` brings
    the officer back to that agenda. A paper in a published pack is shown, not offered for change."""
    paper = access.get_paper_for_change(request.user, paper_id)
    if selectors.published_meeting_of_paper(paper) is not None:
        return redirect("meetings:paper_detail", paper_id=paper.pk)
    initial = {name: getattr(paper, name) for name in services.PAPER_FIELDS}
    form = PaperForm(request.POST if request.method == "POST" else None, initial=initial)
    meeting_id = request.GET.get("meeting", "")
    back_meeting = selectors.meeting_by_id(int(meeting_id)) if meeting_id.isdigit() else None
    if back_meeting is not None and back_meeting.council_id != paper.council_id:
        back_meeting = None
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.edit_paper(paper=paper, actor=request.user, **form.cleaned_data)
        except Refusal as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(
                request, f"Paper saved: {paper.title}" if changed else f"Nothing was changed in {paper.title}"
            )
            if back_meeting is not None:
                return redirect("meetings:meeting_detail", meeting_id=back_meeting.pk)
            return redirect("meetings:paper_detail", paper_id=paper.pk)
    return render(request, "meetings/edit_paper.html", {"form": form, "paper": paper, "back_meeting": back_meeting})


def _item_rows(meeting, items=None):
    """Each item with where it stands: in a pack that has gone out (with its pages), or still to be
    published (with what its report still needs)."""
    rows = []
    for item in selectors.items_of(meeting) if items is None else items:
        published = selectors.in_a_published_pack(item)
        rows.append(
            {"item": item, "published": published, "blockers": [] if published else selectors.item_blockers(item)}
        )
    return rows


@require_GET
@login_required
def meeting_detail(request, meeting_id):
    meeting = access.get_meeting_for_council_view(request.user, meeting_id)
    may_manage = request.user.has_perm("meetings.manage_meetings", meeting.council)
    rows = _item_rows(meeting)
    open_supplement = selectors.open_supplement_of(meeting)
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "time_text": time_text(meeting.starts_at),
            "rows": rows,
            "may_manage": may_manage,
            "may_remove": may_manage and any(not row["published"] for row in rows),
            "has_taken_place": meeting.starts <= timezone.now(),
            "supplements": selectors.published_supplements_of(meeting),
            "open_supplement": open_supplement,
            "open_supplement_items": [row for row in rows if not row["published"]] if open_supplement else [],
            "date_warnings": (
                selectors.item_date_warnings(meeting)
                if not meeting.agenda_published
                else selectors.item_date_warnings(meeting, open_supplement)
                if open_supplement
                else []
            ),
            "events": selectors.meeting_history(meeting),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def add_item(request, meeting_id):
    meeting = access.get_meeting_for_change(request.user, meeting_id)
    if meeting.agenda_published and meeting.starts <= timezone.now():
        return redirect("meetings:meeting_detail", meeting_id=meeting.pk)
    reports, papers = selectors.reports_for_agenda(meeting), selectors.papers_for_agenda(meeting)
    form = AgendaItemForm(request.POST if request.method == "POST" else None, reports=reports, papers=papers)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        kind, _, pk = data["report"].partition("-")
        chosen = {"report": {r.pk: r for r in reports}, "paper": {p.pk: p for p in papers}}[kind][int(pk)]
        try:
            item = services.add_agenda_item(
                meeting=meeting,
                report=chosen if kind == "report" else None,
                paper=chosen if kind == "paper" else None,
                title=data["title"],
                description=data["description"],
                number=data["number"],
                actor=request.user,
            )
        except Refusal as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, f"Item {item.number} added: {item.title}")
            return redirect("meetings:meeting_detail", meeting_id=meeting.pk)
    supplement_number = selectors.supplement_number_for_new_item(meeting) if meeting.agenda_published else None
    return render(
        request,
        "meetings/add_item.html",
        {
            "meeting": meeting,
            "form": form,
            "has_reports": bool(reports or papers),
            "supplement_number": supplement_number,
        },
    )


@require_POST
@login_required
def remove_item(request, item_id):
    item = access.get_item_for_change(request.user, item_id)
    try:
        meeting = services.remove_agenda_item(item=item, actor=request.user)
    except Refusal as refusal:
        add_refusal_after_redirect(request, refusal)
        meeting = item.meeting
    else:
        messages.success(request, f"Item {item.number} removed: {item.title}")
    return redirect("meetings:meeting_detail", meeting_id=meeting.pk)


def _publish_page(request, meeting, form, template, supplement=None):
    """The page that publishes the main agenda, or `supplement`: its items, what they still need,
    and the notice they would give."""
    today = timezone.localdate()
    items = selectors.supplement_items_of(supplement) if supplement is not None else None
    return render(
        request,
        template,
        {
            "meeting": meeting,
            "supplement": supplement,
            "form": form,
            "rows": _item_rows(meeting, items),
            "blocked": selectors.blockers_for_agenda(meeting, supplement),
            "date_warnings": selectors.item_date_warnings(meeting, supplement),
            "warning": notice_warning(today, meeting.date) if meeting.date >= today else "",
            "has_taken_place": meeting.starts <= timezone.now(),
        },
    )


def _published_message(request, meeting):
    messages.success(
        request,
        f"Agenda published: the pack has {meeting.pack_pages} pages"
        + (". The notice was short: see the warning on this page" if meeting.short_notice else ""),
    )


@require_http_methods(["GET", "POST"])
@login_required
def publish_agenda(request, meeting_id):
    meeting = access.get_meeting_for_change(request.user, meeting_id)
    if meeting.agenda_published:
        return redirect("meetings:meeting_detail", meeting_id=meeting.pk)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        try:
            meeting = services.publish_agenda(meeting=meeting, actor=request.user)
        except Refusal as refusal:
            add_refusal(form, refusal)
        else:
            _published_message(request, meeting)
            return redirect("meetings:meeting_detail", meeting_id=meeting.pk)
    return _publish_page(request, meeting, form, "meetings/publish_agenda.html")


@require_http_methods(["GET", "POST"])
@login_required
def record_past_agenda(request, meeting_id):
    meeting = access.get_meeting_for_change(request.user, meeting_id)
    if meeting.agenda_published:
        return redirect("meetings:meeting_detail", meeting_id=meeting.pk)
    form = PastAgendaForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.publish_agenda(
                meeting=meeting, actor=request.user, published_on=form.cleaned_data["published_on"]
            )
        except Refusal as refusal:
            add_refusal(form, refusal)
        else:
            _published_message(request, meeting)
            return redirect("meetings:meeting_detail", meeting_id=meeting.pk)
    return _publish_page(request, meeting, form, "meetings/record_past_agenda.html")


@require_http_methods(["GET", "POST"])
@login_required
def publish_supplement(request, meeting_id):
    meeting = access.get_meeting_for_change(request.user, meeting_id)
    supplement = selectors.open_supplement_of(meeting)
    if supplement is None or not meeting.agenda_published:
        return redirect("meetings:meeting_detail", meeting_id=meeting.pk)
    form = SupplementForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            supplement = services.publish_supplement(
                meeting=meeting, actor=request.user, urgency_reason=form.cleaned_data["urgency_reason"]
            )
        except Refusal as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, f"{supplement} published: its pack has {supplement.pack_pages} pages")
            return redirect("meetings:meeting_detail", meeting_id=meeting.pk)
    return _publish_page(request, meeting, form, "meetings/publish_supplement.html", supplement)


@require_GET
@login_required
def preview_pack(request, meeting_id):
    """The pack as it would print today; nothing is stored (publishing prints the pack of record)."""
    meeting = access.get_meeting_for_council_view(request.user, meeting_id)
    if meeting.agenda_published:
        return redirect("meetings:agenda_pack", meeting_id=meeting.pk)
    if not selectors.items_of(meeting):
        raise Http404("The agenda has no items yet")
    pack = render_agenda_pack(meeting, published_on=timezone.localdate())
    return _pdf(pack.pdf, "preview-" + selectors.pack_filename(meeting))


@require_GET
@login_required
def preview_supplement(request, meeting_id):
    """The supplementary agenda being prepared, as it would print today; nothing is stored. With
    none being prepared, the meeting's page lists the published ones."""
    meeting = access.get_meeting_for_council_view(request.user, meeting_id)
    supplement = selectors.open_supplement_of(meeting)
    if supplement is None:
        return redirect("meetings:meeting_detail", meeting_id=meeting.pk)
    pack = render_agenda_pack(meeting, published_on=timezone.localdate(), supplement=supplement)
    return _pdf(pack.pdf, "preview-" + selectors.pack_filename(meeting, supplement))


# --- Public pages ------------------------------------------------------------------------


@require_GET
def public_agendas(request):
    """Published agendas, newest first; `?council=<ONS code>` for one council's (as its page links)."""
    code = request.GET.get("council", "").strip()[:20]
    council = council_by_code(code) if code else None
    meetings = selectors.published_meetings(council=council) if council or not code else []
    return render(
        request,
        "meetings/public_agendas.html",
        {"meetings": list(meetings[:200]), "council": council, "unknown_code": code if code and not council else ""},
    )


@require_GET
def public_agenda(request, meeting_id):
    meeting = access.get_published_meeting(meeting_id)
    return render(
        request,
        "meetings/public_agenda.html",
        {
            "meeting": meeting,
            "time_text": time_text(meeting.starts_at),
            "items": selectors.public_items_of(meeting),
            "supplements": selectors.published_supplements_of(meeting),
        },
    )


@require_GET
def agenda_pack(request, meeting_id):
    meeting = access.get_published_meeting(meeting_id)
    content = selectors.pack_file(meeting)
    if content is None:
        raise Http404("The agenda pack is not available")
    return _pdf(content, selectors.pack_filename(meeting))


@require_GET
def supplement_pack(request, meeting_id, number):
    meeting = access.get_published_meeting(meeting_id)
    supplement = selectors.published_supplement(meeting, number)
    content = selectors.pack_file(meeting, supplement) if supplement is not None else None
    if content is None:
        raise Http404("The supplementary agenda is not available")
    return _pdf(content, selectors.pack_filename(meeting, supplement))
