"""The plain number: :meth:`_NumberForm.number` tries the set phrasings of
:mod:`~bot.targets.naming.forms_phrases`, then names the figure from before it, after it
(counts), from the previous figure or the clause before (:class:`_NumberForm`, a mixin
of the sentence namer). A count's name read after it is
:mod:`~bot.targets.naming.count_names_after`'s, the measure word an activity gets
:mod:`~bot.targets.naming.measure_words`', what a sentence or clause opens with
:mod:`~bot.targets.naming.openings`'.
"""

from __future__ import annotations

import re

from bot.targets.lexicon import (
    ATTRIBUTES,
    GENERIC_NAMES,
    LEVEL_LEAD_RE,
    LEVEL_ONLY_RE,
    SCOPE_RE,
    VERB_NORMAL,
    VERB_RE,
)
from bot.targets.naming.clauses import (
    _SAYS_A_MEASURE_RE,
    _after_noun,
    _after_noun_start,
    _attribute,
    _find_change,
    clause_end,
)
from bot.targets.naming.clean import _QUOTE_TABLE, clean_name, strip_noise
from bot.targets.naming.forms_phrases import _BENEFIT_RE
from bot.targets.naming.resolve import (
    _after_alias,
    _aliases,
    _best_before,
    _enlisted,
    _resolve,
    _without_attribute,
    doing_sector,
    lookup,
)
from bot.targets.naming.words import (
    ACTED_ON_NOUNS,
    ADDED_VERB_RE,
    _is_name,
    _noun_end,
)
from bot.targets.naming.zones import ZONE_MEASURES, zone_opening

_PHYSICAL = frozenset({"weight", "power", "volume", "length", "area"})
_COUNTISH = frozenset({"count"}) | _PHYSICAL
_OF_COUNT_RE = re.compile(
    r"[^，。；]*?的(?P<quoted>“[^”]{0,12}”)?(?P<count>(?:\d+|[xX*]+)(?:万)?(?:个|家|项|所|处|座|条|套))?"
    r"(?P<noun>[^，。；、的“”]+)"
)
# a count of policy items right before what they are (十条政策, 30条政策措施, 100项提升举措)
_PACKAGE_AFTER_RE = re.compile(r"[^，。；、“”\d]{0,4}?(?:政策措施|政策|措施|举措)(?:[，。；、]|$)")
# 投资5100万元的伊敏河景观带改造工程投入使用: the project is named up to its head noun
_PROJECT_RE = re.compile(r"[^，。；“”]{2,30}?(?:工程|项目)(?![\u4e00-\u9fff]{0,2}(?:工程|项目))")
_SHARE_RE = re.compile(r"^占")
# A share of a measure with no owner (个数占比, 投资占比): the owner is the subject before.
_BARE_SHARE_RE = re.compile(
    r"(?:个数|数量|金额|规模|投资|总投资|产值|收入|面积)?(?:占比|比重|所占比重|占比重)"
)
_VERB_AFTER_NOUN_RE = re.compile(
    r"(?:全部|均|已|都|成功|相继|先后|陆续|顺利|全面)?(" + VERB_RE.pattern + ")"
)
# A clause that is only a building verb, after a clause naming the programme.
_BUILD_ONLY_RE = re.compile(r"(?:新（改）建|新改建|新建|改建|扩建|改扩建|建成|改造|提升改造|硬化)")
_PROGRAMME_LEAD_RE = re.compile(r"(?:实施|推进|开展|启动|深化|加快)")
_SECTOR_MEASURES = frozenset({"增加值", "产值", "总产值", "营业收入", "营收", "投资", "规模"})
# 48小时内放行, 3个工作日内办结: a service time limit and what is done within it
_TIME_UNITS = frozenset({"小时", "天", "日", "个工作日", "工作日", "分钟", "周", "个月"})
# 投资650万元建成6座…, 投资5.1亿元,建成西出口等31条公路: what the money built, counted after it
_BUILT_AFTER_RE = re.compile(
    r"[，,]?\s*(?:用于)?(?P<verb>建成|新建|新改建|改扩建|改造|实施|完成|建设)[^，。；\d]{0,16}?"
    r"\d+(?:\.\d+)?(?:条|个|座|所|公里|项|处|家|套|户)"
)
# a list of things and the kind they all are, before one figure for them all
# (not 等领域, 等方面: the list is then where, not what)
_LISTED_KIND_RE = re.compile(
    r"(?:^|、)[^、等]{2,12}(?<![甲乙丙同平中高初上优均对相])等"
    r"(?P<kind>(?!领域|方面|环节|地区|行业|级)[\u4e00-\u9fff]{2,8})$"
)


# What counted things have (their funds, staff, losses): after a count, the count's
_OWN_ATTRIBUTES = frozenset(
    {"资金", "立项资金", "争取资金", "实有人数", "直接财产损失", "直接经济损失", "从业人员",
     "投资", "总投资", "完成投资", "营业收入", "主营业务收入", "产值", "面积"}
)  # fmt: skip


# What a firm pays is its attribute as what it earns is: 规模以上工业企业实现营业收入…；
# 实现利润总额…；上缴税金… (the entity carries over ； to the tax it paid as to its profit)
_PAID_ATTRIBUTES = frozenset({"上缴税金", "实缴税金", "税金", "上缴税收"})


# Measures said bare after a figure of their owner's (新能源投资…、装机规模…).
# (and a thing's output after its capacity, its people after its built-up area: 新能源汽车
# 产能…，产量…; 中心城区建成区面积…，人口…; a crop's yield per mu after its output,
# 粮食产量…、亩产…; what a unit of output uses after its energy, 单位…能耗…，水耗…)
_PER_UNIT_MEASURES = frozenset({"能耗", "水耗", "电耗", "煤耗"})
_OWNED_MEASURES = frozenset({"装机规模", "装机容量", "利用率", "产量", "人口", "亩产"})
_OWNED_MEASURES |= _PER_UNIT_MEASURES
# (a crop's or a farmed kind's output value after its area or output: 脐橙种植面积…，综合产值…;
# 牡蛎养殖面积…，产量…，全产业链产值…)
_OWNED_MEASURES |= {"综合产值", "全产业链产值"}
_OWNER_ATTRIBUTES = tuple(
    sorted(
        {*ATTRIBUTES, *_OWNED_MEASURES, "总产量", "产量", "产能"}
        | {"建成区面积", "播种面积", "种植面积"},
        key=len,
        reverse=True,
    )
)
# A share of money said by what it is spent on (74%以上用于民生).
_USED_FOR_RE = re.compile(r"(?:的)?(?:资金)?用于(?P<what>[\u4e00-\u9fff]{2,6})(?=[，。；、]|$)")
# … and by the money it is a share of, named after the figure (70%财政支出用于民生事业)
_WHOLE_USED_FOR_RE = re.compile(
    r"(?:的)?(?P<whole>财政支出|财政资金|财力|一般公共预算支出|支出)用于"
    r"(?P<what>[\u4e00-\u9fff]{2,6}?)(?:事业|领域|方面)?(?=[，。；、]|$)"
)
# A rate or level that says what was done but not to what (办结率, 办复率, 机械化水平).
_BARE_RATE_RE = re.compile(r"[\u4e00-\u9fff]{1,3}(?:率|水平)")
_OF_WHOLE_RE = re.compile(
    r"^(?P<part>[^，。；、]{2,20}?)(?:达到|达|占|相当于|不低于|不少于|不高于|不超过|不大于|不小于)"
    r"(?P<whole>[^，。；、的]{2,16})的$"
)  # (配建的公共服务设施面积不低于总建筑面积的10%: a floor on a share of the whole)
# projects or firms named by the state they are in (开工项目, 在建项目, 签约企业): the verb
# is part of the name, not the figure's
_THINGS_IN_A_STATE_RE = re.compile(
    r"(?:累计|共|全年|年内)?(?P<name>新?(?:开工|竣工|在建|投产|签约|落地|入库|续建)(?:项目|企业))"
    r"(?:超过|超|近|约|达到|达|共|逾)?"
)
# the work money was put into, said right after it (投资3亿元实施了…管网改造, 完成了17条道路的
# 改扩建), and the counts and links inside it that are no part of its name
_WORK_AFTER_RE = re.compile(
    r"[，,]?\s*(?:实施|完成)了?(?P<what>[^，。；,;：:]{2,24}?"
    r"(?:改造|改扩建|建设|整治|治理|修缮|修复))(?=[，。；,;]|$)"
)
_COUNTED_IN_WORK_RE = re.compile(r"\d+(?:\.\d+)?[万亿]?(?:条|座|栋|所|个|处|户|公里|平方米)|等|的")
_INVESTMENT_ONLY_RE = re.compile(r"(?:累计|共|全年|年内)?(?:完成|实现)?(?:总)?投资")
_PROJECT_TAIL_RE = re.compile(r"(?:建设|工作|工程建设)$")
_GROWTH_SPREAD_RE = re.compile(r"增长面(达到|达|为)?[，,]?$")


_WHOLE_SHARE_RE = re.compile(r"占[^，。；]{2,20}(?:比重|比例|份额)$")


class _NumberForm:
    """The plain number form.

    A mixin of :class:`~bot.targets.naming.sentence._SentenceNamer`: the methods use the
    namer's state (``self.s``, ``self.figs``, ``self.table``, ``self.context``,
    ``self.out``, ``self.last_subject`` …) and its helpers (``before``, ``after``,
    ``change_for``, ``emit``, ``_after_name``, ``sector_opening`` …), defined in its
    other mixins.
    """

    def number(self, i: int) -> None:
        fig = self.figs[i]
        raw, _ = self.before(i)
        after = self.after(i)
        change = self.change_for(i, raw, after)
        if self.each(fig, raw, change):
            return
        if (
            self.per_hundred_yuan(fig, raw, change)
            or self.part_that_is(fig, raw, after, change)
            or self.facility_scale(fig, after, change)
        ):
            return
        if (fig.unit == "条" and self.s[fig.start - 1 : fig.start] == "“") or (
            fig.unit in ("条", "项")
            and _PACKAGE_AFTER_RE.match(after)
            and self.covering_alias(fig) is None  # 百项创新举措 is a known name
        ):
            # 出台“15条”政策; 落实鼓励数据产业发展十条政策, 实施…100项提升举措
            self.policy_package(fig, raw, after, change)
            return
        covering = self.covering_alias(fig)
        if covering is not None:
            self.emit(fig, covering.canonical, change, max(fig.end, covering.end), subject=False)
            return
        cleaned = clean_name(raw)
        in_state = _THINGS_IN_A_STATE_RE.fullmatch(strip_noise(raw).strip("，、 "))
        if in_state and fig.unit_class == "count" and not _after_noun_start(after):
            # 开工项目超300个: the projects started, a name (the verb is not the figure's)
            self.emit(fig, in_state["name"], "")
            return
        attr = _attribute(raw)
        # 总投资2000亿元的101个海洋重点项目 -> 海洋重点项目总投资
        if attr and fig.unit_class in ("money", "area") and not _best_before(self.table, raw, fig):
            m = _OF_COUNT_RE.match(self.s, fig.end)
            if m:
                project = _PROJECT_RE.match(m.group("noun"))
                noun = clean_name(project.group() if project else _after_noun(m.group("noun"))[0])
                if m["quoted"] and not m["count"] and len(noun) <= 2:
                    # 投资4.2亿元的“十个全覆盖”工程: the quoted name is the project's, its
                    # head alone (工程) names none
                    noun = clean_name(m["quoted"] + noun)
                if _is_name(noun):
                    base = self.table.canonical(noun) or noun
                    for cand in (noun + attr, base + attr):
                        canonical = self.table.canonical(cand)
                        if canonical:
                            self.emit(fig, canonical, change, subject=False)
                            return
                    # 投资4500万元的伊敏河沿河道路工程: the project's investment, count or not
                    self.emit(fig, base + attr, change, subject=False)
                    return
        of_whole = _OF_WHOLE_RE.match(strip_noise(raw).strip("，、 "))
        if of_whole and fig.unit == "%":
            # 高标准农田达到耕地总面积的64%: a share of a named whole, not the whole
            part, whole = clean_name(of_whole.group("part")), clean_name(of_whole.group("whole"))
            if _is_name(part) and _is_name(whole):
                share = part + "占" + whole + "比重"
                scope = SCOPE_RE.match(of_whole.group("whole"))
                if scope and not lookup(self.table, share, fig):
                    # 楼宇经济税收占全区税收的48%: the whole's scope says which whole (its
                    # bare 税收 would read as the part's own)
                    share = part + "占" + scope.group() + whole + "比重"
                self.emit(fig, lookup(self.table, share, fig) or share, change)
                return
        used = _USED_FOR_RE.match(after) if fig.unit == "%" else None
        if used and not _is_name(cleaned) and self.last_subject:
            # 一般公共预算支出3.4万亿元，74%以上用于民生: the share spent on 民生
            whole = self.last_subject
            kind = "支出" if whole.endswith("支出") else "资金"
            self.emit(fig, used["what"] + kind + "占" + whole + "比重", "", subject=False)
            return
        spent = _WHOLE_USED_FOR_RE.match(after) if fig.unit == "%" else None
        if spent and not _is_name(cleaned):
            # 每年70%左右财政支出用于民生事业, 75%以上的财力用于民生: the share spent on it
            self.emit(fig, spent["what"] + "支出占" + spent["whole"] + "比重", "", subject=False)
            return
        if fig.unit == "%" and not _is_name(cleaned) and self.share_of_what_follows(fig, after):
            return
        if fig.unit == "%" and self.share_meeting_a_standard(fig, cleaned, after, change):
            return
        if fig.unit in _TIME_UNITS and self.time_limit(fig, raw, after):
            return
        if _BENEFIT_RE.search(strip_noise(raw)) and self.people_benefiting(fig, raw, after):
            return
        spread = _GROWTH_SPREAD_RE.search(strip_noise(raw))
        if fig.unit == "%" and spread and self.last_subject:
            # 有18个行业同比增长，增长面56.3%: the share of items that grew, not a growth
            self.emit(fig, self.last_subject + "增长面", spread.group(1) or "", subject=False)
            return
        after_noun = _after_noun_start(after) or (
            # 23万平方米的建材城: a size's 的 opens the thing it measures
            fig.unit_class in _PHYSICAL
            and after.startswith("的")
            and _after_noun_start(after[1:])
            and _is_name(head := clean_name(_after_noun(after)[0]))
            and head[-1] not in "上中里内下"  # 九百六十多万平方公里的广袤土地上: a place
        )
        share_text = strip_noise(raw).strip("，、 ")
        share = share_text.startswith("占") or bool(_SHARE_RE.match(cleaned))
        whole_share = _WHOLE_SHARE_RE.search(cleaned)
        if whole_share and not share and cleaned.index("占") >= 2:
            # 数字经济核心产业增加值占国内生产总值比重: the share, not its denominator
            self.emit(
                fig, lookup(self.table, cleaned, fig) or cleaned, self.change_for(i, raw, after)
            )
            return
        # 占规模以上工业增加值的比重为16.8%: the denominator is not the name
        before_alias = None if share else _best_before(self.table, raw, fig)
        countish = fig.unit_class in _COUNTISH
        name: str | None = None
        consumed = fig.end
        if countish and after_noun and self.count_of_a_kind(fig, after):
            return
        if countish and strip_noise(raw).rstrip("，、 ").endswith("等"):
            # 黄百等4个在建铁路项目: the examples are no name, the kind after them is
            noun, n = _after_noun(after)
            kind = clean_name(noun)
            if (
                _is_name(kind)
                and kind not in GENERIC_NAMES
                and len(kind) <= 10
                and _noun_end(kind) >= len(kind)
            ):
                tail = self.s[fig.end + n : clause_end(self.s, fig.end + n)]
                vm = _VERB_AFTER_NOUN_RE.match(tail)  # …等9个重大水利工程建成: the verb
                verb = VERB_NORMAL.get(vm.group(1), vm.group(1)) if vm else change
                kind = self._narrowed(fig, kind, fig.end + n)
                self.emit(fig, kind, verb, fig.end + n, subject=False)
                return
            enlisted = _enlisted(self.table, kind, self.s[fig.end + n :])
            if kind in GENERIC_NAMES and enlisted:
                # 江州港等4个单位荣获“中国节水奖”: the kind, named by what it won
                self.emit(fig, enlisted, change, fig.end + n, subject=False)
                return
        places = self.places_doing(fig) if countish else None
        if places:
            name, consumed = places
        elif countish and after_noun:
            name, consumed = self._after_name(fig, after, change, before_alias, cleaned)
        if name is None and before_alias:
            name = before_alias
        if name is None and self.last_subject and LEVEL_ONLY_RE.fullmatch(cleaned):
            # 建成省级以上创新平台15个，其中国家级3个 -> 国家级创新平台
            core = LEVEL_LEAD_RE.sub("", self.last_subject)
            name = lookup(self.table, cleaned + core, fig) or cleaned + core
        if cleaned.startswith("到") and cleaned[1:] in _OWN_ATTRIBUTES:
            cleaned = cleaned[1:]  # 争取到资金: the 到 is the verb's
        bare = not _is_name(cleaned) or cleaned in ATTRIBUTES or share
        owned_share = bool(_BARE_SHARE_RE.fullmatch(cleaned) and self.last_subject)
        if owned_share:
            bare = True  # 现代产业类项目250个，个数占比28.3%: the projects' share, not a name
        if cleaned in _OWN_ATTRIBUTES and (
            (self.last_subject and self.last_count_subject())
            or (self.last_subject is None and self.context.counted)
        ):
            bare = True  # 州级科技计划项目49项，立项资金260万元: the projects' funds
        listed = _LISTED_KIND_RE.search(cleaned) if name is None else None
        if listed and fig.unit_class in ("count", "money") and _is_name(listed["kind"]):
            # 国家级重点实验室、产业技术研究院等创新平台5个: one count of that kind
            name = lookup(self.table, listed["kind"], fig) or listed["kind"]
        owner = self.out[-1].indicator if self.out else ""
        entity = _without_attribute(owner, _OWNER_ATTRIBUTES)
        # 跨上120万吨台阶、亩产提高…: the words before 、 end the figure before (its
        # level's metaphor), the measure after it is this figure's
        measure = cleaned.rsplit("、", 1)[-1]
        if (
            name is None
            and measure in _OWNED_MEASURES
            and entity != owner
            and _is_name(entity)
            and (
                not _SAYS_A_MEASURE_RE.search(entity)
                # 单位地区生产总值能耗…，水耗…: per unit of output, whose measures these are
                or (entity.startswith("单位") and measure in _PER_UNIT_MEASURES)
            )
        ):
            # 新能源投资增长70%、装机规模增长38%，利用率达94.5%: 新能源's measures
            name = lookup(self.table, entity + measure, fig) or entity + measure
        if (
            name is None
            and _BARE_RATE_RE.fullmatch(cleaned)
            and cleaned not in self.table
            and self.last_subject
            and self.last_count_subject()
        ):
            # 办理政协委员提案118件，办复率达100%: the rate of what was just counted
            name = self._carry(fig, "率", cleaned, cleaned)
        if name is None and not bare and _is_name(cleaned):
            name = _resolve(self.table, raw, fig, change)
            if name is not None and name not in self.table:
                name = self.antecedent(name, fig.start) or name
        if name is None and (countish or (after_noun and fig.unit_class == "percent")):
            # 50%以上政务服务事项实现“减证办”: the share is named after the figure
            first, last = _after_alias(self.table, after, fig)
            name = first or last
        if name is None and self.last_subject and share:
            name = self._share(fig, self.last_subject, share_text)
        added = ADDED_VERB_RE.search(strip_noise(raw).removesuffix(cleaned))
        if name is None and added and cleaned in ACTED_ON_NOUNS and fig.unit_class == "count":
            # 完成税收收入19.5亿元，新引进企业200家: the firms brought in, never 税收企业 (the
            # figure before's subject is not theirs)
            name = added.group() + cleaned
        if name is None and self.last_subject and bare:
            name = self._carry(fig, cleaned, attr or cleaned, strip_noise(raw).strip("，、 "))
        entity = self.context.entity
        if self.context.entity_unit != fig.unit_class:
            entity = ""  # 人均道路面积18.99平方米；五年累计投资5.1亿元: not the area's entity
        counted = self.context.counted
        ahead = self.s[fig.end : fig.end + 40]
        built = _BUILT_AFTER_RE.match(ahead) if fig.unit_class == "money" else None
        if built:
            counted = ""  # 累计投资5.1亿元,建成…31条公路: the things it built come next
        work = _WORK_AFTER_RE.match(self.s, fig.end) if fig.unit_class == "money" else None
        if work:
            counted = ""  # 投资1884万元完成了30栋老旧楼房维修改造: the work comes next
        if name is None and self.last_subject is None and cleaned in _OWN_ATTRIBUTES and counted:
            # 实施科技计划项目88项…；争取到资金5737万元: the funds of the projects counted
            name = counted + cleaned
        # (上缴税金 is a name of its own, taken as written above: the entity's tax all the same)
        paid = name == cleaned and cleaned in _PAID_ATTRIBUTES
        if (
            ((name is None and cleaned in ATTRIBUTES) or paid)
            and self.last_subject is None
            and entity
        ):
            # 规模以上工业企业实现营业收入…；实现利润总额512.3亿元: the entity carries over ；
            name = self.table.canonical(entity + cleaned) or entity + cleaned
        if (
            name in (None, cleaned)
            and cleaned in _SECTOR_MEASURES
            and i == 0
            and (sector := self.sector_opening)
        ):
            # 服务业支撑作用更加明显，增加值跨上3万亿元台阶: the sector's 增加值
            name = self.table.canonical(sector + cleaned) or sector + cleaned
        if (
            name in (None, cleaned)
            and cleaned in _SECTOR_MEASURES
            and (sector := doing_sector(raw, cleaned))
        ):
            # 全市工业完成增加值800亿元: the sector that did it owns the bare measure
            name = self.table.canonical(sector + cleaned) or sector + cleaned
        if name in (None, cleaned) and cleaned in ZONE_MEASURES and (zone := zone_opening(self.s)):
            # 科技创新策源区以…为主体，…，面积约8.5平方公里: the zone's area
            name = zone + cleaned
        if name is None and after_noun:
            noun, n = _after_noun(after)
            noun_name = clean_name(noun)
            if _is_name(noun_name):
                name, consumed = noun_name, fig.end + n
        if name is None and not cleaned and self.last_subject is None and i == 0:
            # 地区生产总值跨越5000亿元大关，年均增长5.7%: the subject of the clauses before
            prev = self._clause_before(fig)
            lead = _aliases(self.table, prev, fig)[:1]
            if lead and not clean_name(prev[: lead[0].start]):
                name = lead[0].canonical
            elif (
                lead
                and fig.unit_class in ("length", "area", "count")
                and _BUILD_ONLY_RE.fullmatch(strip_noise(raw).strip("，、 "))
                and _PROGRAMME_LEAD_RE.match(prev)
            ):
                # 实施新一轮农村公路提升行动，新（改）建6000公里: what the programme builds
                self.emit(fig, lead[0].canonical, change, confidence=0.75)
                return
            elif not lead and fig.unit_class in ("money", "percent"):
                # 电子商务交易额保持快速增长，由2012年的8万亿元增长至…: the measure the
                # clause before opens with, though no table knows it
                subject = self._measure_opening(prev)
                if subject:
                    self.emit(fig, subject, change, confidence=0.75)
                    return
        if (
            name is None
            and i == 0
            and self.last_subject is None
            and fig.unit_class == "money"
            and _INVESTMENT_ONLY_RE.fullmatch(strip_noise(raw).strip("，、 "))
        ):
            # 哈克镇生态奶源基地建设初具规模，完成投资3340万元: the project of the clause
            # before is what was invested in
            prev = self._clause_before(fig)
            k = _noun_end(prev)  # 东山组团城市框架|初步形成
            project = _PROJECT_TAIL_RE.sub("", clean_name(prev[:k]))
            if _is_name(project) and k < len(prev) and len(project) <= 14:
                self.emit(fig, project + "投资", change, subject=False, confidence=0.75)
                return
        if name is None and work and cleaned in ("投资", "资金", "投入"):
            # 投资1.29亿元完成了17条道路的改扩建: the money of the work done with it
            thing = _COUNTED_IN_WORK_RE.sub("", work["what"]).translate(_QUOTE_TABLE)
            if _is_name(thing) and len(thing) <= 16:
                self.emit(fig, thing + cleaned, change, subject=False, confidence=0.75)
                return
        if name is None and built and cleaned in _OWN_ATTRIBUTES:
            # 累计投资5.1亿元,建成西出口等31条公路: the money of what it built, named next
            thing = clean_name(_after_noun(ahead[built.end() :])[0])
            if _is_name(thing):
                if cleaned == "投资" and built["verb"] in ("建成", "新建", "建设"):
                    cleaned = "建设投资"  # the money that built the roads: 公路建设投资
                self.emit(fig, thing + cleaned, change, subject=False, confidence=0.75)
                return
        if name is None:
            return
        if (
            name.endswith("指标")
            and consumed > fig.end
            and _is_name(cleaned)
            and strip_noise(raw).rstrip("，、 ").endswith(cleaned)
        ):
            # 生态环境9项约束性指标: the indicators of the topic written before their count
            name = cleaned + name
        agreeing = self.classifier_noun(fig, name, after)
        if agreeing:
            name, consumed = agreeing
        if consumed > fig.end or not change:
            # 100条市级生态河道建设, 34项重点民生实事全部完成: the verb after the noun
            tail = self.s[consumed : clause_end(self.s, consumed)]
            vm = _VERB_AFTER_NOUN_RE.match(tail)
            if vm:
                change = VERB_NORMAL.get(vm.group(1), vm.group(1))
            elif not change and not tail.startswith(("、", "和", "及", "，", ",")):
                # …5.66万亿元、比上年增加1.6万亿元: that 增加 is the next figure's verb
                change = _find_change(tail[:12])
        if name.endswith("贡献率") and strip_noise(raw).lstrip("，、 ").startswith("对"):
            name = self.contributor(name)
        if fig.unit_class == "count" and name not in self.table:
            name = self._narrowed(fig, name, consumed)
        # the projects' 个数占比 leaves the projects the subject of their 总投资 after it
        self.emit(fig, name, change, consumed, subject=not owned_share)
