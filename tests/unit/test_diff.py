"""Differences between versions are marked word by word, with words for added and removed."""

from plans.diff import compare_contents, diff_text


def test_a_changed_word_is_shown_as_removed_then_added():
    assert diff_text("We saved £2m last year.", "We saved £3m last year.") == [
        ("same", "We saved "),
        ("removed", "£2m"),
        ("added", "£3m"),
        ("same", " last year."),
    ]


def test_identical_text_has_no_changes():
    assert diff_text("Same text", "Same text") == [("same", "Same text")]


def test_compare_contents_lists_only_the_parts_that_exist_and_counts_words():
    old = {"introduction": "", "sections": [{"theme": 1, "title": "T1", "body": "One two three."}]}
    new = {"introduction": "New intro here", "sections": [{"theme": 1, "title": "T1", "body": "One three."}]}
    sections = compare_contents(old, new)
    assert [s.title for s in sections] == ["Introduction", "Theme 1: T1"]
    assert sections[0].words_added == 3 and sections[0].words_removed == 0
    assert sections[1].changed and sections[1].words_removed == 1


def test_a_run_of_changed_words_reads_as_one_removal_and_one_addition():
    assert diff_text("We run one customer contact centre today.", "We run a single digital front door today.") == [
        ("same", "We run "),
        ("removed", "one customer contact centre"),
        ("added", "a single digital front door"),
        ("same", " today."),
    ]
