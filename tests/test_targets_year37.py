"""Year rules found by pooling every year miss of dev, the bundled gold and all probe sets
(`targets-year37`): each test is a general form, on invented sentences, not a line of the
probe texts."""

from __future__ import annotations

_PLAN = (
    "青石市数字产业发展三年行动计划（2031—2033年）\n一、主要目标\n"
    "到2033年，数字产业规模达到3000亿元。\n二、重点任务\n"
)


def test_a_quantity_a_plans_task_adds_is_summed_over_the_plans_years(extract) -> None:
    # 新增 of a capacity or an area is what the plan's years add, as a count built is
    text = _PLAN + "新建算力中心4个，新增智能算力6000PFlops，新增产业载体面积150万平方米。\n"
    got = {(r.value, r.unit): r.year for r in extract(text, "plan.txt")}
    assert got[(4, "个")] == "2031-2033"
    assert got[(6000, "PFlops")] == "2031-2033"
    assert got[(150, "万平方米")] == "2031-2033"


def test_a_capacity_a_plans_task_reaches_stays_at_the_plans_end(extract) -> None:
    text = _PLAN + "全市智能算力规模达到9000PFlops，数据中心电能利用效率降至1.25以下。\n"
    got = {(r.value, r.unit): r.year for r in extract(text, "plan.txt")}
    assert got[(9000, "PFlops")] == "2033"


_SPEECH = "在青石市重大项目集中开工活动上的讲话\n（2032年4月10日）\n同志们：\n"


def test_a_speech_paragraph_opening_on_last_year_is_of_last_year_to_its_end(extract) -> None:
    text = _SPEECH + (
        "近年来，我市坚持项目为王。去年，全市新开工项目420个，完成投资680亿元。"
        "全市地区生产总值达到2860亿元，增长6.1%。\n"
    )
    got = {(r.value, r.unit): r.year for r in extract(text, "青石_speech.txt")}
    assert got[(420, "个")] == "2031"
    assert got[(2860, "亿元")] == "2031"
    assert got[(6.1, "%")] == "2031"


def test_a_later_sentence_opening_on_another_time_starts_its_own(extract) -> None:
    text = _SPEECH + (
        "去年，全市新开工项目420个。今年一季度，全市新签约项目56个。"
        "实际到位资金310亿元。\n本次集中开工项目68个。\n"
    )
    got = {(r.value, r.unit): r.year for r in extract(text, "青石_speech.txt")}
    assert got[(420, "个")] == "2031"
    assert got[(56, "个")] == "2032"
    assert got[(310, "亿元")] == "2032"
    assert got[(68, "个")] == "2032"  # a paragraph opening on no time: the speech's year


def test_things_broken_through_are_counted_over_the_plan_a_sum_crossed_is_a_level(
    extract,
) -> None:
    # 突破关键核心技术40项: acts done over the plan's years; 突破500亿元: a level crossed
    text = _PLAN + "力争突破关键核心技术40项，数字产业营业收入突破500亿元。\n"
    got = {(r.value, r.unit): r.year for r in extract(text, "plan.txt")}
    assert got[(40, "项")] == "2031-2033"
    assert got[(500, "亿元")] == "2033"


def test_what_a_plans_task_brings_along_is_summed_over_the_plans_years(extract) -> None:
    text = _PLAN + "建设数据标注基地3个，带动就业1.2万人。\n"
    got = {(r.value, r.unit): r.year for r in extract(text, "plan.txt")}
    assert got[(1.2, "万人")] == "2031-2033"


def test_a_part_said_after_其中_with_no_verb_is_of_its_wholes_years(extract) -> None:
    text = _PLAN + "布局建设省级以上创新平台20个，其中国家级平台不少于4个。\n"
    got = {(r.value, r.unit): r.year for r in extract(text, "plan.txt")}
    assert got[(20, "个")] == "2031-2033"
    assert got[(4, "个")] == "2031-2033"
    # a part with a verb of reaching of its own is a level at the end
    level = _PLAN + "新增储能装机60万千瓦，其中独立储能电站装机规模达到40万千瓦。\n"
    got = {(r.value, r.unit): r.year for r in extract(level, "plan.txt")}
    assert got[(60, "万千瓦")] == "2031-2033"
    assert got[(40, "万千瓦")] == "2033"


def test_the_whole_year_after_last_year_in_its_sentence_is_last_year(extract) -> None:
    text = _SPEECH + (
        "去年，全市新签约项目300个；全年到位资金900亿元，增长8%。\n"
        "今年，全年力争到位资金增长10%以上。\n"
    )
    got = {(r.value, r.unit): r.year for r in extract(text, "青石_speech.txt")}
    assert got[(900, "亿元")] == "2031"
    assert got[(10, "%")] == "2032"


def test_a_goal_year_after_a_measure_in_its_paragraph_dates_no_measure_before_it(
    extract,
) -> None:
    # measures of a text whose title names no period have no year (GOLD_GUIDELINES 6.6)
    text = (
        "青石省支持跨境电商发展的若干措施\n为培育外贸新动能，制定以下措施。\n"
        "一、支持海外仓建设。对新建海外仓的，每平方米给予补助80元，单个海外仓最高300万元。"
        "到2033年，全省海外仓数量达到50个。\n"
    )
    got = {(r.value, r.unit): r.year for r in extract(text, "province_qingshi_2032_measures.txt")}
    assert got[(80, "元")] == ""
    assert got[(300, "万元")] == ""
    assert got[(50, "个")] == "2033"


def test_a_sum_per_head_and_year_of_a_policy_with_no_period_has_no_year(extract) -> None:
    text = (
        "青石市支持人才集聚的若干措施\n为建设人才高地，制定以下措施。\n"
        "一、支持青年人才。对新引进的博士后，给予每人每年20万元生活补贴。\n"
    )
    got = {(r.value, r.unit): r.year for r in extract(text, "city_qingshi_2032_measures.txt")}
    assert got[(20, "万元")] == ""
