"""The indicator table: loading, canonical names, groups, longest-alias matching."""

from __future__ import annotations

import tomllib

import pytest

from bot.config import PROJECT_ROOT
from bot.targets.indicators import DEFAULT_PATH, IndicatorTable, default_table, name_class


@pytest.fixture(scope="module")
def table() -> IndicatorTable:
    return IndicatorTable.load()


def test_default_path_is_the_project_config():
    assert DEFAULT_PATH == PROJECT_ROOT / "config" / "indicators.toml"
    assert default_table() is default_table()  # loaded once per process


def test_every_canonical_name_and_alias_is_loaded(table):
    data = tomllib.loads(DEFAULT_PATH.read_text(encoding="utf-8"))["indicators"]
    for name, entry in data.items():
        assert table.canonical(name) == name
        assert table.group(name) == entry["group"]
        for alias in entry["aliases"]:
            assert table.canonical(alias) == name


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("规上工业增加值", "规模以上工业增加值"),
        ("规模以上工业增加值", "规模以上工业增加值"),
        ("GDP", "地区生产总值"),
        ("经济总量", "地区生产总值"),
        ("全国GDP", "国内生产总值"),
        ("“四上”企业", "四上企业"),  # quotes do not matter
        ("四上企业", "四上企业"),
    ],
)
def test_canonical_names(table, surface, canonical):
    assert table.canonical(surface) == canonical


def test_unknown_names(table):
    assert table.canonical("城镇调查失业率") is None
    assert table.group("城镇调查失业率") == "other"
    assert "城镇调查失业率" not in table
    assert "地区生产总值" in table


def test_longest_alias_wins(table):
    text = "全社会研发经费投入占GDP比重达到2.5%"
    (m,) = table.find_all(text)
    assert m.canonical == "研发经费投入强度"
    assert text[m.start : m.end] == "全社会研发经费投入占GDP比重"


def test_all_aliases_at_a_position_longest_first(table):
    text = "省市级重点项目完成投资2607亿元"
    found = table.matches_at(text, 0)
    assert [m.canonical for m in found] == ["省市级重点项目完成投资", "省市级重点项目"]


def test_matching_skips_quotes_inside_the_text(table):
    text = "新增“四上”企业2598家"
    (m,) = table.find_all(text)
    assert m.canonical == "四上企业"
    assert text[m.start : m.end] == "“四上”企业"


def test_build_from_plain_mappings():
    t = IndicatorTable.build({"粮食产量": "industry"}, {"粮食总产量": "粮食产量"})
    assert t.canonical("粮食总产量") == "粮食产量"
    assert t.canonical("粮食产量") == "粮食产量"
    assert IndicatorTable.empty().canonical("粮食产量") is None


def test_load_from_another_path(tmp_path):
    path = tmp_path / "ind.toml"
    path.write_text(
        '[indicators."城镇调查失业率"]\ngroup = "employment"\naliases = ["调查失业率"]\n',
        encoding="utf-8",
    )
    t = IndicatorTable.load(path)
    assert t.canonical("调查失业率") == "城镇调查失业率"
    assert t.group("城镇调查失业率") == "employment"


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        ("省市级重点项目完成投资", "amount"),
        ("高新技术产业产值占比", "ratio"),
        ("森林覆盖率", "ratio"),
        ("海绵城市面积", "area"),
        ("全国消费者满意度测评排名", "rank"),
        ("清洁能源装机容量", "capacity"),
        ("高新技术企业", "count"),
    ],
)
def test_name_class(name, cls):
    assert name_class(name) == cls
