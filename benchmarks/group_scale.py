"""Scale benchmark of the group stage on a synthetic pile (invented events, see newsynth.group.synthetic).

    python benchmarks/group_scale.py --articles 100000          # in-memory ingest -> group
    python benchmarks/group_scale.py --articles 20000 --store    # through the SQLite store
    python benchmarks/group_scale.py --articles 10000 --clean    # with the clean stage per article
    python benchmarks/group_scale.py --workers 2                 # features over 2 processes
    python benchmarks/group_scale.py --articles 20000 --online 1 # online assignment, shuffled arrivals

Texts are generated chunk by chunk (not timed) and only their features are kept, so a pile of a
million articles fits in memory. Reports articles/s per window of the pile for the assignment in
date order (the per-article cost must not grow with the pile: stale stories leave the index), the
time of every step, overall articles/s, peak RSS, and B-cubed against the synthetic gold. With
``--online SEED`` the articles arrive in a shuffled order instead and are assigned as ``ingest`` does
(with its small regroupings), timed in CPU seconds per window. The last line is JSON.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from newsynth.evaluate.group import b_cubed
from newsynth.group.batch import assign_online, featurize_many, group_pile
from newsynth.group.features import ArticleFeatures
from newsynth.group.index import GroupSettings
from newsynth.group.refine import date_order, final_pass, pile_idf
from newsynth.group.synthetic import synthetic_pile
from newsynth.records import Article

Pile = list[tuple[Article, str]]  # articles with the id of their synthetic event


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def progress(total: int, label: str) -> Any:
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc=label, unit="article", file=sys.stderr)


class Windows:
    """Articles/s over consecutive windows of a loop, to show the per-article cost stays flat."""

    def __init__(self, size: int, total: int) -> None:
        self.size, self.total, self.rows = size, total, []
        self.started = time.perf_counter()

    def tick(self, position: int) -> None:
        if position % self.size and position != self.total:
            return
        now = time.perf_counter()
        done = position - (self.rows[-1]["up_to"] if self.rows else 0)
        self.rows.append({"up_to": position, "articles_per_s": round(done / (now - self.started), 1)})
        self.started = now


def featurized_pile(
    articles: int, seed: int, clean: bool, workers: int, chunk: int = 10_000
) -> tuple[list[ArticleFeatures], dict[str, str], float, float]:
    """Features of a synthetic pile, generated and featurized chunk by chunk so that the texts of a
    large pile are never all in memory; returns the seconds spent generating and featurizing."""
    features: list[ArticleFeatures] = []
    gold: dict[str, str] = {}
    generating = featurizing = 0.0
    generated = iter(synthetic_pile(articles, seed=seed))
    bar = progress(articles, "features")
    while len(features) < articles:
        started = time.perf_counter()
        part = [pair for _, pair in zip(range(chunk), generated, strict=False)]
        generating += time.perf_counter() - started
        started = time.perf_counter()
        features.extend(featurize_many([article for article, _ in part], workers, clean=clean))
        featurizing += time.perf_counter() - started
        gold.update((article.id, event) for article, event in part)
        if bar:
            bar.update(len(part))
    if bar:
        bar.close()
    return features, gold, generating, featurizing


def run_batch(
    features: list[ArticleFeatures], window: int, settings: GroupSettings
) -> tuple[dict, dict[str, str], dict]:
    """The `stories` path after features: pile IDF and date order, then the final pass (assignment in
    that order with the first refine round, timed per window)."""
    timings = {}
    started = time.perf_counter()
    idf = pile_idf(features)
    ordered = date_order(features)
    timings["order_s"] = time.perf_counter() - started
    windows = Windows(window, len(ordered))
    bar = progress(len(ordered), "assign")

    def tick(position: int) -> None:
        windows.tick(position)
        if bar:
            bar.update()

    started = time.perf_counter()
    labels, index = final_pass(ordered, settings, idf, on_article=tick)
    timings["assign_s"] = time.perf_counter() - started
    if bar:
        bar.close()
    extra = {
        "assign_windows": windows.rows,
        "online": dict(index.story_of),
        "live_stories": index.live_stories,
    }
    return timings, labels, extra


def run_online(
    features: list[ArticleFeatures], window: int, settings: GroupSettings, order_seed: int
) -> tuple[dict, dict[str, str], dict]:
    """The online assignment of ``ingest`` over one shuffled arrival order, timed in CPU seconds (the
    machine is shared: wall clock varies more than the work)."""
    arrivals = list(features)
    random.Random(order_seed).shuffle(arrivals)
    rows: list[dict] = []
    started = window_started = time.process_time()

    def timed(items: list[ArticleFeatures]) -> Any:
        nonlocal window_started
        for position, item in enumerate(items, start=1):
            yield item
            if position % window == 0 or position == len(items):
                now = time.process_time()
                done = position - (rows[-1]["up_to"] if rows else 0)
                rows.append(
                    {"up_to": position, "articles_per_cpu_s": round(done / (now - window_started), 1)}
                )
                window_started = now

    index = assign_online(timed(arrivals), settings)
    timings = {"online_cpu_s": time.process_time() - started}
    labels = dict(index.story_of)
    return timings, labels, {"online_windows": rows, "online": labels, "live_stories": index.live_stories}


def run_store(pile: Pile, window: int, settings: GroupSettings) -> tuple[dict, dict[str, str], dict]:
    """The `ingest` then `stories --store` path: one transaction per article, then the final grouping."""
    from newsynth.store import ArticleStore

    timings = {}
    with tempfile.TemporaryDirectory() as folder:
        store = ArticleStore(Path(folder) / "bench.sqlite", settings)
        windows = Windows(window, len(pile))
        bar = progress(len(pile), "ingest")
        started = time.perf_counter()
        for position, (article, _) in enumerate(pile, start=1):
            store.ingest([article])
            windows.tick(position)
            if bar:
                bar.update()
        timings["ingest_s"] = time.perf_counter() - started
        if bar:
            bar.close()
        online = store.assignments()
        started = time.perf_counter()
        labels = group_pile(store.features(), settings)
        timings["final_grouping_s"] = time.perf_counter() - started
        size_mb = (Path(folder) / "bench.sqlite").stat().st_size / 2**20
        store.close()
    return timings, labels, {"ingest_windows": windows.rows, "online": online, "store_mb": round(size_mb, 1)}


def run(
    articles: int,
    window: int,
    clean: bool,
    use_store: bool,
    seed: int,
    workers: int,
    online_order: int | None,
) -> dict:
    settings = GroupSettings()
    if online_order is not None:
        features, gold, generated, featurizing = featurized_pile(articles, seed, clean, workers)
        timings, labels, extra = run_online(features, window, settings, online_order)
        timings = {"featurize_s": featurizing, **timings}
    elif use_store:
        started = time.perf_counter()
        pile = list(synthetic_pile(articles, seed=seed))
        generated = time.perf_counter() - started
        gold = {article.id: event for article, event in pile}
        timings, labels, extra = run_store(pile, window, settings)
    else:
        features, gold, generated, featurizing = featurized_pile(articles, seed, clean, workers)
        timings, labels, extra = run_batch(features, window, settings)
        timings = {"featurize_s": featurizing, **timings}
    online = extra.pop("online")
    seconds = sum(timings.values())
    score = b_cubed(labels, gold)
    rows = extra.get("assign_windows") or extra.get("ingest_windows") or extra.get("online_windows")
    rate = next(name for name in rows[0] if name != "up_to")
    path = "store" if use_store else ("clean+group" if clean else "group")
    return {
        "articles": articles,
        "path": f"online (order {online_order})" if online_order is not None else path,
        "workers": 1 if use_store else workers,
        "events": len(set(gold.values())),
        "stories_found": len(set(labels.values())),
        "generate_s": round(generated, 1),
        **{name: round(value, 1) for name, value in timings.items()},
        "articles_per_s": round(articles / seconds, 1),
        f"first_window_{rate}": rows[0][rate],
        f"last_window_{rate}": rows[-1][rate],
        **extra,
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "worker_peak_rss_mb": round(peak_rss_mb(resource.RUSAGE_CHILDREN), 1),
        "online_f1": round(b_cubed(online, gold).f1, 4),
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "f1": round(score.f1, 4),
        "stories_sha1": hashlib.sha1(json.dumps(sorted(labels.items())).encode()).hexdigest()[:12],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--window", type=int, default=10_000, help="Report the rate every N articles.")
    parser.add_argument("--clean", action="store_true", help="Run the clean stage on every article too.")
    parser.add_argument("--store", action="store_true", help="Ingest through the SQLite store (WAL).")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1, help="Processes computing features (batch path).")
    parser.add_argument(
        "--online",
        type=int,
        metavar="SEED",
        help="Time the online assignment over arrivals shuffled with SEED.",
    )
    args = parser.parse_args()
    if args.articles < 1 or args.window < 1:
        parser.error("--articles and --window must be positive")
    result = run(
        args.articles,
        min(args.window, args.articles),
        args.clean,
        args.store,
        args.seed,
        args.workers,
        args.online,
    )
    print(f"path {result['path']}: {result['articles']} articles, {result['events']} events")
    kind = next(name for name in ("assign_windows", "ingest_windows", "online_windows") if name in result)
    rows = result[kind]
    rate = next(name for name in rows[0] if name != "up_to")
    label = {"assign_windows": "assignment", "ingest_windows": "ingest", "online_windows": "online"}[kind]
    print(f"{'articles up to':>15} {label + ' ' + rate.replace('_', ' '):>30}")
    for row in rows:
        print(f"{row['up_to']:>15} {row[rate]:>30.1f}")
    for name in (
        "featurize_s",
        "order_s",
        "assign_s",
        "online_cpu_s",
        "refine_s",
        "ingest_s",
        "final_grouping_s",
    ):
        if name in result:
            print(f"{name:<18} {result[name]:>8.1f} s")
    print(f"overall {result['articles_per_s']} articles/s, peak RSS {result['peak_rss_mb']} MB")
    print(f"B-cubed P {result['precision']:.3f} R {result['recall']:.3f} F1 {result['f1']:.3f}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
