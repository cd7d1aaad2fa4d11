"""Figures paired with listed subjects: ``A、B分别增长x、y``, ``A、B均增长8%``, the
gaps said after such a list, a bulletin's categories (:class:`_ListForms`, a mixin of
the sentence namer).
"""

from __future__ import annotations

import re

from bot.targets.lexicon import GENERIC_NAMES
from bot.targets.naming.clauses import (
    _BARE_MEASURE_RE,
    _EACH_RE,
    _SAYS_A_MEASURE_RE,
    _URBAN_RURAL,
    _attribute,
    _find_change,
    _split_items,
)
from bot.targets.naming.clean import _PAREN_RE, clean_name, strip_noise
from bot.targets.naming.confidence import _PERCENT_NAME_END_RE
from bot.targets.naming.list_leads import ALL_KINDS, shared_lead
from bot.targets.naming.resolve import _aliases, _resolve, lookup
from bot.targets.naming.words import _CJK_RE, _is_name, _is_verb
from bot.targets.numbers import Figure

# a list of parts after the whole's figure: ，其中公路、水路分别完成…
_AMONG_LEAD_RE = re.compile(r"^[，,；;\s]*其中[，,：:]?")

# a bulletin's categories of sales and prices: items that end in 类, the last one maybe
# with the measure of all (烟酒类、粮油食品类零售额)
_CATEGORY_SEP_RE = re.compile(r"(?<=类)[、和及与]")
_CATEGORY_MEASURE_RE = re.compile(r"(?:零售额|销售额|居民消费价格|价格)$")
_CATEGORY_TOPIC_RE = re.compile(r"零售|销售")
_CATEGORY_SCOPE_RE = re.compile(r"^(?:限额以上(?:单位|企业)?|规模以上(?:企业)?|限上)")
# 高于规模以上工业增加值增速16.4个…: a gap to a base, said after the list it belongs to
_GAP_LEAD_RE = re.compile(r"^(?:分别|均)?(高于|低于|快于|慢于)[^，。；、]{2,24}$")
_TOTAL_RE = re.compile(r"合计|共计|总计|加总")
# 人民币存款、贷款余额连跨4个万亿元台阶、双双突破9万亿元: the steps are no subject
_RHETORIC_TAIL_RE = re.compile(r"(?:连跨|跨上|跨过|迈上)[^，。；]*?(?:台阶|大关)[、，]?$")
_THREE_SECTORS_RE = re.compile(
    r"^(?:三次产业|一二三产业?|一、二、三产业?|第一、二、三产业|一产、二产、三产)"
)  # at the start of a subject; .search finds it inside a clause
# 第二、三产业, 一、二产业: sectors listed by their ordinals, 产业 said once
_SECTOR_ORDINALS_RE = re.compile(r"^第?([一二三])[、和]第?([一二三])(?:[、和]第?([一二三]))?产业")
_BARE_MEASURE_END_RE = re.compile("(?:" + _BARE_MEASURE_RE.pattern + ")$")


_SHARE_VERB_RE = re.compile(r"^(?:占比|所占比重|占比重)")


# settings a list may name alone, of the subject said before it
_SETTINGS = frozenset({"城镇", "农村", "城市", "乡村"})
_SETTING_OF_RE = re.compile(r"^(?:城乡|城镇|农村|城市|乡村)")


# Verbs by which an owner comes to have more of a thing (培育龙头企业, 新增产业园)
_OWNER_VERB_RE = re.compile(r"培育|新增|新建|建成|建设|引进|打造|创建|争创|认定|布局|新认定|新培育")
# An owner that is a place (a district, a county, a town, a zone): a region, not a name
_PLACE_OWNER_RE = re.compile(r"(?:省|市|区|县|旗|州|盟|镇|乡|街道|村|社区)$")
# The head a list of owners says once, after its last item
_OWNER_COUNT_RE = re.compile(
    r"[两二三四五六七八九十\d]{1,2}[个家所条类大](?=(?:产业集群|集群|产业链|产业园|园区|基地|行业|产业|企业|高校|医院|学校)$)"
)
_OWNER_HEAD_RE = re.compile(
    r"(?:产业集群|集群|产业链|产业园|园区|基地|行业|产业|企业|高校|医院|学校)$"
)


class _ListForms:
    """Forms of a list of subjects: 分别, 均, gaps after a list, categories.

    A mixin of :class:`~bot.targets.naming.sentence._SentenceNamer`: the methods use the
    namer's state (``self.s``, ``self.figs``, ``self.table``, ``self.context``,
    ``self.out``, ``self.last_subject`` …) and its helpers (``before``, ``after``,
    ``change_for``, ``emit`` …), defined there.
    """

    def gaps_of_list(self, i: int) -> bool:
        """``A、B分别增长21.4%、6.3%，高于C增速16.4个、1.3个百分点``: the gaps belong to the
        items listed before (A, B), not to the base they are compared with (C)."""
        fig = self.figs[i]
        if fig.unit_class != "points" or len(self.list_subjects) < 2:
            return False
        # not strip_noise: it drops 高于…增速 as a comparison base, the very words looked for
        m = _GAP_LEAD_RE.match(_PAREN_RE.sub("", self.before(i)[0]).strip("，、 "))
        if not m:
            return False
        run = [i]
        while len(run) < len(self.list_subjects) and run[-1] + 1 < len(self.figs):
            nxt = self.figs[run[-1] + 1]
            gap = self.s[self.figs[run[-1]].end : nxt.start].strip()
            if gap not in ("、", "和", "及") or nxt.unit_class != "points":
                break
            run.append(run[-1] + 1)
        if len(run) != len(self.list_subjects):
            return False
        for k, subject in zip(run, self.list_subjects, strict=True):
            self.handled.add(k)
            self.emit(self.figs[k], subject, m.group(1))
        return True

    def respectively(self, i: int) -> None:
        """``A、B分别V x、y``: pair the listed subjects with the listed figures."""
        raw, _lo = self.before(i)
        head, _, verb_part = raw.partition("分别")
        run = [i]
        j = i
        while j + 1 < len(self.figs):
            gap = self.s[self.figs[j].end : self.figs[j + 1].start]
            # 分别提高到每亩530公斤、每亩480公斤: each figure said per unit, as the first
            if re.fullmatch(r"[、和及与](?:每[\u4e00-\u9fff]{1,2})?", gap) and (
                self.figs[j + 1].form == "number"
            ):
                run.append(j + 1)
                j += 1
            else:
                break
        figs = [self.figs[k] for k in run]
        change = _find_change(verb_part) or _find_change(head)
        if head.endswith(("年均", "平均")) and change and not change.startswith("年均"):
            change = head[-2:] + change  # 城乡居民人均可支配收入年均分别增长
        head = re.sub(r"[由从][^，。；]*$", "", head)
        subject = clean_name(head)
        sectors_head = _THREE_SECTORS_RE.search(strip_noise(head))
        if sectors_head and len(figs) == 3 and not _THREE_SECTORS_RE.match(subject):
            # 三次产业对经济增长的贡献率: the 的 must not cut the sectors off
            subject = strip_noise(head)[sectors_head.start() :].strip("，、 ")
        subjects: list[str] = []
        if len(subject) >= 2 and subject not in GENERIC_NAMES and _CJK_RE.search(subject):
            sectors = _THREE_SECTORS_RE.match(subject)
            if sectors and len(figs) == 3:
                # 三次产业对经济增长的贡献率分别为…, 第一、二、三产业…: one per sector
                rest = subject[sectors.end() :]
                items = [f"第{n}产业{rest}" for n in "一二三"]
            elif (ordinals := _SECTOR_ORDINALS_RE.match(subject)) and len(figs) == len(
                [n for n in ordinals.groups() if n]
            ):
                # 第二、三产业增加值分别增长…: one per sector named
                rest = subject[ordinals.end() :]
                items = [f"第{n}产业{rest}" for n in ordinals.groups() if n]
            else:
                items = self._categories(subject, len(figs)) or _split_items(subject, len(figs))
                if len(items) != len(figs):
                    items = self._listed_items(head, len(figs)) or items
                items = shared_lead(strip_noise(head), subject, items)
                if (
                    strip_noise(head).lstrip("，、 ").startswith("对")
                    and len(items) > 1
                    and not items[0].startswith("对")
                ):
                    items = ["对" + p for p in items]  # 对东盟、欧盟进出口总额: partners
            if len(items) == 1 and items[0].startswith(_URBAN_RURAL) and len(figs) == 2:
                rest = items[0][2:]
                items = ["城镇" + rest, "农村" + rest]
            subjects = items
        if (
            len(subjects) == 1
            and len(self.list_subjects) == len(figs)
            and _BARE_MEASURE_RE.fullmatch(subjects[0])
        ):
            # …起数分别下降…，死亡人数分别下降…: the measure of each item listed before
            subjects = [_BARE_MEASURE_END_RE.sub("", p) + subjects[0] for p in self.list_subjects]
        elif subjects:
            pass
        elif len(self.list_subjects) == len(figs) and not clean_name(verb_part):
            # …分别达到45210元和23680元，分别增长4.9%和7.2%: the same list again
            subjects = list(self.list_subjects)
        else:
            previous = self.count_subjects[-len(figs) :]
            if len(previous) == len(figs):
                attr = _attribute(verb_part) or clean_name(verb_part)
                if verb_part.endswith("完成投资"):
                    attr = "完成投资"
                subjects = [p + attr for p in previous]
        if (
            len(subjects) >= 2
            and all(p in _SETTINGS for p in subjects)
            and self.last_subject
            and _is_name(owner := _SETTING_OF_RE.sub("", self.last_subject))
        ):
            # 居民人均可支配收入3.2万元，城镇、农村分别增长5%和6%: the settings of the
            # subject just given (城镇居民人均可支配收入), not places of their own
            subjects = [p + owner for p in subjects]
        if len(subjects) != len(figs):
            for k in run:
                self.handled.add(k)
                self.number(k)
            return
        subjects = self._owners_things(subjects, verb_part, change, figs)
        share = _SHARE_VERB_RE.match(verb_part)
        if share and all(fig.unit == "%" for fig in figs):
            # 货物贸易、对外投资和实际利用外资分别占比达30%、20%和10%: each item's share
            subjects = [p if _PERCENT_NAME_END_RE.search(p) else p + "占比" for p in subjects]
        benefit = bool(re.search(r"惠及$", strip_noise(verb_part))) and all(
            f.unit.endswith(("人", "人次")) for f in figs
        )
        if benefit:
            # 文化惠民工程、全民健身工程分别惠及3500万、2300万人次: whom each one reached
            subjects = [
                p + "惠及" + ("人次" if f.unit.endswith("人次") else "人数")
                for p, f in zip(subjects, figs, strict=True)
            ]
        subjects = self._parts_of_the_whole(head, verb_part, figs, subjects)
        self.list_subjects = list(subjects)
        qualifiers = [f.qualifier for f in figs]
        if figs[-1].qualifier in ("以上", "左右", "以内") and not any(qualifiers[:-1]):
            qualifiers = [figs[-1].qualifier] * len(figs)
        for k, fig, subj, q in zip(run, figs, subjects, qualifiers, strict=True):
            self.handled.add(k)
            # a composed item names its own thing (第一产业对经济增长的贡献率), not the
            # known name at its end (贡献率)
            name = (
                lookup(self.table, subj, fig, change)
                or self._with_lead_verb(subj, fig)
                or (subj if _is_name(subj) and "的" in subj else None)
            )
            if subj.startswith(ALL_KINDS):
                name = subj  # 各类事故起数 beside 较大事故起数: cleaning would drop the 各类
            name = name or _resolve(self.table, subj, fig, change) or subj
            self.emit(fig, name, change, qualifier=q)

    def _parts_of_the_whole(
        self, head: str, verb_part: str, figs: list[Figure], items: list[str]
    ) -> list[str]:
        """``交通运输完成固定资产投资3.8万亿元，其中公路、水路分别完成…``: parts listed after
        ``其中`` with the whole's verb alone are parts of the whole's measure (公路固定资产
        投资), when the whole's name ends with a statistic the table knows and no item is
        one itself."""
        whole = self.out[-1] if self.out else None
        if (
            whole is None
            or not _AMONG_LEAD_RE.match(strip_noise(head))
            or clean_name(verb_part)
            or any(f.unit_class != whole.figure.unit_class for f in figs)
            or not all(_is_name(p) and len(p) <= 6 for p in items)
        ):
            return items
        known = _aliases(self.table, whole.indicator, whole.figure)
        if not known or known[-1].end != len(whole.indicator):
            return items
        measure = known[-1].canonical
        if any(lookup(self.table, p, f) or measure in p for p, f in zip(items, figs, strict=True)):
            return items  # 其中出口、进口分别…: the parts are known statistics of their own
        return [p + measure for p in items]

    def _with_lead_verb(self, item: str, fig: Figure) -> str | None:
        """The known name of ``item`` with the verb written right before it, when the
        list's reading left the verb out: ``接待游客、实现旅游收入分别增长…`` -> 接待游客 is
        旅游接待人数 (a rate of people received, never of the people, 游客)."""
        for m in re.finditer(re.escape(item), self.s):
            verb = self.s[m.start() - 2 : m.start()]
            if len(verb) == 2 and _is_verb(verb):
                known = lookup(self.table, verb + item, fig)
                if known:
                    return known
        return None

    def _categories(self, subject: str, n: int) -> list[str] | None:
        """``限额以上单位家用电器和音像器材类、体育娱乐用品类和书报杂志类分别增长…``: the
        ``n`` categories of a bulletin's sales, each with the statistical scope of the first
        and the measure written once at the end or, if not there, by the sentence before
        (…消费品零售额 332.58亿元): 限额以上单位体育娱乐用品类零售额."""
        items = _CATEGORY_SEP_RE.split(subject)
        if len(items) != n or n < 2 or not all(p.endswith("类") for p in items[:-1]):
            return None
        measure = ""
        last = re.search(r"类(.+)$", items[-1])
        if last:
            measure, items[-1] = last.group(1), items[-1][: last.start(1)]
        else:
            m = _CATEGORY_MEASURE_RE.search(self.last_subject or self.context.last_name)
            measure = m.group() if m else ""
            if not measure and self.context.bulletin:
                # …商品类值零售实现同比增长…。其中，粮油食品类、烟酒类分别增长…: retail sales
                topic = _CATEGORY_TOPIC_RE.search(self.context.paragraph)
                measure = topic.group() + "额" if topic else ""
        if not measure:
            return None
        scope = _CATEGORY_SCOPE_RE.match(items[0])
        prefix = scope.group() if scope else ""
        scoped = [p if p.startswith(prefix) else prefix + p for p in items]
        # 智能家用电器和音像器材类、新能源汽车零售额: the last item may say the measure
        return [p if p.endswith(measure) else p + measure for p in scoped]

    @staticmethod
    def _owners_things(
        subjects: list[str], verb_part: str, change: str, figs: list[Figure]
    ) -> list[str]:
        """``新材料、生物医药产业集群分别培育龙头企业10家、8家``: the owners' counts of the
        thing named after the verb (新材料产业集群龙头企业), not of the owners; as after 各."""
        if not change or not _OWNER_VERB_RE.fullmatch(change) or not verb_part.startswith(change):
            return subjects
        thing = clean_name(verb_part[len(change) :])
        if (
            not thing
            or not _is_name(thing)
            or not all(f.unit_class == "count" for f in figs)
            or any(_PLACE_OWNER_RE.search(p) or p.endswith(thing) for p in subjects)
        ):
            return subjects
        owners = [_OWNER_COUNT_RE.sub("", p) for p in subjects]
        head = _OWNER_HEAD_RE.search(owners[-1])
        if head:
            owners = [p if _OWNER_HEAD_RE.search(p) else p + head.group() for p in owners]
        return [p + thing for p in owners]

    def each_owner(self, fig: Figure, raw: str, change: str) -> bool:
        """``新材料、生物医药产业集群各培育龙头企业10家``: each owner listed before 各 gets
        the figure, of the thing it names after the verb (新材料产业集群龙头企业 and
        生物医药产业集群龙头企业). Places listed so (江北区、江南区各新增…) are left whole: the
        owner is then a region, which a name does not carry."""
        if not change:
            return False
        k = raw.rfind("各" + change)
        if k <= 0:
            return False
        thing = clean_name(raw[k + 1 + len(change) :])
        owners = clean_name(_RHETORIC_TAIL_RE.sub("", raw[:k]))
        if not thing or not _is_name(thing) or ("、" not in owners and "和" not in owners):
            return False
        items = [clean_name(p) for p in _split_items(owners)]
        if len(items) < 2 or not all(_is_name(p) for p in items):
            return False
        if any(_PLACE_OWNER_RE.search(p) for p in items):
            return False
        # 新材料、生物医药、智能装备三个产业集群: the count of the owners names none of them
        items = [_OWNER_COUNT_RE.sub("", p) for p in items]
        head = _OWNER_HEAD_RE.search(items[-1])
        if head:
            # 新材料、生物医药产业集群: the head said once, after the last owner
            items = [p if _OWNER_HEAD_RE.search(p) else p + head.group() for p in items]
        for item in items:
            self.emit(fig, item + thing, change, subject=False)
        return True

    @staticmethod
    def _listed_items(head: str, n: int) -> list[str] | None:
        """The ``n`` items of a list split on ``、`` first and cleaned one by one, when
        cleaning the whole list loses items (进口货值、…、新增外资企业、离岛免税销售额:
        the 新增 of one item must not cut the items before it off)."""
        parts = [p for p in strip_noise(head).strip("，、 ").split("、") if p]
        if len(parts) != n:
            return None
        cleaned = [clean_name(p) for p in parts]
        if not all(_is_name(c) for c in cleaned):
            return None
        return cleaned

    def each(self, fig: Figure, raw: str, change: str) -> bool:
        """``A、B均增长8%``: one figure that holds for each listed subject."""
        if self.each_owner(fig, raw, change):
            return True
        m = _EACH_RE.search(raw)
        if m:
            cut = m.start()
        elif (
            fig.unit == "%" and fig.value == 100 and "、" in raw and not re.search("[和及与]", raw)
        ):
            cut = len(raw)  # 行政村千兆光纤、5G网络通达率100%: all of a whole is all of each part
        else:
            return False
        if _TOTAL_RE.search(raw, 0, cut):
            return False  # 绿色铝、硅光伏、新能源电池合计产值: one figure for the sum
        # 装备制造业、高端食品加工业产值年均增长: the 年 is 年均's, not the subject's
        lead = raw[:cut].removesuffix("年") if m and m.group().startswith("均") else raw[:cut]
        subject = clean_name(_RHETORIC_TAIL_RE.sub("", lead))
        items = [clean_name(p) for p in _split_items(subject)]
        counted = self.count_subjects[-2:]
        if len(items) == 1 and items[0].endswith("率") and fig.unit == "%" and len(counted) == 2:
            # 办理人大代表建议405件和政协委员提案590件，办复率均达100%: each one's rate
            for thing in counted:
                self.emit(fig, thing + items[0], change, subject=False)
            return True
        if len(items) < 2 or not all(_is_name(p) for p in items):
            return False
        scale = "规模" if self.s.startswith("规模", fig.end) else ""  # 均达到万亿元规模
        for item in items:
            if scale and not _SAYS_A_MEASURE_RE.search(item):
                item += scale
            self.emit(fig, lookup(self.table, item, fig, change) or item, change)
        return True
