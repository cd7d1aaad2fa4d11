"""Heading gains stored with the index (:mod:`bot.search.stored_gains`): what a common
term's hits gain from topic headings and one-line leads, worked out when the index is
built, is what :func:`~bot.search.headings.heading_gain` finds on the term's first sight,
bit for bit; the searcher reads it instead, and ranks the same without it. Invented texts
only."""

from __future__ import annotations

import json

import numpy as np
import pytest

from bot.library.engine import Engine
from bot.search import searcher as searcher_module
from bot.search.headings import LOOSE_MAX_HITS, heading_gain
from bot.search.stored_gains import GAINS_FILE, StoredGains
from tests.conftest import engine_over

_TASKS = (
    "支持第{i}批企业开展技术创新，建设研发平台{i}个，推动科技成果转化落地见效。",
    "实施第{i}轮产业升级行动，培育创新型企业，完善孵化服务体系和融资渠道。",
    "新建第{i}个公共服务中心，优化营商环境，提升政务服务效率和群众满意度。",
    "推进第{i}片区老旧小区改造，完善停车、养老、托育等配套设施，改善居住条件。",
)


def _plan(sections: tuple[str, ...], per_section: int) -> str:
    """A work plan: a title, then each heading over ``per_section`` paragraphs of the
    four kinds above in turn (a third of them naming 创新 twice, others once or not),
    and a one-line lead before the last paragraph of each section."""
    lines = ["某市2026年重点工作安排"]
    n = 0
    for heading in sections:
        lines.append(heading)
        for k in range(per_section):
            if k == per_section - 1:
                lines.append("加快建设创新型城市。")
            lines.append(_TASKS[n % len(_TASKS)].format(i=n + 1))
            n += 1
    return "\n".join(lines) + "\n"


PLAN = _plan(
    (
        "（一）加快科技创新步伐",
        "（二）全方位扩大对外开放",
        "（三）持续优化营商环境",
        "（四）办好民生实事",
        "（五）推进城市更新",
        "（六）深化重点领域改革",
    ),
    16,
)
OTHER = _plan(("（一）推动创新发展", "（二）改善人居环境", "（三）提升服务效率"), 14)


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("stored_gains"), {"a.txt": PLAN, "b.txt": OTHER})


def _computed(searcher, term_id: int):
    pids, scores = searcher.index.postings(term_id)
    return heading_gain(
        searcher._heading_table,
        searcher._lead_next,
        searcher._is_lead,
        (searcher.index.vocab[term_id],),
        (np.asarray(pids, dtype=np.intp), scores),
        np.zeros(0, dtype=np.intp),
        0.85,
    )


def _same_gain(a, b) -> bool:
    return (
        np.array_equal(a.loose, b.loose)
        and a.loose_score == b.loose_score
        and np.array_equal(a.raised, b.raised)
        and a.raised.dtype == b.raised.dtype
        and a.bonus == b.bonus
        and a.bonus.dtype == b.bonus.dtype
        and (a.rest is None) == (b.rest is None)
        and (a.rest is None or np.array_equal(a.rest, b.rest))
        and a.rest_score == b.rest_score
        and a.rest_score.dtype == b.rest_score.dtype
    )


def test_the_index_stores_the_gains_its_common_terms_have(engine: Engine) -> None:
    s = engine.searcher
    stored = StoredGains.load(s.index)
    assert stored is not None
    common = [t for t in range(len(s.index.vocab)) if s.index.df(t) >= LOOSE_MAX_HITS]
    assert s.index.term_ids["创新"] in common  # the texts make 创新 a common term
    gained = 0
    for tid in common:
        computed = _computed(s, tid)
        assert _same_gain(stored.gain(s.index, tid), computed), s.index.vocab[tid]
        gained += computed.rest is not None
    assert gained  # 创新 names headings and leads: its hits gain
    assert int(stored.terms.size) == gained  # a term gaining nothing is not stored
    rare = next(t for t in range(len(s.index.vocab)) if s.index.df(t) < LOOSE_MAX_HITS)
    assert stored.gain(s.index, rare) is None  # worked out on first sight, as before


def test_the_searcher_reads_a_stored_gain_instead_of_working_it_out(
    engine: Engine, monkeypatch
) -> None:
    s = engine.searcher
    s.clear_memo()
    expected = s.rank("创新", page_size=10)
    s.clear_memo()

    def refuse(*_args, **_kwargs):
        raise AssertionError("a common term's gain worked out at query time")

    monkeypatch.setattr(searcher_module, "heading_gain", refuse)
    got = s.rank("创新", page_size=10)
    assert got.pids.tolist() == expected.pids.tolist()
    assert got.scores.tolist() == expected.scores.tolist()
    assert got.total == expected.total
    s.clear_memo()


@pytest.mark.parametrize("query", ["创新", "创新 企业", "科技创新 营商环境", "创新 改造 养老"])
def test_rankings_are_the_same_without_the_stored_gains(engine: Engine, monkeypatch, query) -> None:
    s = engine.searcher
    s.clear_memo()
    stored = s.rank(query, page_size=10, page=1), s.rank(query, page_size=10, page=2)
    s.clear_memo()
    monkeypatch.setattr(StoredGains, "gain", lambda self, index, term_id: None)
    computed = s.rank(query, page_size=10, page=1), s.rank(query, page_size=10, page=2)
    s.clear_memo()
    for a, b in zip(stored, computed, strict=True):
        assert a.pids.tolist() == b.pids.tolist()
        assert a.scores.tolist() == b.scores.tolist()
        assert a.total == b.total


def test_gains_stored_under_other_rules_or_none_are_not_read(tmp_path) -> None:
    engine = engine_over(tmp_path, {"a.txt": PLAN})
    folder = engine.searcher.index.path
    assert StoredGains.load(engine.searcher.index) is not None
    meta = json.loads((folder / GAINS_FILE).read_text(encoding="utf-8"))
    (folder / GAINS_FILE).write_text(json.dumps(dict(meta, rules="0" * 32)), encoding="utf-8")
    assert StoredGains.load(engine.searcher.index) is None
    (folder / GAINS_FILE).unlink()
    assert StoredGains.load(engine.searcher.index) is None  # an index built before them
