"""The answer cards of a reply: one record made a card (:func:`card`, saying when it is
of a place inside the one asked), the reply led by it and the passage stating it
(:func:`lead_with_answer`), and one card per region and year a comparison names
(:func:`comparison_cards`). Split out of :mod:`bot.library.answers`, which chooses the
records.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from bot.corpus.regions import region_key
from bot.digest.values import format_value, signed_change
from bot.library.asked_units import asks_time, time_unit
from bot.models import AnswerCard, DocumentInfo, SearchHit, SearchResponse, Understood
from bot.targets.records import TargetRecord


def inside_asked(region: str | None, asked: str | None) -> str | None:
    """``asked`` when a figure of ``region`` is not the asked region's own (a county's
    target found for a question about its province), else ``None``."""
    if not asked or not region:
        return None
    # the same place written with or without its suffix (蓬溪县 asked, a document about
    # 蓬溪): a name inside the other's (湖南 in 湖南湘江新区) is no proof, a zone is inside
    return None if _bare(region) == _bare(asked) else asked


_DIVISION_SUFFIX_RE = re.compile(r"(?<=..)(?:自治县|县|区|市|省|旗)$")


def _bare(region: str) -> str:
    """A region's name without its division's suffix (蓬溪县 -> 蓬溪; 攸县 kept whole)."""
    return _DIVISION_SUFFIX_RE.sub("", region_key(region))


def card(info: DocumentInfo, record: TargetRecord, asked: str | None = None) -> AnswerCard:
    """The card of ``record``; ``asked``, the region the question named: a record of
    another place (one inside it) says so (:func:`inside_asked`)."""
    change, figure = signed_change(record.change, format_value(record))
    return AnswerCard(
        indicator=record.indicator,
        figure=figure,
        value_text=record.value_text,
        unit=record.unit,
        qualifier=record.qualifier,
        change=change,
        kind=record.kind,
        year=record.year,
        region=record.region or info.region,
        doc_id=info.doc_id,
        filename=info.filename,
        title=info.title,
        section=record.section,
        sentence=record.sentence,
        value=record.value,
        value_max=record.value_max,
        masked=record.masked,
        confidence=record.confidence,
        asked_region=inside_asked(record.region or info.region, asked),
    )


def lead_with_answer(
    resp: SearchResponse, answer: AnswerCard, stated: Iterable[SearchHit] = ()
) -> SearchResponse:
    """``resp`` with ``answer``, and on page 1 the passage stating it first: moved up
    when it is on the page, else taken from ``stated`` (hits of the answer's document)
    and put in front, the page keeping its size. A query asking how long (多久, 几小时)
    is answered by a figure in a time unit only: ``answer`` in another (货物贸易占比 30%
    for RCEP 货物 过海关 要多久, named by the query's other words) is left out and the
    ranking kept."""
    if asks_time(resp.query) and not time_unit(answer.unit):
        return resp
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
            top = hits[0].score if hits else extra.score  # shown first: scored as the first
            hits = [replace(extra, score=top), *hits][: max(resp.page_size, 1)]
    return replace(resp, hits=tuple(hits), answer=answer)


MAX_ANSWERS = 5
"""The most cards a comparison's reply shows (five regions, or two regions by two
years, each with a card): the rest are counted (``SearchResponse.answers_cut``)."""

Found = tuple[DocumentInfo, TargetRecord]


def compared(understood: Understood) -> bool:
    """Whether a query compares: it names several regions (山东 江苏 GDP 目标, 全国和广东)
    or several years side by side (2024年和2025年的GDP目标)."""
    return len(understood.all_regions) > 1 or len(understood.all_years) > 1


def compared_pairs(understood: Understood) -> list[tuple[str | None, int | None]]:
    """Every region and year a comparison names, region by region in the order typed
    (山东 江苏 2024年和2025年: 山东 2024, 山东 2025, 江苏 2024, 江苏 2025)."""
    regions: tuple[str | None, ...] = understood.all_regions or (None,)
    years: tuple[int | None, ...] = understood.all_years or (None,)
    return [(r, y) for r in regions for y in years]


def comparison_cards(
    resp: SearchResponse,
    understood: Understood,
    first: Found | None,
    look_up: Callable[[Understood], Found | None],
    results: Callable[[Understood], Found | None] | None = None,
) -> SearchResponse:
    """``resp`` with one card per region and year compared that has a record, each looked
    up with ``look_up`` as if it alone were asked (``first``: the first pair's, already
    found), at most :data:`MAX_ANSWERS` (the rest counted), and the pairs with none said
    back (``unanswered``: 江苏, or 江苏 2025 when years are compared). ``answer`` stays the
    first card; when the first pair has none, the first card found is the answer. With
    ``results``, a pair with no target is answered by its result when it has one (粮食产量
    2024年和2025年相比: two bulletins' figures, not "no target")."""
    cards: list[AnswerCard] = []
    seen: set[tuple[str, str, str]] = set()
    unanswered: list[str] = []
    for k, (region, year) in enumerate(compared_pairs(understood)):
        if k == 0:
            found = first if resp.answer is not None else None
        else:
            one = replace(understood, region=region, regions=(), year=year, years=())
            found = look_up(one)
        said = " ".join(str(p) for p in (region, year) if p is not None)
        if found is None and results is not None:
            found = results(replace(understood, region=region, regions=(), year=year, years=()))
        if found is None:
            unanswered.append(said)
            continue
        answer = resp.answer if k == 0 and resp.answer is not None else card(*found, region)
        key = (answer.doc_id, answer.indicator, answer.sentence)
        if key in seen:  # the same record for two of them (a plan of both years)
            continue
        seen.add(key)
        cards.append(answer)
    if resp.answer is None and cards:
        resp = lead_with_answer(resp, cards[0])
        if resp.answer is None:  # a time asked, no card in a time unit
            cards = []
    return replace(
        resp,
        answers=tuple(cards[:MAX_ANSWERS]),
        unanswered=tuple(unanswered),
        answers_cut=max(0, len(cards) - MAX_ANSWERS),
    )
