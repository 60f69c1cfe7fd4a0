"""A constructed brief (invented story, outlets and people) for the render tests.

Articles: [1] original wire story, [2] and [3] copies of it, [4] an independent report,
[5] a junk page left out of the summary. Titles and sentences carry ``<script>`` and ``&``
so that the escaping of every format is exercised.
"""

from __future__ import annotations

import pytest

from newsynth.records import (
    Article,
    Brief,
    Claim,
    ClaimSentence,
    Comparison,
    Conflict,
    Entity,
    Quote,
    QuoteVariant,
    RemovedLine,
    Sentence,
    Skipped,
    Story,
    SummarySentence,
    Support,
)

WIRE_TEXT = (
    "A fire broke out on the ferry Morning Heron near Lakemoor on Tuesday. "
    "All 40 passengers were taken ashore by two rescue boats. "
    'Captain Ilse Varga said the crew "acted within minutes" & kept everyone calm.'
)
PINECREST_TEXT = (
    "The Morning Heron caught fire shortly after leaving Lakemoor pier. "
    "Officials said 45 passengers were on board. "
    "The ferry operator, Bluewater Lines, suspended its evening service."
)


def make_article(number: int, text: str, **fields) -> Article:
    article_id = f"art{number}"
    sentences = [
        Sentence(text=part.strip() + ".", article_id=article_id, index=i)
        for i, part in enumerate(text.split(". "))
        if part.strip()
    ]
    return Article(
        id=article_id,
        origin=f"inputs/article{number}.html",
        raw_text=text,
        clean_text=text,
        sentences=sentences,
        **fields,
    )


def sample_articles() -> list[Article]:
    wire_lines = [
        RemovedLine("Subscribe to the Ledger & save 50%", "promo"),
        RemovedLine("Share on social media", "social"),
        RemovedLine("<script>alert('removed')</script>", "markup"),
        RemovedLine("Skip to content", "navigation"),
        RemovedLine("Most read today", "navigation"),
    ]
    return [
        make_article(
            1,
            WIRE_TEXT,
            url="https://ledger.example/news/ferry?id=7&ref=wire",
            outlet="Lakemoor Ledger",
            title="Ferry fire <script>alert(1)</script> & rescue",
            date="2026-04-02",
            byline="Northwire staff",
            removed_lines=wire_lines,
        ),
        make_article(
            2,
            WIRE_TEXT,
            url="https://tribune.example/ferry-fire",
            outlet="Harbor Tribune",
            title="Ferry fire and rescue",
            date="2026-04-02",
            copy_of="art1",
        ),
        make_article(
            3,
            WIRE_TEXT,
            url="javascript:alert(3)",
            outlet="Valley Courier",
            title="Ferry fire & rescue",
            date="2026-04-03",
            copy_of="art1",
        ),
        make_article(
            4,
            PINECREST_TEXT,
            url="https://pinecrest.example/heron",
            outlet="Pinecrest Daily",
            title="Morning Heron burns off Lakemoor",
            date="2026-04-04",
            byline="Tomas Reyl",
        ),
        Article(
            id="art5",
            origin="inputs/article5.html",
            raw_text="Accept cookies to continue",
            outlet="Clickbait Hub",
            title="You won't believe this ferry",
            junk_reason="cookie wall, no article text",
        ),
    ]


def sample_summary() -> list[SummarySentence]:
    return [
        SummarySentence(
            text="A fire broke out on the ferry Morning Heron near Lakemoor on Tuesday.",
            source_article=1,
            supporting_articles=[1, 2, 3, 4],
            support=[
                Support(1, "A fire broke out on the ferry Morning Heron near Lakemoor on Tuesday.", 1.0),
                Support(2, "A fire broke out on the ferry Morning Heron near Lakemoor on Tuesday.", 1.0),
                Support(3, "A fire broke out on the ferry Morning Heron near Lakemoor on Tuesday.", 1.0),
                Support(4, "The Morning Heron caught fire shortly after leaving Lakemoor pier.", 0.61234567),
            ],
        ),
        SummarySentence(
            text="The ferry operator, Bluewater Lines, suspended its evening service.",
            source_article=4,
            supporting_articles=[4],
            support=[Support(4, "The ferry operator, Bluewater Lines, suspended its evening service.", 1.0)],
        ),
        SummarySentence(
            text="Captain Ilse Varga said the crew <b>acted</b> within minutes & kept everyone calm.",
            source_article=1,
            supporting_articles=[1, 2, 3],
            support=[
                Support(n, "Captain Ilse Varga said the crew acted within minutes.", 0.9) for n in (1, 2, 3)
            ],
        ),
    ]


def sample_comparison() -> Comparison:
    return Comparison(
        claims=[
            Claim(
                text="The ferry Morning Heron caught fire near Lakemoor.",
                status="consensus",
                sentences=[
                    ClaimSentence(1, "A fire broke out on the ferry Morning Heron near Lakemoor on Tuesday."),
                    ClaimSentence(2, "A fire broke out on the ferry Morning Heron near Lakemoor on Tuesday."),
                    ClaimSentence(4, "The Morning Heron caught fire shortly after leaving Lakemoor pier."),
                ],
                independent_sources=2,
            ),
            Claim(
                text="Bluewater Lines suspended its evening service.",
                status="single",
                sentences=[
                    ClaimSentence(4, "The ferry operator, Bluewater Lines, suspended its evening service.")
                ],
                independent_sources=1,
            ),
            Claim(
                text="The number of passengers on board.",
                status="conflict",
                sentences=[
                    ClaimSentence(1, "All 40 passengers were taken ashore by two rescue boats."),
                    ClaimSentence(4, "Officials said 45 passengers were on board."),
                ],
                independent_sources=2,
                conflicts=[
                    Conflict(
                        "number",
                        {4: "45 passengers", 1: "40 passengers"},
                        "number of passengers: [1] 40 passengers, [4] 45 passengers",
                    )
                ],
            ),
        ],
        quotes=[
            Quote(
                speaker="Ilse Varga",
                text="acted within minutes",
                articles=[1, 2, 3],
                variants=[
                    QuoteVariant("acted within minutes", [1, 2]),
                    QuoteVariant("acted in minutes | fast", [3]),
                ],
            )
        ],
        entities=[
            Entity("Bluewater Lines", "organization", {4: 2}),
            Entity("Ilse Varga", "person", {1: 1, 2: 1, 3: 1}),
            Entity("Lakemoor", "place", {1: 1, 2: 1, 3: 1, 4: 2}),
        ],
    )


def build_brief(comparison: Comparison | None) -> Brief:
    return Brief(
        story=Story(id="story-heron", articles=sample_articles()),
        title="Ferry fire <script>alert(1)</script> & rescue",
        summary=sample_summary(),
        comparison=comparison,
        skipped=[Skipped("inputs/broken.bin", "binary file, not text")],
    )


def crowded_comparison() -> Comparison:
    """More single-source claims than a brief lists, a partial claim, a paraphrased quote."""
    singles = [
        Claim(f"Detail number {k} of the rescue.", "single", [ClaimSentence(4, f"Detail {k}.")], 1)
        for k in range(1, 13)
    ]
    partial = Claim(
        "Two rescue boats took part.",
        "partial",
        [ClaimSentence(1, "Two rescue boats came."), ClaimSentence(4, "Two boats helped.")],
        2,
    )
    quote = Quote(
        speaker=None,
        text="we were lucky",
        articles=[1, 4],
        variants=[QuoteVariant("we were lucky", [1]), QuoteVariant("they had been lucky", [4], direct=False)],
    )
    return Comparison(claims=[partial, *singles], quotes=[quote])


@pytest.fixture
def crowded_brief() -> Brief:
    return build_brief(crowded_comparison())


@pytest.fixture
def brief() -> Brief:
    return build_brief(sample_comparison())


@pytest.fixture
def disputed_brief() -> Brief:
    """The sample brief whose summary also states one side of the passenger count the sources dispute."""
    brief = build_brief(sample_comparison())
    disputed = "Officials said 45 passengers were on board."
    brief.summary.append(SummarySentence(disputed, 4, [4], [Support(4, disputed, 1.0)]))
    return brief


@pytest.fixture
def brief_without_comparison() -> Brief:
    return build_brief(None)


@pytest.fixture
def brief_with_empty_comparison() -> Brief:
    return build_brief(Comparison())
