"""The search reply's header says the query back cut, as every argument is (user trial 3,
item 12: a 5,000-letter query was repeated whole, 4,095 letters, above the results)."""

from __future__ import annotations

from bot.models import SearchResponse
from bot.text.echo import ARG_SHOWN
from handlers import format as fmt


def _header(html: str) -> str:
    return html.split("\n", 1)[0]


def test_a_very_long_query_is_said_back_cut_in_the_header() -> None:
    resp = SearchResponse(query="x" * 5000, hits=(), total=0, page=1, page_size=5)
    html, _ = fmt.search_page(resp, key="k", lang="zh")
    header = _header(html)
    assert header.startswith("🔎 <b>") and header.endswith("…</b>")
    assert header.count("x") == ARG_SHOWN - 1


def test_a_short_query_is_said_back_whole_and_escaped() -> None:
    resp = SearchResponse(query="GDP <b>目标</b>", hits=(), total=0, page=1, page_size=5)
    html, _ = fmt.search_page(resp, key="k", lang="zh")
    assert _header(html) == "🔎 <b>GDP &lt;b&gt;目标&lt;/b&gt;</b>"
