"""Any two versions can be compared, with changes marked in words as well as colour."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def test_two_versions_are_compared_word_by_word(client, walked_plan, dorset_author):
    client.force_login(dorset_author)
    response = client.get(f"/plans/drafts/{walked_plan.draft.pk}/compare/?old=1&new=2")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    added = [ins.get_text() for ins in page.select(".app-diff ins.app-diff-added")]
    assert any("Revised for version 2" in text for text in added)
    assert all(text.startswith("[added: ") for text in added)


def test_comparing_defaults_to_the_last_two_versions_and_an_unknown_number_compares_nothing(
    client, walked_plan, dorset_author
):
    client.force_login(dorset_author)
    page = BeautifulSoup(client.get(f"/plans/drafts/{walked_plan.draft.pk}/compare/").content, "html.parser")
    assert page.select_one("#id_old option[selected]").get_text() == "Version 3"
    assert page.select_one("#id_new option[selected]").get_text() == "Version 4"
    bad = client.get(f"/plans/drafts/{walked_plan.draft.pk}/compare/?old=1&new=99")
    assert bad.status_code == 200
    assert BeautifulSoup(bad.content, "html.parser").select(".app-diff") == []


def test_another_council_cannot_compare_dorsets_versions(client, walked_plan, somerset_author):
    client.force_login(somerset_author)
    assert client.get(f"/plans/drafts/{walked_plan.draft.pk}/compare/?old=1&new=2").status_code == 404
