"""Store: a persistent pile of articles and their stories, in one SQLite file (WAL).

Interface:
    ArticleStore(path, settings=None)          # opens or creates; rebuilds the story index from the file
    store.ingest(articles) -> IngestCounts     # each article inserted and assigned in one transaction
    store.stories() -> list[Story]             # stories as assigned online (raw text; clean before use)
    store.final_stories() -> list[Story]       # the pile regrouped in canonical order: what `stories` renders
    store.close()

Re-ingesting the same text counts nothing twice (the content hash is a unique key), and an
interrupted ingest loses nothing: every committed article is there with its story, and the
next run rebuilds the same index and goes on from where the last one stopped.

Each article is assigned online as it arrives (``ingest`` reports those stories at once); the
stories rendered from the store are the final grouping of the whole pile, which is the same as
the batch path's and does not depend on the arrival order.
"""

from newsynth.store.sqlite import ArticleStore, IngestCounts

__all__ = ["ArticleStore", "IngestCounts"]
