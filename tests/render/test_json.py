"""The JSON brief, checked against docs/brief.schema.json."""

from __future__ import annotations

import json

import jsonschema
import pytest

from newsynth.records import Brief
from newsynth.render import render
from tests.render.checks import assert_valid_brief, schema_validator


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    return schema_validator()


def test_output_matches_the_schema(brief: Brief, validator: jsonschema.Draft202012Validator) -> None:
    assert_valid_brief(json.loads(render(brief, "json")), validator)


def test_output_without_comparison_matches_the_schema(
    brief_without_comparison: Brief, validator: jsonschema.Draft202012Validator
) -> None:
    data = json.loads(render(brief_without_comparison, "json"))
    assert_valid_brief(data, validator)
    assert data["compared"] is False
    assert data["claims"] == data["quotes"] == data["entities"] == []


def test_schema_rejects_a_malformed_brief(brief: Brief, validator: jsonschema.Draft202012Validator) -> None:
    data = json.loads(render(brief, "json"))
    data["summary"][0]["supporting_articles"] = ["1"]
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)


def test_summary_sentences(brief: Brief) -> None:
    data = json.loads(render(brief, "json"))
    assert data["schema_version"] == 1
    assert data["title"] == "Ferry fire <script>alert(1)</script> & rescue"
    assert data["summary_text"] == brief.summary_text
    first = data["summary"][0]
    assert first["source_article"] == 1
    assert first["supporting_articles"] == [1, 2, 3, 4]
    assert first["support"][3] == {
        "article": 4,
        "sentence": "The Morning Heron caught fire shortly after leaving Lakemoor pier.",
        "score": 0.6123,
    }


def test_articles_carry_metadata_copies_drops_and_removed_lines(brief: Brief) -> None:
    articles = json.loads(render(brief, "json"))["articles"]
    assert [a["number"] for a in articles] == [1, 2, 3, 4, 5]
    original, copy, _, independent, junk = articles
    assert original["outlet"] == "Lakemoor Ledger" and original["byline"] == "Northwire staff"
    assert original["copies"] == [2, 3] and original["copy_of"] is None
    assert copy["copy_of"] == 1 and copy["copies"] == []
    assert original["removed_lines"][0] == {"text": "Subscribe to the Ledger & save 50%", "reason": "promo"}
    assert independent["word_count"] == len(brief.articles[3].clean_text.split())
    assert junk["dropped"] is True and junk["dropped_reason"] == junk["junk_reason"]
    assert not any(a["dropped"] for a in articles[:4])


def test_comparison_lists_use_citation_numbers(brief: Brief) -> None:
    data = json.loads(render(brief, "json"))
    assert [c["status"] for c in data["claims"]] == ["consensus", "single", "conflict"]
    conflict = data["claims"][2]["conflicts"][0]
    assert conflict["values"] == [
        {"article": 1, "value": "40 passengers"},
        {"article": 4, "value": "45 passengers"},
    ]
    variant = {"text": "acted in minutes | fast", "articles": [3], "direct": True}
    assert data["quotes"][0]["variants"][1] == variant
    lakemoor = data["entities"][2]
    assert lakemoor["articles"] == [1, 2, 3, 4]
    assert lakemoor["mentions"][3] == {"article": 4, "count": 2}


def test_output_is_stable(brief: Brief) -> None:
    assert render(brief, "json") == render(brief, "json")
    assert render(brief, "json").endswith("}\n")


def test_json_lists_every_item_of_long_sections(
    crowded_brief: Brief, validator: jsonschema.Draft202012Validator
) -> None:
    data = json.loads(render(crowded_brief, "json"))
    assert_valid_brief(data, validator)
    assert sum(1 for claim in data["claims"] if claim["status"] == "single") == 12
    assert data["quotes"][0]["variants"][1] == {
        "text": "they had been lucky",
        "articles": [4],
        "direct": False,
    }


def test_summary_sentences_list_the_disputes_they_take_a_side_in(
    disputed_brief: Brief, validator: jsonschema.Draft202012Validator
) -> None:
    data = json.loads(render(disputed_brief, "json"))
    validator.validate(data)
    assert [sentence["disputes"] for sentence in data["summary"]] == [[], [], [], ["number of passengers"]]
