"""Monitoring's pages: a council's performance lead loads figures in the browser and follows commitments;
its chief executive approves held figures; the department reads progress across councils; residents read
the public progress pages, charts with their tables, and CSV downloads. Who may do what is a matrix."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from monitoring import selectors
from monitoring.exports import RESPONSIBLE_USE
from monitoring.services import define_metrics, import_metric_values, set_hold_for_approval
from tests.conftest import publish_through_the_route
from tests.integration.monitoring_setup import dorset_commitment, figures_csv, track_contacts_online
from tests.integration.pages import error_summary_text, h1, soup, text_of
from tests.integration.state import describe_change, snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

ONLINE = "corporate-contacts-online"
FORMULA = "=cmd|' /C calc'!A0"


@pytest.fixture(autouse=True)
def catalogue():
    define_metrics()


@pytest.fixture
def lead(make_person, dorset):
    return make_person("dorset-performance-lead", council=dorset, roles=["performance_lead"])


@pytest.fixture
def published_plan(written_draft, dorset_author, dorset_clerk, dorset_chief_executive, lead):
    """Dorset's plan with one commitment, published, the commitment followed with contacts online."""

    commitment = dorset_commitment(written_draft, dorset_author)
    publish_through_the_route(
        written_draft, author=dorset_author, clerk=dorset_clerk, chief_executive=dorset_chief_executive
    )
    return track_contacts_online(commitment, lead)


def _upload(client, content: bytes, name: str = "figures.csv"):
    return client.post("/monitoring/figures/load/", {"file": SimpleUploadedFile(name, content, "text/csv")})


def test_a_performance_lead_loads_figures_and_a_commitment_moves_to_on_track(client, published_plan, lead):
    client.force_login(lead)
    bad = figures_csv(("E06000059", ONLINE, "2024-25", "fifty-four"))
    before = snapshot()
    response = _upload(client, bad)
    assert response.status_code == 400
    assert "1 of the file's 1 rows has a problem, so nothing was imported" in error_summary_text(response)
    assert "Row 2: value 'fifty-four' is not a number" in text_of(soup(response).select_one("#row-problems"))
    assert snapshot() == before, describe_change(before, snapshot())
    response = _upload(client, figures_csv(("E06000059", ONLINE, "2024-25", "54.5", "Online forms launched")))
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert h1(page) == "figures.csv" and "New figures 1" in text_of(soup(page).select_one("dl"))
    again = _upload(client, figures_csv(("E06000059", ONLINE, "2024-25", "54.5", "Online forms launched")))
    assert "Nothing changed: all 1 rows match" in text_of(soup(again))
    published_plan.refresh_from_db()
    assert published_plan.status == "on_track"
    detail = client.get(f"/monitoring/tracked/{published_plan.pk}/")
    assert "On track" in text_of(soup(detail).select_one("main .govuk-tag"))
    assert soup(detail).select_one("svg.app-chart title").get_text().startswith("Customer contacts handled online")


def test_a_file_too_big_is_refused_by_its_size_in_the_browser(client, lead):
    """Tried: a 50 MB upload through the page."""
    client.force_login(lead)
    before = snapshot()
    response = _upload(client, b"ons_code,metric,period,value\n" + b"0" * (50 * 1024 * 1024))
    assert response.status_code == 400
    assert "The selected file is 50.0 MB; a file of figures can be up to 10.0 MB" in error_summary_text(response)
    assert snapshot() == before


def test_a_file_that_is_not_a_csv_is_refused(client, lead):
    client.force_login(lead)
    response = _upload(client, b"%PDF-1.7", name="figures.pdf")
    assert response.status_code == 400 and "must be a CSV" in error_summary_text(response)


def test_the_public_progress_page_shows_each_commitment_with_its_chart_and_table(client, published_plan, lead, dorset):
    import_metric_values(
        data=figures_csv(("E06000059", ONLINE, "2024-25", "54.5", FORMULA), ("E06000059", ONLINE, "2023-24", "48")),
        file_name="f.csv",
        actor=lead,
        council=dorset,
    )
    page = client.get("/councils/E06000059/progress/")
    assert page.status_code == 200
    html = soup(page)
    card = html.select_one(".govuk-summary-card")
    assert "Move more customer contact to digital self-service" in text_of(card)
    assert "On track" in text_of(card.select_one(".govuk-tag"))
    chart = card.select_one("svg.app-chart")
    assert chart["aria-labelledby"].split() == [f"{chart.select_one('title')['id']}", chart.select_one("desc")["id"]]
    table_text = text_of(card.select_one("table"))
    assert "2024-25 54.5 Published figure" in table_text and FORMULA in table_text  # shown as text on the page
    assert "How the status is worked out" in text_of(html)
    assert "How similar councils are chosen" in text_of(html)
    metric_page = client.get(f"/councils/E06000059/progress/{ONLINE}/")
    assert metric_page.status_code == 200 and "Similar councils' latest figures" in text_of(soup(metric_page))
    assert client.get("/councils/E06000059/progress/asc-nonsense/").status_code == 404
    assert client.get("/councils/E07000178/progress/asc-satisfaction/").status_code == 404  # not a district metric
    assert "Progress against the plan" in text_of(soup(client.get("/councils/E06000059/")))


def test_every_csv_download_neutralises_formulas_and_uses_ons_codes(client, published_plan, lead, dorset, analyst):
    """Tried: a note written as a spreadsheet formula (=cmd|...), then each download that carries it."""
    import_metric_values(
        data=figures_csv(("E06000059", ONLINE, "2024-25", "54.5", FORMULA)),
        file_name="f.csv",
        actor=lead,
        council=dorset,
    )
    chart_csv = client.get(f"/councils/E06000059/progress/{ONLINE}.csv").content.decode()
    rows = list(csv.DictReader(io.StringIO(chart_csv)))
    assert rows[-1]["ons_code"] == "E06000059" and rows[-1]["note"] == "'" + FORMULA
    commitments_csv = client.get("/councils/E06000059/progress/commitments.csv").content.decode()
    assert "'" + FORMULA in commitments_csv and f",{FORMULA}" not in commitments_csv
    client.force_login(analyst)
    export = client.get("/monitoring/department/export/commitments.csv").content.decode()
    lines = list(csv.reader(io.StringIO(export)))
    assert lines[0] == [RESPONSIBLE_USE] and lines[1][0] == "ons_code" and lines[2][0] == "E06000059"
    distributions = client.get("/monitoring/department/export/distributions.csv").content.decode()
    assert distributions.splitlines()[0].startswith('"Responsible use')
    assert client.get("/monitoring/department/export/league-table.csv").status_code == 404


def test_held_figures_are_approved_by_the_chief_executive(client, lead, dorset, dorset_director):
    set_hold_for_approval(council=dorset, hold=True, actor=dorset_director)
    import_metric_values(
        data=figures_csv(("E06000059", ONLINE, "2024-25", "54.5")), file_name="f.csv", actor=lead, council=dorset
    )
    public = client.get(f"/councils/E06000059/progress/{ONLINE}.csv").content.decode()
    assert "54.5" not in public
    client.force_login(dorset_director)
    waiting = client.get("/waiting-for-you/")
    assert "Approve 1 figure before they are published" in text_of(soup(waiting))
    page = client.get("/monitoring/figures/approve/")
    assert page.status_code == 200
    value = selectors.waiting_values(dorset)[0]
    assert client.post("/monitoring/figures/approve/", {}).status_code == 400
    response = client.post("/monitoring/figures/approve/", {"values": [str(value.pk)]})
    assert response.status_code == 302
    assert "54.5" in client.get(f"/councils/E06000059/progress/{ONLINE}.csv").content.decode()
    response = client.post("/monitoring/settings/", {"hold": "no"})
    assert response.status_code == 302 and not selectors.holds_for_approval(dorset)


def test_a_held_figure_set_aside_needs_a_reason_is_never_published_and_stays_in_its_history(
    client, lead, dorset, dorset_director
):
    """The director sets aside a wrongly loaded held figure: without a reason it is refused and nothing changes;
    with one, the figure leaves the approvals, the published figure stays, and the history says why."""
    import_metric_values(
        data=figures_csv(("E06000059", ONLINE, "2024-25", "54.5")), file_name="f.csv", actor=lead, council=dorset
    )
    set_hold_for_approval(council=dorset, hold=True, actor=dorset_director)
    import_metric_values(
        data=figures_csv(("E06000059", ONLINE, "2024-25", "5.45")), file_name="typo.csv", actor=lead, council=dorset
    )
    (held,) = selectors.waiting_values(dorset)
    client.force_login(dorset_director)
    before = snapshot()
    refused = client.post("/monitoring/figures/approve/", {"values": [str(held.pk)], "action": "set_aside"})
    assert refused.status_code == 400 and "Say why the figures are set aside" in error_summary_text(refused)
    assert snapshot() == before, describe_change(before, snapshot())

    reason = "Loaded with the decimal point in the wrong place."
    done = client.post(
        "/monitoring/figures/approve/", {"values": [str(held.pk)], "action": "set_aside", "reason": reason}
    )
    assert done.status_code == 302
    assert selectors.waiting_values(dorset) == []
    public = client.get(f"/councils/E06000059/progress/{ONLINE}.csv").content.decode()
    assert "54.5" in public and "5.45" not in public
    held.refresh_from_db()
    assert (held.set_aside_by, held.set_aside_reason, held.approved_at) == (dorset_director, reason, None)
    published = selectors.published_values().get(council=dorset, period="2024-25")
    client.force_login(lead)  # who writes the council's commentary, beside the figure's history
    history = text_of(soup(client.get(f"/monitoring/figures/{published.pk}/commentary/")))  # the figure's history
    assert "Set aside" in history and reason in history


def test_a_commitment_is_followed_with_a_metric_from_the_councils_page(client, written_draft, dorset_author, lead):
    commitment = dorset_commitment(written_draft, dorset_author)
    client.force_login(lead)
    home = client.get("/monitoring/")
    assert "Not followed with a metric yet" in text_of(soup(home))
    waiting = client.get("/waiting-for-you/")
    assert "Follow 1 commitment in your plan with a metric" not in text_of(soup(waiting))  # nothing frozen yet
    form = {
        "metric": ONLINE,
        "baseline_value": "48",
        "baseline_period": "2023/24",
        "target_value": "60",
        "target_on-day": "31",
        "target_on-month": "3",
        "target_on-year": "2026",
    }
    refused = client.post(f"/monitoring/commitments/{commitment.pk}/track/", form)
    assert refused.status_code == 400 and "not written like 2023-24" in error_summary_text(refused)
    response = client.post(f"/monitoring/commitments/{commitment.pk}/track/", {**form, "baseline_period": "2023-24"})
    assert response.status_code == 302
    tracked = selectors.tracked_of(commitment.draft.council)[0]
    assert tracked.status == "no_data" and tracked.target_value == Decimal("60")
    assert client.get(f"/monitoring/commitments/{commitment.pk}/track/").status_code == 200
    assert client.post(f"/monitoring/tracked/{tracked.pk}/stop/").status_code == 302
    assert not selectors.tracked_of(commitment.draft.council)


def test_commentary_is_written_from_the_commitments_page(client, published_plan, lead, dorset):
    import_metric_values(
        data=figures_csv(("E06000059", ONLINE, "2024-25", "54.5")), file_name="f.csv", actor=lead, council=dorset
    )
    value = selectors.published_values().get(council=dorset, period="2024-25")
    client.force_login(lead)
    page = client.get(f"/monitoring/figures/{value.pk}/commentary/?tracked={published_plan.pk}")
    assert page.status_code == 200 and "History of this figure" in text_of(soup(page))
    response = client.post(
        f"/monitoring/figures/{value.pk}/commentary/?tracked={published_plan.pk}", {"note": "Forms live"}
    )
    assert response["Location"] == f"/monitoring/tracked/{published_plan.pk}/"
    assert selectors.published_values().get(council=dorset, period="2024-25").note == "Forms live"
    assert client.get(f"/monitoring/figures/{value.pk}/commentary/").status_code == 404  # the replaced row


def test_the_department_reads_progress_across_councils_without_a_ranking(client, published_plan, analyst, panel_member):
    client.force_login(panel_member)
    home = client.get("/monitoring/department/")
    assert home.status_code == 200 and RESPONSIBLE_USE in text_of(soup(home))
    assert "Load figures for any council" not in text_of(soup(home))
    assert client.get("/monitoring/").status_code == 302  # department staff are sent to their page
    listing = client.get("/monitoring/department/commitments/?status=no_data&theme=1&type=unitary")
    assert "Dorset (E06000059)" in text_of(soup(listing))
    metric = client.get(f"/monitoring/department/metrics/{ONLINE}/")
    assert metric.status_code == 200 and client.get("/monitoring/department/metrics/nothing/").status_code == 404
    assert client.get("/monitoring/figures/load/").status_code == 404  # the panel loads nothing
    client.force_login(analyst)
    assert client.get("/monitoring/figures/load/").status_code == 200
    response = _upload(client, figures_csv(("E07000178", ONLINE, "2024-25", "41")))
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    "persona, expected",
    [
        (
            "lead",
            {
                "/monitoring/": 200,
                "/monitoring/figures/load/": 200,
                "/monitoring/figures/approve/": 404,
                "/monitoring/settings/": 404,
            },
        ),
        (
            "dorset_director",
            {
                "/monitoring/": 200,
                "/monitoring/figures/load/": 404,
                "/monitoring/figures/approve/": 200,
                "/monitoring/settings/": 200,
            },
        ),
        (
            "dorset_monitoring_officer",
            {"/monitoring/": 200, "/monitoring/figures/load/": 404, "/monitoring/figures/approve/": 404},
        ),
        ("somerset_author", {"/monitoring/": 200, "/monitoring/department/": 404}),
        (
            "analyst",
            {"/monitoring/department/": 200, "/monitoring/figures/approve/": 404, "/monitoring/settings/": 404},
        ),
    ],
)
def test_who_may_use_each_page(client, request, persona, expected):
    client.force_login(request.getfixturevalue(persona))
    for path, status in expected.items():
        assert client.get(path).status_code == status, f"{persona} GET {path}"


def test_the_navigation_leads_each_role_to_its_pages(client, lead, analyst):
    client.force_login(lead)
    menu = text_of(soup(client.get("/waiting-for-you/")).select_one("nav"))
    assert "Performance" in menu
    client.force_login(analyst)
    menu = text_of(soup(client.get("/waiting-for-you/")).select_one("nav"))
    assert "Progress against plans" in menu


def test_the_api_gives_metrics_figures_and_commitments_with_their_status(client, published_plan, lead, dorset):
    import_metric_values(
        data=figures_csv(("E06000059", ONLINE, "2024-25", "54.5", "Forms")),
        file_name="f.csv",
        actor=lead,
        council=dorset,
    )
    metrics = client.get("/api/v1/metrics").json()
    assert len(metrics) >= 30 and {"identifier", "polarity", "frequency", "council_types", "themes"} <= set(metrics[0])
    metric_id = next(m["id"] for m in metrics if m["identifier"] == ONLINE)
    values = client.get(f"/api/v1/metrics/{metric_id}/values?council=E06000059").json()
    assert values["count"] == 1 and values["items"][0]["value"] == "54.5" and values["items"][0]["note"] == "Forms"
    assert client.get(f"/api/v1/metrics/{ONLINE}/values?council=E06000059&period=2023-24").json()["count"] == 0
    assert client.get("/api/v1/metrics/nothing/values").status_code == 404
    assert client.get(f"/api/v1/metrics/{ONLINE}/values?council=E09999999").status_code == 404
    commitments = client.get("/api/v1/councils/E06000059/commitments").json()
    (commitment,) = commitments["commitments"]
    assert commitment["status"] == "on_track" and commitment["tracking"]["latest"] == "54.5"
    assert client.get("/api/v1/councils/E09999999/commitments").status_code == 404
    comparison = client.get(f"/api/v1/councils/E06000059/metrics/{ONLINE}/comparison").json()
    assert comparison["periods"][0]["value"] == "54.5" and comparison["method"]
    assert client.get("/api/v1/councils/E07000178/metrics/asc-satisfaction/comparison").status_code == 404
    assert client.get("/api/v1/monitoring/commitments").status_code == 401
