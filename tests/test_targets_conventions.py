"""Conventions the golds had written two ways, settled once (issue 11, lane
``gold-conventions``; GOLD_GUIDELINES 6.8). Every sentence here is invented for the test;
none is a probe's or a corpus document's."""

from __future__ import annotations


def _by_value(records) -> dict[float | None, tuple[str, str]]:
    return {r.value: (r.indicator, r.year) for r in records}


_BULLETIN = "city_jiangzhou_2023_stat-bulletin.txt"


def test_a_leading_xinsheli_is_the_act_not_the_counted_thing(extract):
    text = (
        "江州市2023年国民经济和社会发展统计公报\n\n"
        "全年新设立外商投资企业35家，合同外资金额2.6亿美元。\n\n"
        "全年新设外商投资企业12家。\n"
    )
    got = _by_value(extract(text, _BULLETIN))
    # 6.8.3: 新设立 and 新设 are one act, kept out of the name alike
    assert got[35][0] == "外商投资企业"
    assert got[12][0] == "外商投资企业"
