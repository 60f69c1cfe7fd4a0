"""`newsynth compare` and `newsynth eval-compare` on invented input."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newsynth.cli import main

FLOOD_A = (
    "Marlow flood leaves hundreds homeless\n\n"
    "The flood on the Velt River destroyed 120 homes in Marlow on Sunday, officials said.\n\n"
    "Mayor Lena Brask said the town would ask the county for emergency funds within a week.\n\n"
    '"We will rebuild every flooded home in Marlow before the winter comes," said Mayor Lena Brask.\n\n'
    "Rescue crews from Tollbridge worked through the night to reach families stranded on roofs."
)
FLOOD_B = (
    "Velt River bursts its banks\n\n"
    "Officials said the Velt River flood destroyed 45 homes in Marlow on Sunday.\n\n"
    "Mayor Lena Brask said the town would ask the county for emergency funds within a week.\n\n"
    "The regional weather office had warned of heavy rain in Marlow since March 4, its director said.\n\n"
    "Schools in Marlow will stay closed until the water has been pumped out of the basements."
)
FLOOD_C = (
    "Marlow counts the cost\n\n"
    "The regional weather office had warned of heavy rain in Marlow since March 4, the director said.\n\n"
    "Rescue crews from Tollbridge worked through the night to reach families stranded on roofs.\n\n"
    "Mayor Lena Brask toured the flooded streets with rescue crews on Monday morning."
)


def write_story(folder: Path) -> Path:
    folder.mkdir()
    for name, text in (("a.txt", FLOOD_A), ("b.txt", FLOOD_B), ("c.txt", FLOOD_C)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_compare_reports_conflict_with_each_outlet_value(tmp_path: Path):
    result = CliRunner().invoke(main, ["compare", str(write_story(tmp_path / "flood"))])
    assert result.exit_code == 0, result.output
    assert "## How the sources compare" in result.output
    assert "### Conflicts" in result.output
    conflict_section = result.output.split("### Conflicts", 1)[1].split("###", 1)[0]
    assert "120" in conflict_section and "45" in conflict_section


def test_compare_names_a_missing_path_and_fails_without_input(tmp_path: Path):
    result = CliRunner().invoke(main, ["compare", str(tmp_path / "absent.txt")])
    assert result.exit_code == 1
    assert "absent.txt" in result.output and "Traceback" not in result.output


def test_eval_compare_plants_and_ends_with_json(tmp_path: Path):
    records = [
        {"id": "flood", "documents": [{"text": FLOOD_A}, {"text": FLOOD_B}, {"text": FLOOD_C}]},
        {"id": "flood-again", "documents": [{"text": FLOOD_C}, {"text": FLOOD_B}]},
    ]
    data = tmp_path / "stories.jsonl"
    data.write_text("\n".join(json.dumps(record) for record in records) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval-compare", str(data)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output.strip().splitlines()[-1])
    figures = report["files"][str(data)]
    assert figures["stories"] == 2
    assert figures["twin_planted"] > 0
    assert 0.0 <= figures["twin_recall"] <= 1.0 and 0.0 <= figures["transplant_recall"] <= 1.0
    assert figures["flagged_per_unmodified_story"] >= 0.5  # the 120 vs 45 homes conflict is real


def test_eval_compare_scores_labelled_real_conflicts(tmp_path: Path):
    label = {
        "fact": "homes destroyed",
        "values": [{"doc": 1, "quote": "destroyed 120 homes"}, {"doc": 2, "quote": "destroyed 45 homes"}],
    }
    record = {
        "id": "flood",
        "family": "floods",
        "documents": [{"text": FLOOD_A}, {"text": FLOOD_B}],
        "conflicts": [label],
    }
    data = tmp_path / "labelled.jsonl"
    data.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval-compare", str(data)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])["files"][str(data)]
    assert figures["real_labelled"] == 1 and figures["real_found"] == 1
    assert figures["real_precision"] == 1.0


def test_eval_compare_rejects_a_file_without_stories(tmp_path: Path):
    data = tmp_path / "empty.jsonl"
    data.write_text('{"id": "x", "documents": [{"text": "only one"}]}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["eval-compare", str(data)])
    assert result.exit_code == 1 and "empty.jsonl" in result.output
