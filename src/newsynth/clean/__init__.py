"""Clean: page furniture out, clean text and sentences in, junk and copies flagged.

Interface:
    clean_articles(articles) -> articles   # cleaned together: cross-document signals need all of them
    split_sentences(text, article_id)      # clean paragraphs -> Sentence records

After cleaning, each article has ``clean_text`` (body paragraphs), ``sentences`` (readable body
sentences), ``removed_lines`` (furniture and metadata lines with the reason), metadata fields filled
when they were empty, ``junk_reason`` when it is not a usable article about the story, and ``copy_of``
when it republishes another article of the list.
"""

from __future__ import annotations

from newsynth.clean.classify import classify_documents
from newsynth.clean.dom import html_document
from newsynth.clean.duplicates import mark_copies
from newsynth.clean.junk import junk_reason, off_topic
from newsynth.clean.lines import CONTENT, Document, Line, make_document
from newsynth.clean.metadata import fill_metadata
from newsynth.clean.sentences import html_paragraphs, split_sentences
from newsynth.clean.sites import site_key
from newsynth.records import Article, RemovedLine

__all__ = ["classify_articles", "clean_articles", "split_sentences"]


def clean_articles(articles: list[Article]) -> list[Article]:
    """Clean the articles of one story together, in place; returns the list."""
    documents = classify_articles(articles)
    for article, document in zip(articles, documents, strict=True):
        apply_lines(article, document.lines)
        fill_metadata(article, document.lines)
        article.junk_reason = junk_reason(
            [line.text for line in document.lines],
            article.word_count,
            len(article.sentences),
            [removed.text for removed in article.removed_lines],
        )
    flag_off_topic(articles)
    mark_copies(articles)
    return articles


def classify_articles(articles: list[Article], with_evidence: bool = False) -> list[Document]:
    """The classified lines of each article (the documents judged together): the blocks of its HTML
    when it was read from HTML, else the lines of its raw text. ``with_evidence``: name the model's
    strongest reasons for each removed line (``Line.evidence``)."""
    documents = [article_document(article) for article in articles]
    classify_documents(documents, with_evidence=with_evidence)
    return documents


def article_document(article: Article) -> Document:
    site = site_key(article.url or article.outlet)
    if article.html:
        document = html_document(article.html, article.raw_text, site)
        if document is not None:
            return document
    return make_document(article.raw_text, site)


def apply_lines(article: Article, lines: list[Line]) -> None:
    paragraphs = body_paragraphs(lines)
    article.clean_text = "\n\n".join(paragraphs)
    article.removed_lines = [RemovedLine(line.text, line.reason) for line in lines if line.kind != CONTENT]
    article.sentences = split_sentences(paragraphs, article.id)


def body_paragraphs(lines: list[Line]) -> list[str]:
    """Content lines as paragraphs; hard-wrapped lines are joined back into their paragraph."""
    paragraphs: list[str] = []
    joining = False
    for line in lines:
        if line.kind != CONTENT:
            joining = False
            continue
        if joining and paragraphs:
            paragraphs[-1] = f"{paragraphs[-1]} {line.text}"
        else:
            paragraphs.append(line.text)
        joining = line.runs_on
    return [part for paragraph in paragraphs for part in html_paragraphs(paragraph)]


def flag_off_topic(articles: list[Article]) -> None:
    usable = [article for article in articles if article.junk_reason is None]
    for article, unrelated in zip(usable, off_topic([a.clean_text for a in usable]), strict=True):
        if unrelated:
            article.junk_reason = "about something else (shares almost no words with the other articles)"
