"""HTML input: the page's blocks judged with what the DOM and trafilatura say (invented page)."""

from __future__ import annotations

from newsynth.clean import clean_articles
from newsynth.ingest.html import article_from_html

PARAGRAPHS = [
    "The ferry Northern Gull was pulled off the sandbank on Thursday morning by two harbour tugs, "
    "the port authority of Lowmere said in a statement.",
    "Divers had checked the hull overnight and found only scratches, the operator said, and the "
    "vessel was towed to the shipyard at Skarra for a full inspection.",
    "Crossings to Skarra will resume on Saturday with a replacement vessel, the company added, and "
    "passengers holding tickets for Friday can use them on any later crossing.",
    "The coastguard said the fog that caused the grounding had lifted by midday and that no fuel "
    "had leaked from the ship while it was stuck on the sandbank.",
]
MENU = ["Home", "News", "Sport", "Weather", "Subscribe"]
PAGE = (
    "<!doctype html><html><head><title>Ferry refloated | Lowmere Courier</title></head><body>"
    '<nav class="main-menu"><ul>'
    + "".join(f'<li><a href="/{item.lower()}">{item}</a></li>' for item in MENU)
    + '</ul></nav><main><article class="story"><h1>Ferry refloated at high tide</h1>'
    + "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    + '</article><aside class="related"><h3>Most read</h3><ul>'
    + '<li><a href="/a">Storm closes island route for a week</a></li>'
    + '<li><a href="/b">Harbour festival returns in June</a></li></ul></aside></main>'
    + '<footer class="site-footer"><p>© 2021 Lowmere Courier. All rights reserved.</p></footer></body></html>'
)


def test_an_html_page_keeps_its_paragraphs_and_loses_menus_and_widgets():
    (article,) = clean_articles(
        [article_from_html(PAGE, "ferry.html", url="https://lowmerecourier.example/f")]
    )
    for paragraph in PARAGRAPHS:
        assert paragraph in article.clean_text
    for furniture in ("Subscribe", "Most read", "Storm closes island route", "All rights reserved"):
        assert furniture not in article.clean_text
