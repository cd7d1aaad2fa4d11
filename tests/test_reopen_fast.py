"""Reopening an index loads only what a query needs (issue 13's reopen figure), and what
is left for later gives the same cuts and answers when it is loaded."""

from __future__ import annotations

from bot.config import Settings
from bot.library import Engine
from bot.text.normalize import normalize
from bot.text.tokenize import Tokenizer
from tests.conftest import make_settings

# Invented sentences; 绿色低碳高质量发展先行区 and 营商环境 are words of the user dictionary.
TEXTS = [
    "各地要加快建设绿色低碳高质量发展先行区，打造一流营商环境。",
    "全市新建先行区三个，规模以上工业增加值增长6.5%左右。",
    "推进新旧动能转换，研发经费投入强度达到3%。",
]


def test_one_dictionary_load_gives_the_segmenter_and_the_long_user_words_pieces(monkeypatch):
    import rjieba

    from bot.text import tokenize as tk

    # the module's default stands for the dictionary the import loaded; any other is refused
    monkeypatch.setattr(rjieba, "_DEFAULT_JIEBA", rjieba.Jieba())
    monkeypatch.setattr(tk, "_DEFAULT_TAKEN", False)

    def refused() -> None:
        raise AssertionError("jieba's dictionary was loaded again")

    monkeypatch.setattr(rjieba, "Jieba", refused)
    tok = Tokenizer(Settings().user_dict_paths).load()
    terms = tok.terms("建设绿色低碳高质量发展先行区")
    assert {"绿色低碳高质量发展先行区", "先行", "区"} <= set(terms)
    # the pieces are jieba's dictionary's own cut, not one with the user words in it
    assert tok._user_subwords["规模以上工业增加值"] == ["规模", "以上", "工业", "增加值"]


def test_pieces_loaded_late_give_the_same_terms_as_loaded_first():
    eager = Tokenizer(Settings().user_dict_paths)
    eager._user_subwords  # noqa: B018 - computed before any cut, as load() used to
    late = Tokenizer(Settings().user_dict_paths).load()
    for text in TEXTS:
        norm = normalize(text)
        assert late.cut(norm) == eager.cut(norm)
        assert late.terms(norm) == eager.terms(norm)
    assert late._user_subwords == eager._user_subwords


def test_reopened_engine_answers_a_long_user_words_piece_as_the_built_one(
    tmp_path,
):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, text in enumerate(TEXTS):
        (corpus / f"doc{i}.txt").write_text(text, encoding="utf-8")
    settings = make_settings(corpus, tmp_path / "data")
    built = Engine.open(settings)
    built_hits = [h.text for h in built.search("先行区", page_size=5).hits]
    assert any("绿色低碳高质量发展先行区" in t for t in built_hits)

    reopened = Engine.open(settings)  # its own tokenizer, as a fresh process has
    report = reopened.last_refresh
    assert report is None or not (report.added or report.updated or report.rebuilt)
    hits = [h.text for h in reopened.search("先行区", page_size=5).hits]
    assert hits == built_hits
    assert "_user_subwords" not in reopened.tokenizer.__dict__


def test_the_module_default_segmenter_taken_once_cuts_as_a_fresh_one(tmp_path, monkeypatch):
    import rjieba

    from bot.text import tokenize as tk

    # A process's first tokenizer takes rjieba's own default (its dictionary is loaded
    # by the import) rather than loading the dictionary again; a pristine one stands in
    # for it here, as other tests of this process may have taken the real one.
    default = rjieba.Jieba()
    monkeypatch.setattr(rjieba, "_DEFAULT_JIEBA", default)
    monkeypatch.setattr(tk, "_DEFAULT_TAKEN", False)
    words = tmp_path / "words.txt"
    words.write_text("先行区三个 5 n\n", encoding="utf-8")
    first = Tokenizer(Settings().user_dict_paths).load()
    later = Tokenizer(Settings().user_dict_paths).load()
    other = Tokenizer([words]).load()
    assert first._rj is default
    assert later._rj is not default and other._rj is not default
    for text in TEXTS:
        norm = normalize(text)
        assert first.cut(norm) == later.cut(norm)
        assert first.cut_for_search(norm) == later.cut_for_search(norm)
        assert first.terms(norm) == later.terms(norm)
    # each keeps its own words: the first's are not in the third, nor the reverse
    assert "绿色低碳高质量发展先行区" in first.cut(normalize(TEXTS[0]))
    assert "绿色低碳高质量发展先行区" not in other.cut(normalize(TEXTS[0]))
    assert "先行区三个" in other.cut(normalize(TEXTS[1]))
    assert "先行区三个" not in first.cut(normalize(TEXTS[1]))
