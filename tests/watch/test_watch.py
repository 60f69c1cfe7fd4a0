"""The watcher against a local site: new pages stored, bad ones logged and retried, nothing refetched."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

from newsynth.ingest import article_from_text
from newsynth.store import ArticleStore
from newsynth.store.reader import StoreReader, StoryQuery
from newsynth.watch import FetchSettings, Watcher, WatchSettings
from newsynth.watch.fetch import Fetcher, FetchError
from tests.watch.site import ARTICLES, Site

GOOD = [
    "/news/tolvern-bridge.html",
    "/news/estuary-detour.html",
    "/news/market-hall.html",
    "/news/bridge-part.html",
]


def settings(**changes: object) -> WatchSettings:
    fetch = FetchSettings(
        timeout_s=0.4, deadline_s=2.0, max_bytes=100_000, host_delay_s=0.0, allow_private=True
    )
    return WatchSettings(fetch=fetch, retry_first_s=float(changes.pop("retry_first_s", 3600.0)))


def feeds(site: Site) -> list[str]:
    return [f"{site.base}/rss.xml", f"{site.base}/atom.xml"]


def run_round(path: Path, site: Site, log: list[str], **changes: object):
    watcher = Watcher(path, settings(**changes), log=log.append)
    try:
        return watcher.round(feeds(site)), watcher.state.pages()
    finally:
        watcher.close()


def test_a_round_stores_new_pages_and_logs_each_bad_one_in_a_line(site: Site, tmp_path: Path) -> None:
    log: list[str] = []
    report, pages = run_round(tmp_path / "s.sqlite", site, log)
    assert (report.feeds, report.new_pages, report.stored, report.failed) == (2, 9, 4, 5)
    problems = {url.removeprefix(site.base): problem for url, (state, _, problem) in pages.items() if problem}
    assert "timed out" in problems["/news/slow.html"]
    assert problems["/news/gone.html"] == "HTTP 404"
    assert "redirect loop" in problems["/loop/a"]
    assert "larger than the 100000-byte limit" in problems["/news/huge.html"]
    assert "robots.txt" in problems["/private/embargoed.html"]
    assert site.requests["/private/embargoed.html"] == 0
    assert len(log) == 5 and all("\n" not in line and site.base in line for line in log)

    reader = StoreReader(tmp_path / "s.sqlite")
    stories, _ = reader.stories(StoryQuery(sort="biggest"))
    assert [(s.articles, s.outlets) for s in stories] == [(3, 3), (1, 1)]  # the bridge story, the market hall
    assert stories[0].outlet_names == sorted(stories[0].outlet_names)  # outlets from the pages' site names
    assert {"The Tolvern Chronicle", "Easthaven Evening Star", "Corran Radio"} == set(stories[0].outlet_names)
    assert stories[0].first_day == "2031-03-06"  # the feed's date, as the pages carry none


def test_the_next_round_asks_conditionally_and_fetches_nothing_stored(site: Site, tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    run_round(path, site, [])
    fetched = {page: site.requests[page] for page in GOOD}
    report, _ = run_round(path, site, [])
    assert report.unchanged == 2 and report.new_pages == 0  # both feeds answered 304
    assert {page: site.requests[page] for page in GOOD} == fetched == dict.fromkeys(GOOD, 1)
    assert report.failed == 0  # the failed pages wait for their retry time


def test_failed_pages_are_retried_later_and_stored_once_they_work(site: Site, tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    run_round(path, site, [], retry_first_s=0.0)
    site.gone_is_back = True
    log: list[str] = []
    report, pages = run_round(path, site, log, retry_first_s=0.0)
    assert report.stored == 1 and pages[f"{site.base}/news/gone.html"][:2] == ("stored", 1)
    assert pages[f"{site.base}/loop/a"][:2] == ("failed", 2) and len(log) == 4


def test_pages_already_in_the_store_are_not_fetched(site: Site, tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    url = f"{site.base}/news/tolvern-bridge.html"
    with ArticleStore(path) as store:
        store.ingest([article_from_text(ARTICLES["/news/tolvern-bridge.html"][2], url, url=url)])
    report, pages = run_round(path, site, [])
    assert site.requests["/news/tolvern-bridge.html"] == 0
    assert report.already_stored == 1 and pages[url][0] == "stored"


def test_private_addresses_are_refused_unless_allowed(site: Site, tmp_path: Path) -> None:
    log: list[str] = []
    plain = WatchSettings(fetch=FetchSettings(timeout_s=0.4))
    watcher = Watcher(tmp_path / "s.sqlite", plain, log=log.append)
    try:
        report = watcher.round(feeds(site))
    finally:
        watcher.close()
    assert report.feed_failures == 2 and sum(site.requests.values()) == 0
    assert "127.0.0.1 is a private, loopback or link-local address" in log[0]
    assert "--allow-private" in log[0]


def test_a_host_that_turns_private_between_check_and_connect_is_refused(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: the name is public when checked, the local site's address when connecting."""
    answers = iter(["203.0.113.7", "127.0.0.1"])  # a documentation address, then the site

    def resolve(host: str, port: int, *args: object, **kwargs: object) -> list[tuple]:
        address = next(answers, "127.0.0.1")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    monkeypatch.setattr(ipaddress.IPv4Address, "is_global", property(lambda ip: str(ip) == "203.0.113.7"))
    fetcher = Fetcher(FetchSettings(timeout_s=0.4, host_delay_s=0.0))
    try:
        with pytest.raises(
            FetchError,
            match=r"rebound\.example is a private, loopback or link-local address \(127\.0\.0\.1\)",
        ):
            fetcher.get(site.base.replace("127.0.0.1", "rebound.example") + "/rss.xml", robots=False)
    finally:
        fetcher.close()
    assert sum(site.requests.values()) == 0


def test_requests_to_one_host_are_spaced_by_the_delay(site: Site) -> None:
    now = [0.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    fetcher = Fetcher(FetchSettings(host_delay_s=2.0, allow_private=True), clock=lambda: now[0], sleep=sleep)
    try:
        for page in GOOD[:2]:
            assert fetcher.get(f"{site.base}{page}").status == 200
    finally:
        fetcher.close()
    assert waits == [2.0, 2.0]  # robots.txt, then each page after the one before


def test_the_command_names_a_bad_feed_or_setting_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    import subprocess
    import sys

    store = tmp_path / "s.sqlite"
    cases = [
        (["notes/feeds.txt"], "notes/feeds.txt: not an http(s) feed URL, nor a file listing feeds"),
        (["https://news.example/rss", "--every", "soon"], "--every: expected a duration"),
    ]
    for arguments, message in cases:
        command = [sys.executable, "-m", "newsynth.cli", "watch", *arguments, "--store", str(store), "--once"]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert done.returncode == 1 and done.stderr.count("\n") == 1 and message in done.stderr
    assert not store.exists()
