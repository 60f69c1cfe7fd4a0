"""Polite, bounded HTTP fetching for the feed watcher (httpx).

Every fetch has connect/read timeouts and a deadline for the whole body, a size cap (by the declared
length and while reading), at most a few redirects (each hop checked again), robots.txt rules and a
delay between two requests to one host. Hosts that resolve to private, loopback, link-local or other
non-public addresses are refused unless ``allow_private`` is set: a feed must not make the watcher
reach into the network it runs in. The address is checked once more when connecting, and the
connection goes to the very address checked, so a name that resolves differently a moment later
(DNS rebinding) gains nothing.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

REDIRECTS = (301, 302, 303, 307, 308)
ROBOTS_MAX_BYTES = 500_000


@dataclass
class FetchSettings:
    timeout_s: float = 10.0  # to connect, and between two reads
    deadline_s: float = 30.0  # for the whole response, body included
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    host_delay_s: float = 1.0  # between two requests to one host (robots.txt may ask for more)
    allow_private: bool = False
    robots_ttl_s: float = 3600.0
    user_agent: str = "newsynth-watch/0.1"


class FetchError(Exception):
    """A page that could not be fetched; the message is one line saying why."""


@dataclass
class Fetched:
    url: str  # after redirects
    status: int
    headers: httpx.Headers
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


@dataclass
class _Robots:
    expires: float
    rules: RobotFileParser


class Fetcher:
    def __init__(
        self,
        settings: FetchSettings | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings or FetchSettings()
        self.clock = clock
        self.sleep = sleep
        self.client = httpx.Client(
            timeout=httpx.Timeout(self.settings.timeout_s),
            follow_redirects=False,  # followed here, so that every hop is checked
            headers={"User-Agent": self.settings.user_agent},
            trust_env=False,
            transport=None if self.settings.allow_private else _public_only_transport(),
        )
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, _Robots] = {}

    def get(self, url: str, headers: dict[str, str] | None = None, *, robots: bool = True) -> Fetched:
        """GET a URL, following redirects; 2xx, 304 and error statuses are returned, not raised."""
        seen = {url}
        for _hop in range(self.settings.max_redirects + 1):
            check_url(url, self.settings.allow_private)
            if robots and not self.allowed(url):
                raise FetchError("disallowed by the site's robots.txt")
            response = self._get_once(url, headers)
            location = response.headers.get("location")
            if response.status not in REDIRECTS or not location:
                return response
            url = urljoin(url, location)
            if url in seen:
                raise FetchError(f"redirect loop (back to {url})")
            seen.add(url)
        raise FetchError(f"more than {self.settings.max_redirects} redirects")

    def _get_once(self, url: str, headers: dict[str, str] | None) -> Fetched:
        self._wait_turn(url)
        limit = self.settings.max_bytes
        deadline = self.clock() + self.settings.deadline_s
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchError(f"larger than the {limit}-byte limit ({declared} bytes declared)")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise FetchError(f"larger than the {limit}-byte limit")
                    if self.clock() > deadline:
                        raise FetchError(f"took longer than {self.settings.deadline_s:g} s")
                    chunks.append(chunk)
                return Fetched(str(response.url), response.status_code, response.headers, b"".join(chunks))
        except httpx.TimeoutException as error:
            raise FetchError(
                f"timed out ({type(error).__name__} after {self.settings.timeout_s:g} s)"
            ) from error
        except httpx.HTTPError as error:
            raise FetchError(" ".join(f"{type(error).__name__}: {error}".split())) from error

    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        delay = max(self.settings.host_delay_s, self._crawl_delay(url))
        last = self._last_request.get(host)
        if last is not None:
            wait = last + delay - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last_request[host] = self.clock()

    # --- robots.txt -------------------------------------------------------------------------------
    def allowed(self, url: str) -> bool:
        return self._robots_for(url).rules.can_fetch(self.settings.user_agent, url)

    def _crawl_delay(self, url: str) -> float:
        known = self._robots.get(origin_of(url))
        delay = known.rules.crawl_delay(self.settings.user_agent) if known else None
        return float(delay or 0)

    def _robots_for(self, url: str) -> _Robots:
        origin = origin_of(url)
        known = self._robots.get(origin)
        if known is None or known.expires < self.clock():
            known = _Robots(self.clock() + self.settings.robots_ttl_s, self._read_robots(origin))
            self._robots[origin] = known
        return known

    def _read_robots(self, origin: str) -> RobotFileParser:
        """The site's rules; a missing file allows everything, a refused one (401/403) nothing."""
        rules = RobotFileParser()
        try:
            response = self.get(f"{origin}/robots.txt", robots=False)
        except FetchError as error:
            raise FetchError(f"robots.txt unreadable ({error}); will try later") from error
        if response.status >= 500:
            raise FetchError(f"robots.txt answered {response.status}; will try later")
        if response.status in (401, 403):
            rules.disallow_all = True
        elif response.status >= 400 or len(response.body) > ROBOTS_MAX_BYTES:
            rules.allow_all = True
        else:
            rules.parse(response.body.decode("utf-8", "replace").splitlines())
        return rules

    def close(self) -> None:
        self.client.close()


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def check_url(url: str, allow_private: bool) -> None:
    """Refuse anything but http(s), and hosts with a non-public address unless ``allow_private``."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("only http:// and https:// URLs with a host are fetched")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise FetchError(f"bad port in {url} ({error})") from error
    public_addresses(parts.hostname, port)


def public_addresses(host: str, port: int) -> list[str]:
    """The addresses a host resolves to, all of them public; else FetchError naming the first that is not."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"cannot resolve {host} ({error})") from error
    addresses = []
    for *_, address in found:
        ip = ipaddress.ip_address(address[0])
        if not ip.is_global or ip.is_multicast:
            raise FetchError(
                f"{host} is a private, loopback or link-local address ({ip}); refused without --allow-private"
            )
        addresses.append(str(ip))
    return addresses


class _PublicOnlyBackend(httpcore.SyncBackend):
    """Connects only to a public address, the one it has just checked (not to a fresh lookup)."""

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            address = public_addresses(host, port)[0]
        except FetchError as error:
            raise httpcore.ConnectError(str(error)) from error
        return super().connect_tcp(address, port, timeout, local_address, socket_options)


def _public_only_transport() -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(trust_env=False)
    # httpx has no public setting for httpcore's network backend; its pool is rebuilt with ours, the
    # TLS context kept (certificates are still checked against the host name, not the address).
    transport._pool = httpcore.ConnectionPool(
        ssl_context=transport._pool._ssl_context,
        network_backend=_PublicOnlyBackend(),
    )
    return transport
