"""Where a person's decisions go when a document is read again: to the passage with the same words."""

from analysis.models import Passage
from analysis.services import match_reviewed_passages


def passages(*texts: str, first_id: int = 1) -> list[Passage]:
    return [Passage(pk=first_id + n, position=n + 1, text=text) for n, text in enumerate(texts)]


def test_a_reviewed_passage_follows_its_words_to_a_new_place():
    old = passages("Theme 1 and theme 2 run together.", "We ask for multi-year settlements.")
    new = passages("Theme 1", "and theme 2 run together.", "We ask for multi-year settlements.", first_id=10)

    assert match_reviewed_passages(old, new, reviewed={2}) == ({2: 2}, 0)


def test_white_space_does_not_count_but_any_other_change_does():
    old = passages("We ask for\n  multi-year settlements.", "Agency spend fell to 4%.")
    new = passages("We ask for multi-year settlements.", "Agency spend fell to 4.1%.", first_id=10)

    assert match_reviewed_passages(old, new, reviewed={1, 2}) == ({1: 0}, 1)


def test_a_paragraph_printed_twice_is_matched_copy_for_copy():
    old = passages("Summary", "We will share services.", "Detail", "We will share services.")
    new = passages("We will share services.", "Detail", "We will share services.", first_id=10)

    assert match_reviewed_passages(old, new, reviewed={4}) == ({4: 2}, 0), "the second copy goes to the second"
    assert match_reviewed_passages(old, new, reviewed={2, 4}) == ({2: 0, 4: 2}, 0)


def test_a_copy_the_new_reading_no_longer_has_is_unmatched():
    old = passages("We will share services.", "We will share services.")
    new = passages("We will share services.", first_id=10)

    assert match_reviewed_passages(old, new, reviewed={2}) == ({}, 1)
