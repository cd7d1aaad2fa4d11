"""A digest filter as written: the record (:class:`DigestFilter`), read from one line
(:func:`parse_filter`), written back (:func:`format_filter`) and said for a reader
(:func:`describe`). The syntax is :mod:`bot.digest.filters`'; what a filter lets through
is :mod:`bot.digest.filter_matching`'s. Pure: no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.corpus.gazetteer import ambiguous_region, default_gazetteer
from bot.corpus.regions import AmbiguousPlace, filter_regions, says_where
from bot.errors import CodedError
from bot.i18n import DEFAULT_LANGUAGE, tr
from bot.targets.conditions import ConditionError, ValueCondition, condition_text, split_condition
from bot.targets.records import KINDS
from bot.text.years import read_year

__all__ = [
    "KIND_LABELS",
    "DigestFilter",
    "FilterError",
    "describe",
    "filter_key",
    "format_filter",
    "kind_label",
    "kind_values",
    "parse_filter",
    "unknown_kind",
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


# A filter's fields that hold terms as typed, in the order a description says them.
TERM_FIELDS = ("keywords", "required", "excluded", "indicators", "regions", "docs", "years")


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
        for name in TERM_FIELDS:
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
    for name in TERM_FIELDS:  # each said by the catalogue key of its name
        terms = getattr(f, name)
        if terms:
            parts.append(tr(lang, f"digest.filter.{name}", terms=sep.join(terms)))
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
