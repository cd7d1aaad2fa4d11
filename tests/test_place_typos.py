"""A place typed with a pinyin slip (Guangzou for Guangzhou: zh typed z, ng typed n, or a
letter swapped in a long name): ``/doc``, ``/targets`` and ``/compare`` found nothing and
said only that; they now say the places it may be (:func:`places_sounding_like`)."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from bot.corpus.gazetteer import places_sounding_like
from bot.text.english import GLOSSARY_FILE as ENGLISH_PATH
from briefbot.cli import app
from fake_telegram import FakeBotApi
from tests.e2e import ask_text, running


@pytest.mark.parametrize(
    ("typed", "place"),
    [
        ("Guangzou", ("广州", "Guangzhou")),  # zh typed z
        ("guanzhou", ("广州", "Guangzhou")),  # ng typed n
        ("Chonqing", ("重庆", "Chongqing")),
        ("Shenzen", ("深圳", "Shenzhen")),
        ("Jiangshu", ("江苏", "Jiangsu")),  # s typed sh
        ("Sichaun", ("四川", "Sichuan")),  # two letters swapped in a long name
        ("GDP Guangzou 2024", ("广州", "Guangzhou")),
    ],
)
def test_a_slip_in_a_place_name_is_read_as_the_place(typed: str, place: tuple[str, str]):
    assert places_sounding_like(typed) == [place]


@pytest.mark.parametrize(
    "typed",
    ["Guangzhou", "Sichuan", "广州", "Suzhou", "women", "change", "target", "GDP", "jingji", ""],
)
def test_places_words_and_shared_names_are_no_slips(typed: str):
    # a place, a name two places share (refused with its candidates elsewhere), English
    # words, a short word one letter from a place (women, Aomen), pinyin topic words
    assert places_sounding_like(typed) == []


def test_a_glossary_word_typed_right_is_no_slip_for_the_place_it_sounds_like():
    # shipping folds (sh -> s) to siping, Siping's letters: the glossary's English words
    # (english-glossary added `shipping container`) are never read as a place misspelt
    assert places_sounding_like("shipping") == []
    assert places_sounding_like("shipping routes to Guangzou") == [("广州", "Guangzhou")]


def test_no_english_word_of_the_glossary_is_read_as_a_slip():
    text = ENGLISH_PATH.read_text(encoding="utf-8")
    words = {
        w
        for line in text.splitlines()
        if "=" in line and not line.startswith("#")
        for w in re.findall(r"[A-Za-z]+", line.split("=", 1)[1])
    }
    assert len(words) > 100
    assert {w: places_sounding_like(w) for w in words if places_sounding_like(w)} == {}


async def test_doc_targets_and_compare_say_the_place_a_slip_may_be(
    server: FakeBotApi, engine
) -> None:
    user = server.add_user("Lena")
    english = server.add_user("Eve", language_code="en")
    async with running(server, engine):
        said = await ask_text(server, user, user, "/doc Guangzou")
        assert "地名是否拼错了？可能是：广州（Guangzhou）" in said
        said = await ask_text(server, user, user, "/targets Guangzou")
        assert "广州（Guangzhou）" in said
        said = await ask_text(server, english, english, "/targets GDP Guangzou")
        assert "Is the place name misspelt? It may be: 广州 (Guangzhou)" in said
        said = await ask_text(server, english, english, "/compare GDP Guangzou")
        assert "广州 (Guangzhou)" in said
        said = await ask_text(server, english, english, "/compare Guangzou")
        assert "广州 (Guangzhou)" in said
        # a word that is no slip of a place says no place
        said = await ask_text(server, english, english, "/targets Qwertyzone")
        assert "misspelt" not in said


def test_the_command_line_says_the_place_a_slip_may_be(corpus_copy, tmp_path):
    base = ["--corpus-dir", str(corpus_copy), "--data-dir", str(tmp_path / "data")]
    runner = CliRunner()
    env = {"COLUMNS": "200"}
    listed = runner.invoke(app, [*base, "targets", "GDP", "Guangzou", "--lang", "en"], env=env)
    assert "It may be: 广州 (Guangzhou)" in listed.output
    compared = runner.invoke(app, [*base, "compare", "Guangzou"], env=env)
    assert compared.exit_code == 1 and "广州（Guangzhou）" in compared.output
    doc = runner.invoke(app, [*base, "doc", "Guangzou"], env=env)
    assert doc.exit_code == 1 and "广州（Guangzhou）" in doc.output
    plain = runner.invoke(app, [*base, "targets", "Qwertyzone"], env=env)
    assert "拼错" not in plain.output
