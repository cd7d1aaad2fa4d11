"""Digest filters: which target records a subscriber wants in a digest.

A filter is written as one line of words separated by spaces (full-width spaces too)::

    GDP 投资 +烟台 !estimate kind:all region:青岛 doc:004 indicator:地区生产总值

=================  ===========================================================
``word``           keyword: a record matches if **any** keyword is found in its
                   indicator, its family or its group's name, its change word
                   (增长) or qualifier, or in its section; in its sentence only
                   when the indicator is a generic name
``+word``          required: **every** required word must be found
``!word``/``-word`` excluded: a record is dropped if any of these is found
``indicator:名称``  the indicator name contains 名称 (``指标:``)
``region:地区``     the record is about 地区 or a place inside it: ``region:山东``
                   finds records about 烟台 and 青岛 (``地区:``); ``region:全国``
                   finds national figures
``doc:文件``        document id, file name, file stem, or a prefix of the id or
                   the file name (``004`` finds ``004_f9b1….txt``) (``文件:``)
``year:年份``       the figure is for that year, or a period ending in it:
                   ``year:2025`` finds 2025 and 2021-2025 (``年份:``)
``kind:类型``       ``target`` (目标, the default), ``achievement`` (实绩),
                   ``estimate`` (预计) or ``all`` (全部) (``类型:``)
``confidence:all`` also records the extractor is not sure of (by default only
                   confident records are shown) (``可信度:全部``)
``value:>5%``      the figure passes the value condition (``数值:``), read as
                   ``/compare`` reads one (:mod:`bot.targets.conditions`): a range
                   passes only whole, a figure in another unit or without a number
                   never (``/subscribe GDP 高于5%`` is stored as ``GDP value:>5%``)
=================  ===========================================================

Regions (:mod:`bot.corpus.regions`): a record is about its own ``region`` when that
differs from its document's (a figure about 武汉 in a 湖北 report), otherwise about its
document's region; 地区 matches that region and every place inside it (the document's
``region_path`` and, when given, the gazetteer's tree). ``全国`` matches national
figures only, not every record.

Indicators: with an :class:`~bot.targets.indicators.IndicatorTable`, ``indicator:`` and
keywords that name a known indicator (canonical name, alias or family name) also match
every record of that indicator's family: ``indicator:GDP`` finds 地区生产总值 and
国内生产总值, ``indicator:CPI`` finds 居民消费价格. Such a keyword holds that family and
nothing else, as ``indicator:`` does: not the figures of its group (物价, a CPI synonym,
is in the label of 消费与物价), not a section titled with it, and a list sentence only
for a generic name (总量).

Keywords are about what a figure measures: a sentence often lists many indicators (a
report's main targets: GDP, 粮食产量, 外贸, 财政收入 in one sentence), so the sentence is
looked at only for a record whose indicator name says nothing of its own (a generic name
the table does not know and no group word places: 总量, 增速), never for 地区生产总值
because 粮食 is in the same sentence. The group's name is its label in either language
(``农业`` finds the 农业农村 group: 粮食产量, 生猪出栏).

Required and excluded words are looked for in the indicator, sentence and section
and also in the record's metadata: region, year, kind (``target``/目标,
``achievement``/实绩, ``estimate``/预计) and its document's title, file name and
region, so ``+烟台`` keeps records about 烟台 and ``!estimate`` drops estimates.

Words and values may be quoted (``"…"``, ``'…'``, ``“…”``, ``「…」``) to keep spaces or
a leading ``+``/``!``/``-``; an unquoted one may list several terms separated by
``,``, ``，`` or ``、`` (``region:青岛,烟台`` is either region, ``GDP,投资`` two keywords),
and a key may be repeated. Both ``:`` and ``：`` work; ``＋`` and ``！`` too.
Matching ignores case, full-width forms and traditional characters
(:func:`bot.text.normalize.normalize`), and expands synonyms when a
:class:`~bot.text.synonyms.Synonyms` is given (``GDP`` finds 地区生产总值).

Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath

from bot.corpus.gazetteer import Gazetteer, ambiguous_region, default_gazetteer
from bot.corpus.regions import AmbiguousPlace, figure_in_region, filter_regions, says_where
from bot.errors import CodedError
from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES, tr
from bot.models import DocumentInfo
from bot.targets.conditions import ConditionError, ValueCondition, condition_text, split_condition
from bot.targets.indicators import IndicatorTable
from bot.targets.records import KINDS, TargetRecord
from bot.text.english import with_chinese_terms
from bot.text.normalize import normalize
from bot.text.synonyms import Synonyms
from bot.text.years import period_end, read_year

__all__ = [
    "KIND_LABELS",
    "DigestFilter",
    "FilterError",
    "FilterMatcher",
    "describe",
    "filter_key",
    "format_filter",
    "kind_label",
    "kind_values",
    "matches",
    "parse_filter",
    "record_in_region",
]

# The Chinese words for the kinds, that a keyword may match (data, like the filter
# syntax); what a reader sees is :func:`kind_label`, from the catalogue.
KIND_LABELS: dict[str, str] = {"target": "目标", "achievement": "实绩", "estimate": "预计"}

_KEYS: dict[str, str] = {
    "indicator": "indicator",
    "indicators": "indicator",
    "ind": "indicator",
    "指标": "indicator",
    "region": "region",
    "regions": "region",
    "地区": "region",
    "区域": "region",
    "doc": "doc",
    "docs": "doc",
    "document": "doc",
    "file": "doc",
    "文件": "doc",
    "文档": "doc",
    "year": "year",
    "years": "year",
    "年份": "year",
    "年度": "year",
    "kind": "kind",
    "kinds": "kind",
    "type": "kind",
    "类型": "kind",
    "confidence": "confidence",
    "可信度": "confidence",
    "置信度": "confidence",
    "value": "value",
    "values": "value",
    "数值": "value",
    "值": "value",
}
_KEY_HELP = (
    "indicator:（指标）、region:（地区）、doc:（文件）、year:（年份）、kind:（类型）、"
    "confidence:all（可信度:全部）、value:>5%（数值）"
)
_CONFIDENCE_VALUES: dict[str, bool] = {
    "all": True,
    "全部": True,
    "所有": True,
    "confident": False,
    "default": False,
    "可信": False,
    "默认": False,
}
_CONFIDENCE_HELP = "all（全部：也显示低可信度记录）、confident（可信，默认）"

_KIND_VALUES: dict[str, tuple[str, ...]] = {
    "target": ("target",),
    "targets": ("target",),
    "目标": ("target",),
    "achievement": ("achievement",),
    "achievements": ("achievement",),
    "实绩": ("achievement",),
    "完成": ("achievement",),
    "已完成": ("achievement",),
    "estimate": ("estimate",),
    "estimates": ("estimate",),
    "预计": ("estimate",),
    "预估": ("estimate",),
    "all": KINDS,
    "全部": KINDS,
    "所有": KINDS,
}
_KIND_HELP = "target（目标）、achievement（实绩）、estimate（预计）、all（全部）"

_SPACE = " \t\r\n\u3000"
_REQUIRED = "+＋"
_EXCLUDED = "!！-－"
_QUOTES = {'"': '"', "'": "'", "“": "”", "「": "」", "『": "』", "‘": "’"}
_KEY_RE = re.compile(r"([A-Za-z_]+|[\u4e00-\u9fff]+)[:：]")
_LIST_SPLIT = re.compile(r"[,，、]+")


class FilterError(CodedError):
    """A filter string that cannot be parsed; the message is meant for the user,
    ``code`` (``filter.…``) and ``params`` for interfaces that translate."""


@dataclass(frozen=True, slots=True)
class DigestFilter:
    """What a digest shows. Every field is a tuple of terms as the user wrote them.

    ``kinds`` lists the record kinds to include (default: targets only); ``("all",)``
    is accepted and stored as all three kinds. ``show_all`` also lets through records
    below the extractor's confidence bar (``confidence:all``). The empty filter
    (``DigestFilter()``) lets every confident target through.
    """

    keywords: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()
    years: tuple[str, ...] = ()  # four digits each: 2025
    kinds: tuple[str, ...] = ("target",)
    show_all: bool = False
    value: ValueCondition | None = None

    def __post_init__(self) -> None:
        for name in ("keywords", "required", "excluded", "indicators", "regions", "docs", "years"):
            value = getattr(self, name)
            if isinstance(value, str):
                value = (value,)
            object.__setattr__(self, name, _dedupe(t.strip() for t in value if t.strip()))
        kinds = (self.kinds,) if isinstance(self.kinds, str) else tuple(self.kinds)
        if "all" in kinds:
            kinds = KINDS
        unknown = [k for k in kinds if k not in KINDS]
        if unknown:
            raise unknown_kind(unknown[0])
        if not kinds:
            raise FilterError(f"至少需要一种类型：{_KIND_HELP}", "filter.no_kind")
        # Stored in the canonical order so equal filters compare equal.
        object.__setattr__(self, "kinds", tuple(k for k in KINDS if k in kinds))

    @property
    def is_default(self) -> bool:
        return self == DigestFilter()


def kind_values(raw: str) -> tuple[str, ...] | None:
    """The record kinds a ``kind:`` value names (目标 -> ``("target",)``, all -> the
    three), or None for no kind."""
    if raw.lower() in ("all", "全部", "所有"):
        return KINDS
    return _KIND_VALUES.get(raw.lower())


def filter_key(raw: str) -> str | None:
    """The key a filter word's ``key:`` names (``region``, ``地区`` -> ``region``), or None."""
    return _KEYS.get(raw.lower())


def unknown_kind(kind: str) -> FilterError:
    """The error for a ``kind:`` value that names no kind, with the kinds there are."""
    return FilterError(f"未知的类型“{kind}”，可用：{_KIND_HELP}", "filter.unknown_kind", kind=kind)


def _dedupe(items) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


# -- parsing -------------------------------------------------------------------------


def _read_value(text: str, pos: int) -> tuple[str, int, bool]:
    """The value starting at ``text[pos]``: ``(value, end, quoted)``.

    A quoted part keeps its spaces; text right after the closing quote (up to the next
    space) is appended, as in a shell.
    """
    n = len(text)
    if pos < n and text[pos] in _QUOTES:
        close = _QUOTES[text[pos]]
        end = text.find(close, pos + 1)
        if end < 0:
            raise FilterError(
                f"引号没有闭合：{text[pos:]}", "filter.unclosed_quote", text=text[pos:]
            )
        rest, after, _ = _read_value(text, end + 1)
        return text[pos + 1 : end] + rest, after, True
    end = pos
    while end < n and text[end] not in _SPACE:
        end += 1
    return text[pos:end], end, False


def _regions(value: str, quoted: bool, check_places: bool) -> list[str]:
    """The regions of a ``region:`` value (either of them), each the place it names: the
    names typed together tell a shared one apart (Suzhou,Jiangsu: 苏州), so the value is
    read whole (:func:`~bot.corpus.regions.filter_regions`)."""
    if not check_places:
        pieces = [value.strip()] if quoted else _LIST_SPLIT.split(value)
        return [p.strip() for p in pieces if p.strip()]
    try:
        return filter_regions(value)
    except AmbiguousPlace as exc:
        raise FilterError(str(exc)).coded_as(exc) from exc


# The kind of place typed as a word of its own after a place's name (Suzhou jiangsu
# province, Chengdu city, 苏州 市): part of the name, never a keyword (no record of 苏州
# writes "province").
_PLACE_LEVELS = frozenset(
    {"province", "city", "county", "district", "prefecture", "municipality",
     "省", "市", "县", "区", "自治区", "自治州"}
)  # fmt: skip


def _with_where(text: str, value: str, pos: int) -> tuple[str, int]:
    """A ``region:`` value typed without quotes, with the word after it when that word
    only says where the place lies (``region:Suzhou Jiangsu``, ``region:苏州 江苏``:
    :func:`~bot.corpus.regions.says_where`), and the kind of place typed after either
    (``region:Suzhou jiangsu province``, ``region:Chengdu city``) left out: ``(value,
    end)``. Read apart, the province was a keyword no record of 苏州 writes, and
    ``Suzhou`` alone was refused as two places."""
    pos = _past_level(text, pos)
    value, end = _where_word(text, value, pos)
    return value, _past_level(text, end) if end != pos else pos


def _past_level(text: str, pos: int) -> int:
    """``pos`` moved past a word of :data:`_PLACE_LEVELS` typed next, if one is."""
    start = pos
    while start < len(text) and text[start] in _SPACE:
        start += 1
    if start == pos or start >= len(text) or text[start] in _QUOTES:
        return pos
    word, end, _ = _read_value(text, start)
    return end if word.lower() in _PLACE_LEVELS else pos


def _where_word(text: str, value: str, pos: int) -> tuple[str, int]:
    """``(value, end)`` with the word after ``pos`` when it says where the place lies."""
    start = pos
    while start < len(text) and text[start] in _SPACE:
        start += 1
    if start == pos or start >= len(text) or text[start] in _REQUIRED + _EXCLUDED:
        return value, pos
    if text[start] in _QUOTES or _KEY_RE.match(text, start):
        return value, pos
    word, end, _ = _read_value(text, start)
    if _LIST_SPLIT.search(word) or not says_where(value, word, default_gazetteer()):
        return value, pos
    # a shared name told apart by its province (Suzhou Jiangsu -> 苏州); else the
    # province only said where the place is
    return (f"{value} {word}" if ambiguous_region(value) else value), end


def parse_filter(text: str, *, check_places: bool = True) -> DigestFilter:
    """Parse a filter string (syntax in the module docstring).

    An empty or blank string gives the default filter. Raises :class:`FilterError`
    with a message for the user on an unknown key, a key without a value, an
    unknown kind, a lone ``+``/``!``, an unclosed quote or, with ``check_places``, a
    region named by an English or pinyin name two places share (``region:Suzhou``:
    code ``place.ambiguous`` with the candidates). A region is kept as the place it
    names (``region:Sichuan`` -> 四川, ``region:"Jiangsu Suzhou"`` or
    ``region:Suzhou,Jiangsu`` -> 苏州 beside 江苏).
    """
    fields: dict[str, list[str]] = {
        k: [] for k in ("keywords", "required", "excluded", "indicator", "region", "doc", "year")
    }
    kinds: list[str] = []
    show_all = False
    condition: ValueCondition | None = None
    pos = 0
    n = len(text or "")
    text = text or ""
    while pos < n:
        if text[pos] in _SPACE:
            pos += 1
            continue
        start = pos
        sign = ""
        if text[pos] in _REQUIRED:
            sign = "+"
        elif text[pos] in _EXCLUDED:
            sign = "!"
        if sign:
            pos += 1
            if pos >= n or text[pos] in _SPACE:
                raise FilterError(
                    f"“{text[start]}”后面缺少要{'包含' if sign == '+' else '排除'}的词",
                    "filter.lone_required" if sign == "+" else "filter.lone_excluded",
                    sign=text[start],
                )
        key_match = _KEY_RE.match(text, pos)
        if key_match:
            raw_key = key_match.group(1)
            key = _KEYS.get(raw_key.lower())
            if key is None:
                raise FilterError(
                    f"未知的筛选项“{raw_key}:”，可用：{_KEY_HELP}",
                    "filter.unknown_key",
                    key=raw_key,
                )
            if sign:
                raise FilterError(
                    f"“{text[start]}”不能用在 {raw_key}: 前面",
                    "filter.sign_before_key",
                    sign=text[start],
                    key=raw_key,
                )
            value, pos, quoted = _read_value(text, key_match.end())
            values = [value.strip()] if quoted else _LIST_SPLIT.split(value)
            values = [v.strip() for v in values if v.strip()]
            if not values:
                raise FilterError(
                    f"“{raw_key}:”后面缺少内容，例如 {raw_key}:{_EXAMPLE[key]}",
                    "filter.missing_value",
                    key=raw_key,
                    example=_EXAMPLE[key],
                )
            if key == "kind":
                for v in values:
                    found = _KIND_VALUES.get(v.lower())
                    if found is None:
                        raise unknown_kind(v)
                    kinds.extend(found)
            elif key == "confidence":
                for v in values:
                    everything = _CONFIDENCE_VALUES.get(v.lower())
                    if everything is None:
                        raise FilterError(
                            f"未知的可信度“{v}”，可用：{_CONFIDENCE_HELP}",
                            "filter.unknown_confidence",
                            value=v,
                        )
                    show_all = show_all or everything
            elif key == "value":
                for v in [value.strip()] if quoted else values:
                    if condition is not None:  # value:>5 value:<8, as /compare GDP >5 <8
                        raise _condition_error(
                            ConditionError("one value condition only", "condition.two", typed=v)
                        )
                    condition = _read_condition(v)
            elif key == "year":
                for v in values:
                    year = read_year(v)
                    if year is None:
                        raise FilterError(
                            f"“{v}”不是年份，例如 year:2025", "filter.bad_year", value=v
                        )
                    fields[key].append(str(year))
            elif key == "region":
                if check_places and not quoted:
                    value, pos = _with_where(text, value, pos)
                fields[key].extend(_regions(value, quoted, check_places))
            else:
                fields[key].extend(values)
            continue
        value, pos, quoted = _read_value(text, pos)
        values = [value.strip()] if quoted else _LIST_SPLIT.split(value)
        target = {"+": "required", "!": "excluded"}.get(sign, "keywords")
        fields[target].extend(v.strip() for v in values if v.strip())
    return DigestFilter(
        keywords=tuple(fields["keywords"]),
        required=tuple(fields["required"]),
        excluded=tuple(fields["excluded"]),
        indicators=tuple(fields["indicator"]),
        regions=tuple(fields["region"]),
        docs=tuple(fields["doc"]),
        years=tuple(fields["year"]),
        kinds=tuple(kinds) if kinds else ("target",),
        show_all=show_all,
        value=condition,
    )


def _condition_error(exc: ConditionError) -> FilterError:
    """A condition a filter cannot read, as a filter error with the condition's code, so
    every interface says it in the words ``/compare`` uses."""
    return FilterError(str(exc)).coded_as(exc)  # type: ignore[return-value]


def _read_condition(typed: str) -> ValueCondition:
    """The condition of a ``value:`` term (``>5%``, ``高于5%``, ``5%以上``): one
    condition and nothing else, or :class:`FilterError` (``condition.malformed``)."""
    try:
        words, found = split_condition([typed])
    except ConditionError as exc:
        raise _condition_error(exc) from exc
    if found is None or words:  # value:5, value:GDP>5
        raise _condition_error(
            ConditionError(
                f"cannot read the value condition: {typed}", "condition.malformed", typed=typed
            )
        )
    return found


_EXAMPLE = {
    "indicator": "地区生产总值",
    "region": "青岛",
    "doc": "004",
    "year": "2025",
    "kind": "all",
    "confidence": "all",
    "value": ">5%",
}


def _quote(term: str) -> str:
    plain = (
        term
        and term[0] not in _QUOTES
        and term[0] not in _REQUIRED + _EXCLUDED
        and not _KEY_RE.match(term)
        and not any(c in _SPACE or c in ",，、" for c in term)
    )
    if plain:
        return term
    return f"“{term}”" if "”" not in term else f'"{term}"'


def format_filter(f: DigestFilter) -> str:
    """The filter as a string :func:`parse_filter` reads back to an equal filter."""
    parts: list[str] = []
    parts += [_quote(t) for t in f.keywords]
    parts += ["+" + _quote(t) for t in f.required]
    parts += ["!" + _quote(t) for t in f.excluded]
    parts += ["indicator:" + _quote(t) for t in f.indicators]
    parts += ["region:" + _quote(t) for t in f.regions]
    parts += ["doc:" + _quote(t) for t in f.docs]
    parts += ["year:" + t for t in f.years]
    if f.kinds == KINDS:
        parts.append("kind:all")
    elif f.kinds != ("target",):
        parts.append("kind:" + ",".join(f.kinds))
    if f.show_all:
        parts.append("confidence:all")
    if f.value is not None:
        parts.append("value:" + f.value.typed)
    return " ".join(parts)


def kind_label(kind: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """``target`` / ``achievement`` / ``estimate`` in ``lang`` (目标 / 实绩 / 预计)."""
    return tr(lang, f"digest.kinds.{kind}") if kind in KIND_LABELS else kind


def describe(f: DigestFilter, lang: str = DEFAULT_LANGUAGE) -> str:
    """A short description in ``lang`` for the digest title; ``""`` for the default filter.

    >>> describe(parse_filter("GDP +烟台 kind:all"))
    '关键词：GDP；须含：烟台；类型：全部'
    """
    sep = tr(lang, "common.list_sep")
    parts: list[str] = []
    if f.keywords:
        parts.append(tr(lang, "digest.filter.keywords", terms=sep.join(f.keywords)))
    if f.required:
        parts.append(tr(lang, "digest.filter.required", terms=sep.join(f.required)))
    if f.excluded:
        parts.append(tr(lang, "digest.filter.excluded", terms=sep.join(f.excluded)))
    if f.indicators:
        parts.append(tr(lang, "digest.filter.indicators", terms=sep.join(f.indicators)))
    if f.regions:
        parts.append(tr(lang, "digest.filter.regions", terms=sep.join(f.regions)))
    if f.docs:
        parts.append(tr(lang, "digest.filter.docs", terms=sep.join(f.docs)))
    if f.years:
        parts.append(tr(lang, "digest.filter.years", terms=sep.join(f.years)))
    if f.kinds == KINDS:
        parts.append(tr(lang, "digest.filter.kinds_all"))
    elif f.kinds != ("target",):
        kinds = sep.join(kind_label(k, lang) for k in f.kinds)
        parts.append(tr(lang, "digest.filter.kinds", kinds=kinds))
    if f.show_all:
        parts.append(tr(lang, "digest.filter.confidence_all"))
    if f.value is not None:
        condition = condition_text(f.value, lang)
        parts.append(tr(lang, "digest.filter.value", condition=condition))
    return tr(lang, "digest.filter.sep").join(parts)


# -- matching ------------------------------------------------------------------------


def _terms(term: str, synonyms: Synonyms | None) -> list[str]:
    norm = normalize(term.strip())
    if not norm:
        return []
    return [t for t in synonyms.expand(norm) if t] if synonyms is not None else [norm]


def _holds(haystack: str, texts: tuple[str, ...]) -> bool:
    return any(t in haystack for t in texts)


def record_in_region(
    wanted: str,
    record: TargetRecord,
    doc: DocumentInfo | None,
    gazetteer: Gazetteer | None = None,
) -> bool:
    """Whether ``record`` (from ``doc``, if known) is about ``wanted`` or a place inside
    it (:func:`bot.corpus.regions.figure_in_region`)."""
    if doc is None:
        return figure_in_region(wanted, record.region, None, (), gazetteer)
    return figure_in_region(wanted, record.region, doc.region, doc.region_path, gazetteer)


def _doc_matches(wanted: str, record: TargetRecord, doc: DocumentInfo | None) -> bool:
    names = [record.doc]
    ids: list[str] = []
    if doc is not None:
        names += [doc.filename, doc.relpath]
        ids.append(doc.doc_id)
    return _named(wanted, names, ids)


def names_document(flt: DigestFilter, doc: DocumentInfo) -> bool:
    """Whether ``flt``'s ``doc:`` names ``doc`` (as its records are matched): a removal
    leaves such a subscription with nothing from it."""
    return any(_named(wanted, [doc.filename, doc.relpath], [doc.doc_id]) for wanted in flt.docs)


def _named(wanted: str, names: list[str], ids: list[str]) -> bool:
    want = wanted.strip().lower()
    if not want:
        return False
    exact: set[str] = set()
    for name in names:
        if name:
            exact.add(name.lower())
            exact.add(PurePosixPath(name).name.lower())
            exact.add(PurePosixPath(name).stem.lower())
    exact.update(i.lower() for i in ids)
    if want in exact:
        return True
    prefixes = [PurePosixPath(n).name.lower() for n in names if n] + [i.lower() for i in ids]
    return any(p.startswith(want) for p in prefixes)


def _indicator_names(indicator: str, family: str | None, table: IndicatorTable | None) -> str:
    """What a keyword is looked for in, about the indicator itself: its name, its family's
    and its group's label in each language (``农业`` names the 农业农村 group)."""
    bits = [indicator, family or ""]
    if table is not None:
        group = table.group(table.canonical(indicator) or indicator)
        bits += [tr(lang, f"digest.group.{group}") for lang in LANGUAGES]
    return normalize("\n".join(b for b in bits if b))


# Words that say how much of something, never what (a name made of them alone is
# generic); :data:`~bot.targets.lexicon.GENERIC_NAMES` holds most, these are the rest.
_MEASURE_WORDS = frozenset({"增幅", "增量", "总数", "金额", "总值", "速度", "增长率", "增速度"})
# what may come before a measure word and still say nothing of the thing (年均增速)
_MEASURE_PREFIX = re.compile(r"^(?:年均|平均|同比|全年|累计|总体|总)")


def _generic(indicator: str, table: IndicatorTable | None) -> bool:
    """Whether an indicator's name says nothing of what it measures (总量, 增速, 年均增速):
    the table does not know it, no group word places it, and it is a measure word alone.
    A name the table does not know that says what it measures (全员劳动生产率, 劳动报酬)
    is not generic: its sentence is other figures' text (``失业率`` found it in
    "城镇调查失业率5.5%，全员劳动生产率增长6%"). Without a table nothing can tell, and the
    sentence is looked at as for a generic name."""
    if table is None:
        return True
    if table.canonical(indicator) is not None or table.group(indicator) != "other":
        return False
    # imported here: the extractor's lexicon compiles its patterns on import (≈20 ms),
    # and every command imports this module through the library
    from bot.targets.lexicon import GENERIC_NAMES

    name = normalize(indicator).strip()
    bare = _MEASURE_PREFIX.sub("", name) or name
    return any(n in GENERIC_NAMES or n in _MEASURE_WORDS for n in (name, bare))


def _core_text(record: TargetRecord) -> str:
    return normalize(f"{record.indicator}\n{record.sentence}\n{record.section}")


def _meta_text(record: TargetRecord, doc: DocumentInfo | None) -> str:
    bits = [record.region, record.year, record.kind, KIND_LABELS.get(record.kind, ""), record.doc]
    if doc is not None:
        bits += [doc.title, doc.filename, doc.region or ""]
    return normalize("\n".join(b for b in bits if b))


@dataclass(frozen=True, slots=True)
class _Term:
    """A filter term as matching needs it, worked out once per filter: the texts looked
    for (normalised, with synonyms), and the indicator family it names (``None`` when
    the table knows no indicator of that name)."""

    norm: str
    texts: tuple[str, ...]
    family: str | None


def _resolve(
    term: str,
    synonyms: Synonyms | None,
    table: IndicatorTable | None,
    reader: Callable[[str], str] = with_chinese_terms,
) -> _Term:
    # indicator:unemployment, a keyword "grain output": the Chinese terms reports write
    term = reader(term)
    known = table.known_name(term) if table is not None else None
    family = table.family(known) if table is not None and known is not None else None
    return _Term(normalize(term), tuple(_terms(term, synonyms)), family)


class FilterMatcher:
    """A filter resolved for one digest (or one listing): each ``indicator:`` term and
    keyword looked up in the indicator table once, not once per record, and the answer
    of the indicator tests kept per indicator name (the records of a library name a few
    hundred indicators among tens of thousands of figures). Call it with a record and
    its document: :func:`matches`'s answer. ``reader`` reads a term as Chinese: English
    words by default; the library gives the search's reader, which knows the index's
    pinyin words too (``indicator:jiuye`` is 就业)."""

    __slots__ = ("_by_indicator", "_excluded", "_gazetteer", "_indicators", "_keywords",
                 "_required", "_table", "filter")  # fmt: skip

    def __init__(
        self,
        filter: DigestFilter,
        synonyms: Synonyms | None = None,
        *,
        table: IndicatorTable | None = None,
        gazetteer: Gazetteer | None = None,
        reader: Callable[[str], str] | None = None,
    ) -> None:
        self.filter = filter
        self._table = table
        self._gazetteer = gazetteer
        read = reader or with_chinese_terms
        self._indicators = [_resolve(t, synonyms, table, read) for t in filter.indicators]
        self._keywords = [_resolve(t, synonyms, table, read) for t in filter.keywords]
        self._required = [tuple(_terms(t, synonyms)) for t in filter.required]
        self._excluded = [tuple(_terms(t, synonyms)) for t in filter.excluded]
        # indicator name -> (passes indicator:, a keyword names it, its name is generic)
        self._by_indicator: dict[str, tuple[bool, bool, bool]] = {}

    def _indicator_answers(self, indicator: str) -> tuple[bool, bool, bool]:
        found = self._by_indicator.get(indicator)
        if found is None:
            table = self._table
            family = table.family(indicator) if table is not None else None
            named = not self._indicators or any(
                self._names_indicator(t, indicator, family) for t in self._indicators
            )
            # a keyword that names an indicator the table knows reads as indicator: does
            # (its family, nothing else: 失业率's, CPI's, GDP's); the group's label is
            # for other words (物价, a CPI synonym, is in 消费与物价's label and brought
            # every retail-sales and tourism figure)
            kin = any(
                self._names_indicator(t, indicator, family)
                for t in self._keywords
                if t.family is not None
            )
            free = [k for k in self._keywords if k.family is None]
            if not kin and free:
                names = _indicator_names(indicator, family, table)
                kin = any(_holds(names, k.texts) for k in free)
            found = self._by_indicator[indicator] = (named, kin, _generic(indicator, table))
        return found

    def _names_indicator(self, term: _Term, indicator: str, family: str | None) -> bool:
        """``indicator:TERM``: a term the table knows matches its family (and names that
        hold it as written, 深圳地区生产总值), never another known indicator that merely
        shares a synonym's characters (地区生产总值 is not 海洋生产总值); any other term
        matches names holding it or a synonym."""
        name = normalize(indicator)
        if term.family is None:
            return _holds(name, term.texts)
        if term.family == family:
            return True
        if self._table is not None and self._table.canonical(indicator) is not None:
            return False
        return term.norm in name

    def __call__(self, record: TargetRecord, doc_info: DocumentInfo | None) -> bool:
        filter = self.filter
        if record.kind not in filter.kinds:
            return False
        if filter.value is not None and not filter.value.passes(
            record.value, record.value_max, record.unit
        ):
            return False  # a range only whole, as /compare keeps it
        if filter.docs and not any(_doc_matches(d, record, doc_info) for d in filter.docs):
            return False
        if filter.years and str(period_end(record.year)) not in filter.years:
            return False  # the year a figure is for, as /targets 2025 reads it
        if filter.regions and not any(
            record_in_region(r, record, doc_info, self._gazetteer) for r in filter.regions
        ):
            return False
        named, kin, generic = self._indicator_answers(record.indicator)
        if not named:
            return False
        if not (filter.keywords or filter.required or filter.excluded):
            return True
        if self._keywords and not kin:
            # the record's own words (增长, 以上), its section, and its sentence only for a
            # generic name: the rest of a list sentence is other indicators' text. A
            # keyword naming a known indicator looks at the sentence of a generic name
            # only (总量 in "地区生产总值总量突破1万亿"), not at a section about a topic
            own = [record.change, record.qualifier, record.section]
            context = normalize("\n".join([*own, record.sentence if generic else ""]))
            sentence = normalize(record.sentence) if generic else ""
            if not any(
                _holds(sentence if k.family is not None else context, k.texts)
                for k in self._keywords
            ):
                return False
        core = _core_text(record)
        if filter.required or filter.excluded:
            full = core + "\n" + _meta_text(record, doc_info)
            if not all(_holds(full, texts) for texts in self._required):
                return False
            if any(_holds(full, texts) for texts in self._excluded):
                return False
        return True


def matches(
    record: TargetRecord,
    doc_info: DocumentInfo | None,
    filter: DigestFilter,
    synonyms: Synonyms | None = None,
    *,
    table: IndicatorTable | None = None,
    gazetteer: Gazetteer | None = None,
) -> bool:
    """Whether ``record`` (from the document ``doc_info``, if known) passes ``filter``.

    Confidence is not checked here (the composer counts what it hides).

    - kind must be one of ``filter.kinds``;
    - ``docs``: any of them names the document (id, file name, stem, or a prefix of
      the id or file name); without ``doc_info`` the record's own ``doc`` is used;
    - ``regions``: the record is about any of them or a place inside it
      (:func:`record_in_region`; ``gazetteer`` adds the province ⊃ city ⊃ county tree
      for record regions that differ from the document's);
    - ``indicators``: any of them (or a synonym) is part of the indicator name, or
      names an indicator of the same family (with ``table``);
    - ``keywords``: any of them (or a synonym) is in the indicator name, its family's
      name or its group's label (with ``table``), or in the section, or in the sentence
      when the indicator name is generic (see the module), or names an indicator of the
      record's family (with ``table``);
    - ``required``: all, ``excluded``: none of them in those texts or the metadata
      (region, year, kind, document title/file name/region).
    Matching many records with one filter, make a :class:`FilterMatcher` once.
    """
    return FilterMatcher(filter, synonyms, table=table, gazetteer=gazetteer)(record, doc_info)
