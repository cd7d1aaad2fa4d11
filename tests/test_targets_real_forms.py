"""Extraction rules written for real documents (issue 11): parts named from their head
figure, periods as years and spans, plans looking forward, confidence of names."""

from __future__ import annotations

import pytest

from bot.corpus.loader import load_document
from bot.targets import extract_targets
from bot.targets.kinds import normalize_year
from bot.targets.naming import name_confidence, word_bounds
from bot.targets.records import CONFIDENT

BULLETIN = """2023年江州市国民经济和社会发展统计公报
江州市统计局
2024年3月20日
全年实现农林牧渔业总产值950.4亿元，比上年增长3.6%。其中种植业634.8亿元，增长3.7%；畜牧业228.0亿元，增长3.1%。
全年粮食播种面积2066.70 万亩，总产量902.61 万吨，减产3.2%。
年末全市有高等教育学校3 所。其中，本科院校1 所，招生3050 人，在校学生10945 人。
全年居民消费价格比上年上涨2.4%，其中交通和通信类上涨5.8%，衣着类上涨3.3%。
"""


def test_parts_take_the_measure_of_their_head(extract):
    got = {(r.indicator, r.value, r.unit) for r in extract(BULLETIN)}
    assert ("种植业产值", 634.8, "亿元") in got  # a part of 总产值 is not a total
    assert ("畜牧业产值", 3.1, "%") in got
    assert ("粮食产量", 902.61, "万吨") in got  # 总产量 after 粮食播种面积; PDF spacing
    assert ("粮食产量", 3.2, "%") in got  # 减产 is the verb, not the name
    assert ("本科院校招生", 3050, "人") in got
    assert ("本科院校在校学生", 10945, "人") in got
    assert ("交通和通信类居民消费价格", 5.8, "%") in got
    assert ("衣着类居民消费价格", 3.3, "%") in got


def test_bulletin_growths_of_counts_spans_and_deaths(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "全年全州生产总值1329.65亿元，比上年增长4.0%，两年平均增长3.1%。\n"
        "全年旅游总收入876.71亿元，增长37.1%。其中，接待国内旅游者7879.45万人次，比上年增长25.8%。\n"
        "全年全州各类生产安全事故数27起，比上年下降27.0%；死亡人数39人，比上年下降4.9%。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[3.1] == "地区生产总值"  # 两年平均增长: no name of its own
    assert (
        got[25.8] == "国内游客"
    )  # the growth of the count (its canonical name), not 国内旅游者收入
    assert got[39] == got[4.9] == "生产安全事故死亡人数"  # not 事故数死亡人数
    more = extract(
        text + "卫生技术人员21.8万人，其中执业（助理）医师8.1万人。国际（地区）航线131条。\n"
    )
    names = {r.value: r.indicator for r in more}
    # a short alternate inside a word is part of it, in its brackets as written (the
    # golds' convention, guidelines §6.6: settled by targets-left12)
    assert names[8.1] == "执业（助理）医师"
    assert names[131] == "国际（地区）航线"
    plans = extract(
        "2026年江州省政府工作报告\n二、2026年重点工作\n"
        "完成不少于65万批次食品抽检任务。组建紧密型城市医疗集团39个。高质量完成40期国家援外培训任务。"
        "推动自贸试验区159项改革试验任务全面实施。\n"
    )
    planned = {r.value: r.indicator for r in plans}
    assert planned[65] == "食品抽检"  # the checks are counted, the task is not a measure
    assert planned[40] == "国家援外培训"
    assert planned[39] == "紧密型城市医疗集团"  # 组建 is the verb
    assert planned[159].endswith("改革试验任务")  # counted tasks keep the word


def test_bulletin_year_and_kind(extract):
    records = extract(BULLETIN)
    assert records and all(r.kind == "achievement" for r in records)
    assert {r.year for r in records} == {"2023"}  # the year it reports on, not 2024


REPORT = """2026年江州市政府工作报告
——2026年1月20日在江州市第十届人民代表大会第三次会议上
各位代表：
一、2025年工作回顾
全年地区生产总值增长5.2%。
回望“十四五”这五年，我们砥砺前行。地区生产总值年均增长5.8%，高新技术企业达到1200家。
二、2026年工作安排
地区生产总值增长5%左右。
三、加强政府自身建设
办好十件民生实事。
"""


def test_periods_of_a_work_report(extract):
    got = {(r.indicator, r.value): (r.year, r.kind) for r in extract(REPORT)}
    assert got[("地区生产总值", 5.2)] == ("2025", "achievement")
    assert got[("地区生产总值", 5.8)] == ("2021-2025", "achievement")  # a rate over the period
    assert got[("高新技术企业", 1200)] == ("2025", "achievement")  # a level at its end
    assert got[("地区生产总值", 5.0)] == ("2026", "target")
    # a part after the plan looks forward too, and 十件 is a Chinese numeral
    assert got[("民生实事", 10)] == ("2026", "target")


def test_a_comparison_after_a_figure_is_about_that_figure(extract):
    text = (
        "2026年江州市政府工作报告\n一、2025年工作回顾\n"
        "全年地区生产总值5696亿元，增长5.3%，超过全国平均水平。\n"
    )
    got = [(r.indicator, r.qualifier) for r in extract(text) if r.value is None]
    assert got == [("地区生产总值", "超过")]
    more = text + "城乡低保标准均超过全国平均水平。公众生态环境满意度连续9年高于全国平均水平。\n"
    got = [(r.indicator, r.qualifier) for r in extract(more) if r.value is None]
    assert got[1:] == [
        ("城市低保标准", "超过"),
        ("农村低保标准", "超过"),
        ("公众生态环境满意度", "高于"),
    ]


def test_a_from_to_clause_takes_the_measure_the_clause_before_opens_with(extract):
    text = (
        "2026年江州市数字经济发展报告\n一、发展成就\n"
        "全市跨境电商交易额保持快速增长，由2020年的80亿元增长至2025年的423亿元。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("跨境电商交易额", 423) in got


def test_a_sum_word_is_no_part_of_the_name(extract):
    text = "2026年江州市数字经济发展报告\n一、发展成就\n全市已许可的5G频谱资源共计770MHz。\n"
    assert [(r.indicator, r.value, r.unit) for r in extract(text)] == [("5G频谱资源", 770, "MHz")]


def test_people_after_a_bare_magnitude_are_what_it_counts(extract):
    text = (
        "2026年江州市政府工作报告\n一、2025年工作回顾\n"
        "江州拥有150多万市场主体、700万劳动者共同形成的市场红利。\n"
    )
    assert [(r.indicator, r.value, r.unit) for r in extract(text)] == [("劳动者", 700, "万人")]


def test_one_count_for_a_list_of_one_kind_is_named_by_the_kind(extract):
    text = (
        "2026年江州市政府工作报告\n二、2026年重点工作\n"
        "新增国家级重点实验室、产业技术研究院等创新平台5个以上。"
        "在科研、工业等领域落地应用场景300个。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[5] == "创新平台"
    one = extract(
        text.replace("新增国家级", "打造贵阳“青云市集”等夜间消费聚集区55个。新增国家级")
        + "三级医院14家，其中，三级甲等综合医院1家。农民专业合作社发展到133家。"
        "尽管财政收入增速放缓，但财政用于民生的比例达到70%以上。\n"
    )
    named = {r.value: r.indicator for r in one}
    assert named[55] == "夜间消费聚集区"  # one example and its kind
    assert named[1] == "三级甲等综合医院"  # 甲等 is no 等 of a list
    assert named[133] == "农民专业合作社"  # 发展到 is the change
    assert named[70] == "财政用于民生的比例"  # 但 opens the clause, not the name
    assert not got[300].startswith("领域")  # 等领域 says where, not what is counted


def test_things_counted_are_the_head_after_what_they_have(extract):
    text = (
        "江州市促进食品科技发展行动方案（2025—2027年）\n一、工作目标\n到2027年，"
        "引育5家以上具有食品创制核心技术与数智化制造能力的自主创新企业，"
        "打造2-3个技术模式较为成熟的智能化蔬果生产基地。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[5] == "食品自主创新企业"  # the field of what they have says which firms
    assert got[2] == "智能化蔬果生产基地"


def test_firms_counted_by_their_technology_are_named_by_its_field(extract):
    text = (
        "江州市人工智能产业发展行动方案（2025—2027年）\n一、工作目标\n到2027年，"
        "培育3家以上具有人工智能关键技术与算法研发能力的领军企业，"
        "引进6家具备集成电路设计核心技术的骨干企业，培育4家具备上市条件的硬核企业。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[3] == "人工智能领军企业"
    assert got[6] == "集成电路骨干企业"  # 设计 is what they do, not the field
    # no technology, no field; the condition the firms meet stays (test_targets_naming_plans)
    assert got[4] == "具备上市条件的硬核企业"
    lead = (
        "江州市低空经济发展行动方案\n"
        "到2027年，在低空经济领域，新增重点实验室、工程中心等创新平台8个以上。\n"
    )
    assert {r.value: r.indicator for r in extract(lead)}[8] == "低空经济领域创新平台"


def test_bulletin_parts_named_by_the_paragraphs_measure(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "全年居民消费价格比上年上涨0.1%。其中，城市下降0.1%，农村上涨0.1%。\n"
        "消费升级类中，智能家用电器和音像器材类、新能源汽车零售额分别增长185.1%、67.0%。\n"
    )
    got = {(r.indicator, r.value, r.confident) for r in extract(text)}
    assert ("城市居民消费价格", 0.1, True) in got  # shown: the bare place is completed
    assert ("新能源汽车零售额", 67.0, True) in got  # not 零售额零售额
    sales = extract(text + "按消费形态统计，商品零售7651.9亿元，增长0.3%。\n")
    assert {r.indicator for r in sales if r.value in (7651.9, 0.3)} == {"商品零售额"}
    hospitals = extract(
        text + "全市医疗卫生机构床位3.2万张。三级医院14家，其中，三级中医院4家；二级医院75家。\n"
    )
    assert {r.indicator for r in hospitals if r.unit == "家"} == {
        "三级医院",
        "三级中医院",
        "二级医院",
    }


def test_time_limits_and_shares_meeting_a_standard(extract):
    text = (
        "江州市推进海绵城市建设和通关便利化的实施意见\n一、工作目标\n"
        "到2025年底，全市建成区40%以上的面积达到海绵城市建设目标要求。"
        "对进境货物符合正常放行条件的48小时内放行。"
        "航空应急力量基本实现2小时内到达灾害事故易发多发地域。\n"
    )
    got = {(r.indicator, r.value, r.qualifier, r.confident) for r in extract(text)}
    assert ("海绵城市达标面积占建成区面积比重", 40, "以上", True) in got
    assert ("进境货物放行时限", 48, "内", True) in got
    assert ("航空应急力量到达时限", 2, "内", True) in got


def test_a_list_of_roads_what_money_built_and_a_rate_of_the_things_before(extract):
    text = (
        "2016年江州区政府工作报告\n一、“十二五”时期工作回顾\n"
        "新建、改造胜利大街、哈萨尔大街等城市主干道路80条，总里程达到61.4公里；"
        "五年累计投资5.1亿元,建成西出口等31条公路。投资650万元建成6座水冲式公厕。"
        "办理人大代表建议68件、政协委员提案118件，办结率100%。\n"
    )
    got = {r.value: (r.indicator, r.confident) for r in extract(text)}
    assert got[80] == ("城市主干道路", True)  # the kind of the listed streets
    assert got[61.4] == ("城市主干道路总里程", True)  # not the next clause's 人均道路
    # the money of what it built: its construction investment
    assert got[5.1] == ("公路建设投资", True)
    assert got[650] == ("水冲式公厕建设投资", True)
    assert got[100] == ("人大代表建议和政协提案办结率", True)  # one rate of both; not 政协提案率
    both = extract(text + "五年共办理人大代表建议405件和政协委员提案590件，办复率均达100%。\n")
    rates = {r.indicator for r in both if r.unit == "%" and r.indicator.endswith("办复率")}
    assert rates == {"人大代表建议办复率", "政协提案办复率"}  # 均: each one's rate
    ranked = extract(text + "外商直接投资累计达到149.6亿美元、总规模居中西部第1位。\n")
    assert {r.indicator for r in ranked if r.unit == "位"} == {"外商直接投资总规模中西部排名"}


def test_a_sector_a_sentence_opens_with_owns_its_bare_measures(extract):
    text = (
        "2026年江州省政府工作报告\n一、“十四五”时期工作回顾\n"
        "服务业支撑作用更加明显，增加值跨上3万亿元台阶，对经济增长贡献率超60%。"
        "旅游业国际影响力大幅提升，对GDP综合贡献率达33.4%。"
        "企业活力持续增强，营业收入增长8%。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[3] == "服务业增加值"
    assert got[60] == "服务业对经济增长贡献率"
    assert got[33.4] == "旅游业对GDP综合贡献率"
    assert got[8] != "企业营业收入"  # 企业 is no sector


def test_costs_per_hundred_yuan_parts_that_are_so_and_project_scales(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "规模以上工业企业每百元营业收入中的成本为88.86元。"
        "自贸试验区累计推出259项制度创新成果，其中56项为全国首创。"
        "亘富200万吨褐煤提质项目主体完工，300万吨级CCUS碳捕集利用、100吉瓦时锂电池储能等减碳项目加快建设。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[88.86] == "规模以上工业企业每百元营业收入中的成本"
    assert got[56] == "全国首创制度创新成果"
    assert got[200] == "褐煤提质项目产能"  # what it makes; 300万吨级…项目 is a scale
    assert got[100] == "锂电池储能项目规模"
    more = extract(
        text + "全力完成今年66个重点项目54亿元的投资计划。争创国家现代农业产业园、产业集群各1个。\n"
    )
    named = [(r.indicator, r.value) for r in more]
    assert ("重点项目投资", 54) in named  # the money is the projects' investment
    assert ("国家现代农业产业集群", 1) in named  # 国家现代农业 is every item's
    listed = extract(
        "2026年江州省政府工作报告\n一、“十四五”时期工作回顾\n"
        "推动环城高速扩容工程等14条高速公路项目和黄百等4个在建铁路项目加快建设。"
        "新投产海上风电549万千瓦。新昆楚大、临清等40条高速公路相继开通。\n"
    )
    got = {r.value: (r.indicator, r.year) for r in listed}
    assert got[4][0] == "在建铁路项目"  # 黄百等: the examples are no name
    assert got[549][0] == "海上风电装机容量"  # 新投产 is the change; power is capacity
    assert got[40] == ("高速公路", "2021-2025")  # 相继开通: opened over the five years


NEWS = """江州：今年地区生产总值预期增长6%左右
2022年4月28日 来源：江州日报
本报讯（记者 张三）4月27日，江州市第七届人民代表大会第三次会议开幕。市长代表市政府作政府工作报告。
报告指出，过去一年，江州地区生产总值达到3070亿元，增长6.7%；规模以上工业增加值增长4.7%。
报告提出，今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业15万人以上。
"""


def test_a_news_story_about_a_work_report(extract):
    records = extract(NEWS, "city_jiangzhou_2022_news.txt")  # typed as a work report
    got = {(r.indicator, r.value): (r.kind, r.year) for r in records}
    assert got[("地区生产总值", 3070)] == ("achievement", "2021")  # 过去一年: the year past
    assert got[("地区生产总值", 6.7)] == ("achievement", "2021")
    assert got[("地区生产总值", 6)] == ("target", "2022")  # 今年…预期目标 turns forward
    assert got[("新增城镇就业", 15)] == ("target", "2022")
    story = (
        NEWS
        + "市长说，2021年是开局之年。一年来，新增市场主体12万户。\n"
        + "市长指出，2022年要办好16件民生实事。\n"
    )
    kinds = {r.value: (r.kind, r.year) for r in extract(story, "city_jiangzhou_2022_news.txt")}
    assert kinds[12] == ("achievement", "2021")
    assert kinds[16] == ("target", "2022")  # past the reporting lead, 2022年 turns forward


def test_a_part_is_measured_in_the_unit_of_its_total(extract):
    text = (
        "2025年江州市国民经济和社会发展统计公报\n"
        "全年粮食产量50.2万吨。年末经营主体242.8万户，其中企业57.5万户，个体工商户185.3万户。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    # the households are no part of the grain output of the sentence before
    assert not any(name.endswith("产量") for name, value in got if value in (57.5, 185.3))
    assert ("粮食产量", 50.2) in got


FIVE_YEARS_THEN_ONE = """2026年江州市政府工作报告
一、“十四五”时期和2025年工作回顾
这五年，我们砥砺前行。每年城镇新增就业6万人以上，外商直接投资累计达到50.5亿美元，净增经营主体12.8万户。
地区生产总值由2020年的900亿元增加到2025年的1200亿元，年均增长5.9%。
各位代表！刚刚过去的2025年，是江州发展极不平凡的一年。
（一）经济运行稳中有进。
全年规模以上工业增加值增长6.1%，新增城镇就业6.3万人。
"""


def test_a_five_year_review_then_the_year_just_past(extract):
    got = {(r.indicator, r.value): r.year for r in extract(FIVE_YEARS_THEN_ONE)}
    assert got[("新增城镇就业", 6.0)] == "2021-2025"  # 每年 of the five years
    assert got[("外商直接投资", 50.5)] == "2021-2025"  # summed, not a level at the end
    assert got[("市场主体", 12.8)] == "2021-2025"  # 净增 is a flow
    assert got[("地区生产总值", 1200)] == "2025"  # 增加到2025年的: where it stands
    assert got[("地区生产总值", 5.9)] == "2021-2025"  # averaged since 2020
    more = {
        (r.indicator, r.value): r.year
        for r in extract(
            FIVE_YEARS_THEN_ONE.replace("每年", "2025年旅游收入达到69亿元，是2020年的2.6倍。每年")
        )
    }
    assert more[("旅游收入", 69)] == "2025"
    assert more[("旅游收入", 2.6)] == "2025"  # 是2020年的: 2020 is the base, not the year
    # past the speaker's address, the year just past holds for the subsections after it
    assert got[("规模以上工业增加值", 6.1)] == "2025"
    assert got[("新增城镇就业", 6.3)] == "2025"


def test_plans_look_forward_to_their_horizon(extract):
    text = (
        "江州市促进产业发展行动方案（2025—2027年）\n"
        "一、工作目标\n到2027年，产业规模突破1000亿元。\n"
        "二、重点任务\n（一）培育企业\n培育领军企业20家。\n"
    )
    got = {r.indicator: (r.year, r.kind) for r in extract(text)}
    # a count built over the period the title names takes its span (§6.6)
    assert got["领军企业"] == ("2025-2027", "target")


def test_action_plan_tasks_are_dated_by_the_title_not_by_the_goals(extract):
    goals = "一、工作目标\n到2027年，建成绿色工厂50家，污水处理率达到95%。\n"
    tasks = (
        "二、重点任务\n1.建设示范园区。打造3个智慧农业示范园区，绿色工厂50家全部投产。\n"
        "2.提升效率。货物通关时间压缩至24小时以内。\n"
        "3.建设数据平台。构建不少于1000例病例的脑数据开放数据集。\n"
    )
    dated = {
        r.value: r.year for r in extract("江州市绿色发展行动方案（2025—2027年）\n" + goals + tasks)
    }
    assert dated[3] == "2025-2027"  # built over the period the title names
    assert dated[24] == "2027"  # a level: the period's end
    assert dated[1000] == "2025-2027"  # 构建 builds, as 新建 does
    undated = {
        r.value: r.year for r in extract("江州市关于推进绿色发展的实施意见\n" + goals + tasks)
    }
    assert undated[95] == "2027"  # the goals' own year
    assert undated[3] == ""  # the goals' 到2027年 says nothing about the tasks
    assert undated[24] == ""
    assert undated[50] == "2027"  # a task that repeats a goal keeps its year
    # goals under another heading, or listed after their lead, are goals all the same
    for goals in (
        "一、总体要求\n到2027年，实现以下主要目标：\n1.污水处理率达到95%。\n",
        "一、总体要求\n到2027年，绿色发展取得明显成效。\n污水处理率达到95%。\n",
    ):
        lead = {
            r.value: r.year for r in extract("江州市关于推进绿色发展的实施意见\n" + goals + tasks)
        }
        assert lead[95] == "2027"
        assert lead[3] == ""


def test_normalize_year() -> None:
    assert normalize_year("过去五年", doc_year="2026", current_year="2026") == "2021-2025"
    congress = normalize_year("过去五年", doc_year="2017", current_year="2017", backward=0)
    assert congress == "2013-2017"
    assert normalize_year("“十四五”末", doc_year="2026", current_year="2026") == "2025"
    assert normalize_year("十三五期间", doc_year="2021", current_year="2021") == "2016-2020"
    assert normalize_year("每年", doc_year="2022", current_year="2022") == "2022"
    assert normalize_year("三年内", doc_year="2022", current_year="2022") == ""
    assert normalize_year("过去五年", doc_year="", current_year="") == "过去五年"  # no anchor
    # the year just past, even where no heading says it (a news story about a report)
    assert normalize_year("过去一年", doc_year="2022", current_year="2022") == "2021"
    assert normalize_year("一年来", doc_year="2022", current_year="2022") == "2021"
    assert normalize_year("过去一年", doc_year="2017", current_year="2017", backward=0) == "2017"


def test_names_are_cut_at_word_boundaries(extract):
    got = {r.indicator for r in extract("全年有色金属冶炼和压延加工业增加值增长5.0%。\n")}
    assert "有色金属冶炼和压延加工业增加值" in got
    assert 3 not in word_bounds("再生资源")


def test_computation_notes_are_not_names(extract):
    text = (
        "2022年江州市统计公报\n全年完成一般公共预算收入1722.4亿元，扣除留抵退税因素后增长5.8%。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("一般公共预算收入", 5.8) in got


def test_confidence_of_names(table) -> None:
    assert name_confidence("地区生产总值", table) == 1.0
    assert name_confidence("高新技术企业营业收入", table) >= CONFIDENT
    assert name_confidence("统筹安排省级财政资金", table) < CONFIDENT  # a verb phrase
    assert name_confidence("经验被国家发展改革委集中推广", table) < CONFIDENT
    assert name_confidence("新台阶", table) < CONFIDENT
    assert name_confidence("跃升排名", table) < CONFIDENT  # a rank of nothing


def test_clauses_cut_short_are_not_confident_names(table) -> None:
    # a conjunction or 等 before the next item, 前 of 排名前
    assert name_confidence("科创生态岛和", table) < CONFIDENT
    assert name_confidence("重点铁路等", table) < CONFIDENT
    assert name_confidence("学科进入全球排名前", table) < CONFIDENT
    # a predicate: how things went, not what was measured
    assert name_confidence("惠民实事圆满", table) < CONFIDENT
    assert name_confidence("技术模式较为成熟", table) < CONFIDENT
    # a clause turning one thing into another
    assert name_confidence("高校办学体制调整为省属", table) < CONFIDENT
    # who acts or a bare kind of thing is no measure: 本届政府减少1/3行政审批事项, 2个平台入选
    assert name_confidence("本届政府", table) < CONFIDENT
    assert name_confidence("平台", table) < CONFIDENT
    assert name_confidence("省区市", table) < CONFIDENT
    # and names that merely hold such characters stay confident
    assert name_confidence("城乡居民收入比", table) >= CONFIDENT
    assert name_confidence("国家级非物质文化遗产", table) >= CONFIDENT


def test_unnamed_figures_are_kept_hidden(extract):
    records = extract("江州市政府工作报告\n全年共完成投资3.5亿元。\n")
    assert [(r.value, r.unit) for r in records] == [(3.5, "亿元")]
    assert not records[0].confident


def test_a_part_of_the_region_keeps_its_own_region(extract):
    text = (
        "2026年湖北省政府工作报告\n——2026年1月27日在湖北省第十四届人民代表大会第四次会议上\n"
        "一、2025年工作回顾\n全省地区生产总值增长5.5%，武汉地区生产总值突破2万亿元，"
        "宜昌市经济总量达到6000亿元，武汉港货物吞吐量增长3%。\n"
    )
    got = {(r.region, r.indicator, r.value) for r in extract(text)}
    assert ("湖北", "地区生产总值", 5.5) in got
    assert ("武汉", "地区生产总值", 2.0) in got  # not the province's total
    assert ("宜昌", "地区生产总值", 6000.0) in got
    assert not any(r == "武汉" and v == 3.0 for r, _i, v in got)  # a port of the city


def test_national_figures_carry_national_names(extract):
    text = (
        "2025年政府工作报告\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n"
        "一、2024年工作回顾\n经济总量达到134.9万亿元，单位地区生产总值能耗降低3%。\n"
    )
    got = {(r.indicator, r.region) for r in extract(text)}
    assert ("国内生产总值", "全国") in got  # 经济总量 of the nation is 国内生产总值
    assert ("单位国内生产总值能耗", "全国") in got


def test_glossaries_thresholds_ages_and_multiples(extract):
    text = (
        "2026年江州市政府工作报告\n一、2025年工作回顾\n经济总量超千亿元的县域达12个。"
        "打造规模面积200亩以上的示范园8个。推进2×66万千瓦发电项目。满3岁即入园。\n"
        "名词解释\n1.稳增长“21条”：出台政策措施21条。\n"
    )
    got = {(r.value, r.unit) for r in extract(text)}
    assert (12, "个") in got and (8, "个") in got
    assert (1000, "亿元") not in got  # the class of the counted 县域
    assert (200, "亩") not in got
    assert (132, "万千瓦") in got  # two units of 66
    assert not any(u == "岁" for _v, u in got)
    assert (21, "条") not in got  # the glossary defines terms


def test_one_figure_for_each_listed_subject(extract):
    text = (
        "2016年江州区政府工作报告\n二、2016年工作安排\n"
        "城镇常住居民人均可支配收入、农村常住居民人均可支配收入均增长8%；"
        "一二三产增加值分别增长3.5%左右、6%左右、5%左右。二氧化硫、氮氧化物排放都要减少2%左右。\n"
    )
    got = [(r.indicator, r.value) for r in extract(text)]
    assert ("城镇居民人均可支配收入", 8.0) in got and ("农村居民人均可支配收入", 8.0) in got
    assert ("二氧化硫排放", 2.0) in got and ("氮氧化物排放", 2.0) in got  # 都要: each
    # one character standing for its word: 存、贷款余额 is 存款余额 and 贷款余额
    split = extract(
        text.replace("二氧化硫", "金融机构本外币存、贷款余额分别突破1.5万亿元、1.4万亿元。二氧化硫")
    )
    assert {(r.indicator, r.value) for r in split if r.unit == "万亿元"} == {
        ("金融机构本外币存款余额", 1.5),
        ("金融机构本外币贷款余额", 1.4),
    }
    # a level the first item opens with is every item's
    more = extract(
        text.replace("二氧化硫", "国家级跨境电商综合试验区、服务贸易平台均增至9个。二氧化硫")
    )
    assert {r.indicator for r in more if r.value == 9} == {
        "国家级跨境电商综合试验区",
        "国家级服务贸易平台",
    }
    assert [n for n, v in got if v in (3.5, 6.0, 5.0)] == [
        "第一产业增加值",
        "第二产业增加值",
        "第三产业增加值",
    ]


@pytest.mark.parametrize(
    "name",
    [
        "2023全市共有自然保护地",
        "举全区之力完成投资",
        "主力店正式运营",
        "重点项目有",
        "ESI［5］全球排名前",
        "企业解决了融资难题",  # 了 inside: a clause about them, not a name
        "增长速度可以实现充分就业",  # a modal: what can be done
        "营业收入等主要指标",  # a list of indicators, none named
    ],
)
def test_odd_names_are_not_confident(name: str, table) -> None:
    assert name_confidence(name, table) < CONFIDENT


def test_a_rank_for_each_listed_item(extract):
    text = (
        "2026年江州省政府工作报告\n一、2025年工作回顾\n"
        "实现地区生产总值67665亿元，增长5.5%，总量和增速均居全国第5位；"
        "市场环境、创新环境均居全国前三。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text) if r.unit == "位"}
    assert got == {
        ("地区生产总值全国排名", 5.0),
        ("地区生产总值增速全国排名", 5.0),
        ("市场环境全国排名", 3.0),
        ("创新环境全国排名", 3.0),
    }


def test_a_project_named_after_its_investment_keeps_its_own_name(extract):
    # The frame of the previous clause (道路) must not replace a name read after the figure.
    text = (
        "2026年江州市政府工作报告\n"
        "投资1.29亿元完成了17条道路的改扩建；投资5100万元的江河景观带改造工程投入使用；"
        "总投资18.8亿元的棚户区改造异地安置工程，当年完成投资6.87亿元。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("江河景观带改造工程投资", 5100) in got
    assert ("棚户区改造异地安置工程总投资", 18.8) in got


def test_a_share_of_a_named_whole_names_the_whole(extract):
    text = (
        "江州市2023年国民经济和社会发展统计公报\n"
        "其中税收收入1267.8亿元，增长5.3%，占一般公共预算收入比重达73.6%。\n"
        "高速铁路运营里程达1.6万公里，占世界的60%以上。\n"
        "经济总量超9万亿元，占全国比重升至6.5%左右。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("税收收入占一般公共预算收入比重", 73.6) in got
    assert ("高速铁路运营里程占世界比重", 60) in got
    assert any(name.endswith("占全国比重") and v == 6.5 for name, v in got), got


def test_parts_of_stock_and_class_measures(extract):
    text = (
        "江州市2023年国民经济和社会发展统计公报\n"
        "年末全市民用汽车保有量130.28万辆，比上年末增长2.9%，其中私人汽车118.34万辆，增长1.0%。"
        "本年新增图书藏量7.51万册，其中少儿类0.72万册。专利授权83616件，其中发明19560件。\n"
        "全年限额以上单位商品零售额1200亿元，增长5.1%。化妆品类、日用品类分别增长18.7%、18.4%。\n"
        "在居民消费价格中，食品烟酒价格比上年下降0.4%，衣着比上年上涨0.4%。\n"
        "完成水土流失综合治理2980平方公里，开展补贴性职业技能培训40万人次。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("私人汽车保有量", 118.34) in got
    assert ("少儿类图书藏量", 0.72) in got
    assert ("专利授权", 83616) in got  # a whole measure never takes an earlier entity
    assert ("发明专利授权", 19560) in got
    assert ("化妆品类零售额", 18.7) in got  # a 类 is a class of the measure in force
    assert ("衣着价格", 0.4) in got  # 在居民消费价格中 lists parts
    assert ("水土流失综合治理面积", 2980) in got  # the activity measured, by its area
    assert ("补贴性职业技能培训", 40) in got


def test_a_shared_tail_and_no_entity_from_an_earlier_sentence(extract):
    text = (
        "江州市2023年国民经济和社会发展统计公报\n"
        "建筑业贷款余额120亿元。全省贷款余额13万亿元，增长8.3%。"
        "全年各类事故、较大事故起数分别下降43.3%、36.1%。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("贷款余额", 13) in got or ("金融机构贷款余额", 13) in got, got
    assert not any(name.startswith("建筑业") and v == 13 for name, v in got)
    assert ("较大事故起数", 36.1) in got


def test_national_designations_and_parts_of_per_head_income(extract):
    text = (
        "江州市2023年国民经济和社会发展统计公报\n"
        "年末全市共有全国重点文物保护单位18处，省级重点文物保护单位72处。\n"
        "城镇居民人均可支配收入54897元，增长4.3%。其中，工资性收入32292元，增长4.3%；"
        "财产净收入5633元，增长4.2%。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("全国重点文物保护单位", 18) in got  # a national designation, not a scope word
    assert ("省级重点文物保护单位", 72) in got
    assert ("城镇居民人均工资性收入", 32292) in got
    assert ("城镇居民人均财产净收入", 4.2) in got


def test_names_end_before_change_words_and_adverbs(extract):
    text = (
        "2026年江州市政府工作报告\n"
        "年末全市城镇调查失业率降到5.2%，行政机关败诉率降至3.39%，城乡居民收入比收窄到2.1。"
        "中小企业宽带和专线平均资费再降10%，住宅投资下降2.4%。"
        "40条高速公路相继开通，3个国家区域医疗中心投入运营，10个二线口岸正式启用。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("城镇调查失业率", 5.2) in got
    assert ("行政机关败诉率", 3.39) in got
    assert ("中小企业宽带和专线平均资费", 10) in got
    assert ("住宅投资", 2.4) in got  # 下降 stays one word
    assert ("高速公路", 40) in got
    assert ("国家区域医疗中心", 3) in got
    assert ("二线口岸", 10) in got


def test_action_verbs_before_the_counted_thing_are_not_its_name(extract):
    text = (
        "2026年江州市政府工作报告\n"
        "削减审批事项62项，铺设自来水管道85公里，盘活存量闲置用地3万亩，"
        "兑现以旧换新补贴169亿元，新创建全国文明城市13个，招募留用银龄人才5494人。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    for pair in [
        ("审批事项", 62),
        ("自来水管道", 85),
        ("存量闲置用地", 3),
        ("以旧换新补贴", 169),
        ("全国文明城市", 13),
        ("银龄人才", 5494),
    ]:
        assert pair in got, (pair, got)


def test_listed_items_share_the_rest_of_the_last_item_at_a_word(extract):
    text = (
        "江州市2023年国民经济和社会发展统计公报\n"
        "制造业、普惠小微贷款余额分别增长10.7%、13.3%。"
        "地表水、近岸海域水质优良比例分别达96.9%、99.7%。"
        "第一、二、三产业对经济增长的贡献率分别为22.5%、22.1%、55.4%。"
        "城镇、农村居民人均可支配收入分别增长3.4%、5.2%。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("制造业贷款余额", 10.7) in got
    assert ("地表水水质优良比例", 96.9) in got
    assert ("第二产业对经济增长的贡献率", 22.1) in got
    assert ("城镇居民人均可支配收入", 3.4) in got


def test_quoted_policy_packages_are_named_by_topic(extract):
    text = "2026年江州市政府工作报告\n制定出台“40条”帮扶企业政策，出台稳增长“21条”“18条”等政策。\n"
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("帮扶企业政策", 40) in got
    assert ("稳增长政策措施", 21) in got
    assert any(name.startswith("稳增长") and v == 18 for name, v in got), got


def test_subject_of_earlier_clauses_both_and_listed_ranks(extract):
    text = (
        "2026年宁夏回族自治区政府工作报告\n"
        "过去五年，地区生产总值跨越5000亿元大关，年均增长5.7%。\n"
        "人民币存款、贷款余额连跨4个万亿元台阶、双双突破9万亿元。\n"
        "一产、二产、三产增加值分别增长6%、5.2%、5.2%，分别居全国第二、第七、第九。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("地区生产总值", 5.7) in got
    # 跨越5000亿元大关 is the level reached; 连跨4个万亿元台阶 counts steps: no figure
    assert ("地区生产总值", 5000) in got
    assert not any(v == 4 for _name, v in got), got
    assert sum(1 for name, v in got if v == 9 and name.endswith("贷款余额")) == 1, got
    assert sum(1 for name, v in got if v == 9 and name.endswith("存款余额")) == 1, got
    assert ("第一产业增加值增速全国排名", 2) in got
    assert ("第二产业增加值增速全国排名", 7) in got
    assert ("第三产业增加值增速全国排名", 9) in got


def test_a_share_of_a_whole_named_before_the_figure(extract):
    got = {
        (r.indicator, r.value)
        for r in extract("2026年江州市政府工作报告\n高标准农田达到耕地总面积的64%。\n")
    }
    assert ("高标准农田占耕地总面积比重", 64) in got


def test_a_count_of_years_is_no_part_of_a_name(extract):
    text = "2026年江州市政府工作报告\n五年累计发放城乡低保金9823万元。九年义务教育巩固率96.59%。\n"
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("城乡低保金", 9823) in got
    assert ("九年义务教育巩固率", 96.59) in got  # 九年 here is part of the name


def test_per_head_rates_kinds_of_counted_things_and_later_ranks(extract):
    text = (
        "2026年江州市政府工作报告\n"
        "每千人口托位数从0.5个增至4.8个。新增完成整治30个面积较大的农村黑臭水体。"
        "对全区14个景区景点的环境实施了完善提升。\n"
        "规上工业企业营收从全国第12位跃升至第5位。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("每千人口托位数", 4.8) in got  # a rate per 1,000 people, not places
    assert ("农村黑臭水体", 30) in got  # 面积较大的 says which kind
    assert ("景区景点", 14) in got  # 景区景点的环境: whose, not which
    assert ("规模以上工业企业营收全国排名", 5) in got


def test_trade_with_a_partner_is_not_all_trade(extract):
    text = (
        "江州市2023年国民经济和社会发展统计公报\n"
        "对东盟、欧盟进出口总额分别下降2.0%、3.7%。\n"
        "对“一带一路”沿线国家实现进出口总额2704.7亿元，增长4.4%。\n"
        "全年货物进出口总额8000亿元。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("对东盟进出口总额", 2.0) in got
    assert ("对一带一路沿线国家进出口总额", 2704.7) in got
    assert not any(v in (2.0, 2704.7) and name == "外贸进出口总额" for name, v in got)
    assert ("外贸进出口总额", 8000) in got  # the whole is still the whole


def test_a_combined_figure_is_one_record_and_a_shared_one_is_each(extract):
    text = (
        "2026年江州市政府工作报告\n"
        "绿色铝、硅光伏、新能源电池合计产值年均增长30.4%。"
        "装备制造业、高端食品加工业产值年均增长超20%。\n"
    )
    records = extract(text)
    assert len([r for r in records if r.value == 30.4]) == 1  # 合计: the sum
    assert len([r for r in records if r.value == 20]) == 2  # each grew by 20 %


def test_fragments_and_mismatched_measures_are_not_confident(extract):
    text = (
        "2026年江州市政府工作报告\n"
        "建成250个社区健身路径或3人制篮球场。年末共有监察机构17个，监察人员186人。\n"
    )
    by_value = {r.value: r for r in extract(text)}
    assert 3 not in by_value  # 3人制篮球场: a kind of court, no figure
    assert by_value[250].confidence >= CONFIDENT


def test_rhetorical_steps_and_function_words_are_no_names(extract):
    text = (
        "2026年江州市政府工作报告\n"
        "粮食产量首次跃上1.4万亿斤新台阶。社区干部生活补贴平均达到2000元，是2010年的2倍。"
        "11个村屯全覆盖建设任务全部完成。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("粮食产量", 1.4) in got
    assert not any(name in ("是的", "新台阶") for name, _ in got), got
    assert ("村屯", 11) in got


def test_time_words_and_verbs_are_no_names_and_a_school_count_is_no_graduate_count(extract):
    text = (
        "江州市2023年国民经济和社会发展统计公报\n"
        "普通高中46所，毕业生32829人。幼儿园1250所（其中：民办428所），在园幼儿149190人。\n"
        "谋划多年、惠及3400万人的引大济岷工程启动建设。用好240小时过境免签政策。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("民办毕业生", 428) not in got
    assert not any(name in ("多年", "用好") for name, _ in got), got


def test_social_insurance_counts_have_one_name(extract, table):
    text = (
        "江州市2025年国民经济和社会发展统计公报\n"
        "年末全市参加城镇职工基本养老保险人数52.3 万人。参加失业保险人数20.1万人。"
        "全市城乡居民基本养老保险参保88.6万人。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("城镇职工基本养老保险参保人数", 52.3) in got
    assert ("失业保险参保人数", 20.1) in got
    assert ("城乡居民基本养老保险参保人数", 88.6) in got  # 参保 alone is the verb of a count
    # both ways of writing it are one indicator
    assert table.canonical("参加失业保险人数") == table.canonical("失业保险参保人数")


def test_a_list_is_split_before_its_items_are_cleaned(extract):
    text = (
        "2026年江州市政府工作报告\n"
        "港口货物吞吐量、跨境电商交易额、新增外贸企业、保税仓储面积分别增长12.5%、30%、8%、15.2%。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[12.5] == "港口货物吞吐量"  # not cut off by the 新增 of a later item
    assert got[30] == "跨境电商交易额"
    assert got[15.2] == "保税仓储面积"


def test_a_second_list_of_a_bare_measure_takes_the_items_of_the_first(extract):
    text = (
        "2026年江州市政府工作报告\n"
        "全市较大事故和重大事故起数比上年分别下降20.5%和33.3%，死亡人数分别下降18.2%和40%。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[20.5] == "较大事故起数"  # 起数 is shared by both items
    assert got[18.2] == "较大事故死亡人数"
    assert got[40] == "重大事故死亡人数"


def test_gaps_to_a_base_belong_to_the_listed_items(extract):
    text = (
        "江州市2025年国民经济和社会发展统计公报\n"
        "全年装备制造业增加值、高技术制造业增加值分别增长9.1%、12.0%，"
        "分别高于规模以上工业增加值增速3.2个、6.1个百分点。"
        "涉农贷款、科技贷款增速比各项贷款平均增速分别高2.4和5.5个百分点。\n"
    )
    got = {(r.indicator, r.value, r.unit) for r in extract(text)}
    assert ("装备制造业增加值", 3.2, "个百分点") in got  # not the base it is compared with
    assert ("高技术制造业增加值", 6.1, "个百分点") in got
    assert ("涉农贷款", 2.4, "个百分点") in got  # 比各项贷款平均增速 is the base
    assert ("科技贷款", 5.5, "个百分点") in got


def test_cut_clauses_periods_and_changes_are_not_confident(table):
    for name in ("指标不", "产品中", "规划共设置", "两年", "迈上"):
        assert name_confidence(name, table) < CONFIDENT, name
    for name in ("普通高中", "研究所", "医疗卫生机构"):
        assert name_confidence(name, table) >= CONFIDENT, name


def test_a_level_in_front_of_a_known_count_is_kept(extract):
    text = (
        "2026年江州市政府工作报告\n"
        "新认定省级专精特新企业120家。培育3个国家先进制造业集群。新增境外上市公司4家。"
        "新增规模以上工业企业300家。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[3] == "国家先进制造业集群"  # a narrower set than 先进制造业集群
    assert got[4] == "境外上市公司"
    assert got[300] == "规模以上工业企业"  # the table's name where nothing narrows it


def test_the_base_of_a_share_is_never_the_name(extract):
    text = (
        "2026年江州市政府工作报告\n"
        "全市火灾死亡人数、过火面积和直接财产损失占地区生产总值比重分别下降12.5%、8.1%和20.4%。"
        "软件业务收入占全市的比重达到9%。PM_2.5平均浓度为28微克/立方米。"
        "营商环境评价我市连续三年全省第一。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[20.4] == "直接财产损失占地区生产总值比重"
    assert "地区生产总值" not in (got[12.5], got[8.1])  # a count of deaths is no share of GDP
    assert got[9] == "软件业务收入占全市比重"
    assert got[28].startswith("PM2.5")
    assert "我市" not in got[1]


def test_a_verb_after_a_counted_thing_is_not_part_of_it(extract):
    text = (
        "2026年江州市政府工作报告\n"
        "完成45栋老旧厂房维修。开展60处历史建筑保护和活化利用。建成12个污水处理厂。"
        "推出30项改革举措。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[45] == "老旧厂房"
    assert got[60] == "历史建筑"
    assert got[12] == "污水处理厂"  # a verb inside the noun stays
    assert got[30] == "改革举措"  # 举措 is a noun whatever the dictionary says


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("今年安排的重点建设项目有", "重点建设项目"),
        ("累计充电桩达", "充电桩"),
        ("普通高中由", "普通高中"),
        ("城市更新", "城市更新"),  # 新 inside a word stays
    ],
)
def test_a_one_character_word_left_by_a_cut_clause_leaves_the_name(raw, name):
    from bot.targets.naming import clean_name

    assert clean_name(raw) == name


def test_a_bare_level_in_a_labelled_list_item_is_the_labels(extract):
    text = (
        "江州市“十四五”防灾减灾规划\n"
        "专栏3 应急物资储备工程\n"
        "1．防汛抗旱物资：在江北、江南建设4个市级库，建设12个县级库和3个区域储备中心。\n"
        "2．主要任务：建设9个县级站。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[4] == "防汛抗旱物资市级库"
    assert got[12] == "防汛抗旱物资县级库"
    assert got[3] == "区域储备中心"  # a name that says what it is stands
    assert got[9] == "县级站"  # 主要任务 is a part of the text, not a kind of thing


def test_a_zones_area_is_the_zones_and_what_it_is(extract):
    text = (
        "江州科创走廊建设方案\n"
        "一、主要目标\n到2027年，研发经费投入强度达到4%。\n"
        "二、空间布局\n"
        "科学城片区以江州大学为核心，集聚高水平研究机构，面积约12.5平方公里。\n"
        "临江产业园覆盖江北全域，总规划面积约40平方公里。\n"
        "三、重点任务\n新增绿地面积约3平方公里。\n"
    )
    got = {r.value: (r.indicator, r.kind) for r in extract(text)}
    assert got[12.5] == ("科学城片区面积", "achievement")
    assert got[40] == ("临江产业园总规划面积", "achievement")
    assert got[3][1] == "target"  # 新增: a goal, whatever it measures


def test_averages_clause_after_clause_are_of_the_set_the_first_counts(extract):
    text = (
        "2026年江州市政府工作报告\n"
        "通过数字化改造，45家绿色示范工厂的能源利用效率平均提升18%，单位产品能耗平均下降12%，"
        "交付周期平均缩短20%，全市工业增加值增长6%。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[18] == "绿色示范工厂能源利用效率"
    assert got[12] == "绿色示范工厂单位产品能耗"
    assert got[20] == "绿色示范工厂交付周期"
    assert not got[6].startswith("绿色示范工厂")  # the run of averages is over


def test_a_breakdown_after_its_whole_is_of_the_wholes_kind_and_year(extract):
    text = (
        "江州晚报讯 江州市发改委发布2022年政府投资项目计划。\n"
        "2021年全市完成政府投资420.5亿元。其中，交通、教育行业分别完成120.3亿元、85.6亿元。\n"
        "2022年计划安排政府投资460亿元。其中，公共预算资金400亿元，占87%。\n"
    )
    got = {r.value: (r.kind, r.year) for r in extract(text, name="news.txt")}
    assert got[420.5] == ("achievement", "2021")
    assert got[120.3] == got[85.6] == ("achievement", "2021")  # parts of the 2021 total
    assert got[460][1] == "2022"
    assert got[87] == got[400] == got[460]  # a share of the plan is planned too


def test_counts_of_scale_classes_share_the_kind_written_after_the_last(extract):
    text = (
        "2026年江州市政府工作报告\n"
        "培育形成2个千亿级、5个百亿级产业集群，开工建设6个五十亿以上、12个十亿以上重大项目。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[2] == "千亿级产业集群"
    assert got[5] == "百亿级产业集群"
    assert got[6] == "五十亿以上重大项目"


def test_a_count_with_its_qualifier_before_a_scale_class_is_the_figure(extract):
    # 以上 or 左右 between the count and the class does not make the class a target size
    text = "2026年江州市政府工作报告\n打造3个以上千亿级产业集群，新增2家左右百亿级企业。\n"
    got = {(r.value, r.unit): r for r in extract(text)}
    assert (1000.0, "亿元") not in got and (100.0, "亿元") not in got
    assert got[(3.0, "个")].qualifier == "以上"
    assert got[(3.0, "个")].indicator.startswith("千亿级产业")
    assert got[(2.0, "家")].indicator == "百亿级企业"


def test_counts_after_a_yearly_output_in_a_capacity_are_yearly_capacities(extract):
    text = (
        "江州市低空经济发展行动方案（2025—2027年）\n"
        "到2027年，形成年产300架无人机、80套起降系统的规模化制造能力，新增无人机企业20家。\n"
    )
    records = extract(text)
    got = {r.value: r.indicator for r in records}
    assert all(r.confident for r in records if r.value in (300, 80))  # a count can be 产能
    assert got[300] == "无人机年产能"
    assert got[80] == "起降系统年产能"
    assert got[20] == "无人机企业"


def test_a_bare_level_after_a_count_is_the_level_of_what_was_counted(extract):
    text = (
        "江州市渔业发展行动方案（2025—2027年）\n"
        "到2027年，建成6个智慧渔业示范基地，自动化水平达到70%。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[70] == "智慧渔业示范基地自动化水平"


def test_a_streak_word_is_no_part_of_the_name(extract):
    text = "2026年江州市政府工作报告\n过去五年，茶叶年产值连续保持在80亿元以上。\n"
    got = {r.value: r.indicator for r in extract(text)}
    assert got[80] == "茶叶产值"  # a year's value is the measure (6.8.26)


def test_a_rank_moved_from_a_dated_baseline(extract):
    text = (
        "2026年江州市政府工作报告\n"
        "我市营商环境评价排名从2020年全省第12位提高到目前的第3位。"
        "科技创新指数排名由全省第8位上升至第2位。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert 12 not in got and 8 not in got  # the ranks it started from are baselines
    assert got[3] == "营商环境评价全省排名"
    assert got[2] == "科技创新指数全省排名"  # not 科技创新指数排名全省排名


def test_what_a_plan_works_with_is_held_not_set(extract):
    text = (
        "2026年江州市政府工作报告\n"
        "二、2026年重点工作\n"
        "江州拥有800多万常住人口、50万家市场主体，这是我们的底气所在。"
        "针对首批纳入清单的320种产品，新建检测中心5个。抓好现有存量项目12个。\n"
    )
    got = {r.value: (r.kind, r.year) for r in extract(text)}
    assert got[800] == got[50] == got[320] == ("achievement", "")
    assert got[5] == ("target", "2026")  # 新建: the plan's own goal
    assert got[12][0] == "target"  # 现有 projects the plan still pushes


def test_the_documents_place_as_a_sentences_topic_is_no_part_of_a_name(extract):
    text = (
        "绵阳日报讯（记者 张三）绵阳重大项目计划发布\n"
        "绵阳市发改委介绍，绵阳2022年重点产业项目计划共安排项目320个，年度计划完成860.5亿元。"
        "绵阳安排市级政府投资项目145个。绵阳企业在海外设立研发中心28家。\n"
    )
    got = {r.value: r.indicator for r in extract(text, name="news.txt")}
    assert got[860.5] == "重点产业项目年度计划投资"  # 绵阳2022年…: the story's topic
    assert got[145] == "市级政府投资项目"  # 绵阳安排…
    assert got[28].startswith("绵阳企业")  # a noun after the place: the firms of 绵阳


def test_kinds_listed_before_the_thing_name_it_together(extract):
    text = (
        "江州市智能装备发展行动方案（2025—2027年）\n"
        "到2027年，推动8款以上大型、中型工业机器人完成型式检验，建设3个省级、市级创新中心。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[8] == "大型、中型工业机器人"  # not 大型 alone
    assert got[3] == "省级、市级创新中心"


def test_things_described_by_what_they_join_are_the_head_after_de(extract):
    text = (
        "江州市农业发展行动方案（2025—2027年）\n"
        "到2027年，打造4个冷链仓储和物流配送一体化的区域性农产品集配中心，建设6个农田和林地。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[4] == "区域性农产品集配中心"  # not 冷链仓储


def test_when_a_measure_starts_is_no_part_of_its_name(extract):
    text = (
        "江州市应急体系规划（2021—2025年）\n"
        "到2025年，突发事件发生后受灾群众转移安置时间缩短至6小时以内。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[6] == "受灾群众转移安置时间"


def test_a_list_items_number_is_no_part_of_a_name(extract):
    text = (
        "江州市绿色发展实施意见\n到2027年，实现以下主要目标：\n"
        "1.污水处理率达到95%。\n2.森林覆盖率达到62%。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[95] == "污水处理率"
    assert got[62] == "森林覆盖率"


def test_listing_and_shortening_verbs_are_no_part_of_a_name(extract):
    text = (
        "江州市生物医药发展行动方案（2025—2027年）\n"
        "到2027年，推动2个以上生物医药企业上市，药品审评时限压缩至30个工作日以内。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[2] == "生物医药企业"
    assert got[30] == "药品审评时限"


def test_a_count_of_things_in_a_size_class_names_the_class_and_the_things(extract):
    text = (
        "江州市医疗器械产业发展行动方案（2025—2027年）\n"
        "到2027年，培育10家以上年营业收入超10亿元的医疗器械企业，"
        "新增5个产值超过百亿元的产业集群。完成100所海拔1500米以上农村中小学改造。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[10] == "年营业收入超10亿元的医疗器械企业"  # found, and named by the class
    assert got[5] == "产值超过百亿元的产业集群"
    assert got[100] == "海拔1500米以上农村中小学"


def test_a_yearly_average_in_a_plan_covers_the_plans_period(extract):
    text = (
        "江州市医疗器械产业发展行动方案（2025—2027年）\n一、主要目标\n"
        "到2027年，医疗器械产业规模达到2000亿元，年均增长10%以上。\n"
    )
    got = {r.value: r.year for r in extract(text)}
    assert got[2000] == "2027"  # a level at the end
    assert got[10] == "2025-2027"  # a rate over the plan (§6.5)


def test_where_things_are_located_is_said_without_the_verb(extract):
    text = (
        "2026年江州市政府投资项目计划\n"
        "安排位于老城区以外的项目320个，个数占比61.5%，年度计划完成845.2亿元。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[320] == "老城区以外的项目"  # 位于 is a verb: no part of the name
    assert got[61.5] == "老城区以外的项目个数占比"
    assert got[845.2] == "老城区以外的项目年度计划投资"


def test_a_rank_after_a_growth_is_the_rank_of_the_growth(extract):
    text = (
        "2026年江州市政府工作报告\n"
        "一般公共预算收入增长7.2%，居全省第三；城镇、农村居民人均可支配收入分别增长4.1%、6.3%，"
        "分别居全省第五、第二。工业投资、技改投资增速均居全省第1位。"
        "实现地区生产总值3200亿元，增长5.1%，总量居全省第四。新能源装机占比达65%。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text) if r.unit in ("位", "%")}
    assert ("一般公共预算收入增速全省排名", 3) in got
    assert ("城镇居民人均可支配收入增速全省排名", 5) in got
    assert ("农村居民人均可支配收入增速全省排名", 2) in got
    assert ("工业投资增速全省排名", 1) in got  # 增速 is shared by both items
    assert ("技改投资增速全省排名", 1) in got
    assert ("地区生产总值全省排名", 4) in got  # 总量: the rank of the level
    assert ("新能源装机占比", 65) in got  # a share of a known thing is not the thing


def test_shared_measures_dangling_verbs_and_a_scope_part(extract):
    text = (
        "2025年江州市政府工作报告\n"
        "汽车制造业、生物医药产业产值年均增长12%。\n"
        "困难家庭生活补贴、残疾人护理补贴标准分别提高到200元、260元。\n"
        "二氧化硫、氮氧化物排放分别减少2%和4%。\n"
        "单位地区生产总值能耗和二氧化碳排放分别降低3%、4%。\n"
        "国际班列开行超800列，新建5G基站1.2万座，累计达6万座。\n"
        "全年居民消费价格上涨0.4%。其中，城市下降0.2%，农村上涨0.6%。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    # a measure said once after a list belongs to every item; 年均 keeps its 年
    assert ("汽车制造业产值", 12.0) in got and ("生物医药产业产值", 12.0) in got
    assert ("困难家庭生活补贴标准", 200.0) in got
    assert ("二氧化硫排放", 2.0) in got and ("氮氧化物排放", 4.0) in got
    # an item that names its own measure takes no other: not 单位地区生产总值能耗排放
    assert not any(name.endswith("能耗排放") for name, _ in got)
    # the verb between a subject and its figure is no part of the name
    assert ("国际班列", 800.0) in got
    assert ("5G基站", 6.0) in got
    # 城市 under 居民消费价格 is the town prices, never 城市下降
    assert ("城市居民消费价格", 0.2) in got
    assert not any("下降" in name for name, _ in got)


def test_goal_words_a_written_year_and_the_documents_own_place(extract):
    text = (
        "2024年江州市政府工作报告\n"
        "江州2023年全年地区生产总值3200亿元。\n"
        "今年全市地区生产总值预期增长目标为5.5%左右。\n"
        "经济增长预期目标为5%左右，数字经济增长10%以上。\n"
        "规模以上工业增加值增长目标定为6%。\n"
    )
    got = {(r.indicator, r.value): r for r in extract(text, "jiangzhou_2024.txt")}
    # 2023年全年: the year written, not the report's 全年 (a result, not a target)
    level = got[("地区生产总值", 3200.0)]
    assert (level.kind, level.year) == ("achievement", "2023")
    # 预期增长目标为 says what kind of figure it is, not what is measured
    assert got[("地区生产总值", 5.5)].kind == "target"
    # 经济增长 is GDP growth by convention; 数字经济增长 is not
    assert got[("地区生产总值", 5.0)].kind == "target"
    assert ("数字经济", 10.0) in got
    assert got[("规模以上工业增加值", 6.0)].kind == "target"  # 目标定为


def test_a_paragraph_looking_forward_ends_the_review(extract):
    text = (
        "中国共产党江州市第十三次代表大会报告\n"
        "（2022年5月10日）\n"
        "过去五年，全市地区生产总值年均增长六点二％，突破五千亿元大关。\n"
        "今后五年，全市地区生产总值年均增长六％左右，到二〇二七年达到七千亿元。\n"
    )
    got = {(r.indicator, r.value): r for r in extract(text, "jiangzhou_congress_2022.txt")}
    assert got[("地区生产总值", 6.2)].kind == "achievement"
    assert got[("地区生产总值", 6.0)].kind == "target"
    assert (got[("地区生产总值", 7000.0)].kind, got[("地区生产总值", 7000.0)].year) == (
        "target",
        "2027",
    )


def test_a_figure_per_head_is_not_the_total(extract):
    text = "2024年江州市政府工作报告\n每万人拥有5G基站数达到18个，5G基站总数达到1.5万个。\n"
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("每万人拥有5G基站数", 18.0) in got
    assert ("5G基站", 1.5) in got


def test_people_counted_under_a_thing_are_not_confident(extract):
    # (分别惠及… names whom they reached: test_whom_each_programme_reached)
    records = extract(
        "江州市政府工作报告\n文化惠民工程、全民健身工程分别服务3500万、2300万人次。\n"
    )
    assert [(r.value, r.unit) for r in records] == [(3500, "万人次"), (2300, "万人次")]
    assert not any(r.confident for r in records)
    # people named as people stay confident
    records = extract("江州市政府工作报告\n新增高技能人才10万人，培育高素质农民3000人以上。\n")
    assert {r.indicator for r in records if r.confident} == {"高技能人才", "高素质农民"}


def test_average_economic_growth_is_gdp_growth(extract):
    text = (
        "2016年江州市政府工作报告\n二、今后五年主要目标\n"
        "确保到2020年城乡居民人均收入比2010年翻一番，经济年均增长保持在6.5%以上。\n"
    )
    got = {(r.indicator, r.value, r.year) for r in extract(text)}
    # not 城乡居民人均经济: the per-head subject of the clause before is not carried over
    assert ("地区生产总值", 6.5, "2020") in got


def test_a_forward_section_headed_by_a_plan_period_dates_its_targets(extract):
    text = (
        "2016年江州市政府工作报告\n二、“十三五”时期主要目标任务和重大举措\n"
        "常住人口城镇化率达到60%，经济年均增长6.5%以上。\n"
        "三、2016年重点工作\n粮食产量稳定在1万亿斤以上。\n"
    )
    got = {(r.indicator, r.year) for r in extract(text)}
    # a level at the end of the plan, a yearly average over it, this year's work as this year
    assert got == {
        ("常住人口城镇化率", "2020"),
        ("地区生产总值", "2016-2020"),
        ("粮食产量", "2016"),
    }


def test_a_share_of_something_else_keeps_its_whole_name(extract):
    text = (
        "2016年江州市政府工作报告\n一、2015年工作回顾\n"
        "消费对经济增长的贡献率达到51.2%。投资对经济增长的贡献率为40%。\n"
    )
    got = {(r.indicator, r.value, r.change) for r in extract(text)}
    # not 贡献率, and the 增长 inside the name is not the figure's change
    assert got == {("消费对经济增长的贡献率", 51.2, "达到"), ("投资对经济增长的贡献率", 40, "")}


def test_hard_wrapped_text_gives_the_records_of_its_paragraphs(extract):
    # a PDF text layer or wrapped plain text: figures and their names across lines
    paragraph = (
        "全省地区生产总值增长5.5%，一般公共预算收入增长3.9%，城镇新增就业85万人，"
        "城镇调查失业率5.2%，居民人均可支配收入增长5.8%，粮食产量达到720亿斤。"
    )
    body = "\n".join([paragraph] * 4)
    flat = extract("2025年江州省统计公报\n" + body + "\n")
    wrapped_body = "\n".join(body.replace("\n", "")[i : i + 17] for i in range(0, len(body), 17))
    wrapped = extract("2025年江州省统计公报\n" + wrapped_body + "\n")

    def key(r):
        return (r.indicator, r.value, r.unit, r.kind, r.year)

    assert len(flat) == 24
    assert sorted(map(key, wrapped)) == sorted(map(key, flat))


def test_hard_wrapped_is_told_from_one_paragraph_per_line() -> None:
    from bot.corpus.parse import is_hard_wrapped

    lines = ["全省地区生产总值增长5.5%，一般公共预算收入增长3.9%，城镇新增就业85万人。"] * 12
    assert not is_hard_wrapped("2025年江州省政府工作报告\n江州省人民政府\n" + "\n".join(lines))
    text = "".join(lines)
    assert is_hard_wrapped("\n".join(text[i : i + 30] for i in range(0, len(text), 30)))


def test_blank_lines_between_paragraphs_change_nothing(tmp_path):
    # a bulletin's date line and table captions alone on their lines are no sections
    # (the date, a year after the bulletin's, made the rest of it a plan without years)
    from bench.real_gold import REAL_DOCS

    name = "city_qiandongnan_2023_stat-bulletin.txt"
    spaced = tmp_path / name
    spaced.write_text(
        (REAL_DOCS / name).read_text(encoding="utf-8").replace("\n", "\n\n"), encoding="utf-8"
    )

    def records(root):
        doc = load_document(root / name, root, max_bytes=10**8, passage_max_chars=400)
        return sorted((r.indicator, r.value, r.kind, r.year) for r in extract_targets(doc))

    flat = records(REAL_DOCS)
    assert len(flat) > 700 and all(year == "2023" for *_x, year in flat[:50])
    assert records(tmp_path) == flat


def test_a_count_of_the_items_just_listed_is_no_figure(extract):
    text = (
        "2025年江州市政府工作报告\n一、2024年工作回顾\n"
        "完成生态保护红线、永久基本农田、城镇开发边界三条控制线划定工作。"
        "统筹发展和安全两件大事。深入实施“粤菜师傅”“广东技工”“南粤家政”三项工程。"
        "办好国际乒联混合团体世界杯、铁人三项世界杯。"
        "哈克、团结、谢尔塔拉等三处文化遗址列入全国重点文物保护单位。"
        "扎实办好十件民生实事，新建学校三所。\n"
    )
    got = sorted((r.value, r.unit) for r in extract(text))
    # kept: a count with 等 (the document's own total), counts with no list before them
    assert got == [(3, "处"), (3, "所"), (10, "件")]


def test_a_leaders_visits_and_letters_are_no_figures(extract):
    text = (
        "2026年江州省政府工作报告\n一、2025年工作回顾\n"
        "习近平总书记3次亲临江州考察、4次回信、2次致贺信。三次亲临江州视察并作出重要指示。"
        "全年接待游客2.3亿人次，开展送医下乡120次。\n"
    )
    assert sorted((r.value, r.unit) for r in extract(text)) == [(2.3, "亿人次"), (120, "次")]


def test_new_registrations_are_not_the_stock(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n一、综合\n"
        "全年新登记市场主体19.91万户，下降3.2%。年末实有市场主体88.55万户，增长7.6%。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert got == {
        ("新登记市场主体", 19.91),
        ("新登记市场主体", 3.2),  # the year's registrations fell, not the stock
        ("市场主体", 88.55),
        ("市场主体", 7.6),
    }


def test_a_share_of_the_things_named_after_it(extract):
    text = (
        "2026年江州省政府工作报告\n一、2025年工作回顾\n"
        "96.2%的养老机构开展医养结合，43个社区获评全国示范性老年友好型社区。"
        "实施县域高中振兴工程，60%公办中小学校纳入集团化管理。"
        "新增基础教育学位4万个，67.5%的初中毕业生就读普通高中。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    # not 社区 or 中小学 or 基础教育学位 from around them: the share of what follows, the
    # things named by what they did (GOLD_GUIDELINES 6.8.27)
    assert {
        ("开展医养结合的养老机构比例", 96.2),
        ("纳入集团化管理的公办中小学校比例", 60),
        ("就读普通高中的初中毕业生比例", 67.5),
    } <= got
    assert not any(v in (96.2, 60, 67.5) and not name.endswith("比例") for name, v in got)


def test_the_spread_of_growth_is_a_share_not_a_growth(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n三、工业\n"
        "全市32个行业大类中，有18个行业同比增长，增长面56.3%。"
        "监测的7种主要工业产品中，有3种实现增长，增长面达到42.8%。\n"
    )
    got = {(r.indicator, r.value, r.change) for r in extract(text)}
    assert ("行业增长面", 56.3, "") in got
    assert ("主要工业产品增长面", 42.8, "达到") in got


def test_people_a_programme_reached_are_named_after_it(extract):
    text = (
        "2026年江州省政府工作报告\n一、2025年工作回顾\n"
        "实施育儿补贴制度，惠及23.6万婴幼儿。城镇更新改造惠及390万人。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert got == {("育儿补贴惠及婴幼儿", 23.6), ("城镇更新改造惠及人数", 390)}


def test_an_investment_is_named_after_the_project_of_the_clause_before(extract):
    text = (
        "2016年江州区政府工作报告\n一、2015年工作回顾\n"
        "哈克镇生态奶源基地建设初具规模，完成投资3340万元，建成4个现代化牧场。"
        "东山组团城市框架初步形成，完成投资12亿元。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("哈克镇生态奶源基地投资", 3340) in got
    assert ("东山组团城市框架投资", 12) in got  # not 完成投资, not 城市框架初步投资


def test_a_count_of_countries_is_named_by_what_they_did(extract):
    text = (
        "2026年江州省政府工作报告\n一、2025年工作回顾\n"
        "与54个国家和地区开展科技合作，获批建设联合实验室。累计与39个国家缔结118对友城。\n"
    )
    records = extract(text)
    got = {(r.indicator, r.value, r.confident) for r in records}
    assert ("开展科技合作的国家和地区", 54, True) in got
    # cut short by another figure: no 缔结的国家, the bare 国家 stays hidden
    assert not any(r.indicator == "缔结的国家" for r in records)
    assert all(not r.confident for r in records if r.indicator == "国家")


def test_a_size_class_between_a_count_and_its_noun_is_part_of_the_name(extract):
    text = (
        "2026年江州省政府工作报告\n二、2026年重点工作\n"
        "为100所海拔1500米以上农村中小学幼儿园建设供暖设施。\n"
    )
    records = extract(text)
    got = {(r.indicator, r.value, r.unit, r.confident) for r in records}
    # the 1500米 is the class of the schools, not a figure of its own
    assert got == {("海拔1500米以上农村中小学幼儿园", 100, "所", True)}


def test_the_enumeration_of_a_report_is_not_part_of_a_name(extract):
    text = (
        "2026年江州区政府工作报告\n一、2025年工作回顾\n"
        "一是粮食产量达到50万吨；二是城镇新增就业1.2万人。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert got == {("粮食产量", 50), ("新增城镇就业", 1.2)}


def test_a_policy_word_with_a_conjunction_inside_is_not_a_list(extract):
    text = (
        "2026年江州省政府工作报告\n一、2025年工作回顾\n"
        "建成和美乡村样板村300多个，建设和美乡村先行片区20个。\n"
    )
    got = {r.indicator for r in extract(text)}
    assert got == {"和美乡村样板村", "和美乡村先行片区"}  # not 美乡村…


def test_listed_items_take_the_kind_after_etc_and_the_shared_rate(extract):
    text = (
        "2026年江州省政府工作报告\n一、2025年工作回顾\n"
        "电子信息、装备制造、特色消费品等产业集群均达到万亿元规模。"
        "农村自来水、卫生户厕普及率分别提升至97.2%、99.8%。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert got == {
        ("电子信息产业集群规模", 1),
        ("装备制造产业集群规模", 1),
        ("特色消费品产业集群规模", 1),
        ("农村自来水普及率", 97.2),  # not 农村自来水 for a rate
        ("农村卫生户厕普及率", 99.8),  # the setting of the list is each item's
    }


def test_a_part_of_a_known_total_keeps_its_own_name(extract):
    text = (
        "2026年政府工作报告\n二、2026年工作总体要求和政策取向\n"
        "赤字规模5.66万亿元，其中中央财政赤字4.86万亿元，地方财政赤字8000亿元。"
        "跨境电商进出口规模近2万亿元。960多万建档立卡贫困人口实现搬迁。\n"
        "亿元地区生产总值生产安全事故死亡率为0.0096，下降23.2%。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert {
        ("赤字规模", 5.66),
        ("中央财政赤字", 4.86),  # not the whole 赤字规模
        ("地方财政赤字", 8000),
        ("跨境电商进出口额", 2),  # not 外贸进出口总额
        ("建档立卡贫困人口", 960),  # not 农村贫困人口
        ("亿元地区生产总值生产安全事故死亡率", 0.0096),  # not 人口死亡率
    } <= got


def test_a_count_is_never_named_after_a_trade_flow(extract):
    text = "2016年江州区政府工作报告\n一、过去五年工作回顾\n五年建成西出口等31条公路。\n"
    got = {(r.indicator, r.value) for r in extract(text)}
    assert got == {("公路", 31)}  # 西出口 is a place on the list, 出口 an amount of money


def test_a_rank_name_does_not_repeat_the_verb_and_scope_of_its_sentence(extract):
    text = (
        "2026年江州省政府工作报告\n一、2025年工作回顾\n"
        "油菜籽等14种农产品产量居全国第1位。农产品出口额保持西部第1位。\n"
    )
    records = extract(text)
    got = {(r.indicator, r.value) for r in records if r.unit == "位"}
    assert got == {("农产品产量全国排名", 1), ("农产品出口额西部排名", 1)}
    # the 14 kinds are named by a clause about their rank: kept, not shown by default
    assert [r.confident for r in records if r.unit == "种"] == [False]


def test_sales_categories_take_the_scope_and_measure_of_their_list_or_paragraph(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "全年限额以上单位消费品零售额332.58亿元，增长6.3%。"
        "限额以上单位烟酒类、粮油食品类零售额分别增长39.2%、6.6%。"
        "限额以上单位家用电器和音像器材类、体育娱乐用品类和书报杂志类分别增长2.4%、3.7%和7.1%。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text) if r.unit == "%"}
    assert got == {
        ("限额以上单位消费品零售额", 6.3),
        ("限额以上单位烟酒类零售额", 39.2),
        ("限额以上单位粮油食品类零售额", 6.6),  # the scope of the first item is all items'
        # no measure in the sentence: the paragraph's (零售额); 和 inside an item is no list
        ("限额以上单位家用电器和音像器材类零售额", 2.4),
        ("限额以上单位体育娱乐用品类零售额", 3.7),
        ("限额以上单位书报杂志类零售额", 7.1),
    }


def test_a_subject_before_xinzeng_stays_in_the_name(extract):
    text = (
        "2026年政府工作报告\n一、2025年工作回顾\n"
        "可再生能源新增装机3.7亿千瓦。五年新增商业营业面积50万平方米。\n"
    )
    got = {(r.indicator, r.value, r.change) for r in extract(text)}
    assert ("可再生能源装机", 3.7, "新增") in got  # not 装机: the new capacity of renewables
    assert ("商业营业面积", 50, "新增") in got  # a time before 新增 is no subject


@pytest.mark.parametrize(
    "name",
    [
        *("农村", "城镇", "临时", "三级", "发电", "服务", "改革", "县市区"),
        # a size class, a quality, a process, a per-head base or a category with no noun
        *("百亿级", "国际性", "数字化", "每千人", "大类"),
    ],
)
def test_a_place_type_a_descriptor_or_a_verbal_noun_alone_is_no_confident_name(table, name):
    assert name_confidence(name, table) < CONFIDENT


@pytest.mark.parametrize(
    "name", ["医院", "公路", "金牌", "高校", "户籍人口", "百亿级产业集群", "数字化车间"]
)
def test_a_thing_counted_alone_is_still_a_confident_name(table, name):
    assert name_confidence(name, table) >= CONFIDENT


def test_a_percentage_of_a_thing_that_is_no_rate_is_no_confident_name(extract):
    text = (
        "2026年江州省政府工作报告\n二、2026年重点工作\n"
        "省级政务信息系统、自建非涉密业务专网整合分别完成25%、50%。"
        "实现全省乡镇社会工作服务站100%覆盖、困难群众社会工作服务100%覆盖。"
        "城镇调查失业率平均值4.9%，农产品产量增长3%。\n"
    )
    got = {(r.indicator, r.value, r.confident) for r in extract(text)}
    # 50% of the 整合 said once after the list, each item as the list writes it
    # (naming.listed_acts; before it, 省级自建非涉密业务专网 was kept below the line)
    assert ("自建非涉密业务专网整合比例", 50, True) in got
    assert ("乡镇社会工作服务站覆盖率", 100, True) in got  # 100%覆盖 is a coverage rate
    assert ("困难群众社会工作服务覆盖率", 100, True) in got  # not 覆盖、困难群众…
    assert ("城镇调查失业率", 4.9, True) in got  # a rate (its 平均值 implied)
    assert ("农产品产量", 3, True) in got  # a change of a thing


def test_a_count_of_policy_items_is_named_by_their_aim(extract):
    text = (
        "2026年江州省政府工作报告\n二、2026年重点工作\n"
        "落实鼓励数据产业发展十条政策。实施法治化营商环境100项提升举措。"
        "出台我省减轻企业负担10项措施。\n"
    )
    got = {(r.indicator, r.value, r.confident) for r in extract(text)}
    assert got == {
        ("鼓励数据产业发展政策", 10, True),  # not 政策
        ("法治化营商环境提升举措", 100, True),  # not 法治化营商环境
        ("减轻企业负担措施", 10, True),
    }


def test_money_put_into_counted_projects_is_named_as_investment(extract):
    text = (
        "2026年江州省政府工作报告\n一、2025年工作回顾\n"
        "320个共建重点项目完成投资5332亿元。810个省重点项目完成投资10428.6亿元。\n"
    )
    got = {(r.indicator, r.value, r.confident) for r in extract(text) if r.unit != "个"}
    # not 重点项目: an amount, not the projects; named 完成投资, as the statistic is
    # (省级重点项目完成投资, naming.invested)
    assert ("重点项目完成投资", 5332, True) in got
    # jieba reads 个省 as one word: a name after a count is not cut out of a word
    assert ("省重点项目完成投资", 10428.6, True) in got


def test_counts_of_firsts_sizes_and_policy_spans_are_no_figures(extract):
    text = (
        "2026年江州省政府工作报告\n一、2025年工作回顾\n"
        "“四水四定”取得“十个全国第一”成果。推进3.8米直径新一代运载火箭研制。"
        "用好240小时过境免签政策。审批时限压缩至5天。\n"
    )
    got = {(r.value, r.unit) for r in extract(text)}
    assert got == {(5, "天")}  # a time limit is a figure; a policy's span is its name


def test_counts_that_name_a_category_or_the_items_above_are_no_figures(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "以上十四条，构成基本方略。十种有色金属18.94万吨，增长67.3%。"
        "30户以上自然村寨覆盖率98.7%。200所以上学校完成改造。\n"
    )
    got = {(r.value, r.unit) for r in extract(text)}
    # not 14 条 (the items listed above), 10 种 (a category's name), 30 户 (a class)
    assert got == {(18.94, "万吨"), (67.3, "%"), (98.7, "%"), (200, "所")}


def test_bare_ten_millions_and_doublings_said_with_le(extract):
    text = (
        "2026年江州省政府工作报告\n一、2025年工作回顾\n"
        "铁路、航空客运量双双超过千万人次。新增高中学位8700多个、比年度计划翻了一番。"
        "产品走进千家万户。\n"
    )
    got = {(r.indicator, r.value, r.unit) for r in extract(text)}
    assert {("铁路客运量", 1000, "万人次"), ("航空客运量", 1000, "万人次")} <= got
    assert any(r[1:] == (2, "倍") for r in got)  # 翻了一番
    assert not any(r[2] == "家" for r in got)  # 千家万户 is an idiom


def test_nouns_before_a_known_name_narrow_it(extract):
    text = (
        "2026年江州省政府工作报告\n一、2025年工作回顾\n"
        "2025年医疗旅游人次86.5万。新增公办托位9000个。城镇失业人员再就业9万人。"
        "乡镇卫生院医防融合标准化改造完成60%以上。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("医疗旅游人次", 86.5) in got  # not all 旅游接待人数; 人次86.5万 is 万人次
    assert ("公办托位", 9000) in got  # not all 托位
    assert ("失业人员再就业", 9) in got  # 城镇 does not narrow
    assert ("乡镇卫生院医防融合标准化改造比例", 60) in got  # the table's own name holds it


def test_ratios_each_and_shares_of_a_list(extract):
    text = (
        "2026年江州省政府工作报告\n二、2026年重点工作\n"
        "城乡居民收入比由2.9∶1缩小至2.52∶1。争创国家现代农业产业园、产业集群、产业强镇各1个。"
        "到2030年，与其他国家货物贸易、对外投资分别占比达30%、20%。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("城乡居民收入比", 2.52) in got and 2.9 not in {v for _, v in got}
    assert {
        ("国家现代农业产业园", 1),
        ("国家现代农业产业集群", 1),
        ("国家现代农业产业强镇", 1),
    } <= got
    # each item's share, with the partner the list opens with (test_targets_naming_plans)
    assert {("与其他国家货物贸易占比", 30), ("与其他国家对外投资占比", 20)} <= got


def test_money_named_only_by_what_it_was_spent_on_is_not_confident(extract):
    text = (
        "2016年江州区政府工作报告\n二、2016年工作安排\n"
        "全力完成今年66个重点项目54亿元。年末共有村卫生室7771个。"
        "全力完成今年16个重点项目14亿元的投资计划。\n"
    )
    got = {(r.indicator, r.value, r.confident) for r in extract(text)}
    assert ("重点项目", 54, False) in got  # money of the projects, but what money?
    assert ("重点项目投资", 14, True) in got  # the money said after it: their investment
    assert ("村卫生室", 7771, True) in got  # every village clinic, not the model ones


def test_households_or_people_bounding_a_group_are_a_class_not_a_figure(extract):
    text = (
        "2026年江州省政府工作报告\n一、2025年工作回顾\n"
        "全省50户以上农村木质房屋连片村寨水改电改圆满完成。20万以上人口县实现特殊教育学校全覆盖。"
        "200所以上学校完成改造。\n"
    )
    got = {(r.value, r.unit) for r in extract(text)}
    assert got == {(200, "所")}  # 200 schools are counted; 50户, 20万人 only size the groups


def test_what_counted_things_have_is_named_after_them(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "全年实施省级以上科技计划项目88项，比上年增长66.0%；争取到资金5737万元。"
        "立项实施州级科技计划项目49项，立项资金260万元。"
        "年末全州环境保护系统机构53个，实有人数473人。"
        "年末2.0万农村居民享受最低生活保障，全年保障资金投入7.6亿元。\n"
    )
    got = {(r.indicator, r.value, r.confident) for r in extract(text)}
    assert ("省级以上科技计划项目资金", 5737, True) in got  # across ；, not 到资金
    assert ("州级科技计划项目立项资金", 260, True) in got
    assert ("环境保护系统机构实有人数", 473, True) in got
    # people counted have no funds of their own: 资金 alone stays, not confident
    assert ("资金", 7.6, False) in got


def test_a_bulletins_product_with_a_products_unit_is_its_output(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "全年全州集成电路23787.46万块，比上年增长1.7倍；十种有色金属18.94万吨，增长67.3%。"
        "全年生活垃圾无害化处理674万吨。年末全州有大中型拖拉机1343台。\n"
    )
    got = {(r.indicator, r.value, r.confident) for r in extract(text)}
    assert ("集成电路产量", 23787.46, True) in got  # a count of chips is output too
    assert ("十种有色金属产量", 18.94, True) in got
    assert not any(n.startswith("生活垃圾") and n.endswith("产量") for n, _, _ in got)
    assert ("大中型拖拉机", 1343, True) in got  # a stock in 台, not output
    report = "2026年江州省政府工作报告\n一、2025年工作回顾\n建成集成电路基地2个，集成电路50万块。\n"
    assert "集成电路产量" not in {r.indicator for r in extract(report)}  # bulletins only


def test_the_parts_of_a_programmes_people_keep_the_programme(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "其中，企业职工基本养老保险参保105.55万人，参保在职职工81.33万人，参保离退休人员24.22万人。"
        "城镇失业人员再就业1.71万人，就业困难人员就业2.9万人。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("企业职工基本养老保险参保在职职工", 81.33) in got
    assert ("企业职工基本养老保险参保离退休人员", 24.22) in got
    assert not any(n.startswith("失业人员再") and "困难" in n for n, _ in got)


def test_a_bulletins_sales_categories_take_retail_from_their_paragraph(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "全年全州限额以上单位超五成商品类值零售实现同比增长。"
        "其中，限额以上单位粮油食品类、烟酒类分别增长0.3%、9.6%；化妆品类、日用品类分别增长18.7%、18.4%。\n"
        "三级医院共14家，其中，三级中医院4家。\n"
    )
    records = extract(text)
    got = {(r.indicator, r.value) for r in records}
    assert ("限额以上单位烟酒类零售额", 9.6) in got
    assert ("化妆品类零售额", 18.7) in got
    assert all(not r.confident for r in records if r.indicator.endswith("床位"))


def test_the_measure_word_picks_the_noun_it_goes_with(extract):
    text = (
        "2016年江州区政府工作报告\n二、2016年工作安排\n"
        "完成棚户区改造20条配套道路的建设改造任务。改造农村公路500条。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("配套道路", 20) in got  # 条 goes with 道路, not with 棚户区
    assert ("农村公路", 500) in got


def test_a_part_measure_after_an_output_is_the_products_own(extract):
    text = (
        "2026年江州省政府工作报告\n一、2025年工作回顾\n生物降解制品总产量增长19%、产值增长18%。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert got == {("生物降解制品总产量", 19), ("生物降解制品产值", 18)}  # not 总产量产值


def test_a_count_of_counties_cities_and_districts_is_named_so(extract):
    text = (
        "2026年江州省政府工作报告\n一、2025年工作回顾\n"
        "新（改）建农村公路1.2万公里，45个县（市、区）整县建设美丽乡村。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    # not the 农村公路 of the clause before; the counties that do it, not all of them
    assert ("整县建设美丽乡村的县（市、区）", 45) in got


def test_a_news_storys_undated_figures_are_its_years(extract):
    text = (
        "江州如何实现GDP增长6%\n"
        "记者|张明\n"
        "3月1日，江州市市长代表市政府向大会作政府工作报告，提出2024年主要预期目标。\n"
        "报告提出，全市要新增国家高新技术企业500家、新增境内外上市公司30家以上。\n"
        "2023年全年地区生产总值3.07万亿元。\n"
    )
    years = {r.value: r.year for r in extract(text)}
    assert years[500] == "2024" and years[30] == "2024"  # a story is about its own year
    assert years[3.07] == "2023"  # a written year still wins


def test_shares_after_a_counted_subject_are_its_shares(extract):
    text = (
        "2024年江州市政府投资项目计划\n"
        "其中，交通类项目120个，个数占比30.5%，总投资2400.8亿元，投资占比41.2%。\n"
        "其中，政府投资300.5亿元，占22.4%；社会投资1041.2亿元，占77.6%。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("交通类项目个数占比", 30.5) in got  # not a bare 个数占比
    assert ("交通类项目总投资", 2400.8) in got  # not 个数占比总投资: the share is no subject
    assert ("交通类项目投资占比", 41.2) in got  # not 投资占比投资
    assert ("政府投资占比", 22.4) in got  # the investment's share, not 政府占比(投资)
    assert ("社会投资占比", 77.6) in got


def test_adverbs_and_share_phrases_leave_the_measure(extract):
    text = (
        "江州制造业观察\n"
        "记者|张明\n"
        "目前制造业的增加值在全市GDP当中所占的比重依然在35%以上。\n"
        "有专家认为，全市服务业占GDP比重可能早就高于60%了。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[35] == "制造业增加值占地区生产总值比重"  # GDP as the family's member
    assert got[60] == "服务业占地区生产总值比重"


def test_field_classes_winners_branches_plans_capacity_and_purposes(extract):
    text = (
        "2026年江州市政府工作报告\n"
        "新建800个粮油千亩高产片。\n"
        "江州港等4个单位荣获首届“中国节水奖”。\n"
        "加快建设江州科创生态岛和9个县（市、区）分岛。\n"
        "全市重大项目计划共安排项目650个，总投资3567.8亿元。\n"
        "新能源开工1200万千瓦、投产900万千瓦以上，新投产光伏发电225万千瓦。\n"
        "市财政新增21亿元支持老区振兴发展。\n"
    )
    got = {(r.indicator, r.value, r.unit) for r in extract(text)}
    assert ("粮油千亩高产片", 800, "个") in got
    assert not any(u == "亩" for _, _, u in got)  # 千亩 is a class of field, no area
    assert ("中国节水奖获奖单位", 4, "个") in got  # not 江州港, the example
    assert ("县市区分岛", 9, "个") in got
    assert ("重大项目", 650, "个") in got  # not …计划共安排项目
    assert ("新能源装机容量", 1200, "万千瓦") in got
    assert ("光伏装机容量", 225, "万千瓦") in got
    assert ("老区振兴发展市财政资金", 21, "亿元") in got  # not 市财政, who pays


def test_zones_gdp_denominators_notes_and_places_by_what_they_do(extract):
    text = (
        "2026年江南省政府工作报告\n"
        "江北平原经济区经济总量达到2万亿元、占全省比重达51.3%。\n"
        "第一产业增加值占全省生产总值的比重为12.9%。\n"
        "四大主导产业［2］占GDP比重提高约4个百分点。\n"
        "在30个县建设运营现代农事综合服务中心。\n"
    )
    by_value = {r.value: r for r in extract(text)}
    assert (by_value[2].indicator, by_value[2].region) == ("地区生产总值", "江北平原经济区")
    assert by_value[51.3].indicator == "地区生产总值占全省比重"
    assert by_value[12.9].indicator == "第一产业增加值占地区生产总值比重"
    assert by_value[4].indicator == "四大主导产业占地区生产总值比重"  # no note mark
    assert by_value[30].indicator == "建设运营现代农事综合服务中心的县"  # not 县, nor carried


def test_parts_of_a_measure_leave_the_entity_its_measures(extract):
    text = (
        "2022年江州市国民经济和社会发展统计公报\n"
        "年末共有高校15所，在校学生16.4万人，其中本专科学生13.5万人，研究生2.9万人，"
        "专任教师1.6万人。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[1.6] == "高校专任教师"  # the colleges' teachers, not 研究生专任教师


def test_activities_measured_in_land_or_people_say_what_is_counted(extract):
    text = (
        "2026年江南省政府工作报告\n"
        "完成水土流失综合治理980平方公里，完成大中型灌区现代化改造22.2万亩。\n"
        "避免因灾伤亡490余人。城镇新增就业61万人，以工代赈吸纳就业3.6万人。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[980] == "水土流失综合治理面积"
    assert got[22.2] == "大中型灌区现代化改造面积"  # the 改造 the clause said
    assert got[490] == "避免因灾伤亡人数"
    assert got[61] == "新增城镇就业"  # 就业 counts people itself: no 人数
    assert got[3.6] == "以工代赈吸纳就业"


def test_listed_measures_share_an_entity_only_at_a_word_boundary(extract):
    text = (
        "2026年江南省政府工作报告\n"
        "全省地方国企资产总额增长16.2%、达到3.2万亿元，营业总收入、利润总额五年分别增长57.3%、"
        "17.7%。\n"
        "居民医保和基本公共卫生服务经费人均财政补助标准分别再提高40元和6元。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[57.3] == "地方国企营业总收入"
    assert got[17.7] == "地方国企利润总额"  # not 营业总利润总额
    assert got[40] == "居民医保人均财政补助标准"  # the per-head standard, for each item
    assert got[6] == "基本公共卫生服务经费人均财政补助标准"


def test_a_year_qualifying_a_figure_does_not_end_a_five_year_review(extract):
    text = (
        "江南省政府工作报告\n"
        "——2026年1月20日在江南省第十四届人民代表大会第五次会议上\n"
        "一、2025年和“十四五”时期工作回顾\n"
        "刚刚过去的2025年，是“十四五”收官之年。这一年，全省新增上市公司5家。\n"
        "各位代表！“十四五”时期是江南发展的关键五年。\n"
        "五年来，我们坚定不移推动高质量发展，综合实力实现新跨越。\n"
        "2025年四大主导产业占GDP比重较2020年提高约9个百分点。旅游业提质升级，新增国家级旅游度假区7个。\n"
        "2025年，我们新增国家级专精特新企业11家。\n"
    )
    years = {r.value: r.year for r in extract(text)}
    assert years[9] == "2025"  # its own sentence's year
    assert years[7] == "2021-2025"  # the next sentence is the five years' again
    assert years[11] == "2025"  # 2025年，… turns the narrative to the year


def test_counts_of_what_was_done_over_a_review_span_its_span(extract):
    text = (
        "江南省政府工作报告\n"
        "——2026年1月20日在江南省第十四届人民代表大会第五次会议上\n"
        "一、2025年和“十四五”时期工作回顾\n"
        "——这五年，改革开放活力迸发。推出12批1181项对照学习创新举措，承办3届产业大会。"
        "装配式建筑面积占新建建筑比重超80%，境内上市公司总数186家。"
        "学前教育毛入园率提升至95%左右，中职学校由71所优化整合为47所。"
        "九年义务教育巩固率、高中阶段毛入学率分别提升至97%以上、91%以上。\n"
    )
    years = {r.value: r.year for r in extract(text)}
    assert years[1181] == "2021-2025"  # done over the five years, no change word said
    assert years[3] == "2021-2025"
    assert years[80] == "2025"  # a share is a level, 新建 in its name or not
    assert years[186] == "2025"  # a level at the end
    assert years[95] == "2025" and years[47] == "2025"  # 提升至, 整合为: where it ends
    assert years[91] == "2025"  # the 提升至 before the list holds for its second figure


def test_all_of_a_list_and_what_a_programme_builds(extract):
    text = (
        "2026年江南省政府工作报告\n"
        "在全国率先实现行政村千兆光纤、5G网络通达率100%。\n"
        "实施新一轮农村公路提升行动，新（改）建3000公里。\n"
        "困难群众和特殊群体社会工作服务覆盖率100%。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("行政村千兆光纤通达率", 100) in got  # all of a whole is all of each part
    assert ("行政村5G网络通达率", 100) in got
    assert ("农村公路", 3000) in got  # the programme's roads, named in the clause before
    # 和 joins what one rate covers: one record, not a rate of 困难群众
    assert not any(name.startswith("困难群众覆盖率") for name, _ in got)


def test_baselines_classes_memberships_and_tax_bands_are_no_figures(extract):
    text = (
        "2026年江南省政府工作报告\n"
        "城乡低保平均标准分别从2020年的615元/月、4218元/年提高到2025年的811元/月、7126元/年。\n"
        "成功创建食品工业、现代种业2个百亿级产业集群，江州石化成为首个千亿级先进制造业产业集群。\n"
        "成为6个国际商事仲裁中心建设试点地区之一。支持西江千户苗寨创建国家5A级旅游景区。\n"
        "对小微企业年应纳税所得额不到300万元的部分，再减半征收所得税。\n"
    )
    got = {(r.indicator, r.value, r.unit) for r in extract(text)}
    values = {v for _, v, _ in got}
    assert not values & {615, 4218}  # every item after 从 is a baseline
    assert ("城市低保标准", 811, "元/月") in got and ("农村低保标准", 7126, "元/年") in got
    assert ("百亿级产业集群", 2, "个") in got
    assert not values & {100, 1000}  # the scale of counted clusters, a first: no targets
    assert 6 not in values  # one of six: the six are not this document's
    assert 300 not in values  # the band a tax rate applies to
    assert not any(u == "户" for _, _, u in got)  # 千户苗寨 is a kind of village


def test_rates_after_counts_and_re_employment(extract):
    text = (
        "2026年江南区政府工作报告\n"
        "办理人大代表建议61件、政协委员提案112件，办结率100%。\n"
        "办理政协委员提案93件，办复率达98%。\n"
        "全年实现新增就业5300人、再就业1400人。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[100] == "人大代表建议和政协提案办结率"  # one rate of both things counted
    assert got[98] == "政协提案办复率"  # a bare rate after one count is its
    assert got[1400] == "失业人员再就业"  # not 就业: 再 is part of the word


def test_urban_rural_kept_apart_and_an_owners_bare_measures(extract):
    text = (
        "2026年江南省政府工作报告\n"
        "开发城镇公益性岗位5100个，开发公益性岗位2100个。\n"
        "新能源投资增长71%、装机规模增长39%，利用率达93.5%。\n"
        "有意愿特困人员集中供养率达100%。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[5100] == "城镇公益性岗位"  # not the table's 城乡公益性岗位
    assert got[2100] == "城乡公益性岗位"
    assert got[39] == "新能源装机容量" and got[93.5] == "新能源利用率"  # 装机规模: the table's
    assert got[100] == "有意愿特困人员集中供养率"


def test_a_units_alternative_in_brackets_is_read_past(extract):
    text = (
        "2026年江南省政府工作报告\n"
        "高质量推进城市更新，改造1.5万套（间）城市危旧房、1.6万户城中村。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[1.5] == "城市危旧房"  # what 套（间） counts, not the subject before
    assert got[1.6] == "城中村"


def test_a_share_spent_on_something_and_paired_slogans(extract):
    text = (
        "2026年江南省政府工作报告\n"
        "一般公共预算支出1.4万亿元，73%以上用于民生。\n"
        "以开放促改革，充分用好两个市场、两种资源，构建大开放协同机制。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[73] == "民生支出占一般公共预算支出比重"  # not the spending itself
    assert 2 not in got  # 两个市场、两种资源 is a slogan


def test_a_storys_figures_of_a_past_year_are_achievements(extract):
    text = (
        "江州如何实现GDP增长6%\n"
        "记者|张明\n"
        "从2021年完成情况来看，江州市去年本级政府投资项目计划共安排488个。\n"
        "2022年江州全年固定资产投资计划增长5%。\n"
    )
    got = {r.value: (r.kind, r.year) for r in extract(text)}
    assert got[488] == ("achievement", "2021")  # last year's plan was carried out
    assert got[5] == ("target", "2022")


def test_the_years_planned_amount_is_the_subjects_planned_investment(extract):
    text = (
        "2026年江南省政府工作报告\n"
        "全省重大项目计划共安排项目683个，总投资5674.8亿元，年度计划完成1241.3亿元。\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[1241.3] == "重大项目年度计划投资"  # not a bare 年度计划


def test_counts_built_over_a_five_year_plan_take_its_span(extract):
    text = (
        "“十四五”江南省应急体系规划\n"
        "江南省人民政府\n"
        "二、主要目标\n"
        "到2025年，应急管理体系和能力现代化建设取得重大进展。\n"
        "三、主要任务\n"
        "新增全省综合减灾示范社区300个以上，改扩建现有12个救灾物资储备库。\n"
        "重点行业从业人员安全技能培训率达到100%。\n"
    )
    years = {r.value: r.year for r in extract(text, "province_jiangnan_2021_plan.txt")}
    assert years[300] == "2021-2025" and years[12] == "2021-2025"  # built over the plan
    assert years[100] == "2025"  # a rate is where it stands at the plan's end


def test_quoted_plan_periods_are_spans_and_a_quoted_base_is_no_period(extract):
    text = (
        "2026年江南省政府工作报告\n"
        "一、“十四五”时期工作回顾\n"
        "与“十二五”时期相比，“十三五”期间全省因灾死亡失踪人数、倒塌房屋数量分别下降31.6%、60.8%。\n"
        "“十四五”时期全省生产安全事故起数和死亡人数分别较“十三五”时期下降57.5%、48.5%。\n"
    )
    years = {r.value: r.year for r in extract(text)}
    assert years[31.6] == "2016-2020" and years[60.8] == "2016-2020"  # “十三五”期间: the span
    assert years[57.5] == "2021-2025"  # 较“十三五”时期 is the base, not the period


def test_figures_listed_after_a_flow_over_a_span_are_flows(extract):
    text = (
        "江南区2016年政府工作报告\n"
        "一、过去五年工作回顾\n"
        "全面落实各项创业就业优惠政策，五年新增就业3.15万人，再就业15126人。\n"
        "五年建成平价蔬菜超市31个，为困难家庭发放蔬菜价格补贴251万元，农村冬季用煤补贴613万元。\n"
        "新增境内上市公司52家，总数176家，油菜籽等14种农产品产量居全国第1位。\n"
        "有效应对40个热带气旋、57次区域暴雨。\n"
    )
    years = {r.value: r.year for r in extract(text)}
    assert years[15126] == "2011-2015"  # listed after 五年新增…: added up too
    assert years[613] == "2011-2015"  # after 发放…补贴
    assert years[176] == "2015"  # a total stands at the end
    assert years[14] == "2015"  # a standing (居全国第1位) is no flow
    assert years[40] == "2011-2015" and years[57] == "2011-2015"  # dealt with over the years


def test_levels_and_changes_are_told_apart(extract):
    text = (
        "2026年江南省政府工作报告\n"
        "学前教育毛入园率提升至91%，物流成本下降至14%左右。\n"
        "第一产业增加值488.4亿元，增长3.7%。\n"
        "三次产业对经济增长的贡献率分别为4.8%、59.5%、35.7%。\n"
        "居民消费价格涨幅2%左右。全州人口出生率为9.1‰，人口自然增长率为2.6‰。\n"
    )
    changes = {r.value: r.change for r in extract(text)}
    assert changes[91] == "提升到" and changes[14] == "下降到"  # where it ends: a level
    assert changes[488.4] == ""  # 增加值 is a noun, the amount no increase
    assert changes[3.7] == "增长"
    assert changes[4.8] == ""  # 对经济增长的贡献率为: 增长 is inside the name
    assert changes[2] == "上涨"  # 涨幅: a rise
    assert changes[2.6] == ""  # 增长率 is a noun: a rate, no growth


def test_counted_things_are_narrowed_by_what_they_did(extract):
    text = (
        "2026年江南省政府工作报告\n"
        "一、过去一年工作回顾\n"
        "1800余项审批事项实现网上办理，6所中职学校入选国家示范校建设计划。\n"
        "12部戏曲作品获省级文艺大奖，向5个县下放市级规划审批权。\n"
        "与9个国家签署农业合作协议，46个案例入选全省改革创新优秀案例。\n"
        "全市52个工业行业大类中有31个实现正增长。\n"
        "新建学校10所，其中4所已经投入使用。完成投资100亿元。\n"
    )
    records = extract(text)
    names = {r.value: r.indicator for r in records}
    assert names[1800] == "实现网上办理的审批事项"  # not every 审批事项
    assert names[6] == "国家示范校建设计划中职学校"  # chosen for a list: named by it (6.8.25)
    assert names[12] == "获省级文艺大奖的戏曲作品"
    assert names[5] == "下放市级规划审批权的县"
    assert names[9] == "签署农业合作协议的国家"  # the noun read on into its predicate
    assert names[46] == "全省改革创新优秀案例"  # the award names the kind itself
    assert names[52] == "工业行业大类" and names[31] == "实现正增长的工业行业大类"
    assert names[10] == "学校"  # 投入使用 is no membership: left as it was
    # a name narrowed so is a noun phrase a reader trusts
    assert all(r.confident for r in records if r.value in (1800, 6, 12, 5, 9, 31))


def test_measure_words_a_known_indicator_implies_and_slight_changes(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "CPI微降0.1%，PPI略涨0.3%。高新技术企业数实现翻番，城镇调查失业率平均值5.2%。\n"
        "粮食年产量稳定在700亿斤以上。\n"
    )
    got = {r.value: (r.indicator, r.change) for r in extract(text)}
    assert got[0.1] == ("居民消费价格", "下降")  # an abbreviation is a name; 微降 a fall
    assert got[0.3] == ("工业生产者出厂价格", "上涨")
    assert got[2][0] == "高新技术企业"  # 企业数 of a count of firms
    assert got[5.2][0] == "城镇调查失业率"  # a surveyed rate is an average already
    assert got[700][0] == "粮食产量"  # output is yearly


def test_a_change_in_percent_of_a_count_of_people_is_confident(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "接待国内外游客增长8%，生产安全事故死亡人数下降17.9%，入境旅游者4.03万人次。\n"
        "监察机构人数17个。\n"
    )
    got = {r.value: r for r in extract(text)}
    assert got[8].indicator == "旅游接待人数" and got[8].confident  # the visitors' growth
    assert got[17.9].indicator == "生产安全事故死亡人数" and got[17.9].confident
    assert got[4.03].indicator == "入境游客"
    assert not got[17].confident  # 人数 counted in 个: the name counts something else


def test_a_count_named_after_a_quality_is_not_confident(extract):
    text = (
        "2026年江南省政府工作报告\n二、2026年重点工作\n"
        "提升12个欠发达县域帮扶质效，培育8个产业集群。\n"
    )
    got = {r.value: r for r in extract(text)}
    assert not got[12].confident  # 质效 is not counted: the counties are
    assert got[8].confident


def test_a_part_of_the_whole_keeps_the_part_in_its_name(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "全省固定资产投资增长6%，区本级固定资产投资增长13%。\n"
        "脱贫县农村居民人均可支配收入增长8.2%，农村居民人均可支配收入增长6.5%。\n"
        "亿元以上重点技改项目1213个。自贸试验区实现货物进出口总额996.8亿元。\n"
        "全省实现地区生产总值5000亿元。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[6] == "固定资产投资" and names[13] == "区本级固定资产投资"
    assert names[8.2] == "脱贫县农村居民人均可支配收入"  # the poor counties only
    assert names[6.5] == "农村居民人均可支配收入"
    assert names[1213] == "亿元以上重点技改项目"  # the projects above the bar
    assert names[996.8] == "自贸试验区货物进出口总额"  # the zone's trade, not the province's
    assert names[5000] == "地区生产总值"  # 全省 is the document's own scope


def test_a_count_of_some_things_and_the_others_names_both(extract):
    text = "2026年政府工作报告\n一、2025年工作回顾\n3000万农业转移人口和其他常住人口在城镇落户。\n"
    (record,) = extract(text)
    assert record.indicator == "农业转移人口和其他常住人口"  # not 常住人口, the whole


def test_a_sizes_de_opens_the_thing_it_measures(extract):
    text = (
        "2026年江南区政府工作报告\n二、2026年重点工作\n"
        "确保5.7万平方米主力店正式运营，23万平方米的建材城完工。\n"
        "我们站立在九百六十多万平方公里的广袤土地上。\n"
    )
    got = {r.value: r for r in extract(text)}
    assert got[5.7].indicator == "主力店" and got[23].indicator == "建材城"  # not 主力店
    assert 960 not in got or not got[960].confident  # a place to stand on is no measure


def test_a_total_after_a_clause_about_a_zone_is_the_zones(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "江北城市群建设走深走实，经济总量超9万亿元。全省地区生产总值突破6万亿元。\n"
    )
    regions = {r.value: r.region for r in extract(text)}
    assert regions[9] == "江北城市群"  # not the province's GDP
    assert regions[6] == "江南"


def test_reach_inside_a_word_is_no_verb_and_bare_kinds_are_vague(extract):
    text = (
        "2026年政府工作报告\n一、2025年工作回顾\n"
        "对新增2万亿元中央财政资金建立直达机制。与16个国家建立双边合作机制。\n"
        "幼儿园1250所（其中：民办428所）。\n"
    )
    got = {r.value: r for r in extract(text)}
    assert got[2].indicator == "中央财政资金"  # 直达 is no 达 (reach): not 中央财政资金建立直
    assert got[16].indicator == "建立双边合作机制的国家"
    assert got[428].indicator == "民办幼儿园"  # 民办 alone names no thing: the frame's does


def test_people_counted_in_ming_are_the_people_after_the_figure(extract):
    text = (
        "2026年江南省政府工作报告\n二、2026年重点工作\n"
        "招募选派3000名青年志愿者到基层一线从事乡村振兴志愿服务。\n"
    )
    (record,) = extract(text)
    assert record.indicator == "青年志愿者"  # not the 志愿服务 they will do


def test_people_and_growth_spreads_say_their_own_measure_in_a_bulletin(extract):
    text = (
        "2023年江南市国民经济和社会发展统计公报\n十、环境保护\n"
        "年末全市县级以上环境保护系统机构53个，实有人数473人。其中，环境监测站17个，"
        "环境监测人员172人；监察机构17个，监察人员186人。\n"
        "三、工业\n全年规模以上工业增加值增长5.1%。分产品看，全市133种产品中，有72种产品"
        "同比增长，增长面54.1%。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[172] == "环境监测人员" and names[186] == "监察人员"  # not …人员人数
    assert names[54.1] == "产品增长面"  # not 产品增长面增加值
    assert names[133] == "产品"  # 产品中: the 中 of 在…中 is no part of the name


def test_all_schools_and_their_enrolment_in_a_bulletin(extract):
    text = (
        "2023年江南市国民经济和社会发展统计公报\n十一、教育\n"
        "全年全市各级各类学校4563所，毕业生55.6万人，在校生211.74万人，招生51.75万人。\n"
    )
    got = {r.value: r for r in extract(text)}
    assert got[4563].indicator == "各级各类学校"  # its 各级 is no scope word
    assert got[51.75].indicator == "各级各类学校招生" and got[51.75].confident  # enrolment


def test_a_batch_or_round_is_no_part_of_the_name(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "建成首批乡村振兴服务站30个。12个项目入选第三批省级非物质文化遗产名录。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[30] == "乡村振兴服务站"  # which batch is a date, not the thing built
    assert names[12] == "省级非物质文化遗产名录项目"


def test_an_adverb_of_summing_inside_a_name_is_dropped(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "滨江物流园区累计完成投资3.75亿元。北电南送累计送电量突破8000亿千瓦时。"
        "三类新材料合计产值年均增长12.5%。全市公共图书馆23个。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[3.75] == "滨江物流园区投资"  # 累计 says how it was summed
    assert names[8000] == "北电南送送电量"
    assert names[12.5] == "三类新材料产值"
    assert names[23] == "公共图书馆"  # 公共 keeps its 共


def test_a_quoted_item_opening_with_zhong_keeps_it(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "全国劳动模范、“中华好人”数量均居全国第2位。\n"
    )
    names = {r.indicator.translate(str.maketrans("", "", "“”")) for r in extract(text)}
    # its 中 is no 经济作物中 (the whole it is part of); the rank's own 全国 is said
    assert "中华好人数量全国排名" in names


def test_the_ben_of_a_word_opens_no_scope_inside_a_name(extract):
    text = "2026年江南省政府工作报告\n一、2025年工作回顾\n开展中小企业资本市场培训3.5万人次。\n"
    (record,) = extract(text)
    assert record.indicator.endswith("资本市场培训")  # not 资|本市|场 with 本市 removed


def test_a_kind_of_unit_among_all_units_is_named_alone(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "全省实有经营主体356.2万户，其中企业98.4万户。\n"
        "新登记市场主体5.2万户，其中企业1.3万户。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[98.4] == "企业"  # a kind of 经营主体, not 市场主体企业
    assert names[1.3] == "新登记企业"


def test_other_kinds_of_a_unit_in_brackets_after_its_name_stay(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "新增住宅小区业主委员会（物业管理委员会）850个。"
        "细颗粒物（PM2.5）平均浓度30微克/立方米。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[850] == "住宅小区业主委员会（物业管理委员会）"  # both kinds are counted
    assert names[30] == "PM2.5平均浓度"  # a note in brackets still goes


def test_installed_capacity_of_new_energy_is_one_measure_however_worded(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "新能源装机规模突破3200万千瓦，新型储能装机达到450万千瓦。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[3200] == "新能源装机容量"  # 装机规模 and 装机容量 are the same measure
    assert names[450] == "新型储能装机容量"


def test_a_list_shares_its_per_unit_lead_with_the_amounts_after_it(extract):
    text = (
        "2026年江南省政府工作报告\n二、2026年重点工作\n"
        "单位地区生产总值能耗和二氧化碳排放分别下降2.5%、3.2%。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[3.2] == "单位地区生产总值二氧化碳排放"  # an intensity too, not the total


def test_a_rank_names_the_ranked_measure_as_the_table_does(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "经济增速居全国第6位。地方一般公共预算收入增速居全国第九。"
        "全社会研发投入强度居全国第12位。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[6] == "地区生产总值增速全国排名"  # the economy's growth is its output's
    assert names[9] == "一般公共预算收入增速全国排名"  # 地方: a lead the table drops
    assert names[12] == "全社会研发投入强度全国排名"  # the document's words otherwise


def test_a_rank_of_a_number_of_things_says_number_when_the_text_does(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "专精特新企业数增长1.8倍、从全国第15位升至第6位。"
        "新增挂牌公司35家，总数210家、从全国第11位升至第8位。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[6] == "专精特新企业数全国排名"  # the number ranked, as written
    assert names[8] == "挂牌公司数全国排名"  # 总数: the number of the companies


def test_a_contribution_keeps_what_it_is_to_and_who_gives_it(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "对全国经济增长的贡献率保持在12%左右。"
        "数字产业增加值增长9.4%、对规模以上工业增长贡献率达41.5%。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[12] == "对全国经济增长的贡献率"  # its 对 is no lead word
    assert names[41.5] == "数字产业对规模以上工业增长贡献率"  # the part that just grew


def test_a_flow_to_a_partner_keeps_its_dui_after_a_change(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "对共建“一带一路”国家贸易额增长6.3%。对县级一般性转移支付增长5.2%。"
        "对东盟国家投资占40%以上。\n"
    )
    names = {r.value: r.indicator.replace("“", "").replace("”", "") for r in extract(text)}
    assert names[6.3] == "对共建一带一路国家贸易额"  # trade with them, a part of all trade
    assert names[5.2] == "对县级一般性转移支付"
    assert names[40] == "对东盟国家投资占比"


def test_other_kinds_of_a_unit_in_brackets_after_a_count_are_counted(extract):
    text = (
        "2026年江南省政府工作报告\n二、2026年重点工作\n"
        "支持18个强县扩权县（市）率先发展。建设12个现代服务业集聚区（培育区）。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[18] == "强县扩权县（市）"  # not 强县扩权县 alone
    assert names[12] == "现代服务业集聚区（培育区）"  # 培育 in brackets is no verb


def test_a_national_designation_keeps_its_quanguo(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "新增全国休闲农业重点县示范区4个、全国特色农产品产业集群2个。全国粮食产量增长1.2%。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[4] == "全国休闲农业重点县示范区"  # the designation's name, not a scope
    assert names[2] == "全国特色农产品产业集群"
    assert names[1.2] == "粮食产量"  # a scope still goes


def test_counties_counted_by_what_they_do_are_the_counties_that_do(extract):
    text = "2026年江南省政府工作报告\n一、2025年工作回顾\n推动23个县（市、区）整县推进农房改造。\n"
    (record,) = extract(text)
    assert record.indicator == "整县推进农房改造的县（市、区）"  # not every 县市区


def test_places_a_road_or_line_reaches_are_the_ones_counted(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "36个乡镇通高速公路。新增120个行政村通光纤。5条高速公路通车。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    # not every 乡镇; said as the statistics' term, without 的 (both annotators of the dev
    # documents write 通硬化路自然村, 通油路建制村)
    assert names[36] == "通高速公路乡镇"
    assert names[120] == "通光纤行政村"
    assert names[5] == "高速公路通车"  # 通车: no 车 is reached


def test_whom_a_thing_was_done_for_is_no_part_of_its_name(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "为群众追回被骗资金3.6亿元。为低收入家庭发放燃气补贴860万元。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[3.6] == "追回被骗资金"  # not 群众追回被骗资金
    assert names[860] == "燃气补贴"


def test_items_listed_as_indicators_are_named_alone(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "软件业务收入、算力规模等主要指标均增长2倍以上。\n"
    )
    names = sorted(r.indicator for r in extract(text))
    assert names == ["算力规模", "软件业务收入"]  # 指标 says what they are, not a part


def test_the_number_of_things_a_list_closes_with_is_no_part_of_a_name(extract):
    text = "2026年江南省政府工作报告\n一、2025年工作回顾\n全省实现算力规模等“四个翻番”。\n"
    names = {r.indicator for r in extract(text)}
    assert names == {"算力规模"}  # not 算力规模等四个


def test_indicators_counted_after_their_topic_keep_it(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "大气环境12项约束性指标全部完成。完成年度23项指标。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[12] == "大气环境约束性指标"  # whose indicators they are


def test_tidang_ends_the_noun_after_a_count(extract):
    text = "2026年江南省政府工作报告\n二、2026年重点工作\n推动45家星级酒店提档升级。\n"
    (record,) = extract(text)
    assert record.indicator == "星级酒店"  # 提档升级 is what is done to them


def test_a_list_mark_before_an_inner_verb_is_no_part_of_the_name(extract):
    text = "2026年江南省政府工作报告\n一、2025年工作回顾\n大力实施老旧街区改造、完成投资86亿元。\n"
    (record,) = extract(text)
    assert record.indicator == "老旧街区改造投资"  # not 老旧街区改造、投资


def test_a_date_ends_the_noun_read_after_a_count(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n21个省级开发区2025年营业收入突破8000亿元。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[21] == "省级开发区"  # the zones counted, not their revenue


def test_a_goal_set_to_a_figure_is_no_name(extract):
    text = (
        "2026年江南省政府工作报告\n二、2026年重点工作\n"
        "全省经济增长预期目标设定为5.5%左右。"
        "经济增速是综合性指标，今年预期目标确定为6%以上，兼顾了需要和可能。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[5.5] == "地区生产总值"  # not 经济增长预期目标设定
    assert names[6] == "地区生产总值"  # the growth the clause before speaks of


def test_the_base_a_growth_is_compared_with_is_no_part_of_the_name(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "高技术制造业增加值增速高于全部规上工业3.1个百分点。"
        "民间投资增速比全部投资高1.5个百分点。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[3.1] == "高技术制造业增加值"  # not …增速高于全部规上工业
    assert names[1.5] == "民间投资"


def test_a_share_keeps_whose_share_it_is_before_its_de(extract):
    text = (
        "2026年江南省政府工作报告\n二、2026年重点工作\n"
        "政府采购工程面向小微企业的预留份额达35%以上。\n"
    )
    (record,) = extract(text)
    assert record.indicator == "政府采购工程面向小微企业的预留份额"  # not 预留份额 alone


def test_wo_qu_is_a_scope_whatever_the_segmenter_does(extract):
    text = "2026年江南区政府工作报告\n一、2025年工作回顾\n我区外送电能力突破1500万千瓦。\n"
    (record,) = extract(text)
    assert record.indicator == "外送电能力"  # 我|区外|送电: still 我区, the scope


def test_tongchou_anpai_is_a_lead_verb(extract):
    text = "2026年江南省政府工作报告\n二、2026年重点工作\n统筹安排市级财政资金120亿元以上。\n"
    (record,) = extract(text)
    assert record.indicator == "市级财政资金"  # not 统筹安排市级财政资金


def test_a_share_said_as_zhan_de_percent_is_named_a_share(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "全省12个特色产业产值占农业总产值的65%以上。重点行业场所替代品占有率达到84%。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[65] == "特色产业产值占农业总产值比重"  # the share, after a count too
    assert names[84] == "重点行业场所替代品占有率"  # 占有率 is no share of something


def test_how_near_a_share_is_is_no_part_of_its_name(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "推进能源转型，清洁能源发电量占总发电量的比重接近55%。\n"
    )
    (record,) = extract(text)
    assert record.indicator == "清洁能源发电量占总发电量比重"  # not 比重接近


def test_a_share_of_a_task_done_is_its_completion_share(extract):
    text = (
        "2026年江南省政府工作报告\n一、2025年工作回顾\n"
        "完成农村供水保障总任务的75%。长江岸线整治攻坚战完成年度治理任务92%以上。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[75] == "农村供水保障任务完成比例"  # not 农村供水保障
    assert names[92] == "长江岸线整治攻坚战治理任务完成比例"


def test_a_share_of_spending_named_after_the_figure_is_a_spending_share(extract):
    text = "2026年江南省政府工作报告\n一、2025年工作回顾\n每年72%左右财政支出用于民生事业。\n"
    (record,) = extract(text)
    assert record.indicator == "民生支出占财政支出比重"  # as 74%以上用于民生 is named


def test_a_setting_said_before_the_first_item_of_a_list_is_the_lists(extract):
    text = (
        "2026年江州省政府工作报告\n一、“十四五”时期工作回顾\n"
        "农村供气、垃圾清运覆盖率分别提升至81.5%、92.4%。"
        "行政村宽带、4G信号通达率100%。"
        "农村物流、电商物流增长均超过15%。\n"
    )
    got = {(r.value, r.indicator) for r in extract(text)}
    assert (81.5, "农村供气覆盖率") in got
    assert (92.4, "农村垃圾清运覆盖率") in got
    assert {(100, "行政村宽带通达率"), (100, "行政村4G信号通达率")} <= got
    assert (15, "电商物流") in got  # 农村 is what the list contrasts, not its setting


def test_a_bare_quantity_is_the_thing_a_figure_before_it_measures(extract):
    text = (
        "2026年江州省政府工作报告\n一、“十四五”时期工作回顾\n"
        "智能手机产量增长12.6%、出口量居全国第4位。"
        "氢燃料电池汽车市场渗透率全省第一，保有量突破3万辆。"
        "全年进出口总额增长5%，出口量增长3%。\n"
    )
    got = {(r.value, r.indicator) for r in extract(text)}
    assert (4, "智能手机出口量全国排名") in got
    assert (3, "氢燃料电池汽车保有量") in got
    assert (3, "进出口总额出口量") not in got  # a total is no thing that has an 出口量


def test_whom_each_programme_reached(extract):
    text = (
        "2026年江州省政府工作报告\n一、“十四五”时期工作回顾\n"
        "送戏下乡工程、全民阅读工程分别惠及1200万、800万人次。"
        "整治背街小巷3100条，惠及居民约9万户。\n"
    )
    got = {(r.value, r.indicator) for r in extract(text)}
    assert (1200, "送戏下乡工程惠及人次") in got
    assert (800, "全民阅读工程惠及人次") in got
    assert (9, "背街小巷整治惠及居民") in got  # the works, not their count, reached them
    # reaching people is a flow over the period, as 分别惠及 says it
    assert {r.change for r in extract(text) if "惠及" in r.indicator} == {"惠及"}


def test_the_length_and_area_of_works(extract):
    text = (
        "2026年江州县政府工作报告\n一、过去五年工作回顾\n"
        "五年来，完成巷道硬化86.5公里、河道整治42公里。"
        "完成2万亩荒山造林和1500亩城郊绿化。\n"
    )
    got = {(r.value, r.indicator) for r in extract(text)}
    assert (86.5, "巷道硬化里程") in got
    assert (42, "河道整治里程") in got
    assert (1500, "城郊绿化面积") in got


def test_a_census_is_a_date_and_a_base_not_a_name(extract):
    text = (
        "2026年江州省政府工作报告\n一、“十四五”时期工作回顾\n"
        "“五经普”规模以上服务业企业从业人员比“四经普”增长18.6%、居全国第4位。"
        "全省城镇人口与第七次全国人口普查相比增加86.2万人。\n"
    )
    got = {(r.value, r.indicator) for r in extract(text)}
    assert (18.6, "规模以上服务业企业从业人员") in got
    assert (4, "规模以上服务业企业从业人员增速全国排名") in got
    assert (86.2, "城镇人口") in got


def test_what_is_exempt_is_a_part_of_the_known_whole(extract):
    text = (
        "2026年江州省政府工作报告\n一、“十四五”时期工作回顾\n"
        "新增免费停车位2.3万个。出境旅客、免签入境游客、邮轮旅客分别增长12.5%、38%、21%。\n"
    )
    got = {(r.value, r.indicator) for r in extract(text)}
    assert (2.3, "免费停车位") in got
    assert (38, "免签入境游客") in got  # visa-free arrivals, not all arrivals


def test_countries_and_regions_are_one_kind(extract):
    text = (
        "2026年江州省政府工作报告\n一、“十四五”时期工作回顾\n"
        "成功举办江州博览会，65个国家和地区客商参展。累计吸引120个国家和地区投资。\n"
    )
    got = {(r.value, r.indicator) for r in extract(text)}
    assert (65, "国家和地区") in got
    assert (120, "国家和地区") in got  # not 国家, nor 国家和地区投资 (the money is not counted)


def test_a_rate_of_new_things_keeps_its_new(extract):
    text = (
        "2026年江州省政府工作报告\n一、“十四五”时期工作回顾\n"
        "新建小区充电设施配建率达100%，新建公园绿地达标率居全国第2位。新建5G基站1.2万个。\n"
    )
    got = {(r.value, r.indicator) for r in extract(text)}
    assert (100, "新建小区充电设施配建率") in got
    assert (2, "新建公园绿地达标率全国排名") in got
    assert (1.2, "5G基站") in got  # a count of things built: 新建 is the verb


def test_the_work_after_an_ization_is_the_name(extract):
    text = (
        "2026年江州省政府工作报告\n一、“十四五”时期工作回顾\n"
        "完成老旧电梯智能化改造1200部，实施特殊困难家庭适老化改造2.1万户。\n"
    )
    got = {(r.value, r.indicator) for r in extract(text)}
    assert (1200, "老旧电梯智能化改造") in got
    assert (2.1, "特殊困难家庭适老化改造") in got  # not 适老化: an -ization is no thing


def test_a_bare_place_unit_after_de_keeps_what_it_is(extract):
    text = (
        "2026年江州省政府工作报告\n一、“十四五”时期工作回顾\n"
        "地区生产总值超500亿元的县域达8个，常住人口超10万人的乡镇达15个。\n"
    )
    got = {(r.value, r.indicator) for r in extract(text)}
    assert (8, "地区生产总值超500亿元的县域") in got
    assert (15, "常住人口超10万人的乡镇") in got


def test_a_length_or_amount_listed_after_a_count_is_the_things(extract):
    text = (
        "2026年江州县政府工作报告\n一、过去五年工作回顾\n"
        "修建通村公路41条、286公里，完成企业兼并重组52起、约96亿元。"
        "建成5G基站1200个、总投资8亿元。\n"
    )
    got = {(r.value, r.indicator) for r in extract(text)}
    assert (286, "通村公路里程") in got
    assert (96, "企业兼并重组金额") in got
    assert (8, "5G基站金额") not in got  # a figure with a name of its own keeps it


def test_jobs_added_are_each_listed_groups_measure(extract):
    text = (
        "2026年江州省政府工作报告\n一、“十四五”时期工作回顾\n"
        "高校毕业生、农民工新增就业均超12万人。\n"
    )
    got = {(r.value, r.indicator) for r in extract(text)}
    assert {(12, "高校毕业生新增就业"), (12, "农民工新增就业")} <= got


def test_a_pollutant_ending_in_liang_takes_the_shared_emission(extract):
    text = "2026年江州省政府工作报告\n二、2026年主要目标\n化学需氧量、氨氮排放都要减少3%左右。\n"
    got = {(r.value, r.indicator) for r in extract(text)}
    assert {(3, "化学需氧量排放"), (3, "氨氮排放")} <= got


def test_new_debt_is_not_the_debt_outstanding(extract):
    text = (
        "2026年江州省政府工作报告\n二、2026年主要目标\n"
        "今年合计新增政府债务总规模3200亿元、比上年增加400亿元。新增地方政府债务限额860亿元。\n"
    )
    got = {(r.value, r.indicator) for r in extract(text)}
    assert {(3200, "新增政府债务总规模"), (400, "新增政府债务总规模")} <= got
    assert (860, "新增地方政府债务限额") in got


def test_a_quoted_programme_narrows_the_known_name_after_it(extract):
    text = (
        "2026年江州省政府工作报告\n二、2026年主要任务\n"
        "实施“千企技改”重点项目120个。电视机、冰箱、洗衣机“老三样”出口增长5%。\n"
    )
    got = {(r.value, r.indicator) for r in extract(text)}
    assert (120, "千企技改重点项目") in got
    assert not any("电视机" in n for _, n in got)  # a list summed up in quotes is no programme


def test_central_supply_is_a_kind_not_a_lead_word(extract):
    text = (
        "2026年江州省政府工作报告\n一、2025年工作回顾\n"
        "新增集中供水人口86万人。集中供养特困人员基本生活标准从每人每月1200元提高到1320元。\n"
    )
    got = {(r.value, r.indicator) for r in extract(text)}
    assert (86, "集中供水人口") in got
    assert (1320, "集中供养特困人员基本生活标准") in got


def test_children_in_kindergarten_say_whose_they_are(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "年末全市有幼儿园860 所（其中：民办302 所），在园幼儿9.8 万人，专任教师0.7 万人。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[302] == "民办幼儿园"  # a bare owner is a part of the kindergartens
    assert names[9.8] == "在园幼儿"  # not 幼儿园在园幼儿, nor 民办在园幼儿
    assert names[0.7] == "幼儿园专任教师"  # the kindergartens are still the entity


def test_firms_with_a_qualification_grade_keep_it_in_their_name(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "年末全市具有资质等级的总承包和专业承包建筑业企业312 家，比上年末增加21 家。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[312] == "具有资质等级的总承包和专业承包建筑业企业"  # the statistics' population
    assert names[21] == "具有资质等级的总承包和专业承包建筑业企业"


def test_parts_of_a_price_index_held_flat_are_its_parts(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "全年全市居民消费价格（CPI）涨幅与上年持平。其中，城市上涨0.2%，农村下降0.3%。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[0.2] == "城市居民消费价格"  # not a bare 城市
    assert names[0.3] == "农村居民消费价格"


def test_a_group_of_industries_takes_the_measure_of_its_parts(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "全年四大主导产业比上年增长9.2%，其中，绿色食品增加值增长11.4%，新型建材增加值增长6.3%。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[9.2] == "四大主导产业增加值"  # the growth of what its parts measure
    assert names[11.4] == "绿色食品增加值"


def test_an_education_counted_in_suo_is_its_schools(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "特殊教育（含送教上门）6 所，在校生2140 人，招生318 人，教职工205 人。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[6] == "特殊教育学校"  # not the education itself
    assert names[2140] == "特殊教育学校在校生"
    assert names[205] == "特殊教育学校教职工"


def test_a_per_head_amount_is_of_the_people_just_counted(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "年末全市农村特困人员供养人数1.26万人，月人均供养标准980元，比上年增长6.5%。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[980] == "农村特困人员供养月人均供养标准"  # whose standard it is
    assert names[6.5] == "农村特困人员供养月人均供养标准"


def test_a_bare_verb_counted_in_person_times_is_that_count(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "全年全市医疗卫生机构诊疗2315.4 万人次。全年洪涝灾害造成全市41.2 万人次受灾。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    # never a bare verb (医疗卫生机构诊疗人次: the table's 医疗卫生机构总诊疗人次)
    assert names[2315.4] == "医疗卫生机构总诊疗人次"
    assert names[41.2] == "受灾人次"


def test_a_part_of_a_count_takes_the_level_or_the_kind_the_count_names(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "年末全市有自然保护区（点）12个。其中，国家级保护区2个，省级保护区3个。\n"
        "二级医院31 家，其中，中医医院6 家。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[2] == "国家级自然保护区"  # not 国家级保护区
    assert names[3] == "省级自然保护区"
    assert names[6] == "二级中医医院"  # the level of the hospitals they are part of


def test_a_treatment_in_tonnes_is_its_amount_and_its_rate_follows_it(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "全年完成生活垃圾无害化处理92.6万吨，无害化处理率99.8%。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[92.6] == "生活垃圾无害化处理量"  # not the verb alone
    assert names[99.8] == "生活垃圾无害化处理率"  # the rate of the waste just treated


def test_a_bracketed_part_of_a_schools_students_ends_with_its_bracket(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "技工学校9 所，招生6120 人，在校学生18350人（其中:非全日制在校学生5230 人），"
        "毕（结）业生4410人。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[5230] == "技工学校非全日制在校学生"  # the schools' part-time students
    assert names[4410] == "技工学校毕结业生"  # not 毕结业生在校学生: the part list has ended


def test_a_head_that_lists_its_parts_takes_their_measure(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "年末常住人口95.2万人。少数民族31.4万人，其中：瑶族人口18.2万人，壮族人口9.6万人。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[31.4] == "少数民族人口"  # as its parts are named
    assert names[18.2] == "瑶族人口"


def test_gezhong_leads_no_name(extract):
    text = "2023年江州市国民经济和社会发展统计公报\n年末共有各种社区服务设施1208 处。\n"
    (record,) = extract(text)
    assert record.indicator == "社区服务设施"  # 各种 (all kinds of), as 各类, is no part of it


def test_people_who_use_the_places_just_counted_are_theirs(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "投入使用的养老服务机构41 所，有床位3120 张，入住人数1385 人。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[1385] == "养老服务机构入住人数"  # not a bare 入住人数


def test_a_part_in_the_unit_of_the_total_just_given_is_a_part_of_it(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "年末公路总里程15620 公里，等级公路14980 公里，比上年增长2.1%。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[14980] == "等级公路里程"  # a part of 公路总里程, not a count of roads


def test_a_total_after_things_counted_is_theirs(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "全市拥有航运企业12 家，货运船舶860 艘，总载重吨位96 万吨。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[96] == "货运船舶总载重吨位"  # the total of the ships just counted


def test_the_members_of_a_set_that_grew_are_named_by_the_set(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "分行业看，全市35 个行业大类中，有21 个行业同比增长。"
        "全市140 种产品中，有66 种产品同比增长。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[21] == "同比增长的行业大类"  # not 行业: the members of the 35 that grew
    assert names[66] == "同比增长的产品"


def test_parts_of_the_students_are_named_in_full(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "年末共有普通高校12 所，在校学生21.5 万人，其中本专科学生19.8 万人，研究生1.7 万人。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[19.8] == "本专科在校学生"  # each item of the enumeration in full
    assert names[1.7] == "在校研究生"


def test_where_counted_things_are_stays_with_their_count(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "年末共有在汴高校9 所，在校学生14.2 万人，专任教师0.8 万人。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[9] == "在汴高校"  # the count as written
    assert names[14.2] == "高校在校学生"  # 在汴 says where the colleges are, not whose
    assert names[0.8] == "高校专任教师"


def test_a_list_item_that_shortens_its_siblings_kind_is_named_in_full(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "年末全市有资质的建筑业企业310 个。其中，特级和一级资质建筑业企业12 个；二级资质企业96 个。"
        "年末有社区服务机构860 个，其中，社区服务指导中心2 个，社区服务中心57 个。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[96] == "二级资质建筑业企业"  # the sibling's 建筑业, written once
    assert names[57] == "社区服务中心"  # another kind than 社区服务指导中心: left alone


def test_a_pdf_space_after_a_latin_letter_splits_no_name(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "年末共有境内外上市公司58 家，其中A 股上市公司41 家。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[41] == "A股上市公司"  # not the table's 上市公司: A 股 is one word


def test_premiums_of_all_insurers_are_named_without_them(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "全年全市保险公司原保险保费收入64.2 亿元，比上年增长6.1%。"
        "其中，财产保险公司保费收入25.3 亿元。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[64.2] == "原保险保费收入"  # every premium is an insurer's
    assert names[6.1] == "原保险保费收入"
    assert names[25.3] == "财产保险公司保费收入"  # a kind of insurer: a part


def test_within_the_place_is_no_part_of_a_name(extract):
    text = "2023年江州市国民经济和社会发展统计公报\n2023 年江州市境内高铁发送旅客402.7 万人次。\n"
    (record,) = extract(text)
    assert record.indicator == "高铁发送旅客"  # 江州市境内 is the scope, as 全市


def test_the_built_up_area_is_a_noun_not_a_verb(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "年末全市建成区面积286.4平方公里，其中中心城区建成区面积201.9平方公里。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[201.9] == "中心城区建成区面积"  # 建成区 (built-up area): not 建成 + 区面积


def test_a_loss_is_of_the_events_counted_not_of_an_areas_head(extract):
    text = (
        "2023年江州市国民经济和社会发展统计公报\n"
        "全年洪涝灾害造成农作物受灾面积3.2万公顷，绝收面积0.4万公顷，直接经济损失6.8亿元。"
        "全年交通事故820起，直接经济损失296万元。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[6.8] == "直接经济损失"  # the disaster's, not 绝收直接经济损失
    assert names[296] == "交通事故直接经济损失"  # the accidents just counted


def test_deaths_written_as_a_verb_are_the_deaths_of_the_events_counted(extract):
    text = (
        "2023年江州县国民经济和社会发展统计公报\n"
        "全年共发生各类生产安全事故9起，死亡11人，比上年下降8.3%。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[11] == "生产安全事故死亡人数"  # never the bare verb 死亡
    assert names[8.3] == "生产安全事故死亡人数"


def test_a_bracketed_note_hides_no_measure_and_a_rate_follows_its_days(extract):
    text = (
        "2023年江州县国民经济和社会发展统计公报\n"
        "全年化肥施用量（折纯）1.36万吨，下降2.4%。\n"
        "全年县城环境空气质量优良天数349天，优良率95.6%。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[1.36] == "化肥施用量（折纯）"  # not a product's 产量: it says its measure
    # the rate of the good days just given (a county's 县城 rate: the table's 空气质量优良率)
    assert names[95.6] == "空气质量优良率"


def test_what_funds_are_for_stays_in_their_name(extract):
    text = "2023年江州县国民经济和社会发展统计公报\n全年全县发放救助资金1.08亿元。\n"
    (record,) = extract(text)
    assert record.indicator == "救助资金"  # not a bare 资金


def test_a_rate_after_its_count_of_people_is_of_the_same_thing(extract):
    text = (
        "2023年江州县国民经济和社会发展统计公报\n"
        "全年全县城乡居民基本医疗保险参保人数38.12万人，参保率97.1%。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[97.1] == "城乡居民基本医疗保险参保率"  # not a bare 参保率


def test_the_first_of_three_sectors_after_a_scope_is_no_rank(extract):
    text = (
        "2023年江州县国民经济和社会发展统计公报\n"
        "全年全县第一、二、三产业增加值分别增长3.7%、6.4%和5.2%。\n"
    )
    got = [(r.indicator, r.value) for r in extract(text)]
    assert got == [("第一产业增加值", 3.7), ("第二产业增加值", 6.4), ("第三产业增加值", 5.2)]


def test_a_like_for_like_basis_is_no_name(extract):
    text = (
        "2023年江州县国民经济和社会发展统计公报\n"
        "全年全县一般公共预算收入完成10.52亿元，同口径增长4.9%。\n"
    )
    names = {r.value: r.indicator for r in extract(text)}
    assert names[4.9] == "一般公共预算收入"  # 同口径 says how it was compared, not what


PROVINCE_REPORT = """江苏省2026年政府工作报告
一、2025年工作回顾
无锡、常州经济总量突破8000亿元。
镇江、泰州经济总量均超过5000亿元。
常州和南通地区生产总值分别增长6.5%和5.8%。
全省地区生产总值增长5.2%。
"""


def test_figures_of_listed_places_are_theirs(extract):
    got = {(r.indicator, r.value, r.region) for r in extract(PROVINCE_REPORT)}
    # one figure said of two cities: one record, both places, not the province's
    assert ("地区生产总值", 8000, "无锡、常州") in got
    # 均: said of each, so one record each
    assert {("地区生产总值", 5000, "镇江"), ("地区生产总值", 5000, "泰州")} <= got
    # 分别 over places: each figure its own place, the measure without the place
    assert ("地区生产总值", 6.5, "常州") in got
    assert ("地区生产总值", 5.8, "南通") in got
    assert ("地区生产总值", 5.2, "江苏") in got


def test_capacity_classes_of_plants_are_no_figures(extract):
    text = (
        "江苏省2026年政府工作报告\n二、2026年主要任务\n"
        "关停10万千瓦以下煤电机组，淘汰30万吨/年以下煤矿。\n"
        "60万千瓦及以上机组占比达到80%。\n"
        "新增光伏装机容量500万千瓦以上。\n"
    )
    got = {(r.indicator, r.value, r.unit) for r in extract(text)}
    assert not any(u in ("万千瓦", "万吨/年") and v in (10, 30, 60) for _, v, u in got)
    assert any(name.endswith("机组占比") and v == 80 for name, v, _ in got)
    assert any(v == 500 and u == "万千瓦" for _, v, u in got)  # 以上 then a comma: a figure


def test_a_group_before_a_list_of_measures_is_every_measures(extract):
    text = (
        "江苏省2026年政府工作报告\n一、2025年工作回顾\n"
        "民族地区地区生产总值、一般公共预算收入分别增长6%和5%。\n"
        "苏北片区人均地区生产总值、居民人均可支配收入分别增长7%和6.5%。\n"
        "高新区营业收入增长9%、全省一般公共预算收入增长5%。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text)}
    assert ("民族地区一般公共预算收入", 5) in got
    assert ("苏北片区居民人均可支配收入", 6.5) in got
    # a figure between them ends the list: the province's own revenue stays the province's
    assert ("一般公共预算收入", 5) in got
    assert ("高新区一般公共预算收入", 5) not in got
