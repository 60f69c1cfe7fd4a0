"""The JSON API over a filled store: listing, search, filters, briefs, posting articles, errors."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from newsynth.serve import ServeSettings
from newsynth.serve.service import LOOPBACK_HOSTS
from tests.conftest import ROOT
from tests.serve.conftest import client_for
from tests.serve.fixtures import FOLLOW_UP, HOSTILE

BRIEF_SCHEMA = json.loads((ROOT / "docs" / "brief.schema.json").read_text(encoding="utf-8"))


def test_stories_are_listed_newest_or_biggest_first_with_outlets_and_dates(client) -> None:
    listing = client.get("/api/stories").json()
    assert listing["total"] == 5  # the harbour crane story and the four invented trial/strike events
    days = [story["last_day"] for story in listing["stories"]]
    assert days == sorted(days, reverse=True)  # undated articles count from the day they arrived
    biggest = client.get("/api/stories", params={"sort": "biggest"}).json()
    first = biggest["stories"][0]
    assert first["title"].startswith("Crane collapses onto quay at Calderhaven")
    assert (first["articles"], first["outlets"]) == (5, 5)
    assert first["first_day"] == first["last_day"] == "2025-10-14"
    assert "Meridian Wire" in first["outlet_names"]
    untitled = biggest["stories"][1]  # no title anywhere: the start of its first article stands in
    assert untitled["title"].endswith("…") and len(untitled["title"]) <= 80


def test_search_filters_and_paging(client) -> None:
    crane = client.get("/api/stories", params={"q": "crane Calderhaven"}).json()
    assert [s["title"][:6] for s in crane["stories"]] == ["Crane "]
    odd = client.get("/api/stories", params={"q": 'crane AND (" NEAR* -'})  # words only, no FTS syntax
    assert odd.status_code == 200 and odd.json()["total"] == 1
    assert client.get("/api/stories", params={"q": "Kelbrook"}).json()["total"] == 2  # verdict, sentence
    by_outlet = client.get("/api/stories", params={"outlet": "meridian wire"}).json()
    assert by_outlet["total"] == 1
    assert client.get("/api/stories", params={"since": "2025-10-15"}).json()["total"] == 4
    assert client.get("/api/stories", params={"until": "2025-10-14"}).json()["total"] == 1
    second = client.get("/api/stories", params={"per_page": 2, "page": 2}).json()
    assert (second["page"], len(second["stories"])) == (2, 2)


def test_a_story_brief_is_the_documented_json_and_is_cached_per_version(client, filled_store: Path) -> None:
    story_id = client.get("/api/stories", params={"sort": "biggest"}).json()["stories"][0]["id"]
    brief = client.get(f"/api/stories/{story_id}").json()
    jsonschema.validate(brief, BRIEF_SCHEMA)
    assert brief["story_id"] == story_id and len(brief["articles"]) == 5
    listed = client.get("/api/stories", params={"sort": "biggest"}).json()["stories"][0]
    assert listed["independent_sources"] == 4  # known once the brief is built: one wire copy
    service = client.app.state.service
    built = []
    original = service.briefs.build
    service.briefs.build = lambda sid: built.append(sid) or original(sid)
    client.get(f"/api/stories/{story_id}")
    client.get(f"/stories/{story_id}")
    assert built == []  # served from the cache while the story is unchanged


def test_posted_articles_join_stories_and_change_their_version(tmp_path: Path) -> None:
    with client_for(ServeSettings(store=tmp_path / "new.sqlite", warm=False)) as client:
        first = client.post("/api/articles", json=HOSTILE)
        assert first.status_code == 201
        story_id = first.json()["story_ids"][0]
        version = client.get("/api/stories").json()["stories"][0]["version"]
        brief_before = client.get(f"/api/stories/{story_id}").json()

        both = client.post("/api/articles", json=[FOLLOW_UP, HOSTILE])
        assert both.status_code == 201
        follow_up, again = both.json()["articles"]
        assert follow_up["added"] and not again["added"]
        assert follow_up["story_id"] == again["story_id"] == story_id  # the follow-up joins the story
        story = client.get("/api/stories").json()["stories"][0]
        assert (story["articles"], story["version"]) == (2, version + 1)
        brief_after = client.get(f"/api/stories/{story_id}").json()
        assert len(brief_after["articles"]) == 2 > len(brief_before["articles"])


def test_malformed_requests_get_one_line_json_errors(client) -> None:
    cases = [
        client.post("/api/articles", content=b"{not json", headers={"content-type": "application/json"}),
        client.post("/api/articles", content=b'{"text": "x"}', headers={"content-type": "text/plain"}),
        client.post("/api/articles", json={}),
        client.post("/api/articles", json=[]),
        client.post("/api/articles", json={"text": 42}),
        client.post("/api/articles", json={"text": "   "}),
        client.post("/api/articles", json="just a string"),
        client.get("/api/stories", params={"page": 0}),
        client.get("/api/stories", params={"since": "yesterday"}),
        client.get("/api/stories", params={"sort": "random"}),
        client.get("/api/stories/not a story id!"),
        client.get("/api/stories/s-000000000000"),
        client.get("/api/nothing-here"),
    ]
    for response in cases:
        assert 400 <= response.status_code < 500, (response.status_code, response.text)
        assert response.headers["content-type"].startswith("application/json")
        assert "\n" not in response.text and set(response.json()) == {"error"}


def test_request_bodies_are_bounded_and_writes_can_need_a_token(filled_store: Path) -> None:
    settings = ServeSettings(store=filled_store, warm=False, token="s3cret", max_body_bytes=2_000)
    with client_for(settings) as client:
        big = client.post("/api/articles", json={"text": "word " * 1000}, headers=auth("s3cret"))
        assert big.status_code == 413
        assert client.post("/api/articles", json=FOLLOW_UP).status_code == 401
        assert client.post("/api/articles", json=FOLLOW_UP, headers=auth("wrong")).status_code == 401
        assert client.get("/api/stories").status_code == 200  # reading needs no token
    with client_for(ServeSettings(store=filled_store, warm=False, writes=False)) as client:
        assert client.post("/api/articles", json=FOLLOW_UP).status_code == 403


def test_health_and_openapi_docs(client) -> None:
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["stories"] == 5
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles", "/healthz"} <= set(paths)
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static-docs/swagger-ui-bundle.js" in docs.text  # no CDN


def test_unknown_hosts_are_refused_when_serving_on_loopback(filled_store: Path) -> None:
    settings = ServeSettings(store=filled_store, warm=False, allowed_hosts=LOOPBACK_HOSTS)
    with client_for(settings) as client:
        refused = client.get("/healthz", headers={"host": "attacker.example"})
        assert refused.status_code == 400 and set(refused.json()) == {"error"}
        assert client.get("/healthz", headers={"host": "[::1]:8000"}).status_code == 200
        assert client.get("/healthz", headers={"host": "127.0.0.1:8000"}).status_code == 200


def auth(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}
