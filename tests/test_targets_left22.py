"""What targets-left22 settles (issue 11): shapes the probe rounds 18–21 left with one
document each that now have two or more. Every sentence here is invented for the test;
none is a probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value as _names

_PLAN = "江川省加快发展服务业行动方案（2025—2027年）\n\n到2027年，"
_PLAN_NAME = "province_jiangchuan_2025_action-plan.txt"
_BULLETIN = "柘川市2023年国民经济和社会发展统计公报\n\n六、交通运输\n\n"
_BULLETIN_NAME = "city_zhechuan_2023_stat-bulletin.txt"


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


# --- a bare traffic measure after a mode's ；-part is the same mode's -----------------


def test_turnover_after_the_modes_volume_is_the_modes(extract):
    text = (
        _BULLETIN + "全年公路完成货运量5120万吨，比上年增长3.1%；货物周转量71.5亿吨公里，"
        "增长4.4%。全年铁路完成客运量830万人，增长12.0%；旅客周转量9.6亿人公里，增长8.8%。\n"
    )
    names = _names(extract(text, _BULLETIN_NAME))
    assert names[71.5] == "公路货物周转量"
    assert names[4.4] == "公路货物周转量"
    assert names[9.6] == "铁路旅客周转量"
    assert names[8.8] == "铁路旅客周转量"


def test_turnover_after_the_modes_turnover_is_the_modes(extract):
    text = (
        _BULLETIN + "全市公路货物周转量42.7亿吨公里，比上年增长6.1%；旅客周转量11.2亿人公里，"
        "比上年增长9.3%；水路货物周转量3.1万吨公里，下降2.0%；旅客周转量650万人公里，"
        "增长20.5%。\n"
    )
    names = _names(extract(text, _BULLETIN_NAME))
    assert names[11.2] == "公路旅客周转量"
    assert names[9.3] == "公路旅客周转量"
    assert names[3.1] == "水路货物周转量"
    assert names[650] == "水路旅客周转量"


def test_turnover_after_all_modes_volume_stays_bare(extract):
    text = _BULLETIN + "全年货物运输量2.1亿吨，增长5.0%；货物周转量310亿吨公里，增长6.0%。\n"
    names = _names(extract(text, _BULLETIN_NAME))
    assert names[310] == "货物周转量"
    assert names[6.0] == "货物周转量"
