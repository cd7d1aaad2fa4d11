"""What search-questions31 settled (issue 13): a rural commercial bank as reports shorten it
(农商行, 农商银行); what a term is, asked in English of the term alone (what are future
industries) or in Chinese (什么是…), answered by the line that says what it is; the shared
English reader (``as_chinese``: /targets, /compare, digests) reading places first.
Invented texts."""

from __future__ import annotations

import pytest

from bot.library.answers import asks_how_to
from bot.search.asking import asks_meaning
from bot.search.window import defines
from bot.text.english import with_chinese_terms
from bot.text.english_fallback import candidates, english_compounds, with_compounds
from tests.conftest import engine_over

REPORT = (
    "2031年青海省政府工作报告\n"
    "一、过去一年工作回顾\n"
    "金融改革稳步推进，全省农商行统一法人改革完成，普惠金融覆盖面扩大。\n"
    "二、今年工作安排\n"
    "加快培育未来产业。建设未来产业园区，布局未来产业孵化器，壮大未来产业集群，"
    "推动未来产业与传统产业融合发展，未来产业产值增长10%。\n"
    "完善未来产业政策体系，设立未来产业基金，引育未来产业人才，扩大未来产业应用场景。\n"
    "粮食总产量稳定在110万吨以上，地区生产总值增长5%左右。\n"
)
PLAN = (
    "青海省未来产业培育行动方案（2031-2035年）\n"
    "未来产业由前沿技术驱动，当前处于孕育萌发阶段，是具有战略性、引领性的前瞻性新兴产业。\n"
    "到2035年，未来产业规模显著壮大，培育未来产业企业100家。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("questions31"),
        {
            "province_qinghai_2031_gwr.txt": REPORT,
            "province_qinghai_2031_future-industries-plan.txt": PLAN,
        },
    )


@pytest.mark.parametrize(
    "query", ["青海 农村商业银行", "qinghai rural commercial bank", "农商银行"]
)
def test_a_rural_commercial_bank_is_found_as_reports_shorten_it(engine, query):
    # 农村商业银行 was written nowhere: nothing, or lines of 金融 alone, came first
    hits = engine.search(query, page_size=3).hits
    assert hits and "农商行统一法人改革" in hits[0].text


@pytest.mark.parametrize(
    ("typed", "read", "asks"),
    [
        ("what are future industries", "what are 未来产业", True),
        ("What is new quality productive forces?", "What is 新质生产力?", True),
        ("what is the 未来产业", "what is the 未来产业", True),
        # more than a term: a figure or a place asked
        ("What is Sichuan's GDP growth target", "What is 四川 GDP 增长目标", False),
        ("what is Qinghai 未来产业", "what is 青海 未来产业", False),
        ("future industries", "未来产业", False),
    ],
)
def test_what_a_term_is_asked_in_english(typed, read, asks):
    assert asks_meaning(typed, read) is asks


@pytest.mark.parametrize(
    ("text", "word", "defining"),
    [
        ("未来产业由前沿技术驱动，当前处于孕育萌发阶段", "未来产业", True),
        ("脑机接口是通过神经工程手段实现大脑与外部设备信息交互的交叉前沿技术", "脑机接口", True),
        ("[6]居民消费价格指数是指反映一定时期内居民生活消费品价格变动的指标", "价格指数", True),
        ("12.“双高计划”：2024年教育部提出启动", "双高", True),
        # the term said is not the word asked: a park of it, or the word in passing
        ("未来产业园区是全省重点建设项目", "未来产业", False),
        ("加快培育未来产业。建设未来产业园区", "未来产业", False),
    ],
)
def test_a_line_saying_what_a_term_is(text, word, defining):
    assert defines(text, ((word,),)) is defining


@pytest.mark.parametrize("query", ["what are future industries", "什么是未来产业"])
def test_what_a_term_is_is_answered_by_the_line_saying_it(engine, query):
    # the report's paragraphs, naming 未来产业 four to six times, came before the plan's
    # one line saying what future industries are
    hits = engine.search(query, page_size=3).hits
    assert hits and "未来产业由前沿技术驱动" in hits[0].text


def test_a_term_asked_without_a_question_keeps_its_order(engine):
    hits = engine.search("future industries", page_size=3).hits
    assert hits and "未来产业由前沿技术驱动" not in hits[0].text


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        # read as pinyin first, a place the index never writes stayed English
        ("Shandong GDP", "山东 GDP"),
        # the suffix word was left a word of its own (周口 city)
        ("Zhoukou city grain output", "周口市 粮食产量"),
        ("Guangdong province exports", "广东 出口"),
    ],
)
def test_the_shared_reader_reads_places_first(engine, typed, read):
    assert engine.as_chinese(typed) == read


# a reversed dictionary in the shape read_reversed gives (English key -> headwords)
ENTRIES = {
    "innovation": ("创新", "孵化"),
    "platform": ("平台", "站台"),
    "plan": ("方案", "规划", "计划"),
    "area": ("区域", "面积"),
    "apply": ("应用", "申请"),
    "stop": ("停止",),
    "install": ("安装",),
    "industrial park": ("工业园区",),
    "industry": ("工业", "产业"),
    "digitalize": ("数字化",),
}


def test_a_secondary_reading_does_not_replace_the_words_own_compound():
    # 创新平台 is what innovation (the glossary's 创新) and platforms find apart; 孵化平台
    # (a reading the word is not searched as) was taken as "the compound the words apart
    # would miss": another sense
    written = {"创新平台": 23, "孵化平台": 1, "工业园区": 1, "工业数字化": 1, "产业数字化": 10}
    corpus, often = written.__contains__, written.__getitem__
    glossed = [(0, 10, "创新")]
    assert english_compounds("innovation platforms", ENTRIES, corpus, glossed, often) == []
    # the one they miss written as often or more is the better reading
    glossed = [(0, 10, "工业")]
    assert with_compounds("industrial digitalization", ENTRIES, corpus, glossed, often) == (
        "产业数字化"
    )
    # the dictionary's own sense of the words together still wins
    assert with_compounds("industrial park", ENTRIES, corpus, (), often) == "工业园区"


@pytest.mark.parametrize(
    ("word", "reading"),
    [
        ("planned", "规划"),  # its final consonant doubled
        ("planning", "规划"),
        ("applied", "应用"),  # -ied for -y
        ("stopped", "停止"),
        ("installed", "安装"),  # a double l of the word's own
    ],
)
def test_a_verbs_past_and_ing_forms_are_read_as_the_verb(word, reading):
    assert reading in candidates(word, ENTRIES)


# Answer cards. Past years: a result is asked of a year before today's.
QINGHAI = (
    "2024年青海省政府工作报告\n"
    "一、2023年工作回顾\n"
    "过去一年，全省城镇新增就业6.2万人，规模以上工业增加值增长7.1%。\n"
    "二、2024年工作安排\n"
    "今年主要预期目标是：地区生产总值增长5%左右，城镇新增就业6万人以上。\n"
    "稳定就业，落实就业优先政策，完善就业公共服务体系，做好重点群体就业工作。\n"
)
GANSU = (
    "2024年甘肃省政府工作报告\n"
    "今年主要预期目标是：地区生产总值增长6%左右，城镇新增就业32万人以上。\n"
)
COUNTRY = (
    "2024年国务院政府工作报告\n"
    "过去一年，城镇新增就业1244万人，国内生产总值增长5.2%。\n"
    "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。\n"
)


@pytest.fixture(scope="module")
def cards(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("questions31cards"),
        {
            "province_qinghai_2024_gwr.txt": QINGHAI,
            "province_gansu_2024_gwr.txt": GANSU,
            "national_china_2024_gwr.txt": COUNTRY,
        },
    )


@pytest.mark.parametrize(
    ("query", "figure"),
    [
        ("青海去年城镇新增就业完成了多少", "6.2万人"),
        ("青海2023年规模以上工业增加值增长了多少", "7.1%"),
        # no place named: the country's result
        ("2023年城镇新增就业完成了多少", "1244万人"),
    ],
)
def test_a_result_of_one_past_year_is_answered_with_the_result(cards, query, figure):
    # asks_result withheld the target card and no other card was looked for
    r = cards.search(query, page_size=3)
    assert r.answer is not None and r.answer.kind == "achievement"
    assert r.answer.figure == figure
    assert r.hits and figure.rstrip("人") in r.hits[0].text.replace(" ", "")


def test_a_result_of_another_year_answers_no_year_asked(cards):
    # the 2024 report's review is of 2023: no answer for 2024's result, nor a target
    r = cards.search("青海2024年城镇新增就业完成了多少", page_size=3)
    assert r.answer is None


@pytest.mark.parametrize("query", ["2024年全省城镇新增就业目标是多少", "全省2024年GDP增长目标"])
def test_the_askers_province_unnamed_picks_none_of_several(cards, query):
    # 青海 and 甘肃 both set 2024 targets: one of them was the card, nothing said so (a
    # year typed: 今年 with no place named is today's, which the texts may not reach)
    assert cards.search(query, page_size=3).answer is None


def test_the_askers_province_named_is_answered(cards):
    r = cards.search("青海2024年全省城镇新增就业目标是多少", page_size=3)
    assert r.answer is not None and r.answer.region == "青海" and r.answer.figure == "6万人以上"


@pytest.mark.parametrize(
    ("query", "card"),
    [
        ("青海城镇新增就业目标怎么完成", False),
        ("青海如何实现地区生产总值增长目标", False),
        ("青海城镇新增就业目标是多少", True),
        # how much, however asked, is a figure
        ("青海城镇新增就业目标怎么定的，是多少", True),
    ],
)
def test_how_a_target_is_reached_is_no_figure_asked(cards, query, card):
    assert asks_how_to(query) is not card
    assert (cards.search(query, page_size=3).answer is not None) is card


def test_what_was_planned_for_a_past_year_gets_no_result_card(cards):
    # 安排了多少: the year's plan, which its own report states; the next report's review
    # of the result is another answer
    assert cards.search("青海2023年城镇新增就业安排了多少", page_size=3).answer is None


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        # of was the word narrowing growth to the glossary's growth of the economy
        ("growth of fixed asset investment in Gansu", "增长 of 固定资产投资 in Gansu"),
        ("the growth of retail sales", "the 增长 of 社会消费品零售总额"),
        ("growth of the economy", "经济增长"),
        ("urban unemployment rate", "城镇调查失业率"),  # a content word still narrows
        # the change over the year before, as bulletins write it (比上年增长)
        ("retail sales compared with last year", "社会消费品零售总额 比上年"),
        ("grain output year on year", "粮食产量 比上年"),
        ("grain output last year", "粮食产量 去年"),
    ],
)
def test_english_frames_of_growth_and_change(typed, read):
    assert with_chinese_terms(typed) == read


SEGMENTED = {
    "province_qinghai_2031_gwr.txt": (
        "2031年青海省政府工作报告\n"
        "发展人工智能产业，推广人工智能手机和电脑等新一代智能终端。\n"
        "推进手机直连卫星，建设绿色低碳高质量发展先行区。\n"
    ),
}


def test_a_phrase_is_not_found_where_a_longer_word_crosses_its_start(tmp_path):
    hits = engine_over(tmp_path, SEGMENTED).searcher._hits
    assert hits._only_across("推广人工智能手机和电脑", "智能手机")
    assert not hits._only_across("帮助老年人用好智能手机，推广人工智能手机", "智能手机")
    # a longer word's end is the word itself (先行区 in …发展先行区)
    assert not hits._only_across("建设绿色低碳高质量发展先行区", "先行区")


def test_a_change_asked_is_not_answered_by_a_level(tmp_path):
    engine = engine_over(
        tmp_path,
        {
            "province_qinghai_2024_gwr.txt": (
                "2024年青海省政府工作报告\n过去一年，全省常住人口595万人，城镇新增就业6.2万人。\n"
            )
        },
    )
    # the level answers how many, not how many more
    r = engine.search("青海2023年常住人口增加了多少", page_size=3)
    assert r.answer is None or r.answer.change
