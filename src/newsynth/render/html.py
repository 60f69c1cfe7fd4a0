"""HTML brief: one self-contained page (inline CSS, no scripts, no external assets).

Every citation [n] shows, on hover or keyboard focus, the sentence of article n that supports
the cited text. Every string that comes from an article goes through ``esc``.
"""

from __future__ import annotations

import html
from functools import cache
from importlib.resources import files

from newsynth.records import Brief, Claim, Conflict, Entity, Quote, Skipped, SummarySentence
from newsynth.render.view import (
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
    shown_conflicts,
    sources,
    sources_phrase,
    split_shown,
    summary_disputes,
    support_for,
)

# Defence in depth: even a missed escape could not load or run anything.
CONTENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


@cache
def stylesheet() -> str:
    return files("newsynth.render").joinpath("brief.css").read_text(encoding="utf-8")


def render_html(brief: Brief) -> str:
    return page(brief.title, brief_body(brief))


def brief_body(brief: Brief) -> str:
    """The brief's sections as HTML, without the page around them (the web app frames them itself)."""
    return "\n".join(
        part
        for part in (
            header(brief),
            summary_section(brief),
            comparison_section(comparison_view(brief), brief),
            sources_section(sources(brief)),
            skipped_section(brief.skipped),
        )
        if part
    )


def page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_POLICY}">\n'
        f"<title>{esc(title)}</title>\n<style>\n{stylesheet()}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def header(brief: Brief) -> str:
    return f'<header>\n<h1>{esc(brief.title)}</h1>\n<p class="meta">{esc(headline(brief))}</p>\n</header>'


# --- citations --------------------------------------------------------------------------


def citation(brief: Brief, number: int, evidence: str | None, note: str = "") -> str:
    """``[n]`` linking to the source list, with a popover naming the outlet and its sentence."""
    names = dict(outlet_names(brief, [number]))
    popover = f"<b>[{number}] {esc(names.get(number, 'unknown article'))}</b>"
    if evidence:
        popover += f" “{esc(evidence)}”"
    if note:
        popover += f' <i class="note">{esc(note)}</i>'
    return (
        f'<span class="cite"><a href="#source-{number}">[{number}]</a>'
        f'<span class="pop" role="tooltip">{popover}</span></span>'
    )


def citations(brief: Brief, numbers: list[int], evidence: dict[int, str] | None = None) -> str:
    evidence = evidence or {}
    return "".join(citation(brief, n, evidence.get(n)) for n in numbers)


def summary_citations(brief: Brief, sentence: SummarySentence) -> str:
    parts = []
    for number in cited_numbers(sentence):
        support = support_for(sentence, number)
        note = "source of this sentence" if number == sentence.source_article else ""
        parts.append(citation(brief, number, support.sentence if support else None, note))
    return "".join(parts)


# --- summary ----------------------------------------------------------------------------


def summary_section(brief: Brief) -> str:
    if not brief.summary:
        return '<p class="summary empty">No summary: no article had usable text.</p>'
    sentences = " ".join(
        f'<span class="sentence">{esc(s.text)}&nbsp;{summary_citations(brief, s)}'
        f"{disputed_mark(summary_disputes(brief, s))}</span>"
        for s in brief.summary
    )
    return f'<section class="summary">\n<p>{sentences}</p>\n</section>'


def disputed_mark(disputes: list[str]) -> str:
    """A note after a summary sentence whose value the sources disagree on (listed under Conflicts)."""
    if not disputes:
        return ""
    return f' <span class="disputed">(sources differ: {esc("; ".join(disputes))})</span>'


# --- how the sources compare ------------------------------------------------------------


def comparison_section(view: ComparisonView | None, brief: Brief) -> str:
    if view is None:
        return ""
    parts = ['<section class="compare">', "<h2>How the sources compare</h2>"]
    for key, heading in SECTIONS:
        shown, rest = split_shown(key, getattr(view, key))
        if shown:
            parts += [f"<h3>{esc(heading)}</h3>", section_body(key, shown, view, brief)]
        if rest:
            more = section_body(key, rest, view, brief)
            parts.append(f'<details class="more"><summary>{len(rest)} more</summary>{more}</details>')
    parts.append("</section>")
    return "\n".join(parts)


def section_body(key: str, items: list, view: ComparisonView, brief: Brief) -> str:
    if key == "quotes":
        return quotes_table(items, brief)
    if key == "lone_entities":
        return item_list([entity_item(entity, brief) for entity in items])
    if key == "single":
        return item_list([single_item(claim, brief) for claim in items])
    if key == "conflicts":
        return item_list([conflict_item(claim, brief) for claim in items])
    return item_list([shared_item(claim, view, brief) for claim in items])


def item_list(items: list[str]) -> str:
    return "<ul>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ul>"


def claim_citations(claim: Claim, brief: Brief) -> str:
    return citations(brief, claim.articles, claim_evidence(claim))


def outlets_cited(brief: Brief, numbers: list[int], evidence: dict[int, str] | None = None) -> str:
    """``Outlet [n], ...``; a number shows a popover only when there is a sentence to show."""
    evidence = evidence or {}
    return ", ".join(
        f"{esc(name)}&nbsp;{citation(brief, n, evidence[n]) if n in evidence else number_links([n])}"
        for n, name in outlet_names(brief, numbers)
    )


def claim_evidence(claim: Claim) -> dict[int, str]:
    return {sentence.article: sentence.text for sentence in claim.sentences}


def shared_item(claim: Claim, view: ComparisonView, brief: Brief) -> str:
    count = sources_phrase(independent_count(brief, claim.articles), view.total_sources)
    return f'{esc(claim.text)}&nbsp;{claim_citations(claim, brief)} <span class="count">{count}</span>'


def single_item(claim: Claim, brief: Brief) -> str:
    outlets = outlets_cited(brief, claim.articles, claim_evidence(claim))
    return f'{esc(claim.text)} <span class="outlets">— {outlets}</span>'


def conflict_item(claim: Claim, brief: Brief) -> str:
    evidence = claim_evidence(claim)
    rows = "".join(
        f"<li>{conflict_values(conflict, brief, evidence)}</li>" for conflict in shown_conflicts(claim)
    )
    values = f'<ul class="values">{rows}</ul>' if rows else ""
    return f"{esc(claim.text)}&nbsp;{claim_citations(claim, brief)}{values}"


def conflict_values(conflict: Conflict, brief: Brief, evidence: dict[int, str]) -> str:
    label = esc(conflict_label(conflict))
    values = "; ".join(
        f"<strong>{esc(reading.value)}</strong> in {outlets_cited(brief, reading.articles, evidence)}"
        for reading in conflict.value_readings()
    )
    explained = f" ({esc(conflict.note)})" if conflict.note else ""
    return f"{label}: {values}{explained}"


def quotes_table(quotes: list[Quote], brief: Brief) -> str:
    rows = "\n".join(quote_row(quote, brief) for quote in quotes)
    head = "<tr><th>Speaker</th><th>Quote</th><th>Outlets</th></tr>"
    return f'<table class="quotes">\n<thead>{head}</thead>\n<tbody>\n{rows}\n</tbody>\n</table>'


def quote_row(quote: Quote, brief: Brief) -> str:
    cell = f"<q>{esc(quote.text)}</q>"
    for variant in quote.variants:
        wording = (
            f"<q>{esc(variant.text)}</q>" if variant.direct else f"{esc(variant.text)} (no quotation marks)"
        )
        cell += f'<div class="variant">{outlets_cited(brief, variant.articles)}: {wording}</div>'
    speaker = esc(quote.speaker) if quote.speaker else '<i class="note">unattributed</i>'
    return f"<tr><td>{speaker}</td><td>{cell}</td><td>{outlets_cited(brief, quote.articles)}</td></tr>"


def entity_item(entity: Entity, brief: Brief) -> str:
    return f"{esc(entity.name)} ({esc(entity.label)}) — {outlets_cited(brief, entity.articles)}"


# --- sources and skipped inputs ---------------------------------------------------------


def sources_section(listed: list[Source]) -> str:
    items = "\n".join(source_item(source, listed) for source in listed)
    return f'<section class="sources">\n<h2>Sources</h2>\n<ol>\n{items}\n</ol>\n</section>'


def source_item(source: Source, listed: list[Source]) -> str:
    classes = ' class="dropped"' if source.dropped_reason else ""
    notes = "".join(f'<div class="note">{note}</div>' for note in source_notes(source, listed))
    return (
        f'<li id="source-{source.number}" value="{source.number}"{classes}>'
        f"{source_line(source)}{notes}{removed_details(source)}</li>"
    )


def source_line(source: Source) -> str:
    article = source.article
    parts = [f'<span class="outlet">{esc(source.label)}</span>']
    title = esc(article.title) if article.title else ""
    if source.url:
        parts.append(f'<a href="{esc(source.url)}" rel="noopener noreferrer">{title or esc(source.url)}</a>')
    elif title:
        parts.append(f"<cite>{title}</cite>")
    if article.date:
        parts.append(f"<time>{esc(article.date)}</time>")
    if article.byline:
        parts.append(f"by {esc(article.byline)}")
    if source.origin_note and not article.outlet:
        parts.append(f"from <code>{esc(source.origin_note)}</code>")
    return " · ".join(parts)


def number_links(numbers: list[int]) -> str:
    return "".join(f'<a href="#source-{n}">[{n}]</a>' for n in numbers)


def source_notes(source: Source, listed: list[Source]) -> list[str]:
    notes = []
    if source.copy_of is not None:
        notes.append(f"copy of {number_links([source.copy_of])}")
    if source.copies:
        names = ", ".join(f"{esc(name)}&nbsp;{number_links([n])}" for n, name in carriers(source, listed))
        notes.append(f"also carried by {names} (one source of evidence)")
    if source.dropped_reason:
        notes.append(f"left out of the summary: {esc(source.dropped_reason)}")
    return notes


def removed_details(source: Source) -> str:
    lines = source.article.removed_lines
    if not lines:
        return ""
    items = "".join(
        f'<li><span class="reason">{esc(line.reason)}</span> {esc(line.text)}</li>' for line in lines
    )
    return f"<details><summary>{esc(removed_summary(lines))}</summary><ul>{items}</ul></details>"


def skipped_section(skipped: list[Skipped]) -> str:
    if not skipped:
        return ""
    items = "".join(f"<li><code>{esc(item.origin)}</code>: {esc(item.problem)}</li>" for item in skipped)
    return f'<section class="skipped">\n<h2>Skipped inputs</h2>\n<ul>{items}</ul>\n</section>'
