"""English topic and indicator words read as Chinese terms (bot.text.english)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.targets.indicators import IndicatorTable
from bot.text.english import english_terms, load_glossary, singular, with_chinese_terms

GLOSSARY = {
    "grain output": "粮食产量",
    "employment": "就业",
    "unemployment": "失业率",
    "per capita disposable income": "居民人均可支配收入",
    "income": "收入",
    "fixed asset investment": "固定资产投资",
    "job": "就业",
    "industry": "工业",
}


@pytest.mark.parametrize(
    ("word", "one"),
    [
        ("jobs", "job"),
        ("Industries", "industry"),
        ("taxes", "tax"),
        ("business", "business"),
        ("bonus", "bonus"),
        ("analysis", "analysis"),
        ("gas", "gas"),
        ("GDP", "gdp"),
    ],
)
def test_singular_takes_off_simple_plural_endings(word: str, one: str) -> None:
    assert singular(word) == one


def test_multi_word_form_is_one_term_and_the_longest_wins() -> None:
    assert with_chinese_terms("per capita disposable income 2026", GLOSSARY) == (
        "居民人均可支配收入 2026"
    )
    assert with_chinese_terms("income Hunan", GLOSSARY) == "收入 Hunan"
    assert with_chinese_terms("Grain Output of Hebei", GLOSSARY) == "粮食产量 of Hebei"


def test_plurals_hyphens_and_case() -> None:
    assert with_chinese_terms("JOBS in Gansu", GLOSSARY) == "就业 in Gansu"
    assert with_chinese_terms("fixed-asset investment", GLOSSARY) == "固定资产投资"
    assert with_chinese_terms("emerging industries", GLOSSARY) == "emerging 工业"


def test_whole_words_only() -> None:
    # a form inside a longer word, or glued to figures, is no form
    assert english_terms("unemployments", {"employment": "就业"}) == []
    assert english_terms("jobseeker job2", GLOSSARY) == []
    assert with_chinese_terms("unemployment", GLOSSARY) == "失业率"


def test_chinese_text_and_words_not_in_the_glossary_stay() -> None:
    assert with_chinese_terms("四川 GDP 2026 目标", GLOSSARY) == "四川 GDP 2026 目标"
    assert with_chinese_terms("grain", GLOSSARY) == "grain"
    assert with_chinese_terms("output grain", GLOSSARY) == "output grain"


def test_forms_apart_by_other_words_are_not_joined() -> None:
    assert with_chinese_terms("grain, output", GLOSSARY) == "grain, output"


def test_glossary_file_format(tmp_path: Path) -> None:
    path = tmp_path / "english.txt"
    path.write_text(
        "# comment\n粮食产量 = grain output, Grain Harvests\n"
        "就业 = employment\n收入 = employment\n",
        encoding="utf-8",
    )
    glossary = load_glossary(path)
    assert glossary == {
        "grain output": "粮食产量",
        "grain harvest": "粮食产量",
        "employment": "就业",
    }


def test_bundled_glossary_terms_the_trial_typed() -> None:
    assert with_chinese_terms("employment Guizhou") == "就业 Guizhou"
    assert with_chinese_terms("grain output Ningxia") == "粮食产量 Ningxia"
    assert with_chinese_terms("surveyed urban unemployment rate") == "城镇调查失业率"
    assert with_chinese_terms("new urban jobs") == "新增城镇就业"


@pytest.mark.parametrize("word", ["man", "long", "gun", "fan", "ran", "hang", "target", "GDP"])
def test_bundled_glossary_leaves_other_words(word: str) -> None:
    assert with_chinese_terms(f"{word} 2026") == f"{word} 2026"


def test_bundled_glossary_terms_are_known_to_the_indicator_table() -> None:
    """Every Chinese term the glossary gives for an indicator word is a name the table
    knows or a word inside some alias (失业率 in 城镇调查失业率): a lookup finds it."""
    table = IndicatorTable.load()
    terms = set(load_glossary().values())
    for term in ("粮食产量", "城镇调查失业率", "居民消费价格", "森林覆盖率", "人均预期寿命"):
        assert term in terms
        assert table.known_name(term) is not None, term


def test_indicator_table_knows_english_names() -> None:
    table = IndicatorTable.load()
    assert table.known_name("grain output") == "粮食产量"
    assert table.known_name("Forest Coverage") == "森林覆盖率"
    assert table.family(table.known_name("retail sales") or "") == table.family(
        "社会消费品零售总额"
    )
    # an abbreviation the table writes itself is kept as typed
    assert table.known_name("gdp") == "GDP"
    assert table.known_name("no such thing") is None


def test_bundled_glossary_leaves_the_abbreviations_the_synonyms_and_table_know() -> None:
    """An English form that is itself a synonym term or an indicator alias (FDI, NEV, GDP)
    already finds its group; read as another Chinese term it would find another one."""
    from bot.config import PROJECT_ROOT
    from bot.text.synonyms import Synonyms

    synonyms = Synonyms.from_files([PROJECT_ROOT / "config/dictionaries/synonyms.txt"])
    table = IndicatorTable.load()
    for form in load_glossary():
        for typed in (form, form.upper()):
            assert typed not in synonyms, typed
            assert table.canonical(typed) is None, typed


def test_the_glossary_is_the_one_config_names() -> None:
    from bot.config import PROJECT_ROOT
    from bot.text.english import GLOSSARY_FILE

    assert GLOSSARY_FILE.resolve() == (PROJECT_ROOT / "config/dictionaries/english.txt").resolve()
