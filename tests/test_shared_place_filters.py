"""A name two places share (Suzhou: 苏州 in 江苏, 宿州 in 安徽) as a region filter: the
digest's ``region:``, ``/targets``, ``/compare`` and ``--region`` said nothing while the
search named the candidates. One resolver (:mod:`bot.corpus.gazetteer`) reads a
province or the Chinese name beside it (Jiangsu Suzhou, Suzhou, Jiangsu, 苏州 Suzhou)
and every filter refuses the name alone with its candidates."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bot.corpus.gazetteer import (
    ambiguous_region,
    default_gazetteer,
    latin_places,
    region_word,
    region_words,
)
from bot.corpus.regions import (
    AmbiguousPlace,
    filter_regions,
    place_in_region,
    region_key,
    says_where,
)
from bot.digest.filters import FilterError, parse_filter
from briefbot.cli import app
from fake_telegram import FakeBotApi
from tests.e2e import ask_text, running
from tests.test_subscriptions_e2e import running as subscribed
from tests.test_subscriptions_e2e import store_of

# db_url comes migrated (tests/conftest.py): these tests are the bot's, not the schema's
pytestmark = pytest.mark.migrated_db


@pytest.mark.parametrize(
    ("typed", "place"),
    [
        ("Jiangsu Suzhou", "苏州"),
        ("Suzhou, Jiangsu", "苏州"),
        ("suzhou jiangsu", "苏州"),
        ("苏州 Suzhou", "苏州"),
        ("江苏 Suzhou", "苏州"),
        ("Anhui Suzhou", "宿州"),
        ("Suzhou Anhui Province", "宿州"),
        ("Fujian-Fuzhou", "福州"),
        ("Zhejiang Taizhou", "台州"),
        ("Sichuan", "四川"),
    ],
)
def test_a_province_or_chinese_name_beside_a_shared_name_tells_it(typed: str, place: str):
    assert region_word(typed) == place and ambiguous_region(typed) is None
    assert filter_regions(typed) == [place]
    assert region_key(typed) == place


def test_a_shared_name_alone_is_refused_with_its_candidates():
    assert region_words("Suzhou") == ["Suzhou"]  # names no region
    with pytest.raises(AmbiguousPlace) as caught:
        filter_regions("Suzhou")
    assert caught.value.code == "place.ambiguous"
    assert caught.value.params["name"] == "Suzhou"
    assert set(caught.value.params["places"].split("、")) == {"苏州（江苏）", "宿州（安徽）"}
    assert caught.value.params["example"] in ("Jiangsu Suzhou", "Anhui Suzhou")
    # two provinces named: still not told
    with pytest.raises(AmbiguousPlace):
        filter_regions("Suzhou Jiangsu Anhui")


def test_places_not_shared_keep_their_words():
    assert region_words("四川 成都") == ["四川", "成都"]  # both asked, as before
    assert region_words("Jiangsu") == ["江苏"]  # a province alone is the province
    assert latin_places("Suzhou GDP") == []  # nothing tells it in a query either


def test_a_figure_of_the_place_told_passes_the_filter_and_the_other_does_not():
    assert place_in_region("Jiangsu Suzhou", "苏州")
    assert not place_in_region("Jiangsu Suzhou", "宿州")
    assert not place_in_region("Jiangsu Suzhou", "江苏")  # the province only said where


def test_the_digest_filter_refuses_a_shared_name_and_keeps_the_one_told():
    with pytest.raises(FilterError) as caught:
        parse_filter("GDP region:Suzhou")
    assert caught.value.code == "place.ambiguous" and "宿州（安徽）" in str(caught.value)
    assert parse_filter("region:Suzhou,Jiangsu").regions == ("苏州",)
    assert parse_filter('region:"Anhui Suzhou"').regions == ("宿州",)
    assert parse_filter("region:Sichuan,山东").regions == ("四川", "山东")
    # a filter stored before it was refused still reads (and matches nothing, as it did)
    assert parse_filter("region:Suzhou", check_places=False).regions == ("Suzhou",)


def test_the_library_refuses_a_shared_name_as_a_region(engine):
    with pytest.raises(AmbiguousPlace):
        engine.region_named("Suzhou")
    with pytest.raises(AmbiguousPlace):
        engine.region_named("Suzhou 山东")  # among places: which one is still asked
    assert engine.region_named("Jiangsu Suzhou") == "苏州"
    assert engine.region_named("GDP Suzhou") is None  # an indicator's region: refused there
    with pytest.raises(AmbiguousPlace):
        engine.lookup_indicator("GDP Suzhou")
    with pytest.raises(AmbiguousPlace):
        engine.lookup_targets(region="Suzhou")
    with pytest.raises(AmbiguousPlace):
        engine.documents_of_region("Suzhou")
    assert engine.documents_of_region("Jiangsu Suzhou") == engine.documents_in(region="苏州")
    with pytest.raises(AmbiguousPlace):
        engine.scorecard(region="Suzhou")
    with pytest.raises(AmbiguousPlace):
        engine.report_changes("Suzhou")
    assert engine.scorecard(region="Jiangsu Suzhou").region == "Jiangsu Suzhou"


def test_the_command_line_refuses_a_shared_region_with_its_candidates(corpus_copy, tmp_path):
    base = ["--corpus-dir", str(corpus_copy), "--data-dir", str(tmp_path / "data")]
    runner = CliRunner()
    for args in (
        ["targets", "--region", "Suzhou"],
        ["targets", "--indicator", "GDP Suzhou"],
        ["search", "粮食", "--region", "Suzhou"],
        ["compare", "GDP", "--region", "Suzhou"],
        ["scorecard", "--region", "Suzhou"],
        ["changes", "Suzhou"],
    ):
        said = runner.invoke(app, [*base, *args], env={"COLUMNS": "200"})
        assert said.exit_code == 2, args
        assert "苏州（江苏）" in said.output and "宿州（安徽）" in said.output, args
    told = runner.invoke(app, [*base, "targets", "--region", "Jiangsu Suzhou"])
    assert told.exit_code == 0


async def test_targets_of_a_shared_name_say_the_candidates(server: FakeBotApi, engine) -> None:
    user = server.add_user("Lena")
    english = server.add_user("Eve", language_code="en")
    async with running(server, engine):
        said = await ask_text(server, user, user, "/targets Suzhou")
        assert "Suzhou 可指多个地方" in said and "苏州（江苏）" in said and "宿州（安徽）" in said
        said = await ask_text(server, english, english, "/targets GDP Suzhou")
        assert "Suzhou names more than one place" in said and "苏州（江苏）" in said
        said = await ask_text(server, user, user, "/compare GDP Suzhou")
        assert "宿州（安徽）" in said
        told = await ask_text(server, user, user, "/targets Jiangsu Suzhou")
        assert "可指多个地方" not in told
        for command in ("/scorecard Suzhou", "/changes Suzhou", "/doc Suzhou"):
            said = await ask_text(server, english, english, command)
            assert "Suzhou names more than one place" in said and "宿州（安徽）" in said


async def test_subscribe_to_a_shared_region_says_the_candidates(
    server: FakeBotApi, engine, db_url
) -> None:
    user = server.add_user("Lena")
    async with subscribed(server, engine, db_url) as app:
        said = await ask_text(server, user, user, "/subscribe GDP region:Suzhou")
        assert "Suzhou 可指多个地方" in said and "苏州（江苏）" in said
        assert store_of(app).list_for_chat(user.id) == []
        said = await ask_text(server, user, user, "/subscribe GDP region:Suzhou,Jiangsu")
        assert "✅" in said
        (sub,) = store_of(app).list_for_chat(user.id)
        assert sub.filter.regions == ("苏州",)


@pytest.mark.parametrize(
    ("typed", "regions", "keywords"),
    [
        ("region:Suzhou Jiangsu", ("苏州",), ()),
        ("region:Suzhou Anhui GDP", ("宿州",), ("GDP",)),
        ("region:Suzhou 江苏 投资", ("苏州",), ("投资",)),
        ("region:苏州 江苏", ("苏州",), ()),  # the province only says where
        ("region:成都 Sichuan GDP", ("成都",), ("GDP",)),
        # a word naming another place, a place inside it, or a word that is no place
        ("region:苏州 上海", ("苏州",), ("上海",)),
        ("region:江苏 苏州", ("江苏",), ("苏州",)),
        ("region:苏州 GDP", ("苏州",), ("GDP",)),
        ("GDP region:苏州", ("苏州",), ("GDP",)),
    ],
)
def test_an_unquoted_region_reads_the_province_after_it(typed, regions, keywords):
    found = parse_filter(typed)
    assert (found.regions, found.keywords) == (regions, keywords)


@pytest.mark.parametrize(
    ("typed", "regions", "keywords"),
    [
        ("region:Suzhou jiangsu province", ("苏州",), ()),
        ("region:Suzhou Anhui Province GDP", ("宿州",), ("GDP",)),
        ("region:Chengdu city 投资", ("成都",), ("投资",)),
        ("region:Sichuan province", ("四川",), ()),
        ("region:苏州 市 江苏 省 GDP", ("苏州",), ("GDP",)),
        ("region:Suzhou city Jiangsu", ("苏州",), ()),
        # a word that only begins like a kind of place is a keyword (市场, provinces)
        ("region:苏州 市场", ("苏州",), ("市场",)),
        ("region:四川 provincial", ("四川",), ("provincial",)),
    ],
)
def test_the_kind_of_place_typed_after_a_region_is_part_of_its_name(typed, regions, keywords):
    found = parse_filter(typed)
    assert (found.regions, found.keywords) == (regions, keywords)


def test_a_word_after_a_region_that_is_no_place_of_it_is_not_read_with_it():
    assert parse_filter("region:苏州 +江苏").required == ("江苏",)  # a sign: its own term
    assert parse_filter("region:苏州 region:江苏").regions == ("苏州", "江苏")
    with pytest.raises(FilterError):  # another province tells nothing: still refused
        parse_filter("region:Suzhou Shanghai")
    # a filter stored before is read as it was written
    assert parse_filter("region:苏州 江苏", check_places=False).keywords == ("江苏",)


def test_says_where():
    gazetteer = default_gazetteer()
    assert says_where("Suzhou", "Jiangsu", gazetteer)
    assert says_where("Suzhou", "安徽", gazetteer)
    assert says_where("苏州", "江苏", gazetteer)
    assert not says_where("苏州", "安徽", gazetteer)  # not where 苏州 is
    assert not says_where("苏州", "苏州", gazetteer)
    assert not says_where("江苏", "苏州", gazetteer)
    assert not says_where("苏州", "GDP", gazetteer)


def test_the_command_line_reads_an_unquoted_province_after_a_region(corpus_copy, tmp_path):
    base = ["--corpus-dir", str(corpus_copy), "--data-dir", str(tmp_path / "data")]
    said = CliRunner().invoke(app, [*base, "digest", "region:Suzhou Jiangsu"])
    assert said.exit_code == 0, said.output
    assert "可指多个地方" not in said.output and "宿州" not in said.output


async def test_the_bot_reads_an_unquoted_province_after_a_region(
    server: FakeBotApi, engine, db_url
) -> None:
    user = server.add_user("Lena")
    async with subscribed(server, engine, db_url) as app:
        said = await ask_text(server, user, user, "/subscribe GDP region:Suzhou Jiangsu")
        assert "✅" in said and "可指多个地方" not in said
        (sub,) = store_of(app).list_for_chat(user.id)
        assert (sub.filter.regions, sub.filter.keywords) == (("苏州",), ("GDP",))
        said = await ask_text(server, user, user, "/subscribe region:苏州 江苏")
        assert "✅" in said
        assert [s.filter.regions for s in store_of(app).list_for_chat(user.id)][-1] == ("苏州",)
