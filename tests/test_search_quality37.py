"""A measure named alone, as the search reads it (issue 13, ``search-quality37``): a typo in the
measure's head (城镇化律 for 城镇化率, 粮食产亮 for 粮食产量) names the measure as the corrected
word does, so the query asks its level, which the report's review states, not a shorter task
line naming it as a thing to raise; and 强度 (研发投入强度, 能耗强度) is a measure's head as 率
is. Invented texts only."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.search import asking
from bot.search.asking import Asking, names_measure_alone
from bot.search.sentences import figures_near
from bot.text.english import with_chinese_terms
from bot.text.synonyms import Synonyms
from tests.conftest import engine_over

ROOT = Path(__file__).resolve().parent.parent

# A 2031 report reviewing 2030: the review states the levels in a long paragraph, the tasks
# name the same measures in short ones, without a figure.
REPORT = (
    "2031年青海省政府工作报告\n"
    "一、2030年工作回顾\n"
    "过去一年，全省经济稳中有进，地区生产总值增长5.1%，规模以上工业增加值增长6.2%，"
    "固定资产投资增长4.3%，社会消费品零售总额增长5.0%，城乡居民人均可支配收入分别增长4.6%和6.1%。"
    "常住人口由上年596万人增加到598万人，常住人口城镇化率突破63%，城乡居民收入比缩小到2.6。"
    "全社会研发投入强度提高到1.9%，技术合同成交额增长12%，单位地区生产总值能耗下降3%。\n"
    "二、2031年工作安排\n"
    "推进以县城为重要载体的城镇化建设。以城镇化率低的潜力地区为重点，稳步提高城镇化水平，"
    "促进城镇化率低的县城补齐短板。\n"
    "强化企业科技创新主体地位，引导企业加大研发投入，推动全社会研发投入强度持续提升。\n"
)
REVIEW = "常住人口城镇化率突破63%"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("quality37"), {"province_qinghai_2031_gwr.txt": REPORT}
    )


@pytest.mark.parametrize(
    ("query", "corrected", "stated"),
    [
        ("宁夏 城镇化律", "宁夏 城镇化率", True),
        ("云南 粮食总产亮", "云南 粮食总产量", True),
        ("2025年 赤字绿", "2025年 赤字率", True),
        ("宁夏 城镇化律", "", False),  # nothing corrected: read as typed
        ("宁夏 城镇化律 目标", "宁夏 城镇化率 目标", False),  # a goal asked
        ("宁夏 城镇化律 是多少", "宁夏 城镇化率 是多少", False),  # a count asked
    ],
)
def test_a_measure_is_read_as_corrected(query, corrected, stated):
    assert Asking.of(query, query, corrected).stated is stated


@pytest.mark.parametrize(
    ("query", "alone"),
    [
        ("海南 研发投入强度", True),
        ("宁夏 能耗强度", True),
        ("研发投入强度 目标", False),
    ],
)
def test_intensity_is_a_measure(query, alone):
    assert names_measure_alone(query) is alone


@pytest.mark.parametrize(
    ("query", "line"),
    [
        ("青海 城镇化律", REVIEW),
        ("青海 研发投入强度", "全社会研发投入强度提高到1.9%"),
    ],
)
def test_the_measure_named_alone_finds_the_review(engine, query, line):
    r = engine.search(query, page_size=3)
    assert r.hits and line in r.hits[0].text, [h.text[:40] for h in r.hits]


def test_without_intensity_as_a_head_the_task_leads(engine, monkeypatch):
    # the check that the head is what moves it: the shorter task line wins by its words
    monkeypatch.setattr(
        asking, "MEASURE_HEADS", tuple(h for h in asking.MEASURE_HEADS if h != "强度")
    )
    r = engine.search("青海 研发投入强度", page_size=3)
    assert r.hits and "持续提升" in r.hits[0].text, [h.text[:40] for h in r.hits]


@pytest.mark.parametrize(
    ("query", "counted"),
    [
        ("新食品原料 获批几种", True),
        ("几款脑机接口产品", True),
        ("通关 几小时放行", True),
        ("商业航天 连续几发", True),
        ("旧小区改造 新开工 几万个", True),
        ("哪几个省提到脑机接口", False),  # which places, not how many
        ("黄河几字湾", False),
    ],
)
def test_more_counts_asked(query, counted):
    assert Asking.of(query).counted is counted


def test_an_item_number_is_no_figure():
    words = (("新食品原料",),)
    texts = [
        "1. 加快新食品原料挖掘",
        "（2）新食品原料",
        "3、新食品原料",
        "研制并获批3—5种新食品原料",
    ]
    assert figures_near(texts, words, 8).tolist() == [False, False, False, True]
    # a decimal opening a line is a figure
    assert figures_near(["1.5万吨新食品原料"], words, 8).tolist() == [True]


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("preparations for the Asian Winter Games", "preparations for the 亚洲冬季运动会"),
        ("Asian Games Guangdong", "亚洲运动会 Guangdong"),
        ("Winter Olympics", "冬奥会"),
        ("Olympic Games medals", "奥运会 medals"),
    ],
)
def test_games_typed_in_english(english, chinese):
    assert with_chinese_terms(english) == chinese


@pytest.mark.parametrize(
    ("full", "short"), [("亚洲冬季运动会", "亚冬会"), ("全国运动会", "全运会")]
)
def test_games_in_full_find_their_short_names(full, short):
    synonyms = Synonyms.from_files([ROOT / "config" / "dictionaries" / "synonyms.txt"])
    assert short in set(synonyms.expand(full))
    assert full in set(synonyms.expand(short))
