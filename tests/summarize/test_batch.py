import json

from click.testing import CliRunner

from newsynth.cli import main
from tests.summarize.conftest import CREEK_HERALD, NORTHERN_POST, VALLEY_GAZETTE


def write_batch(path, records) -> None:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")


def test_summarize_batch_writes_one_line_per_story(tmp_path):
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_batch(
        source,
        [
            {"id": "fire", "documents": [" ".join(VALLEY_GAZETTE), {"text": " ".join(NORTHERN_POST)}]},
            {"id": "vigil", "documents": [" ".join(CREEK_HERALD)], "max_words": 25},
        ],
    )
    arguments = ["summarize-batch", str(source), "-o", str(output), "--max-words", "60"]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in output.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["fire", "vigil"]
    assert len(lines[0]["summary"].split()) <= 60
    assert len(lines[1]["summary"].split()) <= 25  # the record's own budget wins
    for sentence in lines[0]["sentences"]:
        assert set(sentence["supporting_articles"]) <= {1, 2}


def test_summarize_batch_reports_bad_lines_and_keeps_going(tmp_path):
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text('{"id": "ok", "documents": ["' + " ".join(VALLEY_GAZETTE) + '"]}\nnot json\n')
    result = CliRunner().invoke(main, ["summarize-batch", str(source), "-o", str(output)])
    assert result.exit_code == 0
    assert f"{source}:2: invalid JSON" in result.output
    assert len(output.read_text().splitlines()) == 1


def test_summarize_batch_fails_without_a_usable_story_and_writes_nothing(tmp_path):
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text("not json\n")
    result = CliRunner().invoke(main, ["summarize-batch", str(source), "-o", str(output)])
    assert result.exit_code != 0
    assert not output.exists()
