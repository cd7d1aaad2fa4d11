"""The query path's faster ways of doing the same work (issue 13, fifth speed pass):
each gives what the plainer way gives, checked against a reference here."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest

from bot.search import asking
from bot.search.concepts import disjoint, unique
from bot.search.sentences import SENTENCE_ENDS, same_sentence_shares
from bot.text.pinyin import _raw_table
from bot.text.tokenize import is_cjk_word as is_cjk


def _reference_shares(texts: list[str], words: tuple[tuple[str, ...], ...]) -> list[float]:
    """The share as defined: each passage split into sentences, a sentence counting the
    words one of whose forms it holds; the most of any sentence, over the words (one
    alone counts nothing)."""
    split = re.compile("[" + re.escape(SENTENCE_ENDS) + "]")
    out = []
    for text in texts:
        best = max(
            sum(any(f in sentence for f in forms) for forms in words)
            for sentence in split.split(text)
        )
        out.append(best / len(words) if best >= 2 else 0.0)
    return out


def test_shares_with_overlapping_synonyms_match_the_definition() -> None:
    # forms that overlap each other and themselves (经济 inside 经济发展, 发展 after it;
    # 增长 inside 增长率): found form by form, not by one expression, the sentences
    # they are in are the same
    words = (("经济发展", "经济", "济发"), ("发展", "增长率", "增长"), ("产业",))
    rng = random.Random(13)
    pieces = ["经济", "发展", "增长", "率", "产业", "。", "；", "，", "稳", "济", "\n", "!"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(400)]
    got = same_sentence_shares(texts, words)
    want = np.array(_reference_shares(texts, words), dtype=np.float32)
    assert got.tolist() == want.tolist()
    assert (got > 0).sum() > 50  # the texts do exercise the shares


def test_a_form_holding_a_sentence_end_is_still_found() -> None:
    # a form with a sentence end in it (rare) is looked for whole, as typed
    words = (("增长;提速", "增长"), ("工业",))
    shares = same_sentence_shares(["工业增长;提速", "工业。增长"], words)
    assert shares.tolist() == [1.0, 0.0]


def test_the_engine_loads_the_correctors_tables_before_the_first_query(tmp_path) -> None:
    from bot.library import Engine
    from tests.conftest import make_settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.txt").write_text("稳就业。推进乡村振兴，扩大就业。", encoding="utf-8")
    engine = Engine.open(make_settings(corpus, tmp_path / "data"))
    searcher = engine.searcher
    # loaded when the searcher was made, not by the first query needing a correction
    assert "lexicon" in vars(searcher)
    assert searcher.lexicon._bucket_cache  # the buckets a 2–5 character word searches
    assert _raw_table.cache_info().currsize == 1


@pytest.mark.parametrize("n_words", [2, 3])
def test_shares_of_real_sentences(n_words: int) -> None:
    words = (("粮食",), ("产量",), ("增长",))[:n_words]
    texts = ["粮食产量增长。", "粮食稳定；产量增长", "增长"]
    got = same_sentence_shares(texts, words).tolist()
    assert got == pytest.approx(_reference_shares(texts, words))


def test_phrase_existence_counts_the_and_only_when_reading_did_not_decide(
    bundled_engine, monkeypatch
) -> None:
    import bot.search.hits as hits_module

    s = bundled_engine.searcher
    ix = s.index
    # phrases of two index terms, most not written together: present and absent ones
    vocab = [t for t in ix.vocab if len(t) == 2 and is_cjk(t)]
    rng = random.Random(7)
    phrases = {rng.choice(vocab) + rng.choice(vocab) for _ in range(300)}
    for pid in range(0, ix.n_passages, max(1, ix.n_passages // 150)):
        text = ix.passages_norm_texts([pid])[0]
        phrases.update(text[i : i + 4] for i in range(0, max(0, len(text) - 4), 23))
    phrases = sorted(p for p in phrases if (a := s._alternative(p)) is not None and a.verify)
    # small limits, so that this corpus takes every branch
    monkeypatch.setattr(hits_module, "PHRASE_CHECK_LIMIT", 3)
    monkeypatch.setattr(hits_module, "EXISTENCE_SCAN", 6)
    monkeypatch.setattr(hits_module, "_FIRST_TEXTS", 2)
    counted: list[str] = []
    every_list = type(s._hits).on_every_list

    def spy(self, pids, term_ids, **kwargs):
        counted.append("x")
        return every_list(self, pids, term_ids, **kwargs)

    monkeypatch.setattr(type(s._hits), "on_every_list", spy)
    # (a phrase of three pieces or more is counted by ``_counted`` itself, speed40)
    counting = type(s._hits)._counted

    def count_spy(self, pids, term_ids, taken_from):
        counted.append("c")
        return counting(self, pids, term_ids, taken_from)

    monkeypatch.setattr(type(s._hits), "_counted", count_spy)
    answers = {}
    for first in (1, 10**6):  # the AND counted first always, or only when reading did not decide
        monkeypatch.setattr(hits_module, "COUNT_FIRST", first)
        counted.clear()
        answers[first] = [s._phrase_exists(p) for p in phrases]
        answers[first, "counts"] = len(counted)
    assert answers[1] == answers[10**6]  # the same answer in either order
    assert 10 < sum(answers[1]) < len(phrases) - 10
    assert answers[10**6, "counts"] < answers[1, "counts"]  # less work counting


def test_a_checked_phrase_is_read_once_and_shared_read_only(tmp_path, monkeypatch) -> None:
    # an alternative whose text is checked (研究与试验发展, the synonym of 研发, found in
    # passages holding 研究, 试验 and 发展) keeps what the reading found: a later query
    # naming it reads nothing and gets the same passages and scores, which no query can
    # change; clear_memo forgets them (the benchmark's cold queries)
    from bot.search.concepts import Alternative
    from tests.conftest import engine_over

    engine = engine_over(
        tmp_path,
        {
            "a.txt": "加大研究与试验发展经费投入。\n研究经费增长，试验发展平稳。\n",
            "b.txt": "全社会研究与试验发展投入强度提高。\n",
        },
    )
    searcher = engine.searcher
    ids = tuple(searcher.index.term_ids[w] for w in ("研究", "试验", "发展"))
    alt = Alternative("研究与试验发展", ids, True)
    first = searcher._hits.alternative_scores(alt)
    texts = [searcher.passage_text(int(p)) for p in first[0]]
    assert len(texts) == 2 and all("研究与试验发展" in t for t in texts)

    def no_reading(*args, **kwargs):
        raise AssertionError("the passages were read again")

    monkeypatch.setattr(searcher.index, "holds", no_reading)
    again = searcher._hits.alternative_scores(alt)
    assert again[0].tolist() == first[0].tolist()
    assert again[1].tobytes() == first[1].tobytes()
    with pytest.raises(ValueError):
        again[1][0] = 0
    monkeypatch.undo()
    searcher.clear_memo()
    assert not searcher._hits.verified_memo
    assert searcher._hits.alternative_scores(alt)[0].tolist() == first[0].tolist()


def test_the_list_the_passages_come_from_is_not_looked_up(bundled_engine) -> None:
    # the passages of a phrase's rarest piece are on that piece's list: looking them up
    # there changes no answer
    s = bundled_engine.searcher
    ix = s.index
    rng = random.Random(11)
    vocab = [t for t in ix.vocab if len(t) == 2 and is_cjk(t)]
    for _ in range(60):
        ids = tuple(dict.fromkeys(ix.term_ids[rng.choice(vocab)] for _ in range(rng.randint(1, 3))))
        rarest = min(ids, key=ix.df)
        pids = ix.raw_postings(rarest)[0]
        for part in (pids, pids[::3]):
            whole = s._hits.on_every_list(part, ids)
            assert s._hits.on_every_list(part, ids, taken_from=rarest).tolist() == whole.tolist()


def test_a_concepts_passages_are_distinct_so_the_first_list_is_written(bundled_engine) -> None:
    # _rank writes the first (or, of two, the longer) concept's scores into the zeroed
    # arrays instead of adding them: the same only if no passage is in a list twice
    s = bundled_engine.searcher
    s.clear_memo()
    ix = s.index
    rng = random.Random(5)
    words = [t for t in ix.vocab if len(t) >= 2 and is_cjk(t)]
    for word in [*rng.sample(words, 120), "建设", "发展", "科技创新", "扩大内需", "教育", "GDP"]:
        concept = s._concept(word)
        pids, _ = s._with_headings(concept, s._hits.concept_hits(concept))
        assert np.unique(pids).size == len(pids), word


def test_written_first_list_sums_as_added(bundled_engine) -> None:
    # the scores ranked with the first list written are the sums with every list added
    # by np.add.at in the query's order (float32: a + b is b + a, the same bits)
    import bot.search.searcher as m

    s = bundled_engine.searcher
    queries = ["建设 服务", "科技创新 人才", "发展 乡村振兴 旅游", "教育 医疗", "营商环境 改革"]
    queries += ["生态 保护 红线", "就业 收入 增长", "数字经济 发展", "服务 建设 发展 改革"]
    # (发展 beside a topic is soft, searched by the general path: more without it)
    queries += ["建设 改革", "服务 经济", "教育 养老"]
    checked = 0
    for q in queries:
        parsed = m.parse_query(q, max_chars=s.max_query_chars)
        budget = m.Budget(s.limits)
        concepts = []
        for part in parsed.parts:
            concepts += s._plan_part(part, budget)[0]
        concepts = asking.settle_soft(
            m.framing.soften_generic(disjoint(unique(concepts)), m.QUESTION_WORDS)
        )
        positive = [c for c in concepts if not c.exclude and not c.optional and not c.soft]
        if len(positive) < 2 or any(c.soft for c in concepts):
            continue
        total = np.zeros(s.index.n_passages, dtype=np.float32)
        for c in positive:
            p, sc = s._with_headings(c, s._hits.concept_hits(c))
            np.add.at(total, np.asarray(p, dtype=np.intp), np.asarray(sc, dtype=np.float32))
        for page in (1, 2):
            got = s.rank(q, page=page, page_size=10)
            assert got.pids.size
            assert got.scores.tobytes() == total[got.pids].tobytes(), q
            assert got.total == np.count_nonzero(total)
        checked += 1
    assert checked >= 6


@pytest.mark.parametrize("corpus", ["bundled", "generated"])
def test_two_words_first_tier_on_the_shorter_list_ranks_as_every_level(
    corpus, bundled_engine, tmp_path, monkeypatch
) -> None:
    # a query of two words whose first tier fills the page is ranked from the shorter
    # list alone: the same ids, scores (bits) and totals as counting every passage's level
    import bot.search.searcher as m

    if corpus == "bundled":
        engine = bundled_engine
    else:
        from tests.conftest import engine_over

        rng = random.Random(17)
        words = ["发展", "建设", "服务", "创新", "改革", "经济", "产业", "科技", "人才", "教育"]
        words += ["乡村振兴", "营商环境", "数字经济", "绿色", "低碳", "就业", "医疗", "养老"]
        docs = {}
        for d in range(12):
            lines = []
            for _ in range(rng.randint(30, 80)):
                picked = rng.sample(words, rng.randint(1, 4))
                lines.append("，".join(f"加快{w}" for w in picked) + "。")
            docs[f"doc{d}.txt"] = "\n".join(lines) + "\n"
        engine = engine_over(tmp_path, docs)
    s = engine.searcher
    ix = s.index
    rng = random.Random(23)
    vocab = [t for t in ix.vocab if len(t) >= 2 and is_cjk(t) and ix.df(ix.term_ids[t]) >= 3]
    queries = [" ".join(rng.sample(vocab, 2)) for _ in range(150)]
    queries += ["建设 服务", "发展 改革", "科技创新 人才", "生态 保护", "加快 发展"]
    # (发展 beside a topic is soft, searched by the general path: more pairs without it)
    queries += ["建设 改革", "服务 改革", "经济 增长"]

    def ranks() -> list[tuple]:
        out = []
        for q in queries:
            for page in (1, 2, 3):
                r = s.rank(q, page=page, page_size=10)
                out.append((q, page, r.pids.tolist(), r.scores.tobytes(), r.total))
        return out

    shortcut = ranks()
    monkeypatch.setattr(m, "TWO_LIST_TIER", False)
    assert ranks() == shortcut
    # and the shortcut was taken (no level counted) for some of them
    monkeypatch.setattr(m, "TWO_LIST_TIER", True)
    monkeypatch.setattr(m.Searcher, "_demote", lambda self, matched, *_: pytest.fail("levels"))
    taken = 0
    for q in queries:
        try:
            s.rank(q, page_size=10)
            taken += 1
        except pytest.fail.Exception:  # the general path counted every level
            pass
    assert taken >= (4 if corpus == "bundled" else 40)


def test_the_best_of_a_long_tier_found_from_a_sample_are_the_best() -> None:
    # window.top looks for the boundary key among the keys no worse than a sample's:
    # the same positions, ties broken by passage id, as partitioning every key
    from bot.search.window import top

    def reference(pids, keys, lo, hi):
        pos = np.arange(pids.size)
        if pids.size > hi:
            negated = -keys
            boundary = np.partition(negated, hi - 1)[hi - 1]
            pos = np.flatnonzero(negated <= boundary)
            order = np.lexsort((pids[pos], negated[pos]))
        else:
            order = np.lexsort((pids, -keys))
        return pos[order][lo:hi]

    rng = np.random.default_rng(29)
    for n in (5, 30, 161, 500, 5000, 30000):
        for hi in (1, 10, 20, 30):
            for levels in (2, 5, 400):
                pids = rng.permutation(200_000)[:n]
                keys = rng.integers(1, levels, n).astype(np.float32) * np.float32(0.7)
                for k in (keys, -np.sort(-keys), np.sort(keys)):
                    for lo in {0, max(0, hi - 10)}:
                        got = top(pids, k, lo, hi).tolist()
                        assert got == reference(pids, k, lo, hi).tolist()


def test_passages_on_every_list_are_scored_as_every_list_added(bundled_engine) -> None:
    # holding_all scores only the passages on every list so far: the same passages, in
    # the shortest list's order, and the same float32 sums (bits) as adding every list's
    # scores over all the passages, shortest list first
    from bot.search.concepts import Alternative

    s = bundled_engine.searcher
    ix = s.index

    def reference(ids: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
        lists = sorted((ix.postings(t) for t in ids), key=lambda p: p[0].size)
        acc = np.zeros(ix.n_passages, dtype=np.float32)
        count = np.zeros(ix.n_passages, dtype=np.uint8)
        for p, scores in lists:
            acc[p] += scores
            count[p] += 1
        pids = np.asarray(lists[0][0])[count[lists[0][0]] == len(lists)]
        return pids, acc[pids]

    rng = random.Random(31)
    common = sorted(range(len(ix.vocab)), key=ix.df, reverse=True)[:40]
    found = 0
    for _ in range(400):
        pool = common if rng.random() < 0.7 else range(len(ix.vocab))
        ids = tuple(rng.sample(list(pool), rng.randint(2, 4)))
        if rng.random() < 0.1:
            ids = ids + ids[:1]  # a piece twice (a phrase repeating a word)
        pids, scores = s._hits.holding_all(Alternative("x", ids, True))
        want_pids, want_scores = reference(ids)
        assert pids.tolist() == want_pids.tolist()
        assert scores.dtype == np.float32 and scores.tobytes() == want_scores.tobytes()
        found += bool(pids.size)
    assert found > 40  # the lists do meet
