"""The lexicon's alternations run only the alternatives a text can match, and find exactly what the whole
alternation finds (analysis/classify/patterns.py)."""

import re
import tomllib

import pytest

from analysis.classify.patterns import Alternation, LiteralIndex, branches, required_literals
from analysis.classify.rules import LEXICON_PATH

TEXTS = [
    "",
    "we cannot recruit social workers: the pressures on our budget are rising faster than our funding",
    "the government should give councils multi-year settlements; we would ask for certainty",
    "our capital programme is capped and borrowing costs have doubled",
    "skip to main content. the council's plan for 2024-25",
    "funding (£3.2m) was cut by 10% - we couldn't plan ahead",
    "ask: end competitive bidding",
    "nothing here matches anything at all",
]


def families() -> list[tuple[str, list[str]]]:
    data = tomllib.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    found = [(f"barriers.{name}", entry["patterns"]) for name, entry in data["barriers"].items()]
    found += [(name, data[name]["patterns"]) for name in ("not_about", "barrier_context", "constraint", "asks")]
    found += [(f"themes.{n}", entry["strong"]) for n, entry in data["themes"].items()]
    return found


@pytest.mark.parametrize(("name", "patterns"), families(), ids=[name for name, _ in families()])
def test_a_lexicon_family_finds_what_its_whole_alternation_finds(name, patterns):
    fast = Alternation(patterns)
    whole = re.compile("|".join(f"(?:{p})" for p in patterns))
    assert fast.filtered, f"{name}: every pattern has a literal its matches contain"
    for text in TEXTS + [" ".join(TEXTS)]:
        found, expected = fast.search(text), whole.search(text)
        assert (found and found.span()) == (expected and expected.span())
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in whole.finditer(text)]
        assert fast.sub(" ", text) == whole.sub(" ", text)
        assert fast.search(text, 10) is None or fast.search(text, 10).span() == whole.search(text, 10).span()


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        ("pressures?", {"pressure"}),
        (r"\bcannot\b|\bcan\W?t\b|could not", {"can", "could not"}),
        (r"^\s*ask\b", {"ask"}),
        (r"(?:have|has) to (?:deal|cope)", {" to "}),
        (r"\w+fold", {"fold"}),
        (r"(?:a|b)?c", {"c"}),
        (r"\w+", None),  # nothing a match must contain: the pattern always runs whole
        (r"(?i:abc)", None),  # a group with its own flags is not looked into
    ],
)
def test_the_literals_are_what_every_match_must_contain(pattern, literals):
    found = required_literals(pattern)
    if literals is None:
        assert found is None
    else:
        assert found is not None and any(literal in found for literal in literals)


def test_case_insensitive_patterns_look_in_the_lower_cased_text_and_run_whole_where_other_cases_match():
    fast = Alternation([r"\bEDI\b|equality act"], re.I)
    assert fast.search("Our EDI work").span() == (4, 7)
    assert fast.findall("The Equality Act and edi") == ["Equality Act", "edi"]
    assert fast.search("nothing of it") is None
    # "ſ" (long s) and "ı" (dotless i) match s and i under re.IGNORECASE though lower() keeps them as they are.
    long_s = Alternation(["staff"], re.I)
    assert long_s.search("ſtaff").span() == (0, 5)
    assert Alternation(["equality"], re.I).search("equalıty").span() == (0, 8)


def test_a_case_insensitive_literal_with_a_character_that_has_no_case_filters_the_text():
    """A curly quote or "£" matches only itself under re.IGNORECASE, so its literal is looked for in the lower-cased
    text; "é" has an upper case, which lower() may not give back as re matches it, so that pattern runs whole."""
    assert required_literals(r",” said\b", re.I) == {",” said"}
    assert required_literals(r"£\d+ per head", re.I) == {" per head"}
    assert required_literals(r"café culture", re.I) is None
    quoted = Alternation([r",” said\b", r"\bsaid:"], re.I)
    assert quoted.filtered
    whole = re.compile(r"(?:,” said\b)|(?:\bsaid:)", re.I)
    for text in ["“We will,” SAID the leader", "The leader said: yes", "Said nothing", "“Yes”, said she", ""]:
        found, expected = quoted.search(text), whole.search(text)
        assert (found and found.span()) == (expected and expected.span())
    assert Alternation(["café culture"], re.I).search("CAFÉ CULTURE").span() == (0, 12)


def test_patterns_without_a_literal_are_run_whole():
    fast = Alternation([r"\d+", "pressure"])
    assert not fast.filtered
    assert fast.search("in 2024").span() == (3, 7)


def test_the_index_finds_every_literal_a_text_holds_and_only_those():
    index = LiteralIndex()
    index.add({"cap", "capital", "pressure", "ask"})

    assert index.present("our capital programme is capped") == {"cap", "capital"}
    assert index.present("a pressure on us; we ask") == {"pressure", "ask"}
    assert index.present("nothing here") == frozenset()


def test_a_family_added_after_a_text_was_seen_finds_its_literals_in_that_text():
    """The index keeps what it found in recent texts; new literals must not be missed for a text seen before."""
    text = "borrowing costs have doubled, and the cap on council tax stays"
    Alternation(["council tax"]).search(text)
    later = Alternation([r"borrowing costs?", r"cap on"])

    assert [m.group() for m in later.finditer(text)] == ["borrowing costs", "cap on"]
    assert later.search("nothing of either") is None


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"a|b(c|d)|e", ["a", "b(c|d)", "e"]),
        (r"[|]x|y", ["[|]x", "y"]),
        (r"[]|]a|b", ["[]|]a", "b"]),
        (r"[^]|]a|b", ["[^]|]a", "b"]),
        (r"\||q", [r"\|", "q"]),
        (r"(?:a|b)", ["(?:a|b)"]),
        (r"a[b-d]|(?<!x|y)z", ["a[b-d]", "(?<!x|y)z"]),
    ],
)
def test_a_pattern_splits_into_the_alternatives_of_its_top_level(pattern, expected):
    assert branches(pattern) == expected


def test_the_guidance_and_document_kind_patterns_split_into_branches_find_what_they_find_whole():
    """A whole document is searched family by family for its own literals; a passage through the index."""
    from analysis.reading import figures

    document = " ".join(TEXTS) + " we spent £2m on agency staff and ran unconscious bias training" + "." * 2500
    for pattern in (figures.ADDRESSES_AGENCY, figures.ADDRESSES_EDI, figures.ADDRESSES_CONSULTANTS):
        split = Alternation(branches(pattern.pattern), pattern.flags)
        for text in [*TEXTS, document, "Interim managers and LOCUM cover", "Consultant GPs only"]:
            found, expected = split.search(text), pattern.search(text)
            assert (found and found.span()) == (expected and expected.span())
            assert split.findall(text) == pattern.findall(text)


def test_a_family_with_no_literal_in_the_text_answers_at_once_and_every_family_finds_the_same():
    """`families_in` names the families a text can match: asked with it, each of the lexicon's families finds exactly
    what it finds alone, in every training example, in the texts above and in a text too long to index."""
    from analysis.classify import rules
    from analysis.classify.linear import training_examples
    from analysis.classify.patterns import EVERY_FAMILY, INDEXED_LENGTH, families_in

    lex = rules.lexicon()
    every = [lex.not_about, lex.barrier_context, lex.constraint, lex.achievement, lex.asks]
    every += [*lex.theme_strong.values(), *lex.heading.values(), *lex.barriers.values()]
    every += [pattern for weak in lex.theme_weak.values() for pattern in weak]
    long_text = " ".join(TEXTS) * (INDEXED_LENGTH // 100)
    assert families_in(long_text) is EVERY_FAMILY
    texts = [*TEXTS, long_text, *(rules.clean_council(e.passage.text) for e in training_examples())]
    skipped = 0
    for text in texts:
        could = families_in(text)
        for family in every:
            found, expected = family.search(text, could=could), family.search(text)
            assert (found and found.span()) == (expected and expected.span())
            skipped += family.indexed and family.number not in could
    assert skipped > len(texts) * len(every) // 2  # most families, for most texts, are not run at all
