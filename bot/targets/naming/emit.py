"""The last touches to a figure's name and its recording (:class:`_Emit`, a mixin of
the sentence namer): :meth:`~_Emit.emit` renames what a sentence's shape says the figure
measures, records the :class:`~bot.targets.naming.named.Named` and updates the context.
"""

from __future__ import annotations

import re

from bot.targets.lexicon import VERB_RE
from bot.targets.naming.clauses import clause_start
from bot.targets.naming.clean import _INNER_SCOPE_RE, _QUOTE_TABLE, clean_name, strip_noise
from bot.targets.naming.confidence import _RANK_SCOPES, _RANK_VERBS
from bot.targets.naming.named import Named
from bot.targets.naming.part_measures import PARTS_RE, measure_of_the_whole
from bot.targets.naming.resolve import (
    _counts_things,
    _is_output,
    _with_implied_measure,
    _without_attribute,
    lookup,
)
from bot.targets.naming.words import _is_name
from bot.targets.numbers import Figure

# the share of a task done: 完成…总任务的70%
_TASK_DONE_RE = re.compile(
    r"(?P<who>[^，。；、]{0,14}?)完成(?P<task>[^，。；、\d]{0,14}?)(?:总|年度|全年)?任务的?$"
)
# 占地区生产总值比重接近55%: how near the share is, not a word of its name
_NEAR_SHARE_RE = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(比重|比例|占比|份额)(?:接近|将近)(?:比重|比例)?$"
)


# A character test before a strip and a search, as :func:`~bot.targets.naming.
# names_from_before._may_name_scoped_firms` (why they are written out is said there).
def _may_name_a_task_done(clause: str) -> bool:
    """Whether :data:`_TASK_DONE_RE` may match ``strip_noise(clause)``: every match holds
    完成 and 任务."""
    return "任" in clause and "务" in clause and "完" in clause and "成" in clause


# the act of starting projects, left in front of them (启动旧村改造项目9个)
_STARTED_PROJECTS_RE = re.compile(r"^(?:新)?启动(?=[\u4e00-\u9fff]{2,}(?:项目|工程)$)")

# a crop's sown area, whose bare 总产 after it is the crop's output
_CROP_AREA_RE = re.compile(r"^(?P<crop>[\u4e00-\u9fff]{1,6}?)(?:播种|种植|收获)面积$")
# X占Y with no share word after it (the share said as 占Y的80%)
_UNNAMED_SHARE_RE = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})占(?!比|有)[\u4e00-\u9fffA-Za-z0-9]{2,16}(?<!比重|比例|份额|占比|比率)$"
)

_TASK_TAIL_RE = re.compile(r"(?<=[\u4e00-\u9fff]{3})(?:工作|总)?任务$")
# Verbs a clause leaves after its subject, right before the figure (开行, 到位, 累计达, 为)
_DANGLING_TAIL_RE = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:累计|共计|合计|总计)?(?:开行|到位|完工|得到|接近|不到|达到|达|为)$"
    r"|(?<=[\u4e00-\u9fff]{2})(?:累计|共计|合计|总计)$"
)
# An act written after the things counted, right before their count (入库, 入库评价,
# 除险加固): the name is the things, as when the act comes first (入库科技型中小企业)
# (完成2000条中小河流治理, 3500座病险水库除险加固: the rivers and reservoirs counted, the act
# their change, GOLD_GUIDELINES 6.8.17; a whole basin's or a combined 治理 is a work itself)
_ACT_TAIL_RE = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:入库评价|入库|除险加固|除险|(?<!综合)(?<!流域)治理)$"
)
# Money given for a purpose (210亿元支持老区苏区振兴发展, 16亿元用于老旧城区改造), and
# the public purses that give it.
_PURPOSE_AFTER_RE = re.compile(r"[，,]?(?:专项)?(?:用于|支持)(?P<what>[^，。；、]{2,24})")
_PAYER_RE = re.compile(r"(?:中央|省级?|市级?|县级?|区级?|州|各级)?财政|中央预算内")
# Sources of electricity: a power figure of one of them is its installed capacity.
_ENERGY_KIND_RE = re.compile(
    r"(?:新能源|可再生能源|清洁能源|(?:海上|陆上)?风电|光伏(?:发电)?|抽水蓄能|(?:新型)?储能|水电"
    r"|核电|火电|煤电|气电|生物质发电)"
)

# 54亿元的投资计划, 3亿元的补助资金: what the money is, said after it
_MONEY_KIND_AFTER_RE = re.compile(r"的(?P<kind>投资|资金|补助资金|专项资金)(?:计划|任务)?")
# an act of trade whose amount of money is the figure (零售, 出口): its 额 is unsaid
_TRADE_ACT_RE = re.compile(r"(?:零售|批发|销售|进出口|出口|进口|成交|交易)$")
# what a rank's sentence says before its place (居全国第1位), left in front of 全国排名
_RANK_VERB_RE = re.compile(
    rf"(?<=.)(?:{_RANK_VERBS})(?P<said>{_RANK_SCOPES})?(?P<added>{_RANK_SCOPES})?排名$"
)

# Bare words that statistics always mean as one indicator (再就业 is the jobless found
# work again); a longer name (就业困难人员再就业) says its own.
_OFFICIAL_NAMES = {"再就业": "失业人员再就业"}


class _Emit:
    """Records a named figure, after the renamings its sentence calls for.

    A mixin of :class:`~bot.targets.naming.sentence._SentenceNamer`: the methods use the
    namer's state (``self.s``, ``self.figs``, ``self.table``, ``self.context``,
    ``self.out``, ``self.last_subject`` …) and the other mixins' methods.
    """

    def emit(
        self,
        fig: Figure,
        name: str,
        change: str,
        consumed: int | None = None,
        qualifier: str | None = None,
        *,
        subject: bool = True,
        confidence: float = 1.0,
    ) -> None:
        if len(name) > 6:
            name = _INNER_SCOPE_RE.sub("", name)  # 评估我省全国排名: the scope is the document's
        name = self.part_of_previous(name, fig)
        name = self.named_in_full_before(name, fig)
        name = _STARTED_PROJECTS_RE.sub("", name)  # 启动城中村改造项目7个: the projects
        fund = self.context.last_name.find("基金")
        if name.startswith("基金") and len(name) > 2 and fund > 0:
            # 养老保险基金收入46.2亿元，基金支出38.5亿元: the same fund's spending
            name = self.context.last_name[: fund + 2] + name[2:]
        crop = _CROP_AREA_RE.match(self.context.last_name)
        if crop and name in ("总产", "总产量", "产量") and fig.unit_class == "weight":
            # 粮食播种面积稳定在238万亩，总产达到21.3亿斤: the output of the crop just sown
            name = self.table.canonical(crop["crop"] + "产量") or crop["crop"] + "产量"
        in_parts = self.context.parts or bool(PARTS_RE.search(self.s[: fig.start]))
        if in_parts:
            self.context.parts = True
            name = measure_of_the_whole(
                self.table, name, fig.unit, self.context.whole, self.context.whole_unit
            )
        firms = self.scoped_firms(name, fig)
        if firms:
            # 规模以上工业企业完成工业总产值…: the firms' scope bounds the sector's measure
            scope, measure, _ = firms
            name = self.table.canonical(scope + measure) or scope + measure
        name = self.owned_quantity(name)
        name = self.size_of_counted(name, fig)
        if self.context.bulletin and _is_output(
            name, fig, self.table, any_unit=self.context.products
        ):
            name += "产量"  # 全年全州集成电路23787.46万块: a bulletin's output of a product
        if fig.unit == "%" and self.s.startswith("覆盖", fig.end) and not name.endswith("率"):
            name += "覆盖率"  # 乡镇社会工作服务站（点）100%覆盖: the coverage is the figure
            consumed = max(consumed or 0, fig.end + 2)
        if name.endswith("排名"):
            # 农产品产量居全国全国排名, 出口额保持西部排名: the verb is the rank's, not the name's
            name = _RANK_VERB_RE.sub(lambda m: (m["added"] or m["said"] or "") + "排名", name)
        if fig.unit not in ("项", "个", "件", "条"):
            name = _TASK_TAIL_RE.sub("", name)  # 完成65万批次食品抽检任务: the checks
        if fig.unit_class == "count":
            # 科技型中小企业入库1206家, 病险水库除险加固3500座: the things the act was done to
            tail = _ACT_TAIL_RE.search(name)
            if tail:
                name = name[: tail.start()]
                if change in ("", "完成", "实施"):  # (a lead verb says less than the act)
                    act = tail.group().removesuffix("评价")
                    # (加固 is read as a verb of its own, 除险 left)
                    change = "除险加固" if act == "除险" else act
        bare = _DANGLING_TAIL_RE.sub("", name)
        if bare != name and _is_name(bare) and not VERB_RE.fullmatch(bare):
            name = bare  # 中欧班列开行超2000列, 5G基站累计达17万座: the verb is the figure's
        spent = _MONEY_KIND_AFTER_RE.match(self.s, fig.end) if fig.unit_class == "money" else None
        if spent and not name.endswith(spent["kind"]):
            name += spent["kind"]  # 66个重点项目54亿元的投资计划: the projects' investment
            consumed = max(consumed or 0, spent.end())
        name = _OFFICIAL_NAMES.get(name, name)
        if fig.unit_class in ("money", "percent") and name in ("年度计划", "计划"):
            # 重大项目…，年度计划完成2241.3亿元: the projects' investment planned for the year
            owner = self.entity_of(self.last_subject) if self.last_subject else ""
            name = owner + "年度计划投资"
        name = self._with_measure_word(fig, name)
        purpose = _PURPOSE_AFTER_RE.match(self.s, fig.end) if fig.unit_class == "money" else None
        if purpose and (_PAYER_RE.fullmatch(name) or name.startswith(("用于", "支持"))):
            # 省财政新增210亿元支持老区苏区振兴发展: the money is named by what it is for,
            # not by who pays it (or by the verb after it)
            what = clean_name(purpose["what"])
            if _is_name(what):
                name = what + (name if _PAYER_RE.fullmatch(name) else "") + "资金"
        if fig.unit_class == "power" and _ENERGY_KIND_RE.fullmatch(name):
            # 新能源投产1000万千瓦, 新投产海上风电549万千瓦: the capacity installed
            base = "光伏" if name == "光伏发电" else name
            name = lookup(self.table, base + "装机容量", fig) or base + "装机容量"
        if fig.unit_class == "money" and _TRADE_ACT_RE.search(name) and len(name) > 2:
            # 商品零售7651.9亿元: the amount of the sales, 商品零售额
            name = self.table.canonical(name + "额") or name + "额"
        # (the clause is read for a share only: the search costs 7 µs a figure)
        clause = self.s[clause_start(self.s, fig.start) : fig.start] if fig.unit == "%" else ""
        done = _TASK_DONE_RE.search(strip_noise(clause)) if _may_name_a_task_done(clause) else None
        if done:
            # 完成基础教育优化布局总任务的70%, …攻坚战完成规划任务85%: the share of the task done
            task = re.sub(r"^(?:年度|全年)", "", done["task"].translate(_QUOTE_TABLE))
            what = clean_name(done["who"]) + task
            name = what + "任务完成比例" if _is_name(what) else name
        if fig.unit == "%":
            name = _NEAR_SHARE_RE.sub(r"\1", name)
        if fig.unit == "%" and _UNNAMED_SHARE_RE.search(name):
            name += "比重"  # 重点产业产值占农林牧渔业总产值的80%: that share
        name = _with_implied_measure(self.table, name, fig)
        self.out.append(
            Named(
                fig,
                name,
                change,
                fig.qualifier if qualifier is None else qualifier,
                fig.end if consumed is None else consumed,
                confidence=confidence,
            )
        )
        self.last_change = change or self.last_change
        entity = _without_attribute(name)
        if firms:
            # …；实现营业收入…: the income after is the firms', not the sector's
            entity = firms[0] + firms[2]
        elif fig.unit_class in ("percent", "points") and name == self.context.last_name:
            entity = self.context.entity  # …工业总产值…，增长7.3%: the growth names no new one
        if not (entity == self.context.entity and fig.unit_class in ("percent", "points")):
            # 营业收入426.5亿元，增长7.9%: the growth leaves the entity named for its money
            self.context.entity_unit = fig.unit_class
        self.context.entity = entity
        if _counts_things(fig, name):
            self.context.counted = name
        self.context.last_name = name
        if not in_parts and fig.unit_class not in ("percent", "points"):
            self.context.whole, self.context.whole_unit = name, fig.unit
        if subject:
            self.last_subject = name
            if fig.unit_class == "count":
                self.count_subjects.append(name)
