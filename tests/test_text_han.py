"""One definition of a Han character (bot.text.han), shared by the tokenizer, the reader
and the upload check: they agree on every block of ideographs."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from bot.corpus import reader, uploads
from bot.text.han import HAN_RANGES, han_chars, has_han, is_han
from bot.text.tokenize import has_cjk, is_cjk_word

# One character of each block: unified, extension A, compatibility, extensions B, E,
# G (biáng), H, I, and the compatibility supplement.
HAN = {
    "unified": "中",
    "extension A": "\u3400",
    "compatibility": "\uf900",
    "extension B": "\U00020000",
    "extension E": "\U0002c317",
    "extension G": "\U00030edd",
    "extension H": "\U00031350",
    "extension I": "\U0002ebf0",
    "compatibility supplement": "\U0002f800",
}
NOT_HAN = {
    "ideographic comma": "、",
    "full stop": "。",
    "ideographic space": "\u3000",
    "radical": "\u2e80",
    "kangxi radical": "\u2f00",
    "bopomofo": "ㄅ",
    "letter": "a",
    "full-width digit": "１",
    "hiragana": "あ",
    "hangul": "한",
}


@pytest.mark.parametrize("ch", HAN.values(), ids=HAN.keys())
def test_every_block_of_ideographs_is_han_for_every_check(ch: str) -> None:
    assert is_han(ch)
    assert has_han(f"ab{ch}cd")
    assert han_chars(f"1{ch}2") == [ch]
    assert has_cjk(ch)
    assert is_cjk_word(ch * 2)
    assert uploads.han_share(f"{ch} x") == (1, 0.5)
    assert reader._TEXT_RANGES.fullmatch(ch)


@pytest.mark.parametrize("ch", NOT_HAN.values(), ids=NOT_HAN.keys())
def test_punctuation_radicals_and_other_scripts_are_not_han(ch: str) -> None:
    assert not is_han(ch)
    assert not has_han(ch)
    assert han_chars(ch) == []
    assert not has_cjk(ch)
    assert not is_cjk_word(ch)
    assert uploads.han_share(ch)[0] == 0


def test_the_ranges_are_ordered_and_disjoint() -> None:
    for (_, hi), (lo, _) in pairwise(HAN_RANGES):
        assert hi < lo


def test_a_name_written_with_rare_ideographs_is_one_index_term() -> None:
    # 王𬌗 (a given name of extension E) is one word of Han characters, as 王明 is.
    assert is_cjk_word("王\U0002c317")
    assert is_cjk_word("\U00020000\U00020001")


def test_a_utf16_list_of_names_with_rare_ideographs_is_read_as_text() -> None:
    # Without a byte-order mark: the reader tells UTF-16 from binary by what the
    # characters are; names written with extension B-G characters are text.
    line = "姓名：张\U0002c317、李\U0002cb3b、王\U0002b410、赵\U00030edd（2023年）\n"
    data = (line * 20).encode("utf-16-le")
    decoded = reader.decode_bytes(data, Path("names.txt"))
    assert decoded.encoding == "utf-16-le"
    assert decoded.text.startswith("姓名：张\U0002c317")


def test_a_text_of_rare_ideographs_counts_them_as_chinese_for_an_upload() -> None:
    names = "\U0002c317\U0002cb3b\U0002b410\U00030edd\U00031350" * 3
    uploads.check_chinese(names, ".txt")  # 15 Han characters, all of the text
