"""What a paragraph is counting: the entity and measure that later figures leave unsaid.

Statistical bulletins and reviews state a head figure in full and then list the parts
with half names::

    全年实现农林牧渔业总产值950.4亿元…其中种植业634.8亿元，畜牧业228.0亿元
        -> 种植业产值, 畜牧业产值             (a category: the measure is inherited)
    本科院校1所，招生3050人，在校学生10945人，毕业生2876人
        -> 本科院校招生, 本科院校在校学生 …    (a measure: the entity is inherited)
    全年粮食播种面积2066.70万亩，总产量902.61万吨
        -> 粮食产量

:class:`Frame` keeps the entity and the measure in force while a paragraph is read and
completes such names. It only completes: a name that already says what it measures is
left alone and becomes the new frame. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.targets.dict_words import is_verb
from bot.targets.grown_members import grown_among as grown_among
from bot.targets.indicators import IndicatorTable
from bot.targets.lexicon import INDUSTRY_DIVISION_RE, PEOPLE_NOUNS
from bot.targets.measure_nouns import MEASURES as _MEASURES
from bot.targets.measure_nouns import MONEY as _MONEY
from bot.targets.measure_nouns import WHOLE as _WHOLE
from bot.targets.measure_nouns import measure_of as measure_of
from bot.targets.measure_nouns import name_group_heads as name_group_heads
from bot.targets.numbers import Figure
from bot.targets.shortened_parts import like_sibling, with_level

# A product's output (钢材产量): what it is said in (tonnes) is the product's only
_OUTPUT_MEASURES = frozenset({"产量", "总产量"})
# a clause opening on the whole year (全年发电量…): a statement of its own
_YEAR_LEAD_RE = re.compile(r"^[；;，,]?(?:全年|年末|年内)")
_WITHIN_PLACE_RE = re.compile(r"[\u4e00-\u9fff]{1,6}?[市县州区省]境内(?=[\u4e00-\u9fff]{2})")
_ALL_INSURERS_RE = re.compile(r"保险(?:公司|机构)(?=[\u4e00-\u9fff]*(?:保费收入|赔付支出)$)")
# Losses are of the events just counted (交通事故1337起…直接经济损失411万元), not of an
# area's head (绝收面积14.6公顷，直接经济损失23.33亿元 is the disaster's).
_LOSSES = frozenset({"直接经济损失"})
# a head that is itself a set of schools (普通中学, 普通高中, 小学, 高校): its people are its own
_SCHOOLS_END_RE = re.compile(r"(?:学校|中学|小学|高中|初中|高校|大学|学院|幼儿园)$")
_STUDENTS = frozenset({"在校学生", "在校生"})
# The people of a school level (小学620所，教学点360个，在校学生…): said after the units
# counted with the level's schools, they are the level's, not the last unit's.
_SCHOOL_UNITS = frozenset({"所", "个", "处"})
# a school level of its own (初级中学 after 普通高中): its people are its own
_SCHOOL_LEVEL_RE = re.compile(
    r"幼儿园|小学|初中|中学|高中|中等职业|中职|高等|高校|大学|学院|特殊教育"
)
_SCHOOL_PEOPLE = frozenset(
    {"招生", "在校生", "在校学生", "毕业生", "毕结业生", "教职工", "专任教师"}
)
# Who runs or owns them: a bare 民办 after 幼儿园1250所 is the private kindergartens.
_OWNERSHIP = frozenset({"民办", "公办", "公立", "私立", "国有", "民营", "集体"})
# Measures that say whose they are (在园幼儿: the kindergartens'): never completed, but the
# entity stays in force for the measures after them (幼儿园…，在园幼儿…，专任教师…).
_SELF_NAMED = frozenset({"在园幼儿"})
# Per-head income and spending, and the standard parts of income that bulletins list
# after them without repeating whose they are.
_PER_CAPITA_RE = re.compile(r"(.{0,8}人均)(?:可支配收入|消费(?:性)?支出)$")
# A per-head amount that does not say of whom (月人均保障标准, 人均补助).
_PER_HEAD_RE = re.compile(r"(?:月|年)?人均[\u4e00-\u9fff]{2,8}")
_INCOME_PART_RE = re.compile(r"(?:工资性|经营净|经营性|财产净|财产性|转移净|转移性)收入")
# A name ending so already says what it measures (地铁客运总量, 运营线路长度).
_SAYS_MEASURE_RE = re.compile(
    r"(?:量|额|值|数|率|度|长度|面积|价格|收入|支出|投资|占比|比重|比例|份额|增长面)$"
)
# A category named by its kind (种植业, 烟酒类, 高速公路, 本科院校): short, no verb; or
# an industry division of the statistics, however long (INDUSTRY_DIVISION_RE).
_CATEGORY_MAX = 12
# money named by where it comes from (社会资本, 银行贷款, 专项债券, 财政资金): a sum of its own
_MONEY_SOURCE_RE = re.compile(r"(?:资本|贷款|信贷|债券|国债|资金|基金|拨款|进资|引资|内资|外资)$")
_SUBITEM_LEAD_RE = re.compile(
    r"^(?:其中|分[^，。；]{1,6}看|按[^，。；]{1,8}(?:分|划分|看)|在[^，。；]{2,12}中(?:[，,]|$))"
)

# 在限额以上单位商品零售额中，…: the whole the parts listed next are of, with no figure
_AMONG_WHOLE_RE = re.compile(r"(?:在)?(?P<whole>[\u4e00-\u9fff]{2,16})中[，,]")


# a measure of the year under review (年度产量): the year is no entity
_OF_THE_YEAR_RE = re.compile(r"年度(?P<measure>[\u4e00-\u9fff]{2,6})")
_CORE_STRIP_RE = re.compile(r"^(?:其中|全年|年末|共|有|另有|，|、|：|:)+|(?:为|达到|达|共|有)$")


# compiled once: the two helpers below run for every figure (``re``'s own cache costs a
# look-up and a flags check per call)
_CLAUSE_SEP_RE = re.compile(r"[，,；;：:]")
_COUNTED_TAIL_RE = re.compile(r"(?:天数|人数|量)$")


def _clause_core(clause: str) -> str:
    """The words of the last clause before a figure, without lead and link words."""
    last = _CLAUSE_SEP_RE.split(clause)[-1].strip()
    return _CORE_STRIP_RE.sub("", last)


# Measures that count people: 民办428所 under 毕业生 is no count of graduates.
_PEOPLE_MEASURES = frozenset(
    {"招生", "在校生", "在校学生", "毕业生", "毕结业生", "教职工", "专任教师", "在园幼儿", "人数",
     "死亡人数", "受伤人数", "死伤人数"}
)  # fmt: skip


def _unit_fits(measure: str, fig: Figure) -> bool:
    if measure in _PEOPLE_MEASURES and fig.unit_class == "count":
        return fig.unit.endswith(("人", "人次", "名"))
    if measure == "床位" and fig.unit_class == "count":
        return fig.unit.endswith("张")  # 二级医院75家 under 床位 counts hospitals
    return True


_COUNT_END_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:起数|次数|数)$")


# 在蓉高校: where they are (在 and a place's one-character name), not which they are
_LOCATED_RE = re.compile(
    r"^在(?![建校园册岗职营线用库押途读])[\u4e00-\u9fff](?=[\u4e00-\u9fff]{2})"
)


def _compose(entity: str, measure: str) -> str:
    """The paragraph's entity with a measure; a count's 数 goes before a count of people
    (生产安全事故数27起；死亡人数39人 -> 生产安全事故死亡人数); where the things are
    is said with their count only (在蓉高校65所，在校学生… -> 高校在校学生)."""
    if measure.endswith("人数"):
        entity = _COUNT_END_RE.sub("", entity)
    entity = _LOCATED_RE.sub("", entity)
    return entity + measure


# the unit classes of a change (增长3%, 提高2个百分点), which any measure can have
_CHANGE_CLASSES = ("percent", "points")


def _part_of(unit_class: str, measured: str) -> bool:
    """Whether a figure of ``unit_class`` can be a part of a total of ``measured``: a
    part of 粮食产量 50万吨 is in tonnes (or a change in %), not 企业 57.5万户."""
    return not measured or measured in _CHANGE_CLASSES or unit_class in (measured, *_CHANGE_CLASSES)


# A price index the paragraph states without a figure (居民消费价格（CPI）涨幅与上年持平):
# the parts listed after it are still its parts (其中，城市下降0.1%).
_FLAT_PRICE_RE = re.compile(
    r"(居民消费价格|商品零售价格|工业生产者(?:出厂|购进)价格)(?:（[A-Z]+）|\([A-Z]+\))?"
    r"(?:总水平)?(?:涨幅|指数)?(?:与上年|比上年|同比)?(?:基本)?持平"
)


# A treatment written as a verbal noun (污水处理), measured in tonnes or cubic metres.
_TREATED_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})处理$")
# the text after a figure closing the brackets it is in (人），毕业生…)
_CLOSES_RE = re.compile(r"[^，。；（(]{0,6}[）)]")
_PAREN_RE = re.compile(r"（[^）]*）|\([^)]*\)")


@dataclass(slots=True)
class Frame:
    """The entity and measure in force in the paragraph being read.

    ``subitems`` is on from a ``其中``/``分…看`` clause to the end of its 。-sentence: the
    clauses after it list parts of the head figure.
    """

    table: IndicatorTable
    entity: str = ""
    measure: str = ""
    subitems: bool = False
    per_capita: str = ""  # 城镇居民人均: whose income the components that follow are
    measured: str = ""  # the unit class of the figure that set the measure
    measured_unit: str = ""  # and its unit (万人 of 在校学生116.4万人)
    plain: str = ""  # the last name left as it was (a count outside the measure)
    entity_unit: str = ""  # the unit of the count that set the entity (所 of 幼儿园860所)
    students: str = ""  # 在校学生 of 在校学生116.4万人, whose parts (研究生) are named after it
    last: str = ""  # the last name given (参保人数 before its 参保率)
    level: str = ""  # 小学 of 小学620所，教学点360个: the schools whose people come next
    joined: bool = False  # the figure's clause follows the one before after a comma
    owned_class: str = ""  # the unit class of the level that named the entity (万吨 of 钢材)

    def reset(self) -> None:
        self.entity = ""
        self.measure = ""
        self.subitems = False
        self.per_capita = ""
        self.measured = ""
        self.measured_unit = ""
        self.plain = ""
        self.entity_unit = ""
        self.students = ""
        self.last = ""
        self.level = ""
        self.owned_class = ""

    def without_figure(self, sentence: str) -> None:
        """A sentence with no figure: a price index held flat is the measure of its parts."""
        m = _FLAT_PRICE_RE.search(sentence)
        if m:
            self.entity, self.measure = "", m.group(1)
            self.measured, self.measured_unit, self.entity_unit = "percent", "%", ""

    def among(self, sentence: str) -> None:
        """A sentence that opens on the whole its parts are of (``在限额以上单位商品零售额中，
        汽车类增长8.3%``): the whole's measure is the parts' (汽车类零售额)."""
        lead = _AMONG_WHOLE_RE.match(sentence)
        measure = measure_of(lead.group("whole")) if lead else ""
        if measure in _MEASURES and measure not in _WHOLE:
            self.entity, self.measure, self.entity_unit = "", measure, ""
            self.measured, self.measured_unit = "", ""

    def end_sentence(self) -> None:
        self.subitems = False
        self.entity = ""
        self.students = ""
        self.level = ""

    def complete(
        self, name: str, fig: Figure, clause: str, after: str = "", joined: bool = False
    ) -> tuple[str, bool]:
        """:meth:`_complete`; a list of parts in brackets (``（其中:…41913人）``) ends with them.
        ``joined``: the clause follows the one before after a comma (小学620所，教学点…)."""
        self.joined = joined
        done = self._complete(name, fig, clause, after)
        if _CLOSES_RE.match(after):
            self.subitems = False
        self.last = done[0]
        return done

    def _complete(self, name: str, fig: Figure, clause: str, after: str = "") -> tuple[str, bool]:
        """``name`` completed from the frame, and whether it was; updates the frame.

        ``clause`` is the text before the figure in its clause (``其中种植业``), used to
        tell a list of parts from a new subject; ``after`` is the text after the figure,
        where a name may have been read (``投资4500万元的伊敏河沿河道路工程``).
        """
        if _SUBITEM_LEAD_RE.match(clause.strip()):
            self.subitems = True
        yearly = _OF_THE_YEAR_RE.fullmatch(name)
        if yearly and yearly["measure"] in _MEASURES:
            # 粮食播种面积…、年度产量首次突破…: the year's 产量 is the frame's, 年度 no entity
            done, completed = self._complete(yearly["measure"], fig, clause, after)
            if completed:
                return done, True
        verb = is_verb(name) or is_verb(name[-2:])
        if fig.unit.endswith("人次") and verb and not measure_of(name):
            return name + "人次", True  # 诊疗1.7亿人次: a count of visits, never a verb
        if _TREATED_RE.search(name) and fig.unit_class in ("weight", "volume"):
            # 完成生活垃圾无害化处理674万吨: the amount treated
            name += "量"
            self.plain = name
            return name, True
        # 优良天数352天，优良率96.4%; 参保人数45.6万人，参保率96.5%
        base = _COUNTED_TAIL_RE.sub("", self.last)
        rated = name.endswith("率") and len(name) >= 3 and base != name[:-1]
        if rated and base.endswith(name[:-1]):
            # …无害化处理674万吨，无害化处理率100%: the rate of what was just treated
            return base + "率", True
        if (
            fig.unit_class == "points"
            and name.endswith("率")
            and len(name) >= 3
            and self.last != name
            and self.last.endswith(name)
        ):
            # 优良天数296天，优良率81.1%，比上年下降2.5个百分点: the change of the rate just
            # completed (空气质量优良率), not of a bare 优良率
            return self.last, True
        if (
            name.startswith("总")
            and len(name) >= 3
            and self.entity_unit
            and self.entity
            and fig.unit_class != "count"
            and not measure_of(name)
        ):
            return self.entity + name, True  # 货运船舶1389艘，总载重吨位151万吨: the ships'
        people = fig.unit in ("人", "名", "万人") or fig.unit_class in _CHANGE_CLASSES
        if name in ("死亡", "受伤", "死伤", "遇难") and people:
            # 生产安全事故12起，死亡15人: the deaths of the events just counted, as 死亡人数
            full = name + "人数"
            if self.entity and self.entity_unit and fig.unit != self.entity_unit:
                full = _compose(self.entity, full)
            return full, True
        within = _WITHIN_PLACE_RE.match(name)
        if within:
            return name[within.end() :], True  # 周口市境内高铁发送旅客: the place is the scope
        insurers = _ALL_INSURERS_RE.match(name)
        if insurers and len(name) > insurers.end() + 2:
            # 保险公司原保险保费收入: every premium is an insurer's; 财产保险公司… stays a part
            return name[insurers.end() :], True
        if fig.unit == "所" and len(name) >= 4 and name.endswith("教育"):
            # 特殊教育10所，在校生5820人: schools of that education, as 中等职业教育学校37所
            name += "学校"
            self.entity, self.entity_unit, self.plain = name, fig.unit, name
            return name, True
        owner = _PER_CAPITA_RE.search(name)
        if owner:
            self.per_capita = owner.group(1)
        elif self.per_capita and _INCOME_PART_RE.fullmatch(name):
            # 城镇居民人均可支配收入…。其中，工资性收入32292元: the town dweller's, per head
            return self.per_capita + name, True
        elif (
            _PER_HEAD_RE.fullmatch(name)
            and self.entity
            and self.measure.endswith("人数")
            and fig.unit_class in _MONEY
            and self.table.canonical(name) is None
        ):
            # 城市居民最低生活保障人数5.57万人；月人均保障标准719元: per head of those counted
            return self.entity + name, True
        measure = measure_of(name)
        core = _clause_core(clause)
        head = name[: len(name) - len(measure)]
        read_after = bool(head) and head in after
        if (
            measure
            and measure not in _WHOLE
            and measure not in _SELF_NAMED
            and self.entity
            and core == measure
            and not (measure in _LOSSES and not self.entity_unit)
            and not name.startswith(self.entity)
            and not read_after
            # 开工建设重大项目260个，完成投资680亿元: the things the figure before named
            and not (head and self.last == head)
            and not self._not_the_entitys(name, fig, clause)
        ):
            # 普通中学642所，在校学生71.9万人: the clause says only the measure
            entity = self.level if self.level and measure in _SCHOOL_PEOPLE else self.entity
            full = _compose(entity, measure)
            self.measured_unit = fig.unit
            self.students = measure if measure in _STUDENTS else ""
            return self._known(full) or full, True
        if name in _SELF_NAMED:
            self.measure, self.measured, self.measured_unit = name, fig.unit_class, fig.unit
            return name, False
        if name in _MEASURES:
            whose = bool(self.entity) and not (name in _LOSSES and not self.entity_unit)
            if whose and self._not_the_entitys(name, fig, clause):
                whose = False
            if whose and name not in _WHOLE and fig.unit_class in _MEASURES[name]:
                self.measure, self.measured = name, fig.unit_class
                self.measured_unit = fig.unit
                full = _compose(self.entity, name)
                return self._known(full) or full, True
            self.entity, self.measure = "", name  # 居民消费价格: a measure of its own
            self.entity_unit = ""
            self.measured = fig.unit_class
            self.measured_unit = fig.unit
            return name, False
        if (
            measure == "人数"
            and self.entity
            and self.entity_unit
            and self.entity_unit != fig.unit
            and len(head) == 2
            and is_verb(head)
        ):
            # 养老服务机构57所，有床位5923张，入住人数2146人: those who live in them
            return self.entity + name, True
        if (
            measure in _PEOPLE_MEASURES
            and self.subitems
            and self.entity
            and 2 <= len(head) <= 4
            and not name.startswith(self.entity)
            and fig.unit_class == "count"
            # 普通中学在校学生21.6万人 after a ；: a set of schools names its own people
            and not _SCHOOLS_END_RE.search(head)
        ):
            # 中职学校…在校学生7.9万人（其中:非全日制在校学生4.1万人）: the school's, still
            return self._known(self.entity + name) or self.entity + name, True
        if measure:
            self.entity = name[: -len(measure)].rstrip("的")
            self.entity_unit = ""
            if fig.unit_class not in _CHANGE_CLASSES:
                self.owned_class = fig.unit_class
            self.measure, self.measured = measure, fig.unit_class
            self.measured_unit = fig.unit
            return name, False
        if (
            # 化妆品类 is a class of the measure; 等级公路28062公里 after 公路总里程, a part
            (self.subitems or name.endswith("类") or self._part_of_total(fig))
            and self.measure
            and _unit_fits(self.measure, fig)
            # a road the table knows as built (农村公路 km) listed after a whole length
            # (公路总里程…，其中农村公路2846公里) is that length's part (GOLD_GUIDELINES 6.8.9)
            and (
                name not in self.table
                or (self.subitems and self.measure.endswith("里程") and core == name)
            )
            and (len(name) <= _CATEGORY_MAX or INDUSTRY_DIVISION_RE.fullmatch(name))
            and not _SAYS_MEASURE_RE.search(_PAREN_RE.sub("", name))  # 化肥施用量（折纯）
            # 其中地方政府专项债券…、社会资本…, 银行贷款…: money named by its source is an
            # amount of its own, not a part of the frame's 投资 or 产值
            and not (fig.unit_class in _MONEY and _MONEY_SOURCE_RE.search(name))
            # people named as such are their own count (环境监测人员 172人, not …人员人数)
            and not (fig.unit.endswith(("人", "名")) and name.endswith(PEOPLE_NOUNS))
            and fig.unit_class in _MEASURES[self.measure]
            and _part_of(fig.unit_class, self.measured)
            and not (name == self.plain and fig.unit_class in _CHANGE_CLASSES)
        ):
            # 种植业 under 农林牧渔业总产值 is 种植业产值: a part is not a total
            full = name + self.measure.removeprefix("总")
            return self._known(full) or full, True
        if self.subitems and fig.unit_class == "count" and self.plain:
            full = like_sibling(name, self.plain)
            if full:
                return full, True
        whole = _PAREN_RE.sub("", self.entity or self.plain)
        if self.subitems and fig.unit_class == "count" and whole and with_level(name, whole):
            # 自然保护区19个。其中，国家级保护区1个: the national nature reserves
            return with_level(name, whole), True
        if (
            self.subitems
            and self.students
            and fig.unit == self.measured_unit
            and name.endswith("生")
            and not name.startswith("在校")
            and len(name) <= 6
            and not measure_of(name)
        ):
            # 在校学生116.4万人，其中本专科学生103.5万人，研究生10.9万人: each named in full
            if name.endswith("学生"):
                return name[:-2] + self.students, True
            return "在校" + name, True
        if (
            self.subitems
            and name in _OWNERSHIP
            and self.entity
            and fig.unit_class == "count"
            and fig.unit == self.entity_unit
        ):
            # 幼儿园860所（其中：民办302所）: the private ones; the entity stays 幼儿园
            return name + self.entity, True
        parts_of_measure = self.subitems and fig.unit == self.measured_unit
        if fig.unit_class == "count" and name not in self.table and not parts_of_measure:
            # 本科院校1所: the next 招生 is theirs; but 在校学生…，其中研究生10.9万人 names a
            # part of the students, and the 专任教师 after it are still the colleges'
            # 小学620所，教学点360个: a unit counted right after the schools of a level, with
            # nothing said between them, is counted with them; their people are the level's
            annex = (
                fig.unit in _SCHOOL_UNITS
                and self.entity_unit == "所"
                and self.last == self.entity
                and self.joined
                and not self.subitems
                and not _SCHOOL_LEVEL_RE.search(name)
            )
            self.level = self.entity if annex else ""
            self.entity = name
            self.entity_unit = fig.unit
        # 接待国内旅游者7879.45万人次，比上年增长25.8%: the growth of that count, not of a
        # part of the paragraph's 收入
        self.plain = name
        return name, False

    def _not_the_entitys(self, name: str, fig: Figure, clause: str) -> bool:
        """Whether a bare measure is said of no earlier entity: after a product's output
        (钢材…万吨；发电量…亿千瓦时) a measure in another unit is a product of its own; after
        a list of parts of one measure (其中，风电装机容量…；全年发电量…), a clause opening
        on the year says another measure of the whole, not of the last part."""
        if fig.unit_class in _CHANGE_CLASSES or self.entity_unit:
            return False
        if (
            self.measure in _OUTPUT_MEASURES
            and self.owned_class
            and fig.unit_class != self.owned_class
        ):
            return True
        return self.subitems and name != self.measure and bool(_YEAR_LEAD_RE.match(clause.strip()))

    def _part_of_total(self, fig: Figure) -> bool:
        """A figure in the unit of the total just given (公路总里程29322公里) is a part of it."""
        return (
            self.measure.startswith("总")
            and bool(self.entity)
            and fig.unit == self.measured_unit
            and fig.unit_class not in _CHANGE_CLASSES  # 农村消费增长20%: no part of 总额 9.9%
        )

    def _known(self, name: str) -> str | None:
        canonical = self.table.canonical(name)
        if canonical is None and "总" in name:
            canonical = self.table.canonical(name.replace("总", ""))
        return canonical
