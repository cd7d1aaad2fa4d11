"""The MCP tools as an assistant meets them (``mcp-trial``): in process, on the library
the tools call (:class:`mcp_server.library.Library`) and on the server built over it
(:func:`mcp_server.build_server`, called as the SDK's client calls it), on two short
reports written here. Each test is a fault the trial found: an empty page that blamed
the words for a region no document is about, an argument error in pydantic's words.
"""

from __future__ import annotations

import pytest
from mcp.server.mcpserver.exceptions import ToolError

from bot.library import Engine
from mcp_server.library import Library
from mcp_server.records import Result
from tests.conftest import make_settings

WEIFANG_2025 = """潍坊市2025年政府工作报告
一、2024年工作回顾
全市地区生产总值增长5.2%，城镇新增就业9.5万人，居民消费价格上涨0.2%。
二、2025年工作安排
2025年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业10万人以上，居民消费价格涨幅2%左右。
"""
RIZHAO_2025 = """日照市2025年政府工作报告
一、2025年工作安排
2025年主要预期目标是：城镇新增就业3万人以上，粮食产量稳定在30亿斤以上。
二、重点工作
依托机场发展临空经济，建设港产城融合示范区。
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Library:
    corpus = tmp_path_factory.mktemp("two-cities")
    (corpus / "weifang_2025.txt").write_text(WEIFANG_2025, encoding="utf-8")
    (corpus / "rizhao_2025.txt").write_text(RIZHAO_2025, encoding="utf-8")
    return Library(Engine.open(make_settings(corpus, tmp_path_factory.mktemp("two-cities-data"))))


def _notes(result: Result) -> str:
    return " | ".join(result.notes)


# -- a region no document is about -------------------------------------------------------------
def test_a_search_in_a_region_no_document_is_about_says_so_not_try_other_words(library):
    """ "GDP" in region Jiangsu said "no passage matches; try fewer or other words": an
    assistant rewrote the words, when the region was what left nothing."""
    got = library.search("地区生产总值", region="Jiangsu")
    assert got.records == []
    said = _notes(got)
    assert "No document in the library is about Jiangsu" in said
    assert "潍坊" in said and "日照" in said  # the regions there are
    assert "try fewer or other words" not in said
    (note,) = [n for n in got.query_notes if n.code == "region_absent"]
    assert note.params == {"region": "Jiangsu"} and note.reach == "query"
    # a region some document is about: the words are what to change
    words = library.search("海洋牧场", region="潍坊")
    assert "try fewer or other words" in _notes(words)
    assert not any(n.code == "region_absent" for n in words.query_notes)


def test_compare_in_a_region_no_document_is_about_blames_the_region_not_the_indicator(library):
    """compare GDP in Jiangsu said "no records for 'GDP'" and offered 旅游业对GDP综合贡献率
    as a similar indicator: the assistant concluded GDP had no figures."""
    got = library.compare("GDP", region="Jiangsu")
    said = _notes(got)
    assert got.records == [] and "No document in the library is about Jiangsu" in said
    assert "no records for" not in said and "similar indicators" not in said


def test_compare_in_a_region_without_the_figure_says_other_regions_have_it(library):
    got = library.compare("GDP", region="日照")
    said = _notes(got)
    assert got.records == [] and "No GDP figure is about 日照" in said
    assert "2 figures of it are about other regions" in said
    assert "no records for" not in said
    # an indicator no document has: still "no records", as before
    assert "no records for 'xyzzy'" in _notes(library.compare("xyzzy", region="日照"))


def test_list_documents_scorecard_and_targets_say_a_region_no_document_is_about(library):
    for got in (
        library.list_documents(region="Atlantis"),
        library.scorecard(region="Atlantis"),
        library.targets("region:Atlantis"),
    ):
        assert got.records == [] and "No document in the library is about Atlantis" in _notes(got)
    # a region there is: its documents, and no such note
    assert library.list_documents(region="山东").total == 2


def test_targets_say_why_nothing_matches(library):
    """A value condition none passes said "try a shorter filter or kind:all" (neither
    helps); it now says the values are compared in the document's unit."""
    value = _notes(library.targets("就业 value:>100万人"))
    assert "none passes the value condition" in value and "万人" in value
    assert "kind:all" not in value.split("|", 1)[1]
    with pytest.raises(ToolError, match="bad filter"):
        library.targets("kind:foo")


# -- arguments an assistant gets wrong, through the SDK's client in process --------------------
def _client(library: Library):
    """The SDK's client on the server built over ``library``, in memory."""
    from mcp import Client

    from mcp_server import build_server

    return Client(build_server(library.engine))


def _error(call) -> str:
    assert call.is_error
    return call.content[0].text


async def test_an_argument_out_of_its_schema_is_one_sentence_not_pydantics_report(library):
    """page_size 1000 came back as "1 validation error for searchArguments … [type=
    less_than_equal, input_value=1000, input_type=int] For further information visit
    https://errors.pydantic.dev/…": now the argument, the value and what to send."""
    async with _client(library) as client:
        await _say_argument_errors(client)


async def _say_argument_errors(client) -> None:
    said = _error(await client.call_tool("search", {"query": "就业", "page_size": 1000}))
    assert said == (
        "Error executing tool search: page_size must be at most 20, not 1000 (ask for the "
        "next page, next_page, rather than a bigger one)."
    )
    said = _error(await client.call_tool("compare", {"indicator": "GDP", "kind": "targets"}))
    assert "kind must be one of 'target', 'achievement', 'estimate' or 'all', not 'targets'" in said
    said = _error(await client.call_tool("get_passage", {"doc": "weifang", "passage": "x"}))
    assert said.endswith("passage must be a whole number, not 'x'.")
    said = _error(await client.call_tool("get_passage", {"passage": 1}))
    assert said.endswith("doc is required.")
    empty = _error(await client.call_tool("search", {"query": ""}))
    assert empty.endswith("query must be at least 1 character long, not ''.")
    for text in (said, empty):
        assert "pydantic" not in text and "validation error" not in text and "type=" not in text


async def test_an_argument_the_tool_does_not_take_is_refused_with_the_one_meant(library):
    """search with limit 3 ran with the default 10 results and said nothing."""
    async with _client(library) as client:
        await _refuse_unknown_arguments(client)


async def _refuse_unknown_arguments(client) -> None:
    said = _error(await client.call_tool("search", {"query": "就业", "limit": 3}))
    assert "search takes no argument 'limit' (did you mean 'page_size'?)" in said
    assert "its arguments are query, region, year, doc, page, page_size" in said
    said = _error(await client.call_tool("targets", {"filtr": "GDP"}))
    assert "'filtr' (did you mean 'filter'?)" in said
    said = _error(await client.call_tool("list_document", {}))
    assert "Unknown tool: list_document; the tools are search, get_passage, list_documents" in said
    # the arguments it takes still work
    ok = await client.call_tool("search", {"query": "就业", "page_size": 3})
    assert not ok.is_error and ok.structured_content["page_size"] == 3


# -- a correction of a word read from English --------------------------------------------------
def test_a_correction_of_a_word_read_from_english_says_the_words_replaced(library):
    """ "low-altitude economy" is read as 低空经济, which no document has, and searched as
    临空经济 (airport economy): the note said "searched for 'low-altitude economy'
    (corrected from 'low-altitude economy')", hiding that the passages are about another
    thing."""
    got = library.search("low-altitude economy")
    (note,) = [n for n in got.query_notes if n.code == "corrected"]
    assert note.params["replaced"] == "低空经济 → 临空经济"
    assert note.text.startswith(
        "'low-altitude economy' was read in Chinese and searched with 低空经济 → 临空经济"
    )
    assert "corrected from 'low-altitude economy'" not in " ".join(got.notes)
    # typed in Chinese: the query searched, with the word replaced
    typed = library.search("低空经济")
    (note,) = [n for n in typed.query_notes if n.code == "corrected"]
    assert note.text == "searched for '临空经济' (corrected from '低空经济': 低空经济 → 临空经济)"
    assert note.params == {
        "query": "低空经济",
        "corrected": "临空经济",
        "replaced": "低空经济 → 临空经济",
    }


# -- a question of which documents or places, asked in English ---------------------------------
@pytest.mark.parametrize(
    ("query", "which"),
    [
        ("Which documents are about low-altitude economy?", True),
        ("which provinces set GDP targets above 5%", True),
        ("What cities mention 低空经济", True),
        ("哪些省份提出了GDP目标", True),
        ("What GDP growth targets did the provinces set for 2025?", False),
        ("which is the GDP target of 潍坊", False),
    ],
)
def test_which_documents_or_places_is_read_in_english_too(query, which):
    from bot.search.asking import asks_which_places

    assert asks_which_places(query) is which


def test_an_english_question_of_which_documents_lists_each_document_first(library):
    """ "Which documents are about …?" listed passages by rank, a document's second
    passage before another document's first: the assistant, asked for documents, read
    the first page as the whole list."""
    got = library.search("Which documents mention 城镇新增就业?", page_size=2)
    assert "Each document's best passage first" in " ".join(got.notes)
    assert {r.doc for r in got.records} == {"weifang_2025.txt", "rizhao_2025.txt"}


def test_a_search_for_a_year_no_document_is_about_says_so(library):
    """ "special bonds" in 全国 for 2024, on a library with the 2021 and 2025 national
    reports, said "no passage matches; try fewer or other words"."""
    got = library.search("城镇新增就业", region="潍坊", year=2024)
    said = _notes(got)
    assert got.records == [] and "try fewer or other words" not in said
    assert "No document about 潍坊 is about the year 2024" in said and "2025" in said
    (note,) = [n for n in got.query_notes if n.code == "year_absent"]
    assert note.params == {"year": 2024}
    anywhere = _notes(library.search("城镇新增就业", year=2019))
    assert "No document in the library is about the year 2019" in anywhere
    assert "the year 2019" in _notes(library.list_documents(year=2019))
    # a year there is, words no passage has: the words are what to change
    assert "try fewer or other words" in _notes(library.search("海洋牧场", year=2025))


# -- serving over HTTP -------------------------------------------------------------------------
def test_an_address_other_machines_reach_needs_a_token_long_enough_to_be_a_secret():
    """BRIEFBOT_MCP_TOKEN=abc served the library on 0.0.0.0."""
    from mcp_server.http import BindError, check_bind

    with pytest.raises(BindError, match=r"BRIEFBOT_MCP_TOKEN is 3 characters, too short"):
        check_bind("0.0.0.0", "abc")
    check_bind("0.0.0.0", "k" * 16)
    check_bind("127.0.0.1", "abc")  # loopback: any token, or none
    check_bind("::1", None)
    with pytest.raises(BindError, match="reachable from other machines"):
        check_bind("192.168.1.2", None)


def test_a_documents_opening_is_what_it_says_not_its_masthead(library):
    """list_documents gave 各位代表： or 沪科〔2025〕5号 as half the documents' openings:
    the first passage that says something, with its passage number to read on from."""
    (weifang,) = [r for r in library.list_documents().records if r.doc == "weifang_2025.txt"]
    assert weifang.text.startswith("全市地区生产总值增长5.2%")
    assert weifang.passage is not None and weifang.section == "一、2024年工作回顾"
    assert weifang.citation.endswith(f"[weifang_2025.txt#p{weifang.passage}]")


# -- indicators an analyst names in English ----------------------------------------------------
@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("industrial value added", "规模以上工业增加值"),
        ("value added of industrial enterprises above designated size", "规模以上工业增加值"),
        ("urban new jobs", "新增城镇就业"),
        ("new urban jobs", "新增城镇就业"),
        ("value added", "增加值"),  # alone: any sector's
    ],
)
def test_compare_reads_the_indicators_an_analyst_names_in_english(english, chinese):
    """compare "industrial value added" and "urban new jobs" found no records (the
    first is every work report's second target)."""
    from bot.text.english import with_chinese_terms

    assert with_chinese_terms(english) == chinese
