"""A word diff is read by people: a removed run and the added run beside it stay apart."""

from plans.diff import SectionDiff, change_scale, diff_text


def test_a_replaced_run_keeps_a_space_between_the_old_and_the_new_words():
    section = SectionDiff(title="Theme 1", parts=diff_text("the quick brown fox", "the slow red fox"))
    shown = "".join(gap + text for _, text, gap in section.display_parts)
    assert shown == "the quick brown slow red fox"
    # A run that already ends with a space gets no second one.
    section = SectionDiff(title="Theme 1", parts=diff_text("one two three", "one three"))
    assert [gap for _, _, gap in section.display_parts] == ["", "", ""]


def test_the_scale_of_a_change_counts_words_changed_against_the_earlier_text():
    old = {"introduction": "", "sections": [{"theme": 1, "title": "T", "body": "a b c d e f g h i j"}]}
    new = {"introduction": "", "sections": [{"theme": 1, "title": "T", "body": "a b c d e f g h i k"}]}
    scale = change_scale(old, new)
    assert (scale.words_changed, scale.words_before, scale.share_percent) == (2, 10, 20.0)
    assert scale.parts_touched == ["Theme 1: T"]
