"""The query path's faster ways of doing the same work (issue 13, fifth speed pass):
each gives what the plainer way gives, checked against a reference here."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest

from bot.search.searcher import _SENTENCE_ENDS, _same_sentence_shares
from bot.text.pinyin import _raw_table
from bot.text.tokenize import is_cjk_word as is_cjk


def _reference_shares(texts: list[str], words: tuple[tuple[str, ...], ...]) -> list[float]:
    """The share as defined: each passage split into sentences, a sentence counting the
    words one of whose forms it holds; the most of any sentence, over the words (one
    alone counts nothing)."""
    split = re.compile("[" + re.escape(_SENTENCE_ENDS) + "]")
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
    got = _same_sentence_shares(texts, words)
    want = np.array(_reference_shares(texts, words), dtype=np.float32)
    assert got.tolist() == want.tolist()
    assert (got > 0).sum() > 50  # the texts do exercise the shares


def test_a_form_holding_a_sentence_end_is_still_found() -> None:
    # a form with a sentence end in it (rare) is looked for whole, as typed
    words = (("增长;提速", "增长"), ("工业",))
    shares = _same_sentence_shares(["工业增长;提速", "工业。增长"], words)
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
    got = _same_sentence_shares(texts, words).tolist()
    assert got == pytest.approx(_reference_shares(texts, words))


def test_phrase_existence_counts_the_and_only_when_reading_did_not_decide(
    bundled_engine, monkeypatch
) -> None:
    import bot.search.searcher as searcher_module

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
    monkeypatch.setattr(searcher_module, "PHRASE_CHECK_LIMIT", 3)
    monkeypatch.setattr(searcher_module, "EXISTENCE_SCAN", 6)
    monkeypatch.setattr(searcher_module, "_FIRST_TEXTS", 2)
    counted: list[str] = []
    every_list = type(s)._on_every_list

    def spy(self, pids, term_ids, **kwargs):
        counted.append("x")
        return every_list(self, pids, term_ids, **kwargs)

    monkeypatch.setattr(type(s), "_on_every_list", spy)
    answers = {}
    for first in (1, 10**6):  # the AND counted first always, or only when reading did not decide
        monkeypatch.setattr(searcher_module, "COUNT_FIRST", first)
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
    from bot.search.searcher import Alternative
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
    first = searcher._alternative_scores(alt)
    texts = [searcher.passage_text(int(p)) for p in first[0]]
    assert len(texts) == 2 and all("研究与试验发展" in t for t in texts)

    def no_reading(*args, **kwargs):
        raise AssertionError("the passages were read again")

    monkeypatch.setattr(searcher.index, "holds", no_reading)
    again = searcher._alternative_scores(alt)
    assert again[0].tolist() == first[0].tolist()
    assert again[1].tobytes() == first[1].tobytes()
    with pytest.raises(ValueError):
        again[1][0] = 0
    monkeypatch.undo()
    searcher.clear_memo()
    assert not searcher._verified_memo
    assert searcher._alternative_scores(alt)[0].tolist() == first[0].tolist()


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
            whole = s._on_every_list(part, ids)
            assert s._on_every_list(part, ids, taken_from=rarest).tolist() == whole.tolist()
