"""Line-level boilerplate removal (first version: line shape only)."""

from __future__ import annotations

from newsynth.records import RemovedLine

MIN_CONTENT_WORDS = 8


def remove_boilerplate(text: str) -> tuple[list[str], list[RemovedLine]]:
    kept: list[str] = []
    removed: list[RemovedLine] = []
    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        if len(line.split()) < MIN_CONTENT_WORDS or not line.rstrip("\"”’'").endswith((".", "!", "?")):
            removed.append(RemovedLine(line, "short line or not a sentence"))
        else:
            kept.append(line)
    return kept, removed
