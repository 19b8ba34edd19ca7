"""Counts in the minutes' running text: words for one to nine, figures from 10 (AP style, by
django.contrib.humanize's apnumber)."""

import pytest

from panels.minutes import count_in_words


@pytest.mark.parametrize(
    ("count", "words"), [(1, "one"), (2, "two"), (9, "nine"), (10, "10"), (23, "23")]
)
def test_counts_are_words_up_to_nine_and_figures_after(count, words):
    assert count_in_words(count) == words
