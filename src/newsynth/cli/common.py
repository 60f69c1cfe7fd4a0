"""Helpers shared by commands: error reporting, atomic output files."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import NoReturn

import click

from newsynth.records import Skipped


def warn_skipped(skipped: list[Skipped]) -> None:
    for item in skipped:
        line = f"newsynth: skipped {item.origin}: {item.problem}"
        click.echo(line.replace("\r", "\\r").replace("\n", "\\n"), err=True)  # one line per problem


def fail(message: str) -> NoReturn:
    click.echo(f"newsynth: {message}", err=True)
    sys.exit(1)


def write_output(text: str, output: str | None) -> None:
    """Print to stdout, or write a file atomically: never a half-written output file."""
    if output is None or output == "-":
        click.echo(text, nl=False)
        return
    try:
        write_atomically(Path(output), text)
    except OSError as error:
        fail(f"cannot write {output}: {(error.strerror or str(error)).lower()}")


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
