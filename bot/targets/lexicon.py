"""Word lists shared by naming, kind classification and year resolution.

Kept apart so the rules read as rules and the vocabulary can grow in one place. The verbs
that govern a figure are :mod:`bot.targets.governing_verbs`', the words stripped from a
name :mod:`bot.targets.name_trims`' (``VERB_RE``, ``TIME_RE``, ``SCOPE_RE`` … still
imported from here); this module keeps the nouns a name is made of or stops at.
"""

from __future__ import annotations

import re

from bot.targets.governing_verbs import VERB_NORMAL, VERB_RE  # noqa: F401 (exported)
from bot.targets.name_trims import (  # noqa: F401 (exported)
    BASE_PHRASE_RE,
    COMPARE_RE,
    LEAD_RE,
    SCOPE_RE,
    TIME_RE,
    TRAIL_RE,
)

# A name is never one of these alone.
GENERIC_NAMES = frozenset(
    {
        "企业",
        "项目",
        "事项",
        "区市",
        "单位",
        "个人",
        "人",
        "家",
        "个",
        "工作",
        "任务",
        "成果",
        "活动",
        "投资",
        "产值",
        "规模",
        "总量",
        "指标",
        "经济",
        "水平",
        "城市",
        "数量",
        "总额",
        "群众",
        "人员",
        "增速",
        "增长",
        "比重",
        "占比",
    }
)

# Nouns that stop a name read after a count (181项重点任务和82项…, 10所三甲医院等…).
AFTER_STOP_RE = re.compile(
    # (等 ends a list, not a word: 8回特高压等级输电线路 counts the lines, 三级甲等医院
    # the hospitals; a noun that starts with 等级, 提升2个等级, is no noun of the count;
    # 及以上 is a class's range, 1400公里三级及以上内河航道, not a second noun)
    r"的|^等|(?<![甲乙丙特高初])等(?![级次同效额量])|和|及(?!以[上下])|与|或|、|，|。|；|：|,|;|:|（|\(|”(?=[^\u4e00-\u9fff]|$)"
    # (建设 before the head it qualifies is a noun: 生态文明建设示范区, 医疗中心建设项目;
    # after 重点 it is the head's kind, 5个重点建设片区, not a verb leaving 重点 as the name)
    r"|完成|实现|达到|取得|荣获|获得|获评|获批|入选|建成|投产|开工|投用|全部|提供|开展"
    r"|(?<!重点)建设(?!项目|工程|示范|试点|重点)"
    # (智能化改造项目, 技术改造工程, 节能改造示范项目, 提档升级试点: the work named as a
    # kind of project, showcase or pilot goes on to its head)
    r"|(?:改造|提质|提档|升级)(?!(?:改造|提质|提档|升级)?(?:项目|工程|示范|试点))"
    r"|打通|逐项|实施|推进|落地|发射|成为|通过|建立|在"
    r"|(?<![发直通到抵送转下])达|获|稳定|持续|有效|基本|均"
    # (11个街道全面推行网格化管理: the streets are counted, what they do follows)
    r"|全面|推行"
    # (116个贫困村整村脱贫: the villages are counted, the whole village is how they left)
    r"|整村(?=脱贫|退出|出列)"
    r"|进行|纳入|揭牌|投入运行|投入使用|参赛|享受|列入|覆盖|直接受益"
    r"|全覆盖|顺利|相继|正式|陆续|先后|率先|共同|一起|一同|逐步|不断|都|已经|投入运营|开诊运营|(?<=[站院心])[^，。；]{0,3}运行"
)
# Attributes that a figure can be about when the thing itself is named elsewhere:
# 实施40个重点交通项目，完成投资309亿元 -> 重点交通项目完成投资;
# 总投资2000亿元的101个海洋重点项目 -> 海洋重点项目总投资.
ATTRIBUTES: tuple[str, ...] = tuple(
    sorted(
        (
            "完成投资",
            "总投资",
            "投资总额",
            "投资",
            "总面积",
            "建筑面积",
            # 脐橙种植面积…，产值…; 牡蛎养殖面积…，产量…: the crop's output, not its growing's
            "种植面积",
            "播种面积",
            "养殖面积",
            "面积",
            "总产值",
            "产值",
            "营业额",
            "营业收入",
            "销售额",
            "销售收入",
            "交易额",
            "总量",
            "收入",
            "利润总额",
            "利润",
            # (older bulletins: 实现主营业务收入…；利税总额…)
            "主营业务收入",
            "利税总额",
            "税收",
            # (an owner's taxes paid, said after its revenue: …实现营业收入…；上缴税金…)
            "上缴税金",
            "计划投资",
            "年度计划投资",
            # the money a set of signed projects is contracted for (新签约项目86个，协议总投资
            # 428.5亿元; …亿元以上项目236个，协议投资额3100亿元): the set's, as its 总投资 is
            "协议总投资",
            "协议投资额",
            "协议投资",
        ),
        key=len,
        reverse=True,
    )
)
# Verbs inside a phrase after which the measured thing starts
# (烟台体育健儿在杭州亚运会上获得奖牌总数 -> 奖牌总数).
INNER_VERB_RE = re.compile(
    r"获得|荣获|取得|实现|完成|推进|实施|开展|举办|引进|培育|打造|建成(?!区)|新增|达到|突破|推动|加快|聚焦"
    r"|受理"
)
# A clause that is only a level (其中国家级3个) names a subset of the previous thing.
LEVEL_ONLY_RE = re.compile(r"(国家级|省级|市级|县级|区级|部级|国家|省部级)")
# a level or a floor of levels (国家级以上, 省级及以上) opening a name: a floor whole
LEVEL_LEAD_RE = re.compile(
    r"^((?:国家|省|市|县|区|州)级(?:及|和)?以上|国家级|省部级|省级|市级|县级|区级)"
)
# Same thing, other words: tried when a name is looked up in the table.
SYNONYMS: tuple[tuple[str, str], ...] = (
    ("研究与试验发展", "研发"),
    ("R&D", "研发"),
    ("经费支出", "经费投入"),
    ("地区生产总值", "GDP"),
    ("规上", "规模以上"),
)
# Administrative levels that make a different list of a short generic name:
# 省重点项目 and 市级重点项目 are not 重点项目.
LEVEL_PREFIX_RE = re.compile(
    r"(省市级|省部级|国家级|省级|市级|县级|区级|国家|省|市|县|区|境内|境外)$"
)
# Verbs that put a counted set into a programme: 14家企业入选全省…试点 -> 省…试点企业.
ENLIST_RE = re.compile(
    r"(?P<verb>入选|获评|获批|列入|纳入|认定为|评为|荣获|获得|享受)(?P<what>[^，。；、,;]{2,30})"
)


# People a figure can count (八千多万农业转移人口, 惠及23.6万婴幼儿).
PEOPLE_NOUNS = (
    "人员", "群众", "居民", "人口", "职工", "农民", "学生", "劳动力", "儿童", "老年人", "老人",
    "残疾人", "青年", "对象", "婴幼儿", "毕业生", "市民", "患者", "游客", "人才", "工人", "员工",
    "妇女", "女孩", "农户", "贫困户", "劳动者", "志愿者",
)  # fmt: skip

# The long names of the statistics' industry divisions (电力、热力、燃气及水生产和供应业,
# 信息传输、软件和信息技术服务业): one category each, list marks and all
INDUSTRY_DIVISION_RE = re.compile(
    r"[\u4e00-\u9fff、]{4,18}[和及][\u4e00-\u9fff]{1,10}(?:业|社会工作|社会组织)"
)


# the number of things that are counted (企业数量, 海外仓数量, 用户个数): a count names the
# things (GOLD_GUIDELINES 6.3, 6.8.24); not a number an act makes (入围数量, 立项数量,
# 备案数量: what entering or filing counts)
COUNTED_NUMBER_RE = re.compile(
    r"[\u4e00-\u9fff）”]{2}(?<!入围|立项|备案|授权|申请|注册|登记|签约|成交|办理|发放|认定|获批)"
    r"(?:数量|个数)$"
)


def things_counted(name: str) -> str:
    """``name`` without the ``数量``/``个数`` of a count of things (see
    :data:`COUNTED_NUMBER_RE`); the caller knows the figure is a count."""
    return name[:-2] if COUNTED_NUMBER_RE.search(name) else name


# A payment's fund, named before whom it reached (发放育儿补贴资金21.3亿元，惠及婴幼儿71万人):
# the payment is what reached them, 资金 only the money's word (育儿补贴惠及婴幼儿, 稳岗返还
# 惠及企业, 草原生态保护补助奖励惠及农牧民, as the golds write them). A fund named by its
# purpose alone (救助资金, 惠企资金) keeps the word.
PAYMENT_FUND_RE = re.compile(r"(?<=补贴|补助|奖励|奖补|返还|津贴)资金$")
