"""The typo corrector leaves a query typed right as it is (issue 13, lane corrector-left37):
a correction keeps the words typed right (a word of the index, or a sound-alike word in
its place), a question's one-character words, and every character typed; it is no window
moved along the corpus's phrase. Typos are still corrected. Invented texts only."""

from __future__ import annotations

import pytest

from bot.search.correct import _asking, _shifted
from tests.conftest import engine_over

REPORT = (
    "某省2025年政府工作报告\n"
    "一、主要目标\n"
    "农村生活污水治理率达到60%，城镇化率达到65%。\n"
    "数字经济核心产业增加值占地区生产总值比重约达到12%。\n"
    "健全应急物资储备体系，应急物资储备更加充足。\n"
    "二、重点任务\n"
    "把重要改革任务落到实处。\n"
    "科创园区总规划面积约10平方公里，创新总规划面积约8平方公里。\n"
    "布局未来产业新赛道，未来产业新动能加快成长。\n"
    "到2027年培育未来产业骨干企业100家。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("c37"), {"report.txt": REPORT})


def _corrected(engine, query: str) -> list[str]:
    return [c.corrected for c in engine.search(query, page_size=3).corrections]


def test_a_word_of_the_index_typed_beside_a_typo_is_kept(engine):
    # 目标 is typed right: never 治理率达 (the corpus's next word in its place)
    assert all("目标" in c for c in _corrected(engine, "农村污水治理率目标"))


def test_a_questions_one_character_words_are_kept(engine):
    # 要 of 比重要达到多少 is no typo of 约 (the corpus's 比重约达到)
    assert _corrected(engine, "数字经济核心产业比重要达到多少") == []


def test_a_word_before_a_year_is_kept(engine):
    # the part 未来产业到 is cut before 2027年: 到 is meant, never 未来产业新
    assert _corrected(engine, "未来产业到2027年培育多少家骨干企业") == []


def test_typos_are_still_corrected(engine):
    assert _corrected(engine, "城镇化律") == ["城镇化率"]
    # a typo that is a word itself (物质 for 物资): a sound-alike word in its place
    assert _corrected(engine, "应急物质储备") == ["应急物资储备"]


def test_a_window_moved_along_the_phrase_is_no_correction():
    assert _shifted("区总规划面积", "总规划面积约")
    assert _shifted("重大项目总", "项目总投资")  # two characters moved
    assert not _shifted("城镇化律", "城镇化率")  # a character changed in place
    assert not _shifted("高质发展", "高质量发展")  # a character put back inside


def test_what_asks():
    for word in ("多少", "多少倍", "几家", "有多长", "怎么", "是否"):
        assert _asking(word), word
    for word in ("产业", "到", "比重", "总规划", "几字湾"):
        assert not _asking(word), word
