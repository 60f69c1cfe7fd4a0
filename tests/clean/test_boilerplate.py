"""Each kind of page furniture is removed, article content is kept (invented pages)."""

from __future__ import annotations

import pytest

from newsynth.clean import clean_articles
from newsynth.ingest import article_from_text

from .helpers import removed_reasons, story_articles


@pytest.fixture(scope="module")
def cleaned():
    return {article.origin.rsplit("/", 1)[-1]: article for article in clean_articles(story_articles())}


@pytest.mark.parametrize(
    ("page", "line", "reason"),
    [
        ("courier.txt", "Skip to main content", "skip link"),
        ("courier.txt", "Menu", "menu"),
        ("courier.txt", "Home » News » Local", "breadcrumb menu"),
        ("courier.txt", "Share this article", "share/follow prompt"),
        ("courier.txt", "Like us on Facebook", "share/follow prompt"),
        ("courier.txt", "Follow us on Twitter", "share/follow prompt"),
        ("courier.txt", "Copyright © 2021 Lowmere Courier. All rights reserved.", "copyright/legal notice"),
        ("courier.txt", "March 3, 2021 at 7:42 PM", "date/timestamp line"),
        ("courier.txt", "By Tessa Marlow", "byline"),
        ("bayline.txt", "Posted at 9:05 PM, Mar 3, 2021", "date/timestamp line"),
        ("bayline.txt", "Real Time Analytics", "site widget"),
        ("bayline.txt", "ab/cd (Reuters, AFP)", "sign-off"),
        ("bayline.txt", "Advertisement", "advertisement"),
        ("bayline.txt", "Accessibility links", "menu"),
        ("bayline.txt", "Kai Lund/Bayline News", "photo caption/credit"),
    ],
)
def test_furniture_line_is_removed_with_its_reason(cleaned, page, line, reason):
    article = cleaned[page]
    assert removed_reasons(article).get(line) == reason
    assert line not in article.clean_text


def test_photo_captions_and_credits_are_removed(cleaned):
    courier, bayline = cleaned["courier.txt"], cleaned["bayline.txt"]
    assert "is seen on a sandbank" not in courier.clean_text  # caption with "(Photo: ...)" credit
    assert "Rescue workers wait on the quay" not in bayline.clean_text  # caption above a credit line
    assert removed_reasons(bayline)[
        "Rescue workers wait on the quay as the stranded ferry is seen in the distance"
    ]


def test_site_name_line_fills_the_outlet(cleaned):
    courier = cleaned["courier.txt"]
    assert removed_reasons(courier)["LOWMERE COURIER"] == "site name"
    assert courier.outlet == "Lowmere Courier"


def test_menu_lines_at_the_top_are_removed(cleaned):
    removed = removed_reasons(cleaned["bayline.txt"])
    assert "Breaking News" in removed


def test_related_links_below_the_article_are_removed(cleaned):
    courier = cleaned["courier.txt"]
    for teaser in (
        "Related stories",
        "Storm closes island ferry route for a week",
        "New pier opens at Skarra after two years of works",
        "Lowmere council votes on harbour dredging plan",
    ):
        assert teaser in removed_reasons(courier)
        assert teaser not in courier.clean_text


def test_read_more_link_inside_the_body_is_removed(cleaned):
    bayline = cleaned["bayline.txt"]
    assert "Read more: Island ferry timetable changes for the spring" in removed_reasons(bayline)


def test_every_body_paragraph_quote_and_subhead_is_kept(cleaned):
    courier = cleaned["courier.txt"]
    assert courier.clean_text.startswith("LOWMERE — A passenger ferry ran aground")
    assert '"The crew did everything right. Nobody was hurt' in courier.clean_text
    assert "Rescue in the fog" in courier.clean_text  # a subheading inside the article stays
    assert courier.clean_text.rstrip().endswith("examine the ship's navigation records.")
    assert len(courier.clean_text.split("\n\n")) == 7


def test_headline_is_the_title_not_a_body_sentence(cleaned):
    courier = cleaned["courier.txt"]
    headline = "Ferry runs aground off Lowmere harbour, 40 passengers rescued"
    assert courier.title == headline
    assert removed_reasons(courier)[headline] == "headline"
    assert all(headline not in sentence.text for sentence in courier.sentences)


@pytest.mark.xfail(
    strict=True,
    reason="known limit of the line model: its training pages repeat few lines but menus, which other "
    "features already give away, so a repeated sentence-like promo weighs little",
)
def test_lines_repeated_across_pages_of_one_outlet_are_furniture():
    promo = "Courier Plus members get the morning edition before anyone else"
    first = "\n".join(
        [
            "Harbour dredging plan approved by Lowmere council",
            "The council voted on Tuesday to deepen the harbour channel, a project costing several million.",
            promo,
            "Work on the channel will start in the autumn and last about eighteen months, officials said.",
        ]
    )
    second = "\n".join(
        [
            "New timetable for island ferries",
            "Skarra Lines will add two evening crossings from May, the company said on Monday.",
            promo,
            "Fares will stay the same for islanders who hold a resident card, the operator added.",
        ]
    )
    url = "https://www.lowmerecourier.example/a"
    articles = clean_articles(
        [article_from_text(first, "one", url=url), article_from_text(second, "two", url=url + "b")]
    )
    for article in articles:
        assert removed_reasons(article)[promo] == "repeated across documents"
    assert "deepen the harbour channel" in articles[0].clean_text


def test_prose_shared_by_different_outlets_is_kept(cleaned):
    # The wire paragraph appears at two outlets: it is content (the copy is flagged, not the text cut).
    sentence = "Skarra Lines has cancelled all crossings until Friday"
    assert sentence in cleaned["bayline.txt"].clean_text
    assert sentence in cleaned["harbourwire.txt"].clean_text


def test_hard_wrapped_text_is_joined_into_paragraphs():
    text = "\n".join(
        [
            "Lowmere harbour reopens after ferry is refloated",
            "LOWMERE - The harbour reopened on Thursday after the stranded",
            "ferry Northern Gull was pulled off the sandbank at high tide by",
            "two tugs, the port authority said in a short statement.",
            "Divers found only minor damage to the hull and the vessel was",
            "towed to the shipyard at Skarra for a full inspection before",
            "it returns to service later this month, the operator said.",
        ]
    )
    article = clean_articles([article_from_text(text, "wrapped")])[0]
    assert article.removed_lines == [article.removed_lines[0]]  # only the headline
    assert [s.text for s in article.sentences] == [
        "The harbour reopened on Thursday after the stranded ferry Northern Gull was pulled off the sandbank "
        "at high tide by two tugs, the port authority said in a short statement.",
        "Divers found only minor damage to the hull and the vessel was towed to the shipyard at Skarra for a "
        "full inspection before it returns to service later this month, the operator said.",
    ]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("We use cookies to give you the best experience on our website.", "cookie notice"),
        ("Facebook Twitter Email", "social-media buttons"),
        ("Image caption Rescue crews gathered on the quay", "caption widget"),
        ("A tug pulls the ferry off the sandbank. (Northwire Photo/Ivo Brandt)", "photo caption/credit"),
        ("3 of 12", "gallery counter"),
        ("MORE: Island ferry timetable changes", "related-content widget"),
        ("Follow Tessa Marlow on Twitter", "author/sign-off prompt"),
        ("This article originally appeared on Bayline News.", "author/sign-off prompt"),
    ],
)
def test_generic_furniture_inside_an_article(line, reason):
    page = "\n".join(
        [
            "Ferry refloated at high tide",
            "The ferry Northern Gull was pulled off the sandbank on Thursday morning by two harbour tugs.",
            line,
            "Divers had checked the hull overnight and found only scratches, the operator said.",
            "Crossings to Skarra will resume on Saturday with a replacement vessel, the company added.",
        ]
    )
    article = clean_articles([article_from_text(page, "one")])[0]
    assert removed_reasons(article).get(line) == reason


def test_an_article_about_cookies_keeps_its_sentences():
    page = "\n".join(
        [
            "Bakery wins prize",
            "The Lowmere bakery's oat cookies won first prize at the county show on Saturday, judges said.",
            "Its cookies have been baked to the same recipe since 1952, the owner told reporters.",
        ]
    )
    article = clean_articles([article_from_text(page, "one")])[0]
    assert len(article.sentences) == 2


def test_two_versions_of_a_story_at_one_outlet_keep_their_shared_paragraphs():
    shared = (
        "All 40 passengers and six crew members were rescued on Wednesday after the ferry Northern Gull "
        "ran aground in thick fog near the port of Lowmere, the coastguard said."
    )
    first = f"Ferry grounds near Lowmere\n{shared}\nThe operator has cancelled all crossings until Friday."
    second = (
        f"Update: ferry grounds near Lowmere\n{shared}\nInvestigators arrive on Thursday, officials said."
    )
    url = "https://baylinenews.example/"
    articles = clean_articles(
        [article_from_text(first, "v1", url=url + "v1"), article_from_text(second, "v2", url=url + "v2")]
    )
    assert all(shared in article.clean_text for article in articles)


def test_article_sentences_that_use_furniture_words_are_kept():
    body = [
        "Streaming service adds subscribers",
        "The Lowmere streaming service gained 40,000 subscribers in the spring, helped by its newsletter.",
        "By Tuesday, the company had also settled a copyright dispute over its privacy policy.",
        "Officials from Skarra, Lowmere, Brindlefield, Northshire and Calder attended the launch.",
        "Analysts said the service would share this information with investors at its annual meeting.",
        "The chief executive declined to give further comments on the results.",
        "He did not respond to requests for comment",
    ]
    article = clean_articles([article_from_text("\n".join(body), "one")])[0]
    assert [removed.text for removed in article.removed_lines] == [body[0]]  # only the headline


def test_closing_paragraph_after_an_ad_slot_is_kept_but_related_blurbs_are_not():
    page = "\n".join(
        [
            "Ferry refloated at high tide",
            "The ferry Northern Gull was pulled off the sandbank on Thursday morning by two harbour tugs.",
            "Divers had checked the hull overnight and found only scratches, the operator said.",
            "Advertisement",
            "Crossings will resume on Saturday with a replacement boat, the company said.",
            "You may also like",
            "Storm Closes Island Ferry Route For A Week",
            "Islanders are stocking up on supplies before the gales arrive this weekend.",
        ]
    )
    article = clean_articles([article_from_text(page, "one")])[0]
    assert "Crossings will resume on Saturday" in article.clean_text
    assert "Islanders are stocking up" not in article.clean_text
    assert "Storm Closes Island Ferry Route For A Week" not in article.clean_text


@pytest.mark.xfail(
    strict=True,
    reason="known limit of the line model since clean-model-3: on a five-line page the last paragraph, two "
    "lines below an ad slot under a title-case subheading, gets P(content) 0.44 against the threshold 0.5 "
    "(it was just above before); the site-grouped CV, not this page, chose the model",
)
def test_a_subheaded_last_paragraph_after_an_ad_slot_is_kept():
    page = "\n".join(
        [
            "Ferry refloated at high tide",
            "The ferry Northern Gull was pulled off the sandbank on Thursday morning by two harbour tugs.",
            "Divers had checked the hull overnight and found only scratches, the operator said.",
            "Advertisement",
            "What Happens Next",
            "The safety board will publish its findings in June, a spokeswoman for the board said.",
        ]
    )
    article = clean_articles([article_from_text(page, "one")])[0]
    assert "The safety board will publish its findings in June" in article.clean_text
