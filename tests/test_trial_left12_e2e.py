"""What ``trial-left11`` and the eleventh user trial (``bench/RESULTS.md``) left, through
the fake Bot API server (the real Application, as ``tests/e2e.py`` drives it), and unit
cases of the pure parts on invented text: a pasted report added as a document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.library import Engine
from bot.storage import Database
from bot.text.pasted import pasted_bytes, pasted_filename, pasted_title
from bot.text.tokenize import Tokenizer
from fake_telegram import FakeBotApi
from handlers.pending_uploads import PASTED_KEPT, pasted_texts
from tests.e2e import ask, ask_text, buttons, engine_copy, press, running

ADMIN_ID = 8101
USER_ID = 8102

# An invented report, longer than a query and made of lines: what a reporter pastes.
REPORT = (
    "2026年青川市人民政府工作报告\n\n一、2025年工作回顾\n"
    "全市地区生产总值增长5.3%，城镇新增就业2.6万人。\n二、2026年主要目标\n"
    + "今年地区生产总值增长5.5%左右，一般公共预算收入增长4%，粮食产量稳定在60万吨以上。"
    * 4
)
REPORT_NAME = "2026年青川市人民政府工作报告.txt"


# -- the pure parts ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("2026年青川市政府工作报告\n正文", "2026年青川市政府工作报告.txt"),
        ("\n\n  # 《青川市十五五规划纲要》 \n正文", "青川市十五五规划纲要.txt"),
        (
            "关于印发《方案》的通知：青发/2026/3号\n正文",
            "关于印发《方案》的通知：青发 2026 3号.txt",
        ),
        ("..\\..\\etc\n正文", "etc.txt"),
        ("***\n---\n正文第一行", "正文第一行.txt"),
        ("?:*|\n", "pasted.txt"),
        ("", "pasted.txt"),
    ],
)
def test_a_pasted_text_is_named_by_its_first_line(text: str, name: str) -> None:
    assert pasted_filename(text) == name


def test_a_long_first_line_is_cut_to_a_title() -> None:
    line = "青川市" + "推进高质量发展" * 20
    assert pasted_title(line + "\n正文") == line[:40]
    assert len(pasted_filename(line).encode("utf-8")) < 200  # a name the upload takes


def test_the_same_text_pasted_twice_is_the_same_file() -> None:
    typed = "标题\r\n\r\n第一段。  \r\n第二段。\n\n"
    again = "\n标题\n\n第一段。\n第二段。"
    assert pasted_bytes(typed) == pasted_bytes(again) == "标题\n\n第一段。\n第二段。\n".encode()


def test_pasted_texts_keep_the_newest_and_expire(tmp_path: Path) -> None:
    now = [1000.0]
    store = pasted_texts(tmp_path)
    store.clock = lambda: now[0]
    tokens = []
    for n in range(PASTED_KEPT + 2):
        now[0] += 1
        tokens.append(store.put(f"{n}.txt", b"x", chat_id=1, user_id=1))
    assert sorted(store.tokens()) == sorted(tokens[2:])  # the two oldest made room
    assert store.get(tokens[0]) is None and store.get(tokens[-1]) is not None
    now[0] += store.ttl + 1
    assert store.get(tokens[-1]) is None and store.take(tokens[-1]) is None


# -- through the bot ---------------------------------------------------------------------------
@pytest.fixture
def engine(bundled_template: Path, tmp_path: Path, tokenizer: Tokenizer) -> Engine:
    """A private copy of the bundled corpus and its index: the tests add to it."""
    return engine_copy(bundled_template, tmp_path, tokenizer, owners=[ADMIN_ID], flood_burst=0)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database.open(url=f"sqlite:///{tmp_path}/b.db")
    yield db
    db.close()


async def _outcome(server: FakeBotApi, chat, received: dict) -> str:
    """The text the "received" reply is edited into (the upload's outcome)."""

    def edited(call) -> bool:
        return (
            call.method == "editMessageText"
            and call.ok
            and call.message["message_id"] == received["message_id"]
            and not call.message["text"].startswith("⏳")
        )

    return (await server.wait_for(edited, timeout=30)).message["text"]


async def _press_add(server: FakeBotApi, message: dict, user) -> tuple[dict, str]:
    """Press "➕ 加入文库"; the "received" reply and the outcome edited into it."""
    answered = await press(server, message, "➕ 加入文库", user)
    assert answered.ok
    received = (await server.next_call("sendMessage", chat=user)).message
    assert received["text"].startswith("📥 已收到"), received["text"]
    return received, await _outcome(server, user, received)


def _titles(engine: Engine) -> list[str]:
    return [d.relpath for d in engine.documents()]


async def test_an_admin_adds_a_pasted_report_with_one_press(
    server: FakeBotApi, engine: Engine, database: Database
) -> None:
    """A pasted report was searched and she was told to save it as a file; an admin is
    now offered a button that adds it, named by its first line, searchable at once. The
    same text pasted and added again is the one document."""
    admin = server.add_user("林记者", id=ADMIN_ID)
    before = len(engine.documents())
    async with running(server, engine, database=database):
        reply = (await ask(server, admin, admin, REPORT)).message
        assert reply["text"].startswith("ℹ️ 这条消息像是一份文件的正文")
        assert REPORT_NAME in reply["text"] and "➕ 加入文库" in buttons(reply)
        received, outcome = await _press_add(server, reply, admin)
        assert REPORT_NAME in received["text"]
        assert "已添加" in outcome and REPORT_NAME in outcome, outcome
        assert REPORT_NAME in _titles(engine) and len(engine.documents()) == before + 1
        found = await ask_text(server, admin, admin, "青川 粮食产量")
        assert "青川" in found
        # pressed twice: the text was taken by the first press
        again = await press(server, reply, "➕ 加入文库", admin)
        assert again.params.get("show_alert") and "已过期或已加入" in again.params["text"]
        # the same report pasted again and added: a duplicate, not a second document
        reply = (await ask(server, admin, admin, REPORT + "\n")).message
        _received, outcome = await _press_add(server, reply, admin)
        assert "重复文件" in outcome and "内容相同" in outcome, outcome
        assert len(engine.documents()) == before + 1


async def test_a_pasted_text_survives_a_restart_before_the_press(
    server: FakeBotApi, engine: Engine, database: Database
) -> None:
    """The text waits on disk, not in the process: the bot restarted between the paste
    and the press still adds it."""
    admin = server.add_user("林记者", id=ADMIN_ID)
    async with running(server, engine, database=database):
        reply = (await ask(server, admin, admin, REPORT)).message
    async with running(server, engine, database=database):
        _received, outcome = await _press_add(server, reply, admin)
        assert "已添加" in outcome and REPORT_NAME in _titles(engine)


async def test_add_command_adds_the_text_after_it_or_the_message_replied_to(
    server: FakeBotApi, engine: Engine, database: Database
) -> None:
    admin = server.add_user("林记者", id=ADMIN_ID)
    other = "青川市2026年民生实事清单\n" + "新建改建农村公路120公里，新增托位800个。" * 3
    async with running(server, engine, database=database):
        await server.send_message(admin, admin, "/add " + REPORT)
        received = (await server.next_call("sendMessage", chat=admin)).message
        assert received["text"].startswith("📥 已收到") and REPORT_NAME in received["text"]
        assert "已添加" in await _outcome(server, admin, received)
        pasted = await server.send_message(admin, admin, other)
        await server.next_call("sendMessage", chat=admin)  # its search
        await server.send_message(admin, admin, "/add", reply_to=pasted)
        received = (await server.next_call("sendMessage", chat=admin)).message
        assert "青川市2026年民生实事清单.txt" in received["text"]
        assert "已添加" in await _outcome(server, admin, received)
        # text the library refuses (no Chinese) is refused as such a file is
        await server.send_message(admin, admin, "/add Quarterly notes\nNothing in Chinese here.")
        received = (await server.next_call("sendMessage", chat=admin)).message
        refused = await _outcome(server, admin, received)
        assert refused.startswith("❌"), refused
        assert "Quarterly notes.txt" not in _titles(engine)


async def test_a_pasted_text_over_the_size_limit_is_refused_before_indexing(
    server: FakeBotApi, bundled_template: Path, tmp_path: Path, tokenizer: Tokenizer
) -> None:
    """The file limit holds for a text too: at 0.01 MB (10,486 bytes), a message of
    3,600 Chinese characters (10,800 bytes in UTF-8) is refused, said as a file is."""
    small = engine_copy(bundled_template, tmp_path, tokenizer, owners=[ADMIN_ID], max_file_mb=0.01)
    admin = server.add_user("林记者", id=ADMIN_ID)
    before = len(small.documents())
    long_report = "青川市统计公报\n" + "全市粮食产量稳定增长。" * 360
    async with running(server, small):
        said = await ask_text(server, admin, admin, "/add " + long_report)
        assert said.startswith("❌") and "过大" in said, said
        assert len(small.documents()) == before


async def test_non_admins_are_told_they_cannot_add(
    server: FakeBotApi, engine: Engine, database: Database
) -> None:
    """A member pasting a report gets the search and the note, no button; ``/add`` with
    text is refused; a press of an admin's button by someone else is refused."""
    admin = server.add_user("林记者", id=ADMIN_ID)
    member = server.add_user("读者", id=USER_ID)
    before = len(engine.documents())
    async with running(server, engine, database=database):
        reply = (await ask(server, member, member, REPORT)).message
        assert reply["text"].startswith("ℹ️ 这条消息像是一份文件的正文")
        assert "➕ 加入文库" not in buttons(reply) and ".txt" in reply["text"]
        said = await ask_text(server, member, member, "/add " + REPORT)
        assert said == (
            "⛔ 只有机器人管理员可以向文库添加文件，这段文字未加入。\n"
            "要成为管理员，请联系机器人的所有者（部署机器人的人），"
            f"请他在与我的私聊中发送 /admin add {USER_ID}"
        )
        said = await ask_text(server, member, member, "/add")  # how documents are added
        assert "/add" in said and ".docx" in said
        # an admin's button pressed by another user (the message forwarded, say)
        admins = (await ask(server, admin, admin, REPORT)).message
        refused = await press(server, admins, "➕ 加入文库", member)
        assert refused.params.get("show_alert")
        assert refused.params["text"] == "⛔ 只有机器人管理员可以向文库添加文件，这段文字未加入。"
    assert len(engine.documents()) == before


async def test_the_button_and_note_are_in_english_for_an_english_admin(
    server: FakeBotApi, engine: Engine, database: Database
) -> None:
    admin = server.add_user("Lin", id=ADMIN_ID)
    async with running(server, engine, database=database):
        await ask_text(server, admin, admin, "/lang en")
        reply = (await ask(server, admin, admin, REPORT)).message
        assert "press “➕ Add to the library”" in reply["text"]
        assert "➕ Add to the library" in buttons(reply)


# -- places stored as keywords before user-trial10 ---------------------------------------------
def test_migration_0016_writes_a_stored_bare_place_as_subscribe_reads_it_now(db_url) -> None:
    """A subscription made before ``user-trial10`` kept 四川 as a keyword (every
    province's GDP came); after 0016 it reads as ``/subscribe 四川 GDP`` does now, where
    that reading is unambiguous. Every other column and every id is kept."""
    from sqlalchemy import text

    from bot.digest.filters import format_filter, parse_filter
    from bot.storage import Database
    from bot.subscriptions.commands import typed_filter
    from tests.conftest import utc_literal

    typed = {  # id -> the filter as typed then (stored as the writer of then wrote it)
        3: "四川 GDP",
        5: "全国 四川省 贵州 云南 GDP kind:all",
        9: "外贸 黔东南 year:2025 confidence:all",
        11: "贵州 GDP value:>5",
        12: "region:苏州 江苏",  # the province says where the city lies: a keyword today too
        14: "长安 GDP",  # a district's name, and a word: left
        15: "四川GDP",  # inside a longer keyword: left
        16: "+四川 GDP !云南",  # required and excluded words: left
        17: "“四川 成都” GDP",  # a quoted phrase: left
    }
    latin = {18: "Sichuan GDP"}  # English and pinyin names are not in the frozen list
    told = {3: "四川 GDP"}  # its matches-nothing notice was told for this filter
    db = Database(db_url)
    try:
        db.upgrade("0015")
        at = utc_literal(db, "2025-03-01 00:00:00.000000")
        with db.engine.begin() as conn:
            for sub_id, filter_text in (typed | latin).items():
                conn.execute(
                    text(
                        "INSERT INTO subscriptions (id, chat_id, chat_type, chat_title, "
                        "created_by, filter_text, schedule_kind, schedule_expr, timezone, "
                        "quiet_when_empty, active, paused, deactivated_reason, "
                        "last_delivered_at, created_at, updated_at, nothing_told_filter) "
                        "VALUES (:id, :chat, 'private', NULL, 7, :filter, 'daily', '08:00', "
                        "'Asia/Shanghai', FALSE, TRUE, FALSE, NULL, :at, :at, :at, :told)"
                    ),
                    {
                        "id": sub_id,
                        "chat": 40 + sub_id,
                        "filter": format_filter(parse_filter(filter_text)),
                        "at": at,
                        "told": told.get(sub_id),
                    },
                )

        def rows() -> dict[int, dict]:
            with db.engine.connect() as conn:
                found = conn.execute(text("SELECT * FROM subscriptions")).mappings()
                return {row["id"]: dict(row) for row in found}

        before = rows()
        db.upgrade("0016")
        after = rows()
        assert after.keys() == before.keys()
        filters = ("filter_text", "nothing_told_filter")
        for sub_id, row in after.items():
            rest = {k: v for k, v in row.items() if k not in filters}
            assert rest == {k: v for k, v in before[sub_id].items() if k not in filters}
        now = {i: format_filter(parse_filter(typed_filter(t))) for i, t in typed.items()}
        assert {i: after[i]["filter_text"] for i in typed} == now
        assert after[3]["filter_text"] == "GDP region:四川"
        assert after[3]["nothing_told_filter"] == "GDP region:四川"
        assert after[5]["filter_text"] == (
            "GDP region:全国 region:四川省 region:贵州 region:云南 kind:all"
        )
        assert after[9]["filter_text"] == "外贸 region:黔东南 year:2025 confidence:all"
        assert after[11]["filter_text"] == "GDP region:贵州 value:>5"
        for untouched in (12, 14, 15, 16, 17, 18):
            assert after[untouched] == before[untouched], untouched
        db.downgrade("0015")  # the rows stay as written
        assert {i: r["filter_text"] for i, r in rows().items()} == {
            i: r["filter_text"] for i, r in after.items()
        }
    finally:
        db.close()


def test_the_frozen_places_are_read_as_regions_by_subscribe_today() -> None:
    """0016 writes nothing ``/subscribe`` would not: every name it holds is read as
    ``region:`` by today's reading, and every province's short name is among them."""
    import importlib.util

    from bot.corpus.gazetteer import default_gazetteer
    from bot.storage.db import MIGRATIONS_DIR
    from bot.subscriptions.commands import places_as_regions

    path = MIGRATIONS_DIR / "versions" / "0016_subscription_bare_places.py"
    spec = importlib.util.spec_from_file_location("m0016", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    gazetteer = default_gazetteer()
    for name in sorted(module.PLACES):
        assert places_as_regions([name], gazetteer) == [f"region:{name}"], name
    provinces = {p.short for p in gazetteer.by_code.values() if p.level == "provincial"}
    assert len(provinces) >= 34 and provinces <= module.PLACES
    assert module.rewritten("长安 鼓楼 GDP") is None and module.rewritten("") is None


# -- a filter whose value condition leaves everything out --------------------------------------
# Invented texts: a city's report with a 6% growth target, another city's bulletin (results).
GROWTH_REPORT = (
    "德阳市2031年政府工作报告\n\n一、2031年工作安排\n\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业2万人以上。\n"
)
GROWTH_BULLETIN = (
    "绵阳市2030年国民经济和社会发展统计公报\n\n绵阳市统计局\n\n一、综合\n\n"
    "全年实现地区生产总值1000.5亿元，比上年增长5.2%。城镇新增就业3.1万人。\n"
)


@pytest.fixture
def growth_engine(tmp_path: Path, tokenizer: Tokenizer) -> Engine:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "deyang_report.txt").write_text(GROWTH_REPORT, encoding="utf-8")
    (corpus / "mianyang_bulletin.txt").write_text(GROWTH_BULLETIN, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, data_dir=tmp_path / "data")
    return Engine.open(settings, tokenizer=tokenizer)


@pytest.mark.parametrize(
    ("filter_text", "why"),
    [
        ("地区生产总值 value:>9", "value"),  # a 6% target, none above 9
        ("地区生产总值 value:>5", None),
        ("地区生产总值 value:<5", "value"),
        ("地区生产总值 value:>9% kind:all", "value"),  # 6% and 5.2%, none above 9%
        ("地区生产总值 value:>9 kind:all", None),  # no unit typed: 1000.5亿元 passes
        ("地区生产总值 value:>5.1 kind:all", None),
        ("火星 value:>9", "nothing"),  # the words find nothing: not the condition's fault
        ("region:绵阳 value:>1", "kinds"),  # results only, and the digest lists targets
        ("region:绵阳 value:>9", "kinds"),  # 1000.5亿元, a result
        ("region:绵阳 value:>9999", "nothing"),  # no figure of 绵阳 passes, no target at all
    ],
)
def test_why_nothing_matches_names_a_value_condition(
    growth_engine: Engine, filter_text: str, why: str | None
) -> None:
    from bot.subscriptions.compose import unmatched

    assert unmatched(growth_engine, filter_text) == why


def test_the_value_reason_is_said_with_the_rest_of_the_filter() -> None:
    from bot.subscriptions.compose import unmatched_note

    said = unmatched_note("value", "地区生产总值 region:青川 value:>9", "zh")
    assert said.startswith("⚠️ 现有文件中有符合“关键词：地区生产总值；地区：青川”的目标")
    assert "但没有一个高于 9" in said
    said = unmatched_note("value", "value:>=7%", "en")
    assert "matching “every target”, but none at least 7%" in said
    assert unmatched_note("nothing", "火星", "zh").startswith("⚠️ 现有文件中没有符合")


async def test_subscribe_and_digest_name_the_value_condition_as_the_reason(
    server: FakeBotApi, growth_engine: Engine, db_url: str
) -> None:
    """``/subscribe 地区生产总值 高于9`` was told "a misspelt region or keyword?" while the
    words found the target; the condition is named now, and so in the digest's notice."""
    from tests.test_subscriptions_e2e import running as subscribed
    from tests.test_subscriptions_e2e import store_of
    from tests.test_user_trial8_e2e import delivered

    reader = server.add_user("林记者")
    async with subscribed(server, growth_engine, db_url) as app:
        said = await ask_text(server, reader, reader, "/subscribe 地区生产总值 高于9 08:00")
        assert "有符合“关键词：地区生产总值”的目标，但没有一个高于 9" in said, said
        assert "写错了吗" not in said
        (sub,) = store_of(app).list_for_chat(reader.id)
        delivered(store_of(app), sub.id)
        said = await ask_text(server, reader, reader, f"/digest {sub.id}")
        assert said.startswith("📭 重点目标推送（关键词：地区生产总值；数值：高于 9）")
        assert "但没有一个高于 9：是数值条件把它们都排除了" in said
        said = await ask_text(server, reader, reader, "/subscribe 地区生产总值 高于5 09:00")
        assert "没有一个" not in said and "没有符合" not in said  # the 6% target passes


# -- how a query asks, read once -----------------------------------------------------------------
QUERIES = [
    "去年粮食产量达到了多少",
    "怎么推进乡村振兴",
    "怎麼發展低空經濟",  # traditional characters
    "过去五年如何落实就业优先",  # past and how: the past wins
    "明年有哪些举措",
    "ＧＤＰ排第几",  # full width
    "双高计划是什么意思",
    "what does new quality productivity mean",
    "乡村振兴做得怎么样",
    "新质生产力",
    "",
]


@pytest.mark.parametrize("query", QUERIES)
def test_asking_reads_the_past_once_with_the_same_answers(query: str, monkeypatch) -> None:
    """``Asking.of`` asked ``asks_past`` twice (once itself, once through ``asks_how``):
    now once, and every flag is what the separate readers say."""
    from bot.search import asking

    expected = asking.Asking(
        how=asking.asks_how(query),
        past=asking.asks_past(query),
        titled=not asking.asks_past(query),
        counted=asking.asks_figure(query),
        meaning=asking.asks_meaning(query),
    )
    calls: list[str] = []
    real = asking.asks_past

    def counted(text: str) -> bool:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(asking, "asks_past", counted)
    assert asking.Asking.of(query) == expected
    assert len(calls) == 1


async def test_a_forwarded_report_is_offered_to_an_admin_too(
    server: FakeBotApi, engine: Engine, database: Database
) -> None:
    """A report forwarded from a channel reads as pasted text: an admin gets the button
    (and the forwarded note), a short forwarded notice keeps the note alone."""
    admin = server.add_user("林记者", id=ADMIN_ID)
    chat = server.private_chat(admin)
    origin = {"type": "hidden_user", "sender_user_name": "市政府办", "date": 1}
    notice = "各乡镇：请于本周五前报送就业目标任务完成情况。"
    replies = {}
    async with running(server, engine, database=database):
        for text in (REPORT, notice):
            message = {"from": admin.to_api(), "text": text, "forward_origin": origin}
            stored = server.world.store_message(chat, message, from_bot=False)
            await server.inject_update("message", stored.data)
            replies[text] = (await server.next_call("sendMessage", chat=admin)).message
            said = replies[text]["text"]
            assert said.startswith("ℹ️ 这是一条转发的消息，我按其中的文字搜索了文库。")
        assert REPORT_NAME in replies[REPORT]["text"]
        assert "➕ 加入文库" in buttons(replies[REPORT])
        assert "➕ 加入文库" not in buttons(replies[notice])
        _received, outcome = await _press_add(server, replies[REPORT], admin)
        assert "已添加" in outcome and REPORT_NAME in _titles(engine)
