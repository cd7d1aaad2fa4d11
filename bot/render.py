"""Plain-data views of core results (JSON-ready dicts). No I/O, no UI library."""

from __future__ import annotations

from dataclasses import asdict

from bot.models import DocumentInfo, SearchResponse


def search_to_dict(resp: SearchResponse) -> dict:
    return {
        "query": resp.query,
        "corrected": resp.corrected_query,
        "corrections": [asdict(c) for c in resp.corrections],
        "suggestions": list(resp.suggestions),
        "message": resp.message,
        "total": resp.total,
        "page": resp.page,
        "pages": resp.pages,
        "results": [
            {
                "doc": h.filename,
                "doc_id": h.doc_id,
                "title": h.title,
                "section": " > ".join(h.section),
                "passage": h.passage_ordinal,
                "text": h.text,
                "snippet": h.snippet,
                "highlights": [[x.start, x.end] for x in h.highlights],
                "score": h.score,
            }
            for h in resp.hits
        ],
    }


def document_to_dict(info: DocumentInfo) -> dict:
    data = asdict(info)
    data["doc"] = info.filename
    return data
