"""Owners and topics said outside a figure's clause (naming-owner), on invented sentences."""

from __future__ import annotations

from bot.targets.records import TargetRecord

REPORT = "江州市政府工作报告\n一、2024年工作回顾\n"


def names(records: list[TargetRecord]) -> dict[tuple[float | None, str], str]:
    return {(r.value, r.unit): r.indicator for r in records}


def test_the_things_a_sentence_opens_with_are_the_subject_of_its_later_acts(extract):
    got = names(extract(REPORT + "全省产业互联网平台超过300个，服务中小企业超过1.2万家。\n"))
    assert got[(300, "个")] == "产业互联网平台"
    assert got[(1.2, "万家")] == "产业互联网平台服务中小企业"
    # the things' own trips counted first (开通…条): still their subject
    got = names(extract(REPORT + "农村客运班线开通超200条，覆盖行政村900个。\n"))
    assert got[(900, "个")] == "农村客运班线覆盖行政村"


def test_the_subject_is_carried_past_a_clause_about_a_part_of_the_same_things(extract):
    text = "全省产业互联网平台超过300个，重点平台接入设备超过80万台，服务中小企业超过1.2万家。"
    got = names(extract(REPORT + text + "\n"))
    assert got[(80, "万台")] == "重点平台接入设备"  # a subject of its own: kept
    assert got[(1.2, "万家")] == "产业互联网平台服务中小企业"


def test_no_subject_is_carried_from_an_object_a_list_entry_or_past_another_subject(extract):
    # the things built are the object of 新建: who serves the firms is not said
    got = names(extract(REPORT + "新建产业互联网平台30个，服务中小企业超过1.2万家。\n"))
    assert got[(1.2, "万家")] == "服务中小企业"
    # an entry of a list (things and their count, no predicate) is no subject
    got = names(extract(REPORT + "产业互联网平台300个，服务中小企业1.2万家。\n"))
    assert got[(1.2, "万家")] == "服务中小企业"
    # a clause with a subject of its own, other things, stops the carry
    text = "全省产业互联网平台超过300个，龙头企业研发投入超过80亿元，服务中小企业超过1.2万家。"
    got = names(extract(REPORT + text + "\n"))
    assert got[(1.2, "万家")] == "服务中小企业"
    # ； ends the subject's sentence
    got = names(extract(REPORT + "全省产业互联网平台超过300个；服务中小企业超过1.2万家。\n"))
    assert got[(1.2, "万家")] == "服务中小企业"
