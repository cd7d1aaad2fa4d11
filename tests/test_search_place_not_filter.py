"""A place named ranks its documents first; it does not narrow them to the lines holding
the query's rarer word (issue 13: a strong boost, not a hard filter). Invented documents."""

from __future__ import annotations

import pytest

from bot.library import Engine
from tests.conftest import engine_over

DOCS = {
    "qingchuan_2031_agri-opinion.txt": (
        "青川县关于推进智慧农业发展的实施意见\n青川县人民政府\n"
        "推广智农化装备，支持合作社购置智能农机。\n"
        "开展智农化示范，建设数字农场5个。\n"
        "各乡镇要明确智慧农业发展目标任务，分区域、分产业制定推进方案。\n"
        "加强农田水利建设，完善灌溉设施。\n"
    ),
    "guizhou_2031_agri-opinion.txt": (
        "贵州省关于推进山地农业发展的实施意见\n贵州省人民政府\n"
        "各市州要明确山地农业发展目标任务，因地制宜推进。\n"
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("place_not_filter"), DOCS)


def test_the_places_own_line_holding_only_the_question_words_is_found(engine: Engine) -> None:
    resp = engine.search("青川 智农化 目标任务", page_size=10)
    assert resp.understood is not None and resp.understood.region == "青川"
    texts = [h.text for h in resp.hits]
    assert any("智慧农业发展目标任务" in t for t in texts)
    # as with no place named
    plain = [h.text for h in engine.search("智农化 目标任务", page_size=10).hits]
    assert any("智慧农业发展目标任务" in t for t in plain)


def test_another_places_line_holding_only_the_question_words_is_not(engine: Engine) -> None:
    texts = [h.text for h in engine.search("青川 智农化 目标任务", page_size=10).hits]
    assert not any("山地农业发展目标任务" in t for t in texts)
