"""Rules found on the bulletins34 probe set (issue 11, ``tests/data/probes/bulletins34/``):
statistical bulletins as they come off real websites. Every sentence here is invented for
the test; none is a probe's or a corpus document's."""

from __future__ import annotations

_HEAD = "2031年某市国民经济和社会发展统计公报\n某市统计局\n\n二、工业\n\n"
_NAME = "city_mou_2031_stat-bulletin.txt"


# --- a lead that names the products' output once (主要工业产品产量：) -----------------------


def test_a_product_list_lead_makes_every_bare_product_its_output_whatever_its_unit(extract):
    text = _HEAD + (
        "主要工业产品产量：水泥328.6万吨，下降6.4%；平板玻璃1426万重量箱，增长8.2%；"
        "发电量86.42亿千瓦时，增长12.6%；汽车3.86万辆，增长28.4%，其中新能源汽车1.12万辆，"
        "增长1.6倍。\n"
    )
    got = {(r.value, r.unit): r.indicator for r in extract(text, _NAME)}
    assert got[(1426, "万重量箱")] == "平板玻璃产量"
    assert got[(86.42, "亿千瓦时")] == "发电量"
    assert got[(3.86, "万辆")] == "汽车产量"
    assert got[(1.12, "万辆")] == "新能源汽车产量"
    assert got[(1.6, "倍")] == "新能源汽车产量"


def test_without_the_lead_a_count_of_vehicles_is_no_output(extract):
    text = _HEAD + "年末全市公交车1860辆，出租汽车3200辆。\n"
    names = {r.indicator for r in extract(text, _NAME)}
    assert not any(n.endswith("产量") for n in names)


# --- a place's investment in a bulletin is its fixed-asset investment ---------------------


def test_a_places_investment_in_a_bulletin_is_its_fixed_asset_investment(extract):
    text = _HEAD.replace("二、工业", "三、固定资产投资") + (
        "全年全市固定资产投资比上年增长6.4%。分县（市、区）看，江北区增长7.2%，石门县下降2.4%。"
        "重点区域中，某某高新区、某某东部新区完成投资分别增长8.5%、7.7%。"
        "全年工业园区投资增长5.0%，东部地区投资增长3.1%。\n"
    )
    got = {r.value: r.indicator for r in extract(text, _NAME)}
    assert got[7.2] == got[2.4] == got[8.5] == got[7.7] == "固定资产投资"
    assert got[5.0] == "工业园区投资"  # a kind of area, not a place
    assert got[3.1] == "东部地区投资"


# --- a set of schools after a ； names its own people, not the set of the 其中 before -----


def test_a_school_set_after_the_semicolon_keeps_its_own_students(extract):
    text = _HEAD.replace("二、工业", "五、教育") + (
        "普通高等学校在校学生6.82万人，其中，本科生3.46万人；普通中学在校学生21.6万人，"
        "其中高中在校学生7.4万人。\n"
    )
    got = {r.value: r.indicator for r in extract(text, _NAME)}
    assert got[21.6] == "普通中学在校学生"
    assert got[7.4] == "高中在校学生"


# --- the members that grew, said without the set's own 工业 -------------------------------


def test_members_that_grew_are_named_by_the_set_they_belong_to(extract):
    text = _HEAD + "分行业看，在38个工业行业大类中，有27个行业增加值保持增长。\n"
    got = {r.value: r.indicator for r in extract(text, _NAME)}
    assert got == {38: "工业行业大类", 27: "增加值保持增长的工业行业大类"}
