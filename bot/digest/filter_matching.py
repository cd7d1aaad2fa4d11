"""A digest filter applied to records: which records a :class:`DigestFilter` lets
through (:class:`FilterMatcher`, :func:`matches`), a record's region (:func:`record_in_region`)
and the documents a ``doc:`` names (:func:`names_document`). What each term matches is
said in :mod:`bot.digest.filters`. Pure: no I/O."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath

from bot.corpus.gazetteer import Gazetteer
from bot.corpus.regions import figure_in_region
from bot.digest.filter_syntax import KIND_LABELS, DigestFilter
from bot.i18n import LANGUAGES, tr
from bot.models import DocumentInfo
from bot.targets.indicators import IndicatorTable, name_class
from bot.targets.numbers.units import unit_class
from bot.targets.records import TargetRecord
from bot.text.english import with_chinese_terms
from bot.text.normalize import normalize
from bot.text.synonyms import Synonyms
from bot.text.years import period_end

__all__ = ["FilterMatcher", "matches", "names_document", "record_in_region"]


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


def _amount(term: _Term) -> bool:
    """Whether a keyword names an amount of money (投资, 资金, 收入: ``amount`` by its last
    characters, :func:`~bot.targets.indicators.name_class`)."""
    return name_class(term.norm) == "amount"


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
        # indicator name -> (passes indicator:, a keyword names it, its name is generic,
        # the keywords naming it are amounts its name does not say: money figures only)
        self._by_indicator: dict[str, tuple[bool, bool, bool, bool]] = {}

    def _indicator_answers(self, indicator: str) -> tuple[bool, bool, bool, bool]:
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
            money_only = False
            if not kin and free:
                names = _indicator_names(indicator, family, table)
                kin = any(_holds(names, k.texts) for k in free)
                # 投资 found only in the group's label (投资与项目): an amount of money
                # asked, so a figure of that group counts only if it is money (a count of
                # projects, kilometres of rural road are no investment figure)
                own = normalize(f"{indicator}\n{family or ''}")
                money_only = kin and all(
                    _amount(k) and not _holds(own, k.texts) for k in free if _holds(names, k.texts)
                )
            generic = _generic(indicator, table)
            found = self._by_indicator[indicator] = (named, kin, generic, money_only)
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
        named, kin, generic, money_only = self._indicator_answers(record.indicator)
        if not named:
            return False
        if not (filter.keywords or filter.required or filter.excluded):
            return True
        money = unit_class(record.unit) == "money"
        if money_only and not money:
            kin = False
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
                # 投资 in a section's title (扩大有效投资): its money figures, not its
                # counts of projects, schools or kilometres
                if money or k.family is not None or not _amount(k)
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
