"""Names the golds had written two ways, settled once (GOLD_GUIDELINES 6.8.40-44,
``gold-conventions6``; issue 11). Every sentence here is invented for the test; none is a
probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value

_REPORT = "某省2026年政府工作报告\n\n一、2025年工作回顾\n\n"
_REPORT_NAME = "province_mou_2026_gwr.txt"


def test_a_level_word_selects_and_every_kind_is_scope(extract):  # 6.8.40
    text = _REPORT + (
        "建成县级“暖心驿站”40个，新增省级工业互联网平台12个，新改扩建各类学校120所，"
        "新增9个自治区级现代产业学院。\n"
    )
    got = names_by_value(extract(text, _REPORT_NAME))
    assert got[40] == "县级暖心驿站"
    assert got[12] == "省级工业互联网平台"  # the table no longer files it under all platforms
    assert got[120] == "学校"
    assert got[9] == "自治区级现代产业学院"  # not the table's every 现代产业学院


def test_a_count_of_acts_is_named_by_the_act_as_written(extract):  # 6.8.42
    text = _REPORT + "全年三次下调存款准备金率和政策利率，社会融资成本进一步降低。\n"
    got = names_by_value(extract(text, _REPORT_NAME))
    assert got[3] == "下调存款准备金率和政策利率"  # no 次数 added


def test_people_whose_risk_was_removed_are_named_by_it(extract):  # 6.8.8
    text = _REPORT + (
        "12万监测对象稳定消除返贫致贫风险，脱贫县农村居民人均可支配收入增长7.1%。"
        "5.2万户监测户全部消除返贫风险。\n"
    )
    got = names_by_value(extract(text, _REPORT_NAME))
    assert got[12] == "消除返贫致贫风险的监测对象"  # the adverb 稳定 is how, not what
    assert got[5.2] == "消除返贫风险的监测户"
    assert got[7.1] == "脱贫县农村居民人均可支配收入"
