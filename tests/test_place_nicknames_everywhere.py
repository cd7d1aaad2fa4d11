"""A province's abbreviation (皖, 黔) and a city's nickname (蓉城) typed as a place: search
read them (``search-quality38``), but ``/targets``, ``/compare``, the digest's ``region:``,
``/subscribe`` and the MCP tools said nothing of the place. One reader
(:func:`bot.corpus.gazetteer.nicknamed_place`) serves every path, with search's guards:
the word typed whole or as a word of its own, never 新, never inside a longer word."""

from __future__ import annotations

import pytest

from bot.corpus.gazetteer import nicknamed_place, region_words
from bot.corpus.regions import filter_regions, place_in_region, region_key
from bot.digest.filters import parse_filter
from bot.library import Engine
from bot.library.target_places import named_places
from bot.subscriptions.commands import places_as_regions
from fake_telegram import FakeBotApi
from mcp_server.library import Library
from tests.conftest import engine_over
from tests.e2e import ask_text, running
from tests.test_subscriptions_e2e import running as subscribed
from tests.test_subscriptions_e2e import store_of

# Invented reports: a province and one of its cities, another province, a city elsewhere.
REPORT = """{name}2025年政府工作报告
一、2025年工作安排
2025年经济社会发展的主要预期目标是：地区生产总值增长{gdp}%左右，城镇新增就业{jobs}万人以上。
"""
DOCS = {
    "anhui.txt": REPORT.format(name="安徽省", gdp="5.6", jobs="66"),
    "hefei.txt": REPORT.format(name="合肥市", gdp="6.3", jobs="21"),
    "guizhou.txt": REPORT.format(name="贵州省", gdp="5.1", jobs="61"),
    "chengdu.txt": REPORT.format(name="成都市", gdp="5.7", jobs="27"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("nicknames"), DOCS)


def _regions(rows) -> set[str]:
    return {r.record.region for r in rows}


@pytest.mark.parametrize(
    ("typed", "place"),
    [("皖", "安徽"), ("黔", "贵州"), (" 川 ", "四川"), ("蓉城", "成都"), ("鹏城", "深圳")],
)
def test_an_abbreviation_or_nickname_typed_whole_is_the_place(typed: str, place: str):
    assert nicknamed_place(typed) == place
    assert region_words(typed) == [place] == filter_regions(typed) == named_places(typed)
    assert region_key(typed) == place
    assert parse_filter(f"region:{typed.strip()}").regions == (place,)


@pytest.mark.parametrize("typed", ["新", "川渝", "皖企", "卫星城", "榕城", "山东", "Sichuan"])
def test_the_guards_search_keeps_keep_everywhere(typed: str):
    # 新 opens words (新 能源); a character inside a word is no place; 榕城 is also
    # 揭阳's 榕城区, which a region filter read before: it stays that district
    assert nicknamed_place(typed) is None
    assert region_key("榕城") == "榕城" and place_in_region("榕城", "榕城区")


def test_several_nicknames_in_one_value_are_each_read():
    assert region_words("皖 赣") == ["安徽", "江西"]
    assert parse_filter("region:蓉城,鹏城").regions == ("成都", "深圳")
    assert places_as_regions(["皖", "GDP"]) == ["region:安徽", "GDP"]
    assert places_as_regions(["川渝", "GDP"]) == ["川渝", "GDP"]


def test_a_digest_filter_on_an_abbreviation_finds_the_province_and_its_cities(engine):
    found = engine.filter_targets("region:皖 kind:all")
    assert _regions(found.rows) == {"安徽", "合肥"}


def test_targets_and_compare_read_the_place_in_the_library(engine):
    assert engine.region_named("蓉城") == "成都"
    assert engine.region_named("皖 黔") == "安徽 贵州"
    assert _regions(engine.lookup_targets(indicator="GDP", kind="all", region="黔").rows) == {
        "贵州"
    }


def test_the_mcp_tools_read_the_place(engine):
    library = Library(engine)
    got = library.compare("GDP", region="黔")
    assert {r.region for r in got.records} == {"贵州"}
    assert not any("No document in the library" in n for n in got.notes)
    assert {r.region for r in library.targets("region:蓉城 kind:all").records} == {"成都"}
    # an abbreviation no reader takes (新) is said as a region no document is about
    assert "No document in the library is about 新" in " | ".join(
        library.compare("GDP", region="新").notes
    )


async def test_the_bot_reads_the_place_in_targets_and_compare(
    server: FakeBotApi, engine: Engine
) -> None:
    user = server.add_user("Lena")
    async with running(server, engine):
        said = await ask_text(server, user, user, "/targets 蓉城")
        assert "成都" in said and "5.7" in said and "贵州" not in said
        said = await ask_text(server, user, user, "/compare GDP region:黔")
        assert "贵州" in said and "5.1" in said and "成都" not in said
        # 新 is read by no path (新 能源): the place no figure is about, said as before
        said = await ask_text(server, user, user, "/compare GDP region:新")
        assert said == "“GDP”有数据，但没有关于“新”的。"


@pytest.mark.migrated_db
async def test_subscribe_reads_the_place(server: FakeBotApi, engine: Engine, db_url) -> None:
    user = server.add_user("Lena")
    async with subscribed(server, engine, db_url) as app:
        said = await ask_text(server, user, user, "/subscribe GDP region:蓉城")
        assert "✅" in said
        said = await ask_text(server, user, user, "/subscribe 皖 就业")
        assert "✅" in said
        regions = [s.filter.regions for s in store_of(app).list_for_chat(user.id)]
        assert regions == [("成都",), ("安徽",)]


def test_the_chat_place_and_the_english_reply_read_the_place():
    from bot.corpus.gazetteer import default_gazetteer
    from bot.corpus.home import HomePlaceError, resolve_home
    from bot.digest.english import place_name

    gazetteer = default_gazetteer()
    assert resolve_home("蓉城", gazetteer).name == "成都市"
    assert resolve_home("皖", gazetteer).name == "安徽省"
    assert resolve_home("榕城", gazetteer).name == "榕城区"  # the district, as before
    with pytest.raises(HomePlaceError):
        resolve_home("新", gazetteer)
    assert (place_name("黔"), place_name("蓉城、鹏城")) == ("Guizhou", "Chengdu, Shenzhen")
    assert place_name("新") == "新"
