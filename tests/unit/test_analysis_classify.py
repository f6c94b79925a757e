"""The passage classifier: which themes a passage speaks to, which barriers it names, and the ask of
government, for plans with and without headings. No database: it is plain Python."""

import dataclasses
import re
import shutil
import time
from pathlib import Path

import pytest

from analysis.classify import (
    METHOD,
    METHOD_VERSION,
    BarrierLabel,
    PassageInput,
    PassageLabels,
    _method_version,
    classify_passages,
    rules,
)
from analysis.classify.corpus import CorpusError, format_passage, load_dir, parse
from analysis.classify.evaluate import evaluate
from analysis.classify.evaluation import (
    NEAR_REPEAT,
    RepeatCheck,
    evaluation_texts,
    nearly_repeats,
    record_measured,
    recorded_figures,
)
from analysis.classify.linear import TRAINING_DIR, training_examples
from analysis.classify.taxonomy import barrier_ids
from analysis.classify.voice import council_text

ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = ROOT / "bench" / "eval"
TAXONOMY = set(barrier_ids())


def labels_for(text: str, heading: str | None = None) -> PassageLabels:
    [labels] = classify_passages([PassageInput(text=text, heading=heading)])
    return labels


def categories(labels: PassageLabels) -> set[str]:
    return {b.category for b in labels.barriers}


@pytest.fixture(scope="module")
def eval_set():
    return load_dir(EVAL_DIR, known_barriers=TAXONOMY)


# --- the interface other code relies on ---------------------------------------------------------


def test_one_result_per_passage_in_order_with_only_known_themes_and_categories(eval_set):
    passages = [e.passage for e in eval_set]
    results = classify_passages(passages)
    assert len(results) == len(passages)
    for labels in results:
        assert isinstance(labels, PassageLabels)
        assert isinstance(labels.themes, frozenset) and labels.themes <= {1, 2, 3, 4}
        assert isinstance(labels.barriers, tuple)
        assert all(isinstance(b, BarrierLabel) and b.category in TAXONOMY for b in labels.barriers)
        assert len({b.category for b in labels.barriers}) == len(labels.barriers), "a category is listed once"
        if labels.barriers:
            assert 4 in labels.themes, "a passage naming a barrier speaks to theme 4"


def test_an_empty_batch_gives_an_empty_list():
    assert classify_passages([]) == []


@pytest.mark.parametrize("text", ["", "   \n  ", "12 | 34 | 56", "Bonjour à tous, merci beaucoup."])
def test_a_passage_with_no_known_words_gets_no_labels_rather_than_a_guess(text):
    assert labels_for(text, heading="Theme 4: barriers") == PassageLabels(themes=frozenset(), barriers=())


def test_inputs_and_labels_cannot_be_changed_after_the_fact():
    passage = PassageInput(text="Some text.")
    labels = labels_for("We ask the government for a multi-year settlement.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        passage.text = "other"
    with pytest.raises(dataclasses.FrozenInstanceError):
        labels.themes = frozenset()
    assert passage.heading is None


def test_method_version_names_the_method_in_use():
    assert METHOD == "combined"
    assert re.fullmatch(r"combined-[0-9a-f]{12}", METHOD_VERSION)


def test_method_version_changes_when_the_rules_or_training_examples_change(tmp_path):
    package = tmp_path / "analysis" / "classify"
    shutil.copytree(ROOT / "analysis" / "classify", package, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "plans" / "data").mkdir(parents=True)
    shutil.copy(ROOT / "plans" / "data" / "barrier_taxonomy.csv", tmp_path / "plans" / "data")
    before = _method_version(package)
    assert before == METHOD_VERSION, "the copy reads the same files, so the same version"

    lexicon = package / "data" / "lexicon.toml"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n# one more comment\n", encoding="utf-8")
    after_rules = _method_version(package)
    assert after_rules != before

    example = next((package / "data" / "training").glob("*.txt"))
    example.write_text(example.read_text(encoding="utf-8") + "\n=== themes: 1\nOne more example.\n", encoding="utf-8")
    assert _method_version(package) not in (before, after_rules)


# --- behaviour ------------------------------------------------------------------------------------


def test_same_input_gives_same_output_and_a_passage_does_not_depend_on_its_batch(eval_set):
    passages = [e.passage for e in eval_set]
    first = classify_passages(passages)
    assert classify_passages(passages) == first
    reversed_results = classify_passages(list(reversed(passages)))
    assert list(reversed(reversed_results)) == first
    assert [classify_passages([p])[0] for p in passages[:20]] == first[:20]


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        (
            "Last year our spending on interim managers and management consultants came to 0.6% of the pay bill, "
            "and every engagement now needs the finance director's approval.",
            3,
        ),
        (
            "Officers now see live figures on caseloads and waiting times on a single dashboard, and an automated "
            "tool reads incoming emails and routes them to the right team.",
            2,
        ),
        (
            "We brought the benefits and housing advice teams together so residents tell their story once, and "
            "we now help families early, before problems turn into a crisis.",
            1,
        ),
    ],
)
def test_prose_without_any_heading_is_still_classified(text, theme):
    assert theme in labels_for(text).themes


def test_a_barrier_named_in_prose_without_a_heading_is_found_with_its_ask():
    labels = labels_for(
        "Because the settlement is confirmed only one year at a time, we cannot commit to invest-to-save schemes. "
        "We ask the government to return to multi-year funding settlements."
    )
    assert 4 in labels.themes
    assert categories(labels) == {"funding-certainty"}
    assert labels.barriers[0].ask == "We ask the government to return to multi-year funding settlements."


@pytest.mark.parametrize(
    "text",
    [
        "The Environment Agency will finish the new flood barrier on the river next spring.",
        "The Lead Member for Transformation and Human Resources introduced the report to the committee.",
        "The public consultation on the local transport plan ran for eight weeks and drew 900 responses.",
        "Equalities implications: none. The plan does not change any service.",
    ],
)
def test_a_keyword_in_a_passage_that_is_not_about_any_theme_gives_no_theme(text):
    labels = labels_for(text)
    assert labels.themes == frozenset()
    assert labels.barriers == ()


@pytest.mark.parametrize(
    ("heading", "theme"),
    [("Theme 1: transformation", 1), ("Theme 3: reducing wasteful spend", 3)],
)
def test_the_heading_decides_a_passage_its_text_leaves_open(heading, theme):
    """The text leans two ways (buildings for spend, teams together for transformation): the heading decides.
    Under a technology heading, which it says nothing of, it has no theme."""
    text = "Over the last year the number of buildings we use fell from twelve to five, and the teams now sit together."
    assert labels_for(text).themes == frozenset()
    assert labels_for(text, heading=heading).themes == {theme}
    assert labels_for(text, heading="Theme 2: technology and data").themes == frozenset()


def test_a_heading_helps_but_does_not_make_a_procedural_passage_a_barrier():
    text = "That Cabinet approves the plan for submission to the department and publication."
    assert categories(labels_for(text, heading="Theme 4: barriers")) == set()


def test_a_barrier_named_in_the_spend_section_is_found_there_too():
    labels = labels_for(
        "Most of our agency spend is on children's social workers, because there are not enough qualified "
        "social workers in the region and we cannot fill permanent posts.",
        heading="Reducing wasteful spend",
    )
    assert 3 in labels.themes
    assert "workforce" in categories(labels)


def test_each_barrier_gets_the_ask_that_concerns_it():
    labels = labels_for(
        "Temporary accommodation costs have tripled, because housing benefit subsidy is frozen at 2011 rents. "
        "We ask the government to uprate the subsidy to current rents. "
        "Separately, the high needs deficit on the dedicated schools grant keeps growing. "
        "We ask ministers to write off historic high needs deficits."
    )
    asks = {b.category: b.ask for b in labels.barriers}
    assert (
        asks["homelessness-temporary-accommodation"] == "We ask the government to uprate the subsidy to current rents."
    )
    assert asks["send-high-needs"] == "We ask ministers to write off historic high needs deficits."


def test_a_barrier_without_an_ask_has_none():
    labels = labels_for(
        "Our external auditors have still not signed off the 2021/22 accounts, and audit fees have risen sharply."
    )
    assert categories(labels) == {"audit-and-reporting"}
    assert labels.barriers[0].ask is None


def test_an_ask_written_as_a_bullet_is_extracted_without_the_bullet():
    labels = labels_for(
        "- Planning fees are set nationally and cover half our costs\n- Ask: let councils set planning fees locally"
    )
    assert categories(labels) == {"fees-charges-national"}
    assert labels.barriers[0].ask == "Ask: let councils set planning fees locally"


# --- the evaluation set and the floor on accuracy ---------------------------------------------------


def test_the_evaluation_set_is_large_varied_and_shares_no_text_with_the_training_examples(eval_set):
    training = training_examples()
    assert len(eval_set) >= 150
    assert len(training) >= 300
    styles = " ".join(e.style for e in eval_set)
    for kind in ("county", "district", "unitary", "metropolitan", "london borough", "bullet", "table", "without"):
        assert kind in styles, f"no evaluation passage in the style {kind!r}"
    assert all(b in {x.category for e in eval_set for x in e.labels.barriers} for b in TAXONOMY)

    training_check = RepeatCheck(e.passage.text for e in training)
    for example in eval_set:
        closest = training_check.closest(example.passage.text)
        assert closest < 1, f"evaluation passage at line {example.line} is also a training example"
        assert closest < NEAR_REPEAT, f"evaluation passage at line {example.line} nearly repeats a training example"


def test_no_training_example_nearly_repeats_any_evaluation_passage_or_evaluation_document():
    """The same check the export of reviewed passages uses (analysis.classify.evaluation.nearly_repeats), over
    the passage evaluation set and every labelled passage of the evaluation documents, both splits."""
    assert len(evaluation_texts()) > 1000
    for example in training_examples():
        assert not nearly_repeats(example.passage.text), f"training example at line {example.line} nearly repeats"


def test_the_training_folder_and_evaluation_folder_are_separate():
    assert EVAL_DIR.resolve() not in TRAINING_DIR.resolve().parents
    assert not set(p.name for p in EVAL_DIR.glob("*.txt")) & set(p.name for p in TRAINING_DIR.glob("*.txt"))


# Measured on the evaluation set (bench/README.md): themes macro F1 0.87, barriers macro F1 0.88.
# Rules alone score 0.76 and 0.77; these floors fail if the classifier falls back to that level.
THEME_MACRO_F1_FLOOR = 0.82
BARRIER_MACRO_F1_FLOOR = 0.82
ASK_F1_FLOOR = 0.85


def test_accuracy_on_the_evaluation_set_stays_above_its_floor(eval_set):
    report = evaluate(classify_passages, eval_set)
    assert report.theme_macro_f1 >= THEME_MACRO_F1_FLOOR
    assert report.barrier_macro_f1 >= BARRIER_MACRO_F1_FLOOR
    assert report.asks.f1 >= ASK_F1_FLOOR
    assert min(s.f1 for s in report.themes.values()) >= 0.75, "no single theme may collapse"


def test_classification_is_fast_enough_for_every_council_plan_at_once(eval_set):
    # The import of 317 four-page plans (about 5,000 passages) must finish well within a minute on two
    # cores. CPU time of this process, so other work on the machine does not make the test flaky;
    # measured about 2,500 passages per CPU second, the floor is 500.
    passages = [e.passage for e in eval_set] * 6
    classify_passages(passages[:10])
    start = time.process_time()
    classify_passages(passages)
    assert len(passages) / (time.process_time() - start) >= 500


# --- the labelled-passage format -----------------------------------------------------------------


def test_labelled_passages_keep_asks_per_barrier_and_drop_the_brackets():
    [example] = parse(
        "=== themes: 4 | barriers: workforce, planning-system | heading: Barriers\n"
        "Planners are scarce. [[workforce> Fund planning bursaries.]] Rules change often. [[Fix the rules.]]\n",
        known_barriers=TAXONOMY,
    )
    assert example.passage == PassageInput(
        text="Planners are scarce. Fund planning bursaries. Rules change often. Fix the rules.", heading="Barriers"
    )
    assert {b.category: b.ask for b in example.labels.barriers} == {
        "planning-system": "Fix the rules.",
        "workforce": "Fund planning bursaries.",
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("=== themes: 5\nText.\n", "themes must be 1 to 4"),
        ("=== themes: 4 | barriers: potholes\nText.\n", "unknown barrier"),
        ("=== themes: 1\n\n", "has no text"),
        ("Text before any header.\n", "before the first"),
        ("=== themes 1\nText.\n", "has no ':'"),
        ("=== themes: 4 | barriers: workforce\n[[procurement> Ask.]]\n", "not among the barriers"),
    ],
)
def test_a_badly_labelled_passage_is_refused_with_its_line(text, message):
    with pytest.raises(CorpusError, match=message):
        parse(text, source="x.txt", known_barriers=TAXONOMY)


# --- whose words, and what makes a barrier a barrier (issue 12, parts 4 and 5) ---------------------

FOUR_QUESTIONS = (
    "The government asked councils to answer four questions:\n"
    "- transformation of services to make better use of resources\n"
    "- opportunities to take advantage of advances in technology and make better use of data\n"
    "- plans to reduce wasteful spend within systems\n"
    "- barriers preventing progress that the government can help to reduce or remove"
)


def test_a_page_that_only_lists_the_four_questions_gets_no_theme():
    assert labels_for(FOUR_QUESTIONS) == PassageLabels(themes=frozenset(), barriers=())
    assert labels_for(FOUR_QUESTIONS.replace("\n- ", " ").replace(":", ";")).themes == frozenset()


def test_the_councils_own_words_after_the_quoted_questions_still_count():
    from analysis.classify import council_text

    text = FOUR_QUESTIONS + "\nWe moved every back-office system to the cloud and automated invoice matching."
    assert 2 in labels_for(text).themes
    own = council_text(text)
    assert len(own) == len(text) and "transformation" not in own and own.endswith("invoice matching.")


@pytest.mark.parametrize(
    "text",
    [
        "In her letter the Minister said councils should stop spending on consultants and on equality, diversity "
        "and inclusion training that does not serve residents.",
        "Councils have been asked by the government to set out how they will reduce wasteful spend.",
        "Skip to main content",
        "Skip to main content\nAccept additional cookies\nHome > Council and democracy > Budgets",
        "We are committed to productivity and efficiency.",
    ],
)
def test_the_governments_words_chrome_and_productivity_alone_give_no_theme(text):
    assert labels_for(text).themes == frozenset()


@pytest.mark.parametrize(
    "text",
    [
        "Our early help service has kept more families together: referrals to children's social care have fallen "
        "for three years.",
        "Adult social care now offers reablement to everyone leaving hospital, and most people need no further care.",
        "We have used the flexible use of capital receipts to pay for our transformation programme.",
        "Staff recruitment needs approval from the chief executive.",
    ],
)
def test_a_service_an_achievement_or_the_councils_own_action_is_not_a_barrier(text):
    labels = labels_for(text)
    assert labels.barriers == ()
    assert 4 not in labels.themes


@pytest.mark.parametrize(
    ("text", "heading", "category"),
    [
        # An assessment of a child's needs is not the needs assessment behind funding allocations.
        ("Education, health and care needs assessments are now completed within twenty weeks in nine cases out of "
         "ten.", "Barriers", "fair-funding"),
        # Under a barriers heading, a description with no constraint: the heading alone does not make it one.
        ("Our pooled budget with the integrated care board is one of the largest in the region and covers "
         "community equipment and reablement.", "Barriers to progress", "health-integration"),
        # Demand given as the reason for the council's own action, which the next sentence reports.
        ("Demand for temporary accommodation rose by half over three years. In response we bought 40 flats and "
         "let them to families ourselves.", None, "homelessness-temporary-accommodation"),
    ],
)  # fmt: skip
def test_words_that_only_look_like_a_constraint_or_a_barrier_name_none(text, heading, category):
    labels = labels_for(text, heading)
    assert category not in categories(labels)


@pytest.mark.parametrize(
    ("text", "constraint"),
    [
        ("hard-to-fill posts in the waste service", False),
        ("food waste collections start in april", False),
        ("a waste of officer time", True),
        ("bidding rounds waste money we do not have", True),
        ("wasted effort on separate returns", True),
        ("the new service has no funding for its running costs", True),
    ],
)
def test_the_waste_service_is_no_constraint_and_waste_or_no_funding_is(text, constraint):
    assert bool(rules.lexicon().constraint.search(text)) is constraint


def test_demand_met_by_the_councils_action_is_still_a_barrier_where_a_constraint_remains():
    text = (
        "Demand for temporary accommodation rose by half over three years. In response we bought 40 flats, but the "
        "housing benefit we can claim for a family in a nightly-paid room has been frozen since 2011."
    )
    assert "homelessness-temporary-accommodation" in categories(labels_for(text))


def test_a_new_service_with_no_money_to_run_it_is_a_new_burden():
    text = (
        "Weekly food waste collections start next spring. The department paid for the caddies, but there is no "
        "funding for the crews or the running costs after the first year."
    )
    labels = labels_for(text, "Barriers")
    assert 4 in labels.themes and categories(labels) & {"new-burdens", "funding-adequacy"}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Since 2010 this district has absorbed a disproportionate share of the cuts to councils.", "fair-funding"),
        ("We are one of the lowest funded councils of our type in England.", "fair-funding"),
        ("The cost of bidding for small pots, and the bidding rounds we lose, comes out of front-line services.",
         "grant-fragmentation"),
        ("New duties keep being placed on councils without consultation with the sector.", "new-burdens"),
    ],
)  # fmt: skip
def test_indirect_wordings_of_a_barrier_are_recognised(text, category):
    assert category in categories(labels_for(text))


def test_a_district_names_social_care_as_a_barrier_only_with_an_ask_or_a_constraint_that_reaches_it():
    mention = (
        "Agency staff are used mainly in children's social care, where qualified social workers are hard to "
        "recruit; a regional agreement caps the rates paid."
    )
    assert "childrens-social-care" in categories(labels_for(mention))
    assert "childrens-social-care" not in categories(
        classify_passages([PassageInput(mention)], authority_type="district")[0]
    )
    asked = (
        "Delays in adult social care assessments by the county leave people in our temporary accommodation for "
        "months, and the cost falls on our housing budget."
    )
    district = classify_passages([PassageInput(asked)], authority_type="district")[0]
    assert "adult-social-care" in categories(district)
    assert classify_passages([PassageInput(mention)], authority_type="unitary") == [labels_for(mention)]


@pytest.mark.parametrize(
    ("text", "category", "ask"),
    [
        ("Buying even small items takes as long as a full tender. Lighter rules for low-value purchases would help.",
         "procurement", "Lighter rules for low-value purchases would help."),
        ("Care costs rise each year with the wage floor, and our grant does not. A lasting way of funding adult care "
         "is needed.", "adult-social-care", "A lasting way of funding adult care is needed."),
        ("Licensing fees are fixed nationally below what inspections cost. Councils should be allowed to set their "
         "own licensing fees.", "fees-charges-national", "Councils should be allowed to set their own licensing fees."),
        ("Settlements for one year at a time stop us planning. A settlement for three years would let us invest with "
         "confidence.", "funding-certainty", "A settlement for three years would let us invest with confidence."),
        ("The council is calling on the government to end the audit backlog, which has left our accounts unaudited "
         "for three years.", "audit-and-reporting",
         "The council is calling on the government to end the audit backlog, which has left our accounts unaudited "
         "for three years."),
    ],
)  # fmt: skip
def test_an_ask_without_a_request_verb_is_found_with_its_barrier(text, category, ask):
    labels = labels_for(text)
    assert category in categories(labels)
    assert {b.category: b.ask for b in labels.barriers}[category] == ask


@pytest.mark.parametrize(
    "text",
    [
        "Summary of the barriers we face:",
        "Plans were to cover four themes: how services have been transformed, how technology and data are used, "
        "how wasteful spend is reduced, and the barriers government could help remove.",
        "How do you plan to use technology and data to improve decision making, service design and use of resources?",
        "If you have any questions about this plan, please contact the policy team.",
        "Alternative options considered: not to publish a plan, which was rejected because it would leave the "
        "barriers we face unheard.",
        "We agreed a balanced budget this year without drawing on reserves.",
    ],
)
def test_lead_ins_restated_questions_contact_lines_procedure_and_background_give_no_theme(text):
    labels = labels_for(text, heading="Value for money")
    assert labels.themes == frozenset() and labels.barriers == ()


def test_vacant_is_not_read_as_cannot():
    """'vacant' holds the letters of "can't"; a process for filling vacancies is not a workforce barrier."""
    labels = labels_for("Every request to fill a vacant post now needs a director's approval before it is advertised.")
    assert "workforce" not in categories(labels)


def test_a_labelled_passage_written_in_the_corpus_format_reads_back_the_same():
    for example in training_examples():
        [back] = parse(format_passage(example.passage, example.labels, style=example.style))
        assert (back.passage, back.labels, back.style) == (example.passage, example.labels, example.style)
    labels = PassageLabels(
        themes=frozenset({4}),
        barriers=(BarrierLabel("send-high-needs"), BarrierLabel("workforce", "We ask for a national pay review.")),
    )
    text = "Recruitment is hard.\nWe ask for a national pay review."
    written = format_passage(PassageInput(text, heading="Barriers | asks"), labels)
    assert written.startswith("=== themes: 4 | barriers: send-high-needs, workforce | heading: Barriers / asks\n")
    assert "[[workforce> We ask for a national pay review.]]" in written
    assert parse(written)[0].labels == labels


@pytest.mark.parametrize("text", ["=== themes: 1\\nSneaky", "Text with [[brackets]] of its own", "  \\n "])
def test_a_text_the_corpus_format_cannot_hold_is_refused(text):
    with pytest.raises(CorpusError):
        format_passage(PassageInput(text.replace("\\n", "\n")), PassageLabels(frozenset(), ()))


def test_near_repeats_are_judged_on_shared_words():
    check = RepeatCheck(["One-year settlements stop us planning beyond next April."])
    assert check.nearly_repeats("One year settlements stop us planning beyond next April!")
    assert check.nearly_repeats("One-year settlements stop us from planning beyond April.")
    assert not check.nearly_repeats("Multi-year settlements would let us plan.")
    assert not check.nearly_repeats("")


def test_recorded_figures_are_for_one_method_version(tmp_path):
    path = tmp_path / "measured.json"
    assert recorded_figures(path) is None
    record_measured(method_version="combined-aaa", key="passages", title="Passages", measured_on="2026-12-06",
                    rows=[("themes macro-F1", "0.89")], path=path)  # fmt: skip
    record_measured(method_version="combined-aaa", key="documents", title="Documents", measured_on="2026-12-06",
                    rows=[("ask F1", "0.89")], path=path)  # fmt: skip
    figures = recorded_figures(path)
    assert [s.key for s in figures.sets] == ["documents", "passages"]
    assert figures.is_for("combined-aaa+figures-4") and not figures.is_for("combined-bbb")
    record_measured(method_version="combined-bbb", key="passages", title="Passages", measured_on="2026-12-07",
                    rows=[("themes macro-F1", "0.90")], path=path)  # fmt: skip
    figures = recorded_figures(path)
    assert figures.method_version == "combined-bbb" and [s.key for s in figures.sets] == ["passages"]


def test_recording_figures_does_not_change_the_method_version(tmp_path):
    package = tmp_path / "analysis" / "classify"
    shutil.copytree(ROOT / "analysis" / "classify", package, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "plans" / "data").mkdir(parents=True)
    shutil.copy(ROOT / "plans" / "data" / "barrier_taxonomy.csv", tmp_path / "plans" / "data")
    before = _method_version(package)
    (package / "measured.json").write_text('{"method_version": "x", "sets": {}}', encoding="utf-8")
    assert _method_version(package) == before
    (package / "data" / "training" / "reviewed.txt").write_text("=== themes: 1\nReviewed.\n", encoding="utf-8")
    assert _method_version(package) != before


def test_a_heading_does_not_add_its_theme_to_a_passage_clearly_about_another():
    text = (
        "Fewer families reach crisis point now that our early help workers visit as soon as a school raises a concern."
    )
    assert labels_for(text, heading="Theme 3: reducing wasteful spend").themes == {1}


def test_care_costs_outpacing_funding_are_the_care_barrier_not_funding_in_general():
    text = (
        "Home care fees go up every April with the national living wage, and our grant does not, so the gap grows. "
        "We ask the government for a long-term settlement for adult social care."
    )
    assert categories(labels_for(text)) == {"adult-social-care"}
    general = "Our core funding has fallen in real terms since 2010 while the demand for care keeps rising."
    assert "funding-adequacy" in categories(labels_for(general))


@pytest.mark.parametrize(
    "text",
    [
        "How will your council use technology and data to make better decisions and design better services?",
        "Which obstacles are holding back your progress that the government could help to lift?",
        "Councils were asked how they have transformed the way they design and deliver services.",
        "Councils should describe the steps they will take to cut out waste across the organisation.",
    ],
)
def test_the_governments_questions_put_in_other_words_count_towards_no_theme(text):
    """A question put to "your council", or the request reported in other words, is the government's."""
    assert labels_for(text).themes == frozenset()


@pytest.mark.parametrize(
    "text",
    [
        "Delayed discharges from hospital have come down steadily since our joint brokerage team with the NHS "
        "started finding care packages seven days a week.",
        "Homelessness work has been rebuilt around prevention. Officers now get in touch as soon as a landlord "
        "serves notice, and more than half of the households who come to us are helped to stay in their homes.",
    ],
)
def test_a_success_over_a_problem_is_not_a_barrier(text):
    """The problem's words before the achievement ("delayed discharges have come down") are what was overcome."""
    labels = labels_for(text)
    assert categories(labels) == set() and 4 not in labels.themes


def test_an_invitation_to_officials_is_not_an_ask_or_a_barrier():
    labels = labels_for("We would be glad to welcome officials from the department to see this work for themselves.")
    assert 4 not in labels.themes and labels.barriers == ()


def test_a_budget_gap_speaks_to_spend_and_an_indirect_ask_for_longer_funding_is_found():
    assert 3 in labels_for("Our budget gap for next year is £11.4m, even after the savings already agreed.").themes
    labels = labels_for(
        "If the government wants councils to be more productive, the single most useful thing it could do is "
        "give us a settlement that runs for three years."
    )
    assert "funding-certainty" in categories(labels)
    assert any(b.ask and "most useful thing" in b.ask for b in labels.barriers)


@pytest.mark.parametrize(
    "text",
    [
        "Local authorities were told that plans need the endorsement of elected members before they go in.",
        "It was requested that plans be kept short and that councils publish them once they are submitted.",
        "There was a clear expectation that councils would set out what they spend on consultants and on diversity "
        "training.",
        "The department has clarified that plans will not be scored or ranked against one another.",
    ],
)
def test_the_request_reported_impersonally_is_the_governments_and_names_no_subject_of_the_guidance(text):
    """A passive or impersonal report of what councils were told has no theme, and its mention of consultants or
    EDI is not the council addressing them (the guidance flags read the same council-only text)."""
    assert council_text(text).strip() == ""
    assert labels_for(text).themes == frozenset()


@pytest.mark.parametrize(
    "text",
    [
        "The council is required to keep a balanced budget, and it spent £1.2m on consultants last year.",
        "It was agreed that agency staff would be booked only through the corporate framework.",
    ],
)
def test_the_councils_own_statements_of_a_duty_or_a_decision_stay_its_own(text):
    assert council_text(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Ministers and officials have been generous with their time, and our bid to the Towns Fund was supported "
        "throughout by the department's area team.",
        "Our devolution deal came into force in April, and the combined authority now holds the adult skills "
        "budget for the area.",
    ],
)
def test_a_programme_or_relationship_with_government_under_a_barriers_heading_is_not_a_barrier(text):
    """A barriers heading is not enough: the passage must state a constraint or an ask."""
    labels = labels_for(text, heading="Barriers the government could help remove")
    assert 4 not in labels.themes and labels.barriers == ()


def test_a_constraint_put_in_other_words_under_a_heading_that_says_what_holds_us_back_is_still_a_barrier():
    labels = labels_for(
        "Recruiting structural engineers has become very hard, and the tendering rules are lengthy for even the "
        "smallest works contract.",
        heading="What holds us back",
    )
    assert {"workforce", "procurement"} <= categories(labels) and 4 in labels.themes


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("The annual accounts are signed by the Section 151 Officer and presented to the Audit Committee each "
         "September.", "Reducing wasteful spend"),
        ("Twelve councillors sit on the planning committee, which meets every three weeks.", "Value for money"),
        ("An LGA peer team visited in March and its report, with our response, is on the council's website.",
         "Theme 1: Transforming our services"),
    ],
)  # fmt: skip
def test_a_heading_gives_no_theme_to_a_passage_whose_text_says_nothing_of_one(text, heading):
    assert labels_for(text, heading=heading).themes == frozenset()


def test_a_heading_still_decides_a_passage_whose_text_leans_its_way():
    text = "The three depots were merged into one and the other two sites sold; we now rent out a floor of the offices."
    assert 3 in labels_for(text, heading="Reducing wasteful spend").themes


def test_fewer_than_is_a_quantity_not_an_achievement():
    labels = labels_for(
        "Officer time is lost to competitive bidding: we wrote nine bids last year and fewer than half succeeded."
    )
    assert categories(labels) == {"grant-fragmentation"}


def test_a_constraint_word_in_passing_is_not_theme_4_where_nothing_reads_as_a_barrier():
    text = "Our three licensing and inspection systems no longer talk to each other, so they move to one cloud service."
    assert 4 not in labels_for(text).themes


def test_a_spend_control_is_found_whatever_the_approver_is_called():
    labels = labels_for("Every vacant post now needs the chief executive's sign-off before it is advertised.")
    assert 3 in labels.themes and labels.barriers == ()


@pytest.mark.parametrize(
    "text",
    [
        "We no longer hire consultancies for service reviews; our own performance team does that work.",
        "Locum social workers cost us less this year than last, as more posts were filled permanently.",
        "Spending on inclusion is limited to interpreters and the annual workforce equality report.",
        "Inclusion training for team leaders is run by our own learning and development staff.",
    ],
)
def test_consultants_interim_staff_and_edi_put_in_other_words_speak_to_spend(text):
    assert 3 in labels_for(text).themes


@pytest.mark.parametrize(
    "text",
    [
        "Equalities implications: an equality impact assessment is not required, as no service changes.",
        "Our digital inclusion programme lends laptops to residents who have none.",
    ],
)
def test_an_impact_assessment_in_passing_or_digital_inclusion_is_not_edi_spend(text):
    assert 3 not in labels_for(text).themes


def test_a_data_sharing_barrier_is_also_about_using_data():
    labels = labels_for(
        "We find out that a family is struggling only when the rent stops arriving, although the DWP already "
        "knows their income has dropped. We ask the government to let the DWP share that information with us.",
        "Barriers",
    )
    assert "data-sharing" in categories(labels)
    assert {2, 4} <= labels.themes


@pytest.mark.parametrize(
    "text",
    [
        "As a district council we do not provide social care, schools or highways, which are the county "
        "council's responsibility.",
        "The barriers in this section were agreed with the leaders of all the political groups.",
        "One barrier we could remove ourselves was the separate form for each kind of help; residents now fill in one.",
        "The pressure on temporary accommodation eased during the year as the homes we bought came into use.",
        "Demand for adult social care here rises each year with the number of residents over eighty-five, and the "
        "care strategy plans for it by offering reablement and equipment first.",
    ],
)
def test_a_remit_a_reference_to_the_barriers_section_or_a_barrier_the_council_removed_is_no_barrier(text):
    assert categories(labels_for(text, "4. Barriers")) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The main risk to this plan is our own capacity: a small programme team is carrying several large projects "
        "at once, so we have slowed two of them to let the others finish well.",
        "We have chosen not to raise the charge for garden waste collection this year, even though the cost of "
        "running the service has gone up.",
    ],
)
def test_theme_4_needs_a_barrier_the_government_could_help_remove_not_a_constraint_word_under_its_heading(text):
    labels = labels_for(text, "What holds us back")
    assert 4 not in labels.themes and categories(labels) == set()
