"""HTML pages as lines with DOM features: every block of text (one line each, as a scraper saves a
page), where it sits in the DOM (element, enclosing elements, class and id words, link density) and
how much of it trafilatura kept in its own extraction.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from newsynth.clean.lines import Document, make_lines


def names(text: str) -> frozenset[str]:
    return frozenset(text.split())


BLOCK_TAGS = names(
    "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody "
    "td tfoot th thead title tr ul caption option button label"
)
SKIPPED_TAGS = names("script style noscript template svg iframe object embed canvas select head")
HEADINGS = names("h1 h2 h3 h4 h5 h6")
ELEMENTS = ("p", "heading", "li", "a", "td", "div", "span", "figcaption", "blockquote", "title", "other")
ENCLOSING = ("article", "main", "header", "footer", "nav", "aside", "figure", "form", "a", "li", "table")
# Words of class and id attributes that web pages in general use for their parts (prefixes).
CLASS_CUES: dict[str, tuple[str, ...]] = {
    "navigation": ("nav", "menu", "breadcrumb"),
    "footer": ("footer", "foot"),
    "header": ("header", "masthead", "topbar"),
    "comments": ("comment", "disqus", "discussion", "reply"),
    "sharing": ("share", "sharing", "social"),
    "related": ("related", "recommend", "trending", "popular", "promo", "teaser", "recirc", "more"),
    "advertising": ("ad", "ads", "advert", "sponsor", "banner", "dfp", "gpt"),
    "caption": ("caption", "credit", "figcaption"),
    "byline": ("byline", "author", "dateline", "date", "time", "meta"),
    "article": ("article", "story", "post", "entry", "content", "body", "text", "prose"),
    "sidebar": ("sidebar", "aside", "widget", "rail"),
    "prompts": (
        "subscri",
        "newsletter",
        "signup",
        "paywall",
        "modal",
        "popup",
        "overlay",
        "cookie",
        "consent",
    ),
    "tags": ("tag", "topic", "category", "keyword"),
    "hidden": ("hidden", "sr", "visually", "screen"),
    "title": ("title", "headline", "heading"),
}
EXACT_CUES = frozenset({"ad", "ads", "sr", "more", "gpt", "dfp"})  # too short to match as prefixes
NEAR_ANCESTORS = 6  # class words of this many enclosing elements count
TOKEN = re.compile(r"\w+")
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
CLASS_WORD = re.compile(r"[a-z]+")

DOM_FEATURES = [
    "trafilatura kept it",
    "trafilatura kept the previous block",
    "trafilatura kept the next block",
    "inside trafilatura's text",
    "link density",
    "DOM depth",
    *[f"element: {name}" for name in ELEMENTS],
    *[f"inside <{name}>" for name in ENCLOSING],
    *[f"class/id: {name}" for name in CLASS_CUES],
]


@dataclass
class Block:
    """The text of one block element and the DOM around it."""

    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    element: str = "other"
    depth: int = 0
    enclosing: frozenset[str] = frozenset()
    cues: frozenset[str] = frozenset()

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def page_blocks(html: str) -> list[Block]:
    """The page's text blocks in document order (empty ones left out); [] when it cannot be parsed."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html)
    except ValueError:  # a str that declares its encoding (<?xml ... encoding=...?>): drop the declaration
        try:
            root = lxml_html.document_fromstring(XML_DECLARATION.sub("", html, count=1))
        except (etree.ParserError, ValueError):
            return []
    except etree.ParserError:
        return []
    blocks: list[Block] = []
    stack: list[tuple[str, frozenset[str]]] = []  # open elements: tag and class/id cues
    current = Block()
    links_open = 0

    def flush() -> None:
        nonlocal current
        if current.text:
            blocks.append(current)
        current = Block()

    def add(text: str | None) -> None:
        if not text or not text.strip():
            return
        if not current.parts:
            describe(current, stack)
        current.parts.append(text)
        if links_open:
            current.link_chars += len(text.strip())

    title = root.find(".//title")
    if title is not None and title.text:
        add(title.text)
        current.element = "title"
        flush()
    body = root.find("body")
    todo: list[tuple[object, bool]] = [(body if body is not None else root, True)]
    while todo:
        element, starting = todo.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if not starting:
            stack.pop()
            links_open -= tag == "a"
            if tag in BLOCK_TAGS:
                flush()
            add(element.tail)
            continue
        if not tag or tag in SKIPPED_TAGS:  # comments and scripts: only the text after them counts
            add(element.tail)
            continue
        if tag in BLOCK_TAGS:
            flush()
        stack.append((tag, class_cues(element)))
        links_open += tag == "a"
        add(element.text)
        todo.append((element, False))
        todo.extend((child, True) for child in reversed(element))
    flush()
    return blocks


def describe(block: Block, stack: Sequence[tuple[str, frozenset[str]]]) -> None:
    tags = [tag for tag, _ in stack]
    block.depth = len(stack)
    block.enclosing = frozenset(tags)
    block.cues = frozenset(cue for _, cues in stack[-NEAR_ANCESTORS:] for cue in cues)

    innermost = next((tag for tag in reversed(tags) if tag in BLOCK_TAGS or tag == "a"), "other")
    if innermost in HEADINGS:
        block.element = "heading"
    elif innermost in ELEMENTS:
        block.element = innermost
    elif tags and tags[-1] in ELEMENTS:
        block.element = tags[-1]
    else:
        block.element = "other"


def class_cues(element) -> frozenset[str]:
    words = CLASS_WORD.findall(f"{element.get('class') or ''} {element.get('id') or ''}".lower())
    if not words:
        return frozenset()
    found = set()
    for cue, prefixes in CLASS_CUES.items():
        for word in words:
            if any(
                word == prefix if prefix in EXACT_CUES else word.startswith(prefix) for prefix in prefixes
            ):
                found.add(cue)
                break
    return frozenset(found)


def kept_shares(texts: Sequence[str], kept_text: str) -> np.ndarray:
    """Per text: the share of its word 4-grams (its whole word sequence when shorter) found in
    ``kept_text``."""
    kept = TOKEN.findall(kept_text.lower())
    grams = {n: ngrams(kept, n) for n in (1, 2, 3, 4)}
    shares = np.zeros(len(texts))
    for index, text in enumerate(texts):
        tokens = TOKEN.findall(text.lower())
        if not tokens:
            continue
        n = min(4, len(tokens))
        own = [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
        shares[index] = sum(gram in grams[n] for gram in own) / len(own)
    return shares


def ngrams(tokens: Sequence[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def dom_matrix(blocks: Sequence[Block], kept: np.ndarray) -> np.ndarray:
    """The ``DOM_FEATURES`` of each block, given the share of it that trafilatura kept."""
    kept_at = np.flatnonzero(kept >= 0.5)
    first, last = (kept_at[0], kept_at[-1]) if len(kept_at) else (len(blocks), -1)
    rows = []
    for index, block in enumerate(blocks):
        chars = max(len(block.text), 1)
        row = [
            kept[index],
            kept[index - 1] if index else -1.0,
            kept[index + 1] if index + 1 < len(blocks) else -1.0,
            float(first <= index <= last),
            min(block.link_chars / chars, 1.0),
            math.log1p(block.depth),
        ]
        row += one_hot(block.element, ELEMENTS)
        row += [float(tag in block.enclosing) for tag in ENCLOSING]
        row += [float(cue in block.cues) for cue in CLASS_CUES]
        rows.append(row)
    return np.array(rows, dtype=np.float64).reshape(len(blocks), len(DOM_FEATURES))


def one_hot(value: str, names: Iterable[str]) -> list[float]:
    return [float(value == name) for name in names]


def html_document(html: str, kept_text: str, outlet_key: str = "") -> Document | None:
    """The page's blocks as a Document with DOM features; None when the HTML has no text blocks.
    ``kept_text``: trafilatura's extraction of the page (ingest's ``raw_text``)."""
    blocks = page_blocks(html)
    if not blocks:
        return None
    texts = [block.text for block in blocks]
    return Document(make_lines(texts), outlet_key, dom_matrix(blocks, kept_shares(texts, kept_text)))
