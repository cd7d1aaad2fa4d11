"""Behaviours added after the twenty-second batch of the real-document relevance set
(r1561-r1640, issue 13): a count or a rank asked as one word of the segmenter (几家, 第几个,
几成), which the answer never writes, and a word of asking of two characters (多久), which is
never corrected away; a change asked by its ends (从多少涨到多少, 降了多少), whose 从, 到 and
one-character verb the documents never write; a count asked ranking the line that gives the
figure first (打造百家领军企业 for 领军企业 几家); English abbreviations of technical terms
(BCI). Invented texts only."""

from __future__ import annotations

import pytest

from bot.search import asking, comparing, framing, sentences
from bot.search.asking import content_words
from bot.search.concepts import Concept
from tests.conftest import engine_over, first_hit, segmented


@pytest.mark.parametrize(
    "word", ["几家", "几个", "几项", "第几个", "第几位", "几倍", "几成", "几年"]
)
def test_a_count_asked_as_one_word_is_recognised(word):
    assert framing.asks_count(word), word


@pytest.mark.parametrize("word", ["几乎", "近几年", "十几家", "几何", "茶几", "几内亚", "第几"])
def test_words_holding_more_than_a_count_asked_are_not(word):
    # 第几 alone is an asking word of its own (framing.MORE_ASKING), not a count word
    assert not framing.asks_count(word), word


def test_a_count_asked_is_left_out_of_the_words_searched():
    assert content_words(segmented("五星级饭店", "新增", "了", "几家")) == ["五星级饭店", "新增"]
    # the verb opening the count goes with it, as before 多少 (有多少)
    assert content_words(segmented("东莞", "有", "几个")) == ["东莞"]
    assert content_words(segmented("东莞", "第几个", "万亿", "城市")) == ["东莞", "万亿", "城市"]
    # typed alone, a part keeps it; the query's other parts decide (drop_asking)
    assert content_words(segmented("几家")) == ["几家"]


def test_a_part_that_is_only_a_count_asked_is_dropped_beside_other_words():
    concepts = [Concept("民宿", []), Concept("几家", [])]
    assert [c.label for c in framing.drop_asking(concepts, set())] == ["民宿"]
    # nothing else: kept, so the query is not emptied
    alone = [Concept("几家", [])]
    assert framing.drop_asking(alone, set()) == alone


# A province's report: a distractor line writing 有几家 and 五星级饭店 before the line giving
# the count (ties go to the earlier passage); a line on 集成电路 that 几成 would be
# corrected to; a line on 多能互补 that 多久能 would be corrected to (多能).
REPORT = (
    "2026年某省政府工作报告\n"
    "一、2025年工作回顾\n"
    "有几家五星级饭店的改造方案仍在论证之中，待条件成熟后分批实施并向社会公布进展。\n"
    "全年新增五星级饭店16家、等级民宿600家。\n"
    "集成电路产业加快发展，外贸企业引进集成电路项目12个。\n"
    "外贸进出口总额增长8%，加工贸易占比六成。\n"
    "多能互补综合能源项目得到救助资金和专项债券支持，项目进度加快。\n"
    "受灾人员基本生活得到有效救助的时间缩短至12小时以内。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("fresh19"), {"report_2026.txt": REPORT})


def test_a_count_asked_as_one_word_finds_the_line_giving_the_number(engine):
    assert first_hit(engine, "五星级饭店 有几家").startswith("全年新增五星级饭店16家")


def test_a_count_asked_as_one_word_is_never_corrected(engine):
    response = engine.search("外贸 加工贸易 几成", page_size=3)
    assert not response.corrections
    assert response.hits[0].text.startswith("外贸进出口总额增长8%")


def test_a_word_asking_how_long_is_never_corrected_away(engine):
    response = engine.search("受灾群众 多久能得到救助", page_size=3)
    assert not response.corrections
    assert response.hits[0].text.startswith("受灾人员基本生活")


BCI_PLAN = (
    "某市脑机接口产业行动方案\n"
    "引育5家以上具有脑机接口核心技术的创新企业，推动脑机接口产品进入临床试验。\n"
    "引育5家以上具有食品创制核心技术的创新企业，推动新食品原料获批。\n"
)


def test_bci_is_searched_as_brain_computer_interface(tmp_path):
    engine = engine_over(tmp_path, {"plan.txt": BCI_PLAN})
    assert "脑机接口" in first_hit(engine, "BCI 企业 引育几家")


def test_the_ends_of_a_change_asked_frame_the_question():
    words = segmented("收入", "从", "多少", "涨", "到", "多少")
    assert comparing.change_words(words, asking._counted) == {1, 3, 4}
    assert content_words(words) == ["收入", "多少", "多少"]
    assert content_words(segmented("贫困率", "降", "了", "多少")) == ["贫困率", "多少"]
    assert content_words(segmented("房价", "降到", "几成")) == ["房价"]
    # a verb of two characters is the documents' word: it stays
    assert content_words(segmented("比例", "提高", "到", "多少")) == ["比例", "提高", "多少"]
    # no count asked after it: a verb of change is left as typed
    assert content_words(segmented("菜价", "涨", "原因")) == ["菜价", "涨", "原因"]


# A district's report: the line giving both ends of the change, and one holding the
# question's 涨 and 到 beside the same indicator.
GROWTH_REPORT = (
    "2031年某区政府工作报告\n"
    "一、过去五年工作回顾\n"
    "全区服务业增加值由2025年的100亿元增加到2030年的160亿元。\n"
    "服务业增加值统计中部分服务价格涨到高位，到年底逐步回落。\n"
)


def test_a_change_asked_by_its_ends_finds_the_line_with_the_figures(tmp_path):
    engine = engine_over(tmp_path, {"report_2031.txt": GROWTH_REPORT})
    assert first_hit(engine, "服务业增加值 从多少涨到多少").startswith("全区服务业增加值由2025年")


def test_a_question_asking_a_count_or_an_amount_is_recognised():
    for query in ("领军企业 几家", "复耕 多少亩", "全国排第几", "收入 涨了几倍", "幾家"):
        assert asking.asks_figure(query), query
    # which places, not how many; no count asked at all
    for query in ("哪几个省提到了育儿补贴", "领军企业 怎么培育", "几乎所有 企业"):
        assert not asking.asks_figure(query), query


def test_a_figure_next_to_a_word_of_the_query_is_found():
    texts = [
        "强化科技领军企业培育，着力提升科技创新强度。",
        "突破百项关键技术，打造百家领军企业。",
        "新增领军企业后续扶持政策将陆续出台并在全省范围推广，规模超过20亿元。",
        "全年复耕复种85万亩。",
    ]
    words = (("领军企业",), ("复耕",))
    assert sentences.figures_near(texts, words, 8).tolist() == [False, True, False, True]


# A plan naming its leading firms in a line with no count (which by its words alone ranks
# first) and in a goal that gives their number.
FIRMS_PLAN = (
    "某省未来产业行动方案\n"
    "近年来我省持续强化领军企业培育，支持企业牵头组建创新联合体，加快成果转化。\n"
    "力争到2030年培育打造百家领军企业，形成若干具有全球影响力的产业集群和创新平台，"
    "带动上下游协同发展。\n"
)


def test_a_count_asked_ranks_the_line_giving_the_figure_first(tmp_path):
    engine = engine_over(tmp_path, {"plan.txt": FIRMS_PLAN})
    for query in ("领军企业 几家", "领军企业 有多少"):
        assert first_hit(engine, query).startswith("力争到2030年"), query
    # asked without a count, the other line keeps its place
    assert "强化领军企业培育" in first_hit(engine, "领军企业")
