"""What targets-left22 settles (issue 11): shapes the probe rounds 18–21 left with one
document each that now have two or more. Every sentence here is invented for the test;
none is a probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value as _names

_PLAN = "江川省加快发展服务业行动方案（2025—2027年）\n\n到2027年，"
_PLAN_NAME = "province_jiangchuan_2025_action-plan.txt"


# --- 在…领域 before the act: where it is done, not what is counted --------------------


def test_a_field_before_the_act_is_no_part_of_the_name(extract):
    text = _PLAN + "在城市配送领域开通货运航线70条，在文化旅游领域开通旅游专线40条。\n"
    names = _names(extract(text, _PLAN_NAME))
    assert names[70] == "货运航线"
    assert names[40] == "旅游专线"


def test_a_listed_field_before_the_act_is_no_part_of_the_name(extract):
    text = _PLAN + "在港口、物流等领域建设货运航线35条。\n"
    assert _names(extract(text, _PLAN_NAME))[35] == "货运航线"


def test_a_field_said_apart_still_names_the_bodies(extract):
    # 在空间信息领域，新增…: the sentence's topic (sectors.py), not a field before an act
    text = _PLAN + "在空间信息领域，新增市级以上创新平台6个以上。\n"
    assert "空间信息领域" in _names(extract(text, _PLAN_NAME))[6]
