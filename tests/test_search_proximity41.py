"""Among the best passages, one writing the query's words side by side (合成生物食品 for
合成生物 食品 创新) ranks above one naming them scattered over the clauses of a sentence
(以合成生物学…赋能为创新链动力，守牢食品安全底线) (issue 13, lane search-proximity41): the
share of the query's consecutive word pairs a passage writes next to each other, or one
character apart that ends no clause (“一带一路”建设). Invented texts only."""

from __future__ import annotations

import pytest

from bot.library.engine import Engine
from bot.search import window
from bot.search.sentences import proximity_shares, same_sentence_shares
from tests.conftest import engine_over

# A plan whose opening paragraph names the asked words in different clauses (and more
# often), and whose goals line writes them as one expression.
PLAN = (
    "某市海洋产业发展行动方案\n"
    "一、总体要求\n"
    "发展海洋经济，壮大高端装备产业，推进先进制造业集聚，建设海洋强市。\n"
    "二、工作目标\n"
    "到2027年，海洋装备制造业规模明显扩大，形成一批具有国际竞争力的龙头企业。\n"
)

WORDS = (("海洋",), ("装备",), ("制造",))


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("proximity41"), {"plan_2025.txt": PLAN})


def _first(engine: Engine, query: str) -> str:
    return engine.search(query, page_size=3).hits[0].text


def test_the_words_side_by_side_rank_above_the_words_scattered(engine):
    assert _first(engine, "海洋 装备 制造").startswith("到2027年，海洋装备制造业"), _first(
        engine, "海洋 装备 制造"
    )


def test_without_the_adjacency_the_scattered_paragraph_would_lead(engine, monkeypatch):
    monkeypatch.setattr(window, "ADJACENT_WEIGHT", 0.0)
    assert _first(engine, "海洋 装备 制造").startswith("发展海洋经济")


def test_adjacent_share_counts_pairs_in_the_query_order():
    texts = ["海洋装备制造业规模扩大", "制造装备海洋", "海洋，装备，制造", "海洋与装备"]
    _, beside = proximity_shares(texts, WORDS)
    assert beside.tolist() == [1.0, 0.0, 0.0, 0.5]


def test_one_character_apart_counts_unless_it_ends_a_clause():
    words = (("一带",), ("一路",), ("建设",))
    texts = ["以“一带一路”建设为重点", "一带一路、建设", "一带一路。建设"]
    _, beside = proximity_shares(texts, words)
    assert beside.tolist() == [1.0, 0.5, 0.5]


def test_the_same_sentence_share_is_unchanged():
    texts = ["海洋装备制造业", "海洋。装备制造", "海洋"]
    sentence, _ = proximity_shares(texts, WORDS)
    assert sentence.tolist() == same_sentence_shares(texts, WORDS).tolist()
    assert sentence.tolist() == pytest.approx([1.0, 2 / 3, 0.0])
