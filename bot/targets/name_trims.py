"""The words stripped from a name, being no part of what a figure measures: times
(:data:`TIME_RE`), comparison bases (:data:`COMPARE_RE`, :data:`BASE_PHRASE_RE`), scope
words (:data:`SCOPE_RE`), leading words (:data:`LEAD_RE`) and the words between a name and
its figure (:data:`TRAIL_RE`). Part of the extractor's vocabulary;
:mod:`bot.targets.lexicon` exports them all.
"""

from __future__ import annotations

import re

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
    r"(?:比|较)(?:上年|去年|(?:19|20)\d\d年)?(?:年初预算|预算数|执行数|决算数|预算)(?:高|低)?|(?:比|较)上一?届|"
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
