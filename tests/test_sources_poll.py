"""Polling live sources into the library against the fixture web site: list pages, feeds,
single pages, folders; conditional GET; duplicates; attachments; health and alerts; bad
input; the command line.

Each test gets a private copy of the bundled corpus and its index (built once per
module) and its own database; the fixture site (``tests/fixture_site.py``) runs on
127.0.0.1 with ``sources_allow_private`` set.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.config import Settings
from bot.corpus.parse import load_sidecar
from bot.i18n import Message
from bot.library import Engine
from bot.sources.health import PollReport
from bot.sources.poller import SourcePoller
from bot.sources.service import SourceRefused, add_source
from bot.sources.store import SourceError, SourceStore
from bot.storage import Database
from bot.text.tokenize import Tokenizer
from tests.conftest import BUNDLED_CORPUS
from tests.e2e import copy_template
from tests.fixture_site import (  # noqa: F401 (fixture_site_fixture: the fixture_site fixture)
    BINARY_PATH,
    DOCX_PATH,
    EMPTY_PATH,
    ERROR_PATH,
    GBK_TITLE,
    HUGE_PATH,
    LIST_PATH,
    LOOP_PATH,
    NOT_FEED_PATH,
    NOT_FOUND_PATH,
    PDF_PATH,
    RSS_PATH,
    SLOW_PATH,
    UTF8_TITLE,
    fixture_site_fixture,
)
from tests.test_corpus_webpage import article_page

TARGET_SENTENCE = "全市地区生产总值增长6%左右"


def source_settings(tmp_path: Path, **extra) -> Settings:
    values = {
        "corpus_dir": tmp_path / "corpus",
        "data_dir": tmp_path / "data",
        "sources_allow_private": True,
        "source_host_gap_seconds": 0,
        "source_retries": 0,
        # the fixture's slow page answers after 3 s; 1.5 s leaves a loaded machine time to
        # answer the fast pages (0.5 s timed out a robots.txt at load 15)
        "source_timeout_seconds": 1.5,
        "source_max_mb": 2,
        **extra,
    }
    return Settings(**values)


# ``tokenizer`` and ``bundled_template``: tests/e2e.py
@pytest.fixture
def settings(bundled_template: Path, tmp_path: Path) -> Settings:
    copy_template(bundled_template, tmp_path)
    return source_settings(tmp_path)


@pytest.fixture
def engine(settings: Settings, tokenizer: Tokenizer) -> Engine:
    return Engine.open(settings, tokenizer=tokenizer)


@pytest.fixture
def database(tmp_path: Path):
    with Database.open(url=f"sqlite:///{tmp_path / 'sources.db'}") as db:
        yield db


class Alerts:
    def __init__(self) -> None:
        self.sent: list[Message] = []

    async def __call__(self, message: Message) -> None:
        self.sent.append(message)


@pytest.fixture
def alerts() -> Alerts:
    return Alerts()


@pytest.fixture
async def poller(engine, database, settings, alerts):
    async with SourcePoller(engine, SourceStore(database), lambda: settings, notify=alerts) as p:
        yield p


def corpus_files(settings: Settings) -> set[str]:
    return {p.name for p in settings.corpus_dir.iterdir()}


def new_files(settings: Settings) -> set[str]:
    bundled = {p.name for p in BUNDLED_CORPUS.iterdir()}
    return corpus_files(settings) - bundled


# -- list pages, feeds, pages ------------------------------------------------------------------
async def test_a_list_page_brings_its_articles_and_attachments_once(
    poller, fixture_site, settings, engine
) -> None:
    added = await add_source(poller, fixture_site.url(LIST_PATH), name="city")
    report = added.report
    assert added.source.kind == "list" and report.ok, report
    ingested = [i for i in report.items if i.status == "ingested"]
    titles = {i.title for i in ingested}
    assert UTF8_TITLE in titles and GBK_TITLE in titles
    # the article, the GBK article, the PDF and the DOCX attachments
    assert len(ingested) >= 3, report.items
    names = new_files(settings)
    assert any(n.endswith(".txt") and n.startswith("示例市2025年政府工作报告") for n in names)
    assert any(n.endswith(".docx") for n in names), names
    # the article is a UTF-8 text file, title first; its sidecar carries the metadata
    txt = next(
        settings.corpus_dir / n
        for n in names
        if n.startswith("示例市2025年政府工作报告") and n.endswith(".txt")
    )
    text = txt.read_text(encoding="utf-8")
    assert text.splitlines()[0] == UTF8_TITLE
    meta = load_sidecar(txt)
    assert meta["title"] == UTF8_TITLE and meta["date"] == "2025-01-12"
    assert meta["extra"]["url"].endswith(".html") and meta["extra"]["source"] == "city"
    # searchable, with the source URL in the document's metadata
    hits = engine.search("一般公共预算收入增长5%").hits
    assert hits and any(h.title == UTF8_TITLE for h in hits)
    info = next(d for d in engine.documents() if d.filename == txt.name)
    assert info.extra["url"] == meta["extra"]["url"]
    gbk = next(d for d in engine.documents() if d.title == GBK_TITLE)
    assert "镕铁工业园区" in engine.document(gbk.doc_id).text  # decoded, not mojibake

    # a second poll: the list page has not changed (304), nothing else is fetched
    hits_before = sum(fixture_site.hits.values())
    again = await poller.poll("city")
    assert again.not_modified and again.items == ()
    assert sum(fixture_site.hits.values()) - hits_before == 1
    assert new_files(settings) == names


async def test_a_new_article_is_found_on_the_next_poll_and_old_ones_are_not_refetched(
    poller, fixture_site, settings, engine, database
) -> None:
    await add_source(poller, fixture_site.url(LIST_PATH), name="city")
    article_hits = dict(fixture_site.hits)
    url = fixture_site.add_article(
        "t20260301_2001",
        "示例市2026年政府工作报告",
        [
            "一、2026年主要目标",
            f"今年经济社会发展的主要预期目标是：{TARGET_SENTENCE}，城镇新增就业5万人以上，"
            "居民消费价格涨幅3%左右，粮食产量稳定在165万吨以上。",
            "二、重点任务",
            "实施重大项目220个，完成投资1300亿元以上，社会消费品零售总额增长6%。",
        ],
        date=datetime.date(2026, 3, 1),
    )
    report = await poller.poll("city")
    assert [i.url for i in report.items if i.status == "ingested"] == [url], report
    for path, count in article_hits.items():
        if path.startswith("/zwgk/t2025"):
            assert fixture_site.hits[path] == count, path  # not fetched again
    assert engine.search(TARGET_SENTENCE).hits[0].title == "示例市2026年政府工作报告"
    source = SourceStore(database).get("city")
    assert source.last_new_doc_at is not None and source.consecutive_failures == 0
    assert source.etag and source.last_links_count >= 3


async def test_a_feed_and_a_list_page_of_the_same_site_store_each_document_once(
    poller, fixture_site, settings
) -> None:
    first = await add_source(poller, fixture_site.url(LIST_PATH), name="list")
    before = new_files(settings)
    feed = await add_source(poller, fixture_site.url(RSS_PATH), name="feed")
    assert feed.source.kind == "feed"
    assert feed.report.count("ingested") == 0
    assert feed.report.count("duplicate") >= 2, feed.report.items
    assert new_files(settings) == before
    assert first.report.count("ingested") >= 2


async def test_a_match_pattern_keeps_only_matching_links(poller, fixture_site) -> None:
    added = await add_source(poller, fixture_site.url(LIST_PATH), name="reports", match="统计公报")
    titles = {i.title for i in added.report.items if i.status == "ingested"}
    assert GBK_TITLE in titles and UTF8_TITLE not in titles


async def test_a_single_page_is_ingested_again_only_when_its_text_changes(
    poller, fixture_site, settings
) -> None:
    body = (
        "<html><head><title>关于示例的通知</title></head>"
        "<body><h1>关于示例的通知</h1>{}</body></html>"
    )
    para = "<p>" + "示例市将进一步优化营商环境，推动高质量发展。" * 20 + "</p>"
    url = fixture_site.set_page("/notice.html", body.format(para))
    added = await add_source(poller, url, name="notice")
    assert added.source.kind == "page" and added.report.count("ingested") == 1
    fixture_site.set_page("/notice.html", body.format(para))  # new Last-Modified, same text
    assert (await poller.poll("notice")).count("ingested") == 0
    fixture_site.set_page(
        "/notice.html", body.format(para + "<p>新增一段：地区生产总值增长6%。</p>")
    )
    assert (await poller.poll("notice")).count("ingested") == 1


async def test_a_folder_source_ingests_new_files(poller, settings, tmp_path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "示例县公报.txt").write_text("示例县2025年统计公报\n\n全县粮食总产量增长2%。\n")
    added = await add_source(poller, str(folder), name="inbox", allow_folder=True)
    assert added.source.kind == "folder" and added.report.count("ingested") == 1
    assert "示例县公报.txt" in corpus_files(settings)
    assert (await poller.poll("inbox")).items == ()
    (folder / "second.md").write_text("# 示例县规划\n\n到2030年建成示范区。\n")
    assert (await poller.poll("inbox")).count("ingested") == 1
    # a saved web page: its own title, date and issuer, not the file name
    (folder / "page.html").write_bytes(article_page(charset="gbk").encode("gbk"))
    assert (await poller.poll("inbox")).count("ingested") == 1
    html_name = next(name for name in corpus_files(settings) if name.endswith(".html"))
    meta = load_sidecar(settings.corpus_dir / html_name)
    assert meta["title"] == "江州市2025年政府工作报告" and meta["date"] == "2025-01-20"
    assert meta["issuer"] == "江州市人民政府办公室"


async def test_a_folder_file_of_a_report_in_the_library_is_ingested_beside_it(
    poller, engine, settings, tmp_path
) -> None:
    """A source has no one to answer "a new version of the same report?" (user-trial16):
    its file of another name but the same report is ingested, as before the question."""
    report = "万安县2026年政府工作报告\n二、2026年主要目标\n全县地区生产总值增长6%左右。\n"
    assert engine.add_upload("万安县2026年政府工作报告.txt", report.encode()).ok
    folder = tmp_path / "inbox"
    folder.mkdir()
    revised = report.replace("6%左右", "6.5%左右") + (
        "城镇新增就业3000人以上，粮食播种面积稳定在45万亩以上。\n"
        "三、重点工作\n新建改造农村公路120公里，实施高标准农田建设2.5万亩。\n"
        "新增市场主体500户，规模以上工业增加值增长7%，固定资产投资增长5%。\n"
    )  # a revision (not a near duplicate, which the source skips as such)
    (folder / "万安县2026年政府工作报告（修订稿）.txt").write_text(revised)
    added = await add_source(poller, str(folder), name="inbox", allow_folder=True)
    assert added.report.count("ingested") == 1
    assert "万安县2026年政府工作报告（修订稿）.txt" in corpus_files(settings)
    assert "万安县2026年政府工作报告.txt" in corpus_files(settings)


# -- bad input ---------------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["ftp://example.org/x", "file:///etc/passwd", "javascript:1", "x"])
async def test_a_url_that_is_not_http_is_refused_and_not_kept(poller, database, url) -> None:
    with pytest.raises(SourceRefused) as caught:
        await add_source(poller, url, name="bad")
    assert caught.value.fetch_code == "bad_url"
    assert SourceStore(database).list() == []


async def test_a_private_address_is_refused_without_the_setting(
    engine, database, fixture_site, tmp_path
) -> None:
    settings = source_settings(tmp_path, sources_allow_private=False)
    async with SourcePoller(engine, SourceStore(database), lambda: settings) as poller:
        with pytest.raises(SourceRefused) as caught:
            await add_source(poller, fixture_site.url(LIST_PATH), name="local")
    assert caught.value.fetch_code == "private_address"
    assert SourceStore(database).list() == []


@pytest.mark.parametrize(
    ("path", "code"),
    [
        (NOT_FOUND_PATH, "http_status"),
        (ERROR_PATH, "http_status"),
        (SLOW_PATH, "timeout"),
        (LOOP_PATH, "redirect_loop"),
        (HUGE_PATH, "too_large"),
        (BINARY_PATH, "not_text"),
        (EMPTY_PATH, "empty_article"),
    ],
)
async def test_a_bad_source_records_a_clear_reason_and_leaves_no_file(
    poller, fixture_site, settings, database, path, code
) -> None:
    added = await add_source(poller, fixture_site.url(path), name="bad")
    assert added.report.error == code, added.report
    source = SourceStore(database).get("bad")
    assert source.last_error_code == code and source.consecutive_failures == 1
    assert new_files(settings) == set()
    assert not [p for p in settings.corpus_dir.iterdir() if p.name.startswith(".")]


async def test_a_feed_that_is_not_xml_fails_as_not_feed(poller, fixture_site, database) -> None:
    added = await add_source(poller, fixture_site.url(RSS_PATH), name="feed")
    assert added.source.kind == "feed"
    fixture_site.set_page(RSS_PATH, "<html><body>改版了</body></html>")
    report = await poller.poll("feed")
    assert report.error == "not_feed"
    # a source whose kind was never sniffed: the HTML "feed" of the fixture
    fresh = await add_source(poller, fixture_site.url(NOT_FEED_PATH), name="odd")
    assert fresh.report.error in ("not_feed", "empty_article"), fresh.report


async def test_failed_articles_are_recorded_and_not_retried(poller, fixture_site, database) -> None:
    fixture_site.add_article(
        "t20260302_2002",
        "附件为旧格式的通知",
        ["见附件。" * 60],
        attachments=[("old.doc", b"\xd0\xcf\x11\xe0" + b"\0" * 600)],
    )
    added = await add_source(poller, fixture_site.url(LIST_PATH), name="city")
    failed = [i for i in added.report.items if i.status == "failed"]
    assert any(i.url.endswith("old.doc") and i.code == "doc" for i in failed), failed
    hits = fixture_site.hits["/files/old.doc"]
    assert hits == 0  # known unconvertible from its name: not even downloaded
    items = SourceStore(database).items(added.source.id)
    assert any(
        i.url.endswith("old.doc") and i.status == "failed" and "doc" in i.reason for i in items
    )


@pytest.mark.parametrize("every", ["often", "5s", "99d"])
async def test_bad_intervals_and_names_are_refused(poller, fixture_site, every) -> None:
    with pytest.raises(SourceError):
        await add_source(poller, fixture_site.url(LIST_PATH), every=every)
    with pytest.raises(SourceError) as caught:
        await add_source(poller, fixture_site.url(LIST_PATH), name="a b")
    assert caught.value.code == "source.bad_name"


# -- health ------------------------------------------------------------------------------------
async def test_a_broken_site_alerts_once_after_n_failures_and_recovers(
    poller, fixture_site, alerts, database
) -> None:
    await add_source(poller, fixture_site.url(LIST_PATH), name="city")
    fixture_site.break_site()
    reports: list[PollReport] = [await poller.poll("city") for _ in range(5)]
    assert [r.error for r in reports] == ["http_status"] * 5
    assert [m.key for m in alerts.sent] == ["alerts.source_failing"]
    assert alerts.sent[0].params["failures"] == "3" and alerts.sent[0].params["name"] == "city"
    source = SourceStore(database).get("city")
    assert source.alerted and source.consecutive_failures == 5
    fixture_site.repair()
    fixture_site.add_article("t20260303_2003", "修复后的新通知", ["示例市召开常务会议。" * 30])
    report = await poller.poll("city")
    assert report.ok and report.recovered
    assert [m.key for m in alerts.sent] == ["alerts.source_failing", "alerts.source_recovered"]
    source = SourceStore(database).get("city")
    assert (
        not source.alerted and source.consecutive_failures == 0 and source.last_error_code is None
    )


async def test_a_list_page_without_links_alerts_at_once(poller, fixture_site, alerts) -> None:
    await add_source(poller, fixture_site.url(LIST_PATH), name="city")
    fixture_site.set_page(LIST_PATH, "<html><body><div>网站改版中</div></body></html>")
    report = await poller.poll("city")
    assert report.problem == "no_links"
    assert [m.key for m in alerts.sent] == ["alerts.source_no_links"]
    fixture_site.set_page(LIST_PATH, "<html><body><div>网站改版中。</div></body></html>")
    await poller.poll("city")
    assert len(alerts.sent) == 1  # once until it recovers


async def test_an_article_far_shorter_than_usual_alerts(poller, fixture_site, alerts) -> None:
    await add_source(poller, fixture_site.url(LIST_PATH), name="city")
    fixture_site.add_article("t20260304_2004", "只剩标题的通知", ["详见附件。"])
    report = await poller.poll("city")
    assert report.problem == "short_article", report
    assert [m.key for m in alerts.sent] == ["alerts.source_short_article"]


# -- the command line --------------------------------------------------------------------------
@pytest.mark.heavy
def test_the_command_line_adds_lists_polls_pauses_and_removes(
    fixture_site, settings, tmp_path, monkeypatch
) -> None:
    from briefbot.cli import app

    monkeypatch.setenv("BRIEFBOT_SOURCES_ALLOW_PRIVATE", "1")
    monkeypatch.setenv("BRIEFBOT_SOURCE_HOST_GAP_SECONDS", "0")
    monkeypatch.setenv("BRIEFBOT_SOURCE_RETRIES", "0")
    monkeypatch.setenv("BRIEFBOT_SOURCE_TIMEOUT_SECONDS", "1.5")
    base = ["--corpus-dir", str(settings.corpus_dir), "--data-dir", str(settings.data_dir)]
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, [*base, "sources", *args])

    result = run("add", fixture_site.url(LIST_PATH), "--name", "city", "--every", "2h")
    assert result.exit_code == 0, result.output
    assert "added city (list)" in result.output and "ingested" in result.output
    listed = json.loads(run("list", "--json").output)
    assert listed[0]["name"] == "city" and listed[0]["every"] == "2h"
    assert listed[0]["items"]["ingested"] >= 2
    found = runner.invoke(app, [*base, "search", "--json", "一般公共预算收入增长5%"])
    assert found.exit_code == 0, found.output
    urls = [r["url"] for r in json.loads(found.output)["results"]]
    assert any(u and u.startswith(fixture_site.url("/zwgk/")) for u in urls), urls
    polled = run("poll", "city")
    assert polled.exit_code == 0 and "not modified" in polled.output
    assert run("pause", "city").exit_code == 0
    assert json.loads(run("list", "--json").output)[0]["paused"] is True
    assert run("resume", "city").exit_code == 0
    bad = run("add", "ftp://example.org/", "--name", "ftp")
    assert bad.exit_code == 1 and "bad_url" in bad.output
    bad = run("add", fixture_site.url(LIST_PATH), "--every", "sometimes")
    assert bad.exit_code == 1 and "interval" in bad.output
    unknown = run("poll", "nope")
    assert unknown.exit_code == 1 and "no source named" in unknown.output
    assert run("remove", "city").exit_code == 0
    assert json.loads(run("list", "--json").output) == []


async def test_an_attachment_with_the_text_of_its_page_is_stored_once(
    poller, fixture_site, settings
) -> None:
    lines = [
        "一、总体要求",
        "到2027年，全市新增城镇就业30万人以上，地区生产总值年均增长6%左右，"
        "研发经费投入强度达到3%，单位地区生产总值能耗下降13%。",
        "二、重点任务",
        "实施产业升级、科技创新、城市更新、民生保障四大行动，建设一批重大项目，"
        "推动高质量发展取得新成效。",
    ]
    fixture_site.add_article(
        "t20260305_2005",
        "示例市高质量发展三年行动方案",
        lines,
        date=datetime.date(2026, 3, 5),
        attachments=[("行动方案.txt", "\n".join(lines).encode("utf-8"))],
    )
    added = await add_source(poller, fixture_site.url(LIST_PATH), name="city", match="行动方案")
    statuses = {i.url.rsplit("/", 1)[-1]: (i.status, i.code) for i in added.report.items}
    assert statuses["t20260305_2005.html"] == ("ingested", "")
    assert statuses["%E8%A1%8C%E5%8A%A8%E6%96%B9%E6%A1%88.txt"] == ("duplicate", "near_duplicate")
    (only,) = [n for n in new_files(settings) if n.endswith(".txt")]
    assert only.startswith("示例市高质量发展三年行动方案")
