"""`newsynth compare` (how the sources of one story compare) and `newsynth eval-compare`."""

from __future__ import annotations

import json

import click

from newsynth.cli.common import fail, warn_skipped, write_output


@click.command("compare")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--full-ner", is_flag=True, help="Label names with spaCy over every sentence (slower, ~150 ms)."
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
def compare_command(paths: tuple[str, ...], full_ner: bool, output: str | None) -> None:
    """Show what the articles in PATHS agree on, what only one reports, where they conflict, and quotes."""
    from newsynth.clean import clean_articles
    from newsynth.compare import compare_story
    from newsynth.compare.report import comparison_report
    from newsynth.group import single_story
    from newsynth.ingest import read_paths
    from newsynth.pipeline import story_title

    result = read_paths(paths)
    warn_skipped(result.skipped)
    if not result.articles:
        fail("no usable article in the input")
    story = single_story(clean_articles(result.articles))
    if not story.usable_articles:
        fail("no article had usable text after cleaning")
    comparison = compare_story(story, full_ner=full_ner)
    write_output(comparison_report(story, comparison, story_title(story)), output)


@click.command("eval-compare")
@click.argument("data", metavar="DATA.jsonl", type=click.Path(exists=True, dir_okay=False))
@click.option("--seed", type=int, default=None, help="Random seed for choosing plants (default: fixed).")
@click.option("--per-kind", type=click.IntRange(min=1), default=None, help="Plants per kind per story.")
@click.option("--show-misses", is_flag=True, help="List missed plants and false alarms before the table.")
def eval_compare_command(data: str, seed: int | None, per_kind: int | None, show_misses: bool) -> None:
    """Plant contradictions into real stories; report their recall and false alarms (last line JSON)."""
    from newsynth.evaluate.compare import KINDS, PLANTS_PER_KIND, SEED, evaluate_records
    from newsynth.summarize.batch import read_batch

    records, problems = read_batch(data)
    for problem in problems:
        click.echo(f"newsynth: {problem}", err=True)
    records = [record for record in records if len(record.get("documents") or []) >= 2]
    if not records:
        fail(f"{data}: no story with two or more documents")
    scores = evaluate_records(records, SEED if seed is None else seed, per_kind or PLANTS_PER_KIND)
    if show_misses:
        for plant in scores.misses:
            click.echo(f"missed {plant.kind}: {plant.old_value} -> {plant.new_value} | {plant.modified}")
        for alarm in scores.false_alarms:
            click.echo(f"flagged in unmodified story {alarm}")
    summary = scores.summary()
    click.echo(f"{'kind':<8} {'planted':>8} {'recalled':>9} {'recall':>7}")
    for kind in KINDS:
        planted = scores.planted[kind]
        click.echo(f"{kind:<8} {planted:>8} {scores.recalled[kind]:>9} {scores.recall(kind):>7.3f}")
    click.echo(
        f"{'all':<8} {summary['planted']:>8} {sum(scores.recalled.values()):>9} {scores.recall():>7.3f}"
    )
    click.echo(
        f"unmodified stories: {scores.stories}, conflicts flagged per story: "
        f"{summary['flagged_per_unmodified_story']}, median compare time: {summary['median_ms']} ms "
        f"(stories of four articles: {summary['median_ms_four_articles']} ms)"
    )
    click.echo(json.dumps(summary))
