"""Names against the indicator table.

Aliases that can carry a figure's unit (:func:`compatible`), the alias nearest a figure
with nothing but verbs in between, :func:`lookup` (with the verb, without a list word,
with synonyms), :func:`_resolve` (the canonical or the cleaned name of a phrase), the
measure word a known indicator implies, and what a composed name is of (its entity, a
bulletin's product output, a count of things).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.targets.indicators import AliasMatch, IndicatorTable, name_class
from bot.targets.lexicon import ATTRIBUTES, ENLIST_RE, GENERIC_NAMES, LEVEL_PREFIX_RE, SYNONYMS
from bot.targets.naming.clauses import _STAT_NOUN_RE, _attribute, _find_change, clause_start
from bot.targets.naming.clean import _QUOTE_TABLE, clean_name, strip_noise, through_a_network
from bot.targets.naming.words import (
    _CJK_RE,
    _is_name,
    _is_verb,
    _narrowing_nouns,
    _segmenter,
    word_bounds,
)
from bot.targets.numbers import Figure

_URBAN_OR_RURAL_RE = re.compile(r"(?:城镇|农村|城市|乡村)$")
# A class of places or a budget level, read before a known name: its figure is of that
# part only (脱贫县农村居民人均可支配收入, 区本级固定资产投资, 自贸试验区…进出口总额).
_PLACE_CLASS_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:县|县域|地区|地方|乡镇|园区|开发区|高新区|新区|试验区|自贸区|片区"
    r"|保税区|综保区|示范区|本级)$"
)
# A class of cities a statistic is taken over (设区城市, 地级及以上城市, 县级以上城市, 中心城市):
# its air or water is of those places only (GOLD_GUIDELINES 6.8.30), as 设区市 and 市区 are
_CITY_CLASS_RE = re.compile(r"(?:设区的?|地级(?:及)?以上|地级|县级(?:及)?以上|中心)城市$")
# A size class (亿元以上重点技改项目): the projects above the bar, not all of them.
_SIZE_CLASS_RE = re.compile(r"(?:\d+(?:\.\d+)?)?[十百千万亿]*元?(?:及)?以上")
# the subject of a verb before the name (自贸试验区实现货物进出口总额)
_SUBJECT_VERB_RE = re.compile(
    r"(?P<subject>[\u4e00-\u9fff]{2,10}?)(?:累计)?(?:实现|完成)[\u4e00-\u9fff]{0,4}$"
)

# A sector or domain as the subject of a known statistic's verb (全国交通运输完成固定资产
# 投资, 全省水利完成…): the figure is that sector's part of the statistic. A closed set of
# the domains reports account by, and the trades ending in 业 (工业, 制造业, 服务业); a
# place, a scope or a time as the subject (江州市完成…, 五年累计完成…) is the whole.
_SECTOR_SUBJECT_RE = re.compile(
    r"(?:交通运输|综合交通|交通|水利|能源|电力|基础设施|房地产|城建|城市建设|文化旅游|文旅"
    r"|生态环保|社会事业|民生|[\u4e00-\u9fff]{0,4}(?<![企产行就创毕事作物专])业)"
)


def _sector_subject(subject: str) -> str:
    """``subject`` cleaned when it is a sector (see :data:`_SECTOR_SUBJECT_RE`), else ``""``."""
    sector = clean_name(subject)
    return sector if _SECTOR_SUBJECT_RE.fullmatch(sector) else ""


_ZONE_DOING_RE = re.compile(
    r"(?:^|[，,；;：:。])(?P<subject>[\u4e00-\u9fff]{2,10}?)(?:累计)?(?:实现|完成)"
    r"(?P<rest>[^，,；;：:。]{2,16})$"
)


def doing_sector(raw: str, measure: str) -> str:
    """The sector ``raw`` (the words before a figure) makes the subject of ``完成``/``实现``
    when the verb's object is ``measure`` alone (全市工业完成增加值), else ``""``."""
    zone = _ZONE_DOING_RE.search(strip_noise(raw))
    if zone is None or clean_name(zone["rest"]) != measure:
        return ""
    return _sector_subject(zone["subject"])


def _narrower_set(lead: str, before: str) -> bool:
    """Whether ``lead`` (the words right before a known name) or the subject of the verb
    ending ``before`` makes the name's figure one of a part: nouns that narrow it, a
    class of places, a budget level or a size class."""
    if lead and (
        _narrowing_nouns(lead)
        or _SECTOR_LEAD_RE.search(lead)
        or _PLACE_CLASS_RE.search(lead)
        or _CITY_CLASS_RE.search(lead)
        or _SIZE_CLASS_RE.fullmatch(lead)
        or _EXEMPT_RE.fullmatch(lead)
    ):
        return True
    subject = _SUBJECT_VERB_RE.search(before)
    return bool(
        subject
        and (
            _PLACE_CLASS_RE.search(clean_name(subject["subject"]))
            or _sector_subject(subject["subject"])
        )
    )


_LIST_WORD_RE = re.compile(r"[和及与、]")
# A statistical threshold class said before the things (规模以上, 限额以上, 资质以上)
_THRESHOLD_CLASS_RE = re.compile(r"^(?:(?:规模|限额|资质)(?:及)?以上|[规限]上)")
# A sector named by its trades (批零住餐业, 批发零售业, 住宿餐饮业: jieba reads their first
# characters as verbs) before a known name narrows it to that sector's units, as 餐饮业 does
_SECTOR_LEAD_RE = re.compile(r"(?:^|以上|[规限]上)[\u4e00-\u9fff]{1,6}(?<![就创失产])业$")
# a quoted name right before (“智改数转”|重点项目)
_QUOTED_BEFORE_RE = re.compile(r"[“「『][\u4e00-\u9fff]{2,10}[”」』]$")
# A list summed up in a quoted label right before a known name (电视机、冰箱、洗衣机
# “老三样”出口): the label names the part measured, the items before it are its members.
_LABELLED_LIST_RE = re.compile(
    r"、[^、，。；：]{1,12}[“「『](?P<label>[\u4e00-\u9fff]{2,8})[”」』]$"
)
# What is exempt from a charge or a check is a part (免签入境游客, 免费停车位, 离岛免税商品)
_EXEMPT_RE = re.compile(r"[\u4e00-\u9fff]{0,4}免(?:签|费|税|检)")
# Words right before a known name that make it a part of the whole: a trade partner
# (对东盟进出口总额), an ownership (国有控股企业产值, 非公有制工业增加值).
_PART_PREFIX_RE = re.compile(
    r"(?:^|[，、])对[^，。；]{1,14}$|(?:国有及国有控股|国有控股|国有|非公有制|公有制|民营|外商投资"
    r"|港澳台商投资|私营|股份制)(?:企业)?$"
)
_FIRMS_BEFORE_RE = re.compile(r"企业$")
_SHARE_AFTER_RE = re.compile(r"(?:的)?(?:占比|比重|比例|份额)")
_SHARE_OF_RE = re.compile(r"占(?:全[国省市区县州])?$")


_MEASURE_END_RE = re.compile(
    r"(率|量|数|额|值|价格|面积|里程|人数|产量|产能|收入|支出|投资|规模|比重|占比|强度|浓度|指数|排名|标准|出栏"
    r"|能力|容量|人口|企业|项目|基地|园区|平台|学校|医院|机构|中心|主体|工程|设施|床位|公里|道路|住房|排放"
    r"|招生)$"
)


# units only products are counted in (a stock of tractors or routes is counted in 台, 条)
# a scale a thing is built at, said before a known name (行业级|工业互联网平台, 区域级…,
# 城市级…): a level that selects (GOLD_GUIDELINES 6.8.40), as 省级 does
_SCALE_LEVEL_RE = re.compile(r"(?:行业|区域|园区|城市|集团)级$")
_PRODUCT_UNIT_RE = re.compile(r"(?<!吨)(?:吨|块|千伏安时)$")
_OUTPUT_UNIT_CLASSES = frozenset({"weight", "power", "count"})


def _is_output(name: str, fig: Figure, table: IndicatorTable, *, any_unit: bool = False) -> bool:
    """Whether a bulletin's ``name`` with ``fig`` is a product and its output: a bare
    noun (集成电路, 十种有色金属, 铅酸蓄电池) with a product's unit (万块, 万吨, 千伏安时),
    no measure of its own (产量, 吞吐量, 面积…) and no verb (生活垃圾无害化处理 674万吨 is
    what was treated). ``any_unit``: a lead said the list is of products' output
    (主要工业产品产量：…汽车3.86万辆), so a product counted in any measure word is output."""
    if fig.form != "number" or fig.unit_class not in _OUTPUT_UNIT_CLASSES:
        return False
    if not (any_unit or _PRODUCT_UNIT_RE.search(fig.unit)) or name in table:
        return False
    bare = re.sub(r"（[^（）]*）$", "", name)  # 化肥施用量（折纯）: the note says how it is counted
    if _MEASURE_END_RE.search(bare) or _STAT_NOUN_RE.search(bare) or bare.endswith(("量", "位")):
        return False
    words = _segmenter().cut(name, True)
    return _is_name(name) and not any(_is_verb(w) for w in words) and "的" not in name


def _counts_things(fig: Figure, name: str) -> bool:
    """A count of things (项目 49项, 机构 53个, 火灾 456起), not of people: what follows
    (资金, 实有人数) can be theirs."""
    return (
        fig.unit_class == "count"
        and not fig.unit.endswith(("人", "人次", "名", "户"))
        and not name.endswith(("人数", "人次"))
    )


_PER_HEAD_BEFORE_RE = re.compile(
    r"(?:每[十百千万]+(?:人口|人|户|名[\u4e00-\u9fff]{0,4}?)|人均)(?:拥有|有)?$"
)


def compatible(fig: Figure, canonical: str) -> bool:
    """Whether a name can carry the figure's unit (a count is not an amount of money)."""
    return _compatible(fig.unit_class, fig.form, canonical)


def _compatible(uc: str, form: str, canonical: str) -> bool:
    cls = name_class(canonical)
    if form == "rank":
        return cls == "rank"
    if cls == "rank":
        return False
    if uc == "count":
        # 集成电路产量 23787万块, 商业火箭年产能 50发: what is made, counted
        return cls == "count" or canonical.endswith(("产量", "产能"))
    if uc == "money":
        return cls in ("amount", "count")
    if uc == "area":
        return cls in ("area", "count")
    if uc in ("weight", "power", "volume", "length"):
        # 核能供暖工程规模 900 兆瓦: a scale can be physical too
        return cls in ("capacity", "count") or canonical.endswith("规模")
    return True


def _aliases(table: IndicatorTable, text: str, fig: Figure) -> list[AliasMatch]:
    """Leftmost-longest alias matches of ``text`` that can carry ``fig``'s unit."""
    return list(_aliases_cached(table, text, fig.unit_class, fig.form))


@lru_cache(maxsize=16384)
def _aliases_cached(table: IndicatorTable, text: str, uc: str, form: str) -> tuple[AliasMatch, ...]:
    out: list[AliasMatch] = []
    i = 0
    n = len(text)
    starts = table.first_chars
    while i < n:
        if text[i] not in starts:
            i += 1
            continue
        found = [m for m in table.matches_at(text, i) if _compatible(uc, form, m.canonical)]
        if found:
            out.append(found[0])
            i = found[0].end
        else:
            i += 1
    return tuple(out)


# a work's known name (城中村改造) and the projects of it written right after
_WORK_ALIAS_RE = re.compile(r"(?:改造|建设|治理|整治|修复)$")
_PROJECTS_GAP_RE = re.compile(r"(?:项目|工程)(?:总数|数)?")


# Memoised (a small cache of a sentence's worth): asked again for the same text by the
# forms and the passes reading one sentence.
@lru_cache(maxsize=256)
def _gap_is_empty(gap: str) -> bool:
    """Whether the text between a name and its figure holds no other noun.

    ``全民阅读季等活动``: what follows ``等`` is the category of a list, not another thing.
    """
    if "等" in gap:
        gap = gap.rsplit("等", 1)[1]
        return not gap or gap in GENERIC_NAMES or _gap_is_empty(gap)
    return not _is_name(clean_name(gap))


def lookup(table: IndicatorTable, name: str, fig: Figure, change: str = "") -> str | None:
    """Canonical name for ``name``, trying it with its verb too (危房 + 改造 = 危房改造),
    without a list word (中小学和幼儿园 = 中小学幼儿园) and without 总 (粮食总产量)."""
    cands = [name]
    if change:
        cands += [name + change, change + name]
    plain = _LIST_WORD_RE.sub("", name)
    cands += [plain, name.replace("总", "")]
    for old, new in SYNONYMS:
        if old in name:
            cands.append(name.replace(old, new))
    if len(cands) > 2:
        syn = name
        for old, new in SYNONYMS:
            syn = syn.replace(old, new)
        cands.append(syn)
    for cand in cands:
        canonical = table.canonical(cand)
        if canonical is not None and compatible(fig, canonical):
            return canonical
    return None


def _best_before_match(table: IndicatorTable, before: str, fig: Figure) -> AliasMatch | None:
    """The alias nearest the figure in ``before`` with nothing but verbs in between.

    A short generic name right after an administrative level (省重点项目, 市级重点项目)
    is a different list: then no alias is returned and the full phrase is used.
    """
    return _best_before_of(table, before, fig.unit_class, fig.form)


# Memoised on what it reads of the figure (its unit class and form): the forms and the
# passes ask it again for the same words before a figure (half the calls repeat one made
# while reading the same sentence); a small cache holds a sentence's worth.
@lru_cache(maxsize=256)
def _best_before_of(
    table: IndicatorTable, before: str, unit_class: str, form: str
) -> AliasMatch | None:
    text = strip_noise(before)
    matches = _aliases_cached(table, text, unit_class, form)
    if not matches:
        return None
    m = matches[-1]
    if not _gap_is_empty(text[m.end :]):
        return None
    if (
        unit_class == "count"
        and _WORK_ALIAS_RE.search(m.alias)
        and _PROJECTS_GAP_RE.fullmatch(text[m.end :])
    ):
        return None  # 城中村改造项目7个: the projects of the work are counted, not villages
    if unit_class == "money" and name_class(m.canonical) == "count" and _attribute(text[m.end :]):
        return None  # 重点项目完成投资5332亿元: the money invested in them, not the projects
    if _PART_PREFIX_RE.search(text, 0, m.start):
        return None  # 对东盟进出口总额, 国有控股企业产值: a part, not the whole
    if m.canonical == "研发经费投入强度" and _FIRMS_BEFORE_RE.search(text, 0, m.start):
        # 规模以上生物医药企业研发投入强度: the firms' research spending over their income,
        # not the economy's over its output (round15, round22, round25 golds keep the firms)
        return None
    at = text.rfind(m.alias, 0, m.end + 2)  # (the alias's offsets skip the quotes)
    quoted = _QUOTED_BEFORE_RE.search(text, 0, at) if at > 0 else None
    if quoted and "、" not in text[clause_start(text, quoted.start()) : quoted.start()]:
        # “智改数转”重点项目: a programme named in quotes narrows the known name (not a
        # list summed up in quotes: 新能源汽车、光伏产品、锂电池“新三样”出口)
        return None
    if m.start > 0 and _CJK_RE.match(text, m.start - 1):
        opening = text[clause_start(text, m.start) : m.start]
        lead = clean_name(opening)
        # a statistical threshold class before a sector (限额以上|批零住餐业经营主体) is
        # itself narrowing: the length limit is for the words after it
        lead_core = _THRESHOLD_CLASS_RE.sub("", lead) if lead else lead
        adjacent = (
            lead
            and len(lead_core) <= 6
            and text.endswith(lead_core, 0, m.start)  # nothing cut between (提质改造|农村公路)
            and lead not in m.canonical  # 乡镇卫生院 医防融合标准化改造: the table's own
        )
        if 2 < len(lead) <= 11 and lead.endswith("年") and text.endswith(lead, 0, m.start):
            # 知识产权使用费年进出口总额: a yearly figure of a narrower thing (年, per year,
            # hid the nouns before it from the segmenter's tags; the nouns may be long)
            adjacent, lead = True, lead[:-1]
        if _narrower_set(lead if adjacent else "", opening):
            return None  # 医疗旅游人次, 脱贫县农村居民…: a narrower set than the table's
        if adjacent and m.alias.startswith("城市") and _CITY_CLASS_RE.search(lead + "城市"):
            return None  # 县级以上|城市空气质量优良天数比率: the alias's 城市 ends the class
    place = _URBAN_OR_RURAL_RE.search(text, max(0, m.start - 2), m.start)
    if (
        place
        and place.group() not in m.canonical
        and re.search("城乡|城镇|农村|城市|乡村", m.canonical)
    ):
        return None  # 城镇公益性岗位: urban and rural are kept apart from 城乡公益性岗位
    if _SHARE_AFTER_RE.match(text, m.end):
        return None  # 清洁能源装机占比: a share of the known thing, not the thing
    if _SHARE_OF_RE.search(text, 0, m.start):
        return None  # 直接经济损失占国内生产总值比重: the base of a share is not the name
    if _PER_HEAD_BEFORE_RE.search(text, 0, m.start):
        return None  # 每万人拥有5G基站数: a figure per head, not the total of the table's name
    if _NEW_REGISTRATIONS_RE.search(text, 0, m.start):
        return None  # 新登记市场主体 下降3.2%: the year's registrations, not the stock
    if unit_class == "count" and _REACHED_BY_RE.search(text, 0, m.start):
        return None  # 签约服务覆盖贫困人口5万人: those the service reached, named by it
    if m.alias in ("经济增长", "经济增速") and m.start > 0 and clean_name(text[: m.start]):
        return None  # 数字经济增长, 海洋经济增速: another economy's growth, not GDP's
    if unit_class == "count" and _SCALE_LEVEL_RE.search(text, 0, m.start):
        return None  # 行业级工业互联网平台: the platforms of one scale, a narrower set
    if (len(m.alias) <= 4 or unit_class == "count") and LEVEL_PREFIX_RE.search(text, 0, m.start):
        # 省级先进制造业集群, 境内上市公司: a count of a narrower set than the table's
        level = LEVEL_PREFIX_RE.search(text, 0, m.start)
        if level and table.canonical(level.group() + m.alias) is None:
            return None
    return m


def _best_before(table: IndicatorTable, before: str, fig: Figure) -> str | None:
    m = _best_before_match(table, before, fig)
    return (_labelled(table, before, m) or m.canonical) if m else None


def _change_around(raw: str, alias: str | None) -> str:
    """The verb of a clause, not counting verbs inside the name (违法建设, 新增城镇就业
    keeps 新增 only when nothing else is there)."""
    if alias:
        k = raw.rfind(alias)
        if k >= 0:
            return (
                _find_change(raw[k + len(alias) :]) or _find_change(raw[:k]) or _find_change(alias)
            )
    return _find_change(raw)


# heads that make a known name before them a modifier of another thing (产业 + 集群)
_LONGER_HEAD_RE = re.compile(r"集群|链(?!接)|园区|园(?!林)|基地|联盟|集聚区")


def _after_alias(table: IndicatorTable, after: str, fig: Figure) -> tuple[str | None, str | None]:
    """(alias at the start of ``after``, a later quoted alias or the last alias in it).

    ``127个重点项目“四证齐发”``: a quoted programme name after the noun names the count.
    """
    first = None
    k = 0
    while k < len(after) and after[k] in "“‘「":
        k += 1
    at = [m for m in table.matches_at(after, k) if compatible(fig, m.canonical)]
    # a count's noun goes on past a known name into a head of its own (3个千亿级产业集群:
    # the clusters are counted, not the industries; 产业链, 产业园 likewise)
    at = [m for m in at if not _LONGER_HEAD_RE.match(after, m.end)]
    if at:
        first = at[0].canonical
    found = [
        m
        for m in _aliases(table, after, fig)
        if not _LONGER_HEAD_RE.match(after, m.end)
        # 10个以上行业级|工业互联网平台: the scale selects, as it does before the count
        and not (fig.unit_class == "count" and _SCALE_LEVEL_RE.search(after, 0, m.start))
    ]
    later = [m for m in found if m.start > k and after[m.start] in "“‘「"]
    if later:
        return later[-1].canonical, later[-1].canonical
    return first, (found[-1].canonical if found else None)


_NEW_REGISTRATIONS_RE = re.compile(r"新(?:登记注册|登记|注册|设立)$")
# 家庭医生签约服务覆盖贫困人口: the people a service or a work reaches, not all of them
_REACHED_BY_RE = re.compile(r"[\u4e00-\u9fff]{2}(?:覆盖|惠及)$")


def _labelled(table: IndicatorTable, raw: str, m: AliasMatch) -> str | None:
    """``电视机、冰箱“老三样”出口`` -> ``老三样出口``: the known name ``m`` narrowed by the
    quoted label of the list written right before it (see :data:`_LABELLED_LIST_RE`)."""
    if "“" not in raw and "「" not in raw and "『" not in raw:
        return None
    text = strip_noise(raw)
    at = text.rfind(m.alias, 0, m.end + 2)  # (the alias's offsets skip the quotes)
    label = _LABELLED_LIST_RE.search(text, 0, at) if at > 0 else None
    if label is None or not _is_name(label["label"]):
        return None
    name = label["label"] + m.canonical
    return table.canonical(name) or name


def _resolve(table: IndicatorTable, raw: str, fig: Figure, change: str) -> str | None:
    """Canonical or cleaned name for a raw phrase, or ``None`` when it names nothing."""
    if through_a_network(online := clean_name(raw)):
        return online  # 限额以上单位通过公共网络实现餐饮收入 is not all 餐饮收入
    best = _best_before(table, raw, fig)
    if best:
        return best
    zone = _ZONE_DOING_RE.search(strip_noise(raw))
    if zone and (
        _PLACE_CLASS_RE.search(subject := clean_name(zone["subject"])) or _sector_subject(subject)
    ):
        rest = clean_name(zone["rest"])
        if _is_name(rest) and table.canonical(rest):
            # 自贸试验区实现货物进出口总额: the zone's trade, not all; 交通运输完成固定资产
            # 投资: the sector's part of the known statistic
            return subject + rest
    name = clean_name(raw)
    if not _is_name(name):
        return None
    found = lookup(table, name, fig, change)
    if found:
        return found
    inner = _aliases(table, name, fig)
    if inner and inner[-1].end == len(name):
        m = inner[-1]
        prefix = name[: m.start]
        # 全省地区生产总值 is 地区生产总值; 整车出口 is not 出口, 轻工业增加值 not 工业增加值:
        # only a scope or a time in front of a known name is dropped
        if (
            not (len(m.alias) <= 4 and LEVEL_PREFIX_RE.search(name, 0, m.start))
            and m.start in word_bounds(name)
            and not clean_name(prefix)
        ):
            return m.canonical
    return name


# and its batch or round (入选第五批国家级非遗名录, 入选首批…试点): which one is a date
_EDITION_RE = re.compile(r"^(?:首届|首批|首轮|第[\d一二三四五六七八九十]+[届批轮])")


# A measure word a known indicator implies already: 高新技术企业数 is 高新技术企业 (a
# count), 城镇调查失业率平均值 is the rate (a surveyed rate is an average), 粮食年产量 is
# 粮食产量 (output is yearly).
_IMPLIED_MEASURE_RE = re.compile(r"(?:总数|个数|数量|数|平均值|均值)$")


def _with_implied_measure(table: IndicatorTable, name: str, fig: Figure) -> str:
    """``name``, or the table's indicator it names with a measure word that indicator
    implies (see :data:`_IMPLIED_MEASURE_RE`) when the figure's unit fits it."""
    if name in table or table.canonical(name):
        return name
    for cand in (_IMPLIED_MEASURE_RE.sub("", name), name.replace("年产量", "产量")):
        canonical = table.canonical(cand) if cand != name and len(cand) >= 2 else None
        if canonical and compatible(fig, canonical):
            return canonical
    return name


# money given, not a prize: 奖补资金, 补贴, 专项资金支持, 贷款
_FUNDS_END_RE = re.compile(r"(?:资金|补贴|补助|奖补|贷款|扶持|支持)$")


def _enlisted(table: IndicatorTable, noun: str, rest: str) -> str | None:
    """``14家企业入选全省…试点`` -> ``省…试点企业`` (a generic noun named by its programme)."""
    m = ENLIST_RE.search(rest)
    if not m:
        return None
    what = re.sub(
        r"^全(省|市|国)", lambda g: "国家" if g.group(1) == "国" else g.group(1), m["what"]
    )
    what = _EDITION_RE.sub("", what.translate(_QUOTE_TABLE).rstrip("，。,")).removesuffix("名单")
    if m["verb"] == "享受" or (m["verb"] == "获得" and _FUNDS_END_RE.search(what)):
        # 52家企业获得技术改造奖补资金, 享受研发费用加计扣除政策: the firms that got money
        # or a policy's benefit, no prize winners
        return m["verb"] + what + "的" + noun
    if m["verb"] in ("荣获", "获得"):
        what += "获奖"  # 4个单位荣获首届“中国节水奖” -> 中国节水奖获奖单位
    # 3个项目入选国家级示范项目: the list's name holds the noun already
    name = what if what.endswith(noun) else what + noun
    return table.canonical(name) or name


def _without_attribute(name: str, attributes: tuple[str, ...] = ATTRIBUTES) -> str:
    """``name`` without the attribute it ends with (重点项目总投资 -> 重点项目), when
    something is left before it; else ``name``."""
    if not name.endswith(attributes):
        return name  # one C-level test for the common case
    attr = next((a for a in attributes if name.endswith(a) and len(name) > len(a) + 1), "")
    return name[: -len(attr)] if attr else name
