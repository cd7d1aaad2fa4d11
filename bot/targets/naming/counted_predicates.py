"""The predicate that narrows counted things.

``8个市下放…``, ``2200余项政务服务事项实现通办``, ``5部作品入选…展演``: what a counted set
of things did or got, said after them, makes the count one of the things that did
(:func:`predicated`); an award or list that names the kind stands alone, and what only
says the things came into being is the change, not a narrowing. The verbs and places
it knows are read by the confidence checks and the counted-noun reading too.
"""

from __future__ import annotations

import re

from bot.targets.naming.clean import _QUOTE_TABLE
from bot.targets.naming.words import _is_name

# One-character words that end a cut clause: a negation, 所 of 所在, 中 of 在…中, a
# conjunction or 等 before the next item (成都科创生态岛和, 黄百等), 前 of 排名前.
_LOOSE_END_WORDS = frozenset("不未没所中和并与及或等前")
# What a counted set of things did or got, said after them (8个市下放…, 2200余项政务服务事项
# 实现通办, 5部作品入选…展演): the count is of the things that did, not of all of them.
_MEMBERSHIP_VERBS = (
    "入选|获评|获批|荣获|获得|获|实现|通过|纳入|享受|签署|建立|加入|进入|列入|下放"
    "|通"  # 4000个自然村通硬化路: the villages a road reaches
    "|晋级为|晋级|晋升为|晋升"  # 29所学校晋级标准化学校: the schools that became such
    # 30多万监测对象稳定消除返贫致贫风险: the people whose risk was removed (6.8.8)
    "|消除"
)
_MEMBERSHIP_RE = re.compile(
    # (3处文化遗址被国务院列入…: a passive's doer before the verb is no part of the list)
    r"(?:被[\u4e00-\u9fff]{1,12}?)?"
    # an adverb of how it went is no part of what they did (稳定消除, 全部实现)
    rf"(?:全部|均|已经?|都|成功|相继|先后|率先|稳定)?(?P<verb>{_MEMBERSHIP_VERBS})"
    r"(?P<what>[^，。；、,;：:（）()\d]{2,18})$"
)
# a list or award that names the kind itself (入选中国改革年度案例), or the kind the things
# became (晋级标准化学校)
_KIND_NAMING_VERBS = frozenset({"入选", "获评", "晋级", "晋级为", "晋升", "晋升为"})
_ONE_CHARACTER_PLACES = frozenset("省市县区乡镇村")
# What only says the things counted came into being or into service, or all left poverty
# (9条主次干道实现通车, 3家全国重点实验室获批建设, 254.9万低收入人口全部实现脱贫): the change,
# as a count said act first is (建成通车高速公路5条: 高速公路), not a narrowing of them
# (GOLD_GUIDELINES 6.8.47; 实现通办, 获…推广, 通过…评价 select, and keep 6.8.8's 的)
_COMING_INTO_BEING_RE = re.compile(
    r"^(?:建设|通车|建成|建成通车|投产|建成投产|投运|运营|投入运营|投用|投入使用|开通|竣工"
    r"|脱贫)$"
)
# chosen for a list, a programme or a title: the things are named by it (6.8.25)
_SELECTED_VERBS = frozenset({"入选", "获评"})
# a list's round or batch, wherever its name says it (国家第二轮“双一流”建设名单)
_EDITION_ANYWHERE_RE = re.compile(r"首届|首批|首轮|第[\d一二三四五六七八九十]+[届批轮]")
# another figure inside the predicate (建设基地6.2万亩): the predicate is that figure's
_FIGURE_IN_RE = re.compile(r"[一二三四五六七八九十两百千万亿]+(?:个|项|家|所|部|种|批|次|万|亿)")
_BATCH_RE = re.compile(r"^(?:首批|第[\d一二三四五六七八九十]+批)")


_RATE_END_RE = re.compile(r"(?:率|比例|比重|占比)$")


def predicated(noun: str, tail: str) -> str | None:
    """``政务服务事项`` + ``实现通办`` -> ``实现通办的政务服务事项``: the things counted,
    narrowed by the predicate that closes their clause; an award or list that names the
    kind itself stands alone (``案例`` + ``入选中国改革年度案例`` -> ``中国改革年度案例``).
    None when ``tail`` is no such predicate."""
    m = _MEMBERSHIP_RE.match(tail.translate(_QUOTE_TABLE).strip())
    if not m or _FIGURE_IN_RE.search(m["what"]):
        return None
    if not (_is_name(noun) or (len(noun) == 1 and noun in _ONE_CHARACTER_PLACES)):
        return None
    what = m["what"]
    if (
        "并" in what
        or what[-1] in _LOOSE_END_WORDS
        or re.sub(r"^全(?=[国省市区县])", "", what) in noun
    ):
        # two predicates, a clause cut at a figure (排名前1%), or said already (省…试点企业
        # for 入选全省…试点: the list named the things)
        return None
    if _RATE_END_RE.search(what):
        return None  # 120个行政村通客车率100%: a rate of the things, the next figure's name
    if (
        m["verb"] in ("实现", "获批")
        and _COMING_INTO_BEING_RE.match(what)
        # (villages and counties leaving the poverty list: not settled here, 6.8.47)
        and not (what == "脱贫" and noun.endswith(("村", "县")))
    ):
        return noun
    if m["verb"] in _KIND_NAMING_VERBS and what.endswith(noun[-2:]):
        return _BATCH_RE.sub("", what)
    if m["verb"] in _SELECTED_VERBS:
        # 9所高职学校入选第二轮国家“双高计划”: the things named by the list they were chosen
        # for, its round and 名单 dropped (国家双高计划高职学校; GOLD_GUIDELINES 6.8.25)
        return _EDITION_ANYWHERE_RE.sub("", what).removesuffix("名单") + noun
    if m["verb"] == "通" and len(what) <= 4:
        # 通硬化路自然村, 通客车行政村: the statistics' own term for places a service
        # reaches, said without 的
        return "通" + what + noun
    return m["verb"] + what + "的" + noun
