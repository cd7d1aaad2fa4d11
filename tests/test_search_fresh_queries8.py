"""Behaviours added after the ninth batch of the real-document relevance set (r576-r619,
issue 13), queries in analysts' wording: 外国游客 for the documents' 入境游客, 价格战 for
“内卷式”竞争, 集中采购 for 集采, 心理问题 for 心理健康. Invented texts only."""

from __future__ import annotations

import pytest

from bot.library.engine import Engine
from tests.conftest import engine_over

# One line in official wording per topic, lines on other topics beside each, and lines
# holding the query's other words (整治, 药品 and 采购, 学生 and 问题).
OFFICIAL = (
    "某省2026年政府工作报告\n"
    "全年接待入境游客120万人次，增长30%，旅游收入创历史新高。\n"
    "破除地方保护和市场分割，综合整治“内卷式”竞争，维护公平竞争秩序。\n"
    "推进药品集采扩围提质，降低群众用药负担。\n"
    "加强学生心理健康教育，完善家校社协同育人机制。\n"
    "新建5G基站3000个，推进工业互联网平台建设。\n"
    "集中整治群众身边不正之风，严肃查处价格违法行为。\n"
    "加强药品质量监管，规范政府采购行为，集中力量办大事。\n"
    "着力解决学生上学远问题，新建中小学校20所，学生问题有人管。\n"
    "加快发展低空经济，建设通用机场2个。\n"
    "稳定种粮农民补贴，让种粮有合理收益。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("fresh8"), {"official.txt": OFFICIAL})


def _texts(engine: Engine, query: str, n: int = 3) -> list[str]:
    return [h.text for h in engine.search(query, page_size=n).hits]


@pytest.mark.parametrize(
    ("query", "wording"),
    [
        ("外国游客 人数", "全年接待入境游客"),
        ("恶性价格战 整治", "综合整治“内卷式”竞争"),
        ("药品 集中采购", "推进药品集采扩围提质"),
        ("学生 心理问题", "加强学生心理健康教育"),
    ],
)
def test_an_analysts_word_finds_the_official_wording(engine, query, wording):
    texts = _texts(engine, query)
    assert texts and wording in texts[0], texts
