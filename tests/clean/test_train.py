"""Training the line model: examples from labelled stories, groups, deterministic fitting."""

from __future__ import annotations

import json

from click.testing import CliRunner

from newsynth.clean.features import FEATURES
from newsynth.clean.train import Settings, dev_pages, fit, story_groups
from newsynth.cli import main

from .helpers import STORY, STORY_URLS

LABELLED = {
    "courier": ["Skip to main content", "Menu", "Like us on Facebook", "Follow us on Twitter"],
    "bayline": ["Real Time Analytics", "Advertisement", "Accessibility links"],
    "harbourwire": [],
}


def records() -> list[dict]:
    documents = [
        {
            "url": url,
            "text": (STORY / f"{name}.txt").read_text(encoding="utf-8"),
            "boilerplate_lines": LABELLED[name],
        }
        for name, url in STORY_URLS.items()
    ]
    return [{"id": "ferry", "documents": documents[:2]}, {"id": "ferry-2", "documents": documents[2:]}]


def test_labelled_lines_become_examples_without_the_unlabelled_headline():
    pages = dev_pages(records())
    courier = pages[0]
    assert courier.rows.shape == (len(courier.texts), len(FEATURES))
    assert not courier.content[courier.texts.index("Menu")]
    assert courier.content[next(i for i, text in enumerate(courier.texts) if "ran aground" in text)]
    assert courier.titles and not courier.trained[min(courier.titles)]


def test_stories_that_share_an_outlet_are_one_group():
    shared = {"url": "https://www.lowmerecourier.example/b", "text": "x"}
    groups = story_groups([*records(), {"id": "other", "documents": [shared]}])
    assert groups["other"] == groups["ferry"] != groups["ferry-2"]


def test_fitting_twice_gives_the_same_model():
    pages = dev_pages(records())
    settings = Settings(trees=8, depth=3, min_leaf=2)
    assert fit(pages, settings, FEATURES).as_dict() == fit(pages, settings, FEATURES).as_dict()


def test_train_clean_needs_the_data_folder(tmp_path):
    result = CliRunner().invoke(
        main, ["train-clean", "--data", str(tmp_path), "-o", str(tmp_path / "m.json")]
    )
    assert result.exit_code == 1
    assert "dev.jsonl: no such file" in result.output
    assert not (tmp_path / "m.json").exists()


def test_eval_clean_names_a_bad_benchmark_file(tmp_path):
    data = tmp_path / "dev.jsonl"
    data.write_text(json.dumps(records()[0]) + "\n", encoding="utf-8")
    bad = tmp_path / "pages.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval-clean", str(data), "--benchmark", str(bad)])
    assert result.exit_code == 1
    assert "pages.jsonl: line 1: invalid JSON" in result.output
