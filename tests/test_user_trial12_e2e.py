"""What a county development and reform bureau's head hit in his first week
(``bench/RESULTS.md``, ``user-trial12``): a place whose name starts an uploaded file's
name, a county written whole in ``/subscribe``, questions about what the bot does and who
makes him an admin. Through the fake Bot API server (the real Application, as
``tests/e2e.py`` drives it), with unit cases on invented text."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.library import Engine
from bot.subscriptions.commands import places_as_regions
from bot.text.tokenize import Tokenizer
from fake_telegram import FakeBotApi
from tests.e2e import ask_text, build_template, engine_copy, running

# Invented documents about real places: a province's report named in English, its
# bulletin and a county's report named in Chinese, as a county office saves them.
COUNTY_LIBRARY = {
    "sichuan_2026_report.txt": (
        "2026年四川省人民政府工作报告\n\n二、2026年主要目标\n"
        "今年全省经济社会发展主要预期目标是：地区生产总值增长5.5%左右，"
        "地方一般公共预算收入增长2%，粮食产量730亿斤以上。\n"
    ),
    "四川省2025年统计公报.txt": (
        "四川省2025年国民经济和社会发展统计公报\n\n一、综合\n"
        "初步核算，全年全省地区生产总值65120.3亿元，比上年增长5.7%。\n"
    ),
    "大英县2026年政府工作报告.txt": (
        "2026年大英县人民政府工作报告\n\n二、2026年主要目标\n"
        "地区生产总值增长7%左右；固定资产投资增长10%；社会消费品零售总额增长6.5%。\n"
    ),
}


@pytest.fixture(scope="module")
def county_template(tmp_path_factory: pytest.TempPathFactory, tokenizer: Tokenizer) -> Path:
    source = tmp_path_factory.mktemp("county-library")
    for name, text in COUNTY_LIBRARY.items():
        (source / name).write_text(text, encoding="utf-8")
    return build_template(tmp_path_factory.mktemp("county-template"), source, tokenizer)


@pytest.fixture
def county_engine(county_template: Path, tmp_path: Path, tokenizer: Tokenizer) -> Engine:
    return engine_copy(county_template, tmp_path, tokenizer)


# -- a place whose name starts a file's name ---------------------------------------------------
async def test_targets_of_a_place_is_the_place_not_the_file_its_name_starts(
    server: FakeBotApi, county_engine: Engine
) -> None:
    """``/targets 四川 2026`` answered "no target data for 四川 2026" and ``/targets 大英``
    listed one file: both names start an uploaded file's name (四川省2025年统计公报.txt,
    大英县2026年政府工作报告.txt), and a file's name prefix was tried before a place."""
    head = server.add_user("王局长")
    async with running(server, county_engine):
        said = await ask_text(server, head, head, "/targets 四川 2026", timeout=30)
        assert said.startswith("🎯 地区：四川 · 2026年"), said
        assert "增长 5.5%左右" in said and "增长 7%左右" in said  # the province and its county
        said = await ask_text(server, head, head, "/targets 大英", timeout=30)
        assert said.startswith("🎯 地区：大英"), said
        # a file named in full, or by a start that is no place, is still that file
        said = await ask_text(server, head, head, "/targets 四川省2025年统计公报", timeout=30)
        assert said.startswith("🎯 文件：四川省2025年国民经济和社会发展统计公报"), said
        said = await ask_text(server, head, head, "/targets 大英县2026", timeout=30)
        assert said.startswith("🎯 文件：2026年大英县人民政府工作报告"), said


def test_the_cli_reads_a_place_before_the_file_its_name_starts(county_engine: Engine) -> None:
    from briefbot.cli.targets import _positional

    (bulletin,) = [d for d in county_engine.documents() if d.filename.startswith("四川省")]
    assert _positional(county_engine, "四川", None, None, None) == (None, "四川", None)
    assert _positional(county_engine, "四川省2025年统计公报", None, None, None) == (
        bulletin.doc_id,
        None,
        None,
    )


# -- a county written whole in /subscribe ------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "read"),
    [
        (["临潭县", "GDP"], ["region:临潭县", "GDP"]),
        (["射洪市"], ["region:射洪市"]),  # a county-level city
        (["GDP", "安居区"], ["GDP", "region:安居区"]),
        (["安居"], ["安居"]),  # the bare name is a word as often (housing)
        (["长安区"], ["长安区"]),  # several districts carry it
        (["矿区", "安全"], ["矿区", "安全"]),  # a name with no suffix of its own
        (["区域", "GDP"], ["区域", "GDP"]),
    ],
)
def test_a_county_written_with_its_suffix_is_a_region(typed: list[str], read: list[str]) -> None:
    assert places_as_regions(typed) == read


async def test_subscribe_with_a_county_written_whole(server: FakeBotApi, county_engine) -> None:
    """``/subscribe 每周一8:30 大英县 kind:target`` kept 大英县 as a keyword (looked for in
    what a figure measures) and warned that nothing matched."""
    head = server.add_user("王局长")
    async with running(server, county_engine):
        said = await ask_text(server, head, head, "/subscribe 每周一8:30 大英县 kind:target")
        assert "地区：大英县" in said and "关键词" not in said, said
        assert "⚠️" not in said, said


# -- a county misspelt by its sound, or not in the library -------------------------------------
@pytest.mark.parametrize(
    ("typed", "like", "absent"),
    [
        ("大鹰县", [("大英", "Daying")], None),  # typed by the sound: 大英's syllables
        ("大鹰", [("大英", "Daying")], None),
        ("射洪县", [], "射洪市"),  # now a county-level city: the gazetteer's name
        ("射洪", [], "射洪市"),
        ("大英县", [], None),  # in the library
        ("四川", [], None),
        ("县域经济", [], None),  # no place
        ("长安区", [], None),  # several districts: AmbiguousPlace's to say
        ("皖", [], "安徽省"),  # an abbreviation, said as the place it names
        ("蓉城", [], "成都市"),  # a city's nickname
        ("川", [], None),  # 四川: in the library
    ],
)
def test_places_like_a_typed_name_and_places_not_in_the_library(
    county_engine: Engine, typed: str, like: list, absent: str | None
) -> None:
    assert county_engine.places_like(typed) == like
    assert county_engine.place_absent(typed) == absent


async def test_targets_of_a_misspelt_county_or_one_not_in_the_library(
    server: FakeBotApi, county_engine: Engine
) -> None:
    """``/targets 蓬西县`` (蓬溪 typed by its sound) and ``/targets 射洪县`` (no document)
    answered with "similar indicators" holding 县 (县市, 健康县城示范县)."""
    head = server.add_user("王局长")
    async with running(server, county_engine):
        said = await ask_text(server, head, head, "/targets 大鹰县", timeout=30)
        assert "可能是：大英（Daying）" in said and "相近的指标" not in said, said
        said = await ask_text(server, head, head, "/targets 射洪县", timeout=30)
        assert "文库里还没有关于射洪市的文件" in said and "相近的指标" not in said, said


# -- what the bot does, and who makes him an admin ---------------------------------------------
@pytest.mark.parametrize(
    "typed",
    [
        "你能做什么",
        "你能做什么？",
        "你好，请问这个机器人都能干什么？",
        "有什么功能",
        "what can you do",
    ],
)
def test_asking_what_the_bot_does_is_help(typed: str) -> None:
    from bot.text.typed_commands import typed_command

    asked = typed_command(typed, {"help", "admin", "search"})
    assert asked is not None and (asked.name, asked.args) == ("help", "")


@pytest.mark.parametrize(
    "typed", ["怎么才能成为管理员", "如何申请管理员？", "我想当管理员", "请把我设为管理员"]
)
def test_asking_how_to_become_an_admin_is_the_admin_list(typed: str) -> None:
    from bot.text.typed_commands import typed_command

    asked = typed_command(typed, {"help", "admin", "search"})
    assert asked is not None and (asked.name, asked.args) == ("admin", "who")


@pytest.mark.parametrize(
    "typed", ["乡村振兴能做什么", "县域经济怎么发展", "管理员", "你能做什么工作", "管理员职责"]
)
def test_questions_about_a_topic_stay_searches(typed: str) -> None:
    from bot.text.typed_commands import typed_command

    assert typed_command(typed, {"help", "admin", "search"}) is None


OWNER_ID = 8201


async def test_a_member_asking_what_the_bot_does_and_how_to_become_an_admin(
    server: FakeBotApi, county_template: Path, tmp_path: Path, tokenizer: Tokenizer
) -> None:
    """你能做什么 was searched (你好 "corrected" to 利好); 怎么才能成为管理员 was searched
    and "corrected" to 管理云, and the admin list it leads to told a non-admin only that
    it is for admins, no one to ask."""
    engine = engine_copy(county_template, tmp_path, tokenizer, owners=[OWNER_ID])
    owner = server.add_user("小李", id=OWNER_ID, username="li_it")
    head = server.add_user("王局长", username="wang_fgj")
    async with running(server, engine):
        await ask_text(server, owner, owner, "/start")  # the owner is seen by his username
        for typed in ("你能做什么", "你好，请问这个机器人都能干什么？"):
            said = await ask_text(server, head, head, typed)
            assert said.startswith("政策简报机器人"), said
        for typed in ("怎么才能成为管理员", "我想当管理员"):
            said = await ask_text(server, head, head, typed)
            assert said == (
                "你还不是机器人管理员。管理员由所有者添加：请联系 @li_it，"
                "请他在与我的私聊中发送 /admin add @wang_fgj"
            ), said
        # the owner adds him: the list is his now
        said = await ask_text(server, owner, owner, "/admin add @wang_fgj")
        assert said.startswith("✅"), said
        told = (await server.next_call("sendMessage", chat=head)).text  # he is told (trial 19)
        assert told.startswith("✅ @li_it 已把你设为本机器人的管理员"), told
        said = await ask_text(server, head, head, "怎么成为管理员")
        assert "@wang_fgj" in said and "⛔" not in said, said  # the list: he is on it
        said = await ask_text(server, head, head, "/admin who")
        assert "@li_it" in said and "⛔" not in said, said


# -- a document's name half remembered --------------------------------------------------------
def test_documents_like_a_half_remembered_name(county_engine: Engine) -> None:
    def titles(ref: str) -> list[str]:
        return [d.title for d in county_engine.documents_like(ref)]

    assert titles("大英县工作报告2026") == ["2026年大英县人民政府工作报告"]  # words reordered
    assert titles("大英县政府报告") == ["2026年大英县人民政府工作报告"]
    assert titles("四川统计公报") == ["四川省2025年国民经济和社会发展统计公报"]
    assert titles("临潭县政府报告") == []  # 临潭 is in no title
    assert titles("xyz") == [] and titles("公") == []


async def test_doc_with_a_half_remembered_name(server: FakeBotApi, county_engine: Engine) -> None:
    """``/doc 大英县政府报告`` said only "no document"; ``/doc 大英`` (the start of a file's
    name and a place) said "no document 大英" and then that it matches several."""
    head = server.add_user("王局长")
    async with running(server, county_engine):
        (report,) = [d for d in county_engine.documents() if d.filename.startswith("大英县")]
        said = await ask_text(server, head, head, "/doc 大英县政府报告")
        assert said.startswith("找不到文件“大英县政府报告”"), said
        assert f"您要找的可能是：\n• /doc {report.doc_id} 2026年大英县人民政府工作报告" in said


def test_several_documents_are_said_once() -> None:
    from handlers.format.documents import document_not_found
    from tests.factories import document_info

    one = document_info("a1", title="临潭县统计公报")
    two = document_info("a2", title="临潭县报告")
    said = document_not_found("临潭", "matches several", "zh", about=[one, two], several=True)
    assert said.startswith("有多个文件的名称以“临潭”开头") and "找不到" not in said
    assert "• /doc a1 临潭县统计公报" in said and "matches several" not in said
    # no list to show: the names the match gave are said
    said = document_not_found("a", "matches several: x.txt, y.txt", "zh", several=True)
    assert "x.txt, y.txt" in said


# -- the group greeting under Telegram's privacy mode -----------------------------------------
@pytest.mark.fake_bot(privacy_mode=True)
async def test_the_greeting_offers_a_mention_only_when_the_bot_is_sent_it(
    server: FakeBotApi, county_engine: Engine
) -> None:
    """Added to the office's group as a member, with privacy mode on (every bot's default),
    the greeting said "/search 关键词（或 @bot 关键词）": his mention was never delivered and
    went unanswered. As an administrator it is delivered: then the greeting offers it."""
    head = server.add_user("王局长")
    office = server.add_chat("supergroup", "发改局工作群", bot_status="left")
    other = server.add_chat("supergroup", "县政府办", bot_status="left")
    server.set_member(office, head, "creator")
    server.set_member(other, head, "creator")
    async with running(server, county_engine):
        await server.my_chat_member(office, "left", "member", by=head)
        said = (await server.next_call("sendMessage", chat=office)).message["text"]
        assert "@fake_test_bot 关键词" not in said and "/search 关键词" in said, said
        assert "请群管理员把我设为管理员" in said
        await server.send_message(office, head, "@fake_test_bot 乡村振兴")
        said = await ask_text(server, office, head, "/search 乡村振兴")  # the next reply
        assert said.startswith("🔎 乡村振兴"), said  # the mention was not delivered
        await server.my_chat_member(other, "left", "administrator", by=head)
        said = (await server.next_call("sendMessage", chat=other)).message["text"]
        assert "/search 关键词（或 @fake_test_bot 关键词）" in said, said


# -- a report's cover page: the organ's name, then the kind letter-spaced ----------------------
@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "临潭县人民政府\n政 府 工 作 报 告\n——2025年1月6日在临潭县第十八届人民代表大会"
            "第四次会议上\n县长  李明\n目  录\n一、2024年工作回顾\t3\n各位代表：\n"
            "一、2024年工作回顾\n全县地区生产总值增长5%。",
            "临潭县2025年政府工作报告",
        ),
        (
            "临潭县人民政府\n政府工作报告\n——2025年1月6日在临潭县人民代表大会上\n各位代表：\n"
            "一、2024年工作回顾\n全县地区生产总值增长5%。",
            "临潭县2025年政府工作报告",
        ),
        # the organ above a notice's own title keeps that title (user-trial9)
        ("临潭县人民政府办公室\n关于做好防汛工作的通知\n各乡镇：\n正文。", None),
    ],
)
def test_a_cover_page_is_named_by_place_year_and_kind(text: str, title: str | None) -> None:
    from bot.corpus.meta import infer_meta

    named = infer_meta(text, "cover.docx").title
    assert named == (title or "临潭县人民政府办公室关于做好防汛工作的通知")
    assert named != "临潭县人民政府"


# -- /doc lists a heading with no paragraph of its own -----------------------------------------
def test_doc_lists_a_heading_whose_text_is_all_in_its_subsections() -> None:
    """His report's ``/doc`` listed "二、2026年主要目标" and then "（一）全力抓好项目建设" under
    it: "三、2026年重点工作" has no paragraph of its own, only subsections, and was left out."""
    from bot.models import Passage
    from handlers.format.documents import doc_messages
    from tests.factories import document_info

    work = "三、2026年重点工作"
    sections = [("二、2026年主要目标",), (work, "（一）项目建设"), (work, "（二）营商环境")]
    passages = tuple(
        Passage(doc_id="d1", ordinal=n, text="正文。", start=n * 4, section=section)
        for n, section in enumerate(sections)
    )
    document = document_info("d1", title="临潭县2026年政府工作报告").document(
        "正文。" * 3, passages
    )
    said = "\n".join(doc_messages(document, [], lang="zh"))
    listed = [
        line.strip("\u2003") for line in said.split("\n") if line.lstrip("\u2003").startswith("• ")
    ]
    assert listed == [
        "• 二、2026年主要目标",
        "• 三、2026年重点工作",
        "• （一）项目建设",
        "• （二）营商环境",
    ]
    assert "\u2003• （一）项目建设" in said  # under 三, not beside it


# -- /changes of a county written whole ---------------------------------------------------------
def test_changes_of_a_county_written_with_its_suffix(county_engine: Engine) -> None:
    """``/changes 蓬溪县`` said no report of 蓬溪县 states targets: the document's region is
    蓬溪, and the suffix 县 was compared as typed."""
    for typed in ("大英县", "大英"):
        found = county_engine.report_changes(typed)
        assert found.current is not None, typed
        assert found.current.title == "2026年大英县人民政府工作报告"
        assert found.previous is None  # one report: "no earlier report to compare"
