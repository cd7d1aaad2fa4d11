"""Naming the figures of one sentence.

:class:`_SentenceNamer` (its state, the dispatch of each figure to its form, the
fallbacks for the figures no form named), put together from the mixins of the
``forms_*`` modules (the forms), :mod:`~bot.targets.naming.figure_words` (the clause
before and after a figure, its verb), :mod:`~bot.targets.naming.carried_subjects`,
:mod:`~bot.targets.naming.counted_nouns`, :mod:`~bot.targets.naming.names_from_before`
and :mod:`~bot.targets.naming.emit` (the last touches to a name and its recording);
:func:`name_figures` and :func:`clear_caches`. :class:`Named` and
:class:`NamingContext` are defined in :mod:`~bot.targets.naming.named` and imported
from here too.
"""

from __future__ import annotations

import re

from bot.targets.indicators import IndicatorTable
from bot.targets.naming.carried_subjects import _CarriedSubjects
from bot.targets.naming.clauses import (
    _after_noun,
    _attribute,
    _find_change,
    clause_end,
    clause_start,
)
from bot.targets.naming.clean import _loose_name, _without_tail_verb, clean_name, strip_noise
from bot.targets.naming.confidence import LOW
from bot.targets.naming.count_names_after import _CountNamesAfter
from bot.targets.naming.counted_nouns import _CountedNouns
from bot.targets.naming.emit import (  # noqa: F401 (imported by tests)
    _TASK_DONE_RE,
    _Emit,
    _may_name_a_task_done,
)
from bot.targets.naming.figure_words import _FigureWords
from bot.targets.naming.forms_compare import _CompareForms
from bot.targets.naming.forms_lists import _ListForms
from bot.targets.naming.forms_number import _COUNTISH, _NumberForm
from bot.targets.naming.forms_phrases import _PhraseForms
from bot.targets.naming.measure_words import _MeasureWords
from bot.targets.naming.named import (  # noqa: F401 (BY_SENTENCE: imported from here)
    BY_SENTENCE,
    Named,
    NamingContext,
)
from bot.targets.naming.names_from_before import (  # noqa: F401 (imported by tests)
    _SCOPED_FIRMS_BEFORE_RE,
    _may_name_scoped_firms,
    _NamesFromBefore,
)
from bot.targets.naming.openings import _Openings
from bot.targets.naming.place_only import _only_a_place
from bot.targets.naming.resolve import _aliases_cached, _best_before_of, _gap_is_empty
from bot.targets.naming.words import (
    ACTED_ON_NOUNS,
    ADDED_VERB_RE,
    _is_name,
    plain_verbs,
    word_bounds,
)
from bot.targets.naming.zones import zone_opening
from bot.targets.numbers import Figure

# the lead of a bulletin's list of products that names their output once, for all of them:
# 主要工业产品产量：, 规模以上工业主要产品产量中，
_PRODUCT_LIST_LEAD_RE = re.compile(r"产品产量(?:中)?[：:，]")
# A list item or a goal that opens with what it measures: 1．产业规模：…, 产业规模：…
_OPENING_LABEL_RE = re.compile(
    r"^\s*(?:\d{1,2}\s*[．.、]|[（(][一二三四五六七八九十\d]{1,2}[）)])?\s*"
    r"(?P<label>[\u4e00-\u9fff]{2,8})[：:]"
)
# labels that head a part of the text, not a measure
_NOT_A_MEASURE_LABEL_RE = re.compile(
    r"目标|任务|要求|原则|思路|措施|举措|重点|内容|方向|路径|意义|其中|来源|说明|备注|注释"
    # who says it (据统计：, 会议指出：, 记者获悉：): no measure
    r"|统计|指出|显示|表示|强调|介绍|报道|获悉|了解|记者"
)


class _SentenceNamer(
    _NumberForm,
    _CountNamesAfter,
    _MeasureWords,
    _Openings,
    _PhraseForms,
    _ListForms,
    _CompareForms,
    _FigureWords,
    _CarriedSubjects,
    _CountedNouns,
    _NamesFromBefore,
    _Emit,
):
    """Names the figures of one sentence, left to right, remembering the last subject."""

    def __init__(
        self,
        sentence: str,
        figures: list[Figure],
        table: IndicatorTable,
        context: NamingContext | None = None,
    ) -> None:
        self.s = sentence
        self.figs = figures
        self.table = table
        self.context = context if context is not None else NamingContext()
        self.out: list[Named] = []
        self.last_subject: str | None = None
        self.last_change = ""
        self.count_subjects: list[str] = []
        self.list_subjects: list[str] = []
        self.package_topic = ""
        self.handled: set[int] = set()
        if _PRODUCT_LIST_LEAD_RE.search(sentence):
            self.context.products = True
        label = _OPENING_LABEL_RE.match(sentence)
        if label and _is_name(label["label"]) and not _NOT_A_MEASURE_LABEL_RE.search(label[0]):
            # 1．产业规模：到2027年，突破1000亿元: the label is what the bare figures measure
            self.last_subject = label["label"]

    # -- forms -----------------------------------------------------------------

    def run(self) -> list[Named]:
        for i, fig in enumerate(self.figs):
            if i in self.handled:
                continue
            if fig.form == "comparison":
                self.comparison(i)
            elif fig.form == "rank":
                self.rank(i)
            elif fig.form == "scale":
                self.scale(i)
            elif fig.form == "multiple":
                self.multiple(i)
            elif self.gaps_of_list(i):
                continue
            elif "分别" in self.before(i)[0]:
                self.respectively(i)
            else:
                self.number(i)
        self.fallbacks()
        return sorted(self.out, key=lambda n: n.figure.num_start)

    def fallbacks(self) -> None:
        """Figures the rules could not name still count: named from the words around
        them, with a low confidence, so that they are kept but not shown by default."""
        named = {id(n.figure) for n in self.out}
        for i, fig in enumerate(self.figs):
            if id(fig) in named or fig.form == "comparison":
                continue
            raw, _ = self.before(i)
            name = _without_tail_verb(_loose_name(raw))
            confidence = LOW
            if not name and fig.unit_class in _COUNTISH:
                after = self.after(i)
                noun, n_noun = _after_noun(after)
                name = _loose_name(noun)
                if not name and (added := _added(noun, raw)):
                    name, confidence = added, 0.75  # 新增3家企业 -> 新增企业
                name = name or _acted_on(noun, after[n_noun:])
            if not name and self._part_said_after(fig):
                # 全市共有企业1200家，其中外资企业35家: the subject said after the figure is a
                # part's, never the whole's; the whole keeps its own plain word
                name = clean_name(raw)
            if not name:
                name = self.last_subject or ""
            if not name:
                continue
            self.out.append(
                Named(fig, name, _find_change(raw), fig.qualifier, fig.end, confidence=confidence)
            )

    def _part_said_after(self, fig: Figure) -> bool:
        """Whether the sentence names no figure before ``fig`` and goes on, after it, to
        its parts (…1200家，其中外资企业35家)."""
        if any(n.figure.start < fig.start for n in self.out):
            return False
        later = [n.figure.start for n in self.out if n.figure.start > fig.end]
        return bool(later) and "其中" in self.s[fig.end : min(later)]


def clear_caches() -> None:
    """Forget memoised names (benchmarks use this to time a first pass honestly)."""
    clean_name.cache_clear()
    strip_noise.cache_clear()
    word_bounds.cache_clear()
    _aliases_cached.cache_clear()
    _best_before_of.cache_clear()
    clause_start.cache_clear()
    clause_end.cache_clear()
    for memoised in (
        _find_change,
        _attribute,
        _after_noun,
        _gap_is_empty,
        _only_a_place,
        zone_opening,
    ):
        memoised.cache_clear()


def name_figures(
    sentence: str,
    figures: list[Figure],
    table: IndicatorTable,
    context: NamingContext | None = None,
) -> list[Named]:
    """Name every figure of ``sentence`` that measures something identifiable.

    Pass the same ``context`` to the ``；``-separated parts of one ``。``-sentence so a
    part that only names an attribute (``实现利润总额…``) can reuse the entity.
    """
    return _SentenceNamer(sentence, figures, table, context).run()


# the act right after the noun: a verb with its object, to the clause's end
_ACT_AFTER_RE = re.compile(r"^[均已全部都共]{0,2}(?P<verb>[\u4e00-\u9fff]{2})[\u4e00-\u9fff“”]{2,}")


def _acted_on(noun: str, rest: str) -> str:
    """``noun`` when it is a generic counted thing and ``rest`` (the clause after it)
    opens with what was done to or by it, else ``""``."""
    if noun not in ACTED_ON_NOUNS:
        return ""
    m = _ACT_AFTER_RE.match(rest)
    if m is None or m["verb"] not in plain_verbs():
        return ""
    return noun


def _added(noun: str, raw: str) -> str:
    """``verb + noun`` when ``noun`` is a generic counted thing and ``raw`` (the words
    before the count) ends with a verb of adding it (新增3家企业), else ``""``."""
    if noun not in ACTED_ON_NOUNS:
        return ""
    m = ADDED_VERB_RE.search(raw.rstrip("约近超过逾共计 "))
    return m.group() + noun if m else ""
