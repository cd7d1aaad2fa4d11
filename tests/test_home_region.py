"""A chat's own place (/region): finding it in the gazetteer, reading 我县 / 本市 / 本省 in
a query for it, storing it, and the migration that adds its table. Invented queries."""

from __future__ import annotations

from functools import partial

import pytest
from sqlalchemy import text

from bot.corpus.gazetteer import candidates_said, default_gazetteer
from bot.corpus.home import HomePlaceError, home_by_code, resolve_home
from bot.models import HomeRegion
from bot.search.home_words import home_words, place_for, read_home
from bot.storage import Database
from bot.storage.home_regions import HomeRegionStore
from tests.conftest import utc_literal


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


@pytest.fixture(scope="module")
def county(gazetteer) -> HomeRegion:
    return resolve_home("苍溪县", gazetteer)


# -- finding the place --------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["苍溪县", "苍溪", "四川 苍溪", "广元市苍溪县", "四川省，苍溪县"])
def test_a_county_is_found_typed_alone_or_after_what_holds_it(gazetteer, typed):
    home = resolve_home(typed, gazetteer)
    assert (home.name, home.county, home.city, home.province) == ("苍溪县", "苍溪", "广元", "四川")
    assert home.path == ("四川", "广元", "苍溪")


def test_a_city_and_a_province_have_no_narrower_levels(gazetteer):
    city = resolve_home("广元市", gazetteer)
    assert (city.county, city.city, city.province) == (None, "广元", "四川")
    province = resolve_home("四川省", gazetteer)
    assert (province.county, province.city, province.province) == (None, None, "四川")


def test_a_municipality_is_its_own_city_for_its_districts(gazetteer):
    district = resolve_home("北京市朝阳区", gazetteer)
    assert (district.county, district.city, district.province) == ("朝阳", "北京", "北京")


def test_a_name_several_places_share_is_answered_with_the_candidates(gazetteer):
    with pytest.raises(HomePlaceError) as shared:
        resolve_home("鼓楼区", gazetteer)
    assert shared.value.code == "home.ambiguous"
    places = shared.value.params["places"]
    # two of them in one province: told apart by their city
    assert "鼓楼区（江苏南京）" in places and "鼓楼区（江苏徐州）" in places
    assert "鼓楼区（福建福州）" in places
    # the province typed before it narrows, here still to two
    with pytest.raises(HomePlaceError) as two:
        resolve_home("江苏 鼓楼", gazetteer)
    assert "福建" not in two.value.params["places"]
    assert resolve_home("福建 鼓楼区", gazetteer).city == "福州"


def test_one_reader_says_every_candidate_place(gazetteer):
    """The /region candidates and a filter's shared English name are said by one reader:
    a place with what holds it in brackets, a place nothing holds by its name alone."""
    (gulou,) = [p for p in gazetteer.lookup("鼓楼区") if "南京" in gazetteer.held_by(p)]
    assert gazetteer.held_by(gulou) == "江苏南京"
    (province,) = [p for p in gazetteer.lookup("四川") if p.level == "provincial"]
    assert gazetteer.held_by(province) == ""
    said = candidates_said([("苏州", "江苏"), ("鼓楼区", "江苏南京"), ("四川省", "")])
    assert said == "苏州（江苏）、鼓楼区（江苏南京）、四川省"


def test_a_name_that_is_no_place_is_refused(gazetteer):
    with pytest.raises(HomePlaceError) as none:
        resolve_home("火星基地", gazetteer)
    assert none.value.code == "home.unknown"
    with pytest.raises(HomePlaceError):
        resolve_home("  ", gazetteer)


# -- reading the words --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "read"),
    [
        ("我县 小麦播种面积", "苍溪县 小麦播种面积"),
        ("本县今年新增就业多少人", "苍溪县 今年新增就业多少人"),
        ("全县森林覆盖率", "苍溪县 全县森林覆盖率"),
        ("请问我县的养老床位", "请问 苍溪县 的养老床位"),
        ("我市 城镇化率", "广元 城镇化率"),
        ("全市 旅游收入", "广元 全市 旅游收入"),
        ("本省 高速公路里程", "四川 高速公路里程"),
        ("我省和全国的目标", "四川 和全国的目标"),
        ("本地 猕猴桃产业", "苍溪县 猕猴桃产业"),
        ("我们这里的乡村振兴", "苍溪县 的乡村振兴"),
        ("本地的茶叶产量", "苍溪县 的茶叶产量"),
        ("在我县实施的项目", "在 苍溪县 实施的项目"),
    ],
)
def test_home_words_name_the_place_of_their_level(county, query, read):
    found = read_home(query, county)
    assert found.text == read
    assert not found.unset and found.said


@pytest.mark.parametrize(
    "query",
    [
        "资本市场 改革",
        "安全生产 目标",
        "完全县域",
        "本地化 服务",
        "日本市场",
        "全省份 排名",
        "基本市情",
        # a word of its own opened by 本地 / 当地
        "零件 本地配套率 提高到多少",
        "当地政府 债务",
        # the yardstick of a rank or a share: a phrase the documents write
        "增速 全省排名第几",
        "居全市前列的产业",
        "服务业 占全县比重",
        "收入 高于全省平均",
        "在全省范围推广",
    ],
)
def test_words_that_only_contain_the_characters_are_left_alone(county, query):
    assert home_words(query) == []
    assert read_home(query, county).text == query
    assert read_home(query, None).unset is False


def test_without_a_place_the_words_are_left_out_and_said_unset():
    found = read_home("我县 小麦播种面积", None)
    assert found.text == "小麦播种面积"
    assert found.unset and found.said == ("我县",)
    # nothing but the word: kept, there would be nothing to search
    alone = read_home("本市", None)
    assert alone.text == "本市" and alone.unset


@pytest.mark.parametrize(
    "query", ["全省生产总值 增长", "全市上下 共同努力", "全省经济工作会议", "全县 粮食产量"]
)
def test_without_a_place_the_whole_of_words_stay_as_typed(query):
    # 全省, 全市, 全县 open the documents' own phrases: a search without a place set
    # keeps them, with no hint to set one
    found = read_home(query, None)
    assert found.text == query and not found.unset


def test_a_filter_still_reads_the_whole_of_words_as_the_place(county):
    assert read_home("全县 粮食产量", county, as_filter=True).text == "region:苍溪县 粮食产量"


def test_a_query_naming_a_place_of_its_own_keeps_its_home_words(gazetteer, county):
    """河湾 全市生产总值: 全市 is 河湾's, not the chat's city, and needs no place set."""
    seen: list[str] = []

    def names_place(rest: str) -> bool:
        seen.append(rest)
        return any(p.place.level != "provincial" for p in gazetteer.mentions(rest))

    for home in (county, None):
        kept = read_home("泸州 全市生产总值", home, names_place=names_place)
        assert kept == read_home("泸州 全市生产总值", None, names_place=lambda _: True)
        assert kept.text == "泸州 全市生产总值" and not kept.unset
    assert seen[0] == "泸州  生产总值"  # asked of the text without the home words
    read = read_home("全市生产总值", county, names_place=names_place)
    assert read.text == "广元 全市生产总值"


def test_a_word_of_a_level_the_place_lacks_is_left_out(gazetteer):
    province = resolve_home("四川", gazetteer)
    found = read_home("我县 粮食 我省", province)
    assert found.text == "粮食 四川"
    assert not found.unset


def test_district_words_name_a_district_or_an_autonomous_region(gazetteer):
    district = resolve_home("北京市朝阳区", gazetteer)
    assert place_for("district", district) == "朝阳区"
    assert place_for("city", district) == "北京"
    nanning = resolve_home("南宁市", gazetteer)
    assert place_for("district", nanning) == "广西"  # 我区 in Guangxi: the region
    assert place_for("district", resolve_home("苍溪县", gazetteer)) is None


def test_a_county_level_city_is_its_own_city(gazetteer):
    kunshan = resolve_home("昆山市", gazetteer)
    assert read_home("我市 GDP", kunshan).text == "昆山市 GDP"
    assert read_home("我省 GDP", kunshan).text == "江苏 GDP"


# -- storage --------------------------------------------------------------------------------


def test_the_store_keeps_sets_and_clears_a_chats_place(db, gazetteer, county):
    store = HomeRegionStore(db, partial(home_by_code, gazetteer=gazetteer))
    assert store.get(-100) is None
    store.set(-100, county, by=7)
    assert store.get(-100) == county
    city = resolve_home("广元", gazetteer)
    store.set(-100, city, by=8)  # set again: one row, the later place
    assert store.get(-100) == city
    assert store.get(42) is None  # another chat
    store.set(-100, None)
    assert store.get(-100) is None


def test_migration_0011_adds_the_table_and_keeps_existing_rows(db_url, gazetteer, county):
    db = Database(db_url)  # no automatic upgrade
    try:
        db.upgrade("0010")
        at = utc_literal(db, "2026-05-01 08:00:00.000000")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO chat_timezones (chat_id, timezone, updated_at)"
                    " VALUES (1, 'Asia/Shanghai', :at)"
                ),
                {"at": at},
            )
            conn.execute(
                text(
                    "INSERT INTO language_preferences (scope, target_id, language, updated_by,"
                    " updated_at) VALUES ('chat', 1, 'en', NULL, :at)"
                ),
                {"at": at},
            )
        db.upgrade("0011")
        assert db.current_revision() == "0011"
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT chat_id, timezone FROM chat_timezones")).all() == [
                (1, "Asia/Shanghai")
            ]
            assert conn.execute(text("SELECT language FROM language_preferences")).all() == [
                ("en",)
            ]
        HomeRegionStore(db, partial(home_by_code, gazetteer=gazetteer)).set(1, county)
        assert HomeRegionStore(db, partial(home_by_code, gazetteer=gazetteer)).get(1) == county
        db.downgrade("0010")  # and back down: the table goes, the other rows stay
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM chat_timezones")).scalar() == 1
    finally:
        db.close()
