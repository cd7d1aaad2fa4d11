"""What ``trial-left12``, ``user-trial12`` and ``card-region`` (``bench/RESULTS.md``) left,
through the fake Bot API server (the real Application, as ``tests/e2e.py`` drives it), and
unit cases on invented text: places stored in English or pinyin, a report pasted in
several messages, a county and its province subscribed, the way to become an admin."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from bot.digest.filters import format_filter, parse_filter
from bot.library import Engine
from bot.storage import Database
from bot.storage.db import MIGRATIONS_DIR
from bot.subscriptions.commands import typed_filter
from bot.text.tokenize import Tokenizer
from fake_telegram import FakeBotApi
from tests.conftest import utc_literal
from tests.e2e import ask, ask_text, build_template, buttons, engine_copy, press, running
from tests.test_subscriptions_e2e import store_of
from tests.test_trial_left12_e2e import _press_add

OWNER_ID = 8301
USER_ID = 8302


@pytest.fixture
def engine(bundled_template: Path, tmp_path: Path, tokenizer: Tokenizer) -> Engine:
    """A private copy of the bundled corpus and its index: the tests add to it."""
    return engine_copy(bundled_template, tmp_path, tokenizer, owners=[OWNER_ID], flood_burst=0)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database.open(url=f"sqlite:///{tmp_path}/b.db")
    yield db
    db.close()


def _migration(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name[:4], MIGRATIONS_DIR / "versions" / name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- places stored in English or pinyin ---------------------------------------------------------
def test_migration_0017_writes_stored_latin_places_as_subscribe_reads_them_now(db_url) -> None:
    """Subscriptions stored with ``Shandong GDP`` (a keyword: nothing about 山东 came) or
    ``region:Shandong`` (said back as "地区：Shandong") read after 0017 as ``/subscribe``
    reads the same words now; what the reader cannot read stays. Every other column and
    every id is kept; downgrade keeps the rows."""
    from sqlalchemy import text

    stored = {  # id -> the filter as the writer of then stored it
        3: "Shandong GDP",
        4: "GDP shandong kind:all",  # lower case: a province's name is read so too
        5: "region:Shandong",
        6: "region:sichuan",
        7: "Beijing Shanghai 就业 year:2025",
        8: "GDP region:“Inner Mongolia”",
        9: "Kaili 财政收入 value:>5",  # a county one place carries
        10: "region:Pengxi",  # a county after region:
    }
    left = {
        11: "Jiangsu region:Suzhou",  # typed region:Suzhou Jiangsu: a name two places share
        12: "Suzhou GDP",  # shared, nothing tells which
        13: "GDP heping",  # an English word, a county's name only capitalised
        14: "GDP Changan",  # a county's name several carry
        15: "+Sichuan GDP",  # a required word: left, as 0016 left +四川
        16: "GDP Guangdong region:广州",  # a region named already: the province says where
        17: "housing GDP",  # no place at all
    }
    told = {3: "Shandong GDP", 12: "Suzhou GDP"}
    db = Database(db_url)
    try:
        db.upgrade("0016")
        at = utc_literal(db, "2025-03-01 00:00:00.000000")
        with db.engine.begin() as conn:
            for sub_id, filter_text in (stored | left).items():
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
                        "filter": filter_text,
                        "at": at,
                        "told": told.get(sub_id),
                    },
                )

        def rows() -> dict[int, dict]:
            with db.engine.connect() as conn:
                found = conn.execute(text("SELECT * FROM subscriptions")).mappings()
                return {row["id"]: dict(row) for row in found}

        before = rows()
        db.upgrade("0017")
        after = rows()
        assert after.keys() == before.keys()
        filters = ("filter_text", "nothing_told_filter")
        for sub_id, row in after.items():
            rest = {k: v for k, v in row.items() if k not in filters}
            assert rest == {k: v for k, v in before[sub_id].items() if k not in filters}
        # what /subscribe stores for the same words today
        now = {i: format_filter(parse_filter(typed_filter(t))) for i, t in stored.items()}
        assert {i: after[i]["filter_text"] for i in stored} == now
        assert after[3]["filter_text"] == "GDP region:山东"
        assert after[3]["nothing_told_filter"] == "GDP region:山东"
        assert after[4]["filter_text"] == "GDP region:山东 kind:all"
        assert after[5]["filter_text"] == "region:山东"
        assert after[7]["filter_text"] == "就业 region:北京 region:上海 year:2025"
        assert after[8]["filter_text"] == "GDP region:内蒙古"
        assert after[9]["filter_text"] == "财政收入 region:凯里 value:>5"
        assert after[10]["filter_text"] == "region:蓬溪"
        for untouched in left:
            assert after[untouched] == before[untouched], untouched
        db.downgrade("0016")  # the rows stay as written
        assert {i: r["filter_text"] for i, r in rows().items()} == {
            i: r["filter_text"] for i, r in after.items()
        }
    finally:
        db.close()


def test_the_frozen_latin_names_are_read_as_the_core_reads_them_today() -> None:
    """0017 writes nothing ``/subscribe`` would not: every English or pinyin name it holds
    is read, capitalised and in lower case, bare and after ``region:``, as the core's
    place reader reads it today; and every province's and prefecture-level city's Latin
    name the core reads is among them."""
    from bot.corpus.gazetteer import default_gazetteer, latin_names, region_words
    from bot.subscriptions.commands import places_as_regions

    module = _migration("0017_subscription_latin_places.py")
    gazetteer = default_gazetteer()
    for key, (short, capital_only, as_keyword) in module.NAMES.items():
        for typed in (key.capitalize(), key):
            read = not (capital_only and typed == key)
            bare = places_as_regions([typed], gazetteer) == [f"region:{short}"]
            assert bare == (read and as_keyword), (typed, short)
            assert module.latin_place(typed, bare=True) == (short if bare else None)
            after_region = region_words(typed) == [short]
            assert after_region == read, (typed, short)
            assert module.latin_place(typed, bare=False) == (short if read else None)
    levels = {p.short: p.level for p in gazetteer.by_code.values()}
    wider = {k for k, (short, _, _) in latin_names().items() if levels.get(short) != "county"}
    assert len(wider) > 300 and wider <= module.NAMES.keys()
    assert module.latin_place("Sichuan Province", bare=False) == "四川"
    assert module.latin_place("Sichuan Province", bare=True) is None  # two keywords then
    assert module.rewritten("subscriptions.filter_text #0：碳达峰 “引号” 'q' 📭") is None
    assert module.rewritten("") is None and module.rewritten(None) is None


# -- an admin command refused ------------------------------------------------------------------
async def test_a_member_refused_an_admin_command_is_told_how_to_become_one(
    server: FakeBotApi, engine: Engine, database: Database
) -> None:
    """ "Only admins can" left him with no one to ask: every admin-only refusal says whom to
    ask (the owner by the username last seen, else "the bot's owner") and what the owner
    sends; sent, it works."""
    owner = server.add_user("林", id=OWNER_ID, username="lin_owner")
    member = server.add_user("王", id=USER_ID, username="wang_m")
    group = server.add_chat("supergroup", "发改局")
    server.set_member(group, member, "creator")  # a group's creator is no bot admin
    async with running(server, engine, database=database):
        said = await ask_text(server, member, member, "/status")  # the owner not seen yet
        assert said == (
            "⛔ 只有机器人管理员可以使用此命令。\n要成为管理员，请联系机器人的所有者"
            "（部署机器人的人），请他在与我的私聊中发送 /admin add @wang_m"
        )
        await ask_text(server, owner, owner, "/help")  # now seen, by his username
        how = "要成为管理员，请联系所有者 @lin_owner，请他在与我的私聊中发送 /admin add @wang_m"
        said = await ask_text(server, group, member, "/audit")
        assert said == f"⛔ 只有机器人管理员可以使用此命令。\n{how}"
        said = await ask_text(server, member, member, "/remove 0001")
        assert said == f"⛔ 只有机器人管理员可以管理文件。\n{how}"
        await ask_text(server, member, member, "/lang en")
        said = await ask_text(server, member, member, "/sources")
        assert said == (
            "⛔ Only the bot's admins can manage sources.\nTo become an admin, ask an owner, "
            "@lin_owner, to send me /admin add @wang_m in a private chat"
        )
        # what the refusal says to send works
        assert "@wang_m" in await ask_text(server, owner, owner, "/admin add @wang_m")
        assert "⛔" not in await ask_text(server, member, member, "/status")


# -- a county and its province subscribed --------------------------------------------------------
# Invented documents about real places: a province's report, two of its counties' reports.
REPORTS = {
    "hunan_2026_report.txt": (
        "2026年湖南省人民政府工作报告\n\n二、2026年主要目标\n"
        "今年全省经济社会发展主要预期目标是：地区生产总值增长5.5%左右，粮食产量610亿斤以上。\n"
    ),
    "攸县2026年政府工作报告.txt": (
        "2026年攸县人民政府工作报告\n\n二、2026年主要目标\n地区生产总值增长7%左右；固定资产投资增长9%。\n"
    ),
    "茶陵县2026年政府工作报告.txt": (
        "2026年茶陵县人民政府工作报告\n\n二、2026年主要目标\n地区生产总值增长6.5%；固定资产投资增长8%。\n"
    ),
}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory, tokenizer: Tokenizer) -> Path:
    source = tmp_path_factory.mktemp("left13-reports")
    for name, text in REPORTS.items():
        (source / name).write_text(text, encoding="utf-8")
    return build_template(tmp_path_factory.mktemp("left13-template"), source, tokenizer)


def test_a_place_then_its_province_typed_bare_are_two_regions() -> None:
    """``蓬溪县 四川`` was one place (the province saying where the county lies); typed
    bare, it is both. Typed after ``region:``, a province still says where (one place)."""
    assert typed_filter("蓬溪县 四川 GDP") == "region:蓬溪县 region:四川 GDP"
    assert typed_filter("四川 蓬溪县") == "region:四川 region:蓬溪县"
    assert typed_filter("苏州 江苏 就业") == "region:苏州 region:江苏 就业"
    # a two-character county keeps 县 in its short name: written whole all the same
    assert typed_filter("攸县 湖南") == "region:攸县 region:湖南"
    assert typed_filter("沛县 GDP") == "region:沛县 GDP"
    assert typed_filter("矿区 东区 GDP") == "矿区 东区 GDP"  # no suffix of their own
    assert format_filter(parse_filter(typed_filter("region:苏州 江苏"))) == "region:苏州"
    assert format_filter(parse_filter(typed_filter("region:Suzhou Jiangsu"))) == "region:苏州"


def test_regions_beside_a_place_inside_them() -> None:
    from bot.corpus.gazetteer import default_gazetteer
    from bot.corpus.regions import regions_beside
    from bot.subscriptions.compose import beside_note

    gazetteer = default_gazetteer()
    assert regions_beside(["蓬溪县", "四川"], gazetteer) == {"四川": "蓬溪县"}
    assert regions_beside(["四川", "成都", "贵州"], gazetteer) == {"四川": "成都"}
    assert regions_beside(["四川", "贵州"], gazetteer) == {}
    assert regions_beside(["湖南"], gazetteer) == {}
    assert beside_note("GDP region:贵州") is None
    assert beside_note("region:攸县 region:湖南", "en") == (
        "ℹ️ 湖南 subscribed with 攸县, a place inside it: the digest holds 湖南's own targets "
        "and 攸县's, not those of 湖南's other places. For all of 湖南's places, subscribe to "
        "region:湖南 alone."
    )


async def test_subscribe_to_a_county_and_its_province_gives_both(
    server: FakeBotApi, reports: Path, tmp_path: Path, tokenizer: Tokenizer
) -> None:
    """``/subscribe 攸县 湖南`` subscribed to 攸县 alone (湖南 read as where it lies); it is
    the county and the province, said so, and the digest holds the province's own
    targets and the county's, not the province's other county's."""
    engine = engine_copy(reports, tmp_path, tokenizer)
    head = server.add_user("王局长")
    async with running(server, engine) as app:
        said = await ask_text(server, head, head, "/subscribe 每周一8:30 攸县 湖南")
        assert "地区：攸县、湖南" in said, said
        assert (
            "ℹ️ 湖南和其下辖的攸县一起订阅：推送湖南本级的目标和攸县的目标，不含湖南其他地方的。"
            "要湖南全部地方的，请只订阅 region:湖南。"
        ) in said, said
        (sub,) = store_of(app).list_for_chat(head.id)
        digest = await ask_text(server, head, head, f"/digest {sub.id}")
        assert "5.5%" in digest and "7%" in digest, digest
        assert "6.5%" not in digest and "茶陵" not in digest, digest
        # the province alone keeps its counties
        said = await ask_text(server, head, head, "/subscribe 湖南")
        assert "ℹ️" not in said, said
        (_, alone) = store_of(app).list_for_chat(head.id)
        digest = await ask_text(server, head, head, f"/digest {alone.id}")
        assert "6.5%" in digest and "7%" in digest, digest


# -- a report pasted in several messages --------------------------------------------------------
# An invented report longer than a Telegram message, as a client sends it: cut at a line
# break under 4,096 characters, the break sent with neither part.
LINE = "今年全市地区生产总值增长5.5%左右，一般公共预算收入增长4%，粮食产量稳定在60万吨以上。"
PART_1 = "2026年青川市人民政府工作报告\n\n一、2025年工作回顾\n" + (LINE + "\n") * 80
PART_2 = "二、2026年主要目标\n" + (LINE + "\n") * 70 + "新建改建农村公路120公里，新增托位800个。"
PART_3 = "以上报告，请予审议。"
PASTED_NAME = "2026年青川市人民政府工作报告.txt"


def test_the_parts_of_a_cut_text_are_told_apart_from_a_new_message() -> None:
    from bot.text.pasted import continues, joined_parts, pasted_bytes

    assert len(PART_1) > 3000
    assert continues(len(PART_1), 1) and continues(3000, 0) and continues(3500, 10)
    assert not continues(2999, 1)  # a text shorter than a cut one was sent whole
    assert not continues(4000, 11)  # typed after reading the reply: a message of its own
    assert not continues(4000, -1)
    assert joined_parts("甲。\n", "\n乙。") == "甲。\n乙。"
    assert pasted_bytes(joined_parts(PART_1, PART_2)).decode().count(LINE) == 150


async def test_a_report_cut_into_three_messages_is_added_as_one_document(
    server: FakeBotApi, engine: Engine, database: Database
) -> None:
    """Telegram cut his pasted report in three messages and each became a document of its
    own (the second named by its first line, the third a line): the parts sent right
    after a cut-length text are joined under one button, nothing searched twice, and
    added whole, once."""
    admin = server.add_user("林记者", id=OWNER_ID)
    before = len(engine.documents())
    async with running(server, engine, database=database):
        first = (await ask(server, admin, admin, PART_1)).message
        assert PASTED_NAME in first["text"] and "➕ 加入文库" in buttons(first)
        second = (await ask(server, admin, admin, PART_2)).message
        assert second["text"] == (
            "➕ 这条接着上一条：Telegram 把超过 4096 字的消息拆成几条发送，我已把它们合为一份文件 "
            f"{PASTED_NAME}（2 段，共 {len(PART_1.strip()) + 1 + len(PART_2)} 字），没有单独搜索。"
            "全部发完后按“➕ 加入文库”，整份加入（一小时内有效）。"
        )
        assert buttons(second) == {"➕ 加入文库": buttons(first)["➕ 加入文库"]}
        third = (await ask(server, admin, admin, PART_3)).message
        assert "（3 段，" in third["text"] and buttons(third) == buttons(second)
        _received, outcome = await _press_add(server, third, admin)
        assert "已添加" in outcome and PASTED_NAME in outcome, outcome
        (added,) = [d for d in engine.documents() if d.relpath == PASTED_NAME]
        text = (engine.settings.corpus_dir / added.relpath).read_text(encoding="utf-8")
        assert text == PART_1.rstrip("\n") + "\n" + PART_2 + "\n" + PART_3 + "\n"
        assert len(engine.documents()) == before + 1
        # the first part's button was the same text: taken
        again = await press(server, first, "➕ 加入文库", admin)
        assert again.params.get("show_alert") and "已过期或已加入" in again.params["text"]
        # what he types next is a search of its own
        said = await ask_text(server, admin, admin, "青川 托位")
        assert "接着上一条" not in said and "青川" in said
    assert len(engine.documents()) == before + 1


async def test_a_message_after_a_pause_or_a_short_paste_stands_alone(
    server: FakeBotApi, engine: Engine, database: Database
) -> None:
    """Only a part sent right after a cut-length text is joined: after a pause (read the
    reply, typed again) or after a text too short to have been cut, a message is its own,
    and a member's pastes are never kept."""
    admin = server.add_user("林记者", id=OWNER_ID)
    member = server.add_user("读者", id=USER_ID)
    now = [1_900_000_000.0]
    server.backend.world.clock = lambda: now[0]
    short = "青川市2026年民生实事清单\n" + "新建改建农村公路120公里，新增托位800个。\n" * 5
    async with running(server, engine, database=database):
        await ask(server, admin, admin, PART_1)
        now[0] += 30
        said = await ask_text(server, admin, admin, PART_2)
        assert "接着上一条" not in said and "二、2026年主要目标" in said
        now[0] += 30
        first = (await ask(server, admin, admin, short)).message
        second = (await ask(server, admin, admin, short.replace("120", "130"))).message
        assert "接着上一条" not in second["text"]
        assert buttons(first)["➕ 加入文库"] != buttons(second)["➕ 加入文库"]
        await ask(server, member, member, PART_1)
        said = await ask_text(server, member, member, PART_2)
        assert "接着上一条" not in said


# -- the journalist's trial ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "filter_text", "expr"),
    [
        ("weekly monday 9:00 Sichuan GDP", "GDP region:四川", "mon 09:00"),
        ("every monday 9:00 GDP", "GDP", "mon 09:00"),
        ("weekly mon 21:30 就业", "就业", "mon 21:30"),
        ("monday 9:00 Sichuan GDP", "GDP region:四川", "mon 09:00"),  # as before
        ("每周一 9:00 GDP", "GDP", "mon 09:00"),
        ("GDP weekly monday 9:00", "GDP", "mon 09:00"),
        # "at" before the time: it and the time were keywords, the digest at 08:00
        ("every monday at 9:00 GDP", "GDP", "mon 09:00"),
        ("daily at 7:30 Hainan", "region:海南", "07:30"),
        ("GDP every day at 9am", "GDP", "09:00"),
        ("at GDP", "at GDP", "08:00"),  # no time after it: a word like any
    ],
)
def test_a_schedule_of_three_words_said_first_is_read_whole(
    typed: str, filter_text: str, expr: str
) -> None:
    """``weekly monday 9:00 Sichuan GDP`` took ``weekly monday`` as the schedule (at the
    default 08:00) and 9:00 as a keyword no figure holds; ``every monday at 9:00 GDP``
    kept ``at`` and ``9:00`` as keywords."""
    from bot.subscriptions.commands import parse_subscribe

    request = parse_subscribe(typed, default_time="08:00")
    assert (request.filter_text, request.schedule.expr) == (filter_text, expr)


async def test_subscribe_with_the_schedule_first_in_english(
    server: FakeBotApi, engine: Engine, database: Database
) -> None:
    journalist = server.add_user("Anna", username="anna_news", language_code="en")
    async with running(server, engine, database=database):
        said = await ask_text(
            server, journalist, journalist, "/subscribe weekly monday 9:00 Sichuan Yunnan GDP"
        )
        assert "Filter: keywords: GDP; regions: 四川, 云南" in said, said
        assert "Mondays at 09:00" in said and "9:00," not in said, said


async def test_compare_of_named_places_in_a_year_keeps_to_them(
    server: FakeBotApi, reports: Path, tmp_path: Path, tokenizer: Tokenizer
) -> None:
    """``/compare GDP Sichuan Yunnan Guizhou 2026`` (and ``/compare GDP 四川 云南 贵州
    2026``) said "no regional figures": with a year, the words were one indicator's name.
    The places narrow the table, in Chinese or English; a province beside one of its
    counties is its own row and the county's."""
    engine = engine_copy(reports, tmp_path, tokenizer)
    journalist = server.add_user("Anna", language_code="en")
    async with running(server, engine):
        said = await ask_text(server, journalist, journalist, "/compare GDP 湖南 攸县 2026")
        assert "about 5.5%" in said and "about 7%" in said and "6.5%" not in said, said
        said = await ask_text(server, journalist, journalist, "/compare GDP Hunan 2026")
        assert "about 5.5%" in said and "about 7%" in said and "6.5%" in said, said
        said = await ask_text(server, journalist, journalist, "/compare GDP 2026")
        assert "6.5%" in said, said  # no place named: every region, as before


async def test_parts_sent_together_are_joined_in_order(
    server: FakeBotApi, engine: Engine, database: Database
) -> None:
    """A client sends the parts back to back, and the bot handles updates at once: the
    second part must find the first kept, not race it (one document, the parts in order)."""
    admin = server.add_user("林记者", id=OWNER_ID)
    before = len(engine.documents())
    async with running(server, engine, database=database):
        for part in (PART_1, PART_2, PART_3):
            await server.send_message(admin, admin, part)
        replies = [(await server.next_call("sendMessage", chat=admin)).message for _ in range(3)]
        joined = [r for r in replies if r["text"].startswith("➕ 这条接着上一条")]
        assert len(joined) == 2, [r["text"][:40] for r in replies]
        last = next(r for r in joined if "（3 段，" in r["text"])
        _received, outcome = await _press_add(server, last, admin)
        assert "已添加" in outcome, outcome
        (added,) = [d for d in engine.documents() if d.relpath == PASTED_NAME]
        text = (engine.settings.corpus_dir / added.relpath).read_text(encoding="utf-8")
        assert text == PART_1.rstrip("\n") + "\n" + PART_2 + "\n" + PART_3 + "\n"
    assert len(engine.documents()) == before + 1
