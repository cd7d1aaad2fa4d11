"""Word lists shared by naming, kind classification and year resolution.

Kept apart so the rules read as rules and the vocabulary can grow in one place. The verbs
that govern a figure are :mod:`bot.targets.governing_verbs`' (``VERB_RE`` and
``VERB_NORMAL`` still imported from here).
"""

from __future__ import annotations

import re

from bot.targets.governing_verbs import VERB_NORMAL, VERB_RE  # noqa: F401 (exported)
from bot.targets.regex_gate import gated

_CENSUS = r"|“?[一二三四五六七八]经普”?|第[一二三四五六七八]次全国(?:经济|人口|农业)普查"
# Time words: removed from names wherever they are (中国北方国际油气中心年内营业额).
TIME_RE = re.compile(
    # a span of years is one time (2025—2027年累计建设…): its first year goes with it
    r"(?:到|至|截至)?(?:(?:19|20)\d\d年?[-—–－~～至到])?(?:(?:19|20)\d\d|[xX]{4}|二[〇零○]\S\S)年"
    r"(?:底|末|初|前|内|度)?"
    r"|(?:今|明|去|上|当|本)年(?:底|末|初|内|同期)?|全年|年内|每年|年末|年底|年初|目前|当前|现阶段"
    # 本次集中签约项目: the event under way, a time
    r"|本次(?=集中|签约|开工|启动|竣工)"
    r"|(?:过去|未来|今后|近)[一二三四五六七八九十两\d]+年(?:内|来)?|[一二三四五六七八九十两\d]+年(?:来|内)"
    r"|连续(?:[一二三四五六七八九十两\d]+|多)年|“?十[一二三四五六七八九]五”?(?:期间|时期|末)?"
    # 年度完成投资 at a clause's start: the year's share of a set's work, a time
    r"|(?:^|(?<=[，,；;：:]))年度(?=完成)"
    # 五年累计签约项目: the span a sum is over, said without 来; so is the span of a work
    # done or to be done over it (五年新改扩建学校40所, 五年新增城镇就业42万人)
    r"|[一二三四五六七八九十两]+年(?=累计|新(?:建|增|改|开工))"
    # 是上一个五年的1.8倍: the five years before, a base of time; and _CENSUS, a census
    # being a date too: “五经普”二三产业法人单位从业人员, 第五次全国经济普查
    r"|上一?个五年(?:期间|时期)?"
    # the part of a year a figure is of (一季度, 前三季度, 上半年, 1-9月): a date
    r"|(?:第?[一二三四1-4]|前[二三两23])季度|[上下]半年|(?:1|一)[-—至~～](?:[2-9]|1[01]|[二三四五六七八九]|十一?)月"
    # a month's end or a month of the year (6月末生猪存栏, 其中6月份上涨…), the months
    # to date (前11个月): a date as well
    r"|(?<![\d.])(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月(?:末|底|份)"
    r"|前(?:1[01]|[2-9]|十一?|[二三四五六七八九两])个月" + _CENSUS
)
# Stripped from names and clauses about 70,000 times over the 10 MB tier: the gate's class
# test rejects most positions at once, where the alternation tried every branch (same
# matches; about 2.3x faster on the tier's calls).
TIME_RE = gated(TIME_RE)
# Comparison bases: 比上年增长, 较上年末增加, 同比, 比2020年提高.
COMPARE_RE = re.compile(
    # a base named by what it was, not only when (first: 比上年 alone would leave the noun):
    # 比上年年初预算增加1800亿元, 比2023年执行数增长4% (the budget's figure compared with),
    # 比上届增长53.4% (a fair's or event's last edition)
    r"(?:比|较)(?:上年|去年|(?:19|20)\d\d年)?(?:年初预算|预算数|执行数|决算数)|(?:比|较)上一?届|"
    r"(?:比|较|与)(?:上年|去年|上年末|上年同期|(?:19|20)\d\d年|[xX]{4}年)(?:末|底|同期)?|同比|环比"
    # 比“四经普”增长, 与第四次全国经济普查相比: the census before
    r"|(?:比|较|与)(?:" + _CENSUS[1:] + r")(?:相比)?"
    # 贷款增速比各项贷款平均增速(高): the other figure compared with is a base too
    r"|(?<=[\u4e00-\u9fff]{2})(?:增速|增幅)?(?:比|较|高于|低于)[^，。；、]{2,14}?(?:平均)?(?:增速|增幅)$"
    # 民营工业增加值增速高于全部规上工业, 民间投资增速比全部投资高 (2.3个百分点): the
    # growth of the named thing is compared, the rest is the base
    r"|(?<=[\u4e00-\u9fff]{2})(?:增速|增幅)(?:高于|低于|快于|慢于)[^，。；、\d]{2,14}$"
    r"|(?<=[\u4e00-\u9fff]{2})(?:增速|增幅)(?:比|较)[^，。；、\d]{2,12}?(?:高|低|快|慢)$"
)
COMPARE_RE = gated(COMPARE_RE)  # stripped from names (regex_gate)
# 在2020年基础上, 在此基础上: a base, not part of a name.
BASE_PHRASE_RE = re.compile(
    r"在[^，。；]{0,12}?基础上"
    # how a figure was computed, not what it measures: 扣除留抵退税因素后, 按可比价格计算,
    # 按自然口径计算, 按常住人口计算, 分产业看, 从环比看
    r"|扣除[^，。；]{1,12}?(?:因素)?后|按[^，。；]{1,12}?(?:口径|价格)?(?:计算|统计|核算)"
    r"|按[^，。；]{1,8}?(?:口径|价格)|同口径|可比口径"  # 同口径增长5.6%: how, not what
    r"|[分从][^，。；]{1,8}?看|初步核算|经核算"
    # rhetoric around a figure: 连跨两个万亿元台阶, 跨过两个万亿元大关, 双双
    r"|(?:连跨|跨过|跨上)[^，。；]{0,10}(?:台阶|大关)|双双"
)
# Scope words that say where, not what (全市高新技术企业 -> 高新技术企业).
SCOPE_RE = re.compile(
    # a township's and a street's own scope words, as a county's 全县 (全镇苗木种植面积)
    # Inner Mongolia's banner and league are a county's and a prefecture's level (全旗民生支出),
    # as the table-row labels already read them (tables/labels.py)
    r"^(?:全市|全省|全区|全县|全州|全旗|全盟|全乡镇|全镇|全乡|全街道|全国(?!重点|示范|名特|综合|文明|先进|百强|优秀|首批|模范"
    # 全国农业现代化示范区, 全国优势特色产业集群: a national designation's own word
    r"|[^，。；、]{0,12}?(?:示范区|示范县|示范市|示范基地|产业集群|试点县|试点市)$)|我国"
    r"|我市|本市|我省|本省|我区|我县|我旗|我盟|该市|该县|该区|该省"
    # 各级各类学校 is the bulletins' name for all schools: its 各级 is no scope
    # 全域土地综合整治, 全域旅游: the programme's own word (a national pilot's name), not a
    # scope (sichuan: 30个全域土地综合整治项目; anhui: 开展全域土地综合整治)
    r"|市县两级|各级(?!各类学校)|全域(?!土地综合整治|旅游)|全体"
    # a district's word for its own ground (辖区PM2.5平均浓度), as 全区
    r"|辖区)"
)

# Leading words that are not part of the measured thing.
_LEAD_WORDS = (
    "其中",
    "以来",
    # actions done to the counted thing: the thing is the name, the action the change
    "制定、修改、废止",
    "修改、废止",
    "新造和修复",
    "提请全国人大常委会审议",
    "提请",
    "谋划落地",
    "更新",
    "取消",
    "修改",
    "废止",
    "接受",
    "谋划",
    "选派",
    "承办",
    "发生",
    "获",
    "拥有",
    "统筹安排",  # one word to the segmenter: 统筹 alone is not on a word bound
    "统筹",
    "一次性",
    "拟",
    "此外",
    "同时",
    "同步",  # 同步改造背街小巷: done alongside, a manner of the act
    # the second verb of a pair (新建和迁建民用运输机场, 新增和改善内河航道): the first,
    # before the 和, is the figure's change
    "迁建",
    "改善",
    "力争",
    "确保",
    "争取",
    "计划",
    "预计",
    "努力",
    "推动",
    "加快",
    "加大",
    "大力",
    "全力",
    "深入",
    "全面",
    "积极",
    "持续",
    "进一步",
    "继续",
    "稳步",
    "有序",
    "扎实",
    "切实",
    "成功",
    "陆续",
    "累计",
    "共计",
    "共有",
    # a stock said with the verb of having (全镇现有农民专业合作社58家): the stock is the
    # things, as after 共有; 实有 and 拥有 stay (实有床位, 拥有量 are the statistics' names)
    "现有",
    "合计",
    "总计",
    "共",
    "再",
    "要",
    "将",
    "已经",
    "已",
    "并",
    "还",
    "和",
    "及",
    "与",
    "以及",
    "、",
    "为",
    "对",
    "使",
    "让",
    "把",
    "每个",
    "各类",
    "各种",
    "各项",
    "一批",
)
# 未来 is a time before a name, but the first word of the terms of future industries
# and places (未来产业先导区, 未来工厂, 未来社区)
_FUTURE_LEAD = "未来(?!产业|工厂|社区|乡村|学校)"
# 集中 is the manner of an act (集中整治), but the set an event signs or starts is named by
# it (本次集中签约项目68个, 集中开工项目45个, 集中启动的新开工项目200个)
_TOGETHER_LEAD = "集中(?!签约|开工|启动|竣工|投产)"
LEAD_RE = re.compile(
    "^(?:" + "|".join((*(re.escape(w) for w in _LEAD_WORDS), _FUTURE_LEAD, _TOGETHER_LEAD)) + ")"
)

# Trailing words between a name and its figure (增速高于, 分别达到, 每年以).
_TRAIL_WORDS = (
    "分别",
    "首次",
    "历史性",
    "再次",
    "又",
    "逆势",
    "拟按",
    "按",
    "拟",
    "稳定",
    "每月",
    "每年",
    "同比",
    "比上年",
    "较上年",
    "年均",
    "平均",
    "增速",
    "增幅",
    "涨幅",
    "降幅",
    "降低",
    "增量",
    "速度",
    "总数",
    "以",
    "为",
    "是",
    "在",
    "到",
    "至",
    "了",
    "再",
    "要",
    "将",
    "已",
    "均",
    "都",
    "共",
    "约",
    "近",
    "逾",
    "超",
    "过",
    "多",
    "成功",
    "全部",
    "分别为",
    "力争",
    "预计",
    "争取",
    "确保",
    "累计",
    "实际",
    "尽快",
    "早日",
    "逐步",
    "基本",
    "全面",
    "进一步",
    "稳步",
    "持续",
    # adverbs of time and manner between a measure and its figure (比重依然在35%以上,
    # 占比可能早就低于30%)
    "依然",
    "仍然",
    "依旧",
    "仍",
    "已经",
    "早就",
    "始终",
    "一直",
    "可能",
    "也",
    "还",
    "连续",  # 粮食年产量连续保持在1.3万亿斤以上: a streak, not the measure
    # one after another, of figures said in a row (生产总值先后跨越三万亿元、三万五千亿元
    # 两个台阶, 收入相继迈上10亿元、15亿元台阶): when, not what
    "先后",
    "相继",
    "陆续",
    "依次",
)
TRAIL_RE = re.compile("(?:" + "|".join(re.escape(w) for w in _TRAIL_WORDS) + ")$")

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
