"""The line writing the indicator asked leads its document's lines (issue 13, lane
``search-indicator41``): a query naming an indicator by an abbreviation or a family
member (规上工业 增速) found, in one report, a line writing 规模以上工业 and 增长 in another
sense (对规模以上工业增长贡献率) first. Pure functions on built responses, and one engine
over an invented report."""

from __future__ import annotations

import pytest
from conftest import engine_over

from bot.library.indicator_lines import (
    asks_rate_change,
    indicator_names,
    lead_with_indicator_line,
    writes_a_name,
)
from bot.models import SearchHit, SearchResponse
from bot.targets.indicators import IndicatorTable, default_table


def _hit(doc: str, text: str, score: float) -> SearchHit:
    return SearchHit(doc, f"{doc}.txt", doc, (), 0, text, text, (), score)


def _resp(*hits: SearchHit, page: int = 1) -> SearchResponse:
    return SearchResponse(query="q", hits=hits, total=len(hits), page=page, page_size=10)


INDUSTRY = indicator_names(default_table(), "规模以上工业增加值")
CONTRIBUTION = "非烟非能工业增加值增长8.1%、对规模以上工业增长贡献率达72.9%"
VALUE_ADDED = "规模以上工业增加值增长4.5%，第一、第三产业增加值分别增长3%"


def test_names_are_the_family_s_own_forms() -> None:
    assert "规模以上工业增加值" in INDUSTRY and "规上工业增加值" in INDUSTRY
    # a related figure of another family (规模以上工业企业, 总产值) is no name of it
    assert "规模以上工业企业" not in INDUSTRY and "规模以上工业总产值" not in INDUSTRY
    gdp = indicator_names(default_table(), "地区生产总值")
    # the family: GDP's members, folded as passages are (GDP -> gdp)
    assert "国内生产总值" in gdp and "gdp" in gdp
    assert "经济增长" not in gdp  # a text-only form, too broad to name it in a line
    assert indicator_names(default_table(), "没有这个指标") == ()


def _table(*aliases: str) -> IndicatorTable:
    entry = {"group": "economy", "aliases": ["地区生产总值", *aliases]}
    return IndicatorTable.from_mapping({"indicators": {"地区生产总值": entry}})


def test_names_are_kept_per_table_not_per_indicator() -> None:
    # kept by the table's identity: a reloaded table with other aliases is read anew
    first, second = _table("GDP"), _table("全市生产总值")
    assert set(indicator_names(first, "地区生产总值")) == {"地区生产总值", "gdp"}
    assert set(indicator_names(second, "地区生产总值")) == {"地区生产总值", "全市生产总值"}
    assert indicator_names(first, "地区生产总值") is indicator_names(first, "地区生产总值")


def test_the_line_writing_the_indicator_leads_its_document() -> None:
    resp = _resp(
        _hit("yn", CONTRIBUTION, 20.0),
        _hit("yn", "稳增长政策32项", 19.0),
        _hit("yn", VALUE_ADDED, 18.0),
    )
    out = lead_with_indicator_line(resp, INDUSTRY)
    assert [h.text for h in out.hits] == [VALUE_ADDED, CONTRIBUTION, "稳增长政策32项"]
    assert out.hits[0].score == 20.0  # shown first, scored as the first


def test_another_document_s_line_is_not_lifted() -> None:
    # the ranking chose the document: a news item writing the name stays where it is
    resp = _resp(_hit("gd", CONTRIBUTION, 20.0), _hit("sz", VALUE_ADDED, 19.0))
    assert lead_with_indicator_line(resp, INDUSTRY) is resp


def test_a_line_naming_it_without_its_change_is_not_lifted() -> None:
    # 新增规模以上工业增加值… without a change stated, or the name in a list's title
    resp = _resp(_hit("yn", CONTRIBUTION, 20.0), _hit("yn", "规模以上工业增加值统计口径", 19.0))
    assert lead_with_indicator_line(resp, INDUSTRY) is resp
    stated = _resp(_hit("yn", CONTRIBUTION, 20.0), _hit("yn", "规上工业增加值比上年增长5%", 9.0))
    assert lead_with_indicator_line(stated, INDUSTRY).hits[0].score == 20.0


def test_a_change_asked_and_no_goal() -> None:
    assert asks_rate_change("云南 规上工业 增速") and asks_rate_change("规上工业 增长 广东 2022")
    assert not asks_rate_change("2025年 外贸 怎么稳") and not asks_rate_change(
        "广东 居民 收入 怎么提高"
    )


def test_a_first_line_stating_it_or_a_later_page_stays() -> None:
    resp = _resp(_hit("yn", VALUE_ADDED, 20.0), _hit("yn", "规上工业增加值增长5%", 19.0))
    assert lead_with_indicator_line(resp, INDUSTRY) is resp
    later = _resp(_hit("yn", CONTRIBUTION, 20.0), _hit("yn", VALUE_ADDED, 19.0), page=2)
    assert lead_with_indicator_line(later, INDUSTRY) is later
    assert lead_with_indicator_line(_resp(_hit("yn", CONTRIBUTION, 1.0)), INDUSTRY).hits


def test_a_bulletin_s_note_mark_between_name_and_change() -> None:
    # 黔东南's bulletin: 固定资产投资[4]比上年增长1.2% states it; a table's caption
    # (分行业固定资产投资增长速度) first stays behind it, not lifted over it
    names = indicator_names(default_table(), "固定资产投资")
    body = _hit("qdn", "全州500 万元及以上固定资产投资[4]比上年增长1.2%", 20.0)
    caption = _hit("qdn", "表7 2023年分行业固定资产投资增长速度", 19.0)
    resp = _resp(body, caption)
    assert lead_with_indicator_line(resp, names) is resp


# An invented report: a short line writing 规模以上工业 and 增长 in another sense (a
# contribution to it) before a longer line stating the indicator's change.
REPORT = (
    "2031年某省政府工作报告\n一、回顾\n"
    "工业经济稳中有进，非烟非能工业增加值增长8.1%、对规模以上工业增长贡献率达72.9%。\n"
    "全省规模以上工业增加值增长4.5%，第一、第三产业增加值分别增长3%和5.2%，服务业稳步回升，"
    "消费市场持续回暖，重点项目建设有力推进，新兴产业加快成长。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("indicator41"), {"province_yunnan_2031_gwr.txt": REPORT}
    )


@pytest.mark.parametrize("query", ["云南 规上工业 增速", "规上工业 增长"])
def test_the_engine_leads_with_the_line_stating_the_change(engine, query: str) -> None:
    hits = engine.search(query, page_size=5).hits
    assert len(hits) == 2 and hits[0].text.startswith("全省规模以上工业增加值增长4.5%")


def test_a_query_writing_a_table_name_is_left_to_the_ranking() -> None:
    # the table's names are search synonyms of one another: the ranking used them already
    gdp = indicator_names(default_table(), "地区生产总值")
    assert writes_a_name("安徽过去五年GDP年均增长多少", gdp)
    assert writes_a_name("规上工业增加值 增长", INDUSTRY)
    assert not writes_a_name("云南 规上工业 增速", INDUSTRY)
    assert not writes_a_name("规上工叶 增长 广东 2022", INDUSTRY)


def test_the_engine_leaves_a_table_name_s_ranking(engine) -> None:
    # the name typed whole: the ranking's own phrase match puts its line first
    hits = engine.search("规模以上工业增加值 增长", page_size=5).hits
    assert hits and hits[0].text.startswith("全省规模以上工业增加值增长4.5%")
