"""Extraction rules found on the kinds probe set (issue 11, ``tests/data/probes/kinds/``):
how budget and plan reports, five-year plan proposals, township reports, sector bulletins
and press conferences write their figures. Every sentence here is invented for the test;
none is a probe's or a corpus document's."""

from __future__ import annotations

from bot.targets.kinds import PLAN, REVIEW, classify_heading

# --- kind: a quarter that has ended, written without its year --------------------------------


def test_a_press_conference_on_the_quarter_reports_results(extract):
    text = (
        "江州市2024年上半年经济运行情况新闻发布会\n"
        "来源：江州市人民政府新闻办公室\n"
        "主持人：请市统计局负责同志介绍今年上半年全市经济运行情况。\n"
        "发布人：上半年，全市经济稳中有进。全市地区生产总值1820.4亿元，同比增长5.2%。\n"
        "其中，社会消费品零售总额760.3亿元。\n"
    )
    kinds = {r.value: r.kind for r in extract(text, "release.txt")}
    # levels with no verb: the 上半年 that opens the paragraph says they are over, and the
    # host's 今年 only says whose half year it is
    assert kinds[1820.4] == kinds[760.3] == kinds[5.2] == "achievement"


def test_a_goal_word_still_beats_the_quarter(extract):
    text = (
        "江州市人民政府工作报告\n"
        "——2024年1月12日在江州市第十届人民代表大会第三次会议上\n"
        "各位代表：\n"
        "力争一季度完成固定资产投资90亿元，确保上半年新开工项目60个。\n"
    )
    kinds = {r.value: r.kind for r in extract(text, "report.txt")}
    assert kinds[90] == kinds[60] == "target"


# --- kind: the achievements part of a plan proposal ------------------------------------------


def test_a_part_on_the_achievements_of_the_period_is_a_review():
    assert classify_heading("一、“十四五”时期发展成就和“十五五”时期发展环境", 2025) == REVIEW
    assert classify_heading("一、取得的历史性成就", 2025) == REVIEW
    # beside a plan word the plan word decides (the paragraphs on the period over are a
    # review by their own opening)
    assert classify_heading("二、“十四五”时期发展成就和“十五五”时期主要目标任务", 2025) == PLAN


def test_a_five_year_plan_proposal_reviews_its_period_and_sets_goals(extract):
    text = (
        "中共江州市委关于制定江州市国民经济和社会发展第十五个五年规划的建议\n"
        "（2025年12月20日中国共产党江州市第五届委员会第八次全体会议通过）\n"
        "一、“十四五”时期发展成就和“十五五”时期发展环境\n"
        "“十四五”时期，全市一般公共预算收入达到186亿元，新增国家级专精特新企业42家。\n"
        "二、“十五五”时期经济社会发展的主要目标\n"
        "到2030年，全市地区生产总值年均增长5.5%左右，常住人口城镇化率达到68%。\n"
    )
    got = {r.value: (r.kind, r.year) for r in extract(text, "proposal.txt")}
    assert got[186] == ("achievement", "2025")
    assert got[42] == ("achievement", "2021-2025")
    assert got[5.5] == ("target", "2026-2030")  # a rate over the plan: its span
    assert got[68] == ("target", "2030")


# --- year: a level that has stepped up to a mark ---------------------------------------------


def test_a_level_that_stepped_onto_a_mark_is_the_end_of_the_period(extract):
    text = (
        "江州市人民政府工作报告\n"
        "——2026年1月9日在江州市第十届人民代表大会第五次会议上\n"
        "一、“十四五”时期工作回顾\n"
        "过去五年，全市地区生产总值迈上3000亿元新台阶，规模以上工业营业收入跨越5000亿元大关。\n"
    )
    years = {r.value: r.year for r in extract(text, "report.txt")}
    assert years[3000] == years[5000] == "2025"  # where it stands at the end, not a sum


def test_a_doubling_or_a_pace_set_for_the_plan_covers_its_years(extract):
    text = (
        "江州市国民经济和社会发展第十五个五年规划纲要\n"
        "（2026年2月1日江州市第十一届人民代表大会第一次会议批准）\n"
        "第二章 主要目标\n"
        "力争到2030年，全市数字经济核心产业增加值实现翻一番，"
        "城乡居民收入增长与经济增长同步，研发经费投入强度达到3%。\n"
    )
    years = {(r.indicator, r.value): r.year for r in extract(text, "plan.txt")}
    assert years[("数字经济核心产业增加值", 2)] == "2026-2030"  # a change over the plan
    assert [y for (name, value), y in years.items() if value is None] == ["2026-2030"]
    assert years[("研发经费投入强度", 3)] == "2030"  # a level: the end


# --- tables: a row that is an indicator of its own ------------------------------------------


def test_a_table_row_naming_a_known_indicator_is_not_completed_by_the_row_above(extract):
    text = (
        "江州市2025年计划执行情况\n"
        "表2 主要指标完成情况\n"
        "指标\t年度目标\t完成情况\n"
        "固定资产投资增速（%）\t6\t4.2\n"
        "城镇新增就业（万人）\t3\t3.4\n"
    )
    names = {r.value: r.indicator for r in extract(text, "plan.txt")}
    assert names[3] == names[3.4] == "新增城镇就业"  # not 城镇新增就业投资


# --- numbers: the field a rank is taken in -----------------------------------------------


def test_the_field_a_rank_is_taken_in_is_no_figure():
    from bot.targets.numbers import find_figures

    def figures(sentence: str) -> list[tuple[str, str]]:
        return [(f.value_text, f.unit) for f in find_figures(sentence)]

    assert figures("全市进出口增速在十五个副省级城市中居第3位。") == [("3", "位")]
    assert figures("增速在全省14个市州中排名第2位。") == [("2", "位")]
    # a count before 中 that is no rank's field stays
    assert figures("全市45个重点项目中已有30个开工。") == [("45", "个"), ("30", "个")]


# --- units: a rate per so many people ---------------------------------------------------------


def test_a_rate_per_hundred_thousand_people_keeps_its_base_as_the_unit():
    from bot.targets.numbers import find_figures

    got = [(f.value, f.unit) for f in find_figures("全县孕产妇死亡率为12.3/10万，低于全省水平。")]
    assert got == [(12.3, "/10万")]
    got = [(f.value, f.unit) for f in find_figures("全市法定传染病报告发病率为215.6/10万。")]
    assert got == [(215.6, "/10万")]
    got = [(f.value, f.unit) for f in find_figures("每千人口床位数为6.2张，人均住房40平方米/人。")]
    assert got == [(6.2, "张"), (40, "平方米/人")]


# --- indicators: life expectancy as health reports write it -----------------------------------


def test_life_expectancy_written_with_its_population_is_one_indicator(table):
    for name in ("居民人均预期寿命", "平均预期寿命", "人口平均预期寿命"):
        assert table.canonical(name) == "人均预期寿命"
