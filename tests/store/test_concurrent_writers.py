"""Several processes writing to one store at once: the stories of one process, no article lost or doubled."""

from __future__ import annotations

import multiprocessing
from itertools import pairwise
from pathlib import Path

from newsynth.group.synthetic import synthetic_pile
from newsynth.records import Article
from newsynth.store import ArticleStore

WRITERS = 4


def pile() -> list[Article]:
    return [article for article, _ in synthetic_pile(400, seed=5)]


def shard(articles: list[Article], writer: int) -> list[Article]:
    """Every writer gets half of the pile, overlapping its neighbours' halves, in its own order."""
    half = [article for n, article in enumerate(articles) if (n + writer) % WRITERS < WRITERS // 2]
    return half if writer % 2 == 0 else half[::-1]


def write(path: str, writer: int, start: multiprocessing.synchronize.Barrier) -> None:
    articles = shard(pile(), writer)
    with ArticleStore(path) as store:
        start.wait()
        store.ingest(articles)


def run_writers_together(path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(WRITERS)
    processes = [context.Process(target=write, args=(str(path), n, start)) for n in range(WRITERS)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=600)
        assert process.exitcode == 0


def test_four_writers_give_the_stories_of_one_writer_and_store_every_article_once(tmp_path: Path) -> None:
    shared = tmp_path / "shared.sqlite"
    run_writers_together(shared)
    with ArticleStore(shared) as store:
        arrived = store.articles()  # in the order the writers committed them
        online = store.assignments()
        final = store.final_stories()
        writer_of = {article.id: n for n in range(WRITERS) for article in shard(pile(), n)}
    assert sorted(article.id for article in arrived) == sorted(article.id for article in pile())

    turns = sum(writer_of[a.id] != writer_of[b.id] for a, b in pairwise(arrived))
    assert turns > WRITERS  # the writers really took turns, not one after the other

    with ArticleStore(tmp_path / "single.sqlite") as single:
        single.ingest(arrived)
        assert single.assignments() == online
        assert stories_as_sets(single.final_stories()) == stories_as_sets(final)


def stories_as_sets(stories: list) -> set[frozenset[str]]:
    return {frozenset(article.id for article in story.articles) for story in stories}
