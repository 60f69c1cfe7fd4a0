"""JSON brief. The layout is documented in docs/json-schema.md and docs/brief.schema.json.

All article references are 1-based citation numbers, the same numbers the Markdown and HTML
briefs show as [1], [2], ...; maps keyed by article in the records become lists of objects here.
"""

from __future__ import annotations

import json
from typing import Any

from newsynth.records import Brief, Claim, Comparison, Entity, Quote, SummarySentence
from newsynth.render.view import Source, sources, summary_disputes

SCHEMA_VERSION = 1
SCORE_DIGITS = 4

JsonObject = dict[str, Any]


def render_json(brief: Brief) -> str:
    return json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=2) + "\n"


def brief_to_dict(brief: Brief) -> JsonObject:
    comparison = brief.comparison or Comparison()
    return {
        "schema_version": SCHEMA_VERSION,
        "story_id": brief.story.id,
        "title": brief.title,
        "summary_text": brief.summary_text,
        "summary": [
            summary_sentence(sentence, summary_disputes(brief, sentence)) for sentence in brief.summary
        ],
        "articles": [article_entry(source) for source in sources(brief)],
        "compared": brief.comparison is not None,
        "claims": [claim_entry(claim) for claim in comparison.claims],
        "quotes": [quote_entry(quote) for quote in comparison.quotes],
        "entities": [entity_entry(entity) for entity in comparison.entities],
        "skipped": [{"origin": item.origin, "problem": item.problem} for item in brief.skipped],
    }


def summary_sentence(sentence: SummarySentence, disputes: list[str]) -> JsonObject:
    return {
        "text": sentence.text,
        "source_article": sentence.source_article,
        "supporting_articles": sorted(set(sentence.supporting_articles)),
        "support": [
            {"article": s.article, "sentence": s.sentence, "score": round(float(s.score), SCORE_DIGITS)}
            for s in sentence.support
        ],
        "disputes": disputes,
    }


def article_entry(source: Source) -> JsonObject:
    article = source.article
    return {
        "number": source.number,
        "id": article.id,
        "origin": article.origin,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "date": article.date,
        "byline": article.byline,
        "word_count": article.word_count,
        "dropped": source.dropped_reason is not None,
        "dropped_reason": source.dropped_reason,
        "junk_reason": article.junk_reason,
        "copy_of": source.copy_of,
        "copies": source.copies,
        "removed_lines": [{"text": line.text, "reason": line.reason} for line in article.removed_lines],
    }


def claim_entry(claim: Claim) -> JsonObject:
    return {
        "text": claim.text,
        "status": claim.status,
        "articles": claim.articles,
        "independent_sources": claim.independent_sources,
        "sentences": [{"article": s.article, "text": s.text} for s in claim.sentences],
        "conflicts": [
            {
                "kind": conflict.kind,
                "description": conflict.description,
                "confidence": conflict.confidence,
                "shown": conflict.shown,
                "note": conflict.note,
                "values": [{"article": n, "value": conflict.values[n]} for n in sorted(conflict.values)],
                "readings": [
                    {"value": reading.value, "articles": reading.articles}
                    for reading in conflict.value_readings()
                ],
            }
            for conflict in claim.conflicts
        ],
    }


def quote_entry(quote: Quote) -> JsonObject:
    return {
        "speaker": quote.speaker,
        "text": quote.text,
        "articles": sorted(quote.articles),
        "variants": [
            {"text": v.text, "articles": sorted(v.articles), "direct": v.direct} for v in quote.variants
        ],
    }


def entity_entry(entity: Entity) -> JsonObject:
    return {
        "name": entity.name,
        "label": entity.label,
        "articles": entity.articles,
        "independent_sources": entity.independent_sources,
        "mentions": [{"article": n, "count": entity.mentions[n]} for n in entity.articles],
    }
