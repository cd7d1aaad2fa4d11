"""A query pasted with its Markdown or HTML is searched as its words: link text kept,
link targets (a URL's letters, xx or www, are no words to search), tags and emphasis
markers dropped."""

from __future__ import annotations

import pytest

from bot.library import Engine
from bot.search.query import clean, parse_query
from fake_telegram import FakeBotApi
from tests.e2e import ask, running


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("*稳岗* 补贴 [详见附件](xx)", "稳岗 补贴 详见附件"),
        ("**养老服务** 见[这篇通知](https://example.org/a.html)", "养老服务 见 这篇通知"),
        ('[政策原文](http://example.org/p "标题") 托育', "政策原文 托育"),
        ("![配图](img/xx.png) 冷链物流", "配图 冷链物流"),
        ('<a href="https://example.org/xx">数字乡村</a> <b>试点</b>', "数字乡村 试点"),
        ("__减税__ ~~降费~~ `GDP`", "减税 降费 GDP"),
        ("养老 https://example.org/xx?id=1 床位", "养老 床位"),
        ("<https://example.org/xx> 托育", "托育"),
    ],
)
def test_pasted_markup_is_dropped_and_link_text_kept(typed: str, searched: str) -> None:
    assert clean(typed) == searched


@pytest.mark.parametrize(
    "typed", ["“3+N” -住房 PM2.5 2024年", "增长5*3", "snake_case 指标", "“互联网+”行动"]
)
def test_queries_without_markup_are_unchanged(typed: str) -> None:
    assert clean(typed) == typed


def test_no_part_of_a_link_target_is_searched() -> None:
    parsed = parse_query("*就业* 创业 [相关链接](xx)", max_chars=200)
    assert [p.text for p in parsed.parts] == ["就业", "创业", "相关链接"]


async def test_a_query_pasted_with_markdown_answers_as_its_words(
    server: FakeBotApi, engine: Engine
) -> None:
    li = server.add_user("Li", language_code="zh-hans")
    async with running(server, engine):
        plain = (await ask(server, li, li, "/search 就业 链接")).message
        pasted = (await ask(server, li, li, "/search *就业* [链接](xx)")).message
        # the first line repeats the query as typed; the answer below it is the same
        head, _, answer = pasted["text"].partition("\n")
        assert head == "🔎 *就业* [链接](xx)"
        assert answer == plain["text"].partition("\n")[2] and answer
        assert "xx" not in answer.lower()
