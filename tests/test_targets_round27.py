"""Rules found on the round-27 probe set (issue 11, ``tests/data/probes/round27/``): six
statistical bulletins written whole (a central city, a southern county, a pastoral
prefecture, a services district, a county-level city in 2020, a province's later
sections). Every sentence here is invented for the test; none is a probe's or a corpus
document's."""

from __future__ import annotations

import re

_HEAD = "某市2021年国民经济和社会发展统计公报\n三、工业和建筑业\n"
_NAME = "city_mou_2021_stat-bulletin.txt"


def _by_value(records) -> dict:
    return {r.value: r for r in records}


# --- a part after a whole that says a measure of its own keeps it --------------------------


def test_a_part_with_a_measure_of_its_own_is_not_given_the_wholes(extract):
    text = (
        _HEAD + "全年规模以上工业增加值426.3亿元，比上年增长4.1%。其中，新产品产值912.5亿元，"
        "增长7.7%；出口交货值208.4亿元，下降2.2%。\n"
        "全年服务业增加值318.2亿元，增长3.3%。其中，规模以上服务业企业营业收入265.1亿元。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[912.5].indicator == "新产品产值"  # not 新产品产值增加值
    assert got[7.7].indicator == "新产品产值"
    assert got[265.1].indicator == "规模以上服务业营业收入"


def test_a_bare_part_still_takes_the_wholes_measure(extract):
    text = (
        _HEAD + "全年社会消费品零售总额512.6亿元，增长6.1%。"
        "按经营地分，城镇412.3亿元，乡村100.3亿元。\n"
        "全年农林牧渔业总产值88.4亿元。其中，种植业52.1亿元，畜牧业21.7亿元。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[412.3].indicator == "城镇消费品零售额"
    assert got[52.1].indicator == "种植业产值"


# --- 规模以上工业企业完成/实现(总)产值 is the table's 规模以上工业总产值 -------------------------


def test_an_output_value_of_the_enterprises_above_scale_is_the_tables(extract):
    text = (
        _HEAD + "全年规模以上工业增加值比上年增长5.4%。全市规模以上工业企业完成总产值1522.7亿元，"
        "增长6.6%。\n全年全部工业增加值611.2亿元。"
        "其中，规模以上工业企业实现产值2034.8亿元，增长3.9%。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[1522.7].indicator == "规模以上工业总产值"
    assert got[6.6].indicator == "规模以上工业总产值"
    assert got[2034.8].indicator == "规模以上工业总产值"


# --- a bulletin that is mostly tables is not hard-wrapped text -----------------------------


def _tables_bulletin() -> str:
    lines = ["某市2022年国民经济和社会发展统计公报（全文）", "二、农业"]
    captions = [
        ("主要农产品产量", "粮食\t万吨\t88.2\t1.5"),
        ("规模以上工业主要产品产量", "水泥\t万吨\t215.4\t-6.1"),
        ("分行业固定资产投资", "制造业\t-4.2"),
        ("社会消费品零售总额", "城镇\t亿元\t412.7\t3.3"),
        ("金融机构本外币存贷款余额", "各项存款余额\t1862.5\t8.8"),
        ("各级各类学校招生和在校生", "普通高中\t12563\t38652"),
    ]
    for k, (what, row) in enumerate(captions, 1):
        if k <= 4:
            lines.append(f"全年{what}情况见表{k}，数据均为初步统计数。")
        lines += [f"表{k}\u30002022年{what}及其增长速度", "指标\t单位\t绝对数\t比上年增长%", row]
    return "\n".join(lines) + "\n注：增长速度为负数的表示下降。\n"


def test_table_captions_do_not_make_a_bulletin_look_hard_wrapped():
    from bot.corpus.parse import is_hard_wrapped, reflow_wrapped

    text = _tables_bulletin()
    assert not is_hard_wrapped(text)
    assert reflow_wrapped(text) == text  # the heading and captions stay lines of their own


def test_table_titles_without_a_number_do_not_either():
    from bot.corpus.parse import is_hard_wrapped

    text = re.sub(r"(?m)^表\d\u3000", "", _tables_bulletin())
    text = text.replace("指标\t单位", "单位：万吨\n指标\t单位", 1)  # a unit line between
    assert "\n表" not in text
    assert not is_hard_wrapped(text)


def test_wrapped_prose_is_still_reflowed():
    from bot.corpus.parse import is_hard_wrapped

    wrapped = "\n".join(
        f"第{k}段的文字在版面宽度处被截断而没有句末标点符号的一行文字" for k in range(12)
    )
    assert is_hard_wrapped(wrapped)


def test_rows_of_a_table_bulletin_take_their_tables_measure(extract):
    got = _by_value(extract(_tables_bulletin(), _NAME))
    assert got[88.2].indicator == "粮食产量"  # 产量 from the caption, as before a reflow
