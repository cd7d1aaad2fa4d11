"""Plain-data views of core results (JSON-ready dicts). No I/O, no UI library."""

from __future__ import annotations

from dataclasses import asdict

from bot.models import AnswerCard, Document, DocumentInfo, SearchResponse


def understood_to_dict(resp: SearchResponse) -> dict | None:
    """What the query was understood to ask (``region``, ``regions``: every region
    named, the first being ``region``, ``year``, ``type``,
    ``indicator``, ``period``: the plan period named, ``{"name": "十四五", "from":
    2021, "to": 2025}``, else ``None``, and ``english``: English words read through the
    dictionary), or ``None`` when it was searched word for word."""
    u = resp.understood
    if u is None:
        return None
    period = u.period
    return {
        "region": u.region,
        # every region named, the first being ``region`` (山东 江苏 GDP 目标: both)
        "regions": list(u.all_regions),
        # every year named side by side (2024年和2025年), the first being ``year``
        "years": list(u.all_years),
        # the regions named that no document is about, when several are named
        "absent": list(u.absent),
        "year": u.year,
        "type": u.doc_type,
        "indicator": u.indicator,
        "period": (
            {"name": period.name, "from": period.first, "to": period.last} if period else None
        ),
        # English words the glossary lacks and the dictionary's Chinese words they were
        # searched as ({"sewage": ["污水"]})
        "english": {word: list(read) for word, read in u.english},
    }


def answer_to_dict(answer: AnswerCard) -> dict:
    """An answer card's fields, with ``doc``: the file name under the key the results,
    ``targets --json`` and ``compare --json`` give it (trial22: the card had only
    ``filename``, so a script joining a card to its results or records missed it)."""
    return {**asdict(answer), "doc": answer.filename}


def search_to_dict(resp: SearchResponse) -> dict:
    """``briefbot search --json``: the page of results, with ``understood`` and ``answer``
    (the key target that answers a question for a target, or ``None``)."""
    return {
        "query": resp.query,
        "understood": understood_to_dict(resp),
        # the understood facets no document is about ("region", "year"): the results
        # come from other documents
        "unmatched": list(resp.understood.unmatched) if resp.understood else [],
        "answer": answer_to_dict(resp.answer) if resp.answer else None,
        # every card: one per region (and year) a comparison names, else the answer alone
        "answers": [answer_to_dict(a) for a in resp.all_answers],
        # the regions (and years) compared whose record was not found
        "unanswered": list(resp.unanswered),
        # one place asked for a year none of its documents is of: its newest document
        "place_newest": asdict(resp.place_newest) if resp.place_newest else None,
        "answers_cut": resp.answers_cut,
        "corrected": resp.corrected_query,
        "corrections": [asdict(c) for c in resp.corrections],
        "suggestions": list(resp.suggestions),
        "message": resp.message,
        # 我县, 本市 … were left out: no home region was given
        "home_unset": resp.home_unset,
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
                "url": h.url,
            }
            for h in resp.hits
        ],
    }


LEVEL_LABELS: dict[str, str] = {
    "national": "全国",
    "provincial": "省级",
    "city": "市级",
    "county": "县级",
}
"""Display names of :attr:`DocumentInfo.level`."""


def document_to_dict(info: DocumentInfo) -> dict:
    """Everything the index knows about a document (``briefbot docs --json``).

    Keys include ``filename``, ``title``, ``region`` (``全国`` for national documents),
    ``region_path``, ``level``, ``type``, ``year``, ``issuer`` and ``date``.
    """
    data = asdict(info)
    data["type"] = data.pop("doc_type")
    data["region_path"] = list(info.region_path)
    data["doc"] = info.filename
    return data


def document_meta_dict(info: DocumentInfo) -> dict:
    """The descriptive fields of a document, as attached to each target record of
    ``briefbot targets --json`` (``document``)."""
    return {
        "doc_id": info.doc_id,
        "filename": info.filename,
        "title": info.title,
        "region": info.region,
        "region_path": list(info.region_path),
        "level": info.level,
        "type": info.doc_type,
        "year": info.year,
        "issuer": info.issuer,
        "date": info.date,
    }


def sections_of(doc: Document) -> list[list[str]]:
    """The headings of ``doc`` in reading order, each as its path from the top
    (``[["一、回顾"], ["一、回顾", "（一）工业"]]``): ``sections`` of ``briefbot doc --json``."""
    seen: dict[tuple[str, ...], None] = {}
    for p in doc.passages:
        if p.section:
            seen.setdefault(tuple(p.section), None)
    return [list(path) for path in seen]
