"""`newsynth brief` on bad input: one line per skipped file, never a traceback,
exit 1 only when nothing is left, and never a half-written output file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsynth.cli import main

SKIP_PREFIX = "newsynth: skipped "


def make_bad_files(folder: Path) -> dict[str, str]:
    """One file of each bad kind; returns file name -> expected problem."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "undecodable.txt").write_bytes(b"Crane \xff\xfe\xc3\x28 \x80\x81")
    (folder / "lines.jsonl").write_text('{"text": \n', encoding="utf-8")
    (folder / "notext.json").write_text(json.dumps({"title": "A title and nothing else"}), encoding="utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    os.mkfifo(folder / "pipe.txt")
    expected = {
        "binary.txt": "binary file, not text",
        "empty.txt": "empty file",
        "undecodable.txt": "not valid UTF-8 (bad byte at offset 6)",
        "lines.jsonl:1": "invalid JSON at column 10: Expecting value",
        "notext.json": "object has no 'text' or 'html'",
        "picture.png": "unsupported file type '.png' (use .txt, .html, .json or .jsonl)",
        "dangling.txt": "broken link",
        "pipe.txt": "not a regular file",
    }
    if os.geteuid() != 0:  # root reads any file whatever its permissions
        locked = folder / "locked.txt"
        locked.write_text("Secret.\n", encoding="utf-8")
        locked.chmod(0)
        expected["locked.txt"] = "permission denied"
    return expected


def run(args: list[str], stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, args, input=stdin, catch_exceptions=False)


def skipped_lines(stderr: str) -> dict[str, str]:
    found = {}
    for line in stderr.splitlines():
        if line.startswith(SKIP_PREFIX):
            origin, _, problem = line.removeprefix(SKIP_PREFIX).partition(": ")
            found[Path(origin).name] = problem
    return found


def test_every_bad_kind_is_one_line_and_good_files_still_make_a_brief(
    tmp_path: Path, example_dir: Path
) -> None:
    inputs = tmp_path / "inputs"
    expected = make_bad_files(inputs)
    shutil.copy(example_dir / "01-calderhaven-courier.txt", inputs / "good.txt")
    output = tmp_path / "brief.md"
    result = run(["brief", str(inputs), str(tmp_path / "missing.txt"), "-o", str(output)])
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.output
    assert skipped_lines(result.stderr) == {**expected, "missing.txt": "no such file or folder"}
    assert len(result.stderr.splitlines()) == len(expected) + 1  # nothing else on stderr
    brief = output.read_text(encoding="utf-8")
    assert "Calderhaven" in brief
    assert "undecodable.txt" in brief  # the brief itself says what was skipped


def test_nothing_usable_exits_1_and_writes_no_output(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    expected = make_bad_files(inputs)
    output = tmp_path / "out" / "brief.md"
    result = run(["brief", str(inputs), "-o", str(output)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert skipped_lines(result.stderr) == expected
    assert result.stderr.splitlines()[-1] == "newsynth: no usable article in the input"
    assert not output.exists()
    assert not output.parent.exists() or list(output.parent.iterdir()) == []


def test_failed_run_leaves_an_existing_output_untouched(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    output = tmp_path / "brief.md"
    output.write_text("yesterday's brief\n", encoding="utf-8")
    result = run(["brief", str(tmp_path / "empty.txt"), "-o", str(output)])
    assert result.exit_code == 1
    assert output.read_text(encoding="utf-8") == "yesterday's brief\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md", "empty.txt"]


def test_stdin_json_lines_with_a_bad_line(tmp_path: Path, example_dir: Path) -> None:
    text = (example_dir / "04-cvb-news.txt").read_text(encoding="utf-8")
    lines = [json.dumps({"text": text, "outlet": "CVB News"}), "{not json"]
    result = run(["brief", "-", "--format", "json"], stdin="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    problem = "invalid JSON at column 2: Expecting property name enclosed in double quotes"
    assert result.stderr.splitlines() == [f"newsynth: skipped <stdin>:2: {problem}"]
    assert json.loads(result.stdout)["articles"][0]["outlet"] == "CVB News"


def test_empty_stdin_exits_1() -> None:
    result = run(["brief", "-"], stdin="")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "newsynth: skipped <stdin>: empty input",
        "newsynth: no usable article in the input",
    ]
    assert result.stdout == ""


def test_unwritable_output_is_one_line_not_a_traceback(tmp_path: Path, example_dir: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be\n", encoding="utf-8")
    article = example_dir / "01-calderhaven-courier.txt"
    result = run(["brief", str(article), "-o", str(blocker / "brief.md")])
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"newsynth: cannot write {blocker / 'brief.md'}: ")


@pytest.mark.slow
def test_real_process_on_bad_input_prints_no_traceback(tmp_path: Path) -> None:
    expected = make_bad_files(tmp_path / "inputs")
    command = Path(sys.executable).parent / "newsynth"
    output = tmp_path / "brief.md"
    done = subprocess.run(
        [str(command), "brief", str(tmp_path / "inputs"), "-o", str(output)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert skipped_lines(done.stderr) == expected
    assert done.stdout == ""
    assert not output.exists()
