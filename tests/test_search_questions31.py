"""What search-questions31 settled (issue 13): a rural commercial bank as reports shorten it
(农商行, 农商银行); what a term is, asked in English of the term alone (what are future
industries) or in Chinese (什么是…), answered by the line that says what it is; the shared
English reader (``as_chinese``: /targets, /compare, digests) reading places first.
Invented texts."""

from __future__ import annotations

import pytest

from bot.search.asking import asks_meaning
from bot.search.window import defines
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
