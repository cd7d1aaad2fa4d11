"""Direct answers: the key target a question asks for, before the passages.

``四川 2026 地区生产总值 增长目标`` asks for one record: the 2026 GDP growth target of
Sichuan's report. When a query names an indicator the table knows and asks for a
target (目标, 预期, 多少, 计划 …), the library looks the record up among the extracted
key targets and the reply opens with it (:class:`~bot.models.AnswerCard`); the passage
that states it moves to the top of the first page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from bot.digest.values import format_value
from bot.models import AnswerCard, DocumentInfo, SearchHit, SearchResponse, Understood
from bot.targets.indicators import IndicatorTable
from bot.targets.records import TargetRecord
from bot.text.normalize import normalize

# Words of a question that wants a figure, not a discussion.
_SEEKS_TARGET_RE = re.compile(r"目标|预期|多少|计划|力争|增长多少|几个百分点|指标")
_ASCII_RE = re.compile(r"[a-z][a-z0-9.&]*")


def asked_indicator(query: str, table: IndicatorTable) -> str | None:
    """The canonical indicator ``query`` names (the longest alias found), or ``None``."""
    text = _ASCII_RE.sub(lambda m: m.group().upper(), normalize(query))
    found = table.find_all(text)
    if not found:
        return None
    best = max(found, key=lambda m: m.end - m.start)
    return best.canonical


def asks_growth(query: str) -> bool:
    """Whether ``query`` asks for a rate of change (增长, 增速, 增幅, 提高)."""
    return re.search(r"增长|增速|增幅|提高|下降", normalize(query)) is not None


def seeks_target(query: str) -> bool:
    """Whether ``query`` asks for a figure (目标, 多少 …) rather than a topic."""
    return _SEEKS_TARGET_RE.search(normalize(query)) is not None


def best_answer(
    rows: Iterable[tuple[DocumentInfo, TargetRecord]],
    understood: Understood,
    asked: str | None = None,
    *,
    growth: bool = False,
) -> tuple[DocumentInfo, TargetRecord] | None:
    """The record that answers: a confident target of the asked year (the record's
    period first, then the document's year), of the asked indicator itself before the
    rest of its family (国内生产总值 is not a district's 地区生产总值), of the newest
    document when no year was asked, the first one a document states (its 主要预期目标
    paragraph comes before the tasks). With ``growth`` (the query says 增长, 增速) a
    rate of change goes before a level."""
    best: tuple[tuple, DocumentInfo, TargetRecord] | None = None
    for order, (info, record) in enumerate(rows):
        if record.kind != "target" or not record.confident:
            continue
        wanted = understood.year
        period = wanted is not None and record.year == str(wanted)
        document = wanted is not None and info.year == wanted
        if wanted is not None and not (period or document):
            continue
        exact = asked is not None and record.indicator == asked
        rate = growth and record.unit in ("%", "个百分点")
        key = (period, exact, rate, document, info.year or 0, record.confidence, -order)
        if best is None or key > best[0]:
            best = (key, info, record)
    return (best[1], best[2]) if best else None


def overlap(a: str, b: str) -> int:
    """Length of the longest common substring of ``a`` and ``b``."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def named_in(query: str, indicator: str) -> int:
    """How much of an extracted name a query repeats (商业卫星 in 上海 商业卫星 年产能
    目标): the longest common run, 0 under three characters or half the name."""
    q, name = normalize(query), normalize(indicator)
    n = overlap(name, q)
    return n if n >= 3 and n * 2 >= len(name) else 0


def card(info: DocumentInfo, record: TargetRecord) -> AnswerCard:
    return AnswerCard(
        indicator=record.indicator,
        figure=format_value(record),
        value_text=record.value_text,
        unit=record.unit,
        qualifier=record.qualifier,
        change=record.change,
        kind=record.kind,
        year=record.year,
        region=record.region or info.region,
        doc_id=info.doc_id,
        filename=info.filename,
        title=info.title,
        section=record.section,
        sentence=record.sentence,
    )


def lead_with_answer(
    resp: SearchResponse, answer: AnswerCard, stated: Iterable[SearchHit] = ()
) -> SearchResponse:
    """``resp`` with ``answer``, and on page 1 the passage stating it first: moved up
    when it is on the page, else taken from ``stated`` (hits of the answer's document)
    and put in front, the page keeping its size."""
    if resp.page != 1:
        return replace(resp, answer=answer)

    def states(hit: SearchHit) -> bool:
        return hit.doc_id == answer.doc_id and answer.sentence[:40] in hit.text

    hits = list(resp.hits)
    at = next((k for k, h in enumerate(hits) if states(h)), None)
    if at is not None:
        hits.insert(0, hits.pop(at))
    else:
        extra = next((h for h in stated if states(h)), None)
        if extra is not None:
            hits = [extra, *hits][: max(resp.page_size, 1)]
    return replace(resp, hits=tuple(hits), answer=answer)
