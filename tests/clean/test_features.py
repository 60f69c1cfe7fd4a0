"""Features of a line's place on the page: what the lines around it and the page as a whole say."""

from __future__ import annotations

import numpy as np

from newsynth.clean.features import page_repeats, side_mean, word_forms
from newsynth.clean.lines import make_lines

THREAD = [
    "The river authority opened the third lock on Tuesday after a month of repairs to its gates.",
    "Barge traffic is expected to return to its usual level by the end of the week, it said.",
    "Comments",
    "quaymaster",
    "3 hours ago at 09:14 am",
    "About time, the queue reached the old mill yesterday.",
    "Score: 12 points",
    "tidewatcher",
    "2 hours ago at 10:02 am",
    "Score: 4 points",
]


def test_a_comment_thread_repeats_its_wordings_and_forms():
    wording, form = page_repeats(make_lines(THREAD))
    timestamps = [THREAD.index("3 hours ago at 09:14 am"), THREAD.index("2 hours ago at 10:02 am")]
    assert list(wording[timestamps]) == [1, 1]  # the same words once the numbers are left out
    assert wording[THREAD.index("Score: 12 points")] == 1
    assert form[THREAD.index("quaymaster")] == 1  # another single lower-case word: "tidewatcher"
    assert wording[0] == form[0] == 0  # long lines are not compared


def test_word_forms_keep_case_and_digits():
    assert word_forms("Score: 12 points") == "A 0 a"


def test_side_means_look_above_or_below_only():
    prose = np.array([1.0, 0.0, 1.0, 1.0])
    assert list(side_mean(prose, 2, above=True)) == [-1.0, 1.0, 0.5, 0.5]
    assert list(side_mean(prose, 2, above=False)) == [0.5, 1.0, 1.0, -1.0]
