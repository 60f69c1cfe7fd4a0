"""Scale benchmark of the group stage on a synthetic pile (invented events, see newsynth.group.synthetic).

    python benchmarks/group_scale.py --articles 100000          # in-memory ingest -> group
    python benchmarks/group_scale.py --articles 20000 --store    # through the SQLite store
    python benchmarks/group_scale.py --articles 10000 --clean    # with the clean stage per article

Reports articles/s per window of the pile (the per-article cost must not grow with the pile),
the final refine pass, peak RSS, and B-cubed against the synthetic gold. The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from newsynth.evaluate.group import b_cubed
from newsynth.group.batch import prepare, story_id_for
from newsynth.group.features import featurize
from newsynth.group.index import GroupSettings, StoryIndex
from newsynth.group.refine import refine
from newsynth.group.synthetic import synthetic_pile


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def progress(total: int):
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="article", file=sys.stderr)


def run(articles: int, window: int, clean: bool, use_store: bool, seed: int) -> dict:
    started = time.perf_counter()
    pile = list(synthetic_pile(articles, seed=seed))
    generated = time.perf_counter() - started
    gold = {article.id: event for article, event in pile}
    settings = GroupSettings()
    windows: list[dict] = []
    bar = progress(articles)
    with tempfile.TemporaryDirectory() as folder:
        store = None
        if use_store:
            from newsynth.store import ArticleStore

            store = ArticleStore(Path(folder) / "bench.sqlite", settings)
            index = store.index
        else:
            index = StoryIndex(settings)
        features = []
        ingest_started = window_started = time.perf_counter()
        for position, (article, _) in enumerate(pile, start=1):
            if store is not None:
                store.ingest([article])
            else:
                item = prepare(article) if clean else featurize(article)
                index.assign_and_add(item, story_id_for(item))
                features.append(item)
            if bar:
                bar.update()
            if position % window == 0 or position == articles:
                now = time.perf_counter()
                size = position - (windows[-1]["up_to"] if windows else 0)
                windows.append({"up_to": position, "articles_per_s": round(size / (now - window_started), 1)})
                window_started = now
        ingest_seconds = time.perf_counter() - ingest_started
        if bar:
            bar.close()
        refine_started = time.perf_counter()
        if store is not None:
            features = store.features()
            online = store.assignments()
            store.close()
        else:
            online = dict(index.story_of)
        labels = refine(features, online, settings)
        refine_seconds = time.perf_counter() - refine_started
    score = b_cubed(labels, gold)
    online_score = b_cubed(online, gold)
    return {
        "articles": articles,
        "path": "store" if use_store else ("clean+group" if clean else "group"),
        "events": len(set(gold.values())),
        "stories_found": len(set(labels.values())),
        "generate_s": round(generated, 1),
        "ingest_s": round(ingest_seconds, 1),
        "refine_s": round(refine_seconds, 1),
        "ingest_articles_per_s": round(articles / ingest_seconds, 1),
        "total_articles_per_s": round(articles / (ingest_seconds + refine_seconds), 1),
        "first_window_articles_per_s": windows[0]["articles_per_s"],
        "last_window_articles_per_s": windows[-1]["articles_per_s"],
        "windows": windows,
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "online_f1": round(online_score.f1, 4),
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "f1": round(score.f1, 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--window", type=int, default=10_000, help="Report the rate every N articles.")
    parser.add_argument("--clean", action="store_true", help="Run the clean stage on every article too.")
    parser.add_argument("--store", action="store_true", help="Ingest through the SQLite store (WAL).")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.articles < 1 or args.window < 1:
        parser.error("--articles and --window must be positive")
    result = run(args.articles, min(args.window, args.articles), args.clean, args.store, args.seed)
    print(f"path {result['path']}: {result['articles']} articles, {result['events']} events")
    print(f"{'articles up to':>15} {'articles/s':>11}")
    for window in result["windows"]:
        print(f"{window['up_to']:>15} {window['articles_per_s']:>11.1f}")
    print(f"ingest {result['ingest_s']} s, refine {result['refine_s']} s")
    print(f"total {result['total_articles_per_s']} articles/s")
    print(f"peak RSS {result['peak_rss_mb']} MB")
    print(f"B-cubed P {result['precision']:.3f} R {result['recall']:.3f} F1 {result['f1']:.3f}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
