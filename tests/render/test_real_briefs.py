"""Briefs of real dev-set stories (read from ../shared at run time) in every format."""

from __future__ import annotations

import json

import pytest

from newsynth.ingest import articles_from_documents
from newsynth.pipeline import brief
from newsynth.render import render
from tests.render.checks import assert_valid_brief, parse, schema_validator

pytestmark = pytest.mark.shared


def test_real_stories_render_valid_json_and_well_formed_html(shared_dev_records: list[dict]) -> None:
    validator = schema_validator()
    for record in shared_dev_records[:2]:
        made = brief(articles_from_documents(record["documents"], str(record.get("id") or "record")))
        assert_valid_brief(json.loads(render(made, "json")), validator)
        page = parse(render(made, "html"))
        assert page.errors == [] and page.open == []
        assert not {tag for tag, _ in page.tags} & {"script", "link", "img", "iframe"}
        markdown = render(made, "md")
        assert markdown.startswith("# ") and "## Sources" in markdown
