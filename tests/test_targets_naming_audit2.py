"""What naming-audit2 settles (issue 11): names a reader would reject, found by reading
random confident records. Every sentence here is invented for the test; none is a probe's
or a corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value as _names

_REPORT = "柳塘县人民政府工作报告\n\n一、2024年工作回顾\n\n"
_NAME = "county_liutang_2025_gwr.txt"


def test_an_adverb_of_figures_in_a_row_is_no_part_of_the_name(extract):
    # 先后/相继 say the figures came one after another, not what they measure
    text = (
        _REPORT + "五年来，全县生产总值先后跨越200亿元、300亿元两个台阶，年均增长6.3%。"
        "全县一般公共预算收入相继迈上10亿元、15亿元台阶。"
        "全县工业总产值陆续突破120亿元、150亿元。\n"
    )
    records = extract(text, _NAME)
    names = _names(records)
    assert names[6.3] == "地区生产总值"
    assert names[300] == "地区生产总值"
    assert names[15] == "一般公共预算收入"
    assert names[150] == "工业总产值"
    assert all(r.confidence >= 0.6 for r in records)


def test_a_fall_or_rise_compared_with_a_base_is_the_measure_s(extract):
    # 降幅比上半年收窄, 涨幅比上年回落: as 增速比上月加快, the measure before is named
    text = (
        _REPORT + "全县货物贸易进出口总值86亿元，同比下降3.2%，降幅比一季度收窄1.4个百分点。"
        "全县居民消费价格上涨2.1%，涨幅比上年回落0.6个百分点。\n"
    )
    records = extract(text, _NAME)
    names = _names(records)
    assert names[1.4] == names[3.2]
    assert names[1.4] != "降幅比"
    assert names[0.6] == names[2.1] == "居民消费价格"


def test_leading_alone_names_nothing(extract):
    # 领导 is a noun to the dictionary, but alone it is who leads or the act, never a measure
    text = _REPORT + "领导八十多万人的农业大县，我们必须本领高强。领导十三亿多人的社会主义大国。\n"
    records = extract(text, _NAME)
    assert not [r for r in records if r.indicator == "领导" and r.confident]
