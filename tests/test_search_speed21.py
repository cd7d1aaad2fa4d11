"""The twenty-first speed pass's cheaper ways of doing the same work (issue 13): each gives
what the plainer way gives, checked against a reference here."""

from __future__ import annotations

import numpy as np
import pytest

from bot.search import window


def _times_where_reference(weighted: np.ndarray, flags: np.ndarray, share: float) -> np.ndarray:
    # the way before: every window multiplied, flagged or not
    return weighted * np.where(flags, np.float32(share), np.float32(1))


@pytest.mark.parametrize("kind", ["none", "some", "all"])
def test_a_share_applied_only_where_flagged_is_the_multiply(kind: str) -> None:
    rng = np.random.default_rng(21)
    weighted = (rng.random(20) * 30).astype(np.float32)
    weighted[:4] = [0.0, -0.0, np.float32(1e-38), np.float32(3.4e38)]
    flags = {"none": np.zeros(20, bool), "some": rng.random(20) < 0.3, "all": np.ones(20, bool)}
    for share in (window.REVIEW_SHARE, window.OUTLINE_SHARE, window.OVERVIEW_SHARE):
        got = window._times_where(weighted, flags[kind], share)
        want = _times_where_reference(weighted, flags[kind], share)
        assert got.dtype == want.dtype and got.tobytes() == want.tobytes()


QUERIES = [
    "怎么推进乡村振兴",
    "如何 扩大 内需",
    "粮食 产量",
    "去年 就业 完成了多少",
    "今年 经济 增长 目标",
    "高质量发展 科技 创新",
    "营商环境 怎么优化",
    "过去五年 成效",
]


def test_windows_rank_as_when_every_share_was_multiplied(bundled_engine, monkeypatch) -> None:
    # the searcher's pages for questions asking how, about the past and neither, the
    # shares skipped where no passage of the window takes them, against the same
    # windows with every share multiplied; both kinds of window are met
    s = bundled_engine.searcher
    got = [s.rank(q, page_size=10) for q in QUERIES]
    seen: list[bool] = []

    def reference(weighted: np.ndarray, flags: np.ndarray, share: float) -> np.ndarray:
        seen.append(bool(flags.any()))
        return _times_where_reference(weighted, flags, share)

    monkeypatch.setattr(window, "_times_where", reference)
    want = [s.rank(q, page_size=10) for q in QUERIES]
    for q, a, b in zip(QUERIES, got, want, strict=True):
        assert a.pids.tolist() == b.pids.tolist(), q
        assert a.scores.tobytes() == b.scores.tobytes(), q
    assert True in seen and False in seen
