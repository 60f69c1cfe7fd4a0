"""JSON brief (schema in docs/json-schema.md)."""

from __future__ import annotations

import json
from dataclasses import asdict

from newsynth.records import Brief


def brief_to_dict(brief: Brief) -> dict:
    return {
        "title": brief.title,
        "summary": [asdict(s) for s in brief.summary],
        "articles": [
            {
                "number": n,
                "id": a.id,
                "origin": a.origin,
                "url": a.url,
                "outlet": a.outlet,
                "title": a.title,
                "date": a.date,
                "byline": a.byline,
                "junk_reason": a.junk_reason,
                "copy_of": a.copy_of,
            }
            for n, a in enumerate(brief.articles, start=1)
        ],
        "skipped": [asdict(s) for s in brief.skipped],
    }


def render_json(brief: Brief) -> str:
    return json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=2) + "\n"
