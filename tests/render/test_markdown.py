"""The Markdown brief."""

from __future__ import annotations

import re

from newsynth.records import Brief
from newsynth.render import render


def section(text: str, heading: str) -> str:
    """The text under a ``## heading`` up to the next ``## ``."""
    start = text.index(f"## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def test_title_headline_and_cited_summary(brief: Brief) -> None:
    text = render(brief, "md")
    lines = text.splitlines()
    assert lines[0].startswith("# Ferry fire")
    assert "5 articles from 5 outlets" in lines[2]
    summary = lines[4]
    assert "near Lakemoor on Tuesday. [1][2][3][4] The ferry operator" in summary
    assert "suspended its evening service. [4]" in summary


def test_every_summary_sentence_is_followed_by_its_citations(brief: Brief) -> None:
    summary = render(brief, "md").splitlines()[4]
    cited = re.findall(r"((?:\[\d+\])+)", summary)
    expected = ["".join(f"[{n}]" for n in s.supporting_articles) for s in brief.summary]
    assert cited == expected


def test_sources_show_copies_carriers_drops_and_cleaning(brief: Brief) -> None:
    sources = section(render(brief, "md"), "Sources")
    assert "1. **Lakemoor Ledger**" in sources
    assert "(<https://ledger.example/news/ferry?id=7&ref=wire>)" in sources
    assert "also carried by Harbor Tribune [2], Valley Courier [3] (one source of evidence)" in sources
    assert sources.count("copy of [1]") == 2
    assert "5. **Clickbait Hub**" in sources
    assert "left out of the summary: cookie wall, no article text" in sources
    assert "5 lines removed (2 navigation, 1 promo, 1 social, 1 other)" in sources
    assert "“Subscribe to the Ledger & save 50%”" in sources
    assert "and 2 more" in sources
    assert "Most read today" not in sources  # only the first few removed lines


def test_unsafe_urls_are_not_links(brief: Brief) -> None:
    text = render(brief, "md")
    assert "javascript:" not in text
    assert "“Ferry fire & rescue”" in section(text, "Sources")


def test_comparison_section(brief: Brief) -> None:
    compare = section(render(brief, "md"), "How the sources compare")
    assert "### Agreed by several sources" in compare
    assert "- The ferry Morning Heron caught fire near Lakemoor. [1][2][4] (2 of 2 sources)" in compare
    assert "- Bluewater Lines suspended its evening service. — Pinecrest Daily [4]" in compare
    assert (
        "  - number of passengers: 40 passengers in Lakemoor Ledger [1]; 45 passengers in Pinecrest Daily [4]"
        in compare
    )
    assert "| Speaker | Quote | Outlets |" in compare
    assert "| Ilse Varga | “acted within minutes”" in compare
    assert "“acted in minutes \\| fast”" in compare  # a pipe in a quote does not break the table
    assert "### Named by one source only" in compare
    assert "- Bluewater Lines (organization) — Pinecrest Daily [4]" in compare
    assert "Lakemoor (place)" not in compare  # named by two independent sources


def test_comparison_section_is_omitted_when_absent_or_empty(
    brief_without_comparison: Brief, brief_with_empty_comparison: Brief
) -> None:
    for made in (brief_without_comparison, brief_with_empty_comparison):
        text = render(made, "md")
        assert "How the sources compare" not in text
        assert "## Sources" in text


def test_skipped_inputs_section(brief: Brief) -> None:
    assert "- inputs/broken.bin: binary file, not text" in section(render(brief, "md"), "Skipped inputs")
    brief.skipped = []
    assert "Skipped inputs" not in render(brief, "md")


def test_article_text_cannot_inject_markup(brief: Brief) -> None:
    text = render(brief, "md")
    assert "<script>" not in text
    assert "<b>" not in text
    assert "\\<script\\>alert(1)\\</script\\>" in text.splitlines()[0]


def test_long_sections_are_cut_with_a_count(crowded_brief: Brief) -> None:
    compare = section(render(crowded_brief, "md"), "How the sources compare")
    assert "### Reported by some sources\n\n- Two rescue boats took part. [1][4] (2 of 2 sources)" in compare
    assert "Detail number 8 of" in compare and "Detail number 9 of" not in compare
    assert "*…and 4 more (the JSON brief lists them all).*" in compare
    assert "Pinecrest Daily [4]: they had been lucky (no quotation marks)" in compare
    assert "| unattributed | “we were lucky”" in compare


def test_an_article_without_outlet_is_named_by_its_file(brief: Brief) -> None:
    brief.articles[3].outlet = None
    text = render(brief, "md")
    assert "- Bluewater Lines suspended its evening service. — article4.html [4]" in text
    assert "4. **article4.html** · [Morning Heron" in text
    assert "by Tomas Reyl · from inputs/article4.html" in text


def test_a_disputed_summary_sentence_says_what_the_sources_differ_on(disputed_brief: Brief) -> None:
    text = render(disputed_brief, "md")
    assert "Officials said 45 passengers were on board. [4] *(sources differ: number of passengers)*" in text
    assert text.count("sources differ") == 1
