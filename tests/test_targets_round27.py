"""Rules found on the round-27 probe set (issue 11, ``tests/data/probes/round27/``): six
statistical bulletins written whole (a central city, a southern county, a pastoral
prefecture, a services district, a county-level city in 2020, a province's later
sections). Every sentence here is invented for the test; none is a probe's or a corpus
document's."""

from __future__ import annotations

_HEAD = "某市2021年国民经济和社会发展统计公报\n三、工业和建筑业\n"
_NAME = "city_mou_2021_stat-bulletin.txt"


def _by_value(records) -> dict:
    return {r.value: r for r in records}


# --- a part after a whole that says a measure of its own keeps it --------------------------


def test_a_part_with_a_measure_of_its_own_is_not_given_the_wholes(extract):
    text = (
        _HEAD + "全年规模以上工业增加值426.3亿元，比上年增长4.1%。其中，新产品产值912.5亿元，"
        "增长7.7%；出口交货值208.4亿元，下降2.2%。\n"
        "全年服务业增加值318.2亿元，增长3.3%。其中，规模以上服务业企业营业收入265.1亿元。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[912.5].indicator == "新产品产值"  # not 新产品产值增加值
    assert got[7.7].indicator == "新产品产值"
    assert got[265.1].indicator == "规模以上服务业营业收入"


def test_a_bare_part_still_takes_the_wholes_measure(extract):
    text = (
        _HEAD + "全年社会消费品零售总额512.6亿元，增长6.1%。"
        "按经营地分，城镇412.3亿元，乡村100.3亿元。\n"
        "全年农林牧渔业总产值88.4亿元。其中，种植业52.1亿元，畜牧业21.7亿元。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[412.3].indicator == "城镇消费品零售额"
    assert got[52.1].indicator == "种植业产值"


# --- 规模以上工业企业完成/实现(总)产值 is the table's 规模以上工业总产值 -------------------------


def test_an_output_value_of_the_enterprises_above_scale_is_the_tables(extract):
    text = (
        _HEAD + "全年规模以上工业增加值比上年增长5.4%。全市规模以上工业企业完成总产值1522.7亿元，"
        "增长6.6%。\n全年全部工业增加值611.2亿元。"
        "其中，规模以上工业企业实现产值2034.8亿元，增长3.9%。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[1522.7].indicator == "规模以上工业总产值"
    assert got[6.6].indicator == "规模以上工业总产值"
    assert got[2034.8].indicator == "规模以上工业总产值"
