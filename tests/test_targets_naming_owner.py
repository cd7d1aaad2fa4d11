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
    # a verb that describes a noun of its own is no act of the things before
    got = names(extract(REPORT + "全市医疗机构达到3200个，注册护士超过4万人。\n"))
    assert got[(4, "万人")] == "注册护士"
    # ； ends the subject's sentence
    got = names(extract(REPORT + "全省产业互联网平台超过300个；服务中小企业超过1.2万家。\n"))
    assert got[(1.2, "万家")] == "服务中小企业"


def test_a_clause_that_repeats_the_verb_before_has_its_subject(extract):
    text = "全市中考录取高中学生2.1万人，录取职校学生1.3万人，职教高考录取职校学生0.4万人。"
    got = names(extract(REPORT + text + "\n"))
    assert got[(1.3, "万人")] == "中考录取职校学生"
    assert got[(0.4, "万人")] == "职教高考录取职校学生"  # a subject of its own: kept
    text = (
        "市场监管部门抽检食品样品1.2万批次，其中抽检进口食品样品（含跨境电商）3000批次，增长12%。"
    )
    got = names(extract(REPORT + text + "\n"))
    assert got[(3000, "批次")] == "市场监管部门抽检进口食品样品"
    assert got[(12, "%")] == "市场监管部门抽检进口食品样品"  # the rate of the part, said after it


def test_a_repeated_verb_gives_no_subject_to_a_measure_or_from_a_named_work(extract):
    # a statistic the table knows keeps its own name
    text = "税务部门组织税费收入800亿元，其中组织税收收入（不含海关代征）350亿元，下降4.5%。"
    got = names(extract(REPORT + text + "\n"))
    assert got[(350, "亿元")] == "税收收入"
    # 补助金额 is the measure of the act, not an object of it: whose it is stays unsaid
    got = names(extract(REPORT + "全年民政部门补助困难家庭3.2万户，补助金额1.9亿元。\n"))
    assert not got[(1.9, "亿元")].startswith("民政部门")
    # 旧城改造和… names a work, not a subject and its act
    text = "旧城改造和商业开发进程加快，旧城改造和商业开发完成投资80亿元，改造街区面积12万平方米。"
    got = names(extract(REPORT + text + "\n"))
    assert not got[(12, "万平方米")].startswith("旧城改造街区")


def test_measures_counted_after_the_work_a_sentence_opens_with_are_that_works(extract):
    text = "全力推动临港新区建设，出台22项省级支持措施，综合改革试点稳步推进。"
    got = names(extract(REPORT + text + "\n"))
    assert got[(22, "项")] == "临港新区省级支持措施"  # 建设 is the work's process, not its name
    got = names(extract(REPORT + "深化国资国企改革，出台18项配套政策措施。\n"))
    assert got[(18, "项")] == "国资国企改革配套政策措施"
    got = names(extract(REPORT + "推进临港新区建设，形成12项典型案例。\n"))
    assert got[(12, "项")] == "临港新区典型案例"
    # things with a noun of their own are not the work's kinds of outcome
    got = names(extract(REPORT + "加快临港新区建设，新建学校12所。\n"))
    assert got[(12, "所")] == "学校"
