"""`newsynth stories`, `ingest` and `eval-group` end to end on invented articles (and ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsynth.cli import main
from tests.group.fixtures import event_articles


def write_pile(folder: Path) -> Path:
    folder.mkdir()
    articles, _ = event_articles()
    for number, article in enumerate(articles):
        (folder / f"{number:02d}.txt").write_text(article.raw_text, encoding="utf-8")
    return folder


def test_stories_writes_a_brief_per_story_and_an_index(tmp_path: Path) -> None:
    pile = write_pile(tmp_path / "pile")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["stories", str(pile), "-o", str(out)])
    assert result.exit_code == 0, result.output
    briefs = sorted(out.glob("s-*.json"))
    assert len(briefs) == 4
    for brief in briefs:
        assert brief.with_suffix(".md").is_file() and brief.with_suffix(".html").is_file()
        assert len(json.loads(brief.read_text(encoding="utf-8"))["articles"]) == 3
    index = (out / "index.md").read_text(encoding="utf-8")
    assert index.count("- [") == 4 and "3 articles" in index
    assert "2031-04-14" in index  # the date range from the dateline
    page = (out / "index.html").read_text(encoding="utf-8")
    assert page.count("<tr><td>") == 4 and 'href="s-' in page


def test_ingest_then_stories_from_the_store(tmp_path: Path) -> None:
    pile = write_pile(tmp_path / "pile")
    store = tmp_path / "pile.sqlite"
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(pile), "--store", str(store)])
    assert first.exit_code == 0, first.output
    assert "added 12 articles (0 already there), 4 new stories" in first.output
    again = runner.invoke(main, ["ingest", str(pile), "--store", str(store)])
    assert "added 0 articles (12 already there)" in again.output
    out = tmp_path / "out"
    rendered = runner.invoke(main, ["stories", "--store", str(store), "-o", str(out)])
    assert rendered.exit_code == 0, rendered.output
    assert len(list(out.glob("s-*.md"))) == 4


def test_bad_invocations_give_one_line_messages(tmp_path: Path) -> None:
    runner = CliRunner()
    both = runner.invoke(main, ["stories", "x.txt", "--store", "y.sqlite", "-o", str(tmp_path / "o")])
    assert both.exit_code == 1 and "either PATHS or --store" in both.output
    missing = runner.invoke(main, ["stories", "--store", str(tmp_path / "none.sqlite"), "-o", str(tmp_path)])
    assert missing.exit_code == 1 and "no such store" in missing.output
    nothing = runner.invoke(main, ["ingest", str(tmp_path / "absent"), "--store", str(tmp_path / "s.sqlite")])
    assert nothing.exit_code == 1 and "no such file or folder" in nothing.output
    assert "Traceback" not in both.output + missing.output + nothing.output


def write_labelled_events(path: Path) -> Path:
    """The invented events as eval-group input, the trial's and the budget's as two families."""
    articles, gold = event_articles()
    records: dict[str, list[dict]] = {}
    for article in articles:
        records.setdefault(gold[article.id], []).append({"text": article.raw_text, "outlet": article.outlet})
    lines = [
        json.dumps({"id": event, "family": event.split("-")[0], "documents": documents})
        for event, documents in records.items()
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_eval_group_prints_b_cubed_with_json_last(tmp_path: Path) -> None:
    data = write_labelled_events(tmp_path / "events.jsonl")
    result = CliRunner().invoke(main, ["eval-group", str(data)])
    assert result.exit_code == 0, result.output
    assert "leave-one-family-out: TF-IDF average-link" in result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["f1"] == 1.0 and figures["final_order_robustness_f1"] == 1.0
    assert 0.0 < figures["order_robustness_f1"] <= 1.0
    assert figures["documents"] == 12 and figures["stories"] == 4
    cross_validated = figures["cross_validated"]
    assert cross_validated["articles"] == 12 and len(cross_validated["folds"]) == 2
    for system in ("newsynth", "tfidf_average_link"):
        assert 0.0 < cross_validated[system]["f1"] <= 1.0


def test_eval_group_scores_the_families_held_aside_last(tmp_path: Path) -> None:
    data = write_labelled_events(tmp_path / "events.jsonl")
    result = CliRunner().invoke(main, ["eval-group", str(data), "--aside", "budget", "--seeds", "1"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert "cross_validated" not in figures  # one family left: nothing to cross-validate
    held_aside = figures["held_aside"]
    assert held_aside["families"] == ["budget"] and held_aside["articles"] == 6
    assert set(held_aside["newsynth_online"]) == {"1"}
    unknown = CliRunner().invoke(main, ["eval-group", str(data), "--aside", "sports"])
    assert unknown.exit_code == 1 and "no such family" in unknown.output


@pytest.mark.shared
@pytest.mark.slow
def test_eval_group_on_the_development_set(shared_dev_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval-group", str(shared_dev_path), "--no-cv"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["documents"] == 91
    assert figures["f1"] >= 0.9  # regression floor; the figures themselves are in the README
    assert figures["final_order_robustness_f1"] == 1.0
    assert figures["order_robustness_f1"] >= 0.8
