"""Batch summarization of Multi-News style records (one story per JSON line)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

from tqdm import tqdm

from newsynth.clean import clean_articles
from newsynth.group import single_story
from newsynth.ingest import articles_from_documents
from newsynth.summarize import summarize


def read_batch(path: str) -> tuple[list[dict], list[str]]:
    """Records with an ``id`` and ``documents``; problems name the file and line."""
    records, problems = [], []
    with open(path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                problems.append(f"{path}:{number}: invalid JSON: {error.msg}")
                continue
            if not isinstance(record, dict) or not isinstance(record.get("documents"), list):
                problems.append(f"{path}:{number}: no 'documents' list")
                continue
            record.setdefault("id", f"line-{number}")
            records.append(record)
    return records, problems


def summarize_record(record: dict, max_words: int, *, fill: bool = False) -> dict:
    """One output line; ``fill`` tops the summary up past the budget (see ``summarize``)."""
    budget = int(record.get("max_words") or max_words)
    articles = clean_articles(articles_from_documents(record["documents"], str(record["id"])))
    story = single_story(articles, str(record["id"]))
    sentences = summarize(story, max_words=budget, fill=fill)
    return {
        "id": record["id"],
        "summary": " ".join(s.text for s in sentences),
        "sentences": [{"text": s.text, "supporting_articles": s.supporting_articles} for s in sentences],
    }


def summarize_records(records: list[dict], max_words: int) -> Iterator[dict]:
    progress = tqdm(records, desc="stories", unit="story", disable=not sys.stderr.isatty())
    for record in progress:
        yield summarize_record(record, max_words)
