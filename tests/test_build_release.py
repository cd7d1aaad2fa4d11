"""An index build lets go of the extraction's word sets and naming segmenter before its
compile (the 100 MB build's peak), and what is read again is the same."""

from __future__ import annotations

import bot.search.indexer as indexer_mod
from bot.library import Engine, make_indexer
from bot.targets import dict_words
from bot.targets.naming import words as naming_words
from bot.targets.store import TargetStore
from tests.conftest import make_settings

NEW_DOC = "# 某县2031年政府工作报告\n\n一、主要目标\n\n全县新建冷链仓库12座，蔬菜产量增长8%。\n"


def test_release_forgets_the_word_sets_and_reads_the_same_again() -> None:
    verbs, twos, ones = (
        dict_words.plain_verbs(),
        dict_words._two_char_words(),
        dict_words.one_character_verbs(),
    )
    nouns = dict_words.dict_words("n")
    dict_words.release()
    for cached in (dict_words.plain_verbs, dict_words._two_char_words, dict_words.dict_words):
        assert cached.cache_info().currsize == 0
    assert dict_words._common_words.cache_info().currsize == 0
    assert dict_words.plain_verbs() == verbs and dict_words.plain_verbs() is not verbs
    assert dict_words._two_char_words() == twos
    assert dict_words.one_character_verbs() == ones
    assert dict_words.dict_words("n") == nouns
    assert dict_words.is_verb("推广") and dict_words.is_two_char_word("存款")


def test_the_naming_segmenter_made_again_cuts_the_same() -> None:
    sentence = "全县新建高标准农田5万亩，农村居民人均可支配收入增长7%"
    first = naming_words._segmenter()
    cut, tagged = first.cut(sentence, True), first.tag(sentence, True)
    naming_words.release_segmenter()
    assert naming_words._segmenter.cache_info().currsize == 0
    again = naming_words._segmenter()
    assert again is not first
    assert again.cut(sentence, True) == cut and again.tag(sentence, True) == tagged


def _record_steps(monkeypatch, steps: list[str]) -> None:
    real_release, real_compile = TargetStore.release, indexer_mod.compile_index
    real_derive = TargetStore.derive

    def derive(self, doc):
        steps.append("derive")
        return real_derive(self, doc)

    def release(self):
        steps.append("release")
        return real_release(self)

    def compile_index(*args, **kwargs):
        steps.append("compile")
        return real_compile(*args, **kwargs)

    monkeypatch.setattr(TargetStore, "derive", derive)
    monkeypatch.setattr(TargetStore, "release", release)
    monkeypatch.setattr(indexer_mod, "compile_index", compile_index)


def test_a_build_releases_once_after_extracting_and_before_compiling(
    corpus_copy, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(indexer_mod, "RELEASE_AFTER_BYTES", 1)  # the small corpus as a large one
    steps: list[str] = []
    _record_steps(monkeypatch, steps)
    settings = make_settings(corpus_copy, tmp_path / "data")
    engine = Engine.open(settings)
    assert steps == ["derive"] * 5 + ["release", "compile"]
    assert dict_words.plain_verbs.cache_info().currsize == 0  # let go, not read again
    assert naming_words._segmenter.cache_info().currsize == 0
    assert engine.targets()  # the records were written before the sets went

    steps.clear()
    (corpus_copy / "new.md").write_text(NEW_DOC, encoding="utf-8")
    make_indexer(settings).refresh()
    assert steps == ["derive", "release", "compile"]


def test_a_refresh_that_extracts_nothing_keeps_the_sets(corpus_copy, tmp_path, monkeypatch):
    settings = make_settings(corpus_copy, tmp_path / "data")
    Engine.open(settings)
    steps: list[str] = []
    _record_steps(monkeypatch, steps)
    dict_words.plain_verbs()
    next(corpus_copy.glob("*.txt")).unlink()  # one removed: a compile, no extraction
    make_indexer(settings).refresh()
    assert steps == ["compile"]
    assert dict_words.plain_verbs.cache_info().currsize == 1


def test_a_small_refresh_keeps_the_sets_for_the_next_upload(corpus_copy, tmp_path, monkeypatch):
    # the bundled corpus is far below the threshold: an upload after it reads nothing again
    assert sum(p.stat().st_size for p in corpus_copy.iterdir()) < indexer_mod.RELEASE_AFTER_BYTES
    steps: list[str] = []
    _record_steps(monkeypatch, steps)
    settings = make_settings(corpus_copy, tmp_path / "data")
    Engine.open(settings)
    assert steps == ["derive"] * 5 + ["compile"]
    assert dict_words.plain_verbs.cache_info().currsize == 1
