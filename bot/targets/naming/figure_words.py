"""The words around a figure (:class:`_FigureWords`, a mixin of the sentence namer):
the clause before and after it, the clause before its own, its verb, an alias that holds
the figure itself.
"""

from __future__ import annotations

import re

from bot.targets.indicators import AliasMatch
from bot.targets.lexicon import TIME_RE, VERB_RE
from bot.targets.naming.clauses import (
    _NOUN_ALTERNATE_RE,
    _UNIT_ALTERNATE_RE,
    _find_change,
    clause_end,
    clause_start,
)
from bot.targets.naming.clean import clean_name, strip_noise
from bot.targets.naming.resolve import _best_before_match, _change_around
from bot.targets.naming.words import _is_name, _segmenter, plain_verbs, word_bounds, word_end
from bot.targets.numbers import Figure

_CHANGE_AFTER_RE = re.compile(r"(?:的)?(?:速度|幅度)?(增长|下降|提高|提升|减少)")

_OBJECT_TAGS = frozenset({"n", "nz", "ns", "nt", "j", "b", "vn", "nr"})
_HEDGE_END_RE = re.compile(r"(?:超过|超|近|约|达到|达|共|逾|突破)$")


def _before_next_object(text: str) -> int:
    """Where the things a count counts end in ``text``, the words between it and the next
    figure of its clause: at the last plain verb whose object the next figure counts
    (产业先导区|集聚产业链核心企业超), else the whole text."""
    bare = _HEDGE_END_RE.sub("", text)
    k = 0
    cut = len(text)
    for word in _segmenter().cut(bare, True):
        rest = bare[k + len(word) :]
        if (
            k >= 2
            and len(word) >= 2
            and word in plain_verbs()
            and len(rest) >= 2
            and _is_name(rest)
            and all(t in _OBJECT_TAGS for _w, t in _segmenter().tag(rest, True))
        ):
            cut = k
        k += len(word)
    return cut


# A rate of change said as a noun (涨幅3%, 降幅超过3%) is that change.
_RATE_OF_CHANGE = {"涨幅": "上涨", "增幅": "增长", "增速": "增长", "降幅": "下降"}
_RATE_OF_CHANGE_RE = re.compile(
    r"(涨幅|增幅|增速|降幅)(?:为|达到|达|超过|超|控制在|保持在|在)?\s*$"
)


class _FigureWords:
    """The words around a figure: the clause before and after it, and its verb.

    A mixin of :class:`~bot.targets.naming.sentence._SentenceNamer`: the methods use the
    namer's state (``self.s``, ``self.figs``, ``self.table``, ``self.context``,
    ``self.out``, ``self.last_subject`` …) and the other mixins' methods.
    """

    def before(self, i: int) -> tuple[str, int]:
        """Text of the clause before figure ``i``, after any earlier figure and its noun."""
        fig = self.figs[i]
        lo = clause_start(self.s, fig.start)
        if i > 0:
            lo = max(lo, min(self.figs[i - 1].end, fig.start))
        for named in reversed(self.out):
            if named.figure.start < fig.start:
                lo = max(lo, min(named.consumed, fig.start))
                break
        return self.s[lo : fig.start], lo

    def after(self, i: int) -> str:
        fig = self.figs[i]
        unit_alt = _UNIT_ALTERNATE_RE.match(self.s, fig.end)  # 2.5万套（间）城市危旧房
        hi = clause_end(self.s, unit_alt.end() if unit_alt else fig.end)
        alternate = _NOUN_ALTERNATE_RE.match(self.s, hi)
        if alternate and hi > fig.end and _is_name(self.s[fig.end : hi]):
            # 29个扩权赋能县（市）率先…: other kinds of the unit, in brackets, are counted too
            hi = clause_end(self.s, alternate.end())
        if i + 1 < len(self.figs) and self.figs[i + 1].start <= hi:
            hi = self.figs[i + 1].start
            # 8个产业先导区集聚产业链核心企业超90家: the things counted end at the verb
            # whose object the next figure counts
            hi = fig.end + _before_next_object(self.s[fig.end : hi])
        return self.s[fig.end : hi]

    def change_for(self, i: int, raw: str, after: str) -> str:
        """The verb of figure ``i``: in its clause, else shared with a list it continues
        (``改造农村公路2150公里、清洁取暖4000户``), else right after it (``以5%速度增长``)."""
        m = _best_before_match(self.table, raw, self.figs[i])
        bare = TIME_RE.sub("", raw)
        if m is not None:
            change = _change_around(bare, m.alias)
        else:
            # a name of the document's own words: its verbs are not the figure's
            # (投资对经济增长的贡献率为40%: no 增长)
            own = clean_name(raw)
            k = bare.rfind(own) if len(own) >= 2 else -1
            if k < 0:
                change = _find_change(bare)
            else:
                # only a verb the name opens or ends with (新建铁路投产里程, 经济增长) can be
                # the figure's
                last = max((b for b in word_bounds(own) if b < len(own)), default=0)
                tail = own[last:]
                # (疾病预防控制中心: a verb inside the last word, not at its end, is none)
                ends = any(m.end() == len(tail) for m in VERB_RE.finditer(tail))
                change = (
                    _find_change(bare[k + len(own) :])
                    or _find_change(bare[:k])
                    or (_find_change(tail) if ends else "")
                    or _find_change(own[: word_end(own)])
                )
        if change:
            return change
        rate_word = _RATE_OF_CHANGE_RE.search(bare)
        if rate_word:
            return _RATE_OF_CHANGE[rate_word.group(1)]  # 居民消费价格涨幅3%左右: a rise
        continues = raw.lstrip().startswith(("、", "和", "及")) or (i > 0 and raw in ("", "的"))
        own_verb = self._own_clause_verb(i, after) if continues and not raw else ""
        if own_verb:
            return own_verb  # …265个，89万监测对象稳定消除风险: its own clause, its own verb
        if continues and self.last_change:
            return self.last_change
        m2 = _CHANGE_AFTER_RE.match(after)
        if m2:
            return m2.group(1)
        return ""

    def _own_clause_verb(self, i: int, after: str) -> str:
        """The change word after figure ``i`` when the figure opens a clause after a comma
        (``，89万监测对象稳定消除…``: 消除): no list of the clause before goes on there.
        ``""`` when it does not, or says none of the change words (a clause without one
        keeps the verb carried, as the years of its records were read with it)."""
        before = self.s[: self.figs[i].start].rstrip()
        if not before.endswith(("，", ",", "；", ";")):
            return ""
        return _find_change(after[: clause_end(after, 0)])

    def covering_alias(self, fig: Figure) -> AliasMatch | None:
        """An alias that contains the figure itself (``百万辆汽车产业城``, ``百项创新举措``)."""
        if not self.table.in_an_alias(self.s[fig.num_start : fig.end]):
            return None  # no alias holds the figure's own text
        for k in range(max(0, fig.start - 12), fig.num_start + 1):
            for m in self.table.matches_at(self.s, k):
                if m.start <= fig.num_start and m.end >= fig.end:
                    return m
        return None

    def _clause_before(self, fig: Figure) -> str:
        """The clause before the one ``fig`` is in, without noise and edge punctuation."""
        lo = clause_start(self.s, fig.start)
        return strip_noise(self.s[clause_start(self.s, max(0, lo - 1)) : lo]).strip("，、 ")
