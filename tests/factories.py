"""Records for tests that need one with a few fields set: sensible defaults, every field
overridable by keyword.

- :func:`target_record`: a key target (:class:`TargetRecord`), by default a GDP growth
  target of 5.5%左右 for 2024;
- :func:`document_info`: what the index knows of a document (:class:`DocumentInfo`),
  by default ``<doc_id>.txt`` without title, region or year;
- :func:`search_hit`, :func:`answer_card`: a search's hit and answer card.

A test that is about the record itself (its serialisation, say) writes it out in full.
"""

from __future__ import annotations

from typing import Any

from bot.models import AnswerCard, DocumentInfo, SearchHit
from bot.targets.records import TargetRecord


def target_record(indicator: str = "地区生产总值", **fields: Any) -> TargetRecord:
    """A key target of ``indicator``; ``fields`` override any other field."""
    values: dict[str, Any] = {
        "doc": "d.txt",
        "section": "",
        "sentence": f"{indicator}增长5.5%左右。",
        "indicator": indicator,
        "value": 5.5,
        "value_text": "5.5",
        "unit": "%",
        "qualifier": "左右",
        "change": "增长",
        "year": "2024",
        "region": "山东",
        "kind": "target",
    }
    values.update(fields)
    return TargetRecord(**values)


def document_info(doc_id: str = "d1", **fields: Any) -> DocumentInfo:
    """An indexed document ``doc_id`` (file ``<doc_id>.txt`` unless ``filename`` says
    otherwise, ``relpath`` the same); ``fields`` override any other field."""
    filename = fields.pop("filename", f"{doc_id}.txt")
    values: dict[str, Any] = {
        "doc_id": doc_id,
        "filename": filename,
        "relpath": filename,
        "sha256": "0" * 64,
        "size": 1,
        "title": "",
        "region": None,
        "year": None,
        "encoding": "utf-8",
        "passages": 1,
        "indexed_at": 0.0,
    }
    values.update(fields)
    return DocumentInfo(**values)


def search_hit(text: str, **fields: Any) -> SearchHit:
    """A hit on a passage reading ``text`` (its snippet too, nothing highlighted) of
    document ``d1``; ``fields`` override any other field."""
    values: dict[str, Any] = {
        "doc_id": "d1",
        "filename": "d1.txt",
        "title": "",
        "section": (),
        "passage_ordinal": 0,
        "text": text,
        "snippet": text,
        "highlights": (),
        "score": 1.0,
    }
    values.update(fields)
    return SearchHit(**values)


def answer_card(indicator: str = "地区生产总值", **fields: Any) -> AnswerCard:
    """An answer card for ``indicator`` (a 2024 target of 5.5%左右 in document ``d1``);
    ``fields`` override any other field."""
    values: dict[str, Any] = {
        "indicator": indicator,
        "figure": "5.5%左右",
        "value_text": "5.5",
        "unit": "%",
        "qualifier": "左右",
        "change": "增长",
        "kind": "target",
        "year": "2024",
        "region": "山东",
        "doc_id": "d1",
        "filename": "d1.txt",
        "title": "",
        "section": "",
        "sentence": f"{indicator}增长5.5%左右。",
    }
    values.update(fields)
    return AnswerCard(**values)
