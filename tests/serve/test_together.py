"""`watch`, the server and `ingest` writing to one store at once: no article lost, no story split.

The three writers bring articles of the same events by different routes (the bridge story comes from
the watched site, from an API post and from an ingested file). Afterwards the store must hold every
article once, with exactly the stories one process would have made taking the articles in the order
they were committed, and the bridge story in one piece.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from itertools import pairwise
from pathlib import Path

import httpx

from newsynth.group.features import content_hash
from newsynth.group.synthetic import synthetic_pile
from newsynth.serve import ServeSettings
from newsynth.store import ArticleStore
from tests.serve.live import running_server
from tests.watch.site import RunningSite

BRIDGE_POSTED = {
    "outlet": "Selbury Observer",
    "title": "Selbury foundry casts new gear for Tolvern swing bridge",
    "text": (
        "Workers at a Selbury foundry cast a replacement gear overnight for the Tolvern swing bridge, "
        "which jammed open on Thursday when its gearbox failed. Corran County Council said the part "
        "would be fitted on Saturday, and council leader Petra Quill said the road between Tolvern and "
        "Easthaven should reopen by Sunday, ending the 19-mile detour through Marrow Cross."
    ),
}
BRIDGE_FILED = {
    "outlet": "Marrow Cross Messenger",
    "title": "Detour traffic clogs Marrow Cross after Tolvern bridge jams",
    "text": (
        "Marrow Cross was gridlocked on Thursday evening as drivers diverted from the Tolvern swing "
        "bridge, jammed open since its gearbox failed, took the 19-mile detour through the village. "
        "Corran County Council said a replacement part from Selbury would be fitted by the weekend, "
        "and council leader Petra Quill said she expected the bridge road to reopen by Sunday."
    ),
}
BATCH = 2
INGEST_RUNS = 2
TURN_WAIT_S = 3.0
NEWSYNTH = [sys.executable, "-m", "newsynth.cli"]


def route_of(origin: str) -> str:
    return "server" if origin == "api" else "watch" if origin.startswith("http") else "ingest"


def post_all(base: str, records: list[dict], failures: list[str], others_done: threading.Event) -> None:
    """Post a few records at a time; before each post, let the other writers add some while they run."""
    with httpx.Client(base_url=base, timeout=120) as client:
        for start in range(0, len(records), BATCH):
            seen = client.get("/healthz").json()["articles"]
            deadline = time.monotonic() + TURN_WAIT_S
            while (
                client.get("/healthz").json()["articles"] == seen
                and not others_done.is_set()
                and time.monotonic() < deadline
            ):
                time.sleep(0.05)
            response = client.post("/api/articles", json=records[start : start + BATCH])
            if response.status_code not in (200, 201):
                failures.append(response.text)


def ingest_all(files: list[Path], store: Path, failures: list[str], done: threading.Event) -> None:
    """One `newsynth ingest` process per file, one after the other (each one a writer of its own)."""
    for file in files:
        ran = subprocess.run([*NEWSYNTH, "ingest", str(file), "--store", str(store)], capture_output=True)
        if ran.returncode != 0:
            failures.append(ran.stderr.decode())
    done.set()


def test_watch_server_and_ingest_together_lose_no_article_and_split_no_story(tmp_path: Path) -> None:
    store = tmp_path / "shared.sqlite"
    pile = [{"text": a.raw_text, "outlet": a.outlet} for a, _ in synthetic_pile(40, seed=4)]
    posted, filed = [*pile[0::2], BRIDGE_POSTED], [*pile[1::2], BRIDGE_FILED]
    files = [tmp_path / f"filed-{n}.jsonl" for n in range(INGEST_RUNS)]
    for n, file in enumerate(files):
        file.write_text("".join(json.dumps(r) + "\n" for r in filed[n::INGEST_RUNS]), encoding="utf-8")

    failures: list[str] = []
    ingested = threading.Event()
    with RunningSite() as site, running_server(ServeSettings(store=store, events_poll_s=0.2)) as base:
        watch = subprocess.Popen(
            [
                *NEWSYNTH,
                "watch",
                f"{site.base}/rss.xml",
                f"{site.base}/atom.xml",
                "--store",
                str(store),
                "--once",
                "--allow-private",
                "--delay",
                "0s",
                "--timeout",
                "1.2s",  # the slow page (1.5 s) still times out; good pages keep room on a busy machine
                "--max-page",
                "100kB",
            ],
            stderr=subprocess.PIPE,
        )
        writers = [
            threading.Thread(target=ingest_all, args=(files, store, failures, ingested)),
            threading.Thread(target=post_all, args=(base, posted, failures, ingested)),
        ]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join(timeout=300)
        assert watch.wait(timeout=300) == 0, watch.stderr.read()
    assert failures == []

    with ArticleStore(store) as shared:
        arrived = shared.articles()
        online = shared.assignments()
    texts = {content_hash(a) for a in arrived}
    assert len(arrived) == len(texts) == len(pile) + 2 + 4  # the pile, two bridge reports, four watched pages

    routes = [route_of(a.origin) for a in arrived]
    assert sum(a != b for a, b in pairwise(routes)) >= 4, routes  # the writers took turns

    with ArticleStore(tmp_path / "one-writer.sqlite") as single:
        single.ingest(arrived)
        assert single.assignments() == online

    bridge = {
        online[a.id]
        for a in arrived
        if "Tolvern swing bridge" in a.raw_text or "Tolvern bridge" in a.raw_text
    }
    assert len(bridge) == 1
