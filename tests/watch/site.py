"""A local news site on 127.0.0.1 for the watcher tests: invented feeds and pages, and bad pages.

Served: an RSS and an Atom feed (with ETag / Last-Modified, answering 304 when unchanged), article
pages, a slow page, a 404, a redirect loop, a good redirect, an oversized page and a page robots.txt
forbids. Every request is counted by path.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SLOW_S = 1.5
OVERSIZED_BYTES = 300_000

ARTICLES = {
    "/news/tolvern-bridge.html": (
        "The Tolvern Chronicle",
        "Tolvern swing bridge stuck open after gearbox failure",
        "The swing bridge over the Tolvern estuary jammed in the open position on Thursday morning after "
        "its gearbox failed, cutting the main road between Tolvern and Easthaven for commuters. Engineers "
        "from Corran County Council said the 1911 bridge would stay open to river traffic until a "
        "replacement part arrived from a foundry in Selbury. Drivers face a 19-mile detour through "
        "Marrow Cross. Council leader Petra Quill said she expected the road to reopen by Sunday.",
    ),
    "/news/estuary-detour.html": (
        "Easthaven Evening Star",
        "Commuters face long detour as Tolvern bridge jams",
        "Commuters between Easthaven and Tolvern were sent on a 19-mile detour through Marrow Cross on "
        "Thursday after the Tolvern swing bridge jammed open when its gearbox failed. Corran County "
        "Council said a replacement part was being cast at a foundry in Selbury. Council leader Petra "
        "Quill told reporters that the road should reopen by Sunday, and apologised to drivers.",
    ),
    "/news/bridge-part.html": (
        "Corran Radio",
        "Foundry rushes part for jammed Tolvern bridge",
        "A foundry in Selbury is working through the night to cast a replacement gear for the Tolvern "
        "swing bridge, which jammed open on Thursday. Corran County Council said the 1911 bridge's "
        "gearbox failed during a routine opening for a grain barge. Petra Quill, the council leader, "
        "said the road between Tolvern and Easthaven should reopen by Sunday.",
    ),
    "/news/market-hall.html": (
        "The Tolvern Chronicle",
        "Market hall roof repairs to start in spring",
        "Repairs to the leaking roof of Tolvern's Victorian market hall will start in the spring, the "
        "town's trust announced on Friday. Stallholders have put out buckets on wet days since the "
        "autumn storms lifted slates from the north side. The trust has raised 420,000 pounds of the "
        "610,000 needed and will ask Corran County Council for the rest at its March meeting.",
    ),
    "/private/embargoed.html": (
        "The Tolvern Chronicle",
        "Embargoed budget story",
        "This page is behind a robots.txt rule and must never be fetched by the watcher at all.",
    ),
}


def article_page(outlet: str, title: str, text: str) -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:site_name" content="{outlet}"></head><body>'
        f"<nav>Home | News | Sport | Weather</nav><article><h1>{title}</h1><p>{text}</p></article>"
        "<footer>Sign up for our morning newsletter</footer></body></html>"
    )


def rss(base: str, links: list[str]) -> str:
    items = "".join(
        f"<item><title>{ARTICLES.get(link, ('', link, ''))[1]}</title><link>{base}{link}</link>"
        "<pubDate>Thu, 06 Mar 2031 08:00:00 GMT</pubDate></item>"
        for link in links
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>The Tolvern Chronicle</title><link>{base}/</link><description>Local news</description>"
        f"{items}</channel></rss>"
    )


def atom(base: str, links: list[str]) -> str:
    entries = "".join(
        f"<entry><title>{ARTICLES[link.split('#')[0]][1]}</title>"
        f'<link href="{base}{link}"/><id>{base}{link}</id>'
        "<updated>2031-03-06T09:30:00Z</updated></entry>"
        for link in links
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Corran Radio</title><id>{base}/atom</id><updated>2031-03-06T09:30:00Z</updated>"
        f"{entries}</feed>"
    )


RSS_LINKS = [
    "/news/tolvern-bridge.html",
    "/news/estuary-detour.html",
    "/moved/market-hall",  # redirects to /news/market-hall.html
    "/news/slow.html",
    "/news/gone.html",
    "/loop/a",
    "/news/huge.html",
    "/private/embargoed.html",
]
ATOM_LINKS = ["/news/bridge-part.html", "/news/tolvern-bridge.html#comments"]
ETAG = '"feed-v1"'
LAST_MODIFIED = "Thu, 06 Mar 2031 09:30:00 GMT"


@dataclass
class Site:
    base: str = ""
    requests: Counter = field(default_factory=Counter)
    gone_is_back: bool = False  # /news/gone.html starts to answer


def handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = self.path
            site.requests[path] += 1
            if path in ("/rss.xml", "/atom.xml"):
                self.feed(path)
            elif path == "/robots.txt":
                self.send(200, "User-agent: *\nDisallow: /private/\n", "text/plain")
            elif path in ARTICLES:
                self.send(200, article_page(*ARTICLES[path]))
            elif path == "/moved/market-hall":
                self.redirect("/news/market-hall.html")
            elif path == "/loop/a":
                self.redirect("/loop/b")
            elif path == "/loop/b":
                self.redirect("/loop/a")
            elif path == "/news/slow.html":
                time.sleep(SLOW_S)
                self.send(200, article_page("Slow Times", "Late", "Too late to matter."))
            elif path == "/news/huge.html":
                self.send(200, article_page("Big Paper", "Huge", "word " * (OVERSIZED_BYTES // 5)))
            elif path == "/news/gone.html" and site.gone_is_back:
                self.send(
                    200,
                    article_page(
                        "Corran Radio",
                        "Back again",
                        ARTICLES["/news/market-hall.html"][2].replace("Repairs", "Work"),
                    ),
                )
            else:
                self.send(404, "<html><body>Not found</body></html>")

        def feed(self, path: str) -> None:
            if self.headers.get("If-None-Match") == ETAG:
                self.send_response(304)
                self.end_headers()
                return
            body = rss(site.base, RSS_LINKS) if path == "/rss.xml" else atom(site.base, ATOM_LINKS)
            self.send(200, body, "application/rss+xml", {"ETag": ETAG, "Last-Modified": LAST_MODIFIED})

        def redirect(self, target: str) -> None:
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def send(self, status: int, body: str, kind: str = "text/html; charset=utf-8", headers=None) -> None:
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(data)

    return Handler


class RunningSite:
    """The site served from a thread on 127.0.0.1 at a free port, for a ``with`` block."""

    def __init__(self) -> None:
        self.site = Site()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(self.site))
        self.server.daemon_threads = True
        self.site.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Site:
        self.thread.start()
        return self.site

    def __exit__(self, *exc_info: object) -> None:
        self.server.shutdown()
        self.server.server_close()
