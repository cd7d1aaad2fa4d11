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

Pure: no I/O. This module is the syntax's reference and the names other modules import;
the filter as written (the record, reading, writing back, describing) is
:mod:`bot.digest.filter_syntax`, the filter applied to records
:mod:`bot.digest.filter_matching`.
"""

from bot.digest.filter_matching import FilterMatcher, matches, names_document, record_in_region
from bot.digest.filter_syntax import (
    KIND_LABELS,
    DigestFilter,
    FilterError,
    describe,
    filter_key,
    format_filter,
    kind_label,
    kind_values,
    parse_filter,
    unknown_kind,
)

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
    "names_document",
    "parse_filter",
    "record_in_region",
    "unknown_kind",
]
