"""The department's register of all 317 councils, its filters and CSV, and the public list of councils."""

import csv
import datetime
import io
from collections import Counter

import pytest

from core.dates import LONDON
from submissions.models import ReturnStatus
from tests.integration.pages import soup, table_rows, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

SLUG = "productivity-plan-2024"
REGISTER = f"/department/returns/{SLUG}/"
CSV_HEADER = ["ons_code", "council", "type", "region", "status", "on_time", "submitted_at", "published_at"]
CSV_HEADER += ["deadline", "extended", "reference", "content_hash", "certified_by", "certifier_role", "last_chased_at"]
STAGES = ["not_started", "draft", "endorsed", "submitted", "published"]


def at(day: int, month: int = 7, hour: int = 12) -> datetime.datetime:
    return datetime.datetime(2024, month, day, hour, 0, tzinfo=LONDON)


def register_rows(response) -> list[dict]:
    """The register table as dicts: council name, ONS code, type, region, status tag text."""
    rows = []
    for tr in table_rows(response):
        header = tr.th
        cells = tr.select("td")
        rows.append(
            {
                "name": text_of(header.a),
                "code": text_of(header.select_one(".govuk-body-s")),
                "type": text_of(cells[0]),
                "region": text_of(cells[1]),
                "status": text_of(cells[2]),
                "submitted": text_of(cells[3]),
            }
        )
    return rows


def stage_totals(response) -> dict[str, int]:
    """The headline counts over the register: stage label -> number of councils."""
    totals = {}
    for stat in soup(response).select("#stage-counts .app-stat"):
        totals[text_of(stat.select_one(".app-stat__label"))] = int(text_of(stat.select_one(".app-stat__number")))
    return totals


def caption(response) -> str:
    return text_of(soup(response).select_one("table caption"))


def csv_rows(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    return list(csv.reader(io.StringIO(response.content.decode("utf-8"))))


@pytest.fixture
def signed_in_analyst(client, analyst, register, plan_return):
    client.force_login(analyst)
    return client


def test_the_register_lists_all_317_councils_and_the_stage_counts_add_up(signed_in_analyst):
    response = signed_in_analyst.get(REGISTER)
    assert response.status_code == 200
    rows = register_rows(response)
    assert len(rows) == 317
    assert len({row["code"] for row in rows}) == 317
    assert caption(response) == "317 councils shown"
    totals = stage_totals(response)
    assert set(totals) == {"not started", "draft", "endorsed", "submitted", "published"}
    assert sum(totals.values()) == 317
    assert totals["not started"] == 317
    assert {row["status"] for row in rows} == {"Not started"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=county", 21),
        ("type=district", 164),
        ("region=London", 33),
        ("type=london_borough&region=London", 32),
        ("q=Somerset", 3),  # Somerset, North Somerset, Bath and North East Somerset
        ("q=e06000059", 1),  # an ONS code, in any case
        ("q=no+such+council", 0),
    ],
)
def test_filters_narrow_the_register(signed_in_analyst, query, expected):
    response = signed_in_analyst.get(f"{REGISTER}?{query}")
    rows = register_rows(response)
    assert len(rows) == expected, query
    assert caption(response) == f"{expected} council{'' if expected == 1 else 's'} shown"
    assert sum(stage_totals(response).values()) == 317, "the totals over the table count every council"


def test_filtering_by_type_shows_only_that_type(signed_in_analyst):
    rows = register_rows(signed_in_analyst.get(f"{REGISTER}?type=county"))
    assert {row["type"] for row in rows} == {"County council"}
    rows = register_rows(signed_in_analyst.get(f"{REGISTER}?region=London"))
    assert {row["region"] for row in rows} == {"London"}


def test_an_unknown_filter_value_is_not_an_error(signed_in_analyst):
    """The filter form ignores values it does not know (a hand-edited link) rather than failing."""
    response = signed_in_analyst.get(f"{REGISTER}?type=parish&stage=lost&timeliness=whenever")
    assert response.status_code == 200
    assert len(register_rows(response)) == 317


def test_an_unknown_filter_value_does_not_switch_off_the_other_filters(signed_in_analyst):
    """A stale or hand-edited link with an unknown type and a real region: the unknown value is ignored
    (as the filter form promises) but the region still applies, on the page and in its CSV, so the
    department never downloads all 317 councils believing it has London's 33."""
    response = signed_in_analyst.get(f"{REGISTER}?type=parish&region=London")
    assert response.status_code == 200
    assert len(register_rows(response)) == 33
    assert len(csv_rows(signed_in_analyst.get(f"{REGISTER}?type=parish&region=London&format=csv"))) == 1 + 33


def test_the_csv_has_a_header_and_one_row_per_council_shown(signed_in_analyst):
    rows = csv_rows(signed_in_analyst.get(f"{REGISTER}?format=csv"))
    assert rows[0] == CSV_HEADER
    assert len(rows) == 1 + 317
    assert Counter(row[2] for row in rows[1:]) == {
        "district": 164,
        "unitary": 62,
        "metropolitan_district": 36,
        "london_borough": 32,
        "county": 21,
        "city_of_london": 1,
        "isles_of_scilly": 1,
    }
    assert {row[4] for row in rows[1:]} == {"not_started"}


def test_the_csv_link_on_a_filtered_register_downloads_the_same_rows(signed_in_analyst):
    """Follow the page's own 'Download these rows as CSV' link after filtering to London boroughs."""
    page = signed_in_analyst.get(f"{REGISTER}?type=london_borough")
    link = soup(page).find("a", string=lambda s: s and "Download these rows as CSV" in s)
    assert link is not None
    rows = csv_rows(signed_in_analyst.get(REGISTER + link["href"]))
    shown = {row["code"] for row in register_rows(page)}
    assert rows[0] == CSV_HEADER
    assert {row[0] for row in rows[1:]} == shown
    assert len(rows) == 1 + 32


def dorset_row(client, code="E06000059") -> dict:
    (row,) = register_rows(client.get(f"{REGISTER}?q={code}"))
    return row


def test_a_councils_stage_follows_it_along_the_route_and_timeliness_is_shown(
    signed_in_analyst,
    plan_return,
    dorset,
    somerset,
    dorset_author,
    dorset_clerk,
    dorset_chief_executive,
    somerset_author,
    somerset_clerk,
    somerset_chief_executive,
    theme_text,
):
    """Dorset walks not started -> draft -> endorsed -> submitted on 18 July 2024 (on time) -> published;
    Somerset submits on 22 July 2024 (late). The register, its counts, its filters and its CSV follow."""
    from governance.services.decisions import record_decision
    from plans.services import freeze_draft, save_draft, start_draft
    from submissions.services import publish_version, submit_version

    client = signed_in_analyst
    assert dorset_row(client)["status"] == "Not started"

    def walk_to_endorsed(council, author, clerk):
        draft = start_draft(council=council, return_definition=plan_return, actor=author, at=at(1, 6))
        draft = save_draft(draft=draft, bodies=theme_text, based_on_revision=draft.revision, actor=author, at=at(2, 6))
        version = freeze_draft(draft=draft, actor=author, at=at(1))
        record_decision(
            version=version,
            outcome="approved",
            decision_maker="Cabinet",
            decided_on=datetime.date(2024, 7, 10),
            actor=clerk,
            at=at(10),
        )
        return version

    draft = start_draft(council=dorset, return_definition=plan_return, actor=dorset_author, at=at(1, 6))
    assert dorset_row(client)["status"] == "Draft"
    draft = save_draft(
        draft=draft, bodies=theme_text, based_on_revision=draft.revision, actor=dorset_author, at=at(2, 6)
    )
    version = freeze_draft(draft=draft, actor=dorset_author, at=at(1))
    assert dorset_row(client)["status"] == "Draft", "a frozen version is still a draft until members endorse it"
    record_decision(
        version=version,
        outcome="approved",
        decision_maker="Cabinet",
        decided_on=datetime.date(2024, 7, 10),
        actor=dorset_clerk,
        at=at(10),
    )
    assert dorset_row(client)["status"] == "Endorsed"
    submission = submit_version(
        version=version, actor=dorset_chief_executive, certifier_role="chief_executive", at=at(18, hour=16)
    )
    assert submission.on_time is True
    row = dorset_row(client)
    assert row["status"] == "Submitted On time"
    assert row["submitted"].startswith("18 July 2024")

    late = submit_version(
        version=walk_to_endorsed(somerset, somerset_author, somerset_clerk),
        actor=somerset_chief_executive,
        certifier_role="chief_executive",
        at=at(22, hour=9),
    )
    assert late.on_time is False
    assert dorset_row(client, "E06000066")["status"] == "Submitted Late"

    publish_version(version=version, actor=dorset_clerk, at=at(25))
    assert dorset_row(client)["status"] == "Published On time"
    assert ReturnStatus.objects.get(council=dorset).stage == "published"

    response = client.get(REGISTER)
    totals = stage_totals(response)
    assert totals == {"not started": 315, "draft": 0, "endorsed": 0, "submitted": 1, "published": 1}
    assert "All 317 councils" in text_of(soup(response).main)
    assert "1 submitted on time and 1 late." in text_of(soup(response).main)

    assert [r["name"] for r in register_rows(client.get(f"{REGISTER}?timeliness=on_time"))] == ["Dorset"]
    assert [r["name"] for r in register_rows(client.get(f"{REGISTER}?timeliness=late"))] == ["Somerset"]
    assert [r["name"] for r in register_rows(client.get(f"{REGISTER}?stage=submitted"))] == ["Somerset"]
    assert [r["name"] for r in register_rows(client.get(f"{REGISTER}?stage=published"))] == ["Dorset"]

    rows = {row[0]: row for row in csv_rows(client.get(f"{REGISTER}?format=csv"))[1:]}
    assert len(rows) == 317
    assert rows["E06000059"][4:6] == ["published", "yes"]
    assert rows["E06000059"][6].startswith("2024-07-18T15:00:00")  # 16:00 BST, stored in UTC
    assert rows["E06000059"][7]
    assert rows["E06000066"][4:6] == ["submitted", "no"]
    assert rows["E06000066"][7] == ""
    assert Counter(row[4] for row in rows.values()) == {"not_started": 315, "published": 1, "submitted": 1}

    detail = client.get(f"/department/submissions/{submission.pk}/")
    assert submission.reference in detail.content.decode() and "On time" in text_of(soup(detail).main)


def test_the_department_home_counts_every_council(signed_in_analyst):
    body = text_of(soup(signed_in_analyst.get("/department/")).main)
    assert "317 councils" in body
    assert "Not started: 317" in body


# --- The public list of councils -----------------------------------------------------------

TYPE_COUNTS = {
    "County council": 21,
    "District council": 164,
    "Unitary authority": 62,
    "Metropolitan district": 36,
    "London borough": 32,
    "City of London": 1,
    "Isles of Scilly": 1,
}


def type_counts(response) -> dict[str, int]:
    counts = {}
    for item in soup(response).select("main .govuk-grid-column-one-third ul li"):
        label, _, number = text_of(item).rpartition(": ")
        counts[label] = int(number)
    return counts


def test_the_public_council_list_shows_317_councils_and_the_counts_by_type(client, register):
    response = client.get("/councils/")
    assert response.status_code == 200
    assert caption(response) == "317 councils"
    assert type_counts(response) == TYPE_COUNTS
    assert sum(type_counts(response).values()) == 317


def test_the_public_council_list_pages_through_every_council_once(client, register):
    codes, url, pages = [], "/councils/", 0
    while url:
        page = soup(client.get(url))
        codes += [text_of(tr.select_one("td")) for tr in page.select("table.govuk-table tbody tr")]
        next_link = page.select_one(".govuk-pagination__next a")
        url = "/councils/" + next_link["href"] if next_link else None
        pages += 1
    assert pages == 7
    assert len(codes) == len(set(codes)) == 317


def test_the_public_council_list_keeps_valid_filters_when_one_value_is_unknown(client, register):
    """/councils/?type=parish&region=London: the unknown type is ignored, London's 33 are shown."""
    assert caption(client.get("/councils/?type=parish&region=London")) == "33 councils"


@pytest.mark.parametrize(
    ("query", "total", "counts"),
    [
        ("type=county", 21, {"County council": 21}),
        ("region=London", 33, {"London borough": 32, "City of London": 1}),
        ("q=Somerset", 3, {"Unitary authority": 3}),
    ],
)
def test_the_public_council_list_filters(client, register, query, total, counts):
    response = client.get(f"/councils/?{query}")
    assert caption(response) == f"{total} councils"
    shown = {label: n for label, n in type_counts(response).items() if n}
    assert shown == counts
