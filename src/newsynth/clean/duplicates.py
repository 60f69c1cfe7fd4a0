"""Exact and near-duplicate articles (wire copies) with MinHash/LSH over word shingles.

Each group of copies counts once as evidence: every member but the earliest gets ``copy_of`` set to
the earliest (by date when known, else by position).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from zlib import crc32

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsynth.clean.patterns import words_of
from newsynth.components import connected_groups
from newsynth.records import Article

NUM_PERM = 128
SCHEME = "affine32"  # datasketch's default for 32-bit hashes
LSH_BANDS, LSH_ROWS = 32, 4  # candidate pairs from about Jaccard 0.4 up
SHINGLE_WORDS = 3
PAIRWISE_UP_TO = 8  # up to this many texts, compare pairs directly; LSH buckets above
MIN_SHINGLES = 15  # shorter texts are too small to call copies
VOCABULARY_OVERLAP = 0.5  # pairs sharing less of the smaller text's words cannot be near copies
COPY_CONTAINMENT = 0.6  # share of the shorter text's shingles found in the longer one
_MASK = (1 << 32) - 1


def shingle_hashes(words: Sequence[str]) -> np.ndarray:
    """32-bit hashes of the distinct word 3-grams, combined from word hashes with numpy.

    CRC-32 of each word: deterministic from run to run (Python's own string hash is salted per
    process, which would make borderline copy decisions vary between runs)."""
    if len(words) < SHINGLE_WORDS:
        return np.zeros(0, dtype=np.uint64)
    word_hashes = {word: crc32(word.encode()) for word in set(words)}
    hashed = np.array([word_hashes[word] for word in words], dtype=np.uint64)
    combined = hashed[:-2] * np.uint64(1_000_003) + hashed[1:-1] * np.uint64(8_191) + hashed[2:]
    return np.unique(combined & np.uint64(_MASK))


def _identity(value: int) -> int:
    return value


@cache
def permutations() -> np.ndarray:
    """The MinHash permutations, drawn once per process (they depend only on the seed)."""
    return MinHash(num_perm=NUM_PERM, hashfunc=_identity, scheme=SCHEME).permutations


def signatures(texts: Sequence[Sequence[str]]) -> tuple[list[MinHash], list[int]]:
    """MinHash of each word list's shingles (already hashed: datasketch's hash function is the identity)."""
    hashed = [shingle_hashes(words) for words in texts]
    hashes = MinHash.bulk(
        [values.tolist() for values in hashed],
        num_perm=NUM_PERM,
        hashfunc=_identity,
        permutations=permutations(),
        scheme=SCHEME,
    )
    return hashes, [len(values) for values in hashed]


def copy_pairs(texts: Sequence[str]) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of texts that are the same story text: exact or near copies.

    A handful of texts are compared pair by pair, and only pairs that share most of their vocabulary
    get MinHash signatures (a near copy shares most of its words; most pairs of a story do not). More
    texts go through MinHash LSH buckets."""
    words = [words_of(text) for text in texts]
    pairs = exact_pairs(words)
    if len(texts) <= PAIRWISE_UP_TO:
        candidates = similar_vocabulary_pairs(words)
        involved = sorted({index for pair in candidates for index in pair})
        if not involved:
            return sorted(pairs)
        signed = dict(zip(involved, zip(*signatures([words[i] for i in involved]), strict=True), strict=True))
    else:
        hashes, sizes = signatures(words)
        signed = dict(enumerate(zip(hashes, sizes, strict=True)))
        candidates = lsh_pairs(hashes, sizes)
    for first, second in candidates:
        (hash_a, size_a), (hash_b, size_b) = signed[first], signed[second]
        if (
            min(size_a, size_b) >= MIN_SHINGLES
            and containment(hash_a, hash_b, size_a, size_b) >= COPY_CONTAINMENT
        ):
            pairs.add((first, second))
    return sorted(pairs)


def similar_vocabulary_pairs(words: Sequence[Sequence[str]]) -> list[tuple[int, int]]:
    vocabularies = [set(text) for text in words]
    pairs = []
    for first, vocabulary in enumerate(vocabularies):
        for second in range(first + 1, len(vocabularies)):
            other = vocabularies[second]
            smaller = min(len(vocabulary), len(other))
            if smaller and len(vocabulary & other) >= VOCABULARY_OVERLAP * smaller:
                pairs.append((first, second))
    return pairs


def lsh_pairs(hashes: Sequence[MinHash], sizes: Sequence[int]) -> set[tuple[int, int]]:
    """Pairs that MinHash LSH puts in a common bucket."""
    indexed = [index for index, size in enumerate(sizes) if size >= MIN_SHINGLES]
    lsh = MinHashLSH(num_perm=NUM_PERM, params=(LSH_BANDS, LSH_ROWS))
    for index in indexed:
        lsh.insert(index, hashes[index])
    return {(index, other) for index in indexed for other in lsh.query(hashes[index]) if other > index}


def exact_pairs(texts: Sequence[Sequence[str]]) -> set[tuple[int, int]]:
    """Pairs of word lists that are the same text."""
    first_seen: dict[str, int] = {}
    pairs = set()
    for index, words in enumerate(texts):
        key = " ".join(words)
        if not key:
            continue
        if key in first_seen:
            pairs.add((first_seen[key], index))
        else:
            first_seen[key] = index
    return pairs


def containment(first: MinHash, second: MinHash, size_first: int, size_second: int) -> float:
    """Estimated |A ∩ B| / min(|A|, |B|) from the Jaccard estimate and the set sizes."""
    jaccard = float(np.mean(first.hashvalues == second.hashvalues))
    shared = jaccard * (size_first + size_second) / (1 + jaccard)
    return shared / max(min(size_first, size_second), 1)


def mark_copies(articles: Sequence[Article]) -> None:
    """Set ``copy_of`` on every article that republishes an earlier one of the list."""
    candidates = [article for article in articles if article.junk_reason is None and article.clean_text]
    if len(candidates) < 2:
        return
    groups = connected_groups(len(candidates), copy_pairs([article.clean_text for article in candidates]))
    for group in groups:
        if len(group) < 2:
            continue
        members = [candidates[index] for index in group]
        original = min(members, key=lambda article: (article.date or "9999", group[members.index(article)]))
        for article in members:
            if article is not original:
                article.copy_of = original.id
