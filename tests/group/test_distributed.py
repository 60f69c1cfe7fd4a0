"""The Dask path on a LocalCluster gives the same stories as the local path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsynth.group import group_articles
from newsynth.group.synthetic import synthetic_pile
from newsynth.ingest import read_paths
from newsynth.records import Story
from tests.group.fixtures import event_articles

distributed = pytest.importorskip("distributed", reason="needs the 'distributed' extra (dask)")


def write_shards(folder: Path, shards: int = 3) -> list[str]:
    """JSONL shards of invented articles: the same-subject fixtures and a synthetic pile."""
    fixtures, _ = event_articles()
    records = [{"text": a.raw_text, "outlet": a.outlet} for a in fixtures]
    records += [{"text": a.raw_text, "outlet": a.outlet, "title": a.title} for a, _ in synthetic_pile(150, 4)]
    records.append(records[0])  # an exact repost in another shard
    paths = []
    for number in range(shards):
        path = folder / f"shard-{number}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records[number::shards]), encoding="utf-8")
        paths.append(str(path))
    return paths


def story_sets(stories: list[Story]) -> set[frozenset[str]]:
    return {frozenset(article.id for article in story.articles) for story in stories}


def test_dask_local_cluster_gives_the_same_stories_as_the_local_path(tmp_path: Path) -> None:
    from newsynth.group.distributed import group_shards, map_stories

    shards = write_shards(tmp_path)
    local = group_articles(read_paths(shards).articles)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        remote, skipped = group_shards(client, shards)
        sizes = map_stories(client, story_size, remote)
    assert not skipped
    assert story_sets(remote) == story_sets(local)
    assert {story.id for story in remote} == {story.id for story in local}
    assert sizes == [len(story.articles) for story in remote]
    assert len(remote) < len(local[0].articles) + 150  # stories, not one per article


def story_size(story: Story) -> int:
    return len(story.articles)


@pytest.mark.slow
def test_stories_command_on_a_local_dask_cluster_writes_the_same_stories(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newsynth.cli import main

    (tmp_path / "shards").mkdir()
    shards = write_shards(tmp_path / "shards")
    runner = CliRunner()
    local = runner.invoke(main, ["stories", *shards, "-o", str(tmp_path / "local")])
    remote = runner.invoke(main, ["stories", *shards, "-o", str(tmp_path / "dask"), "--dask", "local"])
    assert local.exit_code == 0, local.output
    assert remote.exit_code == 0, remote.output
    names = sorted(path.name for path in (tmp_path / "local").iterdir())
    assert names == sorted(path.name for path in (tmp_path / "dask").iterdir())
    assert (tmp_path / "local" / "index.md").read_text() == (tmp_path / "dask" / "index.md").read_text()
