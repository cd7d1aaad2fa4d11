"""The line that says what a search understood (region, year, plan period, kind of
document, indicator, and the facets no document is about), from the catalogue in the
language given: the one builder of the bot's reply, the console, ``briefbot search`` and
the MCP server's note."""

from __future__ import annotations

from collections.abc import Callable

from bot.digest.english import said_indicator, said_place
from bot.i18n import tr
from bot.models import Understood


def _both(chinese: str, english: str) -> str:
    """``Sichuan (四川)``: the English name, then the Chinese the search reads."""
    return chinese if english == chinese else f"{english} ({chinese})"


def _place(region: str, lang: str) -> str:
    return _both(region, said_place(region, lang))


def _indicator(name: str, lang: str) -> str:
    return _both(name, said_indicator(name, lang))


def understood_line(
    u: Understood | None, lang: str, quote: Callable[[str], str] = str
) -> str | None:
    """``理解为：地区 山东 · 年份 2024 · 指标 地区生产总值`` (``Understood as: region 山东 ·
    …`` in English; every region named: ``地区 山东、江苏``), with
    ``（现有文件中没有：地区 火星，结果来自其他文件）`` for the facets no document is
    about (every region named that none is about, 地区 火星、冥王星); None when nothing was
    understood. ``quote`` is applied to the words of the query said back (HTML escaping
    for Telegram)."""
    if u is None or not u.said:
        return None
    # every region named (地区 山东、江苏); the first alone when no document is about it
    places = tr(lang, "search.region_sep").join(quote(_place(r, lang)) for r in u.all_regions)
    region = tr(lang, "search.facet_region", region=places) if u.region else None
    first = (
        tr(lang, "search.facet_region", region=quote(_place(u.region, lang))) if u.region else None
    )
    # every year named side by side (年份 2024、2025); the first alone when unmatched
    years = tr(lang, "search.region_sep").join(str(y) for y in u.all_years)
    year = tr(lang, "search.facet_year", year=years) if u.year else None
    if year and u.year_word and u.year_base is not None:
        # 今年 read as a year: from which year, so a year read wrong shows why
        if u.year_base_places:
            year += tr(lang, "search.facet_year_from_places", word=u.year_word, base=u.year_base)
        else:
            year += tr(lang, "search.facet_year_from", word=u.year_word, base=u.year_base)
    first_year = tr(lang, "search.facet_year", year=u.year) if u.year else None
    p = u.period
    period = (
        tr(lang, "search.facet_period", period=quote(p.name), first=p.first, last=p.last)
        if p
        else None
    )
    kind = tr(lang, "search.facet_type", type=quote(u.doc_type)) if u.doc_type else None
    indicator = (
        tr(lang, "search.facet_indicator", indicator=quote(_indicator(u.indicator, lang)))
        if u.indicator
        else None
    )
    sep = tr(lang, "search.facet_sep")
    english = [
        tr(lang, "search.facet_english", word=quote(word), read=quote("/".join(read)))
        for word, read in u.english
        # grain output read as 粮食产量 beside 指标 粮食产量 says the indicator twice
        if not (u.indicator and read == (u.indicator,))
    ]
    parts = [part for part in (region, year, period, kind, indicator, *english) if part]
    line = tr(lang, "search.understood", facets=sep.join(parts))
    missing = [
        first if facet == "region" else first_year
        for facet in u.unmatched
        if facet in ("region", "year")
    ]
    if u.absent:
        # several regions named: each one no document is about (山东 火星: 火星)
        absent = tr(lang, "search.region_sep").join(quote(r) for r in u.absent)
        places = [tr(lang, "search.facet_region", region=absent)]
        missing = places + [m for m in missing if m != first]
    if missing := [m for m in missing if m]:
        line += tr(lang, "search.unmatched", facets=sep.join(missing))
    elif "region_hits" in u.unmatched and u.region:
        # the place has documents, but no hit is from them
        line += tr(lang, "search.unmatched_hits", region=quote(_place(u.region, lang)))
    elif "region_year" in u.unmatched and u.region and u.year:
        # the place has documents and the year has, but not the place in that year
        line += tr(lang, "search.unmatched_in", region=quote(_place(u.region, lang)), year=u.year)
    return line
