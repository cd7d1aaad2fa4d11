"""What ``user-trial16`` left (``bench/RESULTS.md``, ``trial-left16``): ``/audit`` in the
reader's language with people by name, a target question among several places, the CLI's
same-report and no-extension rules, two kept versions told apart in a digest, and the
console's ``:inline``."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.admin import AuditEntry
from bot.library import Engine
from bot.models import HomeRegion
from bot.targets.records import TargetRecord
from bot.text.tokenize import Tokenizer
from fake_telegram import FakeBotApi
from handlers.format import admin as fmt
from handlers.format.search import search_page
from handlers.seen import SeenUsers
from tests.e2e import ask_text, engine_copy
from tests.test_subscriptions_e2e import running
from tests.test_user_trial16 import OTHER, REPORT, REVISED, _titles

FIRST, SECOND = "万安县2026年政府工作报告.txt", "万安县2026年政府工作报告（修订稿）.txt"
AT = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)


def _audit(entries: list[AuditEntry], lang: str, names: dict[int, str]) -> str:
    """``/audit``'s text as the reader sees it (no tags)."""
    return re.sub(r"<[^>]+>", "", fmt.audit_list(entries, "Asia/Shanghai", lang, names))


def _entry(i: int, actor: int, action: str, result: str = "ok") -> AuditEntry:
    return AuditEntry(i, AT, actor, actor, action, "", result)


# -- /audit: actions in the reader's language, people by name ------------------------------------
def test_audit_says_the_actions_in_the_readers_language_and_keeps_an_unknown_one() -> None:
    entries = [
        _entry(1, 1, "subs pause", "error"),
        _entry(2, 1, "upload keep both"),
        _entry(3, 1, "admin frobnicate", "refused"),  # a verb typed after a refused /admin
    ]
    zh = _audit(entries, "zh", {1: "@li_zys"})
    assert "暂停订阅 · 出错" in zh and "两份都保留 · 成功" in zh
    assert "admin frobnicate · 已拒绝" in zh
    assert "subs pause" not in zh and "upload keep both" not in zh
    en = _audit(entries, "en", {1: "@li_zys"})
    assert "pause a subscription · error" in en and "keep both versions · ok" in en


def test_every_stored_action_has_a_word_in_both_languages() -> None:
    for action in fmt.AUDIT_ACTIONS:
        assert fmt.audit_action(action, "zh") != action
        assert fmt.audit_action(action, "en") != action


def test_audit_names_people_and_shows_an_id_only_where_two_share_a_name() -> None:
    entries = [_entry(1, 11, "status"), _entry(2, 12, "status"), _entry(3, 13, "status")]
    entries.append(_entry(4, 14, "status"))
    names = {11: "@li_zys", 12: "小王", 13: "小王"}  # 14: never seen
    shown = _audit(entries, "zh", names)
    lines = shown.splitlines()[1:]
    assert " @li_zys · 聊天 11 · " in lines[0] and "1000" not in lines[0]
    assert " 小王（12） · " in lines[1] and " 小王（13） · " in lines[2]
    assert " 用户 14 · " in lines[3]
    assert " Xiao (12) · " in _audit(entries[1:3], "en", {12: "Xiao", 13: "xiao"})


def test_seen_users_name_by_username_else_first_name() -> None:
    seen = SeenUsers()
    seen.see(1, "li_zys", "小李")
    seen.see(2, None, "小王")
    seen.see(3, None, None)
    assert (seen.name(1), seen.name(2), seen.name(3)) == ("@li_zys", "小王", None)
    seen.see(4, "li_zys", "Other")  # the username moved to another account
    assert seen.name(1) == "小李" and seen.name(4) == "@li_zys"


@pytest.mark.migrated_db
async def test_audit_in_a_chinese_chat_names_the_actions_and_the_people(
    server: FakeBotApi, engine, db_url
) -> None:
    li = server.add_user("小李", username="li_zys")
    wang = server.add_user("小王")
    async with running(server, engine, db_url, owners=[li.id], flood_burst=0):
        await ask_text(server, wang, wang, "/status")  # refused: not an admin
        await ask_text(server, li, li, "/subs pause 99")
        shown = await ask_text(server, li, li, "/audit")
    lines = shown.splitlines()
    assert f"@li_zys · 聊天 {li.id} · 暂停订阅 · 出错" in lines[1]
    assert f"小王 · 聊天 {wang.id} · 查看状态 · 已拒绝" in shown
    assert f"用户 {li.id}" not in shown and "subs pause" not in shown


# -- briefbot ingest: the upload's same-report and no-extension rules ---------------------------
@pytest.fixture
def engine(bundled_template: Path, tmp_path: Path, tokenizer: Tokenizer) -> Engine:
    return engine_copy(bundled_template, tmp_path, tokenizer, flood_burst=0)


def _cli(tmp_path: Path, *args: str):
    from briefbot.cli import app

    base = ["--corpus-dir", str(tmp_path / "corpus"), "--data-dir", str(tmp_path / "data")]
    return CliRunner().invoke(app, [*base, *args], env={"COLUMNS": "300"})


def _files(folder: Path, **texts: str) -> list[Path]:
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in texts]


def test_ingest_of_a_revised_report_under_another_name_asks_replace_or_keep_both(
    engine: Engine, tmp_path: Path
) -> None:
    (first,) = _files(tmp_path / "a", **{"万安县2026年政府工作报告.txt": REPORT})
    revised, other = _files(
        tmp_path / "b",
        **{
            "万安县2026年政府工作报告（修订稿）.txt": REVISED,
            "泰和县2026年政府工作报告.txt": OTHER,
        },
    )
    assert engine.ingest([first]).copied == ("万安县2026年政府工作报告.txt",)
    asked = engine.ingest([revised, other])
    assert asked.copied == ("泰和县2026年政府工作报告.txt",)  # another place: simply added
    (skip,) = asked.skipped
    assert skip.code == "upload.same_report_ingest" and "--keep-both" in skip.reason
    assert dict(skip.params)["filename"] == "万安县2026年政府工作报告.txt"
    done = engine.ingest([revised], replace=True)
    assert done.superseded == (
        ("万安县2026年政府工作报告（修订稿）.txt", "万安县2026年政府工作报告.txt"),
    )
    assert _titles(engine) == ["万安县2026年政府工作报告（修订稿）.txt"]
    assert not (engine.settings.corpus_dir / "万安县2026年政府工作报告.txt").exists()


def test_ingest_keep_both_adds_the_second_beside_the_first(engine: Engine, tmp_path: Path) -> None:
    first, revised = _files(
        tmp_path / "a",
        **{
            "万安县2026年政府工作报告.txt": REPORT,
            "万安县2026年政府工作报告（修订稿）.txt": REVISED,
        },
    )
    engine.ingest([first])
    assert engine.ingest([revised], keep_both=True).copied == (revised.name,)
    assert len(_titles(engine)) == 2


def test_ingest_of_a_folder_holding_a_revision_beside_the_first_copy(
    engine: Engine, tmp_path: Path
) -> None:
    """The trial's case: a folder with both versions added both in one run."""
    folder = tmp_path / "in"
    _files(folder, **{FIRST: REPORT, SECOND: REVISED})
    asked = engine.ingest([folder])
    assert asked.copied == (FIRST,)
    assert [s.code for s in asked.skipped] == ["upload.same_report_ingest"]
    assert _titles(engine) == [FIRST]
    engine.remove_document(FIRST)
    done = engine.ingest([folder], replace=True)
    assert done.copied == (SECOND,) and done.superseded == ((SECOND, FIRST),)
    assert _titles(engine) == [SECOND]


def test_ingest_reads_a_file_with_no_extension_by_its_content(
    engine: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "万安县统计公报").write_bytes(REPORT.encode("gbk"))
    (folder / "旧文件").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    report = engine.ingest([folder])
    assert report.copied == ("万安县统计公报.txt",)
    assert report.named_by_content == ((str(folder / "万安县统计公报"), "万安县统计公报.txt"),)
    (old,) = report.skipped
    assert old.path.endswith("旧文件") and ".docx" in old.reason  # an old Word file: what to do
    # in the corpus folder itself: renamed by its content when ingested, then indexed
    corpus = engine.settings.corpus_dir
    (corpus / "泰和县公报").write_bytes(OTHER.encode())
    again = engine.ingest([corpus])
    assert again.named_by_content == ((str(corpus / "泰和县公报"), "泰和县公报.txt"),)
    assert "泰和县公报.txt" in {d.filename for d in engine.documents()}


def test_the_ingest_command_says_what_to_do_with_the_same_report(tmp_path: Path) -> None:
    (first,) = _files(tmp_path / "a", **{"万安县2026年政府工作报告.txt": REPORT})
    (revised,) = _files(tmp_path / "b", **{"万安县2026年政府工作报告（修订稿）.txt": REVISED})
    both = _cli(tmp_path, "ingest", "--replace", "--keep-both", str(revised))
    assert both.exit_code == 2 and "--keep-both" in both.output
    assert _cli(tmp_path, "ingest", str(first)).exit_code == 0
    asked = _cli(tmp_path, "ingest", str(revised))
    assert asked.exit_code == 1
    assert "same report" in asked.output and "--replace" in asked.output


# -- a digest naming two kept versions of one report ---------------------------------------------
def test_a_digest_tells_two_documents_of_one_title_apart_by_their_file_names() -> None:
    from bot.digest import compose_digest, render_html, render_text
    from bot.targets.indicators import default_table
    from tests.factories import document_info, target_record

    title = "万安县2026年政府工作报告"
    docs = {
        "aaaa111111": document_info("aaaa111111", filename=FIRST, title=title, region="万安"),
        "bbbb222222": document_info("bbbb222222", filename=SECOND, title=title, region="万安"),
        "cccc333333": document_info(
            "cccc333333", filename="泰和.txt", title="泰和县2026年政府工作报告", region="泰和"
        ),
    }

    def gdp(doc: str, value: float, region: str = "万安") -> TargetRecord:
        return target_record(
            "地区生产总值", doc=doc, value=value, value_text=str(value), region=region
        )

    records = [
        ("aaaa111111", gdp(FIRST, 6.0)),
        ("bbbb222222", gdp(SECOND, 6.5)),
        ("cccc333333", gdp("泰和.txt", 6.0, "泰和")),
    ]
    digest = compose_digest(records, docs, None, now=AT, table=default_table())
    shown = "".join(render_html(digest))
    assert f"《{title}》（{FIRST}）" in shown and f"《{title}》（{SECOND}）" in shown
    assert "《泰和县2026年政府工作报告》" in shown and "（泰和.txt）" not in shown
    english = "".join(
        render_text(compose_digest(records, docs, None, now=AT, table=default_table(), lang="en"))
    )
    assert f"({SECOND})" in english
    # one document alone: its title as before
    alone = "".join(
        render_html(compose_digest(records[1:], docs, None, now=AT, table=default_table()))
    )
    assert f"《{title}》" in alone and SECOND not in alone


# -- a target question naming no place, two places' figures in the library ----------------------
def test_a_question_naming_no_place_lists_each_places_figure(engine: Engine) -> None:
    engine.add_upload(FIRST, REPORT.encode("gbk"))
    assert engine.search("2026年的就业目标是多少").answers == ()  # one place: one card
    engine.add_upload("泰和县2026年政府工作报告.txt", OTHER.encode())
    resp = engine.search("2026年的就业目标是多少")
    assert resp.several_places
    assert sorted(a.region or "" for a in resp.all_answers) == ["万安", "泰和"]
    assert {a.figure for a in resp.all_answers} == {"3000人以上"}
    html, _keyboard = search_page(resp, key="k", lang="zh")
    assert "问题没有写地区，文库里有几个地区的这项数字" in html and "/region " in html
    # a place named, or the asker's own place set (/region): one card, as before
    named = engine.search("万安县2026年的就业目标是多少")
    assert not named.several_places and named.answer is not None
    assert named.answer.region == "万安" and named.answers == ()
    home = HomeRegion("360828", "万安县", county="万安", city="吉安", province="江西")
    homed = engine.search("2026年的就业目标是多少", home=home)
    assert not homed.several_places and homed.answers == ()


def test_the_search_command_says_the_question_names_no_place(engine: Engine) -> None:
    from briefbot.cli import app

    engine.add_upload(FIRST, REPORT.encode("gbk"))
    engine.add_upload("泰和县2026年政府工作报告.txt", OTHER.encode())
    s = engine.settings
    base = ["--corpus-dir", str(s.corpus_dir), "--data-dir", str(s.data_dir)]
    result = CliRunner().invoke(app, [*base, "search", "2026年的就业目标是多少"])
    assert result.exit_code == 0, result.output
    assert "文库里有几个地区的这项数字" in result.output and "--home-region" in result.output
