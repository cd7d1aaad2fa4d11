"""Topic words typed in pinyin (bot.search.pinyin_words), on an invented library."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bot.library import Engine
from bot.search.pinyin_words import may_hold_pinyin, with_pinyin_terms
from tests.conftest import engine_over

# each term written often enough to be one of the library's frequent terms
DOCS = {
    "hunan_2025_gwr.txt": (
        "2025年湖南省政府工作报告\n湖南省人民政府\n"
        + "".join(
            f"第{i}条。我们坚持就业优先，稳定就业岗位，推动经济平稳运行，发展现代农业。\n"
            for i in range(6)
        )
        + "加强生态保护，建设美丽湖南。\n"
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("pinyin"), DOCS)


def test_frequent_terms_are_read_by_their_pinyin(engine: Engine) -> None:
    terms = engine.searcher.pinyin_terms
    assert terms["jiuye"] == "就业"
    assert terms["jingji"] == "经济"
    assert with_pinyin_terms("Hunan JIUYE", terms) == "Hunan 就业"


@pytest.mark.parametrize(
    "word", ["man", "long", "gun", "fan", "ran", "hang", "women", "change", "yuan", "guan"]
)
def test_english_words_are_not_read_as_pinyin(engine: Engine, word: str) -> None:
    assert with_pinyin_terms(f"{word} 2025", engine.searcher.pinyin_terms) == f"{word} 2025"


def test_pronouns_are_no_topic(engine: Engine) -> None:
    # 我们 is as frequent as 就业 here, and reads women
    assert "women" not in engine.searcher.pinyin_terms


def test_a_pinyin_topic_word_finds_its_passages(engine: Engine) -> None:
    resp = engine.search("hunan jiuye", page_size=3)
    assert resp.hits and "就业" in resp.hits[0].text
    assert resp.query == "hunan jiuye"
    # a word the library writes seldom is no frequent term: left as typed
    assert "shengtai" not in engine.searcher.pinyin_terms


def test_only_latin_words_of_two_syllables_build_the_table() -> None:
    assert not may_hold_pinyin("湖南 就业 GDP")
    assert may_hold_pinyin("hunan jiuye")


def test_a_single_syllable_is_never_a_key() -> None:
    from bot.search.pinyin_words import pinyin_terms
    from bot.text.pinyin import syllables

    assert {"yuan", "guan", "man", "hang"} <= syllables()
    assert "jingji" not in syllables()

    # the two fields pinyin_terms reads; 预案 is yu·an, joined the syllable yuan
    index = SimpleNamespace(vocab=["预案", "就业"], offsets=[0, 5, 10])
    terms = pinyin_terms(index)  # type: ignore[arg-type]
    assert terms.get("jiuye") == "就业"
    assert "yuan" not in terms
