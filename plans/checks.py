"""What the guidance still needs: checks over a plan's content, to advise the author. They never block.

Every check is a pure function. `content_checks` covers the plan's content, the return's values and
the page count of the rendered PDF (None before it is rendered). The deadline and endorsement
checks take their facts (the council's deadline with any extension; whether endorsement is in
effect) from where a version stands, `submissions.standing`, which adds them to a draft's checks.
The thresholds and keyword lists come from the return's JSON file (its "checks" object) with the
defaults below, so next year's return can ask for different things without a code change.
"""

import datetime
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from core.dates import long_date

RETURNS_DIR = Path(__file__).resolve().parent / "returns"

PASS, FAIL, ADVICE = "pass", "fail", "advice"
STATUS_LABELS = {PASS: "Done", FAIL: "Needs attention", ADVICE: "Advice"}

DEFAULTS = {
    "theme_min_words": 40,
    "keywords": {
        "consultants": ["consultant", "consultants", "consultancy", "consulting", "interim"],
        "agency": ["agency staff", "agency worker", "agency workers", "agency spend", "agency", "temporary staff"],
        "edi": [
            "equality, diversity and inclusion",
            "equality diversity and inclusion",
            "edi",
            "equality duty",
            "psed",
            "diversity",
            "inclusion",
        ],
    },
}


@dataclass(frozen=True)
class Check:
    id: str
    title: str
    status: str  # pass, fail or advice
    message: str

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


@functools.cache
def _config_from_file(slug: str) -> dict:
    path = RETURNS_DIR / f"{slug}.json"
    if not slug or not path.is_file() or path.parent != RETURNS_DIR:
        return {}
    return json.loads(path.read_text(encoding="utf-8")).get("checks", {})


def checks_config(slug: str) -> dict:
    """The return's check settings: its JSON file's "checks" object over the defaults."""
    configured = _config_from_file(slug)
    return {
        "theme_min_words": configured.get("theme_min_words", DEFAULTS["theme_min_words"]),
        "keywords": {**DEFAULTS["keywords"], **configured.get("keywords", {})},
    }


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text or ""))


def _mentions(text: str, keywords) -> bool:
    lowered = (text or "").lower()
    return any(re.search(r"(?<!\w)" + re.escape(word.lower()) + r"(?!\w)", lowered) for word in keywords)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def check_theme(content: dict, number: int, *, min_words: int) -> Check:
    section = next((s for s in content.get("sections", []) if s["theme"] == number), None)
    title = f"Theme {number}: {section['title']}" if section else f"Theme {number}"
    count = _words(section["body"]) if section else 0
    if count == 0:
        return Check(f"theme-{number}", title, FAIL, "Nothing is written for this theme yet.")
    if count < min_words:
        return Check(
            f"theme-{number}",
            title,
            FAIL,
            f"This theme has {_plural(count, 'word', 'words')}; say more (at least {min_words} words) "
            "so the panel can see what the council is doing.",
        )
    return Check(f"theme-{number}", title, PASS, f"This theme has {count} words.")


def _theme_3_text(content: dict) -> str:
    return " ".join(s["body"] for s in content.get("sections", []) if s["theme"] == 3)


def check_consultants(content: dict, keywords) -> Check:
    title = "Spend on consultants"
    evidence = content.get("spend_evidence") or {}
    share = evidence.get("consultant_share_percent")
    if share not in (None, "", "None"):
        return Check("consultants", title, PASS, f"Consultants are {share}% of the staff budget ({evidence['year']}).")
    if _mentions(_theme_3_text(content), keywords):
        return Check("consultants", title, PASS, "Theme 3 covers spend on consultants.")
    message = "The guidance asks about spend on consultants: add the figures or say more in theme 3."
    return Check("consultants", title, FAIL, message)


def check_agency(content: dict, keywords) -> Check:
    title = "Spend on agency staff"
    evidence = content.get("spend_evidence") or {}
    share = evidence.get("agency_share_percent")
    if share not in (None, "", "None"):
        return Check("agency", title, PASS, f"Agency staff are {share}% of the staff budget ({evidence['year']}).")
    if _mentions(_theme_3_text(content), keywords):
        return Check("agency", title, PASS, "Theme 3 covers spend on agency staff.")
    return Check(
        "agency", title, FAIL, "The guidance asks about spend on agency staff: add the figures or say more in theme 3."
    )


def check_edi(content: dict, keywords) -> Check:
    title = "Equality, diversity and inclusion programmes"
    evidence = content.get("spend_evidence") or {}
    if (evidence.get("edi_statement") or "").strip():
        return Check("edi", title, PASS, "The spend evidence includes a statement on staff EDI programmes.")
    if _mentions(_theme_3_text(content), keywords):
        return Check("edi", title, PASS, "Theme 3 covers staff equality, diversity and inclusion programmes.")
    return Check(
        "edi",
        title,
        FAIL,
        "The guidance asks what the council spends on staff equality, diversity and inclusion programmes.",
    )


def check_barriers(content: dict) -> Check:
    title = "Barriers and asks of government"
    with_ask = [b for b in content.get("barriers", []) if (b.get("ask") or "").strip()]
    if with_ask:
        return Check("barriers", title, PASS, f"{_plural(len(with_ask), 'barrier names', 'barriers name')} an ask.")
    return Check(
        "barriers", title, FAIL, "Add at least one barrier with what the council asks the government to do about it."
    )


def check_page_limit(page_limit: int | None, page_count: int | None) -> Check:
    title = "Length"
    if page_limit is None:
        return Check("page-limit", title, PASS, "This return has no page limit.")
    if page_count is None:
        return Check(
            "page-limit",
            title,
            ADVICE,
            f"Not rendered yet: make the PDF to count its pages (the guidance suggests no more than {page_limit}).",
        )
    pages = _plural(page_count, "page", "pages")
    if page_count > page_limit:
        return Check(
            "page-limit", title, FAIL, f"The plan is {pages}; the guidance suggests no more than {page_limit}."
        )
    return Check("page-limit", title, PASS, f"The plan is {pages}, within the suggested {page_limit}.")


def check_deadline(
    deadline: datetime.date, today: datetime.date, *, extended_from: datetime.date | None = None
) -> Check:
    """`deadline` is the council's own: the return's, or its extension's (`extended_from` the return's)."""
    title = "Deadline"
    left = (deadline - today).days
    named = f"the deadline of {long_date(deadline)}"
    if extended_from is not None:
        named = f"the extended deadline of {long_date(deadline)} (the return's was {long_date(extended_from)})"
    if left < 0:
        return Check("deadline", title, ADVICE, f"{named[0].upper()}{named[1:]} has passed.")
    if left == 0:
        return Check("deadline", title, ADVICE, f"{named[0].upper()}{named[1:]} is today.")
    return Check("deadline", title, ADVICE, f"{_plural(left, 'day', 'days')} left until {named}.")


def check_endorsement(endorsed: bool, required: bool = True, *, waiting: str = "") -> Check:
    """`waiting` says why an endorsement members gave has not taken effect yet (call-in, say)."""
    title = "Member endorsement"
    if not required:
        return Check("endorsement", title, PASS, "This return does not need member endorsement.")
    if endorsed:
        return Check("endorsement", title, PASS, "Members have endorsed this text.")
    if waiting:
        return Check(
            "endorsement", title, ADVICE, f"Members have endorsed this text, but it is not in effect yet. {waiting}."
        )
    return Check("endorsement", title, ADVICE, "Member endorsement still to come.")


def content_checks(
    content: dict,
    return_values: dict,
    page_count: int | None,
    *,
    config: dict | None = None,
) -> list[Check]:
    """Every check of the plan's content, in the order the task list shows them."""
    settings = config if config is not None else checks_config(return_values.get("slug", ""))
    keywords = settings["keywords"]
    numbers = sorted(s["theme"] for s in content.get("sections", [])) or [1, 2, 3, 4]
    return [
        *(check_theme(content, n, min_words=settings["theme_min_words"]) for n in numbers),
        check_consultants(content, keywords["consultants"]),
        check_agency(content, keywords["agency"]),
        check_edi(content, keywords["edi"]),
        check_barriers(content),
        check_page_limit(return_values.get("page_limit"), page_count),
    ]


def run_checks(
    content: dict,
    return_values: dict,
    page_count: int | None,
    today: datetime.date,
    endorsed: bool,
    *,
    deadline: datetime.date | None = None,
    extended_from: datetime.date | None = None,
    waiting: str = "",
    config: dict | None = None,
) -> list[Check]:
    """Every guidance check, in the order the task list shows them. The facts about where the plan
    stands (the council's own `deadline` if extended, endorsement in effect, why it is `waiting`)
    come from `submissions.standing.draft_guidance`; without them the return's deadline applies."""
    return [
        *content_checks(content, return_values, page_count, config=config),
        check_deadline(deadline or return_values["deadline"], today, extended_from=extended_from),
        check_endorsement(endorsed, return_values.get("requires_member_endorsement", True), waiting=waiting),
    ]
