"""A key target's frame in English (``bench/RESULTS.md``, ``english-trial18``): an analyst
reading in English saw ``四川 2026 地区生产总值 target: 增长5.5%左右`` and
``安排4.4万亿元``; the indicator, the place and the figure are now said in English where
they can be, and left as the document wrote them where they cannot."""

from __future__ import annotations

import pytest

from bot.digest.english import figure, indicator_name, place_name, said_indicator
from bot.digest.values import change_and_value
from bot.library import Engine
from bot.storage import Database
from bot.targets.records import TargetRecord
from fake_telegram import FakeBotApi
from handlers.context import services_of
from handlers.format.targets import target_line
from tests.e2e import ask_text, build, serving


@pytest.mark.parametrize(
    ("value_text", "unit", "qualifier", "change", "said"),
    [
        ("5.5", "%", "左右", "增长", "growth of about 5.5%"),
        ("4.4", "万亿元", "", "安排", "4.4 trillion yuan"),
        ("67665", "亿元", "", "实现", "6.7665 trillion yuan"),
        ("673.9亿", "亿元", "", "", "67.39 billion yuan"),
        ("85", "万人", "", "新增", "850,000 people"),
        ("1955", "万吨", "以上", "稳定在", "at least 19.55 million tonnes"),
        ("5.5", "%", "以内", "控制在", "at most 5.5%"),
        ("-0.9", "%", "", "上涨", "down 0.9%"),
        ("1", "个百分点", "", "提高", "up 1 percentage point"),
        ("3", "万亿元", "", "突破", "over 3 trillion yuan"),
        ("5—5.5", "%", "", "增长", "growth of 5–5.5%"),
        ("4.0", "%", "", "年均增长", "average annual growth of 4.0%"),
        ("1494", "家", "", "新增", "1,494"),
        ("1000", "户", "以上", "", "at least 1,000"),
        ("5", "位", "", "居", "No. 5"),
        ("0.3", "个百分点", "", "高于", "0.3 percentage points higher"),
    ],
)
def test_figures_in_english_words_and_magnitudes(
    value_text: str, unit: str, qualifier: str, change: str, said: str
) -> None:
    assert figure(value_text, unit, qualifier, change) == said


@pytest.mark.parametrize(
    ("value_text", "unit", "qualifier", "masked"),
    [
        ("八十", "万亿元", "", False),  # a Chinese numeral
        ("x.x", "%", "", True),  # masked
        ("10", "级", "", False),  # a unit the table lacks
        ("千亿", "元", "级", False),  # a scale label
    ],
)
def test_a_figure_not_said_whole_is_not_said(
    value_text: str, unit: str, qualifier: str, masked: bool
) -> None:
    assert figure(value_text, unit, qualifier, masked=masked) is None


def test_indicator_names_from_the_table_abbreviation_or_the_glossary() -> None:
    assert indicator_name("地区生产总值") == "GDP"
    assert indicator_name("国内生产总值") == "GDP"  # its regional twin's
    assert indicator_name("居民消费价格") == "CPI"
    assert indicator_name("城镇调查失业率") == "surveyed urban unemployment rate"
    assert indicator_name("粮食产量") == "grain output"
    assert indicator_name("稳增长政策措施") is None
    assert said_indicator("稳增长政策措施", "en") == "稳增长政策措施"
    assert said_indicator("地区生产总值", "zh") == "地区生产总值"


def test_places_in_english() -> None:
    assert place_name("四川") == "Sichuan"
    assert place_name("全国") == "China"
    assert place_name("内蒙古") == "Inner Mongolia"
    assert place_name("内江、眉山") == "Neijiang, Meishan"
    assert place_name("川南经济区") == "川南经济区"  # no pinyin name says what it is


def _record(**kw: object) -> TargetRecord:
    base = dict(
        indicator="地区生产总值", value=5.5, value_text="5.5", unit="%", qualifier="左右",
        year="2026", region="四川", kind="target", change="增长", confidence=0.9,
        sentence="地区生产总值增长5.5%左右", doc="", section="",
    )  # fmt: skip
    base.update(kw)
    return TargetRecord(**base)  # type: ignore[arg-type]


def test_a_target_line_in_english_and_in_chinese() -> None:
    record = _record()
    assert target_line(record, lang="en") == (
        "• [target] <b>GDP</b> growth of about 5.5% · 2026 · Sichuan"
    )
    assert (
        target_line(record, lang="zh")
        == "• 〔目标〕<b>地区生产总值</b> 增长 5.5%左右 · 2026年 · 四川"
    )
    assert change_and_value(record, "zh") == "增长5.5%左右"


# -- a private chat's digests in the language its reader subscribed in ---------------------------
@pytest.mark.migrated_db
@pytest.mark.fake_bot(language_code="en")
async def test_subscribing_from_an_english_client_keeps_english_for_the_digests(
    server: FakeBotApi, engine: Engine, db_url: str
) -> None:
    """The analyst subscribed her private chat from an English client and was told her
    digests would come in Chinese unless she sent /lang en: the one reader of a private
    chat subscribed in her language, and it is kept for the digests."""
    analyst = server.add_user("Mei")
    with Database.open(url=db_url) as database:
        app = build(server, engine, database=database)
        async with serving(app):
            said = await ask_text(
                server, analyst, analyst, "/subscribe Friday 17:00 tz=Asia/Singapore"
            )
            assert "Digests will come in English" in said and "中文" not in said, said
            assert services_of(app).languages.for_chat(analyst.id) == "en"
            # a reader who chose a language keeps it: no second note, nothing changed
            said = await ask_text(server, analyst, analyst, "/subscribe GDP Monday 08:00")
            assert "Digests will come in" not in said, said
