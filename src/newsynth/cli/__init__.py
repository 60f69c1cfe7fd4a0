"""The `newsynth` command line: one click group, one module per family of commands."""

from __future__ import annotations

import click

from newsynth.cli.brief import brief_command, summarize_batch_command
from newsynth.cli.clean import clean_command, eval_clean_command, train_clean_command
from newsynth.cli.compare import compare_command, eval_compare_command
from newsynth.cli.evaluate import eval_command
from newsynth.cli.service import serve_command, watch_command
from newsynth.cli.stories import eval_group_command, ingest_command, stories_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsynth")
def main() -> None:
    """Turn a pile of news articles into cited, cross-checked briefs."""


main.add_command(brief_command)
main.add_command(summarize_batch_command)
main.add_command(eval_command)
main.add_command(stories_command)
main.add_command(ingest_command)
main.add_command(eval_group_command)
main.add_command(clean_command)
main.add_command(eval_clean_command)
main.add_command(train_clean_command)
main.add_command(compare_command)
main.add_command(eval_compare_command)
main.add_command(watch_command)
main.add_command(serve_command)
