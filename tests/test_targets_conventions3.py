"""Names the golds had written two ways, settled once (GOLD_GUIDELINES 6.8.20-,
``gold-conventions3``; issue 11). Every sentence here is invented for the test; none is a
probe's or a corpus document's."""

from __future__ import annotations

from bot.targets.naming.clean import clean_name
from tests.probes import names_by_value

_COUNTY = "某县2018年政府工作报告\n\n一、2017年工作回顾\n\n"
_NAME = "county_mou_2018_gwr.txt"


def test_a_fund_set_up_is_named_without_its_size_word(extract):  # 6.8.20
    text = "某市数字经济发展行动方案（2025-2027年）\n\n一、主要目标\n\n" + (
        "设立规模30亿元的数字经济产业基金，设立总规模80亿元的先进制造业母基金。\n"
    )
    got = names_by_value(extract(text, "city_mou_2025_digital-plan.txt"))
    assert got[30] == "数字经济产业基金"
    assert got[80] == "先进制造业母基金"


def test_xianshang_is_written_out_in_the_thing_counted(extract):  # 6.8.22
    text = _COUNTY + "新增规上工业企业11家，新增限上商贸企业23家。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[11] == "规模以上工业企业"
    assert got[23] == "限额以上商贸企业"
    assert clean_name("贷款期限上调企业") == "贷款期限上调企业"  # 期限上调: no 限上
