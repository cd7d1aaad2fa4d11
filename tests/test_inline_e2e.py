"""Inline mode end to end: ``@fake_test_bot 关键词`` typed in any chat, answered by the
real PTB Application against the fake Bot API server (inline mode on, as BotFather's
/setinline turns it on); waits are the server's bounded waits, never sleeps."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from telegram import Update
from telegram.ext import Application

from bot.library import Engine
from bot.models import PlanPeriod, SearchResponse, Understood
from fake_telegram import FakeBotApi
from handlers.context import services_of
from handlers.format import help_html
from handlers.format.inline import inline_results, understood_tag
from handlers.inline import MAX_PAGES, PAGE_SIZE, page_of
from tests.e2e import BOT_NAME, ask, ask_inline, bold, running
from tests.factories import answer_card, search_hit

pytestmark = pytest.mark.fake_bot(inline_mode=True)


@pytest.fixture
async def bot(server: FakeBotApi, engine: Engine):
    async with running(server, engine) as app:
        yield app


async def test_card_first_then_passages_titled_with_what_was_understood(
    server: FakeBotApi, bot: Application, engine: Engine
) -> None:
    ann = server.add_user("Ann")
    answer = await ask_inline(server, ann, "烟台 2024 GDP 增长目标")
    expected = engine.search("烟台 2024 GDP 增长目标", page_size=PAGE_SIZE)
    card, *passages = answer["results"]
    assert card["title"] == "🎯 烟台 2024年 地区生产总值 目标：增长5.5%左右"
    assert card["message"]["text"].startswith("🎯 答案：烟台 2024年 地区生产总值 目标")
    assert "5.5%左右" in bold(card["message"])
    assert "原文：“" in card["message"]["text"]
    assert "📄 来源：烟台市2024年政府工作报告 › " in card["message"]["text"]
    # the passages, best first, each titled with the understood facets, document and section
    assert [p["id"] for p in passages] == [
        f"p:{h.doc_id}:{h.passage_ordinal}" for h in expected.hits
    ]
    top = expected.hits[0]
    assert passages[0]["title"].startswith(f"〔烟台 · 2024 · 地区生产总值〕{top.title} › ")
    assert passages[0]["description"].replace("…", "") in top.snippet.replace("\n", " ")
    sent = passages[0]["message"]
    assert f"📄 来源：{top.title} › " in sent["text"] and top.filename in sent["text"]
    assert top.title in bold(sent) and top.highlights  # the source, and the words found
    found = "".join(bold(sent))
    assert all(top.snippet[h.start : h.end] in found for h in top.highlights)
    more = sent["reply_markup"]["inline_keyboard"][0][0]
    assert more["switch_inline_query_current_chat"] == "烟台 2024 GDP 增长目标"
    assert answer["is_personal"] and answer["cache_time"] == 300
    assert answer["next_offset"] == ("2" if expected.pages > 1 else "")
    assert answer["button"] is None


async def test_pages_load_as_the_user_scrolls_and_stop(
    server: FakeBotApi, bot: Application, engine: Engine
) -> None:
    ben = server.add_user("Ben")
    assert engine.search("发展", page_size=PAGE_SIZE).pages > MAX_PAGES  # more than shown
    seen: list[str] = []
    offset, pages = "", 0
    while True:
        answer = await ask_inline(server, ben, "发展", offset=offset)
        pages += 1
        page = engine.search("发展", page=pages, page_size=PAGE_SIZE)
        assert [r["id"] for r in answer["results"]] == [
            f"p:{h.doc_id}:{h.passage_ordinal}" for h in page.hits
        ]
        seen += [r["id"] for r in answer["results"]]
        offset = answer["next_offset"]
        if not offset:
            break
        assert offset == str(pages + 1)
    assert pages == MAX_PAGES and len(seen) == len(set(seen)) == MAX_PAGES * PAGE_SIZE
    # an offset that is not ours (or past the last page) lists nothing more
    assert (await ask_inline(server, ben, "发展", offset="99"))["results"] == []
    assert page_of("") == 1 and page_of("3") == 3 and page_of("x") is None


@pytest.mark.parametrize("typed", ["", "  ", "就"])
async def test_empty_or_short_query_gets_the_hint_button(
    server: FakeBotApi, bot: Application, typed: str
) -> None:
    cy = server.add_user("Cy")
    answer = await ask_inline(server, cy, typed)
    assert answer["results"] == []
    assert answer["button"] == {
        "text": "输入至少两个字的关键词，如 就业目标 · 打开机器人",
        "start_parameter": "inline",
    }


async def test_nothing_found_is_said_and_only_exclusions_get_the_hint(
    server: FakeBotApi, bot: Application
) -> None:
    di = server.add_user("Di")
    answer = await ask_inline(server, di, "冥王星")
    assert answer["results"] == [] and answer["next_offset"] == ""
    assert answer["button"]["text"] == "没有找到“冥王星”的结果 · 打开机器人"
    only_excluded = await ask_inline(server, di, "-发展")
    assert only_excluded["button"]["text"].startswith("输入至少两个字的关键词")


async def test_a_correction_and_a_home_word_left_out_are_said_above_the_results(
    server: FakeBotApi, bot: Application
) -> None:
    ike = server.add_user("Ike")
    corrected = await ask_inline(server, ike, "乡村振星")
    assert corrected["results"] and "乡村振兴" in bold(corrected["results"][0]["message"])
    assert corrected["button"]["text"] == "已按“乡村振兴”搜索 · 打开机器人"
    unset = await ask_inline(server, ike, "本市 地区生产总值")
    assert unset["results"]
    assert unset["button"]["text"] == "“我县”“本市”未搜索：私聊机器人发送 /region 地名"
    # the place set in the private chat with the bot is what 本市 means inline
    assert "烟台" in (await ask(server, ike, ike, "/region 烟台市")).message["text"]
    home = await ask_inline(server, ike, "本市 地区生产总值")
    assert home["button"] is None
    assert home["results"][1]["title"].startswith("〔烟台 · 地区生产总值〕")


@pytest.mark.fake_bot(language_code="en")
async def test_english_client_gets_english_titles_and_sources(
    server: FakeBotApi, bot: Application
) -> None:
    ed = server.add_user("Ed")
    answer = await ask_inline(server, ed, "烟台 2024 GDP 增长目标")
    card, first = answer["results"][:2]
    # the place, the indicator and the figure in English (english-trial18)
    assert card["title"] == "🎯 Yantai 2024 GDP target: growth of about 5.5%"
    assert card["message"]["text"].startswith("🎯 Answer: Yantai 2024 GDP target")
    assert first["title"].startswith("[Yantai · 2024 · GDP] ")
    assert "📄 Source: " in first["message"]["text"]
    more = first["message"]["reply_markup"]["inline_keyboard"][0][0]["text"]
    assert more.startswith("🔎 More results for “")
    nothing = await ask_inline(server, ed, "冥王星")
    assert nothing["button"]["text"] == "No results for “冥王星” · open the bot"


async def test_inline_queries_spend_the_users_flood_tokens(
    server: FakeBotApi, engine: Engine
) -> None:
    settings = engine.settings.model_copy(update={"flood_burst": 2, "flood_rate": 60})
    now = [1000.0]
    async with running(server, engine, settings) as app:
        services_of(app).flood.clock = lambda: now[0]
        fay = server.add_user("Fay")
        assert (await ask_inline(server, fay, "就业目标"))["results"]
        await ask(server, fay, fay, "/help")  # the same bucket as her private chat
        refused = await ask_inline(server, fay, "就业目标")
        assert refused["results"] == [] and refused["cache_time"] == 0
        assert refused["button"]["text"] == "请求过于频繁，请 1 秒后再试。"
        again = await ask_inline(server, fay, "就业")  # refused every time, never a spinner
        assert again["button"]["text"].startswith("请求过于频繁")
        now[0] += 1.0
        assert (await ask_inline(server, fay, "就业目标"))["results"]


async def test_a_failed_search_is_answered_not_left_spinning(
    server: FakeBotApi,
    bot: Application,
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("index on fire")

    monkeypatch.setattr(engine, "search", broken)
    gus = server.add_user("Gus")
    answer = await ask_inline(server, gus, "就业目标")
    assert answer["results"] == [] and answer["cache_time"] == 0
    assert answer["button"]["text"] == "出错了，请稍后再试 · 打开机器人"
    assert not server.calls("sendMessage")  # no chat to apologise in
    failed = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert any(f"inline query of user {gus.id} failed" in m for m in failed)
    assert not any("就业目标" in m for m in failed)  # what the user typed stays theirs


async def test_a_passage_dropped_into_the_bots_own_chat_is_not_a_query(
    server: FakeBotApi, bot: Application
) -> None:
    kay = server.add_user("Kay")
    flood = services_of(bot).flood
    flood.clock = lambda: 1000.0  # tokens do not refill: any spent shows
    asked = await server.inline_query(kay, "就业目标")
    await server.next_call("answerInlineQuery")
    picked = server.inline_answer(asked)["results"][1]
    dropped = await server.send_inline_result(kay, kay, asked, picked["id"])
    assert dropped["via_bot"]["username"] == BOT_NAME
    assert dropped["text"] == picked["message"]["text"] and "📄 来源：" in dropped["text"]
    tokens = flood._buckets[kay.id].tokens
    # handled to its end (process_update awaits every handler): not searched, not answered,
    # no flood token spent; Telegram delivers it to the bot as any message of its chat
    await bot.process_update(Update.de_json({"update_id": 10**9, "message": dropped}, bot.bot))
    assert not server.calls("sendMessage")
    assert flood._buckets[kay.id].tokens == tokens


async def test_help_says_inline_use_when_inline_mode_is_on(
    server: FakeBotApi, bot: Application
) -> None:
    hal = server.add_user("Hal")
    help_text = (await ask(server, hal, hal, "/help")).message["text"]
    assert f"在任何聊天的输入框中写 @{BOT_NAME} 关键词" in help_text
    start = (await ask(server, hal, hal, "/start inline")).message["text"]  # the button's link
    assert "政策简报机器人" in start and f"@{BOT_NAME} 就业目标" in start
    assert "在任何聊天的输入框中写" not in help_html(BOT_NAME)  # inline mode off: not said
    english = help_html(BOT_NAME, inline=True, lang="en")
    assert f"In any chat, type @{BOT_NAME} and keywords" in english


def test_document_text_is_escaped_and_ids_unique() -> None:
    hit = search_hit(
        "比重<5% & 目标>3%的<b>地区</b>",
        title="<script>标题</script>",
        section=("一、A&B",),
        highlights=(),
    )
    twice = SearchResponse(
        query="地区", hits=(hit, hit), total=2, page=1, page_size=10, answer=answer_card()
    )
    results = inline_results(twice, "zh")
    assert [r.id for r in results] == ["c:1:d1", "p:d1:0"]  # a passage listed once
    text = results[1].input_message_content.message_text
    assert "比重&lt;5% &amp; 目标&gt;3%的&lt;b&gt;地区&lt;/b&gt;" in text
    assert "<b>&lt;script&gt;标题&lt;/script&gt;</b> › 一、A&amp;B" in text
    assert results[1].title == "<script>标题</script> › 一、A&B"  # a title is plain text


def test_a_title_never_claims_a_place_or_year_no_document_is_about() -> None:
    gdp = "地区生产总值"
    unmatched_year = Understood(region="山东", year=2031, indicator=gdp, unmatched=("year",))
    assert understood_tag(unmatched_year, "zh") == "山东 · 地区生产总值"
    one_absent = Understood(region="山东", regions=("山东", "火星"), absent=("火星",))
    assert understood_tag(one_absent, "zh") == "山东"
    assert understood_tag(Understood(region="火星", unmatched=("region",)), "zh") is None
    both = Understood(region="山东", regions=("山东", "江苏"), year=2024, years=(2024, 2025))
    assert understood_tag(both, "en") == "Shandong, Jiangsu · 2024, 2025"  # english-trial18
    plan = Understood(period=PlanPeriod("十四五", 2021, 2025), indicator=gdp)
    assert understood_tag(plan, "zh") == "十四五 · 地区生产总值"
