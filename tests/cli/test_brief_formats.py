"""`newsynth brief DIR --format md|json|html [-o FILE]` end to end on invented articles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsynth.cli import main
from tests.render.checks import assert_valid_brief, schema_validator

COUNCIL_REPORT = """Skip to content
Osterfeld council approves new tram line

The Osterfeld city council voted 31 to 9 on Thursday to approve a tram line from the harbor to the university.
The line will cost 240 million euros and open in 2029, the council said.
Mayor Lena Brandt called the vote "a turning point for the east side".
Construction is expected to begin next spring after a final environmental review.
Opponents argued that buses would serve the route at a fraction of the cost.
Like us on Facebook
"""

RIVAL_REPORT = """Osterfeld backs harbor tram

Councillors in Osterfeld approved a tram line from the harbor to the university on Thursday, 31 votes to 9.
The project is budgeted at 250 million euros, according to city documents.
Mayor Lena Brandt said the vote was "a turning point for the east side".
Work is due to start next spring once an environmental review is complete.
Share this article
"""

BULLETIN_PAGE = """<!DOCTYPE html>
<html><head><title>Tram vote &lt;script&gt;alert(1)&lt;/script&gt; &amp; what next | Bulletin</title>
<meta property="og:site_name" content="Osterfeld Bulletin">
<script src="https://cdn.example/tracker.js"></script>
<link rel="stylesheet" href="https://cdn.example/site.css">
</head><body>
<nav><a href="/">Home</a> <a href="/city">City</a></nav>
<article><h1>Tram vote &lt;script&gt;alert(1)&lt;/script&gt; &amp; what next</h1>
<p>The Osterfeld city council voted 31 to 9 on Thursday to approve a new tram line to the university.</p>
<p>Mayor Lena Brandt said the vote was "a turning point for the east side" &amp; promised quick work.</p>
<p>Residents near the harbor welcomed the decision but asked for quieter trams at night.</p>
</article>
<footer>Copyright 2026 Osterfeld Bulletin</footer>
</body></html>
"""


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "tram"
    folder.mkdir()
    (folder / "a-council.txt").write_text(COUNCIL_REPORT, encoding="utf-8")
    (folder / "b-rival.txt").write_text(RIVAL_REPORT, encoding="utf-8")
    (folder / "c-bulletin.html").write_text(BULLETIN_PAGE, encoding="utf-8")
    return folder


def run_brief(*args: str) -> str:
    result = CliRunner().invoke(main, ["brief", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_markdown_is_the_default(articles_dir: Path) -> None:
    text = run_brief(str(articles_dir))
    assert text.startswith("# ")
    assert "## Sources" in text
    assert re.search(r"\. (\[[123]\])+ ", text)  # a cited summary sentence
    assert "\\<script\\>" in text and "<script>" not in text


def test_json_output_is_valid_and_cites_real_articles(articles_dir: Path) -> None:
    data = json.loads(run_brief(str(articles_dir), "--format", "json"))
    assert_valid_brief(data, schema_validator())
    assert len(data["articles"]) == 3
    assert data["summary"], "expected summary sentences"
    for sentence in data["summary"]:
        assert sentence["supporting_articles"]
        assert all(1 <= n <= 3 for n in sentence["supporting_articles"])
        assert sentence["source_article"] in sentence["supporting_articles"]
    assert any(line["text"] == "Like us on Facebook" for a in data["articles"] for line in a["removed_lines"])


def test_html_output_is_one_self_contained_escaped_page(articles_dir: Path) -> None:
    page = run_brief(str(articles_dir), "--format", "html")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<script" not in page.lower()
    assert "<link" not in page.lower()
    assert not re.search(r"\ssrc=", page)
    assert not re.search(r"url\(|@import", page)
    assert "cdn.example" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; what next" in page
    assert 'class="pop"' in page  # citations carry their supporting sentences


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_output_option_writes_the_file(articles_dir: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / "out" / f"brief.{fmt}"
    stdout = run_brief(str(articles_dir), "--format", fmt, "-o", str(target))
    assert stdout == ""
    written = target.read_text(encoding="utf-8")
    assert written == run_brief(str(articles_dir), "--format", fmt)
    assert not [p.name for p in target.parent.iterdir() if p.name.startswith(".")]  # no temp file left


def test_unknown_format_is_refused(articles_dir: Path) -> None:
    result = CliRunner().invoke(main, ["brief", str(articles_dir), "--format", "pdf"])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
