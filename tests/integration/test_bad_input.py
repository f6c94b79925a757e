"""Bad input and steps out of order: refused with a clear message, what was typed is kept, nothing is
written, and nothing answers 500."""

import datetime

import pytest

from core.dates import LONDON
from core.models import AuditEvent
from governance.models import Decision
from plans.models import Draft, PlanVersion
from submissions.models import Publication, Submission
from tests.integration.pages import error_summary, error_summary_links, error_summary_text, h1, soup, title

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

SLUG = "productivity-plan-2024"


def revision_on(page) -> str:
    return soup(page).select_one("input[name=revision]")["value"]


def textarea(page, theme: int) -> str:
    return soup(page).select_one(f"#id_theme_{theme}").get_text().strip()


def draft_form(revision, texts: dict) -> dict:
    return {"revision": str(revision), **{f"theme_{n}": text for n, text in texts.items()}}


def decision_form(day="", month="", year="", **fields) -> dict:
    return {"decided_on-day": str(day), "decided_on-month": str(month), "decided_on-year": str(year), **fields}


def today_form(**fields) -> dict:
    from django.utils import timezone

    today = timezone.localdate()
    return decision_form(today.day, today.month, today.year, **fields)


# --- The draft edited in two tabs ---------------------------------------------------------


def test_saving_from_a_stale_tab_does_not_overwrite_the_newer_save(client, written_draft, dorset_author, theme_text):
    """Open the edit form in two tabs, save from the first, then from the second: the second save is
    refused with an error summary, its typed text stays in the boxes, the text saved from the first tab
    is shown beside them, and the stored draft keeps the first tab's text. Saving again from the
    refreshed form then works."""
    client.force_login(dorset_author)
    edit_url = f"/plans/drafts/{written_draft.pk}/edit/"
    first_tab, second_tab = client.get(edit_url), client.get(edit_url)
    assert revision_on(first_tab) == revision_on(second_tab) == str(written_draft.revision)

    first_text = {**theme_text, 1: "First tab: we merged back-office teams in 2023."}
    assert client.post(edit_url, draft_form(revision_on(first_tab), first_text)).status_code == 302

    second_text = {**theme_text, 1: "Second tab: a shared contact centre opened in 2022."}
    events_before = AuditEvent.objects.count()
    response = client.post(edit_url, draft_form(revision_on(second_tab), second_text))
    assert response.status_code == 200
    assert title(response).startswith("Error: ")
    assert "saved this draft while you were editing it" in error_summary_text(response)
    assert textarea(response, 1) == second_text[1], "the second tab's typed text must be kept in the box"
    saved_shown = " ".join(p.get_text(" ", strip=True) for p in soup(response).select(".govuk-inset-text"))
    assert first_text[1] in saved_shown, "the text saved from the first tab must be shown"

    stored = Draft.objects.get(pk=written_draft.pk)
    assert stored.sections.get(theme__number=1).body == first_text[1]
    assert stored.revision == written_draft.revision + 1
    assert AuditEvent.objects.count() == events_before

    assert revision_on(response) == str(stored.revision), "the refreshed form must carry the stored revision"
    assert client.post(edit_url, draft_form(revision_on(response), second_text)).status_code == 302
    assert Draft.objects.get(pk=written_draft.pk).sections.get(theme__number=1).body == second_text[1]


def test_two_people_editing_at_once_are_told_who_saved(
    client, written_draft, dorset_author, dorset_director, theme_text
):
    """The author and the director open the draft; the director saves first. The author's save is
    refused and the message names the director."""
    edit_url = f"/plans/drafts/{written_draft.pk}/edit/"
    client.force_login(dorset_author)
    author_revision = revision_on(client.get(edit_url))
    client.force_login(dorset_director)
    assert client.post(edit_url, draft_form(author_revision, {**theme_text, 2: "Director's text."})).status_code == 302
    client.force_login(dorset_author)
    response = client.post(edit_url, draft_form(author_revision, {**theme_text, 2: "Author's text."}))
    assert response.status_code == 200
    assert dorset_director.get_full_name() in error_summary_text(response)
    assert Draft.objects.get(pk=written_draft.pk).sections.get(theme__number=2).body == "Director's text."


@pytest.mark.parametrize("revision", ["", "abc", "-1"])
def test_a_tampered_revision_is_refused_without_saving(client, written_draft, dorset_author, theme_text, revision):
    """A missing or garbled revision (only possible by editing the page) re-shows the form, saves nothing
    and is not a 500."""
    client.force_login(dorset_author)
    response = client.post(f"/plans/drafts/{written_draft.pk}/edit/", draft_form(revision, {1: "Tampered."}))
    assert response.status_code == 200
    assert error_summary(response) is not None
    assert Draft.objects.get(pk=written_draft.pk).sections.get(theme__number=1).body == theme_text[1]


# --- The decision form ---------------------------------------------------------------------


def test_a_decision_with_nothing_filled_in_shows_every_error_linked_to_its_field(client, frozen_version, dorset_clerk):
    """POST the decision form empty: 200 with the GOV.UK error summary linking to the first radio, the
    day box and the decision-maker box, an 'Error: ' page title, and no decision recorded."""
    client.force_login(dorset_clerk)
    response = client.post(f"/governance/versions/{frozen_version.pk}/decision/", decision_form())
    assert response.status_code == 200
    assert title(response).startswith("Error: ")
    links = error_summary_links(response)
    for anchor in ("#id_outcome_0", "#id_decided_on-day", "#id_decision_maker"):
        assert anchor in links, f"error summary has no link to {anchor}: {links}"
        assert soup(response).select_one(anchor) is not None, f"{anchor} points at nothing on the page"
    text = error_summary_text(response)
    for message in ("Select what members decided", "Enter the date of the decision", "Enter who made the decision"):
        assert message in text
    assert not Decision.objects.exists()


def test_a_decision_with_some_fields_missing_keeps_what_was_typed(client, frozen_version, dorset_clerk):
    client.force_login(dorset_clerk)
    url = f"/governance/versions/{frozen_version.pk}/decision/"
    response = client.post(
        url, decision_form(day="3", decision_maker="Full Council", resolution="Resolved to endorse.")
    )
    page = soup(response)
    assert response.status_code == 200
    assert page.select_one("#id_decision_maker")["value"] == "Full Council"
    assert page.select_one("#id_resolution").get_text().strip() == "Resolved to endorse."
    assert page.select_one("#id_decided_on-day")["value"] == "3"
    assert "The date of the decision must include a month and year" in error_summary_text(response)
    assert "Select what members decided" in error_summary_text(response)

    response = client.post(url, decision_form(outcome="deferred"))
    checked = soup(response).select("input[name=outcome][checked]")
    assert [radio["value"] for radio in checked] == ["deferred"]
    assert not Decision.objects.exists()


@pytest.mark.parametrize(
    ("day", "month", "year"),
    [
        ("31", "2", "2024"),  # no 31 February
        ("aa", "bb", "cccc"),  # letters
        ("1", "7", "24"),  # two-digit year
        ("0", "7", "2024"),
        ("1", "13", "2024"),
        ("-1", "7", "2024"),
        ("99999999999999999999", "7", "2024"),  # too big for a date: must not be a 500
    ],
    ids=["31-february", "letters", "two-digit-year", "day-zero", "month-13", "negative", "enormous-day"],
)
def test_a_decision_date_that_is_not_a_real_date_is_refused(client, frozen_version, dorset_clerk, day, month, year):
    """The date boxes hold what was typed, the summary says the date must be a real date and links to
    the day box, and no decision is recorded."""
    client.force_login(dorset_clerk)
    response = client.post(
        f"/governance/versions/{frozen_version.pk}/decision/",
        decision_form(day, month, year, outcome="approved", decision_maker="Cabinet"),
    )
    assert response.status_code == 200
    assert "The date of the decision must be a real date" in error_summary_text(response)
    assert "#id_decided_on-day" in error_summary_links(response)
    page = soup(response)
    assert [page.select_one(f"#id_decided_on-{part}")["value"] for part in ("day", "month", "year")] == [
        day,
        month,
        year,
    ]
    assert not Decision.objects.exists()


def test_a_decision_dated_before_the_version_was_frozen_is_refused(client, written_draft, dorset_author, dorset_clerk):
    """Version 1 frozen on 1 July 2024: a decision dated 30 June 2024 is refused, naming the freeze
    date; one dated 1 July 2024 is recorded."""
    from plans.services import freeze_draft

    version = freeze_draft(
        draft=written_draft, actor=dorset_author, at=datetime.datetime(2024, 7, 1, 10, 0, tzinfo=LONDON)
    )
    client.force_login(dorset_clerk)
    url = f"/governance/versions/{version.pk}/decision/"
    response = client.post(url, decision_form(30, 6, 2024, outcome="approved", decision_maker="Cabinet"))
    assert response.status_code == 200
    assert "The decision date cannot be before version 1 was frozen (1 July 2024)" in error_summary_text(response)
    assert "#id_decided_on-day" in error_summary_links(response)
    assert title(response).startswith("Error: ")
    assert not Decision.objects.exists()
    assert client.post(url, decision_form(1, 7, 2024, outcome="approved", decision_maker="Cabinet")).status_code == 302
    assert Decision.objects.count() == 1


@pytest.mark.parametrize("outcome", ["approved", "approved_with_amendments"])
def test_a_second_endorsement_of_the_same_version_is_refused(client, endorsed_version, dorset_clerk, outcome):
    client.force_login(dorset_clerk)
    response = client.post(
        f"/governance/versions/{endorsed_version.pk}/decision/",
        today_form(outcome=outcome, decision_maker="Full Council"),
    )
    assert response.status_code == 200
    assert "Version 1 has already been endorsed" in error_summary_text(response)
    assert title(response).startswith("Error: ")
    assert Decision.objects.count() == 1


def test_a_decision_maker_longer_than_200_characters_is_refused(client, frozen_version, dorset_clerk):
    client.force_login(dorset_clerk)
    response = client.post(
        f"/governance/versions/{frozen_version.pk}/decision/", today_form(outcome="approved", decision_maker="C" * 201)
    )
    assert response.status_code == 200
    assert "Who made the decision must be 200 characters or fewer" in error_summary_text(response)
    assert not Decision.objects.exists()


# --- Freezing ------------------------------------------------------------------------------


def test_freezing_an_unchanged_draft_twice_makes_one_version(client, written_draft, dorset_author):
    client.force_login(dorset_author)
    url = f"/plans/drafts/{written_draft.pk}/freeze/"
    first, second = client.post(url), client.post(url)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert PlanVersion.objects.count() == 1
    assert AuditEvent.objects.filter(action="VersionFrozen").count() == 1


@pytest.mark.parametrize("blank", ["", "   \r\n  \r\n "], ids=["empty", "only-spaces"])
def test_freezing_a_draft_with_an_empty_theme_is_refused_and_names_the_theme(
    client, plan_return, dorset, dorset_author, theme_text, blank
):
    from plans.services import save_draft, start_draft

    draft = start_draft(council=dorset, return_definition=plan_return, actor=dorset_author)
    save_draft(draft=draft, bodies={**theme_text, 3: blank}, based_on_revision=draft.revision, actor=dorset_author)
    client.force_login(dorset_author)
    response = client.post(f"/plans/drafts/{draft.pk}/freeze/", follow=True)
    assert response.redirect_chain[-1][0] == f"/plans/drafts/{draft.pk}/"
    message = error_summary_text(response)  # the refusal is shown in the error summary of the page sent back to
    assert "Write something for every theme before freezing a version" in message
    assert title(response).startswith("Error: ")
    assert "theme 3" in message
    assert not PlanVersion.objects.exists()
    assert not AuditEvent.objects.filter(action="VersionFrozen").exists()


# --- Submitting and publishing -------------------------------------------------------------


@pytest.mark.parametrize("decision", [None, "deferred", "rejected"])
def test_submitting_a_version_members_have_not_endorsed_is_refused(
    client, frozen_version, dorset_clerk, dorset_director, decision
):
    """With no decision, or a decision that is not an endorsement, the submit POST answers 400 with an
    error summary saying why, and no submission is made."""
    from django.utils import timezone

    from governance.services.decisions import record_decision

    if decision:
        record_decision(
            version=frozen_version,
            outcome=decision,
            decision_maker="Cabinet",
            decided_on=timezone.localdate(),
            actor=dorset_clerk,
        )
    client.force_login(dorset_director)
    response = client.post(f"/your-plans/versions/{frozen_version.pk}/submit/")
    assert response.status_code == 400
    assert "Version 1 has not been endorsed by members, so it cannot be submitted" in error_summary_text(response)
    assert title(response).startswith("Error: ")
    assert not Submission.objects.exists()
    assert not AuditEvent.objects.filter(action="PlanSubmitted").exists()


def test_submitting_twice_makes_one_submission(client, endorsed_version, dorset_chief_executive):
    from tests.integration.test_submission_certification import certified_submission_data

    client.force_login(dorset_chief_executive)
    url = f"/your-plans/versions/{endorsed_version.pk}/submit/"
    form = certified_submission_data(client, endorsed_version)
    first, second = client.post(url, form), client.post(url, form)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Submission.objects.count() == 1
    assert AuditEvent.objects.filter(action="PlanSubmitted").count() == 1


def test_publishing_a_version_that_was_not_submitted_is_refused(client, endorsed_version, dorset_clerk):
    client.force_login(dorset_clerk)
    response = client.post(f"/your-plans/versions/{endorsed_version.pk}/publish/")
    assert response.status_code == 400
    assert "Submit version 1 to the department before publishing it" in error_summary_text(response)
    assert title(response).startswith("Error: ")
    assert not Publication.objects.exists()
    client.logout()
    assert client.get(f"/councils/E06000059/plans/{SLUG}/").status_code == 404


def test_publishing_twice_makes_one_publication(client, submitted_version, dorset_clerk):
    client.force_login(dorset_clerk)
    url = f"/your-plans/versions/{submitted_version.pk}/publish/"
    first, second = client.post(url), client.post(url)
    assert first.status_code == second.status_code == 302
    assert Publication.objects.count() == 1


# --- Unknown addresses ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/councils/E99999999/",
        f"/councils/E99999999/plans/{SLUG}/",
        "/councils/not-a-code/",
        f"/councils/not-a-code/plans/{SLUG}/",
        "/councils/" + "E" * 500 + "/",
        "/councils/E06000059/plans/no-such-return/",
        f"/councils/E06000059/plans/{SLUG}/",  # a real council that has published nothing
    ],
)
def test_an_unknown_council_or_plan_is_a_404_page(client, register, plan_return, url):
    response = client.get(url)
    assert response.status_code == 404
    assert h1(response) == "Page not found"


def test_a_council_code_is_found_whatever_its_case(client, register):
    assert client.get("/councils/e06000059/").status_code == 200


def test_unknown_ids_and_slugs_are_404_for_people_allowed_to_use_the_page(
    client, written_draft, dorset_author, dorset_clerk, dorset_director, analyst
):
    missing = 987654
    checks = [
        (dorset_author, "GET", f"/plans/drafts/{missing}/"),
        (dorset_author, "GET", f"/plans/drafts/{missing}/edit/"),
        (dorset_author, "POST", f"/plans/drafts/{missing}/edit/"),
        (dorset_author, "POST", f"/plans/drafts/{missing}/freeze/"),
        (dorset_author, "GET", f"/plans/versions/{missing}/"),
        (dorset_author, "POST", "/plans/returns/no-such-return/start/"),
        (dorset_author, "GET", f"/receipts/{missing}/"),
        (dorset_clerk, "GET", f"/governance/versions/{missing}/decision/"),
        (dorset_clerk, "POST", f"/governance/versions/{missing}/decision/"),
        (dorset_director, "GET", f"/your-plans/versions/{missing}/submit/"),
        (dorset_director, "POST", f"/your-plans/versions/{missing}/submit/"),
        (dorset_clerk, "GET", f"/your-plans/versions/{missing}/publish/"),
        (dorset_clerk, "POST", f"/your-plans/versions/{missing}/publish/"),
        (analyst, "GET", f"/department/submissions/{missing}/"),
        (analyst, "GET", "/department/returns/no-such-return/"),
        (analyst, "GET", "/department/returns/no-such-return/?format=csv"),
    ]
    for person, method, url in checks:
        client.force_login(person)
        response = client.get(url) if method == "GET" else client.post(url)
        assert response.status_code == 404, f"{person.username} {method} {url}: {response.status_code}"
        assert h1(response) == "Page not found"


# --- Signing in ----------------------------------------------------------------------------


def test_signing_in_with_the_wrong_password_shows_an_error_and_keeps_the_username(client, dorset_author):
    response = client.post("/sign-in/", {"username": "dorset-author", "password": "wrong"})
    assert response.status_code == 200
    assert title(response).startswith("Error: ")
    assert "Enter a correct username and password" in error_summary_text(response)
    assert soup(response).select_one("#id_username")["value"] == "dorset-author"
    assert not soup(response).select_one("#id_password").get("value")
    assert client.get("/account/").status_code == 302


def test_signing_in_with_nothing_typed_links_each_error_to_its_box(client, db):
    response = client.post("/sign-in/", {"username": "", "password": ""})
    assert title(response).startswith("Error: ")
    assert error_summary_links(response) == ["#id_username", "#id_password"]


def test_signing_in_never_redirects_to_another_site(client, dorset_author):
    """A crafted ?next= pointing elsewhere is ignored: the person lands on their own start page."""
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example/"):
        client.logout()
        response = client.post(
            "/sign-in/", {"username": "dorset-author", "password": "correct-horse-battery", "next": target}
        )
        assert response.status_code == 302
        assert response["Location"] == "/account/home/", target


def test_markup_typed_into_a_draft_is_shown_as_text_everywhere(
    client, plan_return, dorset, dorset_author, dorset_clerk, dorset_chief_executive, theme_text
):
    """Text that looks like HTML is escaped on the draft, the version, the receipt and the public page:
    no script element reaches any of them."""
    from django.utils import timezone

    from governance.services.decisions import record_decision
    from plans.services import freeze_draft, save_draft, start_draft
    from submissions.services import publish_version, submit_version

    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    draft = start_draft(council=dorset, return_definition=plan_return, actor=dorset_author)
    draft = save_draft(
        draft=draft, bodies={**theme_text, 1: hostile}, based_on_revision=draft.revision, actor=dorset_author
    )
    version = freeze_draft(draft=draft, actor=dorset_author)
    record_decision(
        version=version,
        outcome="approved",
        decision_maker="<b>Cabinet</b>",
        decided_on=timezone.localdate(),
        actor=dorset_clerk,
    )
    submission = submit_version(version=version, actor=dorset_chief_executive, certifier_role="chief_executive")
    publish_version(version=version, actor=dorset_clerk)
    client.force_login(dorset_author)
    pages = [
        client.get(f"/plans/drafts/{draft.pk}/"),
        client.get(f"/plans/drafts/{draft.pk}/edit/"),
        client.get(f"/plans/versions/{version.pk}/"),
        client.get(f"/receipts/{submission.pk}/"),
        client.get(f"/councils/E06000059/plans/{SLUG}/"),
    ]
    for page in pages:
        main = soup(page).main
        assert page.status_code == 200
        assert main.find("script") is None and main.find("img") is None and main.find("b") is None
        assert '<script>alert("x")' not in page.content.decode()
    assert hostile in soup(pages[-1]).main.get_text()
