"""`newsynth clean` (cleaned text of articles) and `newsynth eval-clean` (boilerplate scores)."""

from __future__ import annotations

import json

import click

from newsynth.cli.common import fail, warn_skipped, write_output


@click.command("clean")
@click.argument("paths", nargs=-1, required=True)
@click.option("--explain", is_flag=True, help="List each removed line with the reason.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
def clean_command(paths: tuple[str, ...], explain: bool, output: str | None) -> None:
    """Print the cleaned text of the articles in PATHS (files, folders, or - for stdin), cleaned together."""
    from newsynth.clean import clean_articles
    from newsynth.ingest import read_paths

    result = read_paths(paths)
    warn_skipped(result.skipped)
    if not result.articles:
        fail("no usable article in the input")
    articles = clean_articles(result.articles)
    by_id = {article.id: article for article in articles}
    blocks = [format_article(article, by_id, explain) for article in articles]
    write_output("\n\n".join(blocks) + "\n", output)


def format_article(article, by_id: dict, explain: bool) -> str:
    lines = [f"== {article.origin}"]
    for label, value in (
        ("title", article.title),
        ("outlet", article.outlet),
        ("date", article.date),
        ("byline", article.byline),
    ):
        if value:
            lines.append(f"{label}: {value}")
    if article.junk_reason:
        lines.append(f"dropped: {article.junk_reason}")
    if article.copy_of and article.copy_of in by_id:
        lines.append(f"copy of: {by_id[article.copy_of].origin}")
    lines.append(f"removed lines: {len(article.removed_lines)}")
    if explain:
        lines.extend(f"  - [{removed.reason}] {removed.text}" for removed in article.removed_lines)
    lines.append("")
    lines.append(article.clean_text or "(no article text left)")
    return "\n".join(lines)


@click.command("eval-clean")
@click.argument("data", metavar="DATA.jsonl", type=click.Path(exists=True, dir_okay=False))
@click.option("--list-junk", is_flag=True, help="Also list the documents flagged junk or copies.")
def eval_clean_command(data: str, list_junk: bool) -> None:
    """Line-level precision, recall and F1 of boilerplate removal against `boilerplate_lines`."""
    from newsynth.evaluate.clean import evaluate_clean
    from newsynth.summarize.batch import read_batch

    records, problems = read_batch(data)
    for problem in problems:
        click.echo(f"newsynth: {problem}", err=True)
    records = [record for record in records if any(isinstance(d, dict) for d in record["documents"])]
    if not records:
        fail(f"{data}: no record with labelled documents")
    report = evaluate_clean(records)
    click.echo(
        f"{report.stories} stories, {report.documents} documents, {report.lines} lines, "
        f"{report.boilerplate_lines} labelled boilerplate (positive class)"
    )
    click.echo(f"{'system':<14} {'precision':>9} {'recall':>7} {'F1':>7} {'TP':>5} {'FP':>5} {'FN':>5}")
    for name, counts in report.systems.items():
        click.echo(
            f"{name:<14} {counts.precision:>9.3f} {counts.recall:>7.3f} {counts.f1:>7.3f} "
            f"{counts.true_positive:>5} {counts.false_positive:>5} {counts.false_negative:>5}"
        )
    click.echo(
        f"clean_articles: {report.median_ms_per_story:.2f} ms CPU per story (median, best of runs; "
        f"{report.mean_words_per_story:.0f} words per story on average)"
    )
    click.echo(f"documents dropped as junk: {len(report.junk)}; wire copies: {len(report.copies)}")
    if list_junk:
        for origin, reason in report.junk:
            click.echo(f"  junk  {origin}: {reason}")
        for origin, original in report.copies:
            click.echo(f"  copy  {origin} of {original}")
    click.echo(json.dumps(report.as_dict()))
