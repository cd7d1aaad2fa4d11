"""Behaviours added after the twenty-fifth batch of the real-document relevance set
(r1801-r1880, issue 13): a small table whose caption, header and rows are one passage is
ranked as a table, not as a bare caption: a question asking one of its rows (谷物产量,
女性 占总人口) finds it above prose lines that only hold the measure word, while a prose
line stating the same figure keeps its place above the table; a question of what was said
(关于房地产说了什么) searches its topic, not 关于 or 说; a bulletin's product rows asked in
other words (食用油, beverage, alumina); 占 in a question of how large a share is (女性
占总人口多少) is how it asks. Invented texts only."""

from __future__ import annotations

import pytest

from bot.search.asking import ASKING_WORDS, content_words
from bot.search.framing import soft_words
from bot.search.quality import CAPTION, TABLE, passage_prior
from bot.text.english import load_glossary
from bot.text.synonyms import Synonyms
from tests.conftest import PROJECT_ROOT, engine_over, first_hit, segmented

CAPTION_LINE = "表3\t2031年青川市主要农产品产量及增速"
HEADER = "产品名称\t产量（万吨）\t比上年增长（%）"
ROWS = "粮食\t90.2\t-3.2\n其中：谷物\t87.4\t-3.3\n油料\t5.6\t6.8"


@pytest.mark.parametrize(
    ("text", "prior"),
    [
        # caption, header and rows in one passage: a table
        (f"{CAPTION_LINE}\n{HEADER}\n{ROWS}", TABLE),
        # a caption with its header only (a long table's rows are passages of their own)
        (f"{CAPTION_LINE}\n{HEADER}", CAPTION),
        ("表2：2031年居民消费价格指数（上年=100）", CAPTION),
        # figures in the caption line itself are not rows
        ("表4\t2031年青川市10个重点项目", CAPTION),
    ],
)
def test_a_caption_over_its_rows_is_a_table(text, prior):
    assert passage_prior(text) == prior


def test_a_table_ranks_above_its_caption_and_below_body_text():
    assert CAPTION < TABLE < 1.0


BULLETIN = (
    "2031年青川市国民经济和社会发展统计公报\n"
    "全年生猪出栏74.5万头，比上年增长2.7%，猪肉产量5.5万吨，增长4.7%。\n"
    "全年油料产量5.6万吨，比上年增产6.8%，其中花生产量5.0万吨，增产7.5%。\n"
    "全年蔬菜及食用菌产量118.7万吨，增产4.2%。瓜果产量35.7万吨，增产1.4%。\n"
    "全年粮食播种面积206.7万亩，总产量90.2万吨，减产3.2%。\n"
    f"{CAPTION_LINE}\n{HEADER}\n{ROWS}\n"
    "全年规模以上工业增加值比上年增长6.1%。\n"
)


@pytest.fixture(scope="module")
def bulletin(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("fresh22"), {"city_qingchuan_2031.txt": BULLETIN})


def test_a_row_asked_with_its_measure_word_finds_the_table(bulletin):
    # 谷物 stands in the table only; 产量 in the caption and in every prose line. The rows
    # are a passage of their own under the caption and header (a short table is cut as a
    # long one is, since query-left9), so the first hit is the rows, read under the caption.
    hit = bulletin.search("青川 谷物产量", page_size=3).hits[0]
    assert hit.text.startswith("粮食\t90.2") and "其中：谷物\t87.4" in hit.text
    assert hit.section[0] == CAPTION_LINE.replace("\t", " ")


def test_a_prose_line_stating_the_figure_stays_above_the_table(bulletin):
    # 粮食 总产量 90.2 is in the prose line and in the table's first row
    assert first_hit(bulletin, "青川 粮食 总产量").startswith("全年粮食播种面积")


@pytest.mark.parametrize(
    ("words", "searched"),
    [
        (("关于", "房地产", "说", "了", "什么"), ["房地产"]),
        (("数据安全", "怎么", "说"), ["数据安全"]),
        (("民营经济", "讲", "啥"), ["民营经济"]),
        # no question: 关于 and a verb of saying stay words of the query
        (("关于", "开源"), ["关于", "开源"]),
        (("说", "明"), ["说", "明"]),
    ],
)
def test_a_question_of_what_was_said_searches_its_topic(words, searched):
    assert content_words(segmented(*words)) == searched


NOTICE = (
    "青川市人民政府关于印发青川市住房发展规划的通知\n"
    "各区人民政府，市政府各委、办、局：现将《青川市住房发展规划》印发给你们，请认真贯彻执行。\n"
)
REPORT = (
    "2031年青川市政府工作报告\n"
    "有人说这些观点不能说没有道理，但发展的路子要走对。\n"
    "持续推动房地产市场平稳健康发展，因城施策优化住房供给。\n"
    "全年城镇新增就业12万人。\n"
)


@pytest.fixture(scope="module")
def said(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("fresh22said"),
        {"qingchuan_notice_2031.txt": NOTICE, "qingchuan_report_2031.txt": REPORT},
    )


@pytest.mark.parametrize("query", ["关于房地产说了什么", "房地产 说了什么", "关于房地产讲了啥"])
def test_what_was_said_finds_the_line_on_the_topic(said, query):
    resp = said.search(query, page_size=3)
    # 说 is a word of the sentence, not a typo of 房地产业
    assert not resp.corrections
    assert resp.hits and resp.hits[0].text.startswith("持续推动房地产市场")


def test_product_rows_asked_in_english_read_as_the_rows_names():
    glossary = load_glossary()
    assert glossary["beverage"] == "饮料" and glossary["alumina"] == "氧化铝"


def test_cooking_oil_reaches_the_refined_oil_row():
    synonyms = Synonyms.from_files([PROJECT_ROOT / "config" / "dictionaries" / "synonyms.txt"])
    assert "精制食用植物油" in synonyms.expand("食用油")


PRODUCTS = (
    "2031年青川市国民经济和社会发展统计公报\n"
    "全年规模以上工业企业产品产量稳中有升，饮食加工行业增长较快。\n"
    "全年食用菌产量4.2万吨，比上年增长2.8%。\n"
    "表5\t2031年青川市规模以上工业主要产品产量及增速\n"
    "产品名称\t单位\t产量\t比上年增长（%）\n"
    "小麦粉\t吨\t229620\t8.4\n"
    "精制食用植物油\t吨\t22276\t-19.3\n"
    "饮料\t吨\t10726\t31.1\n"
    "氧化铝\t万吨\t95.91\t14.2\n"
)


@pytest.fixture(scope="module")
def products(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("fresh22rows"), {"qingchuan_2031.txt": PRODUCTS})


@pytest.mark.parametrize(
    ("query", "row"),
    [
        ("青川 食用油 产量", "精制食用植物油\t吨"),
        ("qingchuan beverage output 2031", "饮料\t吨"),
        ("青川 alumina output", "氧化铝\t万吨"),
    ],
)
def test_a_row_asked_in_other_words_finds_the_table(products, query, row):
    assert row in first_hit(products, query)


@pytest.mark.parametrize(
    ("words", "soft"),
    [
        (("女性", "占", "总人口", "多少"), True),
        (("女性", "占", "多少"), True),
        # no figure asked: 占 is a word of the topic (占GDP比重 提高)
        (("数字经济", "占", "比重", "提高"), False),
    ],
)
def test_the_verb_of_a_share_asked_is_soft(words, soft):
    assert ("占" in soft_words(segmented(*words), ASKING_WORDS)) is soft
