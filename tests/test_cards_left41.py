"""What the card lanes left, cards-left41 (issue 13): a slip the segmenter glued into a real
word beside a suspicious one is mended (银令人才: 银|令人|才; 总播总面积: 总播|总面积), and a
share asked in English (``share`` after a figure's name) is the reports' 占比 or 比重.
Invented texts only."""

from __future__ import annotations

import pytest

from bot.search.correct import _glued_edge, _slip_at
from tests.conftest import engine_over

REPORT = (
    "某省2026年政府工作报告\n"
    "一、2025年工作回顾\n"
    "发展成就令人鼓舞，令人振奋。\n"
    "实施银发人才行动，招募留用银龄人才5216人，银发经济加快发展。\n"
    "园区规划总面积12平方公里，建成区总面积8平方公里。\n"
    "全年农作物总播种面积38.6万亩、粮食总产量12.4万吨。\n"
    "二、2026年主要目标\n"
    "民间投资占固定资产投资比重达到45%以上。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("cl41"), {"report.txt": REPORT})


def _corrected(engine, query: str) -> list[str]:
    return [c.corrected for c in engine.search(query, page_size=3).corrections]


def test_a_slip_glued_into_the_next_word_is_mended(engine):
    assert any("银龄人才" in c for c in _corrected(engine, "去年招募留用银令人才多少人"))
    assert any("总播种面积" in c for c in _corrected(engine, "农作物总播总面积多少万亩"))


def test_the_glued_edge_and_the_slip_at_it():
    words = [("留用", 0, 2), ("银", 2, 3), ("令人", 3, 5), ("才", 5, 6)]
    flags = [False, True, False, True]
    assert _glued_edge(words, flags, 2, 0, 3) == 0  # 令 touches 银
    assert _glued_edge(words, flags, 0, 0, 3) == 1  # 用 touches 银
    assert _glued_edge(words, flags, 2, 2, 2) is None  # alone in its span: no neighbour
    assert _slip_at("令人", "龄人", 0)
    assert not _slip_at("令人", "令仁", 0)  # the change is not at the glued edge
    assert not _slip_at("重要", "重约", None)


def test_a_share_asked_in_english_is_carded(engine):
    card = engine.search("private investment share target 2026", page_size=3).answer
    assert card is not None and card.value_text == "45"
    # the dictionary's readings of share (份额, 股份) named no figure and counted against it
    card = engine.search("private investment share 2026", page_size=3).answer
    assert card is not None and card.indicator == "民间投资占固定资产投资比重"
