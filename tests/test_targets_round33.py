"""Rules found on the round-33 probe set (issue 11, ``tests/data/probes/round33/``):
officials' speeches and older district, county and city work reports. Every sentence
here is invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

_REVIEW = "2031年某市人民政府工作报告\n\n一、过去五年工作回顾\n\n"
_NAME = "city_mou_2031_gwr.txt"


# --- a rank moved with 前移至: the rank it started from is no record ---------------------


def test_a_rank_moved_forward_keeps_only_the_rank_reached(extract):
    text = _REVIEW + (
        "全市生产总值年均增长6.1%，总量由全省第5位前移至第4位。"
        "县域经济综合实力由全省第87位前移到第61位。\n"
    )
    got = {r.value: r.indicator for r in extract(text, _NAME) if r.unit == "位"}
    assert got == {4: "地区生产总值全省排名", 61: "县域经济综合实力全省排名"}


# --- the scope a rank is placed in said with 在 (在全国只排, 在全省的位次) ----------------------


def test_a_rank_placed_in_a_scope_with_zai_is_named_by_its_subject_and_scope(extract):
    text = _REVIEW + (
        "全市生产总值增长5.1%，总量在全省的位次由第七位前移至第五位。"
        "我们的经济总量在全国只排第21位。"
        "全市民营经济综合实力在中西部排第8位。\n"
    )
    got = {r.value: r.indicator for r in extract(text, _NAME) if r.unit == "位"}
    assert got == {
        5: "地区生产总值全省排名",
        21: "地区生产总值全国排名",
        8: "民营经济综合实力中西部排名",
    }
