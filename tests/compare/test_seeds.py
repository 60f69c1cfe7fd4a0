"""The two seed pages (../shared/seeds, read at run time): what a careful reader sees must show."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsynth.clean import clean_articles
from newsynth.cli import main
from newsynth.compare import compare_story
from newsynth.group import single_story
from newsynth.ingest import read_paths
from newsynth.records import Comparison, Story


@pytest.fixture
def seeds(shared_seeds_dir: Path) -> tuple[Story, Comparison]:
    story = single_story(clean_articles(read_paths([str(shared_seeds_dir)]).articles))
    return story, compare_story(story)


def number_naming(story: Story, word: str) -> int:
    (number,) = [n for n, a in enumerate(story.articles, start=1) if word in a.clean_text]
    return number


def texts(claims) -> list[str]:
    return [" ".join(s.text for s in claim.sentences) for claim in claims]


def test_both_pages_agree_on_the_meeting_and_external_forces(seeds):
    _, comparison = seeds
    shared = [c for c in comparison.claims if c.status == "consensus" and c.articles == [1, 2]]
    assert any("rare" in text and "UN" in text for text in texts(shared))
    assert any("external forces" in text for text in texts(shared))


def test_only_dw_has_the_eu_visit_the_health_question_and_kirbys_quotes(seeds):
    story, comparison = seeds
    dw = number_naming(story, "Lambrinidis")
    alone = texts([c for c in comparison.claims if c.status == "single" and c.articles == [dw]])
    assert any("EU headquarters" in text for text in alone)
    assert any("health" in text and "Kim Jong Un" in text for text in alone)
    kirby = [q for q in comparison.quotes if q.speaker and "Kirby" in q.speaker and len(q.text.split()) > 8]
    assert len(kirby) >= 2 and all(q.articles == [dw] for q in kirby)


def test_only_china_topix_names_jin_qiangyi_and_beijing_news(seeds):
    story, comparison = seeds
    topix = number_naming(story, "Jin Qiangyi")
    entities = {entity.name: entity for entity in comparison.entities}
    assert entities["Jin Qiangyi"].articles == [topix] and entities["Jin Qiangyi"].label == "person"
    assert entities["Beijing News"].articles == [topix]


def test_the_two_accounts_of_what_choe_said_about_camps_are_set_side_by_side(seeds):
    _, comparison = seeds
    accounts = [
        q
        for q in comparison.quotes
        if q.speaker and "Choe" in q.speaker and any("camps" in v.text for v in q.variants)
    ]
    assert accounts, "no quote of Choe about camps with differing renderings"
    variants = accounts[0].variants
    assert {n for v in variants for n in v.articles} == {1, 2}
    assert any(not v.direct for v in variants) and any(v.direct for v in variants)


def test_compare_command_prints_the_comparison(shared_seeds_dir: Path):
    result = CliRunner().invoke(main, ["compare", str(shared_seeds_dir)])
    assert result.exit_code == 0, result.output
    report = result.output
    assert "## How the sources compare" in report
    for heading in ("### Agreed by several sources", "### Reported by one source only", "### Quotes"):
        assert heading in report
    assert "Jin Qiangyi" in report and "Beijing News" in report and "EU headquarters" in report
