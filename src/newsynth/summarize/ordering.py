"""A coherent order: the story's lead first, then by place in the source articles.

Sentences are ordered by their relative position in their article (news puts the main fact first
and background later), ties broken by citation order; a sentence that needs its predecessor
follows it directly.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsynth.summarize.candidates import Candidate


def order(
    chosen: Sequence[Candidate], article_lengths: dict[str, int], article_rank: dict[str, int]
) -> list[Candidate]:
    def place(candidate: Candidate) -> tuple[float, int, int]:
        sentence = candidate.sentence
        relative = sentence.index / max(1, article_lengths.get(sentence.article_id, 1))
        return relative, article_rank.get(sentence.article_id, 0), sentence.index

    followers = {(c.sentence.article_id, c.sentence.index - 1): c for c in chosen if c.needs_previous}
    ordered: list[Candidate] = []
    for candidate in sorted((c for c in chosen if not c.needs_previous), key=place):
        ordered.append(candidate)
        follower = followers.pop((candidate.sentence.article_id, candidate.sentence.index), None)
        while follower is not None:
            ordered.append(follower)
            follower = followers.pop((follower.sentence.article_id, follower.sentence.index), None)
    return ordered
