"""Markdown brief: title, cited summary, sources."""

from __future__ import annotations

from newsynth.records import Article, Brief


def render_markdown(brief: Brief) -> str:
    lines = [f"# {brief.title}", ""]
    lines.append(" ".join(f"{s.text} {citation(s.supporting_articles)}" for s in brief.summary))
    lines += ["", "## Sources", ""]
    for number, article in enumerate(brief.articles, start=1):
        lines.append(f"{number}. {source_line(article)}")
    for skipped in brief.skipped:
        lines.append(f"- skipped {skipped.origin}: {skipped.problem}")
    return "\n".join(lines) + "\n"


def citation(numbers: list[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def source_line(article: Article) -> str:
    parts = [article.outlet or article.origin]
    if article.title:
        parts.append(f"“{article.title}”")
    if article.date:
        parts.append(article.date)
    if article.byline:
        parts.append(f"by {article.byline}")
    if article.junk_reason:
        parts.append(f"(left out: {article.junk_reason})")
    return ", ".join(parts)
