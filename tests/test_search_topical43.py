"""What a document said asked with a one-character verb of saying and 了 (关于房地产说了什么,
对开源讲了啥) is no question of what was done: the document's tasks stay before its review,
as with 提到了 and 提出了 (issue 13, lane search-topical43). Invented texts only."""

from __future__ import annotations

import pytest

from bot.library.engine import Engine
from bot.search.asking import asks_past
from tests.conftest import engine_over

# A work report whose task paragraph names the topic more often than its review does: a
# question of what was done still puts the review first, what the report said must not.
REPORT = (
    "某市2025年政府工作报告\n"
    "一、2024年工作回顾\n"
    "经济运行稳中有进。出台稳增长政策32项，房地产市场平稳运行，消费和投资企稳回升。\n"
    "二、2025年重点工作\n"
    "（五）有效防范化解重点领域风险\n"
    "推动房地产市场止跌回稳。因城施策调减限制性措施，加大保障性住房供给，"
    "稳妥处置房地产风险项目。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("topical43"), {"city_2025_gwr.txt": REPORT})


@pytest.mark.parametrize(
    "query",
    ["2025年政府工作报告 关于房地产说了什么", "未来产业 关于开源 说了什么", "对民营经济讲了啥",
     "关于就业写了哪些", "报告谈了些什么"],
)  # fmt: skip
def test_a_verb_of_saying_with_le_before_what_is_asked_asks_no_past(query: str) -> None:
    assert not asks_past(query)


@pytest.mark.parametrize(
    "query", ["去年关于房地产说了什么", "房地产 做了什么", "发了多少钱", "收入提高了多少"]
)
def test_other_cues_of_the_past_stay(query: str) -> None:
    assert asks_past(query)


def test_what_the_report_said_ranks_its_task_before_its_review(engine: Engine) -> None:
    hits = engine.search("2025年政府工作报告 关于房地产说了什么", page_size=3).hits
    assert hits[0].text.startswith("推动房地产市场止跌回稳。"), [h.text for h in hits]


def test_what_was_done_still_ranks_the_review_first(engine: Engine) -> None:
    hits = engine.search("2025年 房地产 做了什么", page_size=3).hits
    assert hits[0].text.startswith("经济运行稳中有进。"), [h.text for h in hits]
