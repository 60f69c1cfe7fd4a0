"""CPU time of `compare_story` per story of four usable articles, from cold (caches cleared), best of N.

Usage: python benchmarks/compare_speed.py [DATA.jsonl ...] [--repeats N]
Run it for two versions side by side (e.g. PYTHONPATH=<other tree>/src, pinned with `taskset -c 0`, in
alternation), since other processes share the machine. The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from newsynth.compare import clear_caches, compare_story
from newsynth.evaluate.compare import story_from_record
from newsynth.summarize.batch import read_batch


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "data", nargs="*", default=["../shared/data/dev.jsonl", "../shared/data/conflicts-dev.jsonl"]
    )
    parser.add_argument("--repeats", type=int, default=5)
    arguments = parser.parse_args()
    stories = [story_from_record(record) for path in arguments.data for record in read_batch(path)[0]]
    four = [story for story in stories if len(story.usable_articles) == 4]
    compare_story(four[0])  # load the NER model before timing
    fastest = []
    for story in four:
        runs = []
        for _ in range(arguments.repeats):
            clear_caches()
            started = time.process_time()
            compare_story(story)
            runs.append((time.process_time() - started) * 1000)
        fastest.append(min(runs))
    median, mean = statistics.median(fastest), statistics.mean(fastest)
    print(f"{len(four)} stories of four articles: CPU median {median:.1f} ms, mean {mean:.1f} ms")
    print(
        json.dumps(
            {
                "stories": len(four),
                "median_ms": round(statistics.median(fastest), 2),
                "mean_ms": round(statistics.mean(fastest), 2),
            }
        )
    )


if __name__ == "__main__":
    main()
