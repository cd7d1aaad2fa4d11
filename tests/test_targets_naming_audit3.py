"""What naming-audit3 settles (issue 11): names a reader would reject, found by reading
first-sight records of the newest probe sets and every name not in the table. Every
sentence here is invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

_REPORT = "柳塘县人民政府工作报告\n\n一、2024年工作回顾\n\n"
_NAME = "county_liutang_2025_gwr.txt"


def _by_value(records) -> dict[float, tuple[str, str, bool]]:
    return {r.value: (r.indicator, r.change, r.confident) for r in records}


def test_money_a_relief_saves_keeps_the_relief_as_its_change(extract):
    # 为…减负 / 减轻…负担: the money is the cut of the burden (GOLD_GUIDELINES 6.8.11), not
    # the burden; without the change a reader took 企业负担 4.6亿元 as what firms still bear
    text = (
        _REPORT + "全年为经营主体减负4.6亿元，其中减免社保费1.2亿元。"
        "落实结构性减税政策，为小微企业减负3800万元。"
        "全年减轻群众医疗费用负担2.1亿元。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[4.6] == ("经营主体负担", "减负", True)  # as written, not the table's 市场主体
    assert got[3800] == ("小微企业负担", "减负", True)
    assert got[2.1] == ("群众医疗费用负担", "减轻", True)
    assert got[1.2][1] == "减免"


def test_a_relief_without_money_is_left_alone(extract):
    # only money is a burden relieved: a count said after 减负 names what it counts
    text = _REPORT + "开展减负行动，为企业减负清理涉企收费项目36项。\n"
    got = _by_value(extract(text, _NAME))
    assert not got[36][0].endswith("负担")


def test_the_unit_a_standard_is_set_per_is_no_name():
    # 按每条…标准给予补贴: where the subsidy's name is not read, 按每条 is the clause's
    # opening; the record is kept but not shown by default
    from bot.targets import IndicatorTable
    from bot.targets.naming.confidence import name_confidence
    from bot.targets.records import CONFIDENT

    table = IndicatorTable.load()
    for name in ("按每条", "按每人", "按每"):
        assert name_confidence(name, table) < CONFIDENT
    assert name_confidence("每千人口执业（助理）医师数", table) >= CONFIDENT


def test_a_name_holding_respectively_is_a_pairing_gone_wrong():
    # 分别 says figures are paired with a list; a name keeping it is a fragment of the pairing
    from bot.targets import IndicatorTable
    from bot.targets.naming.confidence import name_confidence
    from bot.targets.records import CONFIDENT

    table = IndicatorTable.load()
    for name in ("钢材产量分别全国排名", "分别和全国排名", "分别增长"):
        assert name_confidence(name, table) < CONFIDENT
    assert name_confidence("钢材产量全国排名", table) >= CONFIDENT


def test_kindergartens_listed_first_are_still_counted(extract):
    # 幼儿园、中小学N所 counts both, as 中小学和幼儿园 does: never 中小学 alone
    text = _REPORT + "全年新建改扩建幼儿园、中小学14所。新建幼儿园和中小学校7所。\n"
    got = _by_value(extract(text, _NAME))
    assert got[14][0] == got[7][0] == "中小学幼儿园"
