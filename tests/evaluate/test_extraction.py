"""The article-extraction benchmark's shingle metric and the labels of page lines (invented texts)."""

from __future__ import annotations

import gzip
import json

import pytest

from newsynth.evaluate.extraction import content_lines, extraction_score, page_counts, read_pages

BODY = (
    "The ferry ran aground in thick fog near the port. All forty passengers were rescued by the coastguard."
)


def test_a_perfect_extraction_scores_one_and_nothing_scores_zero():
    perfect = extraction_score([(BODY, BODY)])
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    assert extraction_score([(BODY, "")]).f1 == 0.0


def test_page_counts_are_shares_of_the_shingles():
    # 5 tokens: 2 shingles; the prediction has the first shingle and one of its own
    tp, fp, fn = page_counts("a b c d e", "a b c d x")
    assert (tp, fp, fn) == (1 / 3, 1 / 3, 1 / 3)


def test_pages_weigh_the_same_whatever_their_length():
    long_right = (BODY * 10, BODY * 10)
    short_wrong = ("one two three four five", "six seven eight nine ten")
    # page averages: TP (1 + 0) / 2, FP (0 + 1/2) / 2, so precision 0.5 / 0.75 however long the first is
    assert extraction_score([long_right, short_wrong]).precision == pytest.approx(2 / 3)


def test_a_line_is_content_when_its_words_run_in_the_body():
    lines = [
        "Skip to content",
        "The ferry ran aground in thick fog",
        "near the port.",  # a short line that continues the run
        "Rescued",  # one word of the body on its own: not content
        "All forty passengers were rescued by the coastguard.",
        "Share this story",
    ]
    assert content_lines(lines, BODY) == [False, True, True, False, True, False]


def test_benchmark_files_are_read_and_bad_lines_named(tmp_path):
    good = tmp_path / "pages.jsonl.gz"
    with gzip.open(good, "wt", encoding="utf-8") as handle:
        handle.write(
            json.dumps({"id": "p1", "url": "https://a.example/x", "page_text": "x", "article_body": "x"})
            + "\n"
        )
    assert read_pages(good)[0]["html"] == ""
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "p1"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="line 1: not a benchmark page"):
        read_pages(bad)
