"""CPU time of `compare_story` per story of four usable articles, from cold (caches cleared), best of N.

Usage: python benchmarks/compare_speed.py [DATA.jsonl ...] [--repeats N] [--against OTHER/src]

With ``--against``, another tree (e.g. main's ``src``) is timed side by side: one worker process per
tree, and the two are asked in turn for each story and repetition, so that the load of other processes
on a shared machine falls on both alike (run it pinned: ``taskset -c 0 python ...``; the workers
inherit the pinning). Both workers compare the very same stories, read and cleaned by this tree and
handed over pickled (an older tree's clean stage may cut some articles differently). The figures
are the median over stories of each story's fastest run, and the median of the per-story ratios.
The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

THIS_TREE = Path(__file__).resolve().parents[1] / "src"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "data", nargs="*", default=["../shared/data/dev.jsonl", "../shared/data/conflicts-dev.jsonl"]
    )
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--against", help="the src folder of another tree to time side by side")
    parser.add_argument("--worker", help=argparse.SUPPRESS)  # the pickled stories to time
    arguments = parser.parse_args()
    if arguments.worker:
        serve(Path(arguments.worker))
    elif arguments.against:
        side_by_side(arguments.data, arguments.repeats, Path(arguments.against).resolve())
    else:
        alone(arguments.data, arguments.repeats)


def four_article_stories(paths: list[str]) -> dict[str, object]:
    from newsynth.evaluate.compare import story_from_record
    from newsynth.summarize.batch import read_batch

    stories = {
        str(record["id"]): story_from_record(record) for path in paths for record in read_batch(path)[0]
    }
    return {key: story for key, story in stories.items() if len(story.usable_articles) == 4}


def warmed_up(stories: dict[str, object]) -> dict[str, object]:
    from newsynth.compare import compare_story

    compare_story(next(iter(stories.values())))  # type: ignore[arg-type]  # load the NER model first
    return stories


def cold_ms(story: object) -> float:
    from newsynth.compare import clear_caches, compare_story

    clear_caches()
    started = time.process_time()
    compare_story(story)  # type: ignore[arg-type]
    return (time.process_time() - started) * 1000


def alone(paths: list[str], repeats: int) -> None:
    four = warmed_up(four_article_stories(paths))
    fastest = [min(cold_ms(story) for _ in range(repeats)) for story in four.values()]
    median, mean = statistics.median(fastest), statistics.mean(fastest)
    print(f"{len(four)} stories of four articles: CPU median {median:.1f} ms, mean {mean:.1f} ms")
    print(json.dumps({"stories": len(four), "median_ms": round(median, 2), "mean_ms": round(mean, 2)}))


def serve(pickled: Path) -> None:
    """Worker: print the story ids, then for each id read from stdin the ms of one cold comparison."""
    four = warmed_up(pickle.loads(pickled.read_bytes()))
    print(json.dumps(sorted(four)), flush=True)
    for line in sys.stdin:
        print(cold_ms(four[line.strip()]), flush=True)


def side_by_side(paths: list[str], repeats: int, other: Path) -> None:
    trees = {"this": THIS_TREE, "other": other}
    with tempfile.NamedTemporaryFile(suffix=".pickle") as stories:
        stories.write(pickle.dumps(four_article_stories(paths)))
        stories.flush()
        workers = {name: _start_worker(src, Path(stories.name)) for name, src in trees.items()}
        ids = sorted(set.intersection(*(set(json.loads(w.stdout.readline())) for w in workers.values())))
    fastest: dict[str, dict[str, float]] = {name: {} for name in trees}
    for repeat in range(repeats):
        for key in ids:
            order = list(trees) if (repeat + ids.index(key)) % 2 == 0 else list(trees)[::-1]
            for name in order:
                workers[name].stdin.write(key + "\n")  # type: ignore[union-attr]
                workers[name].stdin.flush()  # type: ignore[union-attr]
                ms = float(workers[name].stdout.readline())  # type: ignore[union-attr]
                fastest[name][key] = min(ms, fastest[name].get(key, float("inf")))
    for worker in workers.values():
        worker.stdin.close()  # type: ignore[union-attr]
        worker.wait()
    medians = {name: statistics.median(times.values()) for name, times in fastest.items()}
    ratio = statistics.median(fastest["this"][key] / fastest["other"][key] for key in ids)
    print(
        f"{len(ids)} stories of four articles, CPU median of each story's fastest of {repeats}: "
        f"this tree {medians['this']:.2f} ms, {other} {medians['other']:.2f} ms, ratio {ratio:.3f}"
    )
    print(
        json.dumps(
            {
                "stories": len(ids),
                "median_ms": round(medians["this"], 2),
                "other_median_ms": round(medians["other"], 2),
                "median_ratio": round(ratio, 3),
            }
        )
    )


def _start_worker(src: Path, stories: Path) -> subprocess.Popen[str]:
    environment = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.Popen(
        [sys.executable, __file__, "--worker", str(stories)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=environment,
    )


if __name__ == "__main__":
    main()
