"""newsynth: turn a pile of news articles into cited, cross-checked briefs.

The pipeline is ingest -> clean -> group -> summarize -> compare -> render; each stage is a
package of its own and they pass the records of :mod:`newsynth.records`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsynth.records import Article, Brief, Story

if TYPE_CHECKING:
    from newsynth.pipeline import brief

__all__ = ["Article", "Brief", "Story", "brief"]
__version__ = "0.1.0"


def __getattr__(name: str):
    # The pipeline pulls in the NLP libraries; import it on first use so the CLI starts fast.
    if name == "brief":
        from newsynth.pipeline import brief

        return brief
    raise AttributeError(f"module 'newsynth' has no attribute {name!r}")
