"""`newsynth compare` output: the "How the sources compare" part of the brief, every item listed.

The Markdown brief cuts long sections ("…and 9 more"); this report, the comparison alone, lists all
of them, with the brief's own item formatting (``newsynth.render.markdown``) so that both read alike.
"""

from __future__ import annotations

from newsynth.records import Brief, Comparison, Story


def comparison_report(story: Story, comparison: Comparison, title: str) -> str:
    from newsynth.render.markdown import md, section_body, sources_block
    from newsynth.render.view import SECTIONS, comparison_view, sources

    brief = Brief(story=story, title=title, summary=[], comparison=comparison)
    blocks = [f"# {md(title)}", "## How the sources compare"]
    view = comparison_view(brief)
    if view is None:
        blocks.append("*Nothing to compare: no usable article had text.*")
    else:
        for key, heading in SECTIONS:
            items = getattr(view, key)
            if items:
                blocks += [f"### {heading}", section_body(key, items, view, brief)]
    blocks.append(sources_block(sources(brief)))
    return "\n\n".join(block for block in blocks if block) + "\n"
