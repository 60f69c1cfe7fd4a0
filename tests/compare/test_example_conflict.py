"""The bundled example exists to show a real-looking disagreement: it must reach the reader."""

from __future__ import annotations

from pathlib import Path

from newsynth.clean import clean_articles
from newsynth.compare import compare_story
from newsynth.group import single_story
from newsynth.ingest import read_paths


def test_the_example_shows_four_against_three_workers(example_dir: Path):
    story = single_story(clean_articles(read_paths([str(example_dir)]).articles))
    shown = [c for claim in compare_story(story).claims for c in claim.conflicts if c.shown]
    workers = [c for c in shown if "workers" in c.description]
    assert workers, [c.description for c in shown]
    assert {value.lower() for value in workers[0].values.values()} == {"four", "three"}
