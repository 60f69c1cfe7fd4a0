"""`newsynth serve` (the web app and JSON API over a store) and `newsynth watch` (feeds into a store)."""

from __future__ import annotations

import ipaddress
import os
import re
import sys
import time
from pathlib import Path

import click

from newsynth.cli.common import fail

DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$")
DURATION_UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400}
SIZE = re.compile(r"^(\d+)\s*(b|kb|mb|gb)?$", re.IGNORECASE)
SIZE_UNITS = {"b": 1, "kb": 1000, "mb": 1_000_000, "gb": 1_000_000_000}
TOKEN_VARIABLE = "NEWSYNTH_API_TOKEN"


def seconds(value: str, option: str, *, zero: bool = False) -> float:
    """'15m', '90s', '2h', '500ms' or a plain number of seconds (0 only where ``zero`` allows it)."""
    match = DURATION.match(value.strip().lower())
    if not match or float(match.group(1)) < (0 if zero else 1e-9):
        fail(f"{option}: expected a duration such as 90s, 15m or 2h, got {value!r}")
    return float(match.group(1)) * DURATION_UNITS[match.group(2) or "s"]


def byte_count(value: str, option: str) -> int:
    match = SIZE.match(value.strip())
    if not match or int(match.group(1)) <= 0:
        fail(f"{option}: expected a size such as 500kB or 5MB, got {value!r}")
    return int(match.group(1)) * SIZE_UNITS[(match.group(2) or "b").lower()]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# --- serve -------------------------------------------------------------------------------------------
@click.command("serve")
@click.option("--store", "store_path", required=True, type=click.Path(dir_okay=False), help="SQLite store.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--token-file",
    type=click.Path(exists=True, dir_okay=False),
    help=f"File holding the API token writes must carry (or set {TOKEN_VARIABLE}).",
)
@click.option("--max-body", default="5MB", show_default=True, help="Largest request body accepted.")
@click.option("--no-warm", is_flag=True, help="Build briefs only when asked, not in the background.")
def serve_command(
    store_path: str, host: str, port: int, token_file: str | None, max_body: str, no_warm: bool
) -> None:
    """Serve the stories of a store: web pages, a JSON API (docs at /docs) and live updates."""
    from newsynth.serve import ServeSettings, run
    from newsynth.serve.service import LOOPBACK_HOSTS
    from newsynth.store.sqlite import StoreError

    token = read_token(token_file)
    local = is_loopback(host)
    if not Path(store_path).parent.resolve().is_dir():
        fail(f"{store_path}: its folder does not exist")
    settings = ServeSettings(
        store=Path(store_path),
        token=token,
        writes=local or token is not None,
        allowed_hosts=LOOPBACK_HOSTS if local else ["*"],
        max_body_bytes=byte_count(max_body, "--max-body"),
        warm=not no_warm,
    )
    if not settings.writes:
        click.echo(f"newsynth: serving on {host} without a token: POST /api/articles is off", err=True)
    click.echo(f"newsynth: serving {store_path} on http://{host}:{port}/ (API docs at /docs)", err=True)
    try:
        run(settings, host=host, port=port)
    except StoreError as error:
        fail(str(error))


def read_token(token_file: str | None) -> str | None:
    if token_file:
        token = Path(token_file).read_text(encoding="utf-8").strip()
        if not token:
            fail(f"{token_file}: the token file is empty")
        return token
    return os.environ.get(TOKEN_VARIABLE) or None


# --- watch -------------------------------------------------------------------------------------------
@click.command("watch")
@click.argument("feeds", nargs=-1, required=True)
@click.option("--store", "store_path", required=True, type=click.Path(dir_okay=False), help="SQLite store.")
@click.option("--every", default="15m", show_default=True, help="Time between two rounds.")
@click.option("--once", is_flag=True, help="One round, then exit.")
@click.option("--delay", default="1s", show_default=True, help="Pause between two requests to one host.")
@click.option("--timeout", default="10s", show_default=True, help="Connect and read timeout.")
@click.option("--max-page", default="5MB", show_default=True, help="Largest page or feed fetched.")
@click.option("--allow-private", is_flag=True, help="Allow private, loopback and link-local addresses.")
def watch_command(
    feeds: tuple[str, ...],
    store_path: str,
    every: str,
    once: bool,
    delay: str,
    timeout: str,
    max_page: str,
    allow_private: bool,
) -> None:
    """Follow RSS/Atom FEEDS (URLs, or files listing them) and add each new entry's page to a store."""
    from newsynth.store.sqlite import StoreError
    from newsynth.watch import FetchSettings, Watcher, WatchSettings, feed_urls

    urls = feed_urls(list(feeds))
    bad = [url for url in urls if not url.lower().startswith(("http://", "https://"))]
    if bad:
        fail(f"{bad[0]}: not an http(s) feed URL, nor a file listing feeds")
    interval = seconds(every, "--every")
    read_timeout = seconds(timeout, "--timeout")
    fetch = FetchSettings(
        timeout_s=read_timeout,
        deadline_s=max(3 * read_timeout, 30.0),
        max_bytes=byte_count(max_page, "--max-page"),
        host_delay_s=seconds(delay, "--delay", zero=True),
        allow_private=allow_private,
    )
    log = lambda line: click.echo(line, err=True)  # noqa: E731
    try:
        watcher = Watcher(store_path, WatchSettings(fetch=fetch, retry_first_s=interval), log=log)
    except StoreError as error:
        fail(str(error))
    try:
        while True:
            report = watcher.round(urls)
            click.echo(f"newsynth: watch: {time.strftime('%H:%M:%S')} {report.line()}", err=True)
            if once:
                if report.feed_failures == report.feeds:
                    sys.exit(1)
                return
            time.sleep(interval)
    except KeyboardInterrupt:
        click.echo("newsynth: watch: stopped", err=True)
    finally:
        watcher.close()
