"""Topic words typed in pinyin (``jiuye``, ``jingji``) name the records of ``/targets``,
``/compare`` and the digest filters as they name passages in the search: one reader,
the searcher's (:meth:`~bot.search.searcher.Searcher.as_chinese`); on an invented library."""

from __future__ import annotations

import pytest

from bot.digest.filters import parse_filter
from bot.library import Engine
from fake_telegram import FakeBotApi
from tests.conftest import engine_over
from tests.e2e import ask_text, running

# invented reports: 就业 and 经济 written often enough to be among the frequent terms
_TOPICS = (
    "坚持就业优先，扩大高校毕业生就业渠道，稳定重点群体就业，支持灵活就业。\n"
    "推动经济高质量发展，做强数字经济，壮大民营经济。\n"
)
DOCS = {
    f"{name}_2026_gwr.txt": (
        f"2026年{place}政府工作报告\n{place}人民政府\n"
        f"今年主要预期目标是：地区生产总值增长{growth}左右，城镇新增就业{jobs}万人以上，"
        "数字经济核心产业增加值占地区生产总值比重达到10%。\n" + _TOPICS * 2
    )
    for name, place, growth, jobs in (
        ("hubei", "湖北省", "5.5%", 75),
        ("jiangxi", "江西省", "5%", 45),
        ("hainan", "海南省", "6%", 12),
    )
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("pinyin-targets"), DOCS)


def test_the_searcher_reads_the_words_once_for_everyone(engine: Engine) -> None:
    assert engine.as_chinese("jiuye") == "就业"
    assert engine.as_chinese("grain output jingji") == "粮食产量 经济"
    assert engine.as_chinese("Jiuye") == "就业"  # as the search reads it, any case
    assert engine.as_chinese("women") == "women"  # a pronoun's sound is no topic


def test_an_indicator_lookup_reads_pinyin_as_the_chinese_word(engine: Engine) -> None:
    typed = engine.lookup_indicator("jiuye")
    chinese = engine.lookup_indicator("就业")
    assert typed.indicator == "就业"
    assert sorted(t.record.value for t in typed.found.rows) == [12, 45, 75]
    assert typed.found.rows == chinese.found.rows
    economy = engine.lookup_indicator("jingji")
    assert {t.record.indicator for t in economy.found.rows} == {
        t.record.indicator for t in engine.lookup_indicator("经济").found.rows
    }
    assert economy.found.rows


def test_a_pinyin_word_then_a_place(engine: Engine) -> None:
    looked = engine.lookup_indicator("jiuye Hainan")
    assert [t.record.value for t in looked.found.rows] == [12]


def test_the_regions_side_by_side_of_a_pinyin_word(engine: Engine) -> None:
    """/compare jiuye 2026 and /chart read the records through the same matcher."""
    assert len(engine.region_table("jiuye", year=2026).rows) == 3


def test_the_digest_filter_reads_pinyin(engine: Engine) -> None:
    rows = engine.filter_targets(parse_filter("indicator:jiuye")).rows
    assert sorted(t.record.value for t in rows) == [12, 45, 75]
    digest = engine.digest("jiuye", only_new=False)
    assert digest.total == 3 and not digest.empty


async def test_targets_and_compare_in_pinyin(server: FakeBotApi, engine: Engine) -> None:
    user = server.add_user("Lin", language_code="en")
    async with running(server, engine):
        listed = await ask_text(server, user, user, "/targets jiuye")
        assert listed.startswith("🎯 Indicator: jiuye (就业)")
        assert "75" in listed and "45" in listed
        compared = await ask_text(server, user, user, "/compare jiuye")
        assert "75" in compared and "12" in compared
