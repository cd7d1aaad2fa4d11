"""The twenty-first speed pass's cheaper ways of doing the same work (issue 13): each gives
what the plainer way gives, checked against a reference here."""

from __future__ import annotations

import numpy as np
import pytest

from bot.corpus.gazetteer import default_gazetteer
from bot.search import understand as u
from bot.search import window
from bot.search.snippets import find_spans, make_snippet
from bot.text.normalize import normalize
from bot.text.synonyms import Synonyms


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


def _terms_in_reference(synonyms, text: str) -> list[str]:
    # the way before: every term of the groups tested against the text
    return sorted((t for t in synonyms._index if len(t) >= 2 and t in text), key=len, reverse=True)


def test_terms_in_finds_the_terms_the_scan_of_every_term_finds(bundled_engine) -> None:
    # the synonym terms a text holds, longest first, terms of one length in the groups'
    # order: queries, texts holding several terms of one length and terms inside longer
    # ones, a text shorter than two characters, and after a group is added
    syn = bundled_engine.searcher.synonyms
    rng = np.random.default_rng(21)
    terms = [t for t in syn._index if len(t) >= 2]
    texts = ["", "g", "GDP", "地区生产总值 增长", "规上工业增加值", "双碳 目标 碳达峰碳中和"]
    for _ in range(300):
        picked = rng.choice(len(terms), int(rng.integers(1, 4)))
        filler = "".join(rng.choice(list("的和在发展经济 2025年目标"), int(rng.integers(0, 6))))
        texts.append(filler.join(terms[i] for i in picked))
    for text in texts:
        assert syn.terms_in(text) == _terms_in_reference(syn, text), text
    own = Synonyms([["甲乙", "丙丁"], ["丙丁", "戊己庚"]])
    assert own.terms_in("甲乙丙丁戊己庚") == _terms_in_reference(own, "甲乙丙丁戊己庚")
    own.add(["辛壬", "甲乙丙丁戊己庚辛"])  # a longer term, added after the first look-up
    for text in ("甲乙丙丁戊己庚辛壬", "辛壬丙丁"):
        assert own.terms_in(text) == _terms_in_reference(own, text) != []


def _misspelt_reference(text, gazetteer, known_regions):
    # the way before: the names made, sorted and compared for every word
    names = (u._provinces(gazetteer) | set(known_regions)) - {u.NATIONAL}
    for m in u._CJK_WORD_RE.finditer(text):
        word = m.group()
        core = u._PLACE_SUFFIX_RE.sub("", word)
        if (m.start() != 0 and core == word) or len(core) < 2 or gazetteer.lookup(core):
            continue
        for name in sorted(names):
            if len(name) != len(core) or sum(a != b for a, b in zip(core, name, strict=True)) != 1:
                continue
            if all(
                set(u.readings(a)) & set(u.readings(b)) for a, b in zip(core, name, strict=True)
            ):
                return name, m.span()
    return None


def test_a_misspelt_region_is_the_one_every_name_compared_finds(bundled_engine) -> None:
    # the names looked at by length, made once per set of regions, against the names made
    # and sorted for every word: misspelt provinces and regions of the corpus, with a
    # suffix, elsewhere in a query, places spelt right, and a list of regions (unhashable)
    gazetteer = default_gazetteer()
    known = bundled_engine.searcher._known_regions
    texts = [
        "贵洲 GDP",
        "宁厦省 粮食产量",
        "四川 复建 经济",
        "山冬 2024 目标",
        "贵州 就业",
        "河楠省 增长",
        "广栋 进出口",
        "经济 贵洲",
        "双碳 目标",
        "",
    ]
    texts += [name[:-1] + "洲" + " 增长" for name in sorted(known) if len(name) >= 2][:40]
    for text in texts:
        want = _misspelt_reference(text, gazetteer, known)
        assert u._misspelt_region(text, gazetteer, known) == want, text
        assert u._misspelt_region(text, gazetteer, sorted(known)) == want, text
    assert any(_misspelt_reference(t, gazetteer, known) for t in texts)


def test_a_hits_highlights_read_the_indexs_normalised_text(bundled_engine) -> None:
    # the normalised text the index holds for each passage is the passage normalised
    # (what a hit's highlights were found in before), and a page's hits are the same
    # with the index's text as with the text normalised again
    s = bundled_engine.searcher
    ix = s.index
    for pid in range(ix.n_passages):
        assert ix.passage_norm_bytes(pid).decode("utf-8") == normalize(ix.passage_text(pid))
    needles = ["经济", "增长", "乡村振兴", "GDP"]
    for pid in range(0, ix.n_passages, 7):
        hit = s._hit(pid, 1.0, needles)
        text = ix.passage_text(pid)
        want = make_snippet(text, find_spans(normalize(text), needles), width=s.snippet_chars)
        assert (hit.snippet, hit.highlights) == want
