"""Rules found on the round-22 probe set (issue 11, ``tests/data/probes/round22/``): sector
action plans and implementation plans of provinces and large cities. Every sentence here
is invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

_PLAN = "某省新材料产业高质量发展行动方案（2024—2027年）\n一、发展现状\n"
_NAME = "province_mou_2024_new-materials-action-plan.txt"


def _by_value(records) -> dict:
    return {r.value: r for r in records}


# --- a review paragraph that opens with its year is of that year to its end ----------------


def test_a_review_paragraphs_opening_year_holds_for_its_later_sentences(extract):
    text = (
        _PLAN
        + "2023年，全省新材料产业实现营业收入2100亿元，同比增长8.5%。全省拥有规模以上新材料"
        "企业480家，其中上市企业12家。全年新增发明专利1300件。\n"
        + "二、主要目标\n到2027年，全省新材料产业营业收入突破3500亿元。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[480].year == "2023"
    assert got[12].year == "2023"
    assert got[1300].year == "2023"  # 全年: the paragraph's year, not the document's
    assert got[3500].year == "2027"


def test_a_review_paragraph_opening_with_jiezhi_year_end(extract):
    text = _PLAN + "截至2022年底，全省建成中试平台36个。全省拥有新材料产业园区9个。\n"
    got = _by_value(extract(text, _NAME))
    assert got[9].year == "2022"


# --- a count named by the counted thing, not its 数量 ---------------------------------------


def test_a_count_of_things_drops_the_word_for_their_number(extract):
    text = _PLAN + "2023年，全省规模以上新材料企业数量突破900家，中试平台数量达到40个。\n"
    got = _by_value(extract(text, _NAME))
    assert got[900].indicator == "规模以上新材料企业"
    assert got[40].indicator == "中试平台"


def test_the_number_of_an_act_keeps_it(extract):
    text = _PLAN + "2023年，全省民营企业100强入围数量达到12家。\n"
    got = _by_value(extract(text, _NAME))
    assert got[12].indicator == "民营企业100强入围数量"
