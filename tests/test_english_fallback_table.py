"""The bilingual dictionary's derived table, kept in the data folder so that a process's
first English query does not read the dictionary's 9 MB again: the same readings as the
dictionary itself, rebuilt when what it is derived from changes, never read cut short."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

import bot.text.english_fallback as fallback
from bot.text.english_fallback import (
    TABLE_PREFIX,
    cached_table,
    candidates,
    dictionary_file,
    installed_table,
    read_table_text,
    table_key,
    table_text,
)
from tests.conftest import engine_over, load_reversed

# invented dictionary lines in CC-CEDICT's format
LINES = (
    "# a comment\n"
    "平衡 平衡 [ping2 heng2] /balance/equilibrium/\n"
    "餘額 余额 [yu2 e2] /balance (of an account)/remainder/\n"
    "汙水 污水 [wu1 shui3] /sewage/waste water/\n"
    "發射 发射 [fa1 she4] /to shoot (a projectile)/to launch/\n"
)
MORE = "崗位 岗位 [gang3 wei4] /a post/a job/\n"


@pytest.fixture()
def dictionary(tmp_path: Path) -> Path:
    path = tmp_path / "dict.txt"
    path.write_text(LINES, encoding="utf-8")
    return path


def kept(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{TABLE_PREFIX}*"))


def test_the_table_is_kept_and_read_back_the_same(dictionary: Path, tmp_path: Path, monkeypatch):
    cache = tmp_path / "index"
    built = cached_table(dictionary, cache)
    assert built == load_reversed(dictionary)
    (file,) = kept(cache)
    assert file.name == f"{TABLE_PREFIX}{table_key(dictionary)}.tsv"

    def no_reading(path=None):
        raise AssertionError("the dictionary was read again")

    monkeypatch.setattr(fallback, "read_reversed", no_reading)
    again = cached_table(dictionary, cache)
    assert again == built
    assert list(again) == list(built)  # keys in the same order, headwords too
    assert again["balance"] == ("平衡", "余额")


def test_a_changed_dictionary_is_read_again_and_the_old_table_removed(
    dictionary: Path, tmp_path: Path
):
    cache = tmp_path / "index"
    cached_table(dictionary, cache)
    (old,) = kept(cache)
    dictionary.write_text(LINES + MORE, encoding="utf-8")
    os.utime(dictionary, ns=(1, 1))  # a new size and a new time: another key
    table = cached_table(dictionary, cache)
    assert table["job"] == ("岗位",)
    (new,) = kept(cache)
    assert new != old


def test_a_table_cut_short_or_of_another_key_is_not_read(dictionary: Path, tmp_path: Path):
    table = load_reversed(dictionary)
    key = table_key(dictionary)
    text = table_text(table, key)
    assert read_table_text(text, key) == table
    assert read_table_text(text, "0" * 16) is None
    assert read_table_text(text.rsplit("\n", 2)[0] + "\n", key) is None  # last line lost
    assert read_table_text(text[: text.rindex("\t") + 1], key) is None  # cut in a line
    cache = tmp_path / "index"
    cache.mkdir()
    (cache / f"{TABLE_PREFIX}{key}.tsv").write_text(text[:-20], encoding="utf-8")
    assert cached_table(dictionary, cache) == table  # read from the dictionary instead


def test_a_reader_writes_nothing_and_a_folder_it_cannot_write_costs_the_reading_only(
    dictionary: Path, tmp_path: Path
):
    cache = tmp_path / "index"
    assert cached_table(dictionary, cache, write=False) == load_reversed(dictionary)
    assert not cache.exists()
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")  # a folder cannot be made under a file
    assert cached_table(dictionary, blocked / "index") == load_reversed(dictionary)


def test_threads_asking_at_once_read_the_dictionary_once(
    dictionary: Path, tmp_path: Path, monkeypatch
):
    monkeypatch.setattr(fallback, "_installed", None)
    monkeypatch.setattr(fallback, "dictionary_file", lambda: dictionary)
    reads = []
    real = fallback.read_reversed

    def counted(path=None):
        reads.append(path)
        return real(path)

    monkeypatch.setattr(fallback, "read_reversed", counted)
    go = threading.Barrier(4)
    got = []

    def ask():
        go.wait()
        got.append(installed_table(tmp_path / "index"))

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(reads) == 1 and all(t is got[0] for t in got)
    assert got[0]["sewage"] == ("污水",)
    assert len(kept(tmp_path / "index")) == 1


# English words of the kinds a stranger types: plurals, -ing / -ed, -ization, nouns and
# verbs with many senses, words with none
WORDS = [
    "loan",
    "loans",
    "balance",
    "sewage",
    "accidents",
    "safety",
    "launching",
    "launched",
    "digitalization",
    "power",
    "generation",
    "grain",
    "output",
    "employment",
    "housing",
    "pollution",
    "emissions",
    "forests",
    "tourism",
    "exports",
    "investment",
    "poverty",
    "subsidy",
    "vaccines",
    "hospitals",
    "schools",
    "teachers",
    "farmland",
    "irrigation",
    "railways",
    "highways",
    "ports",
    "electricity",
    "heating",
    "snorkel",
    "flamingos",
]


def test_the_shipped_dictionary_reads_the_same_through_its_kept_table(tmp_path: Path):
    path = dictionary_file()
    assert path is not None
    direct = load_reversed(path)
    built = cached_table(path, tmp_path / "index")
    read_back = cached_table(path, tmp_path / "index")
    assert read_back == direct and built == direct
    for word in WORDS:
        assert candidates(word, read_back) == candidates(word, direct), word
    assert "污水" in candidates("sewage", read_back)


def test_an_engine_keeps_the_table_beside_its_index_and_a_reader_does_not(tmp_path: Path):
    engine = engine_over(
        tmp_path / "w", {"a_2031.txt": "某县2031年统计公报\n全年污水处理率96%。\n"}
    )
    assert engine.searcher.english_cache == engine.settings.index_dir
    assert engine.searcher.english_cache_writable
    reader = type(engine).open_readonly(engine.settings)
    assert reader.searcher.english_cache == engine.settings.index_dir
    assert not reader.searcher.english_cache_writable


def test_the_mcp_server_reads_the_table_as_it_starts_and_writes_nothing(
    tmp_path: Path, monkeypatch
):
    from briefbot.cli.app import state
    from briefbot.cli.mcp_command import open_library

    doc = "某县2031年统计公报\n全年污水处理率96%。\n"
    settings = engine_over(tmp_path / "w", {"a_2031.txt": doc}).settings
    monkeypatch.setattr(fallback, "_installed", None)
    monkeypatch.setattr(state, "settings", settings, raising=False)
    open_library()
    assert fallback._installed  # before the first call, not by it
    assert not kept(settings.index_dir)  # a reader leaves the data folder as it was


def test_code_whose_files_cannot_be_read_reads_the_dictionary_and_keeps_nothing(
    dictionary: Path, tmp_path: Path, monkeypatch
):
    def unreadable(path: Path) -> str:
        raise OSError("a zipped install")

    monkeypatch.setattr(fallback, "table_key", unreadable)
    cache = tmp_path / "index"
    assert cached_table(dictionary, cache) == load_reversed(dictionary)
    assert not cache.exists()


@pytest.mark.heavy
def test_the_two_word_index_is_kept_with_the_table_and_read_back_the_same(tmp_path: Path):
    """The index of two-word senses (rural: 农村 of rural area), built by sorting the
    table's ~51,000 keys on a process's first English compound, is kept in the table's
    file: read back, it is the one built, in the same order, and no sort is done."""
    path = dictionary_file()
    assert path is not None
    direct = load_reversed(path)
    built = fallback._openers(dict(direct))
    cached_table(path, tmp_path / "index")  # written
    read_back = cached_table(path, tmp_path / "index")
    assert fallback._OPENERS[0][0] is read_back  # the index came with the table
    kept_index = fallback._openers(read_back)
    assert kept_index == built and list(kept_index) == list(built)
    assert "农村" in kept_index["rural"]
    words = (*WORDS, "rural", "commercial", "waste", "national", "urban")
    # all of one table's, then all of the other's: the module keeps the index of one table
    # at a time, and alternating would sort the other's keys again at every word
    got = {word: fallback.compound_readings(word, read_back) for word in words}
    assert fallback._OPENERS[0][1] is kept_index  # read back, not sorted again
    want = {word: fallback.compound_readings(word, direct) for word in words}
    for word in words:
        assert got[word] == want[word], word


def test_a_table_whose_two_word_index_is_cut_short_is_not_read(dictionary: Path):
    table = load_reversed(dictionary)
    key = table_key(dictionary)
    text = table_text(table, key)
    header = text.split("\n", 1)[0].split(" ")
    assert header[2:] == [str(len(table)), "1"]  # one two-word sense: waste water
    assert text.endswith("\nwaste\t污水\n")  # the index's line, last
    assert read_table_text(text, key) == table
    assert read_table_text(text.rsplit("\n", 2)[0] + "\n", key) is None  # index lost
    assert read_table_text(text + "waste\t污水\n", key) is None  # a line too many
    assert read_table_text(text.replace(f" {len(table)} 1\n", f" {len(table)}\n"), key) is None


def test_briefbot_index_writes_the_table(tmp_path: Path, monkeypatch):
    """``briefbot index`` leaves the table beside the index, so a read-only MCP server
    started after it reads no dictionary, even in a process that had its table already."""
    from typer.testing import CliRunner

    from briefbot.cli import app

    engine = engine_over(
        tmp_path / "w", {"a_2031.txt": "某县2031年统计公报\n全年污水处理率96%。\n"}
    )
    settings = engine.settings
    for old in kept(settings.index_dir):
        old.unlink()
    monkeypatch.setattr(fallback, "_installed", {"already": ("有",)})  # read before
    base = ["--corpus-dir", str(settings.corpus_dir), "--data-dir", str(settings.data_dir)]
    result = CliRunner().invoke(app, [*base, "index"])
    assert result.exit_code == 0, result.output
    (file,) = kept(settings.index_dir)
    path = dictionary_file()
    assert path is not None and file.name == f"{TABLE_PREFIX}{table_key(path)}.tsv"
    assert read_table_text(file.read_text(encoding="utf-8"), table_key(path))
