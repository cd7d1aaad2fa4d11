"""Extraction and metadata rules found on the round-6 probe set (issue 11,
``tests/data/probes/round6/``): a city's ecology status bulletin, a city's notice issuing a
year's 民生实事 list, a department's half-year summary, a national work report's tasks.
Every sentence here is invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

from bot.corpus.meta import infer_meta, infer_type

# --- a year's status bulletin reports that year's results ---------------------------------------


def test_a_status_bulletin_is_a_bulletin_of_the_year_in_its_title(extract):
    text = (
        "2024年江州市生态环境状况公报\n江州市生态环境局\n2025年6月\n\n"
        "一、大气环境\n\n"
        "全年空气质量优良天数为301天，比上年增加9天。\n"
        "全年完成营造林面积8万亩，新增城市绿地面积150万平方米。\n"
    )
    meta = infer_meta(text, "eco.txt")
    assert (meta.year, meta.doc_type) == (2024, "统计公报")  # not the year it was published
    records = extract(text, "eco.txt")
    assert {r.value: (r.kind, r.year) for r in records} == {
        301: ("achievement", "2024"),
        9: ("achievement", "2024"),
        8: ("achievement", "2024"),  # 全年…完成: the year's result, not a goal
        150: ("achievement", "2024"),
    }
    assert infer_type("2023年江州市水资源公报", "") == "统计公报"


# --- a notice issuing a year's list of projects -------------------------------------------------


def test_a_notice_issuing_a_years_project_list_sets_that_years_targets(extract):
    title = "江州市人民政府关于印发2027年民生实事项目的通知"
    assert infer_type(title, "") == "实施意见/行动方案"
    assert infer_type("江州市人民政府关于印发2027年市级重点项目的通知", "") == "实施意见/行动方案"
    # a plain notice stays untyped: its type is what it announces
    assert infer_type("江州市人民政府关于做好春节期间安全工作的通知", "") is None
    text = (
        title + "\n江政发〔2027〕2号\n\n各区人民政府，市各部门：\n\n"
        "现将2027年民生实事项目印发给你们，请认真组织实施。\n\n"
        "江州市人民政府\n2027年1月20日\n\n"
        "一、托育服务扩容工程。新增普惠托位900个，新建社区嵌入式托育点15个。\n"
        "二、城市更新惠民工程。改造背街小巷60条，加装电梯120部。\n"
    )
    records = extract(text, "list.txt")
    assert {r.value: (r.kind, r.year) for r in records} == {
        900: ("target", "2027"),
        15: ("target", "2027"),
        60: ("target", "2027"),
        120: ("target", "2027"),
    }


# --- a department's half-year summary -----------------------------------------------------------


def test_a_half_year_summary_reports_the_first_half_and_plans_the_second(extract):
    title = "江州市发展和改革委员会2024年上半年工作总结和下半年工作安排"
    text = (
        title + "\n\n一、上半年工作情况\n\n"
        "（一）项目建设加快推进。上半年，全市重点项目完成投资420亿元，完成全年目标的55%。"
        "新开工项目86个。\n\n"
        "二、下半年工作安排\n\n"
        "下半年，力争重点项目完成投资380亿元以上，新开工项目60个。\n"
    )
    meta = infer_meta(text, "summary.txt")
    assert meta.issuer == "江州市发展和改革委员会"
    assert meta.year == 2024
    records = extract(text, "summary.txt")
    got = {r.value: (r.kind, r.year) for r in records}
    # 完成全年目标的55%: progress towards the year's goal, a result of the half-year
    assert got[420] == got[55] == got[86] == ("achievement", "2024")
    assert got[380] == got[60] == ("target", "2024")


def test_a_heading_on_the_works_situation_is_a_review():
    from bot.targets.kinds import REVIEW, classify_heading

    assert classify_heading("一、2024年工作情况", 2025) == REVIEW
    assert classify_heading("一、前三季度工作情况", 2025) == REVIEW


# --- 新建 the verb, not 新建 the district -------------------------------------------------------


def test_new_building_is_a_verb_not_the_district_of_that_name(extract):
    text = (
        "政府工作报告\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n"
        "二、2026年政府工作任务\n\n全年新建城市社区嵌入式服务设施3000个，新建充电桩50万个。\n"
    )
    records = extract(text, "gwr.txt")
    assert {r.value: r.region for r in records} == {3000: "全国", 50: "全国"}


# --- number forms of an ecology bulletin and a department's summary ------------------------------


def _figures(sentence: str) -> list[tuple[float | None, str, str]]:
    from bot.targets.numbers import find_figures

    return [(f.value, f.value_text, f.unit) for f in find_figures(sentence)]


def test_dust_fall_and_noise_levels_have_their_units():
    assert _figures("城区月均降尘量为4.2吨/平方公里·月，比上年下降0.5吨/平方公里·月。") == [
        (4.2, "4.2", "吨/平方公里·月"),
        (0.5, "0.5", "吨/平方公里·月"),
    ]
    assert _figures("夜间区域环境噪声平均值为46.1分贝。") == [(46.1, "46.1", "分贝")]


def test_copies_and_applications_are_counted_in_fen():
    assert _figures("全年受理消费者投诉3.4万份，签订合同1200份。") == [
        (3.4, "3.4万", "万份"),
        (1200.0, "1200", "份"),
    ]
    assert _figures("企业占据市场前3份额。") == []  # 份额 is a share, no measure word


def test_the_window_a_concentration_is_averaged_over_is_no_figure():
    assert _figures("二氧化氮24小时平均第98百分位数浓度为61微克/立方米。") == [
        (61.0, "61", "微克/立方米")
    ]
    assert _figures("应急队伍接报后2小时内到达现场。") == [(2.0, "2", "小时")]


# --- regions of listed parts; the gap to a benchmark ----------------------------------------------


def test_listed_districts_take_their_figures_one_each_after_fenbie(extract):
    text = (
        "政府工作报告\n——2026年1月8日在南京市第十七届人民代表大会第五次会议上\n\n"
        "一、2025年工作回顾\n\n"
        "各区竞相发展，玄武区、秦淮区地区生产总值分别增长7.4%和6.9%。\n"
    )
    regions = {r.value: r.region for r in extract(text, "gwr.txt")}
    assert regions == {7.4: "玄武", 6.9: "秦淮"}


def test_a_gap_to_another_growth_rate_is_a_gap_not_a_growth(extract):
    text = (
        "政府工作报告\n——2026年1月9日在江州县第十八届人民代表大会第五次会议上\n\n"
        "一、2025年工作回顾\n\n"
        "农村居民人均可支配收入增长6.8%，快于城镇居民收入增速1.9个百分点。\n"
    )
    changes = {r.value: r.change for r in extract(text, "gwr.txt")}
    assert changes[6.8] == "增长"
    assert changes[1.9] == "快于"


# --- the table's names for an ecology bulletin's and a work report's measures --------------------


def test_an_ecology_bulletins_measures_have_their_standard_names(table):
    assert table.canonical("可吸入颗粒物（PM10）年均浓度") == "PM10平均浓度"
    assert table.canonical("可吸入颗粒物年均浓度") == "PM10平均浓度"
    assert table.canonical("平均降尘量") == "降尘量"
    assert table.canonical("环境空气质量优良天数") == "空气质量优良天数"
    assert table.canonical("环境空气质量优良率") == "空气质量优良率"
    # PM10 is not PM2.5
    assert table.canonical("PM10浓度") != table.canonical("PM2.5浓度")


def test_totals_of_talent_and_output_are_the_measure_itself(table):
    assert table.canonical("专业技术人才总量") == "专业技术人才"
    assert table.canonical("新能源汽车年产量") == "新能源汽车产量"
    assert table.canonical("民生实事项目") == "民生实事"


def test_an_ecology_bulletins_sentence_is_named_by_the_table(extract):
    text = (
        "2024年江州市生态环境状况公报\n江州市生态环境局\n\n"
        "可吸入颗粒物（PM10）年均浓度为58微克/立方米，同比下降3.3%。\n"
    )
    names = {r.value: r.indicator for r in extract(text, "eco.txt")}
    assert names == {58: "PM10平均浓度", 3.3: "PM10平均浓度"}


# --- round 2: a water-resources bulletin, a district department's summary -----------------------


def test_rainfall_is_measured_in_millimetres_and_water_use_has_its_name(table):
    assert _figures("全年平均降水量1240毫米，比多年平均偏多5.2%。") == [
        (1240.0, "1240", "毫米"),
        (5.2, "5.2", "%"),
    ]
    assert _figures("配备毫米波雷达12套。") == [(12.0, "12", "套")]  # a radio band
    assert table.canonical("总用水量") == "用水总量"


def test_a_title_naming_a_city_and_its_district_is_the_districts():
    # two cities have a 江北区: the one the title names first decides which
    meta = infer_meta("重庆市江北区商务委员会2026年工作要点\n\n正文。", "x.txt")
    assert (meta.region, meta.level, meta.region_path) == ("江北", "county", ("重庆", "江北"))
    meta = infer_meta("宁波市江北区人民政府关于印发2026年民生实事项目的通知\n\n正文。", "x.txt")
    assert (meta.region, meta.region_path) == ("江北", ("浙江", "宁波", "江北"))
    meta = infer_meta("重庆市人民政府关于印发2026年市级重点项目的通知\n\n正文。", "x.txt")
    assert (meta.region, meta.level) == ("重庆", "provincial")
