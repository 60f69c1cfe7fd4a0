"""The HTML brief: self-contained, well-formed, escaped, citations with their evidence."""

from __future__ import annotations

import re

import pytest

from newsynth.records import Brief
from newsynth.render import render
from tests.render.checks import parse


@pytest.fixture
def page(brief: Brief) -> str:
    return render(brief, "html")


def test_page_is_well_formed(page: str) -> None:
    parsed = parse(page)
    assert page.startswith("<!DOCTYPE html>")
    assert parsed.errors == []
    assert parsed.open == []


def test_page_is_self_contained(page: str) -> None:
    parsed = parse(page)
    tags = {tag for tag, _ in parsed.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed"}
    assert all("src" not in attrs for _, attrs in parsed.tags)
    style = page[page.index("<style>") : page.index("</style>")]
    assert "url(" not in style and "@import" not in style
    assert "Content-Security-Policy" in page


def test_article_text_is_escaped(page: str) -> None:
    parsed = parse(page)
    text = "".join(parsed.text)
    assert "<script>" not in page and "<b>acted" not in page
    assert "Ferry fire <script>alert(1)</script> & rescue" in text  # shown literally
    assert "crew <b>acted</b> within minutes & kept" in text
    assert "<script>alert('removed')</script>" in text
    assert "Subscribe to the Ledger &amp; save 50%" in page


def test_links_are_internal_or_web_only(page: str) -> None:
    hrefs = [attrs["href"] or "" for tag, attrs in parse(page).tags if tag == "a"]
    assert "https://ledger.example/news/ferry?id=7&ref=wire" in hrefs  # attribute unescaped by the parser
    assert all(href.startswith(("#source-", "https://")) for href in hrefs)
    assert "javascript:" not in page


def test_every_citation_points_at_a_listed_source(brief: Brief, page: str) -> None:
    parsed = parse(page)
    ids = {attrs["id"] for _, attrs in parsed.tags if attrs.get("id")}
    targets = {attrs["href"] for tag, attrs in parsed.tags if tag == "a" and attrs["href"].startswith("#")}
    assert ids == {f"source-{n}" for n in range(1, len(brief.articles) + 1)}
    assert targets <= {f"#{i}" for i in ids}


def test_summary_citations_show_each_supporting_sentence(page: str) -> None:
    summary = page[page.index('<section class="summary">') : page.index("</section>")]
    sentences = summary.split('<span class="sentence">')[1:]
    assert len(sentences) == 3
    first = sentences[0]
    assert re.findall(r'href="#source-(\d+)">\[\d+\]', first) == ["1", "2", "3", "4"]
    pops = re.findall(r'<span class="pop" role="tooltip">(.*?)</span></span>', first)
    assert len(pops) == 4
    assert "Pinecrest Daily" in pops[3]
    assert "The Morning Heron caught fire shortly after leaving Lakemoor pier." in pops[3]
    assert "source of this sentence" in pops[0] and "source of this sentence" not in pops[3]


def test_sources_show_copies_drops_and_removed_lines(page: str) -> None:
    sources = page[page.index('<section class="sources">') :]
    first = sources[sources.index('<li id="source-1"') : sources.index('<li id="source-2"')]
    assert 'also carried by Harbor Tribune&nbsp;<a href="#source-2">[2]</a>, Valley Courier&nbsp;<a' in first
    assert "<details><summary>5 lines removed (2 navigation, 1 promo, 1 social, 1 other)</summary>" in first
    assert first.count("<li>") == 5  # every removed line, folded away
    assert sources.count('copy of <a href="#source-1">[1]</a>') == 2
    assert '<li id="source-5" value="5" class="dropped">' in sources
    assert "left out of the summary: cookie wall, no article text" in sources


def test_comparison_section(page: str) -> None:
    compare = page[page.index('<section class="compare">') : page.index('<section class="sources">')]
    for heading in ("Agreed by several sources", "Reported by one source only", "Conflicts", "Quotes"):
        assert f"<h3>{heading}</h3>" in compare
    assert "<strong>40 passengers</strong>" in compare and "<strong>45 passengers</strong>" in compare
    assert "Officials said 45 passengers were on board." in compare  # evidence popover
    assert "<th>Speaker</th><th>Quote</th><th>Outlets</th>" in compare
    assert "<q>acted in minutes | fast</q>" in compare
    assert "Bluewater Lines (organization)" in compare


def test_comparison_section_is_omitted_when_absent_or_empty(
    brief_without_comparison: Brief, brief_with_empty_comparison: Brief
) -> None:
    for made in (brief_without_comparison, brief_with_empty_comparison):
        page = render(made, "html")
        assert "How the sources compare" not in page
        assert parse(page).errors == []


def test_long_sections_fold_the_rest_away(crowded_brief: Brief) -> None:
    page = render(crowded_brief, "html")
    assert parse(page).errors == []
    compare = page[page.index('<section class="compare">') : page.index('<section class="sources">')]
    assert "<h3>Reported by some sources</h3>" in compare
    shown, folded = compare.split('<details class="more"><summary>4 more</summary>')
    assert "Detail number 8 of" in shown and "Detail number 9 of" not in shown
    assert "Detail number 9 of" in folded and "Detail number 12 of" in folded
    assert "they had been lucky (no quotation marks)" in compare


def test_a_disputed_summary_sentence_is_marked(disputed_brief: Brief) -> None:
    page = render(disputed_brief, "html")
    summary = page.split('<section class="summary">', 1)[1].split("</section>", 1)[0]
    assert summary.count('<span class="disputed">') == 1
    assert '<span class="disputed">(sources differ: number of passengers)</span></span>' in summary
