"""Rules found on the round-22 probe set (issue 11, ``tests/data/probes/round22/``): sector
action plans and implementation plans of provinces and large cities. Every sentence here
is invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

_PLAN = "某省新材料产业高质量发展行动方案（2024—2027年）\n一、发展现状\n"
_NAME = "province_mou_2024_new-materials-action-plan.txt"


def _by_value(records) -> dict:
    return {r.value: r for r in records}


# --- a review paragraph that opens with its year is of that year to its end ----------------


def test_a_review_paragraphs_opening_year_holds_for_its_later_sentences(extract):
    text = (
        _PLAN + "2023年，全省新材料产业实现营业收入2100亿元，同比增长8.5%。全省拥有规模以上新材料"
        "企业480家，其中上市企业12家。全年新增发明专利1300件。\n"
        + "二、主要目标\n到2027年，全省新材料产业营业收入突破3500亿元。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[480].year == "2023"
    assert got[12].year == "2023"
    assert got[1300].year == "2023"  # 全年: the paragraph's year, not the document's
    assert got[3500].year == "2027"


def test_a_review_paragraph_opening_with_jiezhi_year_end(extract):
    text = _PLAN + "截至2022年底，全省建成中试平台36个。全省拥有新材料产业园区9个。\n"
    got = _by_value(extract(text, _NAME))
    assert got[9].year == "2022"


# --- a count named by the counted thing, not its 数量 ---------------------------------------


def test_a_count_of_things_drops_the_word_for_their_number(extract):
    text = _PLAN + "2023年，全省规模以上新材料企业数量突破900家，中试平台数量达到40个。\n"
    got = _by_value(extract(text, _NAME))
    assert got[900].indicator == "规模以上新材料企业"
    assert got[40].indicator == "中试平台"


def test_the_number_of_an_act_keeps_it(extract):
    text = _PLAN + "2023年，全省民营企业100强入围数量达到12家。\n"
    got = _by_value(extract(text, _NAME))
    assert got[12].indicator == "民营企业100强入围数量"


# --- a sum or a yearly average over a span the sentence opens with is of the span ----------


def test_a_sum_over_an_opening_span_of_years_is_of_the_span(extract):
    text = (
        _PLAN + "2020年至2022年，全省累计建成中试基地15个，完成投资88亿元。\n"
        "2020—2022年，全省新材料产业营业收入年均增长9.4%。\n"
        "2020—2022年，全省新材料产业营业收入提高到1900亿元。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[15].year == "2020-2022"
    assert got[88].year == "2020-2022"
    assert got[9.4].year == "2020-2022"
    assert got[1900].year == "2022"  # a level reached: the span's end


# --- “十四五”以来: from the plan's first year to the last the text reviews -------------------


def test_since_a_plan_began_in_a_plan_of_a_later_year_ends_the_year_before(extract):
    text = _PLAN + "“十四五”以来，全省新材料产业累计完成投资760亿元，营业收入年均增长10.2%。\n"
    got = _by_value(extract(text, _NAME))
    assert got[760].year == "2021-2023"
    assert got[10.2].year == "2021-2023"


def test_since_a_plan_began_in_a_review_of_this_year_ends_this_year(extract):
    text = (
        "某省委书记在全会上的讲话（2020年12月）\n一、关于今年工作\n"
        "全省剩余贫困人口全部脱贫，“十三五”以来累计156万贫困人口脱贫。\n"
    )
    got = _by_value(extract(text, "province_mou_2020_plenary-speech.txt"))
    assert got[156].year == "2016-2020"


# --- awards a plan gives: its rate of a base, its cap, its receivers ------------------------

_SUPPORT = "某市促进新材料产业发展若干措施\n一、加大支持力度。"


def test_an_award_given_as_a_rate_of_a_base_is_the_receivers_award_rate(extract):
    text = (
        _SUPPORT + "对首台（套）新材料产品按售价的20%给予奖励，单台最高不超过800万元。"
        "对新材料企业研发投入按实际发生额的15%给予奖补，最高不超过1500万元。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[20].indicator == "首台（套）新材料产品奖励比例"
    assert got[800].indicator == "单台奖励"
    assert got[15].indicator == "新材料企业研发投入奖补比例"
    assert got[1500].indicator == "新材料企业研发投入奖补"


def test_the_receivers_of_an_award_said_by_what_they_did(extract):
    text = (
        _SUPPORT + "对首次取得三类注册证的产品，每个给予150万元奖励；"
        "购买节能家电的，按售价的10%给予补贴，每件最高1500元。"
        "对新评定为国家级示范基地的，给予一次性奖励300万元。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[150].indicator == "三类注册证奖励"
    assert got[10].indicator == "节能家电补贴比例"
    assert got[1500].indicator == "节能家电补贴"
    assert got[300].indicator == "国家级示范基地奖励"


def test_sums_given_respectively_and_a_units_cap_with_the_awards_own_word(extract):
    text = (
        _SUPPORT + "对营业收入首次突破5亿元、20亿元的新材料企业，分别给予50万元、100万元奖励。"
        "对开通物流专线的企业，按每条专线每年10万元给予运营补贴，单个企业每年不超过60万元。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[50].indicator == "新材料企业奖励"
    assert got[100].indicator == "新材料企业奖励"
    assert got[60].indicator == "单个企业运营补贴"
    assert got[10].indicator == "物流专线运营补贴"  # a sum per unit, given after it


def test_listed_thresholds_of_the_receivers_class_are_no_figures(extract):
    text = (
        _SUPPORT + "对年营业收入首次突破5亿元、20亿元的新材料企业，分别给予50万元、100万元奖励。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert set(got) == {50, 100}


# --- a plan's 每年 with no period known is no year ------------------------------------------


def test_a_yearly_figure_of_a_plan_whose_title_names_no_period_has_no_year(extract):
    text = (
        "某市促进新材料产业发展若干措施\n一、加大支持力度。\n"
        "市级财政每年安排新材料产业发展资金2亿元。对新认定的中试平台，给予最高200万元补助。"
        "城乡居民医保财政补助标准每人每年提高40元。\n"
    )
    got = _by_value(extract(text, "city_mou_2024_new-materials-measures.txt"))
    assert got[2].year == ""
    assert got[200].year == ""  # the paragraph's 每年 said before it: no year either
    assert got[40].year != ""  # a rate per head and year is the year's


# --- a growth on the same period, said in a plan with no review heading, is a result --------


def test_a_plans_base_year_with_same_period_growth_is_an_achievement(extract):
    text = (
        "某市促进新材料产业发展若干措施\n"
        "2023年，全市新材料产业营业收入860亿元，同比增长12%；规模以上企业210家。"
        "为加快发展，制定以下措施。\n一、加大支持力度。力争到2025年，营业收入突破1200亿元。\n"
    )
    got = _by_value(extract(text, "city_mou_2024_new-materials-measures.txt"))
    assert got[860].kind == "achievement"
    assert got[12].kind == "achievement"
    assert got[1200].kind == "target"


# --- where a work is done (在…中心/园区/等领域) and its verb are no part of the name ---------


def test_a_locative_lead_and_its_verb_leave_the_counted_thing(extract):
    text = (
        _PLAN.replace("一、发展现状", "三、重点任务")
        + "在产业园区建设中试平台20个以上。在交通、能源、医疗等领域发布应用场景60项。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[20].indicator == "中试平台"
    assert got[20].year == "2024-2027"  # a count built over the plan: its verb kept
    assert got[60].indicator == "应用场景"


def test_a_review_sentence_opening_with_a_year_dates_the_paragraphs_later_ones(extract):
    text = (
        _PLAN + "近年来，全省新材料产业加快发展。2023年，全省新材料产业营业收入2100亿元。"
        "全省已建成中试平台36个，算力规模达到1500PFlops。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[36].year == "2023"
    assert (got[1500].unit, got[1500].year) == ("PFlops", "2023")


def test_a_sum_in_a_paragraph_about_a_stretch_keeps_the_stretch(extract):
    text = (
        _PLAN + "“十四五”期间，全省新材料产业加快发展。截至2023年底，全省建成中试平台36个。"
        "累计完成新材料企业技术改造860项。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[36].year == "2023"
    assert got[860].year != "2023"


# --- the 累计 of a 、-list is each item's ---------------------------------------------------


def test_a_sum_said_once_before_a_list_is_each_items(extract):
    text = (
        _PLAN.replace("一、发展现状", "二、主要目标")
        + "到2027年，累计获批新材料首批次产品40个以上、省级以上制造业创新中心12个。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[40].year == "2024-2027"
    assert got[12].year == "2024-2027"
