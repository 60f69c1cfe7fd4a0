"""Checks shared by the render and CLI tests: HTML structure, JSON against docs/brief.schema.json."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import jsonschema

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "brief.schema.json"


def schema_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def assert_valid_brief(data: dict, validator: jsonschema.Draft202012Validator) -> None:
    """Valid against the schema, and every citation number points at an article."""
    validator.validate(data)
    count = len(data["articles"])
    for number in referenced_numbers(data):
        assert 1 <= number <= count


def referenced_numbers(data: dict) -> list[int]:
    numbers = [a["number"] for a in data["articles"]]
    numbers += [a["copy_of"] for a in data["articles"] if a["copy_of"] is not None]
    numbers += [n for a in data["articles"] for n in a["copies"]]
    for sentence in data["summary"]:
        numbers += [sentence["source_article"], *sentence["supporting_articles"]]
        numbers += [support["article"] for support in sentence["support"]]
    for claim in data["claims"]:
        numbers += claim["articles"] + [s["article"] for s in claim["sentences"]]
        numbers += [v["article"] for c in claim["conflicts"] for v in c["values"]]
    for quote in data["quotes"]:
        numbers += quote["articles"] + [n for v in quote["variants"] for n in v["articles"]]
    for entity in data["entities"]:
        numbers += entity["articles"] + [m["article"] for m in entity["mentions"]]
    return numbers


VOID_ELEMENTS = {"meta", "br", "hr", "img", "input", "link", "wbr"}


class PageParser(HTMLParser):
    """Collects tags, attributes and text, and checks that every element is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.open: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID_ELEMENTS:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
            return
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> PageParser:
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser
