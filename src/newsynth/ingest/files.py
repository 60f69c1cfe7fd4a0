"""Finding input files and turning their bytes into text, with a plain-words problem for each failure."""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

MAX_BYTES = 20 * 1024 * 1024
BINARY_SNIFF_BYTES = 8192
# charset_normalizer guesses something for almost any bytes; trust it only when the result reads as language.
MIN_COHERENCE = 0.2
MAX_CHAOS = 0.2
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", re.I)


class InputError(Exception):
    """An input that cannot be used; the message names the problem in a few words."""


@dataclass
class FolderProblem:
    path: str
    problem: str


def files_under(folder: Path, problems: list[FolderProblem]) -> list[Path]:
    """Non-hidden files below a folder, recursively, in sorted order; unreadable subfolders are reported."""

    def report(error: OSError) -> None:
        problems.append(FolderProblem(display_path(error.filename or folder), _os_problem(error)))

    found: list[Path] = []
    for root, folders, names in os.walk(folder, onerror=report):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        found.extend(Path(root, name) for name in names if not name.startswith("."))
    return sorted(found, key=lambda path: path.parts)


def display_path(path: Path | str) -> str:
    """A path as printable text: undecodable bytes in file names shown as \\xNN escapes."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_limited(path: Path) -> bytes:
    """The bytes of a file, refusing special files and files over MAX_BYTES."""
    try:
        if not path.exists():
            raise InputError("broken link" if path.is_symlink() else "no such file or folder")
        if not path.is_file():
            raise InputError("not a regular file")
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"too large (over {MAX_BYTES // (1024 * 1024)} MB)")
        with path.open("rb") as stream:
            return read_stream_limited(stream)
    except OSError as error:
        raise InputError(_os_problem(error)) from error


def read_stream_limited(stream: BinaryIO) -> bytes:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"too large (over {MAX_BYTES // (1024 * 1024)} MB)")
    return data


def decode_text(data: bytes) -> str:
    """Text from bytes: UTF-8 (BOM allowed), UTF-16 with a BOM, else a confident charset guess."""
    if not data.strip():
        raise InputError("empty file")
    if data.startswith(UTF16_BOMS):
        return _decode_utf16(data)
    if _looks_binary(data):
        raise InputError("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        guessed = _decode_declared(data) or _guess_decoding(data)
        if guessed is None:
            raise InputError(f"not valid UTF-8 (bad byte at offset {error.start})") from error
        return guessed


def _decode_utf16(data: bytes) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as error:
        raise InputError("not valid UTF-16 despite its byte-order mark") from error


def _looks_binary(data: bytes) -> bool:
    head = data[:BINARY_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = sum(byte < 32 and byte not in b"\t\n\r\f\v\x1b" for byte in head)
    return controls > len(head) * 0.05


def _decode_declared(data: bytes) -> str | None:
    """Text in the charset an HTML page declares in its head, when it names one Python knows."""
    match = DECLARED_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return data.decode(match.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None


def _guess_decoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > MAX_CHAOS or best.coherence < MIN_COHERENCE:
        return None
    if best.encoding.startswith("utf_16") or best.encoding.startswith("utf_32"):
        return None  # without a byte-order mark these guesses are noise
    return str(best)


def _os_problem(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "no such file or folder"
    if isinstance(error, IsADirectoryError):
        return "is a folder"
    return f"cannot read ({error.strerror or error.__class__.__name__})".lower()


def iter_nonblank_lines(text: str) -> Iterator[tuple[int, str]]:
    """(1-based line number, line) for the lines that hold something."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield number, line
