"""A share's whole found without reading every passage that holds 占 (issue 13,
``search-speed18``): ``CompiledIndex.followed_by`` picks the passages where 占 is followed,
through what may stand between, by a form; the ones it leaves out cannot name the form only
as a whole, so the demotion is the same as reading them all. Invented texts only."""

from __future__ import annotations

import numpy as np
import pytest

from bot.search import shares
from tests.conftest import engine_over

REPORT = (
    "2032年青海省政府工作报告\n"
    "一、2031年工作回顾\n"
    "过去一年，数字经济核心产业增加值占全省地区生产总值比重达到10%，服务业增加值占地区生产总值比重达到55%。\n"
    "过去一年，全省经济运行稳中有进，地区生产总值达到4100亿元，增长5.2%，城乡居民收入稳步增长。\n"
    "二、2032年主要任务\n"
    "研发经费投入占国内生产总值2.7%，新能源装机占全国比重提高，清洁能源占比达到九成。\n"
    "高新技术企业占地面积扩大，园区占全省工业用地三成。\n"
    "全省规上工业增加值增长7%，占GDP比重提高到30%，GDP增长5%左右。\n"
    "城市建成区绿地率达到40%，人均公园绿地面积稳步增加。\n"
)
FORMS = [
    ("地区生产总值",),
    ("生产总值",),
    ("国内生产总值", "gdp"),
    ("全国",),
    ("工业用地",),
    ("绿地率",),
    ("全省",),
    ("全",),  # one character: every head it opens
    ("用地", "绿"),
]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    engine = engine_over(
        tmp_path_factory.mktemp("speed18"), {"province_qinghai_2032_gwr.txt": REPORT}
    )
    return engine.searcher.index


def _read_all(index, forms: tuple[str, ...]) -> np.ndarray:
    """Each passage read whole: 占, then a between, then a form."""
    texts = index.passages_norm_texts(np.arange(index.n_passages))
    tails = tuple(b + f for b in shares.BETWEENS for f in forms)
    return np.array(
        [any(t[m + 1 :].startswith(tails) for m, c in enumerate(t) if c == "占") for t in texts]
    )


@pytest.mark.parametrize("forms", FORMS)
def test_followed_by_agrees_with_reading_every_passage(index, forms):
    pids = np.arange(index.n_passages)
    got = index.followed_by(shares.SHARE_MARK, shares.BETWEENS, forms, pids)
    assert got.tolist() == _read_all(index, forms).tolist()
    # a passage only as whole is always among those followed so
    texts = index.passages_norm_texts(pids)
    whole = [shares.only_as_whole(t, forms) for t in texts]
    assert not any(w and not g for w, g in zip(whole, got.tolist(), strict=True))


def test_followed_by_keeps_the_order_and_subset_asked(index):
    everything = index.followed_by(
        shares.SHARE_MARK, shares.BETWEENS, ("地区生产总值",), np.arange(index.n_passages)
    )
    assert everything.any()
    pids = np.arange(index.n_passages)[::-1]
    got = index.followed_by(shares.SHARE_MARK, shares.BETWEENS, ("地区生产总值",), pids)
    assert got.tolist() == everything[::-1].tolist()
    assert not index.followed_by(
        shares.SHARE_MARK, shares.BETWEENS, ("地区生产总值",), pids[:0]
    ).size


def test_the_betweens_are_what_the_expression_matches():
    assert all(shares._BETWEEN_RE.fullmatch(b) for b in shares.BETWEENS)
    assert len(set(shares.BETWEENS)) == len(shares.BETWEENS) == 21
    # nothing else of the scope and kind characters matches whole
    pieces = ("", "全国", "全省", "国内", "地区", "全市", "内地", "全")
    for a in pieces:
        for b in pieces:
            assert (shares._BETWEEN_RE.fullmatch(a + b) is not None) == (a + b in shares.BETWEENS)
