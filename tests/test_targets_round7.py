"""Extraction rules found on the round-7 probe set (issue 11, ``tests/data/probes/round7/``):
a province's five-year outline with its indicator table, a city's budget report, a
county-level city's bulletin with its towns' figures. Every sentence here is invented for
the test; none is a probe's or a corpus document's."""

from __future__ import annotations

from bot.targets.tables.cells import parse_cell

# --- a five-year outline's indicator table ------------------------------------------------------

_OUTLINE = (
    "江州省国民经济和社会发展第十五个五年规划纲要\n\n"
    "第二章 发展目标\n\n"
    "类别\t指标\t2025年\t2030年\t年均/累计\t属性\n"
    "经济发展\t地区生产总值增长（%）\t6.1\t—\t［5.5左右］\t预期性\n"
    "经济发展\t居民人均可支配收入增长（%）\t5.9\t—\t［与经济增长同步］\t预期性\n"
    "绿色低碳\t单位地区生产总值能源消耗降低（%）\t—\t—\t〔完成国家下达任务〕\t约束性\n"
    "绿色低碳\t细颗粒物（PM2.5）浓度（微克/立方米）\t31\t28\t—\t约束性\n"
    "安全保障\t能源综合生产能力（万吨标准煤）\t5200\t5600以上\t—\t约束性\n"
)


def test_a_bracketed_five_year_figure_keeps_its_hedge_inside():
    cell = parse_cell("［5.5左右］")
    assert cell is not None
    assert (cell.value, cell.qualifier, cell.cumulative) == (5.5, "左右", True)
    assert parse_cell("［8以上］").qualifier == "以上"
    assert parse_cell("6左右").qualifier == "左右"  # no bracket: as before
    assert parse_cell("［与经济增长同步］").qualifier == "同步"
    assert parse_cell("〔完成国家下达任务〕") is None  # no figure, no comparison


def test_a_growth_rows_bracketed_figure_is_its_yearly_average(extract):
    records = extract(_OUTLINE, "outline.txt")
    got = {(r.indicator, r.value): (r.change, r.year, r.kind, r.qualifier) for r in records}
    assert got[("地区生产总值", 6.1)] == ("增长", "2025", "achievement", "")
    # 5.5% over five years would be no growth plan: the brackets mark the average
    assert got[("地区生产总值", 5.5)] == ("年均增长", "2026-2030", "target", "左右")
    assert got[("居民人均可支配收入", None)] == ("增长", "2026-2030", "target", "同步")


def test_a_row_with_no_figure_is_no_header_of_a_new_table(extract):
    records = extract(_OUTLINE, "outline.txt")
    got = {(r.indicator, r.value): (r.unit, r.year, r.kind) for r in records}
    # after the 能耗 row of dashes the columns still hold: 2025 a result, 2030 a target
    assert got[("PM2.5平均浓度", 31)] == ("微克/立方米", "2025", "achievement")
    assert got[("PM2.5平均浓度", 28)] == ("微克/立方米", "2030", "target")
    assert {r.indicator for r in records if r.value in (5200, 5600)} == {"能源综合生产能力"}
    assert not any(r.indicator in ("绿色低碳", "安全保障") for r in records)


# --- a budget report: the growth after a completion rate ----------------------------------------


def test_the_growth_after_a_budget_completion_rate_is_the_measures(extract):
    text = (
        "关于江州市2026年预算执行情况和2027年预算草案的报告\n\n"
        "一、2026年预算执行情况\n\n"
        "全市一般公共预算收入618.2亿元，完成预算的101.4%，增长3.6%。"
        "全市政府性基金预算支出402亿元，为调整预算的96.1%，下降4.2%。\n"
    )
    got = {r.value: r.indicator for r in extract(text, "budget.txt")}
    assert got[101.4] == "一般公共预算收入预算完成率"
    assert got[3.6] == "一般公共预算收入"  # not 预算
    assert got[96.1] == "政府性基金预算支出预算完成率"
    assert got[4.2] == "政府性基金预算支出"  # not 调整预算


# --- a county-level city's bulletin: its towns' figures -----------------------------------------


def test_a_towns_figures_are_the_towns(extract):
    text = (
        "宜兴市2026年国民经济和社会发展统计公报\n\n"
        "一、综合\n\n"
        "全年全市实现地区生产总值1520.3亿元，比上年增长5.8%。"
        "其中，石桥镇实现地区生产总值186.2亿元，增长6.9%；"
        "全年云溪经济开发区实现规模以上工业总产值420亿元。"
        "青林镇、东湾镇一般公共预算收入分别为9.6亿元和7.1亿元。"
        "白鹭洲镇、西岭镇一般公共预算收入分别为5.3亿元和4.4亿元。"
        "全市乡镇一般公共预算收入增长3.2%。\n"
    )
    records = extract(text, "宜兴市2026年统计公报.txt")
    got = {r.value: (r.indicator, r.region) for r in records}
    assert got[186.2] == ("地区生产总值", "石桥")
    assert got[6.9] == ("地区生产总值", "石桥")  # the clause goes on with the town's measure
    assert got[420][1] == "云溪"
    assert got[9.6] == ("一般公共预算收入", "青林")
    assert got[7.1] == ("一般公共预算收入", "东湾")
    assert got[5.3] == ("一般公共预算收入", "白鹭洲")  # a three-character town first
    assert got[4.4] == ("一般公共预算收入", "西岭")
    whole = got[1520.3][1]
    assert got[5.8][1] == whole and got[3.2][1] == whole  # 乡镇 is no town's name
    plain = (
        "宜兴市2026年国民经济和社会发展统计公报\n\n一、综合\n\n"
        "经济开发区实现地区生产总值310亿元。\n"
    )
    assert [r.region for r in extract(plain, "宜兴市2026年统计公报.txt")] == [whole]


# --- a speech at an economic work conference: 基本情况 reviews the year -----------------------


def test_a_basic_situation_heading_reviews_the_year(extract):
    text = (
        "在江州市委经济工作会议上的讲话\n（2026年12月20日）\n\n同志们：\n\n"
        "一、今年经济运行的基本情况\n\n"
        "全年新增经营主体3.1万户。\n\n"
        "二、明年经济工作的主要目标\n\n"
        "全年新增经营主体3.5万户以上。\n"
    )
    got = {r.value: r.kind for r in extract(text, "speech.txt")}
    assert got == {3.1: "achievement", 3.5: "target"}  # 全年 is no goal word in a review


def test_rd_spending_over_gdp_said_as_yantou_is_the_rd_intensity(table):
    for alias in ("全社会研发投入占地区生产总值比重", "研发投入占GDP比重"):
        assert table.canonical(alias) == "研发经费投入强度"


# --- a scale class with its count elsewhere ------------------------------------------------------


def test_a_scale_whose_thing_is_counted_is_a_class_of_the_count(extract):
    text = (
        "江州市国民经济和社会发展第十五个五年规划纲要\n\n"
        "第三章 产业体系\n\n"
        "到2030年，培育形成8个以上万亿级、千亿级产业集群。培育百亿级产业基地6个。\n"
    )
    got = {(r.indicator, r.value, r.unit) for r in extract(text, "plan.txt")}
    assert got == {
        ("万亿级、千亿级产业集群", 8, "个"),
        ("百亿级产业基地", 6, "个"),
    }  # no 千亿 亿元 / 百亿 亿元 scale records beside the counts


# --- a congress report's goals said in one paragraph --------------------------------------------


def test_a_congress_reports_five_year_goals_date_its_later_tasks(extract):
    text = (
        "中国共产党江州市第九次代表大会报告\n（2026年9月10日）\n\n"
        "一、过去五年的工作回顾\n\n"
        "五年来，全市新增城镇就业30万人。\n\n"
        "二、今后五年的奋斗目标\n\n"
        "今后五年，全市经济社会发展的主要目标是：地区生产总值年均增长6%以上。\n\n"
        "三、重点任务\n\n"
        "（一）壮大实体经济。每年新增规模以上工业企业200家以上，高新技术企业达到1500家。\n"
    )
    got = {r.value: (r.kind, r.year) for r in extract(text, "congress.txt")}
    first = got[6][1]
    assert first.count("-") == 1 and first.split("-")[0] > "2026"  # the years after the congress
    assert got[200] == ("target", first)  # 每年: each of the five years
    assert got[1500] == ("target", first.split("-")[1])  # a level: at the end


# --- round 2: a row counting a known thing by 数 -------------------------------------------------


def test_a_row_counting_a_known_thing_by_shu_is_the_thing(extract):
    text = (
        "江州市国民经济和社会发展第十五个五年规划纲要\n\n"
        "第二章 主要目标\n\n"
        "类别\t指标\t2025年\t2030年\t年均增长〔累计〕\t属性\n"
        "综合\t一般公共预算收入（亿元）\t510\t640\t5以上\t预期性\n"
        "民生\t城镇新增就业（万人）\t—\t—\t〔40〕\t预期性\n"
        "创新\t高新技术企业数（家）\t2100\t3000\t—\t预期性\n"
    )
    got = {r.value: (r.indicator, r.unit, r.change, r.year) for r in extract(text, "plan.txt")}
    assert got[5] == ("一般公共预算收入", "%", "年均增长", "2026-2030")
    assert got[40] == ("新增城镇就业", "万人", "累计", "2026-2030")
    assert got[2100][0] == got[3000][0] == "高新技术企业"  # not 高新技术企业数


def test_a_budgets_added_items_and_a_limit_set_from_above_are_named_by_what_they_are(extract):
    text = (
        "关于江州市2026年预算执行情况和2027年预算草案的报告\n\n"
        "一、2026年预算执行情况\n\n"
        "全市一般公共预算收入618.2亿元。加上上级补助收入88亿元、调入资金41亿元等，收入总计761亿元。"
        "省核定我市2026年政府债务限额1290亿元。\n"
    )
    got = {r.value: r.indicator for r in extract(text, "budget.txt")}
    assert got[88] == "上级补助收入"  # not 加上上级补助收入
    assert got[41] == "调入资金"
    assert got[1290] == "政府债务限额"  # not 省核定政府债务限额


def test_a_residents_disposable_income_without_per_capita_is_the_per_capita_income(table):
    # 其中农村居民增长6.1% after 全体居民人均可支配收入: the statistic is per capita always
    assert table.canonical("农村居民可支配收入") == "农村居民人均可支配收入"
    assert table.canonical("城镇居民可支配收入") == "城镇居民人均可支配收入"
