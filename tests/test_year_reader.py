"""One year reader in the core (``bot.text.years``) for the search's understanding and
the words of a key-target request: ``/targets GDP 二〇二四年`` named no year while the
search read ``二〇二四年`` as 2024."""

from __future__ import annotations

import pytest

from bot.corpus.gazetteer import default_gazetteer
from bot.library.arguments import region_year
from bot.search.understand import understand
from bot.text.years import YEAR_RE, read_year, year_of
from fake_telegram import FakeBotApi
from tests.e2e import ask_text, running

FORMS = [
    ("2024", 2024),
    ("2024年", 2024),
    ("２０２４年", 2024),
    ("二〇二四年", 2024),
    ("二〇二四", 2024),
    ("二零二四年", 2024),
    ("二○二四", 2024),
    ("一九九九年", 1999),
    ("2030年底", 2030),
]
NOT_YEARS = [
    "24",
    "300",
    "1899",
    "2100",
    "二一〇〇年",
    "一八九九",
    "二〇二四五",
    "2024.5",
    "百分之五",
]


@pytest.mark.parametrize(("word", "year"), FORMS)
def test_every_form_is_the_same_year_on_both_paths(word: str, year: int) -> None:
    assert read_year(word) == year
    assert region_year([word]) == (None, year, False)  # /targets, /compare, --year
    query = understand(f"山东 {word} 地区生产总值", gazetteer=default_gazetteer(), known_regions=())
    assert query.facets.year == year and query.rest == "地区生产总值"


@pytest.mark.parametrize("word", NOT_YEARS)
def test_outside_the_bounds_is_no_year_on_either_path(word: str) -> None:
    assert read_year(word) is None and region_year([word]) == (word or None, None, False)
    query = understand(f"山东 {word} 粮食", gazetteer=default_gazetteer(), known_regions=())
    assert query.facets.year is None


def test_relative_years_only_against_a_reference_year() -> None:
    assert read_year("今年") is None and read_year("去年") is None
    assert read_year("今年", this_year=2026) == 2026
    assert read_year("去年", this_year=2026) == 2025
    assert read_year("明年", this_year=2026) == 2027
    # 上年 is a document's base (比上年增长), never a year asked about
    assert read_year("上年", this_year=2026) is None


def test_a_year_inside_a_text_is_found_where_a_figure_does_not_go_on() -> None:
    found = [year_of(m) for m in YEAR_RE.finditer("二〇二四年比2020年增长一九九八五人")]
    assert found == [2024, 2020]


def test_a_request_reads_a_chinese_numeral_year_and_keeps_the_other_words() -> None:
    assert region_year(["GDP", "山东", "二〇二五年", "all"]) == ("GDP 山东", 2025, True)


async def test_targets_read_a_year_in_chinese_numerals(server: FakeBotApi, engine) -> None:
    user = server.add_user("Lena")
    async with running(server, engine):
        arabic = await ask_text(server, user, user, "/targets GDP 2024")
        for typed in ("二〇二四年", "二零二四"):
            said = await ask_text(server, user, user, f"/targets GDP {typed}")
            assert "没有找到" not in said and "指标：GDP · 2024年" in said
            assert said == arabic
