"""The 2024 return is data: its definition file says everything the service shows about it."""

import json
from pathlib import Path

import pytest

from plans.services import RETURNS_DIR


@pytest.fixture
def definition():
    return json.loads((RETURNS_DIR / "productivity-plan-2024.json").read_text(encoding="utf-8"))


def test_the_2024_return_has_four_themes_with_guidance_questions(definition):
    assert definition["slug"] == "productivity-plan-2024"
    assert definition["deadline"] == "2024-07-19"
    assert definition["page_limit"] == 4
    assert definition["requires_member_endorsement"] and definition["requires_publication"]
    assert definition["is_scored"] is False
    assert [theme["number"] for theme in definition["themes"]] == [1, 2, 3, 4]
    assert all(len(theme["questions"]) >= 3 for theme in definition["themes"])


def test_theme_three_asks_about_consultants_agency_staff_and_edi(definition):
    questions = " ".join(definition["themes"][2]["questions"]).lower()
    for subject in ("consultants", "agency staff", "equality, diversity and inclusion", "public sector equality duty"):
        assert subject in questions


def test_no_template_or_view_hard_codes_a_theme_title(definition):
    root = Path(__file__).resolve().parents[2]
    titles = [theme["title"] for theme in definition["themes"]]
    sources = [*root.glob("*/templates/**/*.html"), *root.glob("templates/**/*.html"), *root.glob("*/views.py")]
    assert sources
    for path in sources:
        text = path.read_text(encoding="utf-8")
        for title in titles:
            assert title not in text, f"{path} repeats the theme title {title!r}; read it from the return instead"
