"""newsynth: turn a pile of news articles into cited, cross-checked briefs.

The pipeline is ingest -> clean -> group -> summarize -> compare -> render; each stage is a
package of its own and they pass the records of :mod:`newsynth.records`.
"""

from newsynth.pipeline import brief
from newsynth.records import Article, Brief, Story

__all__ = ["Article", "Brief", "Story", "brief"]
__version__ = "0.1.0"
