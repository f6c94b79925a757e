"""Human review of a passage's tags: department analysts confirm, correct or remove themes, barriers
and figures; each review is kept in the audit log (who, when, before, after); a person's decision
drops out of or joins the explorer's counts at once and wins over every later analysis run; the
panel may read but not review (403, nothing changed); council people get 404."""

from decimal import Decimal

import pytest

from analysis.explorer import selectors as explorer
from analysis.models import Figure, PassageBarrier, PassageTheme
from analysis.review import services as review
from analysis.runs import services as runs
from core.models import AuditEvent
from councils.models import CouncilRole
from plans.selectors import barrier_categories
from tests.integration.pages import banners, error_summary_text, h1, soup, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def councils_naming(corpus, slug: str) -> int:
    rows = explorer.barrier_counts(explorer.Filters(corpus.return_definition), barrier_categories())
    return next(row.councils for row in rows if row.key == slug)


def state(passage) -> tuple:
    """Everything a review could change about a passage, and the length of the audit log."""
    return (review.tag_state(passage), AuditEvent.objects.count())


def review_url(passage, what: str = "") -> str:
    return f"/analysis/review/passages/{passage.pk}/" + (f"{what}/" if what else "")


@pytest.fixture
def signed_in_analyst(client, analyst):
    client.force_login(analyst)
    return client


def test_an_analyst_removes_a_barrier_and_a_later_analysis_run_does_not_bring_it_back(
    signed_in_analyst, explorer_corpus, analyst
):
    """Dorset names funding certainty in passages 1 and 3. The analyst removes both tags: Dorset drops
    out of the count (2 councils -> 1, Kent). Then the document is analysed again by the real run,
    whose classifier does tag both passages with funding certainty: the person's removal stands."""
    one, three = explorer_corpus.passages["dorset1"], explorer_corpus.passages["dorset3"]
    assert councils_naming(explorer_corpus, "funding-certainty") == 2
    for passage, keep in ((one, []), (three, ["send-high-needs"])):
        response = signed_in_analyst.post(
            review_url(passage, "barriers"), {"barriers": keep, "token": review.state_token(passage)}
        )
        assert response.status_code == 302
    assert "Review saved. Removed “Funding certainty”." in banners(signed_in_analyst.get(review_url(three)))
    assert councils_naming(explorer_corpus, "funding-certainty") == 1

    runs.analyse_now(documents=[explorer_corpus.documents["dorset"]], actor=None)

    row = PassageBarrier.objects.get(passage=one, category__slug="funding-certainty")
    assert (row.present, row.source, row.reviewed_by) == (False, "person", analyst)
    assert councils_naming(explorer_corpus, "funding-certainty") == 1
    behind = explorer.evidence_tags(
        explorer.Filters(explorer_corpus.return_definition), explorer.Question(barrier="funding-certainty")
    )
    assert [tag.passage_id for tag in behind] == [explorer_corpus.passages["kent2"].pk]


def test_a_confirmed_theme_stays_when_a_later_run_would_drop_it(signed_in_analyst, explorer_corpus):
    """The classifier reads Dorset's passage 1 as theme 4 only. An analyst confirms theme 1 there; a
    later run replaces the machine's own tags but keeps the person's theme 1."""

    passage = explorer_corpus.passages["dorset1"]
    signed_in_analyst.post(review_url(passage, "themes"), {"themes": ["1"], "token": review.state_token(passage)})
    runs.analyse_now(documents=[explorer_corpus.documents["dorset"]], actor=None)
    rows = {t.theme.number: (t.present, t.source) for t in PassageTheme.objects.filter(passage=passage)}
    assert rows[1] == (True, "person")
    assert rows[4] == (True, "machine")  # what the run found, and no person has said otherwise


def test_each_review_is_in_the_audit_log_with_who_when_before_and_after(signed_in_analyst, explorer_corpus, analyst):
    passage = explorer_corpus.passages["kent1"]  # themes 1 and 2, from the machine
    signed_in_analyst.post(review_url(passage, "themes"), {"themes": ["2", "3"], "token": review.state_token(passage)})
    event = AuditEvent.objects.filter(action="PassageThemesReviewed").get()
    assert (event.actor, event.subject_type, event.subject_id) == (analyst, "analysis.Passage", str(passage.pk))
    assert event.council_code == "E10000016"
    assert event.data["confirmed"] == ["theme 2"]
    assert event.data["added"] == ["theme 3"]
    assert event.data["removed"] == ["theme 1"]
    assert event.data["before"]["themes"] == [
        {"theme": 1, "present": True, "source": "machine"},
        {"theme": 2, "present": True, "source": "machine"},
    ]
    assert event.data["after"]["themes"] == [
        {"theme": 1, "present": False, "source": "person"},
        {"theme": 2, "present": True, "source": "person"},
        {"theme": 3, "present": True, "source": "person"},
    ]
    assert event.data["reviewed_at"]
    page = soup(signed_in_analyst.get(review_url(passage)))
    history = text_of(page.select_one("#review-history"))
    assert "Department Tester" in history and "Removed: theme 1" in history


def test_an_analyst_corrects_a_figure_and_a_later_run_keeps_the_correction(signed_in_analyst, explorer_corpus):

    passage = explorer_corpus.passages["kent3"]
    figure = Figure.objects.get(passage=passage)
    response = signed_in_analyst.post(
        review_url(passage, f"figures/{figure.pk}"),
        {
            f"figure-{figure.pk}-action": "correct",
            f"figure-{figure.pk}-kind": "agency_share_of_staff_budget",
            f"figure-{figure.pk}-value": "2.15",
            f"figure-{figure.pk}-unit": "percent",
            f"figure-{figure.pk}-token": review.state_token(passage),
        },
    )
    assert response.status_code == 302
    figure.refresh_from_db()
    assert (figure.value, figure.source, figure.present) == (Decimal("2.15"), "person", True)
    runs.analyse_now(documents=[explorer_corpus.documents["kent"]], actor=None)
    figure.refresh_from_db()
    assert (figure.value, figure.source) == (Decimal("2.15"), "person")
    event = AuditEvent.objects.filter(action="PassageFiguresReviewed").get()
    assert event.data["before"]["figures"][0]["value"] == "2.1"
    assert event.data["after"]["figures"][0]["value"] == "2.15"


def test_changing_a_figures_kind_keeps_the_old_kind_as_removed(explorer_corpus, analyst):
    passage = explorer_corpus.passages["dorset2"]
    figure = Figure.objects.get(passage=passage, kind="consultant_share_of_staff_budget")
    review.review_figure(
        figure=figure,
        action="correct",
        kind="other_percent",
        value=Decimal("0.96"),
        unit="percent",
        token=review.state_token(passage),
        actor=analyst,
    )
    rows = {f.kind: (f.present, f.source) for f in Figure.objects.filter(passage=passage)}
    assert rows["consultant_share_of_staff_budget"] == (False, "person")
    assert rows["other_percent"] == (True, "person")


def test_removing_a_figure_takes_it_out_of_the_distribution(signed_in_analyst, explorer_corpus):
    passage = explorer_corpus.passages["kent3"]
    figure = Figure.objects.get(passage=passage)
    signed_in_analyst.post(
        review_url(passage, f"figures/{figure.pk}"),
        {f"figure-{figure.pk}-action": "remove", f"figure-{figure.pk}-token": review.state_token(passage)},
    )
    comparison = explorer.compare_figures(
        explorer.Filters(explorer_corpus.return_definition), "agency_share_of_staff_budget"
    )
    assert (comparison.overall.count, comparison.overall.maximum) == (2, Decimal("1.00"))
    assert explorer.review_counts(explorer.Filters(explorer_corpus.return_definition)).removed == 1


# --- Refusals: nothing changes ----------------------------------------------------------------


def test_a_panel_member_may_read_the_passage_but_a_review_is_403_and_changes_nothing(
    client, explorer_corpus, panel_member
):
    client.force_login(panel_member)
    passage = explorer_corpus.passages["dorset1"]
    page = client.get(review_url(passage))
    assert page.status_code == 200 and h1(page) == "Tags of passage 1"
    assert soup(page).select("form[action*='/review/']") == []
    figure = Figure.objects.filter(passage__document=passage.document).first()
    before = state(passage), state(figure.passage)
    token = review.state_token(passage)
    attempts = [
        (review_url(passage, "themes"), {"themes": [], "token": token}),
        (review_url(passage, "barriers"), {"barriers": [], "token": token}),
        (
            review_url(figure.passage, f"figures/{figure.pk}"),
            {f"figure-{figure.pk}-action": "remove", f"figure-{figure.pk}-token": review.state_token(figure.passage)},
        ),
        (review_url(passage, "figures/add"), {"kind": "agency_spend", "value": "3000000", "token": token}),
    ]
    for url, data in attempts:
        response = client.post(url, data)
        assert response.status_code == 403, url
        assert h1(response) == "You cannot review tags"
    assert (state(passage), state(figure.passage)) == before
    assert councils_naming(explorer_corpus, "funding-certainty") == 2


def test_council_people_get_404_on_review_pages_and_change_nothing(client, explorer_corpus, make_person):
    passage = explorer_corpus.passages["dorset1"]
    dorset = explorer_corpus.councils["E06000059"]
    people = [make_person(f"dorset-{role}", council=dorset, roles=[role]) for role in CouncilRole.values]
    before = state(passage)
    for person in people:
        client.force_login(person)
        assert client.get(review_url(passage)).status_code == 404
        response = client.post(review_url(passage, "barriers"), {"barriers": [], "token": review.state_token(passage)})
        assert response.status_code == 404
    assert state(passage) == before


def test_a_review_of_tags_that_changed_since_the_page_was_opened_is_refused(
    signed_in_analyst, explorer_corpus, analyst
):
    """Two analysts open the same passage; the first removes theme 1; the second's form, drawn before
    that, is refused with a clear message, and the first analyst's decision stands."""
    passage = explorer_corpus.passages["dorset1"]
    stale = review.state_token(passage)
    review.review_themes(passage=passage, theme_numbers=[], token=stale, actor=analyst)
    after_first = state(passage)
    response = signed_in_analyst.post(
        review_url(passage, "themes"), {"themes": ["1", "2"], "token": stale}, follow=True
    )
    assert "changed after you opened the page" in error_summary_text(response)
    assert "Nothing was saved" in error_summary_text(response)
    assert state(passage) == after_first


@pytest.mark.parametrize(
    "data, message",
    [
        ({"themes": ["9"]}, "Select only themes of this return"),
        ({"themes": ["1"], "token": ""}, "These tags changed or the form expired"),
    ],
    ids=["a theme the return does not have", "no form token"],
)
def test_a_bad_theme_review_is_refused_with_a_message_and_nothing_changes(
    signed_in_analyst, explorer_corpus, data, message
):
    passage = explorer_corpus.passages["dorset1"]
    before = state(passage)
    response = signed_in_analyst.post(review_url(passage, "themes"), {"token": review.state_token(passage)} | data)
    assert response.status_code == 400
    assert message in error_summary_text(response)
    assert state(passage) == before


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"action": "correct", "value": ""}, "Enter the corrected value"),
        ({"action": "correct", "value": "lots"}, "Enter the value as a number"),
        ({"action": "rank"}, "Select a valid choice"),
        ({}, "Select whether to confirm, correct or remove the figure"),
    ],
    ids=["no value", "value not a number", "unknown action", "no action"],
)
def test_a_bad_figure_review_is_refused_with_a_message_and_nothing_changes(
    signed_in_analyst, explorer_corpus, fields, message
):
    passage = explorer_corpus.passages["kent3"]
    figure = Figure.objects.get(passage=passage)
    before = state(passage)
    data = {f"figure-{figure.pk}-{name}": value for name, value in fields.items()}
    data[f"figure-{figure.pk}-token"] = review.state_token(passage)
    response = signed_in_analyst.post(review_url(passage, f"figures/{figure.pk}"), data)
    assert response.status_code == 400
    assert message in error_summary_text(response)
    assert state(passage) == before


def test_a_figure_of_another_passage_is_404(signed_in_analyst, explorer_corpus):
    figure = Figure.objects.get(passage=explorer_corpus.passages["kent3"])
    other = explorer_corpus.passages["dorset1"]
    response = signed_in_analyst.post(
        review_url(other, f"figures/{figure.pk}"),
        {f"figure-{figure.pk}-action": "remove", f"figure-{figure.pk}-token": review.state_token(other)},
    )
    assert response.status_code == 404
    assert Figure.objects.get(pk=figure.pk).present is True


def test_saving_the_same_decision_twice_writes_one_audit_event(signed_in_analyst, explorer_corpus):
    passage = explorer_corpus.passages["cheltenham1"]
    for _ in range(2):
        signed_in_analyst.post(review_url(passage, "themes"), {"themes": ["2"], "token": review.state_token(passage)})
    assert AuditEvent.objects.filter(action="PassageThemesReviewed").count() == 1


# --- Adding a figure the analysis missed ---------------------------------------------------------


def test_an_analyst_adds_a_missed_figure_that_counts_at_once_and_outlasts_later_runs(
    signed_in_analyst, explorer_corpus
):
    """Kent's plan states its consultant share, but the analysis found only the agency share."""

    passage = explorer_corpus.passages["kent3"]
    filters = explorer.Filters(explorer_corpus.return_definition)
    before = explorer.compare_figures(filters, "consultant_share_of_staff_budget").overall.count
    response = signed_in_analyst.post(
        review_url(passage, "figures/add"),
        {
            "kind": "consultant_share_of_staff_budget",
            "value": "0.8",
            "measures": "consultants as a share of the staff budget",
            "token": review.state_token(passage),
        },
    )
    assert response.status_code == 302
    added = Figure.objects.get(passage=passage, kind="consultant_share_of_staff_budget")
    assert (added.value, added.unit, added.source, added.present) == (Decimal("0.8"), "percent", "person", True)
    assert added.reviewed_by is not None and added.measures == "consultants as a share of the staff budget"
    assert explorer.compare_figures(filters, "consultant_share_of_staff_budget").overall.count == before + 1
    page = signed_in_analyst.get(response["Location"])
    assert "Review saved. Added consultant spend as a share of the staff budget 0.8." in banners(page)

    runs.analyse_now(documents=[explorer_corpus.documents["kent"]], actor=None)
    assert Figure.objects.filter(pk=added.pk, present=True, source="person").exists(), "a later run keeps it"
    event = AuditEvent.objects.filter(action="PassageFiguresReviewed").get()
    assert event.data["added"] == ["consultant spend as a share of the staff budget 0.8"]
    assert len(event.data["after"]["figures"]) == len(event.data["before"]["figures"]) + 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"value": "1.5"}, "Choose what the figure measures"),
        ({"kind": "agency_spend"}, "Enter the figure's value"),
        ({"kind": "agency_spend", "value": "three million"}, "Enter the value as a number"),
        ({"kind": "other_percent", "value": "120"}, "A percentage cannot be more than 100"),
        ({"kind": "count", "value": "-4"}, "Enter a value of 0 or more"),
        ({"kind": "league_position", "value": "1"}, "Select a valid choice"),
        ({"kind": "count", "value": "4", "measures": "x" * 201}, "200 characters or fewer"),
    ],
    ids=["no kind", "no value", "not a number", "percentage over 100", "negative", "unknown kind", "too long"],
)
def test_a_bad_added_figure_is_refused_with_a_message_and_nothing_changes(
    signed_in_analyst, explorer_corpus, fields, message
):
    passage = explorer_corpus.passages["kent3"]
    before = state(passage)
    response = signed_in_analyst.post(
        review_url(passage, "figures/add"), {**fields, "token": review.state_token(passage)}
    )
    assert response.status_code == 400
    assert message in error_summary_text(response)
    assert state(passage) == before


def test_adding_a_figure_to_tags_that_changed_since_the_page_was_opened_is_refused(signed_in_analyst, explorer_corpus):
    passage = explorer_corpus.passages["kent3"]
    stale = review.state_token(passage)
    Figure.objects.filter(passage=passage).update(value=Decimal("2.2"))  # a run changed it meanwhile
    before = state(passage)
    response = signed_in_analyst.post(
        review_url(passage, "figures/add"), {"kind": "agency_spend", "value": "1000000", "token": stale}
    )
    assert response.status_code == 302
    assert "changed after you opened the page" in error_summary_text(signed_in_analyst.get(response["Location"]))
    assert state(passage) == before
