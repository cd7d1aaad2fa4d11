"""Key targets in tables (bot/targets/tables.py): tab-separated rows of real documents.

Each numeric cell of a data row is one record whose sentence is the whole line; header
rows, units rows, captions and footnotes give none (GOLD_GUIDELINES.md §6.4).
"""

from __future__ import annotations

import pytest

from bot.targets.indicators import IndicatorTable
from bot.targets.records import TargetRecord
from bot.targets.tables import TableReader, is_prose_row, is_table_row, parse_cell


@pytest.fixture(scope="module")
def table() -> IndicatorTable:
    groups = {
        "地区生产总值": "gdp",
        "居民消费价格": "consumption",
        "城镇居民人均可支配收入": "income",
        "常住人口城镇化率": "social",
    }
    aliases = {
        "GDP": "地区生产总值",
        "居民消费价格指数": "居民消费价格",
        "城镇常住居民人均可支配收入": "城镇居民人均可支配收入",
        "城镇化率": "常住人口城镇化率",
    }
    return IndicatorTable.build(groups, aliases)


def read(
    table: IndicatorTable,
    text: str,
    *,
    doc_year: str = "2022",
    region: str = "成都",
    bulletin: bool = True,
    section_class: str = "neutral",
) -> list[TargetRecord]:
    """Feed ``text`` to a reader the way the walker does; the records in reading order."""
    reader = TableReader(table, doc="d.txt", doc_year=doc_year, region=region, bulletin=bulletin)
    out: list[TargetRecord] = []
    for line in text.strip("\n").split("\n"):
        if is_table_row(line):
            out.extend(reader.row(line, section="（一）综合", section_class=section_class))
        else:
            reader.text_line(line)
    return out


def brief(records: list[TargetRecord]) -> list[tuple]:
    return [(r.indicator, r.value, r.unit, r.change) for r in records]


GDP_TABLE = """全年实现地区生产总值20817.5亿元，比上年增长2.8%。
表1：2022 年地区生产总值及其增长速度
指标\t2022 年（亿元）\t比上年增长（%）
地区生产总值\t20817.5\t2.8
第一产业\t588.4\t3.8
第二产业\t6404.1\t-5.5
"""


def test_bulletin_table_with_caption_and_header(table):
    records = read(table, GDP_TABLE)
    assert brief(records) == [
        ("地区生产总值", 20817.5, "亿元", ""),
        ("地区生产总值", 2.8, "%", "增长"),
        ("第一产业增加值", 588.4, "亿元", ""),
        ("第一产业增加值", 3.8, "%", "增长"),
        ("第二产业增加值", 6404.1, "亿元", ""),
        ("第二产业增加值", -5.5, "%", "增长"),  # a fall keeps its sign
    ]
    lines = GDP_TABLE.split("\n")
    for r in records:
        assert r.sentence in lines and "\t" in r.sentence  # the whole row
        assert r.value_text in r.sentence
        assert (r.kind, r.year, r.region) == ("achievement", "2022", "成都")
        assert r.section == "（一）综合"
        assert r.confident
    assert records[-1].value_text == "-5.5"


def test_header_caption_units_and_footnote_rows_give_nothing(table):
    text = """表7：2018—2022 年锦江流域市控及以上断面水环境质量
Ⅰ～Ⅲ类水质\tⅣ～Ⅴ类水质\t劣Ⅴ类水质
年份
比例（%）\t比例（%）\t比例（%）
2018 年\t78.6\t16.6\t4.8
注：\t本表数据为年均值
"""
    records = read(table, text)
    assert [(r.value, r.year, r.unit) for r in records] == [
        (78.6, "2018", "%"),
        (16.6, "2018", "%"),
        (4.8, "2018", "%"),
    ]
    assert records[0].indicator == "锦江流域市控及以上断面Ⅰ～Ⅲ类水质比例"
    assert read(table, "表1\t2023年年末户籍人口及其构成\n指标名称\t年末数（人）\t比重（%）") == []


def test_price_index_table(table):
    text = """表2 ⇥ 2023 年居民消费价格指数
类别\t指数（以上年为100）
居民消费价格指数\t100.0
城市\t99.9
一、食品烟酒\t99.2
#粮\t食\t101.9
二、衣着\t101.3
""".replace(" ⇥ ", "\t")
    records = read(table, text, doc_year="2023", region="周口")
    assert [(r.indicator, r.value, r.unit, r.change) for r in records] == [
        ("居民消费价格", 100.0, "", ""),  # an index has no unit
        ("城市居民消费价格指数", 99.9, "", ""),
        ("食品烟酒类价格指数", 99.2, "", ""),
        ("粮食类价格指数", 101.9, "", ""),  # a label split over two cells
        ("衣着类价格指数", 101.3, "", ""),
    ]


def test_price_index_table_whose_first_row_names_the_price(table):
    text = """表3：2023 年居民消费价格指数（上年=100）
指标\t指数
居民消费价格\t101.6
其中:食品烟酒\t100.8
衣着\t102.1
"""
    assert brief(read(table, text)) == [
        ("居民消费价格", 101.6, "", ""),
        ("食品烟酒类居民消费价格", 100.8, "", ""),  # named as the prose names the class
        ("衣着类居民消费价格", 102.1, "", ""),
    ]


def test_mode_rows_are_named_as_the_paragraph_before_the_table_writes_them(table):
    prose = (
        "全年货物周转量88.2 亿吨公里，增长2.1%。其中，铁路运输货物周转量30.5 亿吨公里，"
        "增长1.2%；公路运输货物周转量57.7 亿吨公里，增长2.6%。全年旅客周转量40.1 亿人公里。"
    )
    text = (
        prose
        + """
表6：2023 年交通运输量及其增长速度
指标\t单位\t2023 年\t比上年增长（%）
全年货物周转量\t亿吨公里\t88.2\t2.1
#铁路\t亿吨公里\t30.5\t1.2
公路\t亿吨公里\t57.7\t2.6
全年旅客周转量\t亿人公里\t40.1\t3.0
#航空\t亿人公里\t12.9\t5.5
"""
    )
    names = [r.indicator for r in read(table, text)]
    assert names[2:6] == ["铁路运输货物周转量"] * 2 + ["公路运输货物周转量"] * 2
    assert names[8] == "航空旅客周转量"  # the paragraph does not write it: row + measure


def test_an_ownership_form_row_under_industry_names_its_firms(table):
    text = """表3：2023 年规模以上工业增加值增长速度
指标\t比上年增长（%）
规模以上工业增加值\t6.1
在总计中：\t国有企业\t2.4
集体企业\t-3.5
在总计中：\t公有制\t1.8
非公有制\t7.2
"""
    names = [r.indicator for r in read(table, text)]
    assert names[1] == "国有企业工业增加值"
    assert names[3:] == ["公有制企业工业增加值", "非公有制企业工业增加值"]  # not 公有制工业…


def test_a_part_row_of_a_total_is_no_total_unless_the_paragraph_says_so(table):
    prose = (
        "全年农林牧渔业总产值312.5 亿元，比上年增长4.0%。其中，种植业总产值190.2 亿元，"
        "增长3.1%；畜牧业总产值80.1 亿元，增长5.0%；农林牧渔专业及辅助性活动增长5.2%。"
    )
    text = (
        prose
        + """
表2：2023 年农林牧渔业总产值及其增长速度
指标名称\t绝对数（亿元）\t比上年增长（%）
农林牧渔业总产值\t312.5\t4.0
#种植业\t190.2\t3.1
农林牧渔专业及辅助性活动\t14.6\t5.2
"""
    )
    names = [r.indicator for r in read(table, text)]
    assert names[2] == "种植业总产值"  # as the paragraph writes it
    assert names[4:] == ["农林牧渔专业及辅助性活动产值"] * 2  # a part is not a total


def test_rows_after_a_row_ending_in_liang_take_the_tables_measure(table):
    text = """表4：2023 年规模以上工业主要产品产量及其增长速度
产品名称\t单位\t产量\t比上年增长（%）
发电量\t亿千瓦时\t8.62\t4.1
水泥\t万吨\t96.3\t-2.7
"""
    names = [r.indicator for r in read(table, text)]
    assert names == ["发电量", "发电量", "水泥产量", "水泥产量"]  # not 水泥量 (发电量's 量)


def test_price_change_table_names_prices(table):
    text = """表11\t2023年中心城市居民消费价格比上年涨跌情况
指标名称\t单位\t比上年涨跌幅度
居民消费价格\t%\t-0.9
#食品烟酒\t%\t-0.4
衣着\t%\t0.4
"""
    assert brief(read(table, text)) == [
        ("居民消费价格", -0.9, "%", "上涨"),
        ("食品烟酒价格", -0.4, "%", "上涨"),
        ("衣着价格", 0.4, "%", "上涨"),
    ]


PLAN_TABLE = """专栏1　“十四五”时期主要指标
类别\t指标\t2020年\t2025年\t年均/累计\t属性
经济发展\t1.地区生产总值增长（%）\t2.3\t5.5左右\t—\t预期性
\t2.常住人口城镇化率（%）\t60.6*\t>65\t—\t预期性
\t3.每万人口高价值发明专利拥有量（件）\t6.3\t12\t—\t预期性
绿色生态\t4.单位地区生产总值能源消耗降低（%）\t—\t—\t[13.5]\t约束性
\t5.城镇调查失业率（%）\t5.2\t<5.5\t—\t预期性
\t6.居民人均可支配收入增长（%）\t2.1\t与经济增长基本同步\t—\t预期性
"""


def test_plan_table_baseline_and_target_columns(table):
    records = read(table, PLAN_TABLE, doc_year="2021", region="四川", bulletin=False)
    got = [(r.indicator, r.value, r.unit, r.qualifier, r.change, r.year, r.kind) for r in records]
    assert got == [
        ("地区生产总值", 2.3, "%", "", "增长", "2020", "achievement"),
        ("地区生产总值", 5.5, "%", "左右", "增长", "2025", "target"),
        ("常住人口城镇化率", 60.6, "%", "", "", "2020", "achievement"),
        ("常住人口城镇化率", 65.0, "%", ">", "", "2025", "target"),
        ("每万人口高价值发明专利拥有量", 6.3, "件", "", "", "2020", "achievement"),
        ("每万人口高价值发明专利拥有量", 12.0, "件", "", "", "2025", "target"),
        ("单位地区生产总值能源消耗", 13.5, "%", "", "降低", "2021-2025", "target"),
        ("城镇调查失业率", 5.2, "%", "", "", "2020", "achievement"),
        ("城镇调查失业率", 5.5, "%", "<", "", "2025", "target"),
        ("居民人均可支配收入", 2.1, "%", "", "增长", "2020", "achievement"),
        ("居民人均可支配收入", None, "", "同步", "增长", "2025", "target"),
    ]
    for r in records:
        assert r.value_text in r.sentence


def test_plan_table_without_year_columns_takes_the_plan_period(table):
    text = """专栏1　“十四五”时期主要指标
序号\t指　　标\t预期值\t属性
1\t生产安全事故死亡人数\t下降15%\t约束性
2\t年均每百万人口因自然灾害死亡率\t<1\t预期性
"""
    records = read(table, text, doc_year="2022", region="全国", bulletin=False)
    got = [(r.indicator, r.value, r.unit, r.qualifier, r.change, r.year, r.kind) for r in records]
    assert got == [
        ("生产安全事故死亡人数", 15.0, "%", "", "下降", "2021-2025", "target"),
        ("年均每百万人口因自然灾害死亡率", 1.0, "", "<", "", "2021-2025", "target"),
    ]


def test_product_table_and_merged_label_and_unit(table):
    text = """表6\t2023年规模以上工业部分主要工业产品产量及其增长速度
产品名称\t单位\t产量\t比上年增长(%)
饲料\t万吨\t35.58\t53.6
纱吨\t1440.63\t8.3
发电量\t亿千瓦小时\t618.2\t4.0
"""
    assert brief(read(table, text, doc_year="2023")) == [
        ("饲料产量", 35.58, "万吨", ""),
        ("饲料产量", 53.6, "%", "增长"),
        ("纱产量", 1440.63, "吨", ""),  # 纱 and its unit 吨 in one cell
        ("纱产量", 8.3, "%", "增长"),
        ("发电量", 618.2, "亿千瓦小时", ""),  # names its own measure
        ("发电量", 4.0, "%", "增长"),
    ]


def test_header_cell_holding_two_columns(table):
    text = """表6：2022 年末全部金融机构存贷款余额及其增长速度
指标\t2022 年末（亿元） 比上年末增长（%）
金融机构人民币存款余额\t51923\t11.3
"""
    assert brief(read(table, text)) == [
        ("金融机构人民币存款余额", 51923.0, "亿元", ""),
        ("金融机构人民币存款余额", 11.3, "%", "增长"),
    ]


def test_sub_rows_take_their_parents_measure(table):
    text = """表4：2022 年房地产开发和销售主要指标及其增长速度
指标\t单位\t2022 年\t比上年增长（%）
房地产开发投资\t亿元\t—\t7.0
#住宅投资\t亿元\t—\t10.8
商品房销售面积\t万平方米\t2773.0\t-23.9
#住宅\t万平方米\t2013.6\t-23.0
商品房销售额\t亿元\t3812.8\t-18.6
#住宅\t亿元\t3300.7\t-14.2
"""
    names = [r.indicator for r in read(table, text)]
    assert names == [
        "房地产开发投资",  # — is no figure
        "住宅投资",
        "商品房销售面积",
        "商品房销售面积",
        "住宅销售面积",
        "住宅销售面积",
        "商品房销售额",
        "商品房销售额",
        "住宅销售额",
        "住宅销售额",
    ]


def test_sub_rows_keep_the_currency_of_their_parent(table):
    text = """表6：2022 年末全部金融机构存贷款余额及其增长速度
指标\t2022 年末（亿元）\t比上年末增长（%）
金融机构人民币存款余额\t51923\t11.3
#住户存款\t22403\t17.8
金融机构人民币贷款余额\t51825\t13.5
#短期贷款\t6407\t8.2
金融机构本外币存款余额\t53189\t10.9
#住户存款\t22585\t17.7
"""
    names = [r.indicator for r in read(table, text) if r.unit == "亿元"]
    assert names == [
        "金融机构人民币存款余额",
        "住户人民币存款余额",
        "金融机构人民币贷款余额",
        "人民币短期贷款余额",  # a term of loans: the currency goes first
        "金融机构本外币存款余额",
        "住户本外币存款余额",  # not the same name as the 人民币 row
    ]


def test_population_shares_and_per_capita_income(table):
    text = """表1\t2023 年末周口市常住人口数及其构成
指标\t年末数（万人）\t比重（%）
全市常住人口\t866.60
其中：城镇\t392.66\t45.31
其中：0-15 岁（含不满16 周岁）\t212.60\t24.53
表14\t2023年城乡常住居民人均可支配收入构成及其增长速度
指标名称\t绝对数（元）\t比上年增长（%）
城镇常住居民人均可支配收入\t40867\t4.0
#工资性收入\t21482\t5.7
经营净收入\t10641\t12.8
"""
    got = [(r.indicator, r.value, r.unit) for r in read(table, text, region="周口")]
    assert got == [
        ("常住人口", 866.6, "万人"),
        ("城镇人口", 392.66, "万人"),
        ("城镇人口比重", 45.31, "%"),
        ("0-15岁人口", 212.6, "万人"),
        ("0-15岁人口比重", 24.53, "%"),
        ("城镇居民人均可支配收入", 40867.0, "元"),
        ("城镇居民人均可支配收入", 4.0, "%"),
        ("城镇居民人均工资性收入", 21482.0, "元"),
        ("城镇居民人均工资性收入", 5.7, "%"),
        ("城镇居民人均经营净收入", 10641.0, "元"),
        ("城镇居民人均经营净收入", 12.8, "%"),
    ]


def test_lead_cell_and_totals(table):
    text = """表4\t2023 年周口市规模以上工业增加值增速
指标\t比上年增长（%）
规模以上工业增加值\t5.0
在总计中：\t轻工业\t0.2
表7\t2023年分行业固定资产投资增长速度
指标名称\t单位\t比上年增长
总计\t%\t1.2
#农林牧渔业\t%\t-22.8
"""
    assert brief(read(table, text, region="周口")) == [
        ("规模以上工业增加值", 5.0, "%", "增长"),
        ("轻工业增加值", 0.2, "%", "增长"),
        ("固定资产投资", 1.2, "%", "增长"),  # the total is what the caption names
        ("农林牧渔业投资", -22.8, "%", "增长"),
    ]


def test_rows_by_place_take_the_place_as_region(table):
    text = """表2　2023年各县（市、区）主要经济指标
地区\t地区生产总值（亿元）\t增长（%）
全市\t5481.6\t3.5
洛龙区\t700.1\t4.1
"""
    got = [(r.indicator, r.value, r.unit, r.region) for r in read(table, text, region="洛阳")]
    assert got == [
        ("地区生产总值", 5481.6, "亿元", "洛阳"),
        ("地区生产总值", 3.5, "%", "洛阳"),
        ("地区生产总值", 700.1, "亿元", "洛龙"),
        ("地区生产总值", 4.1, "%", "洛龙"),
    ]


def test_a_paragraph_ends_the_table(table):
    text = GDP_TABLE + "全年规模以上工业增加值比上年增长5.6%。\n第三产业\t13825.0\t1.5\n"
    records = read(table, text)
    last = records[-2:]
    # without its header the row is still read, but not dressed as the GDP table's
    assert [r.value for r in last] == [13825.0, 1.5]
    assert all(r.unit == "" and not r.confident for r in last)


def test_prose_rows_are_left_to_the_sentence_extractor(table):
    text = """表5 重点任务
序号\t任务\t责任单位
1\t新建5G基站1万个，实现重点区域全覆盖\t市通信管理局
"""
    assert read(table, text, bulletin=False) == []
    assert is_prose_row("1\t新建5G基站1万个，实现重点区域全覆盖\t市通信管理局")
    assert not is_prose_row("第一产业\t588.4\t3.8")
    assert not is_prose_row("指标\t2022 年（亿元）\t比上年增长（%）")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2.8", (2.8, None, "2.8", "", "", "")),
        ("-5.8", (-5.8, None, "-5.8", "", "", "")),
        ("13825.0 ", (13825.0, None, "13825.0", "", "", "")),
        ("1,234.5", (1234.5, None, "1,234.5", "", "", "")),
        ("<1%", (1.0, None, "1", "%", "<", "")),
        (">90", (90.0, None, "90", "", ">", "")),
        ("5.5左右", (5.5, None, "5.5", "", "左右", "")),
        ("下降15%", (15.0, None, "15", "%", "", "下降")),
        ("4.5-5", (4.5, 5.0, "4.5-5", "", "", "")),
        ("1.2万亿元", (1.2, None, "1.2万亿", "万亿元", "", "")),
        ("3.5个百分点", (3.5, None, "3.5", "个百分点", "", "")),
        ("60.6*", (60.6, None, "60.6", "", "", "")),
        ("10.8年", (10.8, None, "10.8", "年", "", "")),
        (">7、力争投入强度高于“十三五”时期实际", (7.0, None, "7", "", ">", "")),
    ],
)
def test_parse_cell(cell, expected):
    got = parse_cell(cell)
    assert got is not None
    assert (got.value, got.value_max, got.value_text, got.unit, got.qualifier, got.change) == (
        expected
    )


@pytest.mark.parametrize(
    "cell", ["", "—", "持平", "2022 年", "2025年", "指标", "1．国内生产总值", "保持在合理区间"]
)
def test_parse_cell_rejects_labels_and_blanks(cell):
    assert parse_cell(cell) is None


def test_cumulative_and_comparison_cells():
    cum = parse_cell("〔13.5〕")
    assert cum is not None and cum.cumulative and cum.value == 13.5 and cum.value_text == "13.5"
    cmp_ = parse_cell("高于GDP增长")
    assert cmp_ is not None and cmp_.value is None and cmp_.qualifier == "高于"


def test_continued_table_title_line_and_unit_line(table):
    text = """2023年主要农产品产量
单位：万吨
指标名称\t产量\t比上年增长（%）
粮食[1]\t133.77\t-2.3
续表
指标名称\t产量\t比上年增长（%）
油料\t11.15\t12.2
注：\t[1]粮食含豆类
"""
    got = [(r.indicator, r.value, r.unit, r.year) for r in read(table, text, doc_year="2023")]
    assert got == [
        ("粮食产量", 133.77, "万吨", "2023"),
        ("粮食产量", -2.3, "%", "2023"),
        ("油料产量", 11.15, "万吨", "2023"),
        ("油料产量", 12.2, "%", "2023"),
    ]


def test_odd_lines_do_not_break_the_reader(table):
    text = """一、\t总体要求
北京市人民政府\t2023年1月5日
\t\t
（一）\t发展目标。到2025年，全市数字经济增加值达到1万亿元。
\t5.5
指标\t单位
"""
    assert read(table, text, bulletin=False) == []
