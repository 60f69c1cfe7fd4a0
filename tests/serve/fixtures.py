"""Invented articles for the service tests, one of them hostile: markup and script in every field."""

from __future__ import annotations

from pathlib import Path

from newsynth.ingest import read_paths
from newsynth.store import ArticleStore
from tests.conftest import EXAMPLE
from tests.group.fixtures import event_articles

HOSTILE_TITLE = "Brindlewick council <script>window.pwned = 'title'</script> debates footbridge"
HOSTILE = {
    "title": HOSTILE_TITLE,
    "outlet": "Brindlewick <img src=x onerror=\"window.pwned = 'outlet'\"> Gazette",
    "url": "javascript:window.pwned = 'url'",
    "date": "2031-05-02",
    "text": (
        "Brindlewick council met on Tuesday to decide the future of the Brindle Lane footbridge. "
        "<script>window.pwned = 'text'</script>\n\n"
        "Residents brought a petition <img src=x onerror=\"window.pwned = 'img'\"> signed by 300 people "
        "asking for the footbridge to reopen. "
        "Read it <a href=\"javascript:window.pwned = 'link'\">here</a>.\n\n"
        "The footbridge has been closed since March after inspectors found cracks in its main beam. "
        "Councillor Odile Varnham said repairs would start in June and cost about 80,000 pounds.\n\n"
        "Shopkeepers on Brindle Lane say the closure has cut the number of customers by a third."
    ),
}
FOLLOW_UP = {
    "title": "Brindle Lane footbridge repairs approved",
    "outlet": "Wickham Valley Post",
    "url": "https://wickhamvalleypost.example/news/brindle-footbridge",
    "date": "2031-05-03",
    "text": (
        "Brindlewick council on Tuesday approved repairs to the Brindle Lane footbridge, closed since March "
        "when inspectors found cracks in its main beam. Councillor Odile Varnham said the work would start "
        "in June and cost about 80,000 pounds. A petition signed by 300 residents had asked for the "
        "footbridge to reopen. Shopkeepers on Brindle Lane said the closure had cost them customers."
    ),
}


def fill_store(path: Path) -> None:
    """The bundled example story and the invented trial and other events."""
    articles = read_paths([str(EXAMPLE)]).articles + event_articles()[0]
    with ArticleStore(path) as store:
        store.ingest(articles)
