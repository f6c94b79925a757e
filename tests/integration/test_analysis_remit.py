"""District councils do not provide adult or children's social care or education: in the demo corpus their
plans no longer "name" those barriers, and a barrier in a service a council does not provide counts only
where the council asks government about it or says how it reaches the council."""

import pytest

from analysis import services
from analysis.explorer import selectors as explorer
from analysis.models import PassageBarrier
from analysis.runs import services as runs
from councils.models import AuthorityType, Council
from devdata.analysis_demo import generate_plan, plan_file, text_bytes
from plans.selectors import barrier_categories
from tests.integration.pages import soup, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

NOT_PROVIDED_BY_DISTRICTS = {"adult-social-care", "childrens-social-care", "send-high-needs"}


def districts(count: int) -> list[Council]:
    return list(Council.objects.filter(authority_type=AuthorityType.DISTRICT).order_by("gss_code")[:count])


def test_in_the_demo_corpus_no_district_council_names_social_care_or_send_as_a_barrier(plan_return):
    # Twelve seeds between them use every demo paragraph about care: reablement for people leaving
    # hospital, fewer referrals to children's social care, agency staff in children's social care.
    for seed, council in enumerate(districts(12)):
        filename, data = plan_file(council, "text", seed=seed)
        services.import_document(
            council=council, return_definition=plan_return, filename=filename, data=data, actor=None, analyse=False
        )
    runs.run_corpus_analysis_now(actor=None)

    rows = {row.key: row for row in explorer.barrier_counts(explorer.Filters(plan_return), barrier_categories())}
    for category in NOT_PROVIDED_BY_DISTRICTS:
        assert rows[category].by_type.get(AuthorityType.DISTRICT, 0) == 0, category
    assert sum(rows[c].councils for c in rows) > 0, "the districts still name barriers they do face"
    named = set(PassageBarrier.objects.filter(present=True).values_list("category__slug", flat=True))
    assert named and not named & NOT_PROVIDED_BY_DISTRICTS


def test_a_district_that_asks_government_about_adult_social_care_still_counts(plan_return):
    """The demo's plans before they were written to fit a council's type gave some districts the county's
    adult social care paragraph with its ask: an ask naming the service is the stronger evidence it needs."""
    council = districts(1)[0]
    seed = next(
        s
        for s in range(200)
        if any("Adult social care costs rise" in text for _, text in generate_plan(council.name, s).blocks)
    )
    services.import_document(
        council=council,
        return_definition=plan_return,
        filename="plan.txt",
        data=text_bytes(generate_plan(council.name, seed)),
        actor=None,
        analyse=True,
    )
    tags = PassageBarrier.objects.filter(present=True, category__slug="adult-social-care")
    assert [t.passage.text.split(".")[0] for t in tags] == [
        "Adult social care costs rise faster than our income and the care market is fragile"
    ]


def test_the_barriers_page_says_how_barriers_outside_a_councils_services_are_counted(client, analyst, plan_return):
    client.force_login(analyst)
    page = soup(client.get("/analysis/explorer/barriers/"))
    note = text_of(page.select_one("#outside-services"))
    assert "district council" in note and "social care" in note and "asks the government" in note
