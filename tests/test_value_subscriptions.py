"""A value condition in a subscription's filter: ``/subscribe GDP 高于5%`` stores ``GDP
value:>5%`` (read by :mod:`bot.targets.conditions`, the reader ``/compare`` uses), the
digest holds the figures passing it, ``/subscriptions`` says it in words, a condition the
reader cannot read is refused as ``/compare`` refuses it. Invented records and documents."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bot.digest.filters import FilterError, describe, format_filter, matches, parse_filter
from bot.library import Engine
from bot.subscriptions.commands import parse_subscribe, typed_filter
from bot.targets.records import TargetRecord
from briefbot.cli import app
from fake_telegram import FakeBotApi
from handlers.i18n.errors import error_text
from tests.conftest import engine_over
from tests.e2e import ask_text

# db_url comes migrated (tests/conftest.py): these tests are the bot's, not the schema's
pytestmark = pytest.mark.migrated_db


def _record(value: float | None, unit: str = "%", value_max: float | None = None) -> TargetRecord:
    return TargetRecord(
        doc="d.txt",
        section="主要目标",
        sentence="全市地区生产总值增长若干。",
        indicator="地区生产总值",
        value=value,
        value_text="若干",
        unit=unit,
        qualifier="左右",
        change="增长",
        year="2031",
        region="某市",
        kind="target",
        value_max=value_max,
    )


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("GDP 高于5%", "GDP value:>5%"),
        ("GDP >5", "GDP value:>5"),
        ("GDP >= 5%", "GDP value:>=5%"),
        ("GDP above 5%", "GDP value:>5%"),
        ("GDP at least 6.5 percent", "GDP value:>=6.5%"),
        ("GDP 5%以上", "GDP value:>=5%"),
        ("GDP增速不低于5%", "GDP增速 value:>=5%"),  # the words before it stay a keyword
        ("四川 GDP 低于3%", "region:四川 GDP value:<3%"),
        ("GDP 2030 <=3", "GDP year:2030 value:<=3"),
        ('"高于5%" +不低于6% region:四川', '"高于5%" +不低于6% region:四川'),
        ("turnover over", "turnover over"),  # over with no number after it is a word
    ],
)
def test_a_typed_condition_is_stored_as_value(typed: str, read: str) -> None:
    assert typed_filter(typed) == read
    stored = parse_subscribe(f"{typed} 08:00", default_time="08:00").filter_text
    assert stored == format_filter(parse_filter(read))


def test_the_stored_form_reads_back_and_is_said_in_words() -> None:
    stored = parse_subscribe("GDP 高于5%", default_time="08:00").filter_text
    assert stored == "GDP value:>5%"
    flt = parse_filter(stored)
    assert format_filter(flt) == stored and parse_filter(format_filter(flt)) == flt
    assert describe(flt) == "关键词：GDP；数值：高于 5%"
    assert describe(flt, "en") == "keywords: GDP; value: above 5%"
    assert describe(parse_filter("数值:不低于5%")) == "数值：不低于 5%"


@pytest.mark.parametrize(
    ("condition", "passing", "failing"),
    [
        (">5%", [_record(5.5), _record(5.5, value_max=6)], [_record(5), _record(4.5, value_max=6)]),
        (">=5%", [_record(5), _record(5, value_max=5.5)], [_record(4.9), _record(4, value_max=5)]),
        ("<3%", [_record(2.5), _record(1, value_max=2)], [_record(3), _record(2, value_max=3.5)]),
        ("<=3", [_record(3), _record(3, unit="亿元")], [_record(3.5), _record(2, value_max=4)]),
        # a unit typed is the unit compared; a hidden figure (x.x%) passes nothing
        (">5%", [], [_record(600, unit="亿元"), _record(None)]),
    ],
)
def test_the_digest_keeps_the_records_whose_value_passes(
    condition: str, passing: list[TargetRecord], failing: list[TargetRecord]
) -> None:
    flt = parse_filter(f"地区生产总值 value:{condition}")
    assert all(matches(r, None, flt) for r in passing)
    assert not any(matches(r, None, flt) for r in failing)
    assert all(matches(r, None, parse_filter("地区生产总值")) for r in passing + failing)


@pytest.mark.parametrize(
    ("typed", "code", "said"),
    [
        ("GDP 高于", "condition.malformed", "看不懂数值条件“高于”"),
        ("GDP >abc", "condition.malformed", "看不懂数值条件“>abc”"),
        ("GDP value:5%", "condition.malformed", "看不懂数值条件“5%”"),
        ("GDP >5 <8", "condition.two", "一次只能给一个数值条件"),
        ("GDP >5 region:四川 低于8%", "condition.two", "一次只能给一个数值条件"),
        ("GDP value:>5 高于6%", "condition.two", "一次只能给一个数值条件"),
    ],
)
def test_a_condition_that_cannot_be_read_is_refused_as_compare_refuses_it(
    typed: str, code: str, said: str
) -> None:
    with pytest.raises(FilterError) as caught:
        parse_subscribe(typed, default_time="08:00")
    assert caught.value.code == code
    assert error_text(caught.value, "zh").startswith(said)


def test_an_old_row_holding_a_condition_as_a_keyword_reads_as_before() -> None:
    """Before, ``/subscribe GDP >5`` stored ``GDP >5`` (two keywords). A stored filter is
    never read as typed again, so such a row keeps its keywords: no row changes meaning
    under its subscriber."""
    flt = parse_filter("GDP >5")
    assert flt.keywords == ("GDP", ">5") and flt.value is None


DOCS = {
    "alpha_2031_gwr.txt": (
        "甲省2031年政府工作报告\n\n二、2031年主要目标\n全省地区生产总值增长6.5%左右。\n"
    ),
    "beta_2031_gwr.txt": (
        "乙省2031年政府工作报告\n\n二、2031年主要目标\n全省地区生产总值增长4.5%左右。\n"
    ),
    "gamma_2031_gwr.txt": (
        "丙省2031年政府工作报告\n\n二、2031年主要目标\n全省地区生产总值增长5%左右。\n"
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, tokenizer) -> Engine:
    root = tmp_path_factory.mktemp("value-subscriptions")
    return engine_over(root, DOCS, tokenizer=tokenizer, flood_burst=0)


async def test_subscribe_with_a_condition_through_the_bot(
    server: FakeBotApi, engine: Engine, db_url: str
) -> None:
    from tests.test_subscriptions_e2e import running, store_of

    user = server.add_user("周编辑")
    async with running(server, engine, db_url) as app:
        said = await ask_text(server, user, user, "/digest GDP")
        assert "6.5%左右" in said and "4.5%左右" in said and "增长 5%左右" in said
        said = await ask_text(server, user, user, "/subscribe GDP 高于5% 08:00")
        assert "数值：高于 5%" in said, said
        (sub,) = store_of(app).list_for_chat(user.id)
        assert sub.filter_text == "GDP value:>5%"
        listed = await ask_text(server, user, user, "/subscriptions")
        assert "关键词：GDP；数值：高于 5%" in listed, listed
        preview = await ask_text(server, user, user, f"/digest #{sub.id}")
        assert "6.5%左右" in preview, preview
        assert "4.5%左右" not in preview and "增长 5%左右" not in preview
        typed = await ask_text(server, user, user, "/digest GDP 不低于5%")
        assert "6.5%左右" in typed and "增长 5%左右" in typed and "4.5%左右" not in typed
        refused = await ask_text(server, user, user, "/subscribe GDP 高于 09:00")
        assert refused.startswith("看不懂数值条件“高于”"), refused
        assert len(store_of(app).list_for_chat(user.id)) == 1  # nothing stored


def test_the_command_line_digest_preview_takes_a_condition(engine: Engine) -> None:
    corpus, data = engine.settings.corpus_dir, engine.settings.data_dir
    base = ["--corpus-dir", str(corpus), "--data-dir", str(data.parent / "cli-data")]
    runner = CliRunner()
    shown = runner.invoke(
        app, [*base, "digest", "--preview", "GDP", "高于5%"], env={"COLUMNS": "200"}
    )
    assert shown.exit_code == 0, shown.output
    assert "6.5%左右" in shown.stdout and "4.5%左右" not in shown.stdout
    assert "增长 5%左右" not in shown.stdout and "高于 5%" in shown.stdout
    at_least = runner.invoke(
        app, [*base, "digest", "--preview", "GDP", ">=", "5%"], env={"COLUMNS": "200"}
    )
    assert at_least.exit_code == 0, at_least.output
    assert "增长 5%左右" in at_least.stdout and "4.5%左右" not in at_least.stdout
    bad = runner.invoke(app, [*base, "digest", "--preview", "GDP", ">abc"])
    assert bad.exit_code == 2 and ">abc" in bad.output


def test_the_chats_own_place_is_read_beside_a_condition() -> None:
    """``/subscribe 我市 GDP 高于5%``: the home word is read after the condition, and the
    stored ``value:`` is kept as written."""
    from bot.search.home_words import HomeRegion, read_home

    typed = parse_subscribe("我市 GDP 高于5%", default_time="08:00").filter_text
    home = HomeRegion("990100", "甲市", city="甲市", province="甲省")
    read = parse_filter(read_home(typed, home, as_filter=True).text, check_places=False)
    assert read.regions == ("甲市",) and read.keywords == ("GDP",)
    assert read.value is not None and read.value.typed == ">5%"


@pytest.mark.parametrize("typed", ["GDP > 9", "GDP above 9", "GDP 高于 9", "GDP at least 10"])
def test_a_conditions_number_typed_last_is_not_the_schedule(typed: str) -> None:
    request = parse_subscribe(typed, default_time="08:00")
    assert not request.schedule_given and request.schedule.expr == "08:00"
    assert "value:" in request.filter_text
