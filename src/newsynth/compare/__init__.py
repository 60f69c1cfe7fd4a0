"""Compare: what the sources agree on, what only one reports, and where they contradict.

Interface:
    compare_story(story) -> Comparison
"""

from __future__ import annotations

from newsynth.records import Comparison, Story


def compare_story(story: Story) -> Comparison:
    return Comparison()
