"""A subject carried from the figure before (:class:`_CarriedSubjects`, a mixin of the
sentence namer): its entity with this clause's attribute, a share of it, a rate of the
things just counted.
"""

from __future__ import annotations

import re

from bot.targets.lexicon import SCOPE_RE
from bot.targets.naming.forms_number import _SHARE_RE
from bot.targets.naming.part_shares import own_measure_again
from bot.targets.naming.resolve import _counts_things, _without_attribute, compatible, lookup
from bot.targets.naming.words import _is_name, _one_word_tag, _segmenter
from bot.targets.numbers import Figure

_SHARE_TAIL_RE = re.compile(
    r"(的)?(比重|比例|份额)?(为|达到|达|(?:升|提高|提升|上升|增|降|下降)(?:至|到)"
    # a share held at a level (…，占一般公共预算支出的比重保持在80%以上), as it is said
    # with its subject before it (民生支出占一般公共预算支出比重保持在75%以上)
    r"|(?:保持|稳定|维持)(?:在)?)?$"
)

# a local text's own scope before a share's named whole (占全县国土面积): where, not which
# whole; 全国 is not one (a province's share of the nation's output is another whole)
_OWN_SCOPE_RE = re.compile(r"^全(?:省|市|区|县|州|镇|乡)(?=[\u4e00-\u9fff])")

# a rate's link verb (办结率为99.5%)
_RATE_LINK_RE = re.compile(r"(?<=率)(?:为|达到|达|是)$")

# Words for all the units of an economy, and the kinds of units among them
_UNITS_HEAD_RE = re.compile(r"(?:市场主体|经营主体|法人单位)$")
_KINDS_OF_UNITS = frozenset({"企业", "个体工商户", "农民专业合作社", "个体户"})

_OUTPUT_MEASURES = ("总产量", "产量", "销量", "销售量")
# head counts of people, a visit or a service (旅游人次, 接待人数): a measure, not a thing
_HEAD_COUNTS = ("接待人次", "接待人数", "人次", "人数")


class _CarriedSubjects:
    """The previous figure's subject, carried to a figure whose clause names no
    subject of its own.

    A mixin of :class:`~bot.targets.naming.sentence._SentenceNamer`: the methods use the
    namer's state (``self.s``, ``self.figs``, ``self.table``, ``self.context``,
    ``self.out``, ``self.last_subject`` …) and the other mixins' methods.
    """

    def last_count_subject(self) -> bool:
        """Whether the last figure named was a count of things (项目 49项, 机构 53个)."""
        last = self.out[-1] if self.out else None
        return last is not None and _counts_things(last.figure, last.indicator)

    def _carry(self, fig: Figure, cleaned: str, attr: str, word: str = "") -> str | None:
        """The previous figure's subject, with this clause's attribute if it has one
        (``word``: the clause's words before the figure, as written)."""
        base = self.last_subject
        if base is None:
            return None
        if not cleaned:
            return base if compatible(fig, base) or fig.unit_class != "count" else None
        if _SHARE_RE.match(cleaned):
            return self._share(fig, base, cleaned)
        said = _RATE_LINK_RE.sub("", word)  # 办结率为99.5%: the rate, not its 为
        if cleaned in ("", "率") and said.endswith("率") and 2 <= len(said) <= 6:
            attr = said  # 办理政协提案118件，办结率100%: the proposals' 办结率, not their 率
            pair = self.count_subjects[-2:]
            if len(pair) == 2 and all(len(p) >= 2 for p in pair) and self._counted_just_before():
                # 办理人大代表建议68件、政协委员提案118件，办结率100%: one rate of both
                return pair[0] + "和" + pair[1] + attr
        entity = self.entity_of(base)
        head = _UNITS_HEAD_RE.search(entity)
        if head and attr in _KINDS_OF_UNITS and fig.unit_class == "count":
            # 经营主体688万户，其中企业162万户: the 企业 are a kind of 经营主体, not theirs
            entity = entity[: head.start()]
        cand = entity + attr
        return self.table.canonical(cand) or cand

    def _counted_just_before(self) -> bool:
        """Whether the last two figures named in this sentence are counts listed together
        (``A68件、B118件，`` before a rate)."""
        counts = [n for n in self.out if _counts_things(n.figure, n.indicator)]
        if len(counts) < 2 or not self.out or self.out[-1] is not counts[-1]:
            return False
        a, b = counts[-2].figure, counts[-1].figure
        between = self.s[a.end : b.start]
        return ("、" in between or "和" in between) and not re.search("[，。；]", between)

    def _share(self, fig: Figure, base: str, share: str) -> str:
        """``X…，占全市40%`` -> ``X占全市比重``; ``占规模以上工业增加值的比重为16.8%`` ->
        ``X占比`` (the table's name when it has one)."""
        denominator = _SHARE_TAIL_RE.sub("", share[1:]).removeprefix("同期")
        if denominator == "比":
            denominator = ""  # 税收收入2310亿元、占比66.4%: the bare share, of no named whole
        whole = base
        base = self.entity_of(base)
        scope = _OWN_SCOPE_RE.match(denominator)
        rest = denominator[scope.end() :] if scope else ""
        if (
            rest
            and not rest.startswith(("的", "比重", "比例", "份额"))  # 占全市比重接近一半
            and _is_name(rest)
            and not own_measure_again(self.table, whole, rest)
        ):
            # 湿地面积…，占全县国土面积的5%: the county's land, as the part is the county's;
            # kept when the bare whole would be the part's own measure again
            # (对东盟进出口总额…占全市进出口总额: which 进出口总额)
            denominator = rest
        cands = [base + "占" + denominator, base + "占" + denominator + "比重"]
        for cand in cands:
            found = lookup(self.table, cand, fig)
            if found:
                return found
        if SCOPE_RE.fullmatch(denominator) or _is_name(denominator):
            # 占全市进出口总额的32.4%: the share of a named whole says which whole
            return whole + "占" + denominator + "比重"
        if not denominator and whole != base and fig.unit == "%":
            return whole + "占比"  # 政府投资575.5亿元，占25.7%: the investment's share
        return base + "占比"

    def entity_of(self, name: str) -> str:
        """``重点项目总投资`` -> ``重点项目``: the thing a composed name is about."""
        entity = _without_attribute(name)
        if entity == name:  # 生物降解制品总产量增长19%、产值增长18%: the products' 产值
            entity = _without_attribute(name, _OUTPUT_MEASURES)
        if entity == name:
            # 康养旅游人次120万、收入56亿元: the income is 康养旅游's, not its head count's
            heads = _without_attribute(name, _HEAD_COUNTS)
            last = _segmenter().cut(heads, True)[-1:] if heads != name else []
            if last and _is_name(heads) and _one_word_tag(last[0]) in ("n", "nz", "vn", "j", "l"):
                entity = heads
        return entity
