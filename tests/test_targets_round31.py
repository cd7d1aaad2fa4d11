"""Rules found on the round-31 probe set (issue 11, ``tests/data/probes/round31/``):
national documents (a congress report, a work report, a budget report, a press
conference, a plan outline). Every sentence here is invented for the test; none is a
probe's or a corpus document's."""

from __future__ import annotations

_REPORT = "政府工作报告\n——2031年3月5日在全国人民代表大会上\n\n二、2031年经济社会发展总体要求\n\n"
_NAME = "national_china_2031_gwr.txt"


# --- a comparison base named by what it was (年初预算, 执行数, 上届) ----------------------


def test_a_base_named_by_the_budget_it_was_is_not_the_name(extract):
    text = _REPORT + (
        "赤字规模5.2万亿元，比上年年初预算增加2600亿元。"
        "全国一般公共预算支出31.6万亿元，比2030年执行数增长3.5%。\n"
    )
    got = {r.value: r.indicator for r in extract(text, _NAME)}
    assert got[2600] == "赤字规模"
    assert got[3.5] == "一般公共预算支出"


def test_a_base_named_as_the_last_edition_is_not_the_name(extract):
    text = _REPORT + "某博览会境外采购商到会12.4万人，比上届增长21.7%。\n"
    got = {r.value: r.indicator for r in extract(text, _NAME)}
    assert got[21.7] == got[12.4]


# --- the land a speech stands on (在960万平方公里的土地上) is no area measured --------------

_CONGRESS = "在中国共产党某省第十二次代表大会上的报告\n（2031年11月）\n\n一、过去五年的工作\n\n"


def test_the_land_a_report_stands_on_is_not_an_area(extract):
    text = _CONGRESS + (
        "我们带领全省人民，在这片十八万平方公里的土地上，谱写了发展新篇章。"
        "全省建成区面积达到3100平方公里。\n"
    )
    got = {r.value for r in extract(text, "province_mou_2031_party-congress-report.txt")}
    assert 18 not in got
    assert 3100 in got


# --- 在经济增长的同时实现居民收入同步增长: the comparison said the other way round ---------


def test_income_in_step_with_growth_said_the_other_way_round(extract):
    text = _CONGRESS + (
        "我们坚持在经济增长的同时实现居民收入同步增长，全省居民人均可支配收入年均增长6.1%。\n"
    )
    got = [r for r in extract(text, "province_mou_2031_party-congress-report.txt")]
    sync = [r for r in got if r.qualifier == "同步"]
    assert [(r.indicator, r.value) for r in sync] == [("居民人均可支配收入", None)]
    assert sync[0].year == "2027-2031"


def test_pay_in_step_with_productivity_said_the_other_way_round(extract):
    text = _CONGRESS + "坚持在劳动生产率提高的同时实现劳动报酬同步提高。\n"
    got = extract(text, "province_mou_2031_party-congress-report.txt")
    assert [(r.indicator, r.qualifier) for r in got] == [("劳动报酬", "同步")]


# --- 加上调入资金及使用结转结余: an item added to the revenue, named without 加上 ----------


def test_funds_carried_over_and_added_are_named_without_jiashang(extract):
    text = (
        "关于2030年中央和地方预算执行情况与2031年中央和地方预算草案的报告\n\n"
        "一、2030年中央和地方预算执行情况\n\n"
        "2030年，全国一般公共预算收入251300亿元。加上调入资金及使用结转结余17420亿元，"
        "收入总量为268720亿元。\n"
    )
    got = {r.value: r.indicator for r in extract(text, "national_china_2031_budget-report.txt")}
    assert got[17420] == "调入资金及使用结转结余"


# --- 党中央召开七次全会: plenums held are counted, named by the committee -----------------


def test_plenums_held_are_a_count_named_by_the_committee(extract):
    text = _CONGRESS + "五年来，省委召开六次全会，分别就重大问题作出决定。\n"
    got = [
        (r.indicator, r.value, r.year)
        for r in extract(text, "province_mou_2031_party-congress-report.txt")
    ]
    assert got == [("省委全会", 6, "2027-2031")]


def test_a_plenum_of_a_session_is_no_count(extract):
    text = _CONGRESS + "省委十一届六次全会审议通过了决定，全省建成区面积达到3100平方公里。\n"
    got = [r.value for r in extract(text, "province_mou_2031_party-congress-report.txt")]
    assert got == [3100]
