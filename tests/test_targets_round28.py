"""Rules found on the round-28 probe set (issue 11, ``tests/data/probes/round28/``): sector
texts a fourth time (a health services plan, an urban renewal plan, a ministry's opinion on
digital government, foreign trade measures, a talent policy, a carbon peak plan). Every
sentence here is invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

_PLAN = "某市养老服务提升行动方案（2024—2026年）\n一、工作基础\n"
_PLAN_NAME = "city_mou_2024_elderly-care-action-plan.txt"


def _by_value(records) -> dict:
    return {r.value: r for r in records}


# --- a plan's sentence or paragraph that opens with a year already over is its base ----------


def test_a_plan_paragraph_opening_with_an_ended_year_reports_its_base(extract):
    text = (
        _PLAN + "2023年，全市养老机构床位达到2.6万张，护理型床位占比为58%。"
        "全市建成社区养老服务站410个。\n"
        "2021—2023年，全市累计改造适老化住房3200户。\n"
        "二、主要目标\n到2026年，全市养老机构床位达到3万张，护理型床位占比达到65%。\n"
    )
    got = _by_value(extract(text, _PLAN_NAME))
    assert [got[v].kind for v in (2.6, 58, 410, 3200)] == ["achievement"] * 4
    assert (got[3].kind, got[65].kind) == ("target", "target")


def test_an_ended_year_after_the_goal_sentence_and_a_schedule(extract):
    text = (
        "某省促进会展经济发展若干措施\n七、资金保障。2024年省级财政安排会展专项资金2亿元。\n八、工作目标。2024年，全省举办展会面积达到900万平方米，"
        "增长8%。2023年，全省举办展会面积830万平方米，增长12.5%。\n"
        "九、年度安排。2023年，全省新建展馆2个，2026年达到10个。\n"
    )
    got = _by_value(extract(text, "province_mou_2024_exhibition-measures.txt"))
    assert (got[900].kind, got[8].kind) == ("target", "target")
    assert (got[830].kind, got[12.5].kind) == ("achievement", "achievement")
    # a paragraph that goes on to a later year is a schedule, not a base
    assert got[10].kind == "target"


# --- an award given per head, per month, with what it pays for; sums given 分别 -------------

_MEASURES = "某市支持青年创业若干措施\n"
_MEASURES_NAME = "city_mou_2024_youth-startup-measures.txt"


def test_an_award_per_head_is_named_by_its_receiver_and_what_it_pays_for(extract):
    text = (
        _MEASURES + "一、对新进站的博士后研究人员，每人给予科研补贴8万元。对新引进的青年教师，"
        "每人每月给予住房补贴1500元。对新认定的市级创业孵化基地，每家给予20万元运营补助。\n"
    )
    got = _by_value(extract(text, _MEASURES_NAME))
    assert got[8].indicator == "博士后研究人员科研补贴"
    assert got[1500].indicator == "青年教师住房补贴"
    assert got[20].indicator == "市级创业孵化基地运营补助"


def test_sums_given_respectively_go_to_the_receivers_in_their_places(extract):
    text = (
        _MEASURES + "二、对首次在我市购房的高级技师、技师，分别给予购房补贴6万元、3万元。"
        "对新认定的国家级科技孵化器、省级科技孵化器，分别给予80万元、30万元的一次性奖励。\n"
    )
    got = _by_value(extract(text, _MEASURES_NAME))
    assert (got[6].indicator, got[3].indicator) == ("高级技师购房补贴", "技师购房补贴")
    assert (got[80].indicator, got[30].indicator) == ("国家级科技孵化器奖励", "省级科技孵化器奖励")


def test_money_paid_out_is_no_award_given(extract):
    text = "某县2024年政府工作报告\n一、2023年工作回顾\n全年发放高龄补贴2360万元。\n"
    got = _by_value(extract(text, "county_mou_2024_gwr.txt"))
    assert got[2360].indicator == "高龄补贴"


def test_a_rate_per_unit_said_before_the_giving(extract):
    text = (
        _MEASURES + "三、对城市书房建设项目，市级按照每平方米300元的标准给予补助。"
        "对冷链物流企业，按每标箱150元给予运费补贴。对企业年营业收入超过2000万元的，"
        "按每万元营业收入20元给予支持。\n"
    )
    got = _by_value(extract(text, _MEASURES_NAME))
    assert got[300].indicator == "城市书房建设项目补助"
    assert got[150].indicator == "冷链物流企业运费补贴"
    # a class said by a threshold (营业收入超过2000万元的) names no receiver
    assert got[20].indicator == "支持"


# --- a count done in a span a sentence opens with is the span's ------------------------------


def test_a_count_in_a_span_the_sentence_opens_with_takes_the_span(extract):
    text = (
        "某市公园城市建设若干措施\n三、建设任务\n2024—2026年，全市新建口袋公园120个，"
        "城市建成区绿化覆盖率达到43%。\n"
    )
    got = _by_value(extract(text, "city_mou_2024_park-city-measures.txt"))
    assert got[120].year == "2024-2026"
    assert got[43].year == "2026"  # a level reached over the span: its end


def test_a_cap_per_firm_and_a_cap_on_support(extract):
    text = (
        _MEASURES + "四、对服务外包企业，按每万美元离岸执行额50元给予支持，单个企业最高150万元。"
        "对人力资源服务机构，每引进1名急需紧缺人才给予奖励2万元，每家机构每年最高60万元。\n"
    )
    got = _by_value(extract(text, _MEASURES_NAME))
    assert got[50].indicator == "服务外包企业支持"
    assert got[150].indicator == "单个企业支持"
    assert got[2].indicator == "人力资源服务机构奖励"
    assert got[60].indicator == "每家机构奖励"


def test_a_level_said_once_before_listed_receivers_is_each_ones(extract):
    text = (
        _MEASURES
        + "五、对新认定的国家级专精特新企业、单项冠军企业，分别给予50万元、100万元的一次性奖励。\n"
    )
    got = _by_value(extract(text, _MEASURES_NAME))
    assert got[50].indicator == "国家级专精特新企业奖励"
    assert got[100].indicator == "国家级单项冠军企业奖励"
