"""Set phrasings of a plain number, each named its own way: people a programme
reached (惠及…), a count of countries by what they did, a cost per 100 yuan, the part
that is so (其中…为), a facility's scale, a service time limit, shares meeting a
standard or of the things after them, policy packages, places where something is done
(:class:`_PhraseForms`, a mixin of the sentence namer).
"""

from __future__ import annotations

import re

from bot.targets.lexicon import PAYMENT_FUND_RE, PEOPLE_NOUNS, SCOPE_RE, VERB_RE
from bot.targets.naming.clauses import (
    _CLAUSE_BOUNDARY,
    _after_noun,
    _after_noun_start,
    clause_end,
    predicated,
)
from bot.targets.naming.clean import (
    _QUOTE_TABLE,
    _strip_head,
    _without_tail_verb,
    clean_name,
    strip_noise,
)
from bot.targets.naming.confidence import _KIND_NOUN_RE
from bot.targets.naming.words import (
    _is_name,
    _is_verb,
    _noun_end,
    _segmenter,
    plain_verbs,
    word_bounds,
)
from bot.targets.numbers import Figure

# What follows a quoted package of policy items: 出台“40条”帮扶企业政策, “21条”“18条”等政策
# 实现了, 达到了: an aspect word after the verb, no part of what the things did
_DONE_ASPECT_RE = re.compile(r"(?<=[\u4e00-\u9fff])了(?=[\u4e00-\u9fff])")
# what the things a share counts did (96.2%的养老机构开展医养结合): its verb
_SHARE_ACT_RE = re.compile(
    r"(?:基本|全部|已经?|均)?(?:实现了?|开展|纳入|达到|降至|降到|就读|建成|完成|通过|接入|具备"
    r"|配备|设置|开设|参加|享受)"
)
_PACKAGE_NOUN_RE = re.compile(
    r"[”“\d一二三四五六七八九十条]*等?([^，。；、“”]{0,10}?(?:政策措施|政策|措施|举措|意见))"
)
_PACKAGE_LEAD_RE = re.compile(r"^.*[，。；、]|(?:“[\d一二三四五六七八九十]+条”)*“?$")
_PACKAGE_VERB_RE = re.compile(
    r"^(?:全面|认真|深入)?(?:制定)?(?:出台|推出|印发|发布|实施|制定|落实|推行|实行)"
)
# A bare place unit counted, and what is done there (30个县|建设运营…).
_PLACE_DOING_RE = re.compile(r"(?P<unit>[县市区镇乡村])(?P<doing>[\u4e00-\u9fff]{2})")
# 每百元营业收入中的成本: what a hundred yuan of revenue carries
_PER_HUNDRED_RE = re.compile(r"每百元[^，。；的]{2,8}中的[^，。；]{1,6}?(?=为|是|$)")
# 其中56项为全国首创: the part of the things just counted that is so
_PART_THAT_IS_RE = re.compile(r"^为(?P<what>[^，。；\d]{2,6})(?=[，。；]|$)")
# 200万吨褐煤提质项目, 大唐700万吨露天矿: the scale of a project, the capacity of a mine
_FACILITY_SCALE_RE = re.compile(
    r"^级?(?P<what>[^，。；、\d的]{0,10}?)(?P<kind>项目|工程|露天矿|煤矿|矿井)(?!建设)"
)
# a power facility after its capacity in watts (2×35万千瓦热电联产项目, 720兆瓦储能电站)
_POWER_FACILITY_RE = re.compile(
    r"^(?P<what>[^，。；、\d的]{0,10}?)(?P<kind>项目|工程|电站|电厂|基地)(?!建设)"
)
# the words of a proper name (a company, a brand: 大唐, 国网, 红星|美凯龙)
_PROPER_TAGS = frozenset({"nz", "nr", "nrt", "nt"})
_WITHIN_RE = re.compile(
    r"(?P<within>以内|之内|内)(?P<act>放行|办结|办理|审批|审结|完成|到达|赶到|响应|处置|出具|答复"
    r"|反馈|通关|到位|发放|兑付|拨付|受理)"
)
_TO_RE = re.compile(r"^(?:对|在|为|将)")
_TIME_WORD_RE = re.compile(r"(?:时间|时限|用时)$")
# …40%以上的面积达到海绵城市建设目标要求: the part of a whole that meets a standard
_MEETS_STANDARD_RE = re.compile(
    r"(?:的)?(?P<part>面积|区域|用地)?(?:达到|符合|满足)(?P<what>[^，。；、]{2,12}?)"
    r"(?:建设)?(?:目标)?(?:要求|标准)"
)
_DIGIT_RE = re.compile(r"[\d一二三四五六七八九十百千万]")
_PEOPLE_AFTER_RE = re.compile(r"(?:多|余)?(?:名)?(" + "|".join(PEOPLE_NOUNS) + ")")
# 惠及近10万儿童, 惠及居民约21万户: who was reached, said after the figure or before it
_BENEFIT_RE = re.compile(r"惠及(?P<who>" + "|".join(PEOPLE_NOUNS) + r")?(?:近|超过|超|约|逾)?$")
# Works done on things that are what reaches people (老旧小区改造 惠及居民)
_WORKS_ON = frozenset({"改造", "整治", "治理", "修缮", "提升改造", "更新改造"})
_PROGRAM_TAIL_RE = re.compile(r"(?:政策|制度|工作)$")
# the people a clause gave something to (向困难群众发放, 为低保对象提供): who it reached
_GIVEN_TO_RE = re.compile(
    r"[向为](?P<who>[\u4e00-\u9fff]{0,6}(?:" + "|".join(PEOPLE_NOUNS) + r"))"
    r"(?:发放|提供|兑现|兑付|送去|拨付)"
)


class _PhraseForms:
    """Set phrasings of a plain number, each tried by :meth:`_NumberForm.number`.

    A mixin of :class:`~bot.targets.naming.sentence._SentenceNamer`: the methods use the
    namer's state (``self.s``, ``self.figs``, ``self.table``, ``self.context``,
    ``self.out``, ``self.last_subject`` …) and its helpers (``before``, ``after``,
    ``change_for``, ``emit`` …), defined there.
    """

    def people_benefiting(self, fig: Figure, raw: str, after: str) -> bool:
        """``实施学前一年免费教育政策，惠及近10万儿童`` -> 学前一年免费教育惠及儿童;
        ``城镇更新改造惠及390万人`` -> 城镇更新改造惠及人数: who a programme reached,
        named after the programme (in the clause, after the figure, or the clause before)."""
        text = strip_noise(raw)
        benefit = _BENEFIT_RE.search(text)
        who = benefit["who"] if benefit else None
        if not (fig.unit.endswith(("人", "人次")) or who or _PEOPLE_AFTER_RE.match(after)):
            return False
        program = clean_name(text[: benefit.start()])
        if not _is_name(program) and after.startswith("的"):
            # 惠及3400万人的引大济岷工程启动建设
            program = _without_tail_verb(clean_name(_after_noun(after[1:])[0]))
        given_to = None
        if not _is_name(program):
            # 向困难群众发放一次性生活补助，惠及…: what the clause before gave or ran
            prev = self._clause_before(fig)
            verb = max(VERB_RE.finditer(prev), key=lambda m: m.start(), default=None)
            # (开工改造城镇老旧小区2187个，惠及居民…: the things, not their count)
            program = clean_name(re.split(r"\d", prev[verb.end() :] if verb else prev)[0])
            if verb and verb.group() in _WORKS_ON and _is_name(program):
                program += verb.group()  # 城镇老旧小区改造: the work is what reached them
            given_to = _GIVEN_TO_RE.search(prev)  # 向困难群众发放…: those it reached
        program = PAYMENT_FUND_RE.sub("", _PROGRAM_TAIL_RE.sub("", program))
        if not _is_name(program):
            return False
        people = _PEOPLE_AFTER_RE.match(after)
        tail = who or (people.group(1) if people else "")
        tail = tail or (given_to["who"] if given_to else "")
        tail = tail or ("人次" if fig.unit.endswith("人次") else "人数")
        name = program + "惠及" + tail
        if len(name) > 20:
            return False
        self.emit(fig, name, "惠及", subject=False, confidence=0.75)  # reached: a flow
        return True

    def count_of_a_kind(self, fig: Figure, after: str) -> bool:
        """``与54个国家和地区开展科技合作`` -> 开展科技合作的国家和地区: a count of countries,
        provinces or cities is named by what they did (国家 alone says nothing)."""
        kind = _KIND_NOUN_RE.match(after)
        if kind is None:
            return False
        doing = strip_noise(after[kind.end() :]).strip("，、 ")
        doing = doing.replace("了", "", 1) if doing[1:2] == "了" or doing[2:3] == "了" else doing
        first = _segmenter().cut(doing, True)[:1] if doing else []
        if not first or not (VERB_RE.match(doing) or first[0] in plain_verbs()):
            return False
        if len(doing) > 12 or len(doing) < 3 or _DIGIT_RE.search(doing):
            return False
        end = fig.end + len(after)
        if end < len(self.s) and self.s[end] not in _CLAUSE_BOUNDARY:
            return False  # 与39个国家缔结118对友城: the clause goes on past another figure
        name = doing.translate(_QUOTE_TABLE) + "的" + kind.group()
        self.emit(fig, name, "", fig.end + kind.end(), subject=False, confidence=0.75)
        return True

    def per_hundred_yuan(self, fig: Figure, raw: str, change: str) -> bool:
        """``每百元营业收入中的成本为88.86元``: a cost per 100 yuan of revenue, not 成本."""
        text = strip_noise(raw).strip("，、 ")
        per = _PER_HUNDRED_RE.search(text)
        if not per:
            return False
        owner = clean_name(text[: per.start()])
        self.emit(fig, (owner if _is_name(owner) else "") + per.group(), change, confidence=0.9)
        return True

    def part_that_is(self, fig: Figure, raw: str, after: str, change: str) -> bool:
        """``其中56项为全国首创``: the part of the things just counted that is so."""
        part = _PART_THAT_IS_RE.match(after)
        if not part or not self.last_subject:
            return False
        if clean_name(strip_noise(raw).strip("，、 ")).removeprefix("其中"):
            return False  # the clause names its own subject
        self.emit(fig, part["what"] + self.last_subject, change, fig.end + part.end(),
                  subject=False, confidence=0.9)  # fmt: skip
        return True

    def facility_scale(self, fig: Figure, after: str, change: str) -> bool:
        """``200万吨褐煤提质项目``, ``大唐700万吨露天矿``: the scale of a project or the
        capacity of a mine, not the thing it makes."""
        if fig.unit.endswith("瓦"):  # 千瓦, 兆瓦, 吉瓦 (not 千瓦时): what it can generate
            return self._installed_capacity(fig, after, change)
        built = _FACILITY_SCALE_RE.match(after)
        if not built or fig.unit_class not in ("weight", "power", "energy", "volume"):
            return False
        what = clean_name(built["what"].split("等")[0])  # 锂电池储能等减碳项目
        project = built["kind"] in ("项目", "工程")
        if _noun_end(built["what"]) < len(built["what"]) or (
            what and not _is_name(what) and project
        ):
            return False  # a verb inside (完成项目核准): no facility named
        # 300万吨级CCUS项目: its scale; 20万吨铝材项目, 700万吨露天矿: what it makes
        scale = after.startswith("级") or fig.unit_class != "weight"
        name = what + built["kind"] + ("规模" if project and scale else "产能")
        name = self._facility_owner(fig) + name
        self.emit(fig, name, change, fig.end + built.end(), subject=False, confidence=0.75)
        return True

    def _installed_capacity(self, fig: Figure, after: str, change: str) -> bool:
        """``南港2×100万千瓦火电项目``, ``720兆瓦储能电站``: a power facility's capacity in
        watts is its installed capacity, 装机规模 (火电项目装机规模; 装机容量 is the same measure),
        not what the project's 规模 would leave unsaid."""
        built = _POWER_FACILITY_RE.match(after)
        if not built:
            return False
        what = clean_name(built["what"].split("等")[0])
        if _noun_end(built["what"]) < len(built["what"]) or (what and not _is_name(what)):
            return False  # a verb inside (完成项目核准): no facility named
        if re.search("[和及与或]", what):
            return False  # 2×66万千瓦发电和…电厂: a list of facilities, not one
        if self.table.canonical(what + built["kind"]):
            return False  # 海上光伏基地: the table names it (海上光伏装机容量)
        name = self._facility_owner(fig) + what + built["kind"] + "装机规模"
        self.emit(fig, name, change, fig.end + built.end(), subject=False, confidence=0.75)
        return True

    def _facility_owner(self, fig: Figure) -> str:
        """``大唐700万吨露天矿``: the company or brand written right before a facility's
        capacity (a proper name, alone between the clause's start or its verb and the
        figure) owns the facility, 大唐露天矿产能; "" when none is written there."""
        lo = max(self.s.rfind(c, 0, fig.start) for c in "，。；、：,;（(") + 1
        text = self.s[lo : fig.start]
        owner = text
        while (lead := VERB_RE.match(owner)) and lead.end() < len(owner):
            owner = owner[lead.end() :]  # 开工建设|国网
        words = _segmenter().tag(owner, True) if 2 <= len(owner) <= 6 else []
        if not words or any(t not in _PROPER_TAGS or _is_verb(w) for w, t in words):
            return ""
        return "" if VERB_RE.fullmatch(owner) or SCOPE_RE.match(owner) else owner

    def time_limit(self, fig: Figure, raw: str, after: str) -> bool:
        """``货物…48小时内放行``: a service time limit, named by what is done within it
        and what it is done to (货物放行时限), not by the words around the number."""
        m = _WITHIN_RE.match(after)
        if not m:
            return False
        lead = _strip_head(re.split(r"[，,；;]", clean_name(raw))[-1], _TO_RE)
        if lead and (not (_is_name(lead) and len(lead) <= 12) or raw.rstrip().endswith("的")):
            # 对RCEP国家货物…符合正常放行条件的48小时内放行: the goods, not their conditions
            lead = clean_name(lead[: _noun_end(lead)])
        bounds = sorted(word_bounds(lead))
        if len(bounds) > 2 and _is_verb(lead[bounds[-2] :]):
            lead = lead[: bounds[-2]]  # 企业开办时间压缩(至): the verb is the limit's
        subject = _TIME_WORD_RE.sub("", lead)  # 企业开办时间: the limit is 企业开办时限
        if not _is_name(subject) or len(subject) > 12 or _is_verb(subject):
            prev = clean_name(self._clause_before(fig))
            subject = prev if _is_name(prev) and len(prev) <= 16 else ""
        name = subject + m["act"] + "时限"
        confidence = 0.75 if subject else 0.5
        self.emit(fig, name, "", fig.end + m.end(), qualifier=m["within"], subject=False,
                  confidence=confidence)  # fmt: skip
        return True

    def share_meeting_a_standard(self, fig: Figure, whole: str, after: str, change: str) -> bool:
        """``建成区40%以上的面积达到海绵城市建设目标要求``: the share of a whole's area that
        meets a standard, 海绵城市达标面积占建成区面积比重 (not 建成区 40%)."""
        m = _MEETS_STANDARD_RE.match(after)
        if not m or not _is_name(whole) or not _is_name(m["what"]):
            return False
        part = m["part"] or "面积"
        whole = whole if whole.endswith(part) else whole + part
        name = f"{m['what']}达标{part}占{whole}比重"
        self.emit(fig, name, change, fig.end + m.end(), subject=False, confidence=0.75)
        return True

    def share_of_what_follows(self, fig: Figure, after: str) -> bool:
        """``96.2%的养老机构开展医养结合``, ``60%公办中小学校纳入集团化管理``: a share with
        nothing named before it is the share of the things after it that do what the
        clause says, the things named by it as 6.8.8 composes them:
        开展医养结合的养老机构比例 (GOLD_GUIDELINES 6.8.27; not 社区 from the clause before)."""
        rest = strip_noise(after[1:] if after.startswith("的") else after).strip("，、 “”")
        if not _after_noun_start(rest):
            return False
        k = _noun_end(rest)  # 化工园区|降至较低风险等级
        subject, doing = clean_name(rest[:k]), rest[k:]
        if not _is_name(subject) or not doing or k >= len(rest):
            return False
        name = subject + doing + "比例"
        if len(name) > 20 or not _is_name(name):
            return False
        act = _SHARE_ACT_RE.search(rest, 2)
        if act and "的" not in rest[act.start() :]:
            # the things named by what they did, as 6.8.8 composes them: 开展医养结合的
            # 养老机构比例 (6.8.27); the act found by its verb, where the noun's end is
            # unsure (办税缴费事项|实现…)
            things = clean_name(rest[: act.start()])
            done = _DONE_ASPECT_RE.sub("", rest[act.start() :])
            if len(things) >= 2 and _is_name(things):
                name = done + "的" + things + "比例"
        self.emit(fig, name, "", subject=False, confidence=0.75)
        return True

    def policy_package(self, fig: Figure, raw: str, after: str, change: str) -> None:
        """``出台支持创业带动就业“15条”政策``: a package of policy items, named by its topic
        and what the items are (政策, 措施); ``稳经济“30条”`` alone is 稳经济政策措施."""
        m = _PACKAGE_NOUN_RE.match(after)
        noun = m.group(1).translate(_QUOTE_TABLE) if m else ""
        lead = _PACKAGE_LEAD_RE.sub("", raw).strip("”“")
        verb = _PACKAGE_VERB_RE.match(lead)
        topic = _strip_head(lead[verb.end() :] if verb else lead, SCOPE_RE)  # 我省减轻…措施
        topic = "" if not _is_name(topic) or topic in noun else topic
        if not topic and not lead and self.package_topic:
            topic = self.package_topic  # 稳增长“21条”“18条”: the second is 稳增长's too
        self.package_topic = topic
        name = topic + (noun or "政策措施")
        if _is_name(name):
            self.emit(
                fig, name, verb.group().removeprefix("制定") if verb else "出台", subject=False
            )

    def places_doing(self, fig: Figure) -> tuple[str, int] | None:
        """``在30个县建设运营…服务中心``, ``向8个市下放…审批权``: a count of bare place
        units is named by what is done there (…的县), the unit alone says nothing."""
        place = _PLACE_DOING_RE.match(self.s, fig.end)
        if not place or not VERB_RE.match(self.s, place.start("doing")):
            return None
        end = clause_end(self.s, place.start("doing"))
        doing = self.s[place.start("doing") : end]
        if not 2 <= len(doing) <= 20 or not _is_name(clean_name(doing)):
            return None
        kind = predicated(place["unit"], doing)
        if kind and "的" not in kind:
            return kind, end  # 5个村入选全国乡村旅游重点村: the list names their kind
        return doing + "的" + place["unit"], end
