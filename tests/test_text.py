"""Normalisation, segmentation, synonyms."""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.text.normalize import normalize
from bot.text.pinyin import first_syllables, readings
from bot.text.synonyms import Synonyms
from bot.text.tokenize import Tokenizer, index_terms, read_user_dict
from tests.conftest import BUNDLED_CORPUS


def test_normalize_maps_traditional_fullwidth_and_case():
    assert normalize("經濟發展與鄉村振興") == "经济发展与乡村振兴"
    assert normalize("ＧＤＰ增長５．５％") == "gdp增长5.5%"
    assert normalize("　") == " "


@pytest.mark.parametrize(
    "text",
    ["經濟發展ＡＢＣ１２３…“引号”", "x" * 3 + "龍" * 5, "", "emoji 😀 and \u200b zero-width"],
)
def test_normalize_preserves_length(text):
    assert len(normalize(text)) == len(text)


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer(Settings().user_dict_paths)


def test_user_dictionary_keeps_policy_terms_whole(tokenizer):
    words = tokenizer.cut("规模以上工业增加值增长6.5%，研发经费投入强度达到3%")
    assert "规模以上工业增加值" in words
    assert "研发经费投入强度" in words


def test_index_terms_include_subwords_and_numbers(tokenizer):
    terms = tokenizer.terms(normalize("新旧动能转换，GDP增长5.5%左右的目标"))
    assert {"新旧动能转换", "动能", "转换", "gdp", "5.5"} <= set(terms)
    assert "的" not in terms  # stop word
    assert "，" not in terms


def test_rjieba_matches_jieba_reference_on_bundled_corpus(tokenizer):
    """The bulk tokenizer must yield exactly jieba's index terms (the reference)."""
    reference = tokenizer.reference_jieba()
    lines = 0
    for path in sorted(BUNDLED_CORPUS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            norm = normalize(line)
            tokens = tokenizer.expand_user_words(reference.cut_for_search(norm))
            expected = index_terms(tokens, norm)
            assert sorted(tokenizer.terms(norm)) == sorted(expected), line[:40]
            lines += 1
    assert lines > 100


def test_long_user_words_also_index_their_pieces(tokenizer):
    terms = tokenizer.terms("建设绿色低碳高质量发展先行区")
    assert "绿色低碳高质量发展先行区" in terms
    assert {"先行", "区"} <= set(terms)


def test_fingerprint_changes_with_user_dictionary(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("乡村振兴\n", encoding="utf-8")
    fp1 = Tokenizer([a]).fingerprint
    a.write_text("乡村振兴\n营商环境 100 n\n", encoding="utf-8")
    assert Tokenizer([a]).fingerprint != fp1
    assert read_user_dict([a])[1].freq == 100


def test_synonyms_expand_both_ways_and_normalise(tmp_path):
    f = tmp_path / "syn.txt"
    f.write_text("# comment\n地区生产总值 GDP，生产总值\n规模以上 規上\n", encoding="utf-8")
    syn = Synonyms.from_files([f])
    assert syn.expand("gdp") == ["gdp", "地区生产总值", "生产总值"]
    assert syn.expand("规上")[1] == "规模以上"
    assert syn.canonical("生产总值") == "地区生产总值"
    assert syn.expand("无关") == ["无关"]


def test_fit_message_cuts_to_one_telegram_message():
    from bot.text.html_lines import fit_message, utf16_len

    assert fit_message("short", html=False) == "short"
    plain = fit_message("😀" * 3000, html=False)
    assert utf16_len(plain) <= 4096 and plain.endswith("…") and "\ud83d" not in plain
    html = fit_message("<b>" + "政" * 5000 + "</b>\n<i>tail</i>", html=True)
    assert utf16_len(html) <= 4096 and html.startswith("<b>政") and "</b>…" in html
    lines = fit_message("\n".join(["<i>行</i>"] * 1000), html=True)
    assert utf16_len(lines) <= 4096 and lines.endswith("<i>行</i>…")


def test_pinyin_readings_are_toneless_every_reading_most_common_first():
    assert readings("行") == ("xing", "hang", "heng")
    assert readings("绿") == ("lv", "lu")  # ü is written v
    assert readings("A") == ("A",)  # not Chinese: itself
    assert first_syllables("银杭A") == ["yin", "hang", "A"]
