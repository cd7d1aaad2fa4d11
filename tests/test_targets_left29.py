"""Extraction faults the digests showed (``digest-trial17``), fixed by their general cause
(``targets-left29``; issue 11). Every sentence here is invented for the test; none is a
probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value

_COUNTY = "某县2026年政府工作报告\n\n二、2026年工作安排\n\n"
_NAME = "county_mou_2026_gwr.txt"


def _records(extract, text: str, name: str = _NAME) -> dict[float, dict]:
    return {r["value"]: r for r in (x.to_dict() for x in extract(text, name))}


def test_firms_newly_entered_into_a_threshold_class_are_the_years_additions(extract):
    text = _COUNTY + (
        "新入库规模以上工业企业35家以上、限上商贸企业42家左右；全年新升规工业企业28家。\n"
    )
    got = _records(extract, text)
    assert (got[35]["indicator"], got[35]["change"]) == ("规模以上工业企业", "新入库")
    assert (got[42]["indicator"], got[42]["change"]) == ("限额以上商贸企业", "新入库")
    # 升规: risen above the threshold, counted in its class
    assert (got[28]["indicator"], got[28]["change"]) == ("规模以上工业企业", "新升规")


def test_things_newly_opened_name_the_things(extract):  # 6.8.25
    got = _records(extract, _COUNTY + "新开办公办托育机构7所。\n")
    assert (got[7]["indicator"], got[7]["change"]) == ("公办托育机构", "新开办")


def test_a_sector_before_market_entities_narrows_them(extract):
    text = _COUNTY + "全县限上批发零售业经营主体达到260家，住宿餐饮业经营主体达到130家。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[260] == "限额以上批发零售业经营主体"
    assert got[130] == "住宿餐饮业经营主体"


def test_a_yearly_figure_takes_the_span_its_sentence_opens_with(extract):  # 6.8.5
    text = "某省关于支持数字化转型的若干措施\n\n一、加大资金支持\n\n" + (
        "2025—2027年，省级财政每年安排数字化转型专项资金6亿元。\n"
        "2025年至2027年，全省每年新建智能工厂40家。\n"
    )
    got = _records(extract, text, "province_mou_2025_digital-measures.txt")
    assert got[6]["year"] == "2025-2027"
    assert got[40]["year"] == "2025-2027"


def test_a_report_on_a_years_work_dates_its_review_by_the_title(extract):
    text = "某县2025年巩固拓展脱贫攻坚成果同乡村振兴工作情况报告\n\n一、主要工作成效\n\n" + (
        "产业发展提质增效。种植中药材18万亩，新建冷链仓库36座。\n"
    )
    got = _records(extract, text, "county_mou_2026_rural-revitalization-report.txt")
    assert got[36]["year"] == "2025"
