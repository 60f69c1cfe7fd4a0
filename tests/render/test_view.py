"""The shared view: source list, headline facts, comparison sections."""

from __future__ import annotations

from newsynth.records import (
    Article,
    Brief,
    Claim,
    ClaimSentence,
    Comparison,
    Entity,
    RemovedLine,
    Sentence,
    Story,
)
from newsynth.render.view import (
    NO_TEXT_REASON,
    article_count_phrase,
    comparison_view,
    date_range,
    headline,
    interleave_by_source,
    removed_summary,
    safe_url,
    short_origin,
    shorten,
    sources,
    summary_disputes,
)


def test_sources_resolve_copies_to_citation_numbers(brief: Brief) -> None:
    listed = sources(brief)
    assert [source.number for source in listed] == [1, 2, 3, 4, 5]
    assert listed[0].copies == [2, 3]
    assert [source.copy_of for source in listed] == [None, 1, 1, None, None]


def test_copy_chains_resolve_to_the_first_original() -> None:
    first = Article(id="a", origin="a.txt", raw_text="x", sentences=[Sentence("X.", "a", 0)])
    second = Article(id="b", origin="b.txt", raw_text="x", copy_of="a", sentences=[Sentence("X.", "b", 0)])
    third = Article(id="c", origin="c.txt", raw_text="x", copy_of="b", sentences=[Sentence("X.", "c", 0)])
    listed = sources(Brief(Story("s", [first, second, third]), "t", []))
    assert [source.copy_of for source in listed] == [None, 1, 1]
    assert listed[0].copies == [2, 3]


def test_dropped_reason_is_the_junk_reason_or_missing_text(brief: Brief) -> None:
    listed = sources(brief)
    assert listed[4].dropped_reason == "cookie wall, no article text"
    assert all(source.dropped_reason is None for source in listed[:4])
    empty = Article(id="e", origin="empty.txt", raw_text="   ")
    assert sources(Brief(Story("s", [empty]), "t", []))[0].dropped_reason == NO_TEXT_REASON


def test_headline_counts_articles_outlets_dates_copies_and_drops(brief: Brief) -> None:
    assert (
        headline(brief) == "5 articles from 5 outlets · 2026-04-02 to 2026-04-04 · 2 wire copies · 1 left out"
    )


def test_date_range_ignores_unreadable_dates_and_collapses_one_day() -> None:
    articles = [
        Article(id="a", origin="a", raw_text="", date="2026-01-05"),
        Article(id="b", origin="b", raw_text="", date="last Tuesday"),
        Article(id="c", origin="c", raw_text="", date="2026-01-05T10:00:00"),
    ]
    assert date_range(articles) == "2026-01-05"
    assert date_range([Article(id="d", origin="d", raw_text="")]) is None


def test_only_web_urls_are_links() -> None:
    assert safe_url("https://a.example/x") == "https://a.example/x"
    assert safe_url(" HTTP://a.example ") == "HTTP://a.example"
    for unsafe in ("javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd", "", None):
        assert safe_url(unsafe) is None


def test_shorten_cuts_at_a_word_with_an_ellipsis() -> None:
    assert shorten("short line") == "short line"
    cut = shorten("word " * 40, width=22)
    assert cut.endswith("…") and len(cut) <= 22 and "  " not in cut


def test_removed_summary_counts_reasons() -> None:
    lines = [RemovedLine("a", "nav"), RemovedLine("b", "nav"), RemovedLine("c", "promo")]
    assert removed_summary(lines) == "3 lines removed (2 nav, 1 promo)"
    assert removed_summary([RemovedLine("a", "nav")]) == "1 line removed (1 nav)"
    many = [*lines, RemovedLine("d", "share"), RemovedLine("e", "legal"), RemovedLine("f", "legal")]
    assert removed_summary(many) == "6 lines removed (2 nav, 2 legal, 1 promo, 1 other)"


def test_comparison_view_is_none_without_anything_to_show(
    brief_without_comparison: Brief, brief_with_empty_comparison: Brief
) -> None:
    assert comparison_view(brief_without_comparison) is None
    assert comparison_view(brief_with_empty_comparison) is None


def test_comparison_view_splits_claims_and_finds_lone_entities(brief: Brief) -> None:
    view = comparison_view(brief)
    assert view is not None
    assert [claim.status for claim in view.consensus] == ["consensus"]
    assert [claim.status for claim in view.single] == ["single"]
    assert [claim.status for claim in view.conflicts] == ["conflict"]
    # Ilse Varga is named by an original and its two wire copies: still one source.
    assert [entity.name for entity in view.lone_entities] == [
        "Ilse Varga",
        "Bluewater Lines",
    ]  # most mentioned
    assert view.total_sources == 2


def test_entities_shared_by_independent_sources_alone_are_not_lone(brief: Brief) -> None:
    brief.comparison = Comparison(entities=[Entity("Lakemoor", "place", {1: 1, 4: 1})])
    assert comparison_view(brief) is None


def test_single_source_claims_alternate_between_outlets() -> None:
    claims = [
        Claim(f"{n}-{k}", "single", [ClaimSentence(n, "x")], 1) for n, k in [(1, 1), (1, 2), (1, 3), (4, 1)]
    ]
    assert [claim.text for claim in interleave_by_source(claims)] == ["1-1", "4-1", "1-2", "1-3"]


def test_articles_without_outlet_are_named_by_a_short_origin() -> None:
    assert short_origin("in/nested/harbor-report.txt") == "harbor-report.txt"
    assert short_origin("feeds/day.jsonl:12") == "day.jsonl:12"
    assert short_origin("https://news.example/a/b?c=1") == "news.example"
    assert short_origin("<stdin>") == "<stdin>"
    article = Article(id="a", origin="in/nested/harbor-report.txt", raw_text="x")
    source = sources(Brief(Story("s", [article]), "t", []))[0]
    assert (source.label, source.origin_note) == ("harbor-report.txt", "in/nested/harbor-report.txt")


def test_headline_does_not_count_unknown_outlets_as_outlets() -> None:
    named = Article(id="a", origin="a.txt", raw_text="", outlet="Gull Post")
    unnamed = Article(id="b", origin="b.txt", raw_text="")
    assert article_count_phrase([named, unnamed]) == "2 articles, 1 outlet named"
    assert article_count_phrase([unnamed]) == "1 article"
    assert article_count_phrase([named]) == "1 article from 1 outlet"


def test_a_summary_sentence_stating_one_side_of_a_shown_conflict_is_disputed(disputed_brief: Brief) -> None:
    first, *_, disputed = disputed_brief.summary
    assert summary_disputes(disputed_brief, disputed) == ["number of passengers"]
    assert summary_disputes(disputed_brief, first) == []


def test_a_conflict_too_weak_to_show_disputes_nothing(disputed_brief: Brief) -> None:
    assert disputed_brief.comparison is not None
    for claim in disputed_brief.comparison.claims:
        for conflict in claim.conflicts:
            conflict.confidence = 0.1
    assert summary_disputes(disputed_brief, disputed_brief.summary[-1]) == []


def test_a_sentence_of_the_claim_that_does_not_state_its_value_is_not_disputed(disputed_brief: Brief) -> None:
    sentence = disputed_brief.summary[-1]
    sentence.text = "Officials said the passengers were on board."
    assert summary_disputes(disputed_brief, sentence) == []
