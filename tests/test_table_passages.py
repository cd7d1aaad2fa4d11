"""A table cut into passages (issue 13, the 24th batch's lesson): windows of whole rows,
each passage of a table carrying the table's caption and header row in its section, which
the search reads as a heading. Invented bulletins only."""

from __future__ import annotations

from bot.corpus.parse import split_passages, table_windows
from tests.conftest import engine_over

# Forty rows of figures: far longer than one passage.
_ITEMS = [
    "铝合金型材",
    "光伏电池",
    "家用冰箱",
    "挖掘机",
    "锂离子电池",
    "平板玻璃",
    "汽车轮胎",
    "纸制品",
    "化学纤维",
    "中成药",
    "陶瓷砖",
    "塑料制品",
    "电动自行车",
    "水泥熟料",
    "乳制品",
    "鲜、冷冻禽肉",
    "罐头食品",
    "卷烟",
    "服装鞋帽",
    "针织品",
    "人造板",
    "日用玻璃",
    "商品混凝土",
    "机制砖",
    "农用化肥",
    "塑料薄膜",
    "电线电缆",
    "变压器",
    "工业机器人",
    "数控机床",
    "集成电路板",
    "发动机",
    "拖拉机",
    "显示器",
    "路由器",
    "微波炉",
    "空调器",
    "洗衣机",
    "热水器",
    "彩色电视机",
]
_ROWS = "".join(
    f"{item}\t吨\t{1000 + 37 * k}\t{(k % 9) - 3}.{k % 10}\n" for k, item in enumerate(_ITEMS)
)
CAPTION = "表6\t2031年青川市规模以上工业主要产品产量及其增长速度"
HEADER = "产品名称\t单位\t产量\t比上年增长（%）"
PROSE_BEFORE = "全年全市规模以上工业增加值比上年增长6.1%。其中，轻工业增长4.2%，重工业增长7.3%。"
PROSE_AFTER = "全年全市建筑业总产值增长5.5%，具有资质等级的建筑业企业321家。"
BULLETIN = (
    "青川市2031年国民经济和社会发展统计公报\n"
    "三、工业和建筑业\n"
    f"{PROSE_BEFORE}\n"
    "表5\t2031年青川市规模以上工业增加值增长速度\n"
    "指标\t比上年增长（%）\n"
    "规模以上工业增加值\t6.1\n"
    "轻工业\t4.2\n"
    f"{CAPTION}\n{HEADER}\n{_ROWS}"
    f"{PROSE_AFTER}\n"
    "四、农业\n"
    "全年粮食播种面积比上年增加1.2万亩，粮食总产量52.3万吨。\n"
    "全年蔬菜种植面积18.4万亩，蔬菜产量61.2万吨，增长2.3%。\n"
    "全年猪牛羊禽肉产量7.6万吨，比上年增长1.9%。\n"
    "五、固定资产投资\n"
    "全年固定资产投资比上年增长4.8%，其中基础设施投资增长6.6%。\n"
    "全年房地产开发投资下降3.1%，商品房销售面积下降2.4%。\n"
    "六、国内贸易\n"
    "全年社会消费品零售总额比上年增长5.2%，城镇消费品零售额增长5.0%。\n"
    "全年网上零售额增长9.9%，限额以上单位通讯器材类零售额增长8.1%。\n"
    "七、对外经济\n"
    "全年进出口总额比上年增长3.3%，其中出口增长4.1%，进口增长2.0%。\n"
    "全年实际使用外资1.8亿美元，新设外商投资企业23家。\n"
    "八、交通和邮电\n"
    "全年公路货运量比上年增长3.9%，旅客周转量增长12.5%。\n"
    "全年邮政业务总量增长10.3%，快递业务量增长15.6%。\n"
)


def _table_passages(text: str, max_chars: int = 200):
    return [p for p in split_passages("d", text, max_chars=max_chars) if "\t" in p.text]


def test_every_row_is_whole_in_one_passage_and_text_is_the_documents_slice() -> None:
    passages = split_passages("d", BULLETIN, max_chars=200)
    for p in passages:
        assert BULLETIN[p.start : p.start + len(p.text)] == p.text
    table = [p for p in passages if "\t" in p.text]
    assert len(table) >= 4  # the long table is cut
    rows = [line for line in BULLETIN.split("\n") if "\t" in line]
    pieces = [line for p in table for line in p.text.split("\n")]
    # each row lies whole in exactly one passage (no row cut in two, none repeated)
    assert sorted(pieces) == sorted(rows)
    assert "鲜、冷冻禽肉\t吨" in "\n".join(pieces)


def test_each_passage_of_a_table_carries_its_caption_and_header() -> None:
    table = _table_passages(BULLETIN)
    long_table = [p for p in table if any(f"{item}\t" in p.text for item in _ITEMS)]
    assert len(long_table) >= 3
    # the caption and the header stand as a passage of their own, ranked as a caption
    caption = next(p for p in table if p.text.startswith("表6"))
    assert caption.text == f"{CAPTION}\n{HEADER}"
    assert caption.section == long_table[0].section
    for p in long_table:
        assert p.section == (
            "三、工业和建筑业",
            "2031年青川市规模以上工业主要产品产量及其增长速度".join(["表6 ", ""]),
            "产品名称 单位 产量 比上年增长（%）",
        )
    # the small table before it keeps its own caption and header, and a caption opens
    # a passage: no passage holds rows of both tables
    first = table[0]
    assert first.text.startswith("表5")
    assert first.section[1:] == (
        "表5 2031年青川市规模以上工业增加值增长速度",
        "指标 比上年增长（%）",
    )
    assert "表6" not in first.text


def test_prose_around_a_table_is_unchanged() -> None:
    passages = split_passages("d", BULLETIN, max_chars=200)
    texts = [p.text for p in passages]
    assert PROSE_BEFORE in texts and PROSE_AFTER in texts
    for p in passages:
        if p.text in (PROSE_BEFORE, PROSE_AFTER):
            assert p.section == ("三、工业和建筑业",)


def test_a_table_without_caption_carries_its_header() -> None:
    text = "四、农业\n" + HEADER + "\n" + _ROWS + "全年粮食总产量52.3万吨。\n"
    table = _table_passages(text)
    assert len(table) >= 3
    for p in table:
        assert p.section == ("四、农业", "产品名称 单位 产量 比上年增长（%）")


def test_a_caption_on_a_line_of_its_own_before_a_blank_line() -> None:
    text = "五、能源\n表2 2031年主要能源产品产量\n\n" + HEADER + "\n" + _ROWS
    table = _table_passages(text)
    assert len(table) >= 3
    assert all("表2 2031年主要能源产品产量" in p.section for p in table)


def test_a_data_row_is_no_header() -> None:
    # a table whose first row holds figures: no header is taken from it
    text = "六、交通\n" + _ROWS
    table = _table_passages(text)
    assert all(p.section == ("六、交通",) for p in table)


def test_a_single_overlong_row_is_still_cut() -> None:
    row = "说明\t" + "，".join(f"第{k}项指标口径按新标准统计" for k in range(30))
    windows = table_windows(row, 100)
    assert len(windows) > 1
    assert all(b - a <= 100 for a, b, _ in windows)


def test_a_query_naming_the_caption_measure_and_a_row_finds_the_row_first(tmp_path) -> None:
    # prose of the same city and year speaks of 产量 and 工业; only the table names 数控机床
    other = (
        "青川市2031年国民经济和社会发展统计公报\n"
        "一、综合\n"
        "2031年青川市工业产品产量稳步增长，主要产品产量保持增长。\n"
        "全市工业企业产量增长较快，数量增加。\n"
    )
    engine = engine_over(tmp_path, {"bulletin.txt": BULLETIN, "other.txt": other})
    hits = engine.search("青川 2031 数控机床 产量", page_size=5).hits
    assert hits
    assert "数控机床\t吨" in hits[0].text
    assert "表6 2031年青川市规模以上工业主要产品产量及其增长速度" in hits[0].section


def test_a_title_line_opens_its_rows_and_names_them() -> None:
    # a short title line with no number (专栏 …) is no caption the search ranks as one:
    # it stays with the first rows, and every passage of the table carries it
    text = "七、保障措施\n专栏2 2035年主要指标\n" + HEADER + "\n" + _ROWS
    table = _table_passages(text)
    assert table[0].text.startswith("专栏2 2035年主要指标\n" + HEADER + "\n铝合金型材\t")
    assert len(table) >= 3
    assert all(
        p.section[1:] == ("专栏2 2035年主要指标", "产品名称 单位 产量 比上年增长（%）")
        for p in table
    )


# a short table (a caption, its header, three rows): small enough for one passage
_SHORT = (
    "青川市2031年国民经济和社会发展统计公报\n"
    "一、工业\n"
    "2031年青川市工业产品产量稳步增长，主要产品产量保持增长。\n"
    "全市工业企业产量增长较快，数量增加，产量结构继续优化。\n"
    "表3\t2031年青川市新材料产品产量\n"
    "产品名称\t单位\t产量\t比上年增长（%）\n"
    "钛合金板材\t吨\t812.5\t9.6\n"
    "碳纤维\t吨\t264.0\t15.2\n"
    "石墨烯薄膜\t万平方米\t37.8\t21.4\n"
)


def test_a_short_tables_caption_stands_apart_from_its_rows() -> None:
    # the caption alone is ranked as a caption; its rows, which state figures, are not
    table = _table_passages(_SHORT)
    assert [p.text for p in table] == [
        "表3\t2031年青川市新材料产品产量\n产品名称\t单位\t产量\t比上年增长（%）",
        "钛合金板材\t吨\t812.5\t9.6\n碳纤维\t吨\t264.0\t15.2\n石墨烯薄膜\t万平方米\t37.8\t21.4",
    ]
    assert table[1].section[1:] == (
        "表3 2031年青川市新材料产品产量",
        "产品名称 单位 产量 比上年增长（%）",
    )
