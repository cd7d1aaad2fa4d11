"""The heading matches of issue 13 (a passage under a heading naming a word of the query,
a one-line lead, a four-character word written loosely) worked out from tables made once
per index and per concept (the sixth speed pass): the same passages and scores as the
plain definition, computed here passage by passage or with numpy's set operations.
Invented texts only."""

from __future__ import annotations

import numpy as np
import pytest

from bot.library.engine import Engine
from bot.search import searcher as searcher_module
from bot.search.headings import (
    HEADING_BONUS,
    HEADING_PREFIX,
    HEADING_SHARE,
    LOOSE_GAP,
    LOOSE_MAX_HITS,
    TOPIC_SHARE,
    TOPIC_SPAN,
    find_loose,
    flagged,
    median,
    places,
    sorted_unique,
)
from bot.search.hits import SYNONYM_WEIGHT
from bot.search.index import SIGNATURE_MIN, idf_of
from tests.conftest import engine_over

# Nested headings whose texts repeat at two levels and across documents, a heading line
# that opens its section's first passage, a one-line lead, and a part (二、…) too long to
# be a topic.
PLAN = (
    "某省2026年工作安排\n"
    "一、总体要求\n"
    "今年工作的总体要求是稳中求进，推动高质量发展。\n"
    "二、重点任务\n"
    "（一）加快科技创新步伐\n"
    "强化创新策源功能。提升实验室平台能级，建设综合性科学中心，集聚高端研发资源。\n"
    "推动科技成果转化应用。优化线上服务平台，建设中试熟化基地，促进成果落地。\n"
    "1. 科技创新平台\n"
    "建设重点实验室，布局中试基地，支持企业牵头组建创新联合体。\n"
    "（二）全方位扩大对内对外开放\n"
    "促进外贸提质增效。实施千企百展计划，多元化开拓国际市场，稳住外贸基本盘。\n"
    "拓展双向投资合作空间。发挥合作伙伴作用，吸引外资项目落地，支持企业走出去。\n"
    "（三）办好民生实事\n"
    "办好人民满意的教育。\n"
    "实施立德树人工程、五育并举提升工程和扩优提质行动，新增公办学位4万个，"
    "改善乡镇初中寄宿制学校条件，推进县域普通高中振兴，加强校园安全管理。\n"
    "加强医疗卫生服务能力建设，推进县域医共体建设。\n"
)
REPORT = (
    "某市政府工作报告\n"
    "一、科技创新\n"
    "（一）坚决打好科技创新攻坚战。全市研发投入增长12%，科技创新主体持续壮大。\n"
    "新增高新技术企业300家，建设创新平台20个。\n"
    "（二）扩大国内需求\n"
    "积极扩大国内需求，促进消费稳定回升。\n"
    "扩大开放，国内需求稳步恢复，扩大内需政策落地见效。\n"
    "二、其他工作\n"
    "推进乡村全面振兴，办好民生实事，加强医疗卫生服务。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(
        tmp_path_factory.mktemp("headings6"), {"plan.txt": PLAN, "report.txt": REPORT}
    )


def _under_by_definition(searcher, form: str, *, whole: bool = False) -> list[int]:
    """The passages under a topic heading holding ``form`` (being it, ``whole``), passage
    by passage: a level of the passage's heading path holds it, that heading is over at
    most TOPIC_SPAN passages of its document and TOPIC_SHARE of them, and the passage is
    not the first of its section opening with its innermost heading (unless the form's
    heading is further out)."""
    ix = searcher.index
    sections = searcher._normalized_sections
    doc = ix.p_doc.tolist()
    path_of = [sections[s] for s in ix.p_section.tolist()]
    span: dict[tuple, int] = {}
    first: dict[tuple, int] = {}
    for p, (d, path) in enumerate(zip(doc, path_of, strict=True)):
        for level in range(len(path)):
            span[(d, *path[: level + 1])] = span.get((d, *path[: level + 1]), 0) + 1
        first.setdefault((d, int(ix.p_section[p])), p)
    size = {d: doc.count(d) for d in set(doc)}
    out = []
    for p, (d, path) in enumerate(zip(doc, path_of, strict=True)):
        own = first[(d, int(ix.p_section[p]))] == p and bool(path)
        own = own and searcher.index.passages_norm_texts(np.asarray([p]))[0].lstrip().startswith(
            path[-1][:HEADING_PREFIX]
        )
        for level, part in enumerate(path):
            n = span[(d, *path[: level + 1])]
            named = form == part if whole else form in part
            topic = named and n <= TOPIC_SPAN and n <= TOPIC_SHARE * size[d]
            if topic and (level < len(path) - 1 or not own):
                out.append(p)
                break
    return out


def _forms(searcher) -> list[str]:
    texts = searcher._heading_table.joined.split("\x00")
    return sorted({t[i : i + n] for t in texts for n in (1, 2, 4) for i in range(len(t))})


def test_each_heading_text_holds_the_passages_under_it(engine):
    searcher = engine.searcher
    table = searcher._heading_table
    texts = table.joined.split("\x00")
    assert len(texts) == table.bounds.size - 1 > 5
    for u, text in enumerate(texts):
        gathered = table.under[table.bounds[u] : table.bounds[u + 1]].tolist()
        assert gathered == _under_by_definition(searcher, text, whole=True), text


def test_a_words_passages_are_those_under_every_heading_holding_it(engine):
    searcher = engine.searcher
    assert searcher._heading_table.passages(("科技创新",)).size  # a section holds it
    for form in _forms(searcher):
        searcher.clear_memo()
        got = searcher._heading_table.passages((form,))
        assert got.tolist() == _under_by_definition(searcher, form), form
    pair = ("科技创新", "民生")
    expected = sorted(
        set(_under_by_definition(searcher, pair[0])) | set(_under_by_definition(searcher, pair[1]))
    )
    assert searcher._heading_table.passages(pair).tolist() == expected


def test_a_windows_passages_under_a_run_are_looked_up_one_by_one(engine):
    # a run typed whole (科技创新平台) counts as held by a passage under a heading holding
    # it: the best passages' flags are those of the run's passages under such headings
    searcher = engine.searcher
    table = searcher._heading_table
    every = np.arange(searcher.index.n_passages)
    for form in [*_forms(searcher), "科技创新平台", "", "不在标题"]:
        expected = np.isin(every, _under_by_definition(searcher, form)) if form else every < 0
        assert table.under_topic(every, form).tolist() == expected.tolist(), form


def _with_headings_by_definition(searcher, concept, hits):
    """What a concept's hits gain, with numpy's set operations and np.median, as the
    first version of the heading matches computed it per query."""
    ix = searcher.index
    pids = np.asarray(hits[0], dtype=np.intp)
    scores = np.asarray(hits[1], dtype=np.float32)
    if pids.size < LOOSE_MAX_HITS:
        loose = searcher._loose_hits(concept.label, pids)
    else:
        loose = np.zeros(0, dtype=np.intp)
    if loose.size:
        weight = np.median(scores) if pids.size else idf_of(loose.size, ix.n_passages)
        pids = np.concatenate([pids, loose])
        scores = np.concatenate(
            [scores, np.full(loose.size, np.float32(SYNONYM_WEIGHT * weight), np.float32)]
        )
    under = searcher._heading_table.passages(searcher._heading_forms(concept))
    nxt = searcher._lead_next[pids]
    nxt = nxt[nxt >= 0]
    if nxt.size:
        under = np.union1d(under, nxt)
    if not under.size:
        return pids, scores
    ref = np.float32(np.median(scores) if pids.size else idf_of(under.size, ix.n_passages))
    scores = scores.copy()
    scores[np.isin(pids, under)] += np.float32(HEADING_BONUS) * ref
    rest = np.setdiff1d(under, pids)
    found = np.concatenate([pids, rest])
    return found, np.concatenate([scores, np.full(rest.size, np.float32(HEADING_SHARE) * ref)])


@pytest.mark.parametrize(
    "word", ["科技创新", "扩大内需", "教育", "学位", "开放", "对外开放", "民生", "建设", "服务"]
)
def test_a_concepts_gain_is_its_definition_and_memoised(engine, word):
    searcher = engine.searcher
    searcher.clear_memo()
    concept = searcher._concept(word)
    hits = searcher._hits.concept_hits(concept)
    expected = _with_headings_by_definition(searcher, concept, hits)
    for _ in range(2):  # worked out, then from the memo
        pids, scores = searcher._with_headings(concept, hits)
        assert pids.tolist() == expected[0].tolist()
        assert scores.tobytes() == expected[1].astype(np.float32).tobytes()
    key = ("headings", (concept.label, tuple(concept.alternatives)), False)
    assert key in searcher._memo


def test_the_gain_covers_headings_leads_and_loose_forms(engine):
    searcher = engine.searcher
    searcher.clear_memo()
    texts = {
        word: [
            searcher.passage_text(p)
            for p in searcher._with_headings(
                searcher._concept(word), searcher._hits.concept_hits(searcher._concept(word))
            )[0].tolist()
        ]
        for word in ("科技创新", "教育", "扩大内需")
    }
    assert any(t.startswith("强化创新策源功能") for t in texts["科技创新"])  # under a heading
    assert any(t.startswith("实施立德树人工程") for t in texts["教育"])  # after its lead
    assert any(t.startswith("积极扩大国内需求") for t in texts["扩大内需"])  # written loosely


def test_set_helpers_match_numpy():
    rng = np.random.default_rng(13)
    for size in (0, 1, 2, 3, 50, 1001):
        values = rng.integers(0, 40, size)
        assert sorted_unique(values).tolist() == np.unique(values).tolist()
    for size in range(1, 60):
        quantised = rng.integers(1, 4, size).astype(np.float32) * np.float32(1.3)
        for values in (
            rng.random(size).astype(np.float32) * 9,
            quantised,
            # best first (a single term's hits): the middle read in place, not partitioned
            -np.sort(-quantised),
            -np.sort(-rng.random(size).astype(np.float32) * 9),
            np.full(size, np.float32(2.7)),
        ):
            expected = np.median(values)
            got = median(values)
            assert type(got) is type(expected) and got.tobytes() == expected.tobytes()


def test_no_set_operation_runs_on_a_concepts_hits(engine, monkeypatch):
    # the hits of a common word are thousands of passages: a concept's gain is found with
    # a flag per passage and applied with a gather and a concatenation, where np.union1d,
    # np.isin and np.median sort or hash them
    searcher = engine.searcher
    searcher.clear_memo()
    concepts = [searcher._concept(word) for word in ("建设", "服务")]
    hits = [searcher._hits.concept_hits(c) for c in concepts]
    searcher._with_headings(concepts[0], hits[0])

    def refuse(*args, **kwargs):
        raise AssertionError("a set operation on the hits")

    for name in ("union1d", "isin", "median", "setdiff1d", "unique"):
        monkeypatch.setattr(searcher_module.np, name, refuse)
    for concept, found in zip(concepts, hits, strict=True):
        assert searcher._with_headings(concept, found)[0].size >= found[0].size


def test_flagged_places_are_the_same_read_either_way():
    # few flagged among many passages: sorted from the candidates; many: read from the
    # flags (np.flatnonzero). The same ascending array, repeats or not.
    rng = np.random.default_rng(7)
    for n, k in ((1000, 5), (1000, 7), (1000, 8), (1000, 62), (1000, 900), (40, 40), (5000, 39)):
        among = rng.integers(0, n, k)
        flag = np.zeros(n, dtype=bool)
        flag[among] = True
        flag[among[: k // 3]] = False  # some candidates are not flagged any more
        expected = np.unique(among[flag[among]]).tolist()
        assert flagged(flag, among).tolist() == expected
    assert flagged(np.zeros(10, dtype=bool), np.zeros(0, dtype=np.intp)).size == 0


def test_every_passage_tested_at_once_is_the_same_as_one_by_one(tmp_path):
    # the signature test of every passage (a loose word's first half) is may_hold over
    # np.arange: the same passages, on an index large enough to be tested at all
    rng = np.random.default_rng(5)
    chars = "扩大国内需求乡村全面振兴科技与创新，。建设发展"
    docs = {
        f"d{d}.txt": "\n\n".join(
            "".join(rng.choice(list(chars), rng.integers(4, 40))) + "。" for _ in range(30)
        )
        for d in range(4)
    }
    ix = engine_over(tmp_path, docs).searcher.index
    assert ix.n_passages >= SIGNATURE_MIN
    every = np.arange(ix.n_passages)
    for needle in ("扩大", "内需", "振兴", "科技", "与创", "发展建设", "不在", "，。"):
        raw = needle.encode("utf-8")
        assert ix.may_hold_every(raw).tolist() == np.flatnonzero(ix.may_hold(every, raw)).tolist()


def test_loose_forms_are_every_passage_writing_them(engine):
    # what the signatures let through and the expression keeps is what reading every
    # passage finds
    import re

    ix = engine.searcher.index
    texts = ix.passages_norm_texts(np.arange(ix.n_passages))
    for word in ("扩大内需", "乡村振兴", "科技创新", "医疗服务", "办好民生"):
        gapped = re.compile(re.escape(word[:2]) + LOOSE_GAP + re.escape(word[2:]))
        expected = [p for p, t in enumerate(texts) if gapped.search(t)]
        assert find_loose(ix, word).tolist() == expected, word
    assert find_loose(ix, "扩大内需").size  # 扩大国内需求


def test_texts_holding_a_form_are_those_str_find_finds(engine, bundled_engine):
    # the heading texts holding a form, found on their code points, are the texts where
    # str.find finds it in the joined headings (one place at a time)
    import random

    for eng in (engine, bundled_engine):
        table = eng.searcher._heading_table
        joined = table.joined
        texts = joined.split("\x00")
        rng = random.Random(31)
        forms = [t[i : i + n] for t in texts for i in range(0, len(t), 3) for n in (1, 2, 4)]
        forms = rng.sample(forms, min(400, len(forms)))
        vocab = list(eng.searcher.index.vocab)
        forms += [w for w in rng.sample(vocab, min(300, len(vocab))) if w]
        forms += ["科技创新", "教育", "一、", "（", joined[:3], joined[-2:], "不在任何标题里的词"]
        for form in forms:
            at = places(joined, form)
            expected = sorted({int(np.searchsorted(table.starts, a, side="right")) - 1 for a in at})
            assert table.texts_holding(form).tolist() == expected, form
        assert not table.points.flags.writeable
