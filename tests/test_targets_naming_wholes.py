"""Owners and wholes (naming-wholes): things added, parts named with their whole, on
invented sentences."""

from __future__ import annotations

from bot.targets.records import CONFIDENT, TargetRecord

REPORT = "江州市政府工作报告\n一、2024年工作回顾\n"


def names(records: list[TargetRecord]) -> dict[tuple[float | None, str], str]:
    return {(r.value, r.unit): r.indicator for r in records}


def shown(records: list[TargetRecord]) -> dict[tuple[float | None, str], bool]:
    return {(r.value, r.unit): r.confidence >= CONFIDENT for r in records}


def test_generic_things_after_a_verb_of_adding_are_named_by_it_not_by_the_figure_before(
    extract,
):
    text = "完成税收收入8.6亿元，新引进企业120家，签约项目35个。"
    records = extract(REPORT + text + "\n")
    got = names(records)
    assert got[(120, "家")] == "新引进企业"  # was 税收企业: the taxes are not theirs
    assert got[(35, "个")] == "签约项目"
    assert shown(records)[(120, "家")]  # a name bulletins and reports use: shown
    got = names(extract(REPORT + "年末规模以上工业企业2100家，新增企业86家。\n"))
    assert got[(86, "家")] == "新增企业"  # never 规模以上工业企业企业
    # another verb is no adding: the figure before's subject still qualifies the things
    got = names(extract(REPORT + "完成工业产值19.5亿元，关停企业20家。\n"))
    assert got[(20, "家")] != "新增企业"


def test_a_part_said_as_a_way_of_the_act_takes_the_wholes_doer(extract):
    text = "全县农村劳动力转移就业总量42万人，其中县外转移18万人，境外输出0.6万人。"
    got = names(extract(REPORT + text + "\n"))
    assert got[(18, "万人")] == "农村劳动力县外转移就业"  # the whole's act repeated: its tail too
    assert got[(0.6, "万人")] == "农村劳动力境外输出"  # another act: the doer alone


def test_the_same_people_narrowed_after_其中_take_the_wholes_act(extract):
    got = names(extract(REPORT + "全年引进人才1.8万人，其中青年人才6000人，博士420人。\n"))
    assert got[(6000, "人")] == "引进青年人才"
    assert got[(420, "人")] == "引进博士"


def test_parts_with_their_own_name_or_of_a_state_are_left(extract):
    # other people than the whole's (the act may not be theirs as said)
    got = names(extract(REPORT + "全年救助困难群众3万人，其中低保对象1万人。\n"))
    assert got[(1, "万人")] == "低保对象"
    # a verb of where people are is no act: the part is the frame's
    got = names(extract(REPORT + "年末常住人口520万人，其中城镇人口310万人。\n"))
    assert got[(310, "万人")] == "城镇人口"
    # a statistic the table knows keeps its name
    got = names(extract(REPORT + "全年一般公共预算收入80亿元，其中税收收入60亿元。\n"))
    assert got[(60, "亿元")] == "税收收入"
    # a bare verb is a kind of the whole's things, not a way of its act
    got = names(extract(REPORT + "全年专利授权9000件，其中发明2100件。\n"))
    assert got[(2100, "件")] == "发明专利授权"


def test_a_zone_opening_a_list_owns_its_items_and_the_parts_after_其中(extract):
    text = (
        "全年江州高新区新增企业1500户、新增注册资本420亿元，其中，新增外资企业36户、"
        "新增外资注册资本18亿元。"
    )
    got = names(extract(REPORT + text + "\n"))
    assert got[(420, "亿元")] == "江州高新区注册资本"
    assert got[(36, "户")] == "江州高新区外资企业"
    assert got[(18, "亿元")] == "江州高新区外资注册资本"
    got = names(extract(REPORT + "全年经开区实现营业收入680亿元、税收收入41亿元。\n"))
    assert got[(41, "亿元")] == "经开区税收收入"


def test_a_zones_list_ends_at_an_item_with_an_owner_of_its_own(extract):
    # an item with an owner of its own
    got = names(extract(REPORT + "全年经开区实现营业收入680亿元、全市税收收入41亿元。\n"))
    assert got[(41, "亿元")] == "税收收入"


def test_a_work_said_with_its_way_is_named_whole_not_cut_after_the_way(extract):
    got = names(extract(REPORT + "全年完成城中村综合改造14个，背街小巷提质改造36条。\n"))
    assert got[(14, "个")] == "城中村综合改造"  # never 城中村综合
    assert not got[(36, "条")].endswith("提质")
    # the act alone is the change, the thing is the name
    got = names(extract(REPORT + "全年完成城中村改造14个。\n"))
    assert got[(14, "个")] == "城中村"


def test_a_quoted_name_before_a_bare_project_head_is_the_projects(extract):
    got = names(extract(REPORT + "投资3.6亿元的“百村提升”工程全面完工。\n"))
    assert got[(3.6, "亿元")] == "百村提升工程投资"  # was 工程投资: whose work unsaid
    # a head with words of its own keeps them; the quote is a quality there
    got = names(extract(REPORT + "投资3.6亿元的“智慧”污水处理工程全面完工。\n"))
    assert got[(3.6, "亿元")] == "污水处理工程投资"


def test_firms_counted_among_all_market_entities_are_shown(extract):
    records = extract(REPORT + "年末实有经营主体58.6万户，其中企业14.3万户。\n")
    assert names(records)[(14.3, "万户")] == "企业"
    assert shown(records)[(14.3, "万户")]  # the firms of the entities: a name of its own
    # 企业 counted alone, no whole of units: still too bare to show
    records = extract(REPORT + "帮扶企业渡过难关，走访企业1200家。\n")
    assert all(not ok for (v, u), ok in shown(records).items() if names(records)[(v, u)] == "企业")


def test_whom_a_programme_supported_is_named_by_the_programme(extract):
    got = names(extract(REPORT + "实施专精特新企业培育计划，累计支持近800家企业。\n"))
    assert got[(800, "家")] == "专精特新企业培育计划支持企业"  # was 支持, hidden
    got = names(extract(REPORT + "实施专精特新企业培育计划，累计扶持企业800家。\n"))
    assert got[(800, "家")] == "专精特新企业培育计划扶持企业"
    # no programme before: the verb and its noun stay
    got = names(extract(REPORT + "深化改革，累计扶持企业800家。\n"))
    assert got[(800, "家")] == "扶持企业"


def test_an_amount_of_a_dealing_keeps_the_dealing(extract):
    got = names(extract(REPORT + "全年签约项目48个，签约金额260亿元。\n"))
    assert got[(260, "亿元")] == "签约金额"  # was 金额, shown
    # an achievement verb says no dealing: the amount is still named by what it measures
    got = names(extract(REPORT + "全年签约项目48个，实现投资额260亿元。\n"))
    assert got[(260, "亿元")] != "实现投资额"
