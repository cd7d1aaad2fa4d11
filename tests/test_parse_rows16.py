"""Table rows copied as text with their cells apart by spaces (issue 11, `parse-rows16`).

A table copied from a PDF or a web page keeps one row per line, its cells apart by runs of
spaces (ASCII or full-width) rather than tabs. Every table and sentence here is invented
for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

from bot.corpus.parse import reflow_wrapped, split_passages, tabulate_space_rows

_HEAD = "青岭市2021年国民经济和社会发展统计公报\n\n二、农业\n\n"
_NAME = "city_qingling_2021_stat-bulletin.txt"


def test_rows_under_a_header_get_tabs_between_their_cells() -> None:
    text = (
        "表2  2021年主要农产品产量\n"
        "产品名称  单位  产量  比上年增长(%)\n"
        "稻谷  万吨  41.7  2.6\n"
        "#早稻  万吨  12.05  -1.3\n"
        "油菜籽\u3000\u3000万吨\u3000\u30003.38\u3000\u30009.1\n"
        "全年全市水产品产量6.2万吨，增长3.3%。\n"
    )
    lines = tabulate_space_rows(text).split("\n")
    assert lines[0] == "表2  2021年主要农产品产量"  # a caption is not a row
    assert lines[1] == "产品名称\t单位\t产量\t比上年增长(%)"
    assert lines[2] == "稻谷\t万吨\t41.7\t2.6"
    assert lines[3] == "#早稻\t万吨\t12.05\t-1.3"
    assert lines[4] == "油菜籽\t万吨\t3.38\t9.1"
    assert lines[5] == "全年全市水产品产量6.2万吨，增长3.3%。"


def test_rows_apart_by_single_spaces_are_rows_when_they_form_a_table() -> None:
    text = "指标 绝对数(亿元) 比上年增长(%)\n地区生产总值 88.4 5.1\n第一产业 9.73 3.9\n"
    assert tabulate_space_rows(text).split("\n")[:3] == [
        "指标\t绝对数(亿元)\t比上年增长(%)",
        "地区生产总值\t88.4\t5.1",
        "第一产业\t9.73\t3.9",
    ]


def test_prose_with_stray_double_spaces_is_left_alone() -> None:
    text = (
        "全年全市地区生产总值88.4亿元，  比上年增长5.1%。\n"
        "全市共有普通中学  27所，在校学生  3.1万人。\n"
        "青岭市统计局  2022年3月18日\n"
        "张  丽  王  强\n"
    )
    assert tabulate_space_rows(text) == text


def test_one_row_of_figures_without_a_header_or_a_second_row_is_not_a_table() -> None:
    text = "全年情况如下\n新增就业  3864\n全年全市新登记市场主体1.2万户。\n"
    assert tabulate_space_rows(text) == text


def test_a_header_with_more_cells_than_its_rows_does_not_make_a_row_a_table() -> None:
    text = "项目 单位 总量 增长 占比\n粮食 96.8\n"
    assert tabulate_space_rows(text) == text


def test_the_prose_after_a_table_is_a_passage_of_its_own() -> None:
    text = tabulate_space_rows(
        _HEAD + "产品名称  单位  产量  比上年增长(%)\n"
        "稻谷  万吨  41.7  2.6\n"
        "生猪出栏  万头  57.2  -4.4\n"
        "年末全市生猪存栏38.6万头，下降2.1%。\n"
    )
    passages = [p.text for p in split_passages("d", text)]
    assert any(p.startswith("年末全市生猪存栏38.6万头") for p in passages)
    assert not any("-4.4" in p and "存栏" in p for p in passages)


def test_the_figures_of_space_separated_rows_are_read(extract) -> None:
    text = _HEAD + (
        "表2 2021年主要农产品产量\n"
        "产品名称 单位 产量 比上年增长(%)\n"
        "稻谷 万吨 41.7 2.6\n"
        "生猪出栏 万头 57.2 -4.4\n"
        "年末全市生猪存栏38.6万头，下降2.1%。\n"
    )
    records = extract(text, _NAME)
    by_value = {(r.value, r.unit): r for r in records}
    assert (41.7, "万吨") in by_value
    assert (57.2, "万头") in by_value
    assert (38.6, "万头") in by_value
    assert by_value[(38.6, "万头")].indicator.endswith("生猪存栏")


def test_a_note_after_wrapped_prose_is_a_paragraph_of_its_own() -> None:
    # a hard-wrapped text (a PDF's text layer): its lines are joined, its note is not
    line = "全年全市规模以上工业企业实现营业收入二百一十亿元比上年增长百分之四点二其中制造业"
    text = "\n".join([line] * 12) + "\n注：1.本公报数据为初步统计数。2.工业统计起点为2000万元。\n"
    passages = [p.text for p in split_passages("d", reflow_wrapped(text))]
    assert passages[-1] == "注：1.本公报数据为初步统计数。2.工业统计起点为2000万元。"
    para = "全市森林覆盖率达到四成\n说明：部分数据为快报数。"
    assert [p.text for p in split_passages("d", para)][-1] == "说明：部分数据为快报数。"


def test_the_items_of_a_note_are_not_figures(extract) -> None:
    text = _HEAD + (
        "全年全市粮食产量41.7万吨，增长2.6%。\n"
        "注：1.本公报部分数据为初步统计数。\n"
        "2.规模以上工业统计起点为年主营业务收入2000万元。\n"
        "（3）固定资产投资统计起点为计划总投资500万元。\n"
        "三、工业\n"
        "1.全年全市规模以上工业增加值增长6.3%。\n"
    )
    values = {r.value for r in extract(text, _NAME)}
    assert 41.7 in values
    assert 2000 not in values
    assert 500 not in values
    assert 6.3 in values  # a numbered line after the notes' section is read again


def test_a_contents_page_is_not_a_table() -> None:
    text = (
        "目  录\n"
        "第一章  总体要求  1\n"
        "第二章  重点任务  5\n"
        "一、发展基础 ………… 2\n"
        "二、总体思路 ………… 4\n"
        "一、发展基础  2\n"
        "二、总体思路  4\n"
    )
    assert tabulate_space_rows(text) == text


def test_rows_of_measured_figures_without_a_header_are_a_table() -> None:
    text = "一、食品烟酒  102.6\n二、衣着  98.7\n"
    assert tabulate_space_rows(text) == "一、食品烟酒\t102.6\n二、衣着\t98.7\n"
