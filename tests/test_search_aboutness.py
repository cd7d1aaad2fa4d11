"""A report's overview, opening by saying what the year is (今年是…之年, 刚刚过去的2025年，是…
之年), names the year's themes in passing; a question about one of them wants the line
stating it (issue 13, branch `search-aboutness`). Invented texts only."""

from __future__ import annotations

import pytest

from bot.library.engine import Engine
from bot.search import window
from tests.conftest import engine_over

# An overview naming 港口扩容 and 航线加密 among the year's themes, more often than the
# short line that states what was done; and a line that does not open with the year.
REPORT = (
    "2026年某某市政府工作报告\n"
    "一、2025年工作回顾\n"
    "刚刚过去的2025年，是港口扩容攻坚之年，也是航线加密之年。港口扩容和航线加密一起推进，"
    "港口扩容带动物流，航线加密带动客流，全市上下共同努力。\n"
    "这一年，港口扩容如期完成，航线加密成效明显。\n"
    "二、2026年主要任务\n"
    "今年是“十五五”开局之年，也是港口扩容见效之年，港口扩容要迈好第一步，航线加密要开好局。\n"
    "继续推进港口扩容，新建泊位三个，航线加密到每周二十班。\n"
    "今年经济增长目标是5%左右，港口扩容和航线加密都要发力，港口扩容排在首位。\n"
)


def _texts(engine: Engine, query: str, n: int = 5) -> list[str]:
    return [h.text for h in engine.search(query, page_size=n).hits]


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("aboutness"), {"report.txt": REPORT})


@pytest.mark.parametrize(
    ("text", "overview"),
    [
        ("今年是“十五五”开局之年，也是港口扩容见效之年。", True),
        ("刚刚过去的2025年，是港口扩容攻坚之年。", True),
        ("2025年是“十四五”规划收官之年。做好政府工作，要…", True),
        ("明年是全面完成规划目标的决胜之年。", True),
        ("今年经济增长目标是5%左右。", False),  # opens with the year, says no 之年
        ("这一年，港口扩容如期完成。", False),
        ("港口扩容之年是2025年。", False),  # 之年 not after the year's opening
        ("今年工作千头万绪，必须抓住关键之年。", False),  # 是 too far from the year
    ],
)
def test_an_overview_is_a_line_opening_with_what_the_year_is(text, overview):
    assert (window._OVERVIEW_RE.match(text) is not None) is overview


def test_a_line_stating_the_thing_comes_before_the_overview_naming_it(engine):
    texts = _texts(engine, "港口扩容 航线加密")
    assert texts, texts
    assert not texts[0].startswith(("刚刚过去的2025年", "今年是")), texts
    overview_ranks = [i for i, t in enumerate(texts) if t.startswith(("刚刚过去", "今年是"))]
    plain_ranks = [i for i, t in enumerate(texts) if t.startswith(("这一年", "继续推进"))]
    assert max(plain_ranks) < min(overview_ranks), texts


def test_without_the_share_the_overview_would_come_first(tmp_path, monkeypatch):
    monkeypatch.setattr(window, "OVERVIEW_SHARE", 1.0)
    plain = engine_over(tmp_path, {"report.txt": REPORT})
    texts = _texts(plain, "港口扩容 航线加密")
    assert texts[0].startswith(("刚刚过去的2025年", "今年是")), texts


def test_an_overview_still_answers_when_nothing_else_names_the_words(engine):
    # a share, not a filter: the overview is found when it alone holds the words
    texts = _texts(engine, "开局之年")
    assert texts and texts[0].startswith("今年是“十五五”开局之年"), texts
