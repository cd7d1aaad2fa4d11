"""A reader who types English: topic and indicator words in the search, the answer card,
``/targets``, ``/compare`` and the digest's ``indicator:`` filter, on an invented library;
and a place, a year and an indicator typed alone, in any order, asking for the figure."""

from __future__ import annotations

import pytest

from bot.digest.filters import FilterMatcher, parse_filter
from bot.library import Engine
from bot.library.answers import names_only_indicator
from bot.library.understood import understood_line
from bot.targets.indicators import IndicatorTable
from bot.text.english import with_asking_words
from fake_telegram import FakeBotApi
from tests.conftest import engine_over
from tests.e2e import ask_text, running

# invented reports: two provinces, figures of several kinds, a topic paragraph each
DOCS = {
    "hunan_2025_gwr.txt": (
        "2025年湖南省政府工作报告\n湖南省人民政府\n"
        "今年全省发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业70万人以上，"
        "城镇调查失业率5.5%以内，粮食产量稳定在620亿斤以上。\n"
        "坚持就业优先，扩大高校毕业生就业渠道，支持灵活就业和新就业形态。\n"
        "推进乡村全面振兴，守牢耕地红线，稳定粮食播种面积。\n"
    ),
    "gansu_2025_gwr.txt": (
        "2025年甘肃省政府工作报告\n甘肃省人民政府\n"
        "今年全省发展的主要预期目标是：地区生产总值增长6%左右，居民消费价格涨幅3%左右，"
        "城镇调查失业率5.5%左右，森林覆盖率达到12%。\n"
        "大力发展文化旅游，打造丝路旅游品牌，推动旅游业提质增效。\n"
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("english"), DOCS)


def test_an_english_topic_word_with_a_place_finds_its_passages(engine: Engine) -> None:
    resp = engine.search("employment Hunan", page_size=3)
    assert resp.understood is not None and resp.understood.region == "湖南"
    assert resp.hits and resp.hits[0].filename == "hunan_2025_gwr.txt"
    assert "就业" in resp.hits[0].text
    tourism = engine.search("Tourism", page_size=3)
    assert tourism.hits and "旅游" in tourism.hits[0].text


def test_a_multi_word_indicator_is_understood_and_answered(engine: Engine) -> None:
    resp = engine.search("grain output target Hunan", page_size=3)
    assert resp.understood is not None
    assert (resp.understood.region, resp.understood.indicator) == ("湖南", "粮食产量")
    assert resp.answer is not None and resp.answer.indicator == "粮食产量"
    assert resp.answer.filename == "hunan_2025_gwr.txt"


def test_the_query_said_back_is_what_was_typed(engine: Engine) -> None:
    assert engine.search("employment Hunan", page_size=3).query == "employment Hunan"


@pytest.mark.parametrize(
    "query",
    [
        "hunan GDP 2025",
        "GDP hunan 2025",
        "2025 Hunan GDP",
        "湖南 GDP 2025",
        "2025 地区生产总值 湖南",
    ],
)
def test_place_year_and_indicator_in_any_order_ask_for_the_figure(
    engine: Engine, query: str
) -> None:
    resp = engine.search(query, page_size=3)
    assert resp.answer is not None, query
    assert (resp.answer.filename, resp.answer.figure) == ("hunan_2025_gwr.txt", "5.5%左右")


def test_more_than_the_indicator_or_no_year_is_a_topic(engine: Engine) -> None:
    assert engine.search("湖南 GDP", page_size=3).answer is None  # no year: a topic
    assert engine.search("湖南 2025 就业 渠道", page_size=3).answer is None


def test_names_only_indicator() -> None:
    table = IndicatorTable.load()
    assert names_only_indicator("  GDP ", table)
    assert names_only_indicator("gdp", table)
    assert names_only_indicator("粮食产量", table)
    assert not names_only_indicator("GDP 招商", table)
    assert not names_only_indicator("经济增长", table)  # a report's loose wording
    assert not names_only_indicator("", table)


def test_indicator_lookups_read_english_words(engine: Engine) -> None:
    unemployment = engine.lookup_indicator("unemployment")
    assert {t.record.indicator for t in unemployment.found.rows} == {"城镇调查失业率"}
    assert len(unemployment.found.rows) == 2
    grain = engine.lookup_indicator("grain output Hunan")
    # the place read first by the shared reader (search-questions31), as the search reads it
    assert grain.region == "湖南"
    assert [t.record.indicator for t in grain.found.rows] == ["粮食产量"]
    assert engine.lookup_targets(indicator="Forest Coverage").rows


def test_an_indicator_known_with_no_figure_in_the_place_says_so(engine: Engine) -> None:
    cpi = engine.lookup_indicator("consumer prices Hunan")
    assert not cpi.found.any and cpi.only_elsewhere


def test_the_digest_filter_reads_english_indicator_words(engine: Engine) -> None:
    table = engine.indicator_table
    matcher = FilterMatcher(parse_filter("indicator:unemployment kind:all"), table=table)
    docs = {d.doc_id: d for d in engine.index.docs}
    passing = {t.record.indicator for t in engine.targets() if matcher(t.record, docs[t.doc_id])}
    assert passing == {"城镇调查失业率"}
    quoted = FilterMatcher(parse_filter('indicator:"forest coverage"'), table=table)
    assert {t.record.indicator for t in engine.targets() if quoted(t.record, docs[t.doc_id])} == {
        "森林覆盖率"
    }


async def test_compare_and_targets_in_english(server: FakeBotApi, engine: Engine) -> None:
    user = server.add_user("Ana", language_code="en")
    async with running(server, engine):
        compared = await ask_text(server, user, user, "/compare unemployment")
        assert compared.startswith("📊 Compare: unemployment (失业率) (2)")
        # 湖南's 5.5%以内 and 甘肃's 5.5%左右, in English words (english-trial18)
        assert "at most 5.5%" in compared and "about 5.5%" in compared
        assert "[Hunan]" in compared and "[Gansu]" in compared
        listed = await ask_text(server, user, user, "/targets grain output Hunan")
        assert listed.startswith("🎯 Indicator: grain output Hunan (粮食产量)")
        assert "grain output at least 62 billion jin" in listed  # 620亿斤以上
        none_there = await ask_text(server, user, user, "/targets consumer prices Hunan")
        assert "none about" in none_there


def test_the_regions_side_by_side_of_an_english_indicator(engine: Engine) -> None:
    """/compare unemployment 2025 and /chart read the table through the same lookup."""
    table = engine.region_table("unemployment", year=2025)
    assert len(table.rows) == 2
    assert engine.region_table("Forest Coverage", year=2025).rows


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Yunnan grain output target", "Yunnan grain output 目标"),
        ("Ningxia schooling goals 2030", "Ningxia schooling 目标 2030"),
        ("Ningxia 2026 居民人均可支配收入 target", "Ningxia 2026 居民人均可支配收入 目标"),
        # inside a glossary form the form is the reading (增长目标)
        ("Sichuan GDP growth target", "Sichuan GDP growth target"),
        ("targeted poverty alleviation", "targeted poverty alleviation"),
    ],
)
def test_english_asking_words_read_as_the_chinese_question_word(typed: str, read: str) -> None:
    assert with_asking_words(typed) == read


@pytest.mark.parametrize(
    "query", ["Hunan GDP target", "grain output target Hunan", "Hunan jobs goal"]
)
def test_target_is_asked_not_read_as_every_sense(engine: Engine, query: str) -> None:
    # the dictionary's six senses of target (对象/指标/目标/瞄准/针对/目的) were said back
    # and searched on every "… GDP target" query
    resp = engine.search(query, page_size=3)
    assert resp.understood is not None and resp.understood.region == "湖南"
    said = dict(resp.understood.english)
    assert not {"target", "goal"} & set(said)
    assert resp.hits and resp.hits[0].filename == "hunan_2025_gwr.txt"


def test_a_place_whose_documents_hold_no_hit_is_said(engine: Engine) -> None:
    # Henan unemployment listed Hainan's, Guizhou's and the nation's passages with no
    # word said, Henan having documents (a city's) that hold none (english-trial18)
    for query in ("Hunan tourism", "湖南 旅游"):
        resp = engine.search(query, page_size=3)
        assert resp.hits and {h.region for h in resp.hits} == {"甘肃"}
        assert resp.understood is not None and resp.understood.unmatched == ("region_hits",)
        line = understood_line(resp.understood, "en")
        assert line.endswith(
            " (no passage in the documents of Hunan (湖南) matched:"
            " the results are from other places)"
        )
        said = understood_line(resp.understood, "zh")
        assert said.endswith("（湖南的文件中没有相符的段落，结果来自其他地区的文件）")
    # the place's own passages found: nothing to say
    found = engine.search("Hunan employment", page_size=3)
    assert found.understood is not None and found.understood.unmatched == ()
