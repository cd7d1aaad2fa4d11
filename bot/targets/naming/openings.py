"""What a sentence or a clause opens with, read when a figure's name needs it: the
sector a sentence opens with (:attr:`_Openings.sector_opening`), the part a contribution
rate is said of (:meth:`_Openings.contributor`), the money measure a clause opens with
(:meth:`_Openings._measure_opening`). A mixin of the sentence namer.
"""

from __future__ import annotations

import re
from functools import cached_property

from bot.targets.naming.clauses import clause_end
from bot.targets.naming.clean import clean_name
from bot.targets.naming.words import _is_name, _noun_end, word_bounds

# a sector a sentence can open with (旅游业, 服务业, 现代服务业, 数字经济)
_SECTOR_RE = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,5}(?<![企产行就创毕事作物])业|数字经济|民营经济|海洋经济|县域经济)"
)
# What money amounts and their growth are measured as (交易额, 营业收入, 市场规模).
_MONEY_MEASURE_RE = re.compile(r"(?:额|收入|支出|投资|产值|增加值|规模|总量|利润|税收)$")


class _Openings:
    """The sector, contributor and measure a sentence or clause opens with.

    A mixin of :class:`~bot.targets.naming.sentence._SentenceNamer`: the methods use the
    namer's state (``self.s``, ``self.figs``, ``self.out``) and its ``entity_of``.
    """

    @cached_property
    def sector_opening(self) -> str:
        """``服务业支撑作用更加明显，…`` -> ``服务业``: the sector a sentence opens with,
        when its first clause is about that sector and names no figure (the same for
        every figure of the sentence, and only looked for when a bare measure needs it)."""
        first = self.s[: clause_end(self.s, 0)]
        if any(f.start < len(first) for f in self.figs):
            return ""
        text = clean_name(first)
        m = _SECTOR_RE.match(text)
        return m.group() if m and m.end() in word_bounds(text) else ""

    def contributor(self, name: str) -> str:
        """``对GDP综合贡献率``, said after the part that contributes: 旅游业…，对GDP综合贡献率
        (the sector the sentence opens with); 非烟非能工业增加值增长8.1%、对规模以上工业增长
        贡献率 (the thing whose growth was just given) -> 非烟非能工业对…贡献率."""
        part = self.sector_opening
        last = self.out[-1] if self.out else None
        if (
            not part
            and last is not None
            and last.figure.unit_class == "percent"
            and re.fullmatch(r"[、，,]对", self.s[last.figure.end : last.figure.end + 2])
        ):
            part = re.sub(  # 服务业增加值占比…，对经济增长贡献率: the sector's, not its share's
                r"(?:占[^，。；、]{0,12}?(?:比重|比例)|占比|比重)$",
                "",
                self.entity_of(last.indicator),
            )
            part = re.sub(r"(?:增加值|产值)$", "", part)
            part = part if _is_name(part) and "对" not in part else ""
        if not part or "对" in name[1:]:
            return name
        return part + ("" if name.startswith("对") else "对") + name

    @staticmethod
    def _measure_opening(clause: str) -> str:
        """``我国电子商务交易额保持快速增长`` -> ``电子商务交易额``: the noun phrase a
        clause opens with, when it names a measure and a predicate follows it."""
        text = clean_name(clause)
        k = _noun_end(text)
        head = text[:k]
        if (
            k < len(text)
            and 4 <= len(head) <= 12
            and _is_name(head)
            and _MONEY_MEASURE_RE.search(head)
        ):
            return head
        return ""
