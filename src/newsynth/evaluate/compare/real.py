"""Flagged conflicts against real, hand-labelled disagreements (``conflicts`` of conflicts-dev.jsonl).

A labelled conflict lists, per outlet (``doc``, 1-based like citation numbers), the quote stating its
value. A flag *matches* a labelled conflict when two of its articles are among the labelled ones and,
for each of the two, the flagged value is in that article's quote (as whole words, compared folded) or
the sentence holding the flagged value contains the quote. A labelled conflict is *found* when a flag
shown to readers matches it; *precision* is the share of shown flags on labelled stories that match
one. A flag also matches when one of its values is anchored in a labelled quote as above and another,
from an outlet the label does not list, is word for word the value quoted for another labelled outlet:
the same disagreement, carried by one more outlet. Labels were made by reading, not exhaustively, so a
real but unlabelled disagreement counts as a false flag here.
"""

from __future__ import annotations

from newsynth.compare.text import fold
from newsynth.records import Comparison, Conflict


def matched_labels(conflict: Conflict, sentences: dict[int, list[str]], labels: list[dict]) -> frozenset[int]:
    """Positions in ``labels`` of the labelled conflicts the flag matches; ``sentences`` holds, per
    article, the sentences of the flag's claim."""
    found = set()
    for position, label in enumerate(labels):
        quotes: dict[int, list[str]] = {}
        for value in label.get("values", []):
            quotes.setdefault(int(value["doc"]), []).append(value["quote"])
        anchored = {
            article
            for article, value in conflict.values.items()
            if any(
                _value_in_quote(value, sentences.get(article, []), quote) for quote in quotes.get(article, [])
            )
        }
        if len(anchored) >= 2 or (anchored and _sides_with_another(conflict, anchored, quotes)):
            found.add(position)
    return (found and frozenset(found)) or frozenset()


def _sides_with_another(conflict: Conflict, anchored: set[int], quotes: dict[int, list[str]]) -> bool:
    """An unlabelled outlet's value that is, word for word, the value of another labelled outlet than the
    anchored one: the same disagreement, reported by one more outlet."""
    for article, value in conflict.values.items():
        if article in anchored or not fold(value):
            continue
        others = [quote for doc, texts in quotes.items() if doc not in anchored for quote in texts]
        if any(f" {fold(value)} " in f" {fold(quote)} " for quote in others):
            return True
    return False


def _value_in_quote(value: str, sentences: list[str], quote: str) -> bool:
    quoted = f" {fold(quote)} "
    if f" {fold(value)} " in quoted and fold(value):
        return any(fold(value) in fold(sentence) for sentence in sentences) or not sentences
    return any(quoted.strip() in fold(sentence) for sentence in sentences if fold(value) in fold(sentence))


def flag_sentences(comparison: Comparison) -> list[tuple[Conflict, dict[int, list[str]]]]:
    """Every conflict with the sentences of its claim, by article."""
    flagged = []
    for claim in comparison.claims:
        by_article: dict[int, list[str]] = {}
        for sentence in claim.sentences:
            by_article.setdefault(sentence.article, []).append(sentence.text)
        flagged += [(conflict, by_article) for conflict in claim.conflicts]
    return flagged
