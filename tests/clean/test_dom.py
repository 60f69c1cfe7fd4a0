"""HTML pages as blocks of text with what the DOM says about them (invented page)."""

from __future__ import annotations

import numpy as np

from newsynth.clean.dom import DOM_FEATURES, html_document, kept_shares, page_blocks

PAGE = """<!doctype html><html><head><title>Ferry refloated | Lowmere Courier</title>
<script>var tracking = 1;</script></head><body>
<nav class="site-menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article class="story-body">
<h1>Ferry refloated at high tide</h1>
<p>The ferry Northern Gull was pulled off the sandbank on Thursday by two harbour tugs.</p>
<p>Divers found only scratches on the hull, the operator said.<!-- ad -->
Crossings resume on Saturday.</p>
<figure><figcaption class="photo-credit">Tugs at work. Photo: Ivo Brandt</figcaption></figure>
</article>
<footer id="page-footer"><p>Copyright 2021 Lowmere Courier</p></footer>
</body></html>"""


def test_blocks_come_in_page_order_without_scripts():
    texts = [block.text for block in page_blocks(PAGE)]
    assert texts[0] == "Ferry refloated | Lowmere Courier"
    assert texts[1:3] == ["Home", "News"]
    assert (
        "Divers found only scratches on the hull, the operator said. Crossings resume on Saturday." in texts
    )
    assert not any("tracking" in text for text in texts)


def test_blocks_know_their_element_links_and_class_words():
    blocks = {block.text: block for block in page_blocks(PAGE)}
    assert blocks["Home"].link_chars == len("Home") and "navigation" in blocks["Home"].cues
    assert blocks["Ferry refloated at high tide"].element == "heading"
    assert "article" in blocks["Ferry refloated at high tide"].cues
    assert "caption" in blocks["Tugs at work. Photo: Ivo Brandt"].cues
    assert "footer" in blocks["Copyright 2021 Lowmere Courier"].enclosing


def test_kept_share_is_the_share_of_a_line_in_the_extracted_text():
    shares = kept_shares(
        ["the ferry was pulled off the sandbank", "Home", "news of the day"], "The ferry was pulled off"
    )
    assert shares.tolist()[:2] == [0.5, 0.0]  # 2 of the 4 shingles of the first line


def test_an_html_document_has_one_row_of_dom_features_per_line():
    document = html_document(
        PAGE, "The ferry Northern Gull was pulled off the sandbank on Thursday by two harbour tugs."
    )
    assert document is not None
    assert document.dom.shape == (len(document.lines), len(DOM_FEATURES))
    kept = document.dom[:, DOM_FEATURES.index("trafilatura kept it")]
    assert np.flatnonzero(kept == 1.0).tolist() == [4]


def test_a_page_without_text_blocks_gives_no_document():
    assert html_document("<html><body><script>x()</script></body></html>", "") is None


def test_a_page_that_declares_its_encoding_is_read():
    page = (
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>Tugs pulled the ferry free.</p></body></html>'
    )
    assert [block.text for block in page_blocks(page)] == ["Tugs pulled the ferry free."]
