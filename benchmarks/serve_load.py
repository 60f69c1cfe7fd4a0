"""Load benchmark of `newsynth serve`: a store of 10,000+ stories, 8 concurrent clients on 127.0.0.1.

    python benchmarks/serve_load.py                       # builds the store once, then measures
    python benchmarks/serve_load.py --store big.sqlite    # reuse (or build) a store at this path
    python benchmarks/serve_load.py --requests 200        # requests per client and phase

The store is filled from the synthetic pile (invented events, see newsynth.group.synthetic) through
the store's own ingest, until it holds at least --stories stories; it is kept for later runs. The
briefs of --sample stories are built into the store's cache first (their cold build time is reported
too), then `newsynth serve` runs as its own process and every client, a thread with one keep-alive
connection, sends a bounded number of requests back to back, in three phases:

- list: the story list page, GET /?page=N with N random among the first 50 pages (30 stories a page);
- search: GET /?q=WORD&page=N, WORD one of eight words that each occur in 6-20% of the articles and
  N among the first 5 pages (a search's ordered story ids are kept until the store changes, so after
  its first request a word costs a page lookup; the cold time of each word is measured apart,
  in-process, before the server starts);
- story: a cached story page (GET /stories/{id}, ids drawn from the sample).

Rendered listing pages are kept until the store gains an article, so during the list and search
phases another thread posts new articles (--writes-per-s, 2 by default) to POST /api/articles: the
kept pages are retired that often and rendered again, as on a live server.

Latencies are measured by the clients (request sent to last byte read). The machine's load average is
printed before and after (the machine is shared). Figures last; the final line is JSON.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from newsynth.group.synthetic import synthetic_pile
from newsynth.serve.briefs import BriefCache
from newsynth.store import ArticleStore
from newsynth.store.reader import StoreReader, StoryQuery

ARTICLES_PER_EVENT = 1.6  # the synthetic pile's mean; most stories then have one to three articles
SEARCH_WORDS = ["council", "minister", "storm", "court", "station", "launch", "strike", "vote"]


def build_store(path: Path, stories: int) -> None:
    """Ingest synthetic articles until the store holds ``stories`` stories (kept for later runs)."""
    batch = 0
    while True:
        with ArticleStore(path) as store:
            if store.story_count >= stories:
                return
            missing = stories - store.story_count
            print(f"filling {path}: {store.story_count} stories, adding about {missing} ...", file=sys.stderr)
            count = max(500, int(missing * ARTICLES_PER_EVENT * 1.1))
            pile = synthetic_pile(count, seed=100 + batch, mean_articles_per_event=ARTICLES_PER_EVENT)
            store.ingest(article for article, _ in pile)
        batch += 1


def warm_sample(path: Path, sample: int, seed: int) -> tuple[list[str], list[float]]:
    """Build (or find cached) the briefs of ``sample`` random stories; returns ids and cold build times."""
    reader = StoreReader(path)
    ids = [
        row[0] for row in reader.connection.execute("SELECT story_id FROM story_listing ORDER BY story_id")
    ]
    chosen = random.Random(seed).sample(ids, min(sample, len(ids)))
    cache = BriefCache(reader)
    cold = []
    for story_id in chosen:
        row = reader.story(story_id)
        if row and reader.cached_brief(story_id, row.version) is None:
            started = time.perf_counter()
            cache.get(story_id)
            cold.append((time.perf_counter() - started) * 1000)
    reader.close()
    return chosen, cold


def start_server(path: Path, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "newsynth.cli", "serve", "--store", str(path), "--port", str(port)]
    server = subprocess.Popen([*command, "--no-warm"], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def client(port: int, paths: list[str], latencies: list[float], errors: list[str]) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for path in paths:
        started = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        latencies.append((time.perf_counter() - started) * 1000)
        if response.status != 200:
            errors.append(f"{path}: {response.status}")
    connection.close()


def post_article(port: int, record: dict) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    connection.request("POST", "/api/articles", json.dumps(record), {"Content-Type": "application/json"})
    status = connection.getresponse().status
    connection.close()
    return status


def fresh_records(count: int) -> list[dict]:
    """Articles never stored before (a seed of the moment), to post while the clients read."""
    seed = time.time_ns() % 1_000_000
    return [{"text": a.raw_text, "outlet": a.outlet} for a, _ in synthetic_pile(count, seed=seed)]


def writer(
    port: int, per_second: float, stop: threading.Event, records: list[dict], posted: list[int]
) -> None:
    """Post the records at a steady rate until stopped."""
    while records and not stop.wait(1 / per_second):
        posted.append(post_article(port, records.pop()))


def run_phase(
    port: int,
    clients: int,
    paths_of: list[list[str]],
    writes_per_s: float = 0,
    records: list[dict] | None = None,
) -> dict[str, float]:
    latencies: list[float] = []
    errors: list[str] = []
    threads = [
        threading.Thread(target=client, args=(port, paths_of[n], latencies, errors)) for n in range(clients)
    ]
    stop, posted = threading.Event(), []
    if writes_per_s:
        threads.append(
            threading.Thread(target=writer, args=(port, writes_per_s, stop, records or [], posted))
        )
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads[:clients]:
        thread.join()
    elapsed = time.perf_counter() - started
    stop.set()
    for thread in threads[clients:]:
        thread.join()
    errors.extend(f"POST /api/articles: {status}" for status in posted if status not in (200, 201))
    if errors:
        raise SystemExit(f"{len(errors)} failed requests, e.g. {errors[0]}")
    return {**figures(latencies, elapsed), "articles_posted_meanwhile": len(posted)}


def figures(latencies: list[float], elapsed: float) -> dict[str, float]:
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
        "p99_ms": round(ordered[int(0.99 * (len(ordered) - 1))], 1),
        "requests_per_s": round(len(ordered) / elapsed, 1),
    }


def list_paths(rng: random.Random, count: int) -> list[str]:
    return [f"/?page={rng.randint(1, 50)}" for _ in range(count)]


def search_paths(rng: random.Random, count: int) -> list[str]:
    return [f"/?q={rng.choice(SEARCH_WORDS)}&page={rng.randint(1, 5)}" for _ in range(count)]


def cold_searches(path: Path) -> list[float]:
    """Milliseconds of each search word's first page, in-process, with nothing kept yet."""
    reader = StoreReader(path)
    times = []
    for word in SEARCH_WORDS:
        started = time.perf_counter()
        reader.stories(StoryQuery(text=word))
        times.append((time.perf_counter() - started) * 1000)
    reader.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", type=Path, default=Path("benchmarks/.serve-load.sqlite"))
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=500, help="per client and phase")
    parser.add_argument("--sample", type=int, default=300, help="stories whose pages are requested")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--writes-per-s", type=float, default=2.0, help="articles posted during list phases")
    options = parser.parse_args()

    build_store(options.store, options.stories)
    articles, stories = StoreReader(options.store).counts()
    sample, cold = warm_sample(options.store, options.sample, options.seed)
    cold_search = cold_searches(options.store)
    rng = random.Random(options.seed)
    records = fresh_records(400)
    load_before = os.getloadavg()
    server = start_server(options.store, options.port)
    try:
        post_article(options.port, {"text": "Warm-up: the server's writer loads the grouping index first."})
        warmup = [list_paths(rng, 50) + search_paths(rng, 20) for _ in range(options.clients)]
        run_phase(options.port, options.clients, warmup)  # not counted: the server's caches fill
        lists = [list_paths(rng, options.requests) for _ in range(options.clients)]
        list_phase = run_phase(options.port, options.clients, lists, options.writes_per_s, records)
        searches = [search_paths(rng, options.requests) for _ in range(options.clients)]
        search_phase = run_phase(options.port, options.clients, searches, options.writes_per_s, records)
        story_phase = run_phase(
            options.port,
            options.clients,
            [
                [f"/stories/{rng.choice(sample)}" for _ in range(options.requests)]
                for _ in range(options.clients)
            ],
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    load_after = os.getloadavg()

    result = {
        "stories": stories,
        "articles": articles,
        "clients": options.clients,
        "list": list_phase,
        "search": search_phase,
        "cold_search_ms_median": round(statistics.median(cold_search), 1),
        "cold_search_ms_max": round(max(cold_search), 1),
        "story_cached": story_phase,
        "cold_brief_ms_p50": round(statistics.median(cold), 1) if cold else None,
        "cold_brief_ms_p95": round(sorted(cold)[int(0.95 * (len(cold) - 1))], 1) if cold else None,
        "cold_briefs_built": len(cold),
        "load_average_before": [round(value, 2) for value in load_before],
        "load_average_after": [round(value, 2) for value in load_after],
        "cpus": os.cpu_count(),
    }
    print(f"store: {stories} stories, {articles} articles; {options.clients} clients on 127.0.0.1")
    print(
        f"{'phase':<14} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>8} {'posted':>7}"
    )
    for name, phase in (
        ("story list", list_phase),
        ("search", search_phase),
        ("story (cached)", story_phase),
    ):
        print(
            f"{name:<14} {phase['requests']:>8} {phase['p50_ms']:>8} {phase['p95_ms']:>8} "
            f"{phase['p99_ms']:>8} {phase['requests_per_s']:>8} {phase['articles_posted_meanwhile']:>7}"
        )
    if cold:
        print(f"brief built cold: p50 {result['cold_brief_ms_p50']} ms, p95 {result['cold_brief_ms_p95']} ms")
    print(
        f"search, first request of a word (in-process): median {result['cold_search_ms_median']} ms, "
        f"max {result['cold_search_ms_max']} ms"
    )
    print(f"load average before {result['load_average_before']}, after {result['load_average_after']}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
