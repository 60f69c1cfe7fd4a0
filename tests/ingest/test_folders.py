"""Folders are recursed in sorted order, hidden files left out, each file read once."""

from __future__ import annotations

from pathlib import Path

from newsynth.ingest import read_paths
from tests.ingest.conftest import write


def test_folders_are_recursed_in_sorted_order_without_hidden_files(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.txt", "a/b/c.txt", "c.json", ".hidden.txt", ".cache/x.txt", "a/.secret/y.txt"]:
        content = '{"text": "json"}' if name.endswith(".json") else f"Text of {name}.\n"
        write(tmp_path / name, content)
    result = read_paths([str(tmp_path)])
    assert result.skipped == []
    names = [Path(a.origin).relative_to(tmp_path).as_posix() for a in result.articles]
    assert names == ["a/b/c.txt", "a/z.txt", "b.txt", "c.json"]


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path / "one.txt", "Only once.\n")
    result = read_paths([str(tmp_path), str(path), str(tmp_path / "." / "one.txt")])
    assert len(result.articles) == 1


def test_empty_folder_and_folder_of_hidden_files_are_reported(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    hidden_only = tmp_path / "hidden"
    write(hidden_only / ".DS_Store", "x")
    result = read_paths([str(empty), str(hidden_only)])
    assert [(s.origin, s.problem) for s in result.skipped] == [
        (str(empty), "folder has no files"),
        (str(hidden_only), "folder has no files"),
    ]


def test_bad_files_in_a_folder_do_not_stop_the_good_ones(tmp_path: Path) -> None:
    write(tmp_path / "1-good.txt", "A good article.\n")
    write(tmp_path / "2-empty.txt", "")
    write(tmp_path / "3-image.jpg", b"\xff\xd8\xff")
    write(tmp_path / "4-good.jsonl", '{"text": "Another good one."}\n')
    result = read_paths([str(tmp_path)])
    assert [a.raw_text for a in result.articles] == ["A good article.\n", "Another good one."]
    assert [Path(s.origin).name for s in result.skipped] == ["2-empty.txt", "3-image.jpg"]
