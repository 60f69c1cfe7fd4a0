"""Benchmark summarize-batch: per-story latency, throughput, CLI start-up and peak memory.

    python benchmarks/summarize_batch.py [DATA.jsonl] [--repeat N]

Runs the same code path as `newsynth summarize-batch` (clean + summarize per story, one core,
start-up excluded), over DATA repeated N times; then times the CLI start-up (`newsynth --help`) in
fresh processes. Prints a table, then the figures as JSON on the last line.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "dev.jsonl"


def time_stories(records: list[dict], repeat: int, max_words: int) -> list[float]:
    from newsynth.summarize.batch import summarize_record

    timings = []
    for _ in range(repeat):
        for record in records:
            start = time.perf_counter()
            summarize_record(record, max_words)
            timings.append((time.perf_counter() - start) * 1000)
    return timings


def time_startup(runs: int) -> float:
    """Median seconds of `newsynth --help` in a fresh interpreter."""
    command = [sys.executable, "-m", "newsynth.cli", "--help"]
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--max-words", type=int, default=200)
    parser.add_argument("--startup-runs", type=int, default=5)
    args = parser.parse_args()
    if not Path(args.data).exists():
        sys.exit(f"benchmark: {args.data}: no such file (needs ../shared beside the project)")
    records = [json.loads(line) for line in Path(args.data).read_text(encoding="utf-8").splitlines() if line]
    for record in records:  # only the documents are read, as in summarize-batch
        record["documents"] = [d if isinstance(d, str) else d.get("text", "") for d in record["documents"]]

    from newsynth.summarize.batch import summarize_record

    summarize_record(records[0], args.max_words)  # warm-up: lazy imports and caches, as after start-up
    started = time.perf_counter()
    timings = time_stories(records, args.repeat, args.max_words)
    elapsed = time.perf_counter() - started
    startup = time_startup(args.startup_runs)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    articles = sum(len(r["documents"]) for r in records) / len(records)
    figures = {
        "stories": len(timings),
        "articles_per_story": round(articles, 2),
        "median_ms_per_story": round(statistics.median(timings), 2),
        "p95_ms_per_story": round(percentile(timings, 0.95), 2),
        "stories_per_second": round(len(timings) / elapsed, 1),
        "cli_startup_s": round(startup, 3),
        "peak_rss_mb": round(peak_mb, 1),
        "cpu_threads": os.environ.get("OMP_NUM_THREADS", "unset"),
    }
    print(f"summarize-batch over {args.data} x{args.repeat} ({figures['articles_per_story']} articles/story)")
    for name, value in figures.items():
        print(f"  {name:<22} {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
