"""Search behaviour on the bundled corpus, through the public Engine API."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise

import numpy as np
import pytest

from bot.text.normalize import normalize


def _highlighted(hit) -> list[str]:
    return [hit.snippet[h.start : h.end] for h in hit.highlights]


def test_keyword_search_returns_ranked_hits_with_sections(bundled_engine):
    resp = bundled_engine.search("乡村振兴")
    assert resp.total >= 5 and resp.message is None
    assert len(resp.hits) == 5
    scores = [h.score for h in resp.hits]
    assert scores == sorted(scores, reverse=True)
    for hit in resp.hits:
        assert "乡村振兴" in hit.text
        assert "乡村振兴" in "".join(_highlighted(hit))
        assert hit.filename.endswith(".txt") and hit.title
    sectioned = [h for h in resp.hits if h.filename.startswith("004")]
    assert sectioned and all(h.section for h in sectioned)


def test_highlights_are_valid_offsets_into_the_snippet(bundled_engine):
    for query in ("地区生产总值 增长", "GDP", "营商环境", "經濟發展"):
        for hit in bundled_engine.search(query, page_size=10).hits:
            # a paragraph under a heading naming the words (（二）聚焦营商环境优化…) is
            # found without them in its own text: nothing to highlight there
            under_heading = any(normalize(query) in normalize(part) for part in hit.section)
            assert hit.highlights or under_heading, (query, hit.snippet)
            for h in hit.highlights:
                assert 0 <= h.start < h.end <= len(hit.snippet)
                piece = normalize(hit.snippet[h.start : h.end])
                assert piece in normalize(hit.text)


def test_more_matched_terms_rank_higher(bundled_engine):
    resp = bundled_engine.search("养老服务 社区", page_size=50)
    both = ["养老" in normalize(h.text) and "社区" in h.text for h in resp.hits]
    assert both[0]
    # once a hit matches only one term, no later hit matches both
    first_single = both.index(False)
    assert not any(both[first_single:])


def test_quoted_phrase_matches_only_the_exact_phrase(bundled_engine):
    resp = bundled_engine.search('"绿色低碳高质量发展先行区"', page_size=50)
    assert resp.total >= 2
    assert all("绿色低碳高质量发展先行区" in h.text for h in resp.hits)


def test_phrase_hidden_inside_a_longer_word_is_found(bundled_engine):
    resp = bundled_engine.search('"先行区"', page_size=50)
    assert resp.total >= 3
    assert all("先行区" in h.text for h in resp.hits)


def test_a_byte_scan_is_remembered_and_shared_read_only(bundled_engine):
    searcher = bundled_engine.searcher
    searcher.clear_memo()
    found = searcher.scan("先行区")
    assert found.size >= 3 and list(found) == sorted(found)
    assert all("先行区" in normalize(searcher.passage_text(int(p))) for p in found)
    assert searcher.scan("先行区") is found  # the second query naming it reads nothing
    assert not found.flags.writeable
    searcher.clear_memo()
    again = searcher.scan("先行区")
    assert again is not found and again.tolist() == found.tolist()
    assert searcher.scan("先行区", limit=1).tolist() == found[:1].tolist()


def _phrases_and_truth(searcher) -> list[tuple[str, bool, bool]]:
    """Two-word phrases of the bundled corpus and made-up ones: (phrase, some passage holds
    its bytes, some passage holding every piece holds its bytes)."""
    ix = searcher.index
    texts = [ix.passage_norm_bytes(pid) for pid in range(ix.n_passages)]
    words = [w for w in searcher.tokenizer.cut(normalize(ix.passage_text(0))) if len(w) > 1]
    common = ["发展", "建设", "经济", "推进", "加快"]
    phrases = {a + b for a, b in pairwise(words)} | {a + b for a in common for b in common}
    out = []
    for phrase in sorted(phrases):
        alt = searcher._alternative(phrase)
        if alt is None or not alt.verify:
            continue
        needle = phrase.encode("utf-8")
        holding = searcher._hits.holding_all(alt)[0].tolist()
        rarest = ix.raw_postings(min(alt.term_ids, key=ix.df))[0]
        on_all = searcher._hits.on_every_list(rarest, alt.term_ids)
        assert rarest[on_all].tolist() == holding  # the same AND, in the same order
        out.append(
            (phrase, any(needle in t for t in texts), any(needle in texts[p] for p in holding))
        )
    return out


def test_a_phrase_exists_when_a_passage_holds_it(bundled_engine, monkeypatch):
    from bot.search import hits as hits_module

    searcher = bundled_engine.searcher
    cases = _phrases_and_truth(searcher)
    assert sum(held for _, held, _ in cases) >= 3 and sum(not held for _, held, _ in cases) >= 3
    # few texts of the rarest piece read, so the passages holding every piece decide
    monkeypatch.setattr(hits_module, "EXISTENCE_SCAN", 3)
    monkeypatch.setattr(hits_module, "_FIRST_TEXTS", 2)
    monkeypatch.setattr(hits_module, "PHRASE_CHECK_LIMIT", 10**6)
    searcher.clear_memo()
    for phrase, held, held_by_all in cases:
        got = searcher.phrase_exists(phrase)
        assert not got or held, phrase  # never present when no passage holds it
        assert got or not held_by_all, phrase
    # very many passages holding every piece: taken as present without reading them
    monkeypatch.setattr(hits_module, "PHRASE_CHECK_LIMIT", 1)
    searcher.clear_memo()

    def unread(phrase: str) -> bool:  # every piece common, several passages hold all
        alt = searcher._alternative(phrase)
        rarest = min(searcher.index.df(t) for t in alt.term_ids)
        return rarest > 3 and searcher._hits.holding_all(alt)[0].size > 1

    absent = [phrase for phrase, held, _ in cases if not held and unread(phrase)]
    assert absent and all(searcher.phrase_exists(phrase) for phrase in absent)
    searcher.clear_memo()


def test_holds_searches_each_passage_text_in_place(bundled_engine):
    ix = bundled_engine.searcher.index
    pids = np.arange(ix.n_passages)
    for needle in ("乡村振兴".encode(), "先行区".encode(), b"2023", "不在文中的词".encode()):
        expected = [needle in ix.passage_norm_bytes(int(p)) for p in pids]
        assert list(ix.holds(pids, needle)) == expected
        assert list(ix.holds(pids[::-1], needle)) == expected[::-1]
        # the bigram signatures rule passages out, never one that holds the needle
        assert ix.holding(pids, needle, 5) == [int(p) for p in pids[expected][:5]]
        assert ix.any_holds(pids, needle) == any(expected)
    # a needle across two neighbouring passages is in neither
    first, second = ix.passage_norm_bytes(0), ix.passage_norm_bytes(1)
    straddle = first[-3:] + second[:3]
    assert straddle not in first and straddle not in second
    assert list(ix.holds(np.array([0, 1]), straddle)) == [False, False]


def test_exclusion_removes_passages(bundled_engine):
    everything = bundled_engine.search("乡村振兴", page_size=100)
    without = bundled_engine.search("乡村振兴 -齐鲁", page_size=100)
    assert any("齐鲁" in h.text for h in everything.hits)
    assert without.total < everything.total
    assert not any("齐鲁" in h.text for h in without.hits)


# Words, synonyms, an exclusion, a filter, facets (region, year) and question words:
# every way a query's candidates and levels are made.
LEVEL_QUERIES = [
    ("养老服务 社区", {}),
    ("乡村振兴 -齐鲁", {}),
    ("GDP 增长", {}),
    ("发展 改革", {"region": "青岛"}),
    ("山东 2023年 海洋经济", {}),
    ("青岛 目标", {}),
]


def _answers(engine) -> list:
    out = []
    for query, filters in LEVEL_QUERIES:
        for page in (1, 2, 3):
            resp = engine.search(query, page=page, page_size=7, **filters)
            out.append((resp.total, [(h.doc_id, h.passage_ordinal, h.score) for h in resp.hits]))
    return out


def test_pages_of_every_kind_of_query_agree_and_threads_agree(bundled_engine):
    first = _answers(bundled_engine)
    for k, (query, _) in enumerate(LEVEL_QUERIES):
        pages = first[3 * k : 3 * k + 3]
        assert pages[0][0] > 0 and len({total for total, _ in pages}) == 1, query
        hits = [h for _, page in pages for h in page]
        assert len(set(hits)) == len(hits), query  # no passage on two pages
    assert _answers(bundled_engine) == first
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(lambda _: _answers(bundled_engine), range(8))) == [first] * 8


def test_only_exclusions_is_a_clear_message(bundled_engine):
    resp = bundled_engine.search("-乡村振兴")
    assert resp.hits == () and "排除" in resp.message


def test_filters_by_document_region_and_year(bundled_engine):
    by_doc = bundled_engine.search("发展", doc="004", page_size=100)
    assert by_doc.total > 0 and {h.filename[:3] for h in by_doc.hits} == {"004"}
    by_region = bundled_engine.search("发展", region="青岛", page_size=100)
    assert by_region.total > 0 and all(h.region == "青岛" for h in by_region.hits)
    by_year = bundled_engine.search("发展", year=2024, page_size=100)
    assert by_year.total > 0 and all(h.year == 2024 for h in by_year.hits)
    assert bundled_engine.search("发展", region="火星").total == 0


def test_synonyms_find_the_documents_wording(bundled_engine):
    resp = bundled_engine.search("GDP", page_size=20)
    assert any("地区生产总值" in h.text for h in resp.hits)
    assert any("GDP" in h.text for h in resp.hits)


def test_traditional_and_fullwidth_queries_match(bundled_engine):
    simp = bundled_engine.search("乡村振兴", page_size=20)
    trad = bundled_engine.search("鄉村振興", page_size=20)
    assert [h.text for h in trad.hits] == [h.text for h in simp.hits]
    full = bundled_engine.search("５．５％")
    assert full.total >= 1 and all("5.5%" in h.text for h in full.hits)


@pytest.mark.parametrize(
    ("typo", "expected"),
    [
        ("地区生产总直", "地区生产总值"),
        ("养老服物", "养老服务"),
        ("乡村振星", "乡村振兴"),
        ("营商环竟", "营商环境"),
        ("招商引姿", "招商引资"),
        ("海洋经纪", "海洋经济"),  # every word is real, the phrase is not
        ("高质发展", "高质量发展"),  # a missing character
        ("专特精新", "专精特新"),  # swapped characters
    ],
)
def test_typos_and_homophones_are_corrected_and_said(bundled_engine, typo, expected):
    resp = bundled_engine.search(typo)
    assert [c.corrected for c in resp.corrections] == [expected]
    assert resp.corrections[0].original == typo
    assert resp.corrected_query == expected
    assert resp.total > 0
    assert expected in "".join(h.text for h in resp.hits)


def test_correction_keeps_the_rest_of_the_query(bundled_engine):
    resp = bundled_engine.search("烟台 乡村振星")
    assert resp.corrected_query == "烟台 乡村振兴"


def test_correct_words_are_not_corrected(bundled_engine):
    for query in ("乡村振兴", "海洋经济", "吸引外资", "保障房", "烟台港"):
        assert bundled_engine.search(query).corrections == (), query


def test_word_absent_as_a_whole_is_searched_by_its_parts(bundled_engine):
    resp = bundled_engine.search("吸引外资")
    assert resp.total > 0
    assert any("外资" in h.text for h in resp.hits)


def test_no_results_come_with_suggestions_near_the_word_typed(bundled_engine):
    resp = bundled_engine.search("碳达风", correct=False)
    assert resp.total == 0 and resp.hits == ()
    assert "碳达峰" in resp.suggestions


def test_no_results_for_a_word_near_no_term_come_with_no_suggestions(bundled_engine):
    # terms that merely share a character (船舶, 腾飞 for 宇宙飞船) would only mislead
    resp = bundled_engine.search("宇宙飞船")
    assert resp.total == 0 and resp.hits == ()
    assert resp.suggestions == ()


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "，。！？",
        "😀😀😀",
        "\x00\x07\x1b",
        "乡村振兴" * 2500,
        "<b>乡村</b>&amp;",
        "\u200b",
    ],
)
def test_bad_queries_get_an_answer_not_an_exception(bundled_engine, query):
    resp = bundled_engine.search(query)
    assert resp.hits or resp.message or resp.suggestions


def test_empty_query_message(bundled_engine):
    assert "关键词" in bundled_engine.search("😀").message


def test_very_long_query_is_truncated_and_still_answered(bundled_engine):
    resp = bundled_engine.search("乡村振兴" * 2500)
    assert "200" in resp.message
    assert resp.total > 0


def test_pagination_is_consistent(bundled_engine):
    all_hits = bundled_engine.search("发展", page_size=30).hits
    page1 = bundled_engine.search("发展", page=1, page_size=10)
    page2 = bundled_engine.search("发展", page=2, page_size=10)
    assert page1.pages == -(-page1.total // 10)
    assert [h.text for h in page1.hits + page2.hits] == [h.text for h in all_hits[:20]]
    beyond = bundled_engine.search("发展", page=page1.pages + 5, page_size=10)
    assert beyond.hits == () and beyond.total == page1.total


def test_correction_can_be_turned_off(bundled_engine):
    resp = bundled_engine.search("乡村振星", correct=False)
    assert resp.corrections == ()
    assert not any("乡村振星" in h.text for h in resp.hits)
    assert "振兴" in resp.suggestions or "乡村振兴" in resp.suggestions


def test_a_word_cut_by_a_line_end_of_a_wrapped_text_is_found(tmp_path):
    # a PDF's text layer is wrapped at a width: 脑机 at the end of one line, 接口 on the
    # next; the loader joins the lines of a paragraph, so the word is found whole
    from bot.config import Settings
    from bot.library import Engine

    filler = "全市地区生产总值增长5.5%，高新技术企业达到1200家，空气质量优良天数比例达到92%。"
    paragraph = filler * 3 + "培育脑机接口企业10家。" + filler * 3
    cut = paragraph.index("脑机接口") + 2
    wrapped = "\n".join(
        [paragraph[: cut % 29]] * bool(cut % 29)
        + [paragraph[i : i + 29] for i in range(cut % 29, len(paragraph), 29)]
    )
    assert "脑机\n接口" in wrapped and "脑机接口" not in wrapped
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "江州市2025年政府工作报告\n" + wrapped + "\n"
    (corpus / "report.txt").write_text(text, encoding="utf-8")
    engine = Engine.open(Settings(corpus_dir=corpus, data_dir=tmp_path / "data"))
    response = engine.search('"脑机接口"')
    assert response.hits and "脑机接口" in response.hits[0].snippet
    assert engine.documents()[0].title == "江州市2025年政府工作报告"


def test_a_word_of_a_passage_answers_one_concept_of_the_query():
    from bot.search.concepts import Alternative, Concept, disjoint

    def alt(text: str) -> Alternative:
        return Alternative(text, (len(text),), False)

    peak = Concept("碳达峰", [alt("碳达峰"), alt("双碳"), alt("碳中和")])
    neutral = Concept("碳中和", [alt("碳中和"), alt("双碳"), alt("碳达峰")])
    got = disjoint([peak, neutral])
    # the other typed word is not a synonym; the shared synonym stays with the first
    assert [a.text for a in got[0].alternatives] == ["碳达峰", "双碳"]
    assert [a.text for a in got[1].alternatives] == ["碳中和"]
    alone = Concept("GDP", [alt("gdp"), alt("地区生产总值")])
    assert disjoint([alone]) == [alone]


def test_real_words_are_not_lengthened_at_their_start(bundled_engine):
    # 办教育 is 办 + 教育 as typed; 民办教育 (in the corpus) is another, narrower thing
    resp = bundled_engine.search("办教育")
    assert resp.corrections == (), [c.corrected for c in resp.corrections]
    assert resp.total > 0
    # a word clipped inside or at its end is still completed
    assert [c.corrected for c in bundled_engine.search("高质发展").corrections] == ["高质量发展"]
