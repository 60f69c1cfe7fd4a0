"""`newsynth brief` and `newsynth summarize-batch`."""

from __future__ import annotations

import json

import click

from newsynth.cli.common import fail, warn_skipped, write_output
from newsynth.defaults import DEFAULT_MAX_WORDS

FORMAT_CHOICE = click.Choice(["md", "json", "html"])


@click.command("brief")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=FORMAT_CHOICE, default="md", show_default=True)
@click.option("--max-words", type=click.IntRange(min=1), default=DEFAULT_MAX_WORDS, show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
def brief_command(paths: tuple[str, ...], fmt: str, max_words: int, output: str | None) -> None:
    """Write a cited brief of the articles in PATHS (files, folders, or - for stdin)."""
    from newsynth.ingest import read_paths
    from newsynth.pipeline import brief
    from newsynth.render import render

    result = read_paths(paths)
    warn_skipped(result.skipped)
    if not result.articles:
        fail("no usable article in the input")
    made = brief(result.articles, max_words=max_words, skipped=result.skipped)
    if not made.summary:
        fail("no article had usable text after cleaning")
    write_output(render(made, fmt), output)


@click.command("summarize-batch")
@click.argument("input_path", metavar="IN.jsonl", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
@click.option("--max-words", type=click.IntRange(min=1), default=DEFAULT_MAX_WORDS, show_default=True)
def summarize_batch_command(input_path: str, output: str, max_words: int) -> None:
    """Summarize one story per line of IN.jsonl (Multi-News layout) into OUT.jsonl."""
    from newsynth.summarize.batch import read_batch, summarize_records

    records, problems = read_batch(input_path)
    for problem in problems:
        click.echo(f"newsynth: {problem}", err=True)
    if not records:
        fail(f"{input_path}: no usable story")
    lines = [json.dumps(out, ensure_ascii=False) for out in summarize_records(records, max_words)]
    write_output("\n".join(lines) + "\n", output)
