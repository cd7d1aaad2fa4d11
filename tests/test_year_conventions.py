"""The year of a record in a review of past years (GOLD_GUIDELINES 6.8.34,
``year-conventions``; issue 11): a level or rank the period reached is its last year's,
what it did, summed or changed is the span's. Every sentence here is invented for the
test; none is a probe's or a corpus document's."""

from __future__ import annotations

_REVIEW = "某省2026年政府工作报告\n\n一、2025年工作和“十四五”发展回顾\n\n"
_NAME = "province_mou_2026_gwr.txt"


def _years(extract, text: str) -> dict[float, str]:
    return {r["value"]: r["year"] for r in (x.to_dict() for x in extract(_REVIEW + text, _NAME))}


def test_a_level_or_rank_reached_in_a_review_is_the_last_years(extract):
    got = _years(
        extract,
        "——这五年，规上工业企业营收从全国第14位升至第6位，"
        "专精特新企业从70户增加到730户，存款余额突破8万亿元。\n",
    )
    assert got[6] == got[730] == got[8] == "2025"


def test_a_rank_of_a_change_over_the_review_is_the_spans(extract):
    got = _years(
        extract,
        "——这五年，全省规上工业增加值年均增长8.5%、增速居全国第2位，"
        "近5年人均预期寿命增量居全国第4位，高铁运营里程居全国第3位。\n",
    )
    assert got[8.5] == got[2] == got[4] == "2021-2025"
    assert got[3] == "2025"  # a rank of a level stays the last year's


def test_things_a_review_counts_as_completed_are_the_spans(extract):
    got = _years(
        extract,
        "——这五年，7个省级区域医疗中心开诊运营，4家海上风场并网发电，城镇化率提高到61.2%。\n",
    )
    assert got[7] == got[4] == "2021-2025"
    assert got[61.2] == "2025"


def test_a_held_level_or_doubling_among_five_year_goals_is_the_spans(extract):  # 6.8.32
    text = (
        "中国共产党某市第九次代表大会报告\n\n二、今后五年的奋斗目标\n\n"
        "今后五年全市经济社会发展的主要目标是：地区生产总值年均增长6.5%以上，"
        "到2026年力争突破两千亿元；研发经费投入强度达到2.8%，规模以上工业企业数量翻一番；"
        "森林覆盖率保持在百分之五十以上，城镇调查失业率控制在5.5%以内。\n"
    )
    got = {
        r["value"]: r["year"]
        for r in (x.to_dict() for x in extract(text, "city_mou_2021_party-congress-report.txt"))
    }
    assert got[2000] == got[2.8] == "2026"  # levels reached by the goal year
    assert got[2] == got[50] == got[5.5] == "2022-2026"


def test_a_rank_in_a_review_is_the_last_years_whatever_verb_its_name_holds(extract):
    got = _years(
        extract,
        "——这五年，绿色食品认证证书数居全国第2位，新建口袋公园目标完成率全国第一。\n",
    )
    assert got[2] == got[1] == "2025"
