"""Markdown brief: title, headline facts, cited summary, how the sources compare, sources, skipped inputs."""

from __future__ import annotations

import re

from newsynth.records import Brief, Claim, Conflict, Entity, Quote, Skipped
from newsynth.render.view import (
    REMOVED_PREVIEW_COUNT,
    SECTIONS,
    ComparisonView,
    Source,
    carriers,
    cited_numbers,
    comparison_view,
    conflict_label,
    headline,
    independent_count,
    outlet_names,
    removed_summary,
    shorten,
    shown_conflicts,
    sources,
    sources_phrase,
    split_shown,
    summary_disputes,
)

# Characters that would turn article text into markup: emphasis, links, raw HTML, code, tables.
_MARKUP = re.compile(r"([\\`*_\[\]<>|])")


def render_markdown(brief: Brief) -> str:
    blocks = [
        f"# {md(brief.title)}",
        f"*{md(headline(brief))}*",
        summary_paragraph(brief),
        *comparison_blocks(comparison_view(brief), brief),
        sources_block(sources(brief)),
        *skipped_blocks(brief.skipped),
    ]
    return "\n\n".join(block for block in blocks if block) + "\n"


def md(text: str) -> str:
    """Article text as literal Markdown: markup characters escaped, on one line."""
    return _MARKUP.sub(r"\\\1", " ".join(text.split()))


def cite(numbers: list[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def outlets_cited(brief: Brief, numbers: list[int]) -> str:
    return ", ".join(f"{md(name)} [{n}]" for n, name in outlet_names(brief, numbers))


# --- summary ----------------------------------------------------------------------------


def summary_paragraph(brief: Brief) -> str:
    if not brief.summary:
        return "*No summary: no article had usable text.*"
    return " ".join(
        f"{md(s.text)} {cite(cited_numbers(s))}{disputed_note(summary_disputes(brief, s))}"
        for s in brief.summary
    )


def disputed_note(disputes: list[str]) -> str:
    """`` *(sources differ: number of workers injured)*`` after a sentence that takes a side."""
    return f" *(sources differ: {md('; '.join(disputes))})*" if disputes else ""


# --- how the sources compare ------------------------------------------------------------


def comparison_blocks(view: ComparisonView | None, brief: Brief) -> list[str]:
    if view is None:
        return []
    blocks = ["## How the sources compare"]
    for key, heading in SECTIONS:
        shown, rest = split_shown(key, getattr(view, key))
        if shown:
            blocks += [f"### {heading}", section_body(key, shown, view, brief) + more_note(len(rest))]
    return blocks


def section_body(key: str, items: list, view: ComparisonView, brief: Brief) -> str:
    if key == "quotes":
        return quotes_table(items, brief)
    if key == "lone_entities":
        return "\n".join(entity_item(entity, brief) for entity in items)
    if key == "single":
        return "\n".join(single_item(claim, brief) for claim in items)
    if key == "conflicts":
        return "\n".join(conflict_item(claim, brief) for claim in items)
    return "\n".join(shared_item(claim, view, brief) for claim in items)


def more_note(hidden: int) -> str:
    return f"\n\n*…and {hidden} more (the JSON brief lists them all).*" if hidden else ""


def shared_item(claim: Claim, view: ComparisonView, brief: Brief) -> str:
    count = independent_count(brief, claim.articles)
    return f"- {md(claim.text)} {cite(claim.articles)} ({sources_phrase(count, view.total_sources)})"


def single_item(claim: Claim, brief: Brief) -> str:
    return f"- {md(claim.text)} — {outlets_cited(brief, claim.articles)}"


def conflict_item(claim: Claim, brief: Brief) -> str:
    lines = [f"- {md(claim.text)} {cite(claim.articles)}"]
    for conflict in shown_conflicts(claim):
        lines.append(f"  - {conflict_line(conflict, brief)}")
    return "\n".join(lines)


def conflict_line(conflict: Conflict, brief: Brief) -> str:
    values = "; ".join(
        f"{md(reading.value)} in {outlets_cited(brief, reading.articles)}"
        for reading in conflict.value_readings()
    )
    explained = f" ({md(conflict.note)})" if conflict.note else ""
    return f"{md(conflict_label(conflict))}: {values}{explained}"


def quotes_table(quotes: list[Quote], brief: Brief) -> str:
    rows = ["| Speaker | Quote | Outlets |", "| --- | --- | --- |"]
    for quote in quotes:
        speaker = md(quote.speaker or "unattributed")
        rows.append(f"| {speaker} | {quote_cell(quote, brief)} | {outlets_cited(brief, quote.articles)} |")
    return "\n".join(rows)


def quote_cell(quote: Quote, brief: Brief) -> str:
    cell = f"“{md(quote.text)}”"
    for variant in quote.variants:
        wording = f"“{md(variant.text)}”" if variant.direct else f"{md(variant.text)} (no quotation marks)"
        cell += f" · {outlets_cited(brief, variant.articles)}: {wording}"
    return cell


def entity_item(entity: Entity, brief: Brief) -> str:
    return f"- {md(entity.name)} ({entity.label}) — {outlets_cited(brief, entity.articles)}"


# --- sources and skipped inputs ---------------------------------------------------------


def sources_block(listed: list[Source]) -> str:
    items = "\n".join(source_item(source, listed) for source in listed)
    return f"## Sources\n\n{items}"


def source_item(source: Source, listed: list[Source]) -> str:
    lines = [f"{source.number}. {source_line(source)}"]
    lines += [f"   - {note}" for note in source_notes(source, listed)]
    return "\n".join(lines)


def source_line(source: Source) -> str:
    article = source.article
    parts = [f"**{md(source.label)}**"]
    if article.title:
        title = md(article.title)
        parts.append(f"[{title}](<{link_target(source.url)}>)" if source.url else f"“{title}”")
    elif source.url:
        parts.append(f"<{link_target(source.url)}>")
    if article.date:
        parts.append(md(article.date))
    if article.byline:
        parts.append(f"by {md(article.byline)}")
    if source.origin_note and not article.outlet:
        parts.append(f"from {md(source.origin_note)}")
    return " · ".join(parts)


def link_target(url: str) -> str:
    """A url inside ``<...>``: spaces and angle brackets percent-encoded."""
    return url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")


def source_notes(source: Source, listed: list[Source]) -> list[str]:
    notes = []
    if source.copy_of is not None:
        notes.append(f"copy of [{source.copy_of}]")
    if source.copies:
        names = ", ".join(f"{md(name)} [{n}]" for n, name in carriers(source, listed))
        notes.append(f"also carried by {names} (one source of evidence)")
    if source.dropped_reason:
        notes.append(f"left out of the summary: {md(source.dropped_reason)}")
    if source.article.removed_lines:
        notes.append(removed_note(source))
    return notes


def removed_note(source: Source) -> str:
    lines = source.article.removed_lines
    shown = "; ".join(f"“{md(shorten(line.text))}”" for line in lines[:REMOVED_PREVIEW_COUNT])
    more = f"; and {len(lines) - REMOVED_PREVIEW_COUNT} more" if len(lines) > REMOVED_PREVIEW_COUNT else ""
    return f"cleaning: {md(removed_summary(lines))}: {shown}{more}"


def skipped_blocks(skipped: list[Skipped]) -> list[str]:
    if not skipped:
        return []
    items = "\n".join(f"- {md(item.origin)}: {md(item.problem)}" for item in skipped)
    return ["## Skipped inputs", items]
