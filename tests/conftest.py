"""Shared fixtures: paths to the bundled example and to ../shared (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "harbor-crane-collapse"


@pytest.fixture
def example_dir() -> Path:
    return EXAMPLE


@pytest.fixture
def shared_dev_path() -> Path:
    path = SHARED / "data" / "dev.jsonl"
    if not path.exists():
        pytest.skip(f"needs {path} (the ../shared folder beside the project); absent here")
    return path


@pytest.fixture
def shared_dev_records(shared_dev_path: Path) -> list[dict]:
    return [json.loads(line) for line in shared_dev_path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture
def shared_seeds_dir() -> Path:
    path = SHARED / "seeds"
    if not path.exists():
        pytest.skip(f"needs {path} (the ../shared folder beside the project); absent here")
    return path
