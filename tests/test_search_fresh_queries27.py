"""What the thirtieth judged batch's first sight taught (search-quality30): English terms
the dictionary reads word by word (real economy, primary industry, submarine cable) read
as the terms reports write (一产, the reports' short form, found for the first), and a
five-year plan named by its number in English (the 12th Five-Year Plan) read as the
period the reports name (十二五). Invented texts."""

from __future__ import annotations

import pytest

from bot.text.english import english_terms, with_chinese_terms
from tests.conftest import engine_over


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("the real economy", "the 实体经济"),
        (
            "primary industry value added",
            "第一产业增加值",
        ),  # the measure whole since english-glossary
        ("secondary sector", "第二产业"),
        ("submarine cables", "海缆"),
        ("undersea cable", "海缆"),
    ],
)
def test_the_glossary_reads_the_term_whole(typed, read):
    assert with_chinese_terms(typed) == read


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        # said with a word for its span it is the period itself, as 十二五期间 (cards41)
        ("Hailaer during the 12th Five-Year Plan", "Hailaer 十二五期间"),
        ("14th five-year plan period targets", "十四五 targets"),
        ("accidents 14th five-year", "accidents 十四五"),
        ("the 13th FYP", "the 十三五"),
        ("15th-five-year-plan", "十五五"),
        ("11th Five Year Plans", "十一五"),
    ],
)
def test_a_plan_named_by_its_number_is_the_period(typed, read):
    assert with_chinese_terms(typed) == read


@pytest.mark.parametrize(
    "typed",
    [
        "11 five-year plans",  # a count, no ordinal
        "2014 five-year",  # a year's last figures
        "the 10th five-year plan",  # before the periods the reports name (十一五 on)
        "A14th five-year plan",  # glued to a word
    ],
)
def test_no_plan_period_without_an_ordinal_of_the_eleventh_to_nineteenth(typed):
    assert not any(
        term.startswith("十") and term.endswith("五") for *_, term in english_terms(typed)
    )


def test_a_plan_period_keeps_its_place_among_the_terms():
    got = english_terms("fixed asset investment during the 12th Five-Year Plan")
    assert [term for *_, term in got] == ["固定资产投资", "十二五期间"]
    text = "fixed asset investment during the 12th Five-Year Plan"
    lo, hi, _ = got[1]
    assert text[lo:hi] == "during the 12th Five-Year Plan"
    got = english_terms("fixed asset investment in the 12th Five-Year Plan")
    assert [term for *_, term in got] == ["固定资产投资", "十二五"]


REPORT = (
    "2031年青州省政府工作报告\n"
    "一、过去五年工作回顾\n"
    "“十二五”时期，全省固定资产投资累计完成6150亿元，年均增长18%。\n"
    "“十三五”时期，全省固定资产投资累计完成9800亿元，年均增长9%。\n"
    "一产增加值突破3000亿元，农产品加工转化率提升到70%。\n"
    "二、今年工作安排\n"
    # lines holding the words' everyday readings or the wrong sector, not the answers
    "工业增加值增长7%，工业投资增长10%，工业经济实在有力。\n"
    "实实在在推动经济发展，现实经济活力增强，经济节约集约。\n"
    "固定资产投资增长5%，五年规划项目加快推进。\n"
    "坚持把发展经济的着力点放在实体经济上，推进新型工业化。\n"
    "建成国际海缆登陆站，加快2条在建国际海缆建设。\n"
    "建设水下有线电视网络，推进国际传播。\n"
)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("fresh27"), {"province_qingzhou_2031_gwr.txt": REPORT}
    )


@pytest.mark.parametrize(
    ("query", "line"),
    [
        # word by word: real -> 实在/现实, economy -> 经济
        ("What does the report say about the real economy?", "着力点放在实体经济上"),
        # industry -> 工业: the industrial lines came first
        ("Qingzhou primary industry value added", "一产增加值突破3000亿元"),
        # submarine -> 水下, cable -> 有线
        ("international submarine cable", "在建国际海缆建设"),
        # the period as its number: the two reviews told apart by 十二五
        (
            "Qingzhou fixed asset investment during the 12th Five-Year Plan",
            "“十二五”时期，全省固定资产投资",
        ),
        (
            "fixed asset investment in the 13th five-year plan period",
            "“十三五”时期，全省固定资产投资",
        ),
    ],
)
def test_an_english_query_finds_its_line(report, query, line):
    hits = report.search(query, page_size=3).hits
    assert hits and line in hits[0].text
