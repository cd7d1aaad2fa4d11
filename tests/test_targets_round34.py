"""Rules found by the round34 probe set (real provincial documents written as remembered):
each test is a general form, on invented sentences, not a line of the probe texts."""

from __future__ import annotations

from bot.corpus.meta_year import infer_year


def test_an_undated_five_year_plan_outline_is_not_dated_by_its_horizon() -> None:
    # the title's 2035 is a horizon and the body's years are the review's and the table's
    title = "某省国民经济和社会发展第十四个五年规划和2035年远景目标纲要"
    text = f"{title}\n第一章 发展基础\n全省地区生产总值从2015年的3万亿元增加到2020年的4万亿元。\n"
    assert infer_year(text, [title, "第一章 发展基础"], title=title) is None


def test_a_dated_five_year_plan_outline_keeps_its_delivery_year() -> None:
    title = "某市国民经济和社会发展第十五个五年规划纲要"
    opening = f"{title}\n（2026年2月6日某市第十七届人民代表大会第五次会议批准）"
    assert infer_year(opening, [title], title=title, opening=opening) == 2026
