"""`newsynth stories`, `newsynth ingest` and `newsynth eval-group`: a pile of articles becomes stories."""

from __future__ import annotations

import html
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

import click

from newsynth.cli.common import fail, warn_skipped, write_atomically
from newsynth.defaults import DEFAULT_MAX_WORDS
from newsynth.records import Story

BRIEF_FORMATS = ("md", "json", "html")


@dataclass
class StoryEntry:
    """One line of the index: a story with what a reader scans for."""

    id: str
    title: str
    size: int
    outlets: list[str]
    first_day: str | None
    last_day: str | None

    @property
    def date_range(self) -> str:
        if not self.first_day:
            return "date unknown"
        return self.first_day if self.first_day == self.last_day else f"{self.first_day} to {self.last_day}"


# --- stories -----------------------------------------------------------------------------------
@click.command("stories")
@click.argument("paths", nargs=-1)
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False), help="Folder.")
@click.option("--store", "store_path", type=click.Path(dir_okay=False), help="Render the stories of a store.")
@click.option("--max-words", type=click.IntRange(min=1), default=DEFAULT_MAX_WORDS, show_default=True)
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS|local",
    help="Run on a Dask cluster (scheduler address, or 'local' for a LocalCluster on this machine).",
)
@click.option(
    "--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Processes for features."
)
def stories_command(
    paths: tuple[str, ...],
    outdir: str,
    store_path: str | None,
    max_words: int,
    dask_address: str | None,
    workers: int,
) -> None:
    """Group the articles in PATHS (or a --store) into stories; write a brief per story and an index."""
    if bool(paths) == bool(store_path):
        fail("give either PATHS or --store DB (not both)")
    if dask_address and not store_path:
        with _dask_client(dask_address) as client:
            stories = _stories_with_dask(paths, client)
            if not stories:
                fail("no usable article in the input")
            entries = write_story_briefs(stories, Path(outdir), max_words, client)
    else:
        stories = _stories_from_store(store_path) if store_path else _stories_from_paths(paths, workers)
        if not stories:
            fail("no usable article in the input")
        entries = write_story_briefs(stories, Path(outdir), max_words)
    if not entries:
        fail("no story had usable text after cleaning")
    click.echo(f"{len(entries)} stories from {sum(e.size for e in entries)} articles written to {outdir}")


def _stories_from_paths(paths: Sequence[str], workers: int) -> list[Story]:
    from newsynth.group import group_articles
    from newsynth.ingest import read_paths

    result = read_paths(paths)
    warn_skipped(result.skipped)
    return group_articles(result.articles, workers=workers)


def _stories_from_store(store_path: str) -> list[Story]:
    store = _open_store(store_path, must_exist=True)
    with store:
        return store.final_stories()


def _stories_with_dask(paths: Sequence[str], client: Any) -> list[Story]:
    from newsynth.group.distributed import group_shards

    shards = shard_files(paths)
    if not shards:
        fail("no input file to read")
    stories, skipped = group_shards(client, shards)
    warn_skipped(skipped)
    return stories


def shard_files(paths: Sequence[str]) -> list[str]:
    """The files to hand to workers: files as given, folders recursed (sorted, hidden files left out)."""
    files: list[str] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = [f for f in path.rglob("*") if f.is_file() and not _hidden(f.relative_to(path))]
            files.extend(str(f) for f in sorted(found))
        elif path.is_file():
            files.append(str(path))
        else:
            click.echo(f"newsynth: skipped {name}: no such file or folder", err=True)
    return list(dict.fromkeys(files))


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


@contextmanager
def _dask_client(address: str) -> Iterator[Any]:
    """A client of the scheduler at ``address``, or of a LocalCluster (loopback only) for 'local'."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        fail("--dask needs the 'distributed' extra: pip install 'newsynth[distributed]'")
    if address == "local":
        with (
            LocalCluster(
                n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(address, timeout="10s")
    except OSError as error:
        fail(f"cannot reach the Dask scheduler at {address}: {error}")
    with client:
        yield client


@dataclass
class StoryOutput:
    """What making one story's brief gave: its index entry and rendered briefs, or why it was left out."""

    story_id: str
    entry: StoryEntry | None = None
    texts: dict[str, str] | None = None
    problem: str | None = None


def write_story_briefs(
    stories: Sequence[Story], outdir: Path, max_words: int, client: Any = None
) -> list[StoryEntry]:
    """One brief per story in every format, then index.html and index.md; returns the index entries.

    With a Dask ``client`` the briefs are made on the cluster; files are written here either way.
    """
    if client is not None:
        from functools import partial

        from newsynth.group.distributed import map_stories

        outputs: Iterable[StoryOutput] = map_stories(
            client, partial(story_outputs, max_words=max_words), stories
        )
    else:
        outputs = (story_outputs(story, max_words) for story in _progress(stories, "briefs"))
    entries = []
    for output in outputs:
        if output.problem or output.entry is None or output.texts is None:
            click.echo(f"newsynth: story {output.story_id}: {output.problem}; left out", err=True)
            continue
        for fmt, text in output.texts.items():
            write_atomically(outdir / f"{output.story_id}.{fmt}", text)
        entries.append(output.entry)
    entries = order_entries(entries)
    write_atomically(outdir / "index.html", index_html(entries))
    write_atomically(outdir / "index.md", index_markdown(entries))
    return entries


def story_outputs(story: Story, max_words: int) -> StoryOutput:
    """The index entry and rendered briefs of one story (runs on Dask workers too: no printing)."""
    from newsynth.clean import clean_articles
    from newsynth.pipeline import brief_for_story
    from newsynth.render import render

    clean_articles(story.articles)
    if not story.usable_articles:
        return StoryOutput(story.id, problem="no usable text after cleaning")
    try:
        made = brief_for_story(story, max_words)
        texts = {fmt: render(made, fmt) for fmt in BRIEF_FORMATS}
    except Exception as error:  # one bad story must not sink the others
        return StoryOutput(story.id, problem=f"brief failed ({type(error).__name__}: {error})")
    return StoryOutput(story.id, story_entry(story, made.title), texts)


def story_entry(story: Story, title: str) -> StoryEntry:
    from newsynth.group.features import article_day, day_to_iso

    days = core_days([day for day in (article_day(a) for a in story.articles) if day is not None])
    outlets = sorted({name for name in (_outlet(a.outlet, a.url) for a in story.articles) if name})
    return StoryEntry(
        id=story.id,
        title=title,
        size=len(story.articles),
        outlets=outlets,
        first_day=day_to_iso(days[0]) if days else None,
        last_day=day_to_iso(days[-1]) if days else None,
    )


def core_days(days: list[int], reach: int = 14) -> list[int]:
    """The story's dates without outliers (a page's stray date years off): within ``reach`` of the median."""
    if not days:
        return []
    ordered = sorted(days)
    median = ordered[len(ordered) // 2]
    return [day for day in ordered if abs(day - median) <= reach]


def _outlet(outlet: str | None, url: str | None) -> str | None:
    if outlet:
        return outlet
    if url and "//" in url:
        host = url.split("//", 1)[1].split("/", 1)[0]
        return host.removeprefix("www.") or None
    return None


def order_entries(entries: Iterable[StoryEntry]) -> list[StoryEntry]:
    """Biggest stories first, then the most recent, then by id for a stable order."""
    ordered = sorted(entries, key=lambda e: e.id)
    ordered.sort(key=lambda e: e.last_day or "", reverse=True)
    ordered.sort(key=lambda e: e.size, reverse=True)
    return ordered


def index_markdown(entries: Sequence[StoryEntry]) -> str:
    lines = [f"# Stories ({len(entries)})", ""]
    for entry in entries:
        outlets = ", ".join(entry.outlets) or "outlets unknown"
        lines.append(
            f"- [{entry.title}]({entry.id}.md) — {_articles(entry.size)}; {outlets}; {entry.date_range}"
        )
    return "\n".join(lines) + "\n"


def _articles(count: int) -> str:
    return f"{count} article" if count == 1 else f"{count} articles"


def index_html(entries: Sequence[StoryEntry]) -> str:
    rows = []
    for entry in entries:
        outlets = html.escape(", ".join(entry.outlets) or "outlets unknown")
        rows.append(
            f'<tr><td><a href="{html.escape(entry.id)}.html">{html.escape(entry.title)}</a></td>'
            f"<td>{entry.size}</td><td>{outlets}</td><td>{html.escape(entry.date_range)}</td></tr>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Stories ({len(entries)})</title>"
        "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
        "table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.4rem;"
        "border-bottom:1px solid #ddd;vertical-align:top}</style></head><body>"
        f"<h1>Stories ({len(entries)})</h1><table><thead><tr><th>Story</th><th>Articles</th>"
        "<th>Outlets</th><th>Dates</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></body></html>\n"
    )


# --- ingest ------------------------------------------------------------------------------------
@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--store", "store_path", required=True, type=click.Path(dir_okay=False), help="SQLite file.")
@click.option(
    "--warc", is_flag=True, help="PATHS are WARC files (.warc, .warc.gz): read their HTML responses."
)
def ingest_command(paths: tuple[str, ...], store_path: str, warc: bool) -> None:
    """Add the articles in PATHS to a store, each to an existing story or a new one."""
    if warc:
        _ingest_warcs(list(paths), store_path)
        return
    from newsynth.ingest import read_paths

    result = read_paths(paths)
    warn_skipped(result.skipped)
    if not result.articles:
        fail("no usable article in the input")
    with _open_store(store_path, must_exist=False) as store:
        bar = _progress_bar(len(result.articles), "ingest")
        counts = store.ingest(result.articles, on_article=lambda _: bar.update() if bar else None)
        if bar:
            bar.close()
        _report_ingest(store, counts, store_path)


def _ingest_warcs(paths: list[str], store_path: str) -> None:
    """Stream the archives' HTML responses into the store, one article at a time."""
    from newsynth.ingest.warc import WarcCounts, read_warcs

    read = WarcCounts()
    articles = read_warcs(paths, read)
    first = next(articles, None)  # nothing is written unless the archives hold a page
    if first is None:
        warn_skipped(read.skipped)
        fail(f"no usable HTML response in the WARC input ({read.records} records read)")
    with _open_store(store_path, must_exist=False) as store:
        bar = _progress_bar(None, "ingest")
        counts = store.ingest(chain([first], articles), on_article=lambda _: bar.update() if bar else None)
        if bar:
            bar.close()
        warn_skipped(read.skipped)
        _report_ingest(store, counts, store_path)


def _report_ingest(store: Any, counts: Any, store_path: str) -> None:
    total_articles = store.article_count
    total_stories = store.story_count
    click.echo(
        f"added {counts.added} articles ({counts.duplicates} already there), "
        f"{counts.new_stories} new stories; "
        f"{store_path} holds {total_articles} articles in {total_stories} stories"
    )


def _open_store(store_path: str, *, must_exist: bool) -> Any:
    from newsynth.store import ArticleStore
    from newsynth.store.sqlite import StoreError

    if must_exist and not Path(store_path).is_file():
        fail(f"{store_path}: no such store")
    try:
        return ArticleStore(store_path)
    except StoreError as error:
        fail(str(error))


# --- eval-group --------------------------------------------------------------------------------
@click.command("eval-group")
@click.argument("data", nargs=-1, required=True, metavar="DATA.jsonl...", type=click.Path(dir_okay=False))
@click.option("--seeds", default="1,2", show_default=True, help="Shuffles for the online arrival orders.")
@click.option("--aside", default="", help="Comma-separated families to hold aside (scored at the end only).")
@click.option("--cv/--no-cv", default=True, show_default=True, help="Leave-one-family-out cross-validation.")
def eval_group_command(data: tuple[str, ...], seeds: str, aside: str, cv: bool) -> None:
    """Mix every document of DATA.jsonl (one or more files), group them, and score B-cubed against the
    story ids: the shipped model, leave-one-family-out cross-validation beside a TF-IDF average-link
    baseline, and the families held aside."""
    from newsynth.evaluate.group import (
        cross_validate,
        evaluate_grouping,
        labelled_pile,
        read_labelled_records,
        score_held_out,
        split_aside,
    )

    try:
        seed_values = tuple(int(seed) for seed in seeds.split(",") if seed.strip())
    except ValueError:
        fail(f"--seeds: expected integers separated by commas, got {seeds!r}")
    aside_families = {name.strip() for name in aside.split(",") if name.strip()}
    for path in data:
        if not Path(path).is_file():
            fail(f"{path}: no such file")
    try:
        records = read_labelled_records(data)
    except (ValueError, OSError) as error:
        fail(str(error))
    if not records:
        fail(f"{', '.join(data)}: no record with documents")
    pile = labelled_pile(records)
    missing = aside_families - set(pile.family.values())
    if missing:
        fail(f"--aside: no such family in the data: {', '.join(sorted(missing))}")
    result = evaluate_grouping(records, seeds=seed_values, pile=pile)
    families = len(set(pile.family.values()))
    click.echo(
        f"{result.documents} documents, {result.stories} stories in {families} families; "
        f"found {result.found_stories}"
    )
    click.echo(f"{'grouping':<44} {'P':>6} {'R':>6} {'F1':>6}")
    rows = [("newsynth, final stories (any order)", result.final)]
    rows += [(f"newsynth, online, arrival seed {seed}", score) for seed, score in result.online.items()]
    figures = result.as_dict()
    kept, _ = split_aside(records, aside_families)
    kept_pile = pile.subset(set(pile.family.values()) - aside_families)
    if cv and len({pile.family[story] for story in kept_pile.gold.values()}) > 1:
        held_out = cross_validate(kept, seeds=seed_values, pile=kept_pile)
        rows += _held_out_rows("leave-one-family-out", held_out)
        figures["cross_validated"] = held_out.as_dict()
    if aside_families:
        held_aside = score_held_out(pile, aside_families, seeds=seed_values)
        rows += _held_out_rows("held aside", held_aside)
        figures["held_aside"] = {"families": sorted(aside_families), **held_aside.as_dict()}
    for name, score in rows:
        click.echo(f"{name:<44} {score.precision:>6.3f} {score.recall:>6.3f} {score.f1:>6.3f}")
    click.echo(
        f"B-cubed F1 between two arrival orders: online {result.online_between_orders:.3f}, "
        f"final {result.final_between_orders:.3f}"
    )
    click.echo(json.dumps(figures))


def _held_out_rows(label: str, scores: Any) -> list[tuple[str, Any]]:
    rows = [(f"{label}: newsynth, final", scores.final.score())]
    rows += [(f"{label}: newsynth, online seed {s}", sums.score()) for s, sums in scores.online.items()]
    rows.append((f"{label}: TF-IDF average-link", scores.baseline.score()))
    return rows


# --- progress ----------------------------------------------------------------------------------
def _progress(items: Sequence[Any], label: str) -> Iterable[Any]:
    if not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, desc=label, unit="story", file=sys.stderr)


def _progress_bar(total: int | None, label: str) -> Any:
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc=label, unit="article", file=sys.stderr)
