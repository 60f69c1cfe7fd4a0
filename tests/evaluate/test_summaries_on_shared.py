"""Over the real stories in ../shared/data (skipped when absent): budgets and honest citations."""

import json

import pytest
from click.testing import CliRunner

from newsynth.cli import main
from newsynth.summarize.batch import summarize_record
from newsynth.summarize.text import terms


def test_every_summary_respects_its_budget_and_cites_real_support(shared_dev_records):
    for record in shared_dev_records:
        budget = len(record["summary"].split())
        only_documents = {"id": record["id"], "documents": [d["text"] for d in record["documents"]]}
        out = summarize_record(only_documents, budget)
        assert out["sentences"], record["id"]
        assert len(out["summary"].split()) <= budget
        for sentence in out["sentences"]:
            content = terms(sentence["text"]).content
            figures = {word for word in content if word.isdigit()}
            for number in sentence["supporting_articles"]:
                document = terms(record["documents"][number - 1]["text"]).content
                # the cited article carries most of the sentence's content words and figures
                where = (record["id"], number, sentence["text"])
                assert len(content & document) >= 0.5 * len(content), where
                assert len(figures & document) >= 0.5 * len(figures), where


@pytest.mark.slow
def test_eval_prints_a_table_then_json_figures(shared_dev_path, tmp_path):
    sample = tmp_path / "sample.jsonl"
    sample.write_text("\n".join(shared_dev_path.read_text().splitlines()[:3]) + "\n")
    result = CliRunner().invoke(main, ["eval", str(sample), "--systems", "newsynth,lead"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["stories"] == 3
    assert 0 < figures["rouge_f1"]["newsynth"]["rouge1"] <= 100
