"""The HTML pages: list, story and article pages, hostile text shown as text, live change events."""

from __future__ import annotations

import re
from pathlib import Path

from newsynth.serve import ServeSettings
from tests.serve.conftest import client_for
from tests.serve.fixtures import FOLLOW_UP, HOSTILE


def biggest_story_id(client) -> str:
    return client.get("/api/stories", params={"sort": "biggest"}).json()["stories"][0]["id"]


def test_the_list_page_shows_stories_with_their_coverage_strip(client) -> None:
    page = client.get("/", params={"q": "crane"})
    assert page.status_code == 200
    assert "1 story matching “crane”" in page.text
    assert page.text.count('class="story"') == 1
    assert re.search(
        r'<div class="strip"[^>]*>(<i style="background:hsl\(\d+ 55% 50%\)" title="[^"]+"></i>){5}', page.text
    )
    assert "5 articles · 5 outlets" in page.text
    fragment = client.get("/fragments/stories", params={"q": "crane"})
    assert 'class="story"' in fragment.text and "<html" not in fragment.text


def test_a_story_page_shows_the_brief_with_citation_evidence_sources_and_timeline(client) -> None:
    story_id = biggest_story_id(client)
    page = client.get(f"/stories/{story_id}").text
    assert '<span class="pop" role="tooltip">' in page  # the supporting sentence of each citation
    assert "<h2>Sources</h2>" in page and "<h2>Timeline</h2>" in page
    assert page.count('href="/articles/') == 5
    assert 'data-fragment="/fragments/stories/' in page and '<script src="/static/app.js" defer>' in page


def test_an_article_page_shows_clean_text_and_removed_lines_with_reasons(client) -> None:
    story_id = biggest_story_id(client)
    article_id = client.get(f"/api/stories/{story_id}").json()["articles"][0]["id"]
    page = client.get(f"/articles/{article_id}").text
    assert "Removed lines (17)" in page  # every furniture line of the fixture page
    assert '<span class="reason">subscription prompt</span>' in page
    assert "Skip to main content" in page  # listed among the removed lines, not in the text
    text = page.split('<section class="article-text">')[1].split("</section>")[0]
    assert "Skip to main content" not in text and "crane" in text


def test_hostile_text_is_escaped_everywhere_and_pages_forbid_inline_script(tmp_path: Path) -> None:
    with client_for(ServeSettings(store=tmp_path / "hostile.sqlite", warm=False)) as client:
        posted = client.post("/api/articles", json=[HOSTILE, FOLLOW_UP]).json()
        story_id = posted["story_ids"][0]
        pages = [
            client.get("/"),
            client.get(f"/stories/{story_id}"),
            client.get(f"/articles/{posted['articles'][0]['id']}"),
            client.get("/", params={"q": "<script>"}),
        ]
        for page in pages:
            assert page.status_code == 200
            assert "script-src 'self';" in page.headers["content-security-policy"]
            body = page.text
            assert re.findall(r"<script\b[^>]*>", body) == ['<script src="/static/app.js" defer>']
            assert "<img" not in body and 'href="javascript:' not in body and 'onerror="' not in body
        article = pages[2].text
        assert "&lt;script&gt;window.pwned = &#x27;text&#x27;&lt;/script&gt;" in article  # shown as text


def test_the_event_stream_announces_new_articles(tmp_path: Path) -> None:
    settings = ServeSettings(
        store=tmp_path / "live.sqlite", warm=False, events_seconds=1.0, events_poll_s=0.05
    )
    with client_for(settings) as client:
        client.post("/api/articles", json=FOLLOW_UP)
        stream = client.get("/events", params={"since": 0}).text  # ends after events_seconds
    assert "retry: 3000" in stream
    assert "event: change\ndata: 1\n" in stream
