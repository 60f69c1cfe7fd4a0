"""Clean: page furniture out, clean text and sentences in, junk and copies flagged.

Interface:
    clean_articles(articles) -> articles   # cleaned together: cross-document signals need all of them
    split_sentences(text, article_id)      # clean text -> Sentence records
"""

from __future__ import annotations

from newsynth.clean.boilerplate import remove_boilerplate
from newsynth.clean.sentences import split_sentences
from newsynth.records import Article

__all__ = ["clean_articles", "split_sentences"]


def clean_articles(articles: list[Article]) -> list[Article]:
    """Fill clean_text, sentences and removed_lines of each article, in place; returns the list."""
    for article in articles:
        kept, removed = remove_boilerplate(article.raw_text)
        article.clean_text = "\n\n".join(kept)
        article.removed_lines = removed
        article.sentences = split_sentences(kept, article.id)
    return articles
