"""How sure a record's name is, and the names the walker settles after the naming passes.

The confidence of a name (the naming rules' score, lowered when the name cannot carry the
figure's unit or counts something else), a half name completed from the paragraph's frame
(种植业 -> 种植业产值), a group of industries named by its parts' measure and a national
figure's national name. Methods of :class:`RecordNamesMixin`, mixed into
:class:`bot.targets.extract._Walker`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.corpus.gazetteer import NATIONAL
from bot.targets.frames import grown_among, name_group_heads
from bot.targets.lexicon import things_counted
from bot.targets.naming import (
    Named,
    a_share_of_nothing,
    carries_its_unit,
    counts_a_quality,
    counts_people_of_a_thing,
    counts_the_noun_after,
    counts_things_named_by_people,
    cuts_a_word,
    money_named_by_a_thing,
    name_confidence,
)
from bot.targets.naming import clause_start as _clause_start
from bot.targets.naming.clean import settled_whole_name
from bot.targets.naming.part_shares import whole_without_own_scope
from bot.targets.place_clauses import _places_investment
from bot.targets.records import CONFIDENT, TargetRecord

# the country named in the sentence (a local text quoting the nation's own statistic)
_COUNTRY_WORD_RE = re.compile(r"全国|我国")


class RecordNamesMixin:
    """The walker's settling of a record's name: its confidence, a half name completed from the
    frame, a group's head, the national name. Mixed into
    :class:`bot.targets.extract._Walker`, whose ``table``, ``frame`` and ``records`` it reads."""

    def confidence(self, named: Named, indicator: str, sentence: str) -> float:
        """The naming rules' confidence, the name's own, and whether the name can carry
        the unit at all (项目投资 is not measured in 平方米).

        Whether the table knows the name is asked once: seven checks hang on it, and each
        asking normalises the name again (150,000 look-ups fewer on the 10 MB tier). A
        name the table knows has :func:`name_confidence` 1 (its first test), so is not
        asked again; and every check after it only lowers the score to 0.5, so a score
        already there needs none of them (cuts_a_word segments the sentence).
        """
        unknown = indicator not in self.table
        score = min(
            named.confidence,
            name_confidence(indicator, self.table, named.figure, sentence) if unknown else 1.0,
        )
        if score <= 0.5:
            return score
        if unknown and not carries_its_unit(indicator, named.figure):
            score = min(score, 0.5)
        if unknown and cuts_a_word(indicator, sentence):
            score = min(score, 0.5)  # 中央财政资金建立直(达), (3人)制篮球场: a fragment
        if (
            indicator.endswith(("人数", "人次"))
            and named.figure.unit_class == "count"  # its growth in % is the people's
            and not named.figure.unit.endswith(("人", "人次"))
        ):
            score = min(score, 0.5)  # 监察机构人数 17个: the name counts something else
        if indicator.endswith("床位") and not named.figure.unit.endswith("张"):
            score = min(score, 0.5)  # 三级中医院床位 4家: hospitals, not beds
        if unknown and counts_people_of_a_thing(indicator, named.figure.unit):
            score = min(score, 0.5)  # 文化惠民工程 3500万人次: the people it reached
        if unknown and counts_things_named_by_people(indicator, named.figure.unit):
            score = min(score, 0.5)  # 提前转移群众 118起: the cases, not the people
        if unknown and counts_the_noun_after(indicator, named.figure, sentence):
            score = min(score, 0.5)  # 规划设置 26项 of 设置26项指标: the indicators
        if unknown and a_share_of_nothing(indicator, named.figure, sentence, named.change):
            score = min(score, 0.5)  # 自建非涉密业务专网 50%: a share of what?
        if unknown and counts_a_quality(indicator, named.figure):
            score = min(score, 0.5)  # 欠发达县域托底性帮扶质效 39个: the counties, unnamed
        if money_named_by_a_thing(indicator, named.figure):
            score = min(score, 0.5)  # 重点项目 54亿元: the projects' investment? funds?
        return score

    def national_names(self, record: TargetRecord) -> TargetRecord:
        """A national figure carries the national name (国内生产总值, not 地区生产总值), and
        the country's own statistic a local text quotes beside its own (在全国国内生产总值增长
        3%的情况下, 从全国看，国内生产总值134.9万亿元) is the country's figure."""
        if record.region != NATIONAL:
            if (
                record.region
                and self.table.is_national(record.indicator)
                and _COUNTRY_WORD_RE.search(record.sentence)
            ):
                return replace(record, region=NATIONAL)
            return record
        national = self.table.national_variant(record.indicator)
        if national is None or national == record.indicator:
            return record
        return replace(record, indicator=national)

    def _name_group_heads(self, first: int) -> None:
        """Records ``first``… (one 。-sentence): a group of industries takes its parts' measure."""
        recs = self.records[first:]
        lists = ["其中" in r.sentence for r in recs]
        names = name_group_heads([r.indicator for r in recs], [r.unit for r in recs], lists)
        for k, (rec, name) in enumerate(zip(recs, names, strict=True)):
            if name != rec.indicator:
                self.records[first + k] = replace(rec, indicator=name)

    def in_frame(self, named: Named, sentence: str) -> Named:
        """``named`` with a half name completed from the frame (种植业 -> 种植业产值)."""
        fig = named.figure
        start = _clause_start(sentence, fig.start)
        if start > 0:
            prev = _clause_start(sentence, start - 1)
            if not any(map(str.isdigit, sentence[prev : start - 1])):  # (map: no generator frame)
                start = prev  # 其中，种植业…: the lead is a clause of its own
        # (a bulletin's or a statistics office's news: 41个工业行业大类中有32个行业增加值保持增长)
        grown = grown_among(sentence[: fig.start], sentence[fig.end :], fig)
        if grown:
            return replace(named, indicator=grown)
        joined = start > 0 and sentence[start - 1] in "，,"  # 小学620所，教学点360个
        name, changed = self.frame.complete(
            named.indicator, fig, sentence[start : fig.start], sentence[fig.end :], joined
        )
        if not changed:
            return named
        if name in self.table and named.confidence < CONFIDENT:
            # 其中，城市下降0.1%: a bare place the paragraph's measure makes a known indicator
            return replace(named, indicator=name, confidence=0.75)
        return replace(named, indicator=name)

    def _settled_name(self, named: Named, indicator: str) -> str:
        """The name a record is written with: the thing counted, the table's own spelling,
        a bulletin's place investment as 固定资产投资, a whole without its own scope."""
        fig = named.figure
        if fig.unit_class == "count":
            # 高新技术企业数量达到8600家, 海外仓数量达到60个: a count names the counted thing
            # (GOLD_GUIDELINES 6.3, 6.8.24; 入围数量, what entering counts, stays)
            indicator = things_counted(indicator)
        if named.change == "新升规" and not indicator.startswith("规模以上"):
            # 新升规工业企业: firms newly risen above the threshold, counted in its class
            indicator = "规模以上" + indicator
        if self.bulletin and _places_investment(indicator):
            # 成都高新区、成都东部新区完成投资分别增长8.5%、7.7%, 分县看，江北区增长7.2%: a
            # bulletin's investment of a place inside it is that place's 固定资产投资
            indicator = "固定资产投资"
        if indicator.endswith("计划") and (planned := self.table.canonical(indicator[:-2])):
            indicator = planned  # 固定资产投资计划增长5%: the investment planned to grow
        if indicator not in self.table:
            indicator = whole_without_own_scope(self._gdp_named(indicator), self.table)
            if (settled := settled_whole_name(indicator)) != indicator:
                # 超长期特别国债资金 is the table's bond (6.8.29), 林下经济总面积 its 面积 (6.8.31)
                indicator = self.table.canonical(settled) or settled
        else:
            # a name composed from the text's words (改造城镇老旧小区…惠及居民) that the table
            # lists as an alias is written as the table writes it, as a matched phrase is
            indicator = self.table.canonical(indicator) or indicator
        # a name carried from a paragraph's opening keeps no indentation a PDF's or a web
        # page's line put before it (\u3000\u3000东山组团基础设施投资)
        indicator = indicator.strip()
        return indicator
