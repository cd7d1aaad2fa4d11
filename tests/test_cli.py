"""The briefbot command line, run in-process on temporary folders."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.config import PROJECT_ROOT
from bot.targets import store as target_store
from briefbot.cli import app
from tests.conftest import BUNDLED_CORPUS
from tests.e2e import copy_template
from tests.test_corpus_webpage import LIST_PAGE, article_page

# A real national work report (dev split of tests/data/real) next to the bundled documents.
NATIONAL = PROJECT_ROOT / "tests" / "data" / "real" / "docs" / "national_china_2025_gwr.txt"


def said_in(text: str, output: str) -> bool:
    """Whether ``output`` says ``text``, however rich wrapped it: at the terminal width,
    folding a word longer than the line (a file's path under pytest's temporary folder,
    longer under a pytest-xdist worker) anywhere, a space kept at a line's end or not."""
    return "".join(text.split()) in "".join(output.split())


@pytest.fixture
def run_unbuilt(corpus_copy, tmp_path):
    """``briefbot`` over a private copy of the bundled corpus and an empty data folder:
    its first command indexes the corpus (the tests of ingesting and indexing)."""
    runner = CliRunner()
    base = ["--corpus-dir", str(corpus_copy), "--data-dir", str(tmp_path / "data")]

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(app, [*base, *args], input=input)

    invoke.corpus = corpus_copy
    return invoke


def _built(built_data, source, to: Path) -> None:
    """``to`` made a private copy of the run's index of ``source`` (``built_data``)."""
    shutil.move(built_data(source)[1], to)


@pytest.fixture
def run(run_unbuilt, built_data, tmp_path):
    """``run_unbuilt`` with the data folder already indexed: a copy of the run's index of
    the bundled corpus (``built_data``), which the command finds fresh (the same files,
    their times kept by the copy, and settings) and serves as its own first command would
    have built it. The tests of what a command answers need no build of their own (~0.3 s
    of CPU each); first use indexing the corpus is the ``run_unbuilt`` tests' and
    ``test_no_progress_line_when_stderr_is_not_a_terminal``'s."""
    _built(built_data, BUNDLED_CORPUS, tmp_path / "data")
    return run_unbuilt


@pytest.fixture
def run_national(corpus_copy, tmp_path, built_data):
    """``run`` over the bundled corpus plus the 2025 national government work report (the
    data folder a copy of the run's index of the six, as ``run``'s)."""
    shutil.copy2(NATIONAL, corpus_copy / NATIONAL.name)  # its time kept: the index's
    _built(built_data, (*sorted(BUNDLED_CORPUS.glob("*.txt")), NATIONAL), tmp_path / "data")
    runner = CliRunner()
    base = ["--corpus-dir", str(corpus_copy), "--data-dir", str(tmp_path / "data")]
    return lambda *args: runner.invoke(app, [*base, *args], env={"COLUMNS": "200"})


def unsure(monkeypatch, indicator: str, confidence: float = 0.3) -> None:
    """Records of ``indicator`` read back from the index with a low confidence."""
    real = target_store.load_targets

    def load(folder, doc_id):
        return [
            replace(r, confidence=confidence) if r.indicator == indicator else r
            for r in real(folder, doc_id)
        ]

    monkeypatch.setattr(target_store, "load_targets", load)


def test_help_lists_every_command():
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("search", "docs", "doc", "ingest", "index"):
        assert command in result.output


def test_search_json_has_the_documented_shape(run):
    result = run("search", "乡村振兴", "--json", "--limit", "3")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"query", "corrected", "suggestions", "results"} <= data.keys()
    assert data["query"] == "乡村振兴" and data["corrected"] is None
    assert len(data["results"]) == 3
    first = data["results"][0]
    assert {"doc", "title", "section", "text", "snippet", "highlights", "score"} <= first.keys()
    assert first["doc"].endswith(".txt")
    s, e = first["highlights"][0]
    assert first["snippet"][s:e] in ("乡村振兴", "乡村振兴战略")


def test_search_says_the_plan_period_understood_in_json_and_text(run):
    # a plan period named (十四五) or its span typed (2021-2025) is one period, no one year
    for words in (["十四五", "地区生产总值", "目标"], ["2021-2025年", "地区生产总值", "目标"]):
        data = json.loads(run("search", *words, "--json").stdout)
        understood = data["understood"]
        assert understood["period"] == {"name": "十四五", "from": 2021, "to": 2025}, words
        assert understood["year"] is None and understood["indicator"] == "地区生产总值"
    # a query naming no period keeps the old keys, with "period" null
    plain = json.loads(run("search", "烟台", "2024", "GDP", "目标", "--json").stdout)
    assert plain["understood"]["year"] == 2024 and plain["understood"]["period"] is None
    text = run("search", "山东", "十三五期间", "粮食").stdout
    assert "理解为：地区 山东 · 时期 十三五（2016–2020）" in text
    # the catalogue's line, in the language asked for (Chinese by default, as digests)
    english = run("search", "山东", "十三五期间", "粮食", "--lang", "en").stdout
    assert "Understood as: region Shandong (山东) · period 十三五 (2016–2020)" in english
    assert "理解为" not in english
    wrong = run("search", "山东", "--lang", "fr")
    assert wrong.exit_code == 2 and "--lang must be one of zh, en" in wrong.output


def test_search_reports_corrections_in_json_and_text(run):
    data = json.loads(run("search", "乡村振星", "--json").stdout)
    assert data["corrected"] == "乡村振兴"
    text = run("search", "乡村振星").stdout
    assert "乡村振星" in text and "→ 乡村振兴" in text


def test_search_filters_and_paging(run):
    data = json.loads(run("search", "发展", "--doc", "004", "--json", "-n", "4", "-p", "2").stdout)
    assert data["page"] == 2 and len(data["results"]) == 4
    assert {r["doc"][:3] for r in data["results"]} == {"004"}


def test_bad_queries_print_a_message_and_exit_zero(run):
    for query in ("，。", "😀", "\x07"):
        result = run("search", query)
        assert result.exit_code == 0
        assert "关键词" in result.stdout


def test_no_result_prints_suggestions(run):
    # a word near a term of the index (碳达风) is offered it; one near none (宇宙飞船)
    # nothing that merely shares a character
    result = run("search", "碳达风", "--as-typed")
    assert result.exit_code == 0
    assert "没有找到结果" in result.stdout and "did you mean" in result.stdout
    assert "碳达峰" in result.stdout
    result = run("search", "宇宙飞船")
    assert "没有找到结果" in result.stdout and "did you mean" not in result.stdout


def test_docs_json_and_table(run):
    data = json.loads(run("docs", "--json").stdout)
    assert len(data) == 5
    assert {d["doc"] for d in data} >= {"004_f9b1766ae33f6aa2.txt"}
    yantai = next(d for d in data if d["doc"].startswith("004"))
    assert yantai["region"] == "烟台" and yantai["year"] == 2024
    assert yantai["title"] == "烟台市2024年政府工作报告"
    table = run("docs").stdout  # wrapped to the terminal width; the row must be there
    assert "烟台" in table and "2024" in table and "title" in table


def test_doc_json_has_the_docs_fields_and_the_sections(run):
    result = run("doc", "004", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    listed = {d["doc_id"]: d for d in json.loads(run("docs", "--json").stdout)}
    assert {k: v for k, v in data.items() if k != "sections"} == listed[data["doc_id"]]
    assert (data["title"], data["region_path"]) == ("烟台市2024年政府工作报告", ["山东", "烟台"])
    assert data["sections"][0] == ["一、2023年工作回顾"]
    assert any(len(path) == 2 and path[0].startswith("三、") for path in data["sections"])
    assert len({tuple(p) for p in data["sections"]}) == len(data["sections"])
    assert run("doc", "nope", "--json").exit_code == 1


def test_doc_shows_sections_and_unknown_doc_fails_cleanly(run):
    result = run("doc", "004")
    assert result.exit_code == 0 and "一、2023年工作回顾" in result.stdout
    missing = run("doc", "nope")
    assert missing.exit_code == 1 and "no document matches" in missing.output


def test_ingest_and_index_commands(run_unbuilt, tmp_path):
    new = tmp_path / "new.md"
    new.write_text("# 新文件\n\n全市低空经济产业规模达到100亿元。\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01" * 10)
    result = run_unbuilt("ingest", str(new), str(bad), str(tmp_path / "missing.txt"))
    assert "added new.md" in result.stdout
    assert said_in("bad.txt", result.output) and said_in("missing.txt", result.output)
    assert result.exit_code == 1  # something asked for was not ingested
    hits = json.loads(run_unbuilt("search", "低空经济", "--json").stdout)["results"]
    assert hits[0]["doc"] == "new.md"
    rebuilt = run_unbuilt("index", "--rebuild")
    assert rebuilt.exit_code == 0 and "6 documents" in rebuilt.stdout


def test_ingest_reads_a_saved_web_page_and_refuses_a_list_page(run_unbuilt, tmp_path):
    page = tmp_path / "jiangzhou.html"
    page.write_bytes(article_page("低空经济", charset="gbk").encode("gbk"))
    listing = tmp_path / "list.htm"
    listing.write_text(LIST_PAGE, encoding="utf-8")
    result = run_unbuilt("ingest", str(page), str(listing))
    assert "added jiangzhou.html" in result.stdout
    assert said_in("list.htm: no article text on the page", result.output)
    hits = json.loads(run_unbuilt("search", "低空经济", "--json").stdout)["results"]
    assert hits[0]["doc"] == "jiangzhou.html"
    # the passage with its source: the page's section heading
    assert hits[0]["section"] in ("一、2024年工作回顾", "二、2025年主要预期目标"), hits[0]
    docs = {d["filename"]: d for d in json.loads(run_unbuilt("docs", "--json").stdout)}
    assert docs["jiangzhou.html"]["title"] == "江州市2025年政府工作报告"
    assert "list.htm" not in docs


def test_ingest_refuses_a_file_with_no_chinese_text(run_unbuilt, tmp_path):
    english = tmp_path / "notes.txt"
    english.write_text("Notes on the plan.\n\nThe city will build 20 new schools.\n", "utf-8")
    before = json.loads(run_unbuilt("docs", "--json").stdout)
    result = run_unbuilt("ingest", str(english))
    assert result.exit_code == 1
    said = result.output
    assert said_in("skipped", said) and said_in("notes.txt: No Chinese text could be read", said)
    assert json.loads(run_unbuilt("docs", "--json").stdout) == before
    assert not any(p.name == "notes.txt" for p in run_unbuilt.corpus.iterdir())


def test_ingesting_the_same_files_again_is_not_an_error(run_unbuilt, tmp_path):
    new = tmp_path / "new.md"
    new.write_text("# 新文件\n\n全市低空经济产业规模达到100亿元。\n", encoding="utf-8")
    first = run_unbuilt("ingest", str(new))
    assert first.exit_code == 0 and "added new.md" in first.stdout
    again = run_unbuilt("ingest", str(new))
    assert again.exit_code == 0, again.output
    assert f"already indexed, unchanged: {new}" in again.stdout
    assert "skipped" not in again.output and "added" not in again.stdout
    # the same content under another name is still a duplicate, not ingested
    twin = tmp_path / "twin.md"
    shutil.copy(new, twin)
    dup = run_unbuilt("ingest", str(twin))
    assert dup.exit_code == 1 and "same content as new.md" in dup.output


def test_console_reads_queries_from_stdin(run):
    result = run(input="乡村振兴\n:docs\n:quit\n")
    assert result.exit_code == 0
    assert "» 乡村振兴" in result.stdout and "004_f9b1766ae33f6aa2.txt" in result.stdout


def test_console_without_input_shows_a_demo(run):
    result = run(input="")
    assert result.exit_code == 0
    assert "示例检索和命令" in result.stdout and "营商环竟" in result.stdout


def test_bad_config_file_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("BRIEFBOT_CONFIG", str(tmp_path / "missing.toml"))
    result = CliRunner().invoke(app, ["docs"])
    assert result.exit_code == 2 and "configuration error" in result.output


def test_exclusion_words_are_query_text_not_options(run):
    data = json.loads(run("search", "乡村振兴", "-齐鲁", "--json", "-n", "50").stdout)
    assert data["results"] and not any("齐鲁" in r["text"] for r in data["results"])


def test_targets_json_csv_and_table(run):
    data = json.loads(run("targets", "--doc", "004", "--kind", "target", "--json").stdout)
    assert data and all(r["kind"] == "target" and r["doc"].startswith("004") for r in data)
    gdp = [r for r in data if r["indicator"] == "地区生产总值"]
    assert gdp[0]["value"] == 5.5 and gdp[0]["unit"] == "%" and gdp[0]["qualifier"] == "左右"
    assert {"sentence", "section", "year", "region", "masked", "value_text"} <= gdp[0].keys()
    csv_out = run("targets", "--indicator", "一般公共预算收入", "--csv").stdout.splitlines()
    assert csv_out[0].startswith("doc_id,doc,section,indicator")
    assert any("673.9" in line for line in csv_out[1:])
    table = run("targets", "--indicator", "GDP", "--kind", "target").stdout
    assert "5.5%左右" in table


def test_targets_rejects_unknown_kind_and_document(run):
    bad_kind = run("targets", "--kind", "wish")
    assert bad_kind.exit_code == 2 and "unknown kind" in bad_kind.output
    bad_doc = run("targets", "--doc", "nope")
    assert bad_doc.exit_code == 1 and "no document matches" in bad_doc.output


def test_digest_preview_text_and_html(run):
    # 烟台's GDP target and its 海洋生产总值 target (GDP holds its family only, not the
    # other 生产总值: 海洋 asks for that one), over a cap of one
    text = run("digest", "--preview", "GDP", "海洋", "region:烟台", "--cap", "1").stdout
    assert text.startswith("📊 重点目标简报")
    assert "地区生产总值 增长 5.5%左右" in text
    assert "briefbot targets" in text  # the cap points at the command that lists all
    html = run("digest", "--preview", "GDP", "region:烟台", "--html").stdout
    assert "--- message 1/1 ---" in html and "<b>" in html


def test_digest_preview_masked_values_and_exclusions(run):
    text = run("digest", "--preview", "kind:all", "!estimate", "doc:002", "--cap", "500").stdout
    assert "原文隐去" in text and "〔预计〕" not in text


def test_digest_preview_in_english(run):
    text = run("digest", "--preview", "GDP", "region:烟台", "--lang", "en").stdout
    assert text.startswith("📊 Key targets digest · ") and "keywords: GDP" in text
    assert "GDP growth of about 5.5%" in text and "重点目标简报" not in text
    assert run("digest", "--preview", "--lang", "fr").exit_code == 2


def test_digest_prints_the_preview_by_default_and_needs_valid_filters(run):
    # the command line has no chat to send to: without --preview it prints the same
    # preview, and says on stderr how to receive the digest in Telegram
    bare, flagged = (
        run("digest", "GDP", "region:烟台"),
        run("digest", "--preview", "GDP", "region:烟台"),
    )
    assert bare.exit_code == 0, bare.output
    assert bare.stdout == flagged.stdout and "地区生产总值 增长 5.5%左右" in bare.stdout
    assert "/subscribe GDP region:烟台" in bare.stderr and "/subscribe" not in bare.stdout
    assert "/subscribe GDP" in run("digest", "GDP", "--lang", "en").stderr
    bad = run("digest", "--preview", "colour:red")
    assert bad.exit_code == 2 and "colour" in bad.output
    assert run("digest", "--preview", "--since", "yesterday").exit_code == 2
    assert run("digest", "--preview", "--group-by", "mood").exit_code == 2


def test_digest_since_shows_only_newer_documents(run):
    future = run("digest", "--preview", "--since", "2999-01-01")
    assert future.exit_code == 0 and "没有符合条件的新目标" in future.stdout


def test_compare_lines_up_one_indicator(run):
    out = run("compare", "GDP").stdout
    assert "地区生产总值" in out and "增长5.5%左右" in out and "烟台" in out
    data = json.loads(run("compare", "地区生产总值", "--json").stdout)
    assert {r["doc"][:3] for r in data} >= {"002", "004"}
    missing = run("compare", "量子计算")
    assert missing.exit_code == 1 and "没有找到指标" in missing.stdout


def test_subscriptions_lists_what_the_bot_stored(run, tmp_path):
    from datetime import UTC, datetime

    from bot.storage import Database
    from bot.subscriptions import SubscriptionStore, parse_schedule

    assert "No subscriptions." in run("subscriptions", "--lang", "en").output
    with Database.open(url=f"sqlite:///{tmp_path / 'data' / 'briefbot.db'}") as database:
        store = SubscriptionStore(database)
        weekly = parse_schedule("周一 09:00", default_time="08:00")
        sub = store.create(-5, "group", "Team", 1, "GDP", weekly, "Europe/Berlin")
        store.claim_slot(sub.id, datetime(2025, 3, 3, 8, tzinfo=UTC))
        store.finish_delivery(sub.id, datetime(2025, 3, 3, 8, tzinfo=UTC), "sent")
        gone = store.create(7, "private", None, 7, "", weekly, "Asia/Shanghai")
        store.deactivate_chat(7, "403 blocked")
    result = run("subscriptions", "--json", "-n", "5")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [r["id"] for r in rows] == [sub.id, gone.id]
    berlin = datetime.fromisoformat(rows[0]["next"])
    assert (berlin.weekday(), berlin.hour) == (0, 9)
    assert berlin.utcoffset().total_seconds() in (3600, 7200)  # CET or CEST
    assert rows[0]["deliveries"] == [
        {"slot": "2025-03-03T08:00:00+00:00", "status": "sent", "error": None}
    ]
    assert (rows[1]["status"], rows[1]["next"]) == ("deactivated", None)
    text = run("subscriptions", "--chat", "7").output
    assert "deactivated" in text and "blocked" in text and "Team" not in text


def test_subscriptions_say_schedules_in_the_language_asked(run, tmp_path):
    from bot.storage import Database
    from bot.subscriptions import SubscriptionStore, parse_schedule

    with Database.open(url=f"sqlite:///{tmp_path / 'data' / 'briefbot.db'}") as database:
        store = SubscriptionStore(database)
        daily = parse_schedule("07:30", default_time="08:00")
        store.create(-5, "group", "Team", 1, "", daily, "Asia/Shanghai")
    english = run("subscriptions", "--lang", "en", "--json")
    assert english.exit_code == 0, english.output
    (row,) = json.loads(english.stdout)
    assert row["schedule"] == "daily at 07:30" and row["schedule_expr"] == "daily 07:30"
    (row,) = json.loads(run("subscriptions", "--json").stdout)
    assert row["schedule"] == "每天 07:30"
    table = run("subscriptions", "--lang", "en").stdout
    assert "daily at 07:30" in table and "每天" not in table and "(all)" in table
    assert "每天 07:30" in run("subscriptions").stdout
    assert run("subscriptions", "--lang", "fr").exit_code == 2


def test_subscriptions_none_in_either_language(run):
    assert "No subscriptions." in run("subscriptions", "--lang", "en").output
    assert "没有订阅。" in run("subscriptions", "--lang", "zh").output


@pytest.mark.heavy
def test_targets_take_indicator_region_and_year_without_flags(run):
    def records(*args):
        result = run("targets", *args, "--json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    flagged = records("--indicator", "GDP")
    assert flagged and records("GDP") == flagged
    by_region = records("--region", "烟台", "--year", "2024")
    assert by_region
    assert records("烟台", "2024") == by_region == records("2024", "烟台")
    assert records("GDP", "2024") == records("--indicator", "GDP", "--year", "2024")
    # words beside --indicator narrow it, as /targets GDP 烟台 does
    assert records("烟台", "--indicator", "GDP") == records("--indicator", "GDP 烟台")
    assert records("004") == records("--doc", "004")
    assert run("targets", "GDP", "2023", "--year", "2024").exit_code == 2
    assert records("GDP", "2024", "--year", "2024") == records("GDP", "2024")


# -- issue 11: document metadata, families, regions, confidence ------------------------------
def test_docs_show_level_type_and_json_keeps_its_keys(run_national):
    data = {d["doc"]: d for d in json.loads(run_national("docs", "--json").stdout)}
    national = data[NATIONAL.name]
    assert {"filename", "title", "region", "year", "level", "type", "issuer", "date"} <= (
        national.keys()
    )
    assert national["region"] == "全国" and national["level"] == "national"
    assert national["type"] == "政府工作报告" and national["year"] == 2025
    yantai = data["004_f9b1766ae33f6aa2.txt"]
    assert (yantai["region"], yantai["region_path"], yantai["level"]) == (
        "烟台",
        ["山东", "烟台"],
        "city",
    )
    table = run_national("docs").stdout
    assert "level" in table and "type" in table and "市级" in table and "政府工作报告" in table


def test_doc_shows_the_metadata(run):
    out = run("doc", "004").stdout
    assert "region: 山东 > 烟台" in out and "level: 市级" in out
    assert "type: 政府工作报告" in out and "year: 2024" in out
    assert "issuer: 烟台市人民政府" in out


def test_targets_json_carries_confidence_and_document_metadata(run_national):
    data = json.loads(run_national("targets", "--doc", "national", "--json").stdout)
    assert data
    first = data[0]
    assert 0 < first["confidence"] <= 1
    doc = first["document"]
    assert doc["region"] == "全国" and doc["level"] == "national" and doc["type"] == "政府工作报告"
    assert {"title", "region_path", "year", "issuer", "date", "filename"} <= doc.keys()
    assert all(r["confidence"] >= 0.6 for r in data)  # confident ones by default
    # every record has value_max: the upper end of a range, else null (as the scorecard's)
    assert all(r["value_max"] is None or r["value_max"] > r["value"] for r in data)
    assert any(r["value_max"] is None for r in data)
    rows = run_national("targets", "--doc", "national", "--csv").stdout.splitlines()
    assert "confidence" in rows[0].split(",")


def test_compare_gdp_lists_national_and_regional_together(run_national):
    out = run_national("compare", "GDP").stdout
    assert "国内生产总值" in out and "地区生产总值" in out
    assert "全国" in out and "烟台" in out
    assert "人均地区生产总值" not in out  # per capita is another question
    data = json.loads(run_national("compare", "GDP", "--json").stdout)
    assert {r["indicator"] for r in data} == {"国内生产总值", "地区生产总值"}
    assert {r["document"]["level"] for r in data} >= {"national", "city"}


def test_compare_cpi_finds_consumer_prices(run_national):
    data = json.loads(run_national("compare", "CPI", "--json").stdout)
    assert data and {r["indicator"] for r in data} == {"居民消费价格"}
    # the report states its 涨幅2%左右 twice (the targets, then their rationale): one
    # figure, listed once by a comparison and by the document's own listing alike
    # (bot.targets.dedupe), the first statement kept
    national = [r for r in data if r["document"]["level"] == "national" and r["value"] == 2]
    assert len(national) == 1
    listed = json.loads(run_national("targets", "--doc", "national", "--json").stdout)
    (cpi,) = [r for r in listed if r["indicator"] == "居民消费价格" and r["value"] == 2]
    assert cpi == national[0]
    assert not cpi["sentence"].startswith("居民消费价格涨幅2%左右，目的在于")
    only_shandong = run_national("compare", "GDP", "--region", "山东", "--json").stdout
    assert {r["region"] for r in json.loads(only_shandong)} == {"烟台"}


def test_region_options_include_cities(run_national):
    data = json.loads(run_national("targets", "--region", "山东", "--json").stdout)
    assert {r["document"]["region"] for r in data} == {"烟台", "青岛"}
    national = json.loads(run_national("targets", "--region", "全国", "--json").stdout)
    assert national and {r["document"]["level"] for r in national} == {"national"}
    hits = json.loads(
        run_national("search", "发展", "--region", "山东", "--json", "-n", "50").stdout
    )
    assert {r["doc"][:3] for r in hits["results"]} >= {"003", "004"}


def test_digest_region_filter_follows_the_hierarchy(run_national):
    by_doc = ("--group-by", "document", "--cap", "500")
    text = run_national("digest", "--preview", "region:山东", *by_doc).stdout
    assert "烟台市2024年政府工作报告" in text  # 烟台
    assert "全面贯彻党的二十大精神" in text and "踔厉奋发" in text  # 青岛
    assert "国务院" not in text
    national = run_national("digest", "--preview", "region:全国", *by_doc).stdout
    assert "2025年中华人民共和国国务院政府工作报告" in national and "烟台市" not in national


def test_unsure_records_are_hidden_unless_all(run, monkeypatch):
    unsure(monkeypatch, "地区生产总值")
    shown = run("targets", "--indicator", "GDP", "--kind", "target")
    assert "没有符合条件的记录" in shown.stdout and "条低可信度记录未显示" in shown.stdout
    everything = run("targets", "--indicator", "GDP", "--kind", "target", "--all").stdout
    assert "5.5%左右" in everything and "低可信度" not in everything
    compared = run("compare", "GDP")
    assert compared.exit_code == 1 and "低可信度" in compared.stdout
    assert "增长5.5%左右" in run("compare", "GDP", "--all").stdout
    digest = run("digest", "--preview", "indicator:GDP").stdout
    assert "低可信度数据未显示" in digest and "5.5%左右" not in digest
    assert "5.5%左右" in run("digest", "--preview", "indicator:GDP", "--all").stdout


def test_a_page_past_the_last_says_so_and_fails(run):
    result = run("search", "乡村振兴", "--page", "99")
    assert result.exit_code == 1
    assert "第 99 页没有结果" in result.output and "past the last page" in result.output


def test_no_progress_line_when_stderr_is_not_a_terminal(corpus_copy, tmp_path):
    runner = CliRunner()
    base = ["--corpus-dir", str(corpus_copy), "--data-dir", str(tmp_path / "data")]
    runner.invoke(app, [*base, "docs"])  # the first run indexes and says so
    result = runner.invoke(app, [*base, "docs"])
    assert result.exit_code == 0
    assert result.stderr == ""  # nothing to say: not even an empty line


@pytest.mark.heavy
def test_piped_tables_are_not_cut_to_eighty_columns(bundled_template, tmp_path):
    import subprocess
    import sys

    # a real process: the width is chosen at import, from the real pipe; the index is the
    # template's copy, so the process only lists
    settings = copy_template(bundled_template, tmp_path)
    cmd = [sys.executable, "-m", "briefbot", "--corpus-dir", str(settings.corpus_dir)]
    cmd += ["--data-dir", str(settings.data_dir), "docs"]
    env = {k: v for k, v in __import__("os").environ.items() if k != "COLUMNS"}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, check=True)
    header = next(line for line in done.stdout.splitlines() if "┃ id" in line)
    assert "passages" in header and len(header) > 80  # whole cells, not cut at 80 columns


def test_ingest_names_a_pdf_saved_as_txt_and_leaves_the_library_as_it_was(run, tmp_path):
    """A PDF renamed (or saved by a browser) as .txt: refused saying it is a PDF and the
    name that reads it, not "binary content" or "no Chinese text"; nothing copied."""
    before = sorted(p.name for p in run.corpus.iterdir())
    pdf = tmp_path / "2025年某市政府工作报告.txt"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")
    result = run("ingest", str(pdf))
    assert result.exit_code == 1, result.output
    assert said_in("a .pdf file named .txt: rename it to 2025年某市政府工作报告.pdf", result.output)
    assert sorted(p.name for p in run.corpus.iterdir()) == before


def test_a_two_dash_word_the_command_lacks_is_refused_not_searched(run):
    # trial22: `search 就业 --page-size 100` searched for "--page-size 100" and
    # `digest --json` printed text filtered by "leave out json", both exit 0
    searched = run("search", "就业", "--page-size", "100", "--json")
    assert searched.exit_code == 2 and not searched.stdout
    assert "--page-size" in searched.stderr and "--page" in searched.stderr.replace("--page-", "")
    digest = run("digest", "GDP", "--jsn", "--lang", "en")
    assert digest.exit_code == 2 and not digest.stdout
    assert said_in("(did you mean --json?)", digest.stderr)
    # one dash stays a word to leave out
    assert run("search", "乡村振兴", "-齐鲁", "--json").exit_code == 0


def test_digest_json_carries_the_lines_and_the_records_of_targets_json(run):
    result = run("digest", "GDP", "region:烟台", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)  # stdout is the JSON alone; the note is on stderr
    assert "/subscribe GDP region:烟台" in result.stderr
    assert (
        data["shown"] == len(data["lines"]) >= 1 and data["hidden"] == data["total"] - data["shown"]
    )
    line = next(x for x in data["lines"] if x["indicator"] == "地区生产总值")
    assert line["value"] == "5.5%左右" and line["docs"] and line["docs"][0] in data["documents"]
    listed = json.loads(run("targets", "GDP", "--region", "烟台", "--json").stdout)
    record = line["records"][0]
    assert set(record) == set(listed[0]) and record in listed


def test_piped_stderr_says_each_skipped_file_on_one_line(run, tmp_path):
    # trial22: a script reading `2> errors.txt` line by line got a skipped file's reason
    # cut at 80 columns, its path on one line and its reason on the next
    bad = tmp_path / "a-rather-long-name-of-one-file-in-the-weekly-batch-of-2026-12-08.txt"
    bad.write_bytes(bytes(range(256)) * 8)
    result = run("ingest", str(bad))
    assert result.exit_code == 1
    line = next(x for x in result.stderr.splitlines() if x.startswith("skipped"))
    assert str(bad) in line and line.endswith("not a text file (binary content)")


def test_an_interrupted_ingest_says_what_was_kept_and_exits_130(run, tmp_path, monkeypatch):
    from bot.library import Engine

    def interrupted(self, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(Engine, "ingest", interrupted)
    new = tmp_path / "new.txt"
    new.write_text("测试市2025年政府工作报告", encoding="utf-8")
    result = run("ingest", str(new))
    assert result.exit_code == 130 and not result.stdout
    assert "run the same ingest again to copy the rest" in result.stderr


def test_compare_json_finding_nothing_exits_as_the_text_and_says_why_on_stderr(run):
    # trial22: `compare GDP增速 --json` printed [] with exit 0 and no word of the similar
    # indicators the text names with exit 1
    for extra in ((), ("--year", "2026")):
        text = run("compare", "火星移民人数", *extra)
        data = run("compare", "火星移民人数", *extra, "--json")
        assert text.exit_code == data.exit_code == 1
        assert json.loads(data.stdout) == []  # stdout stays JSON alone
        assert "火星移民人数" in data.stderr and "火星移民人数" not in data.stdout
    found = run("compare", "GDP", "--json")
    assert found.exit_code == 0 and json.loads(found.stdout)


def test_search_json_names_the_answers_file_as_doc_and_reads_a_year_as_targets_does(run):
    # trial22: the answer card had `filename` where the results, targets --json and
    # compare --json say `doc`; --year 2024年 was "not a valid integer" in search alone
    data = json.loads(run("search", "烟台", "2024", "GDP", "增长目标", "--json").stdout)
    answer = data["answer"]
    assert answer["doc"] == answer["filename"] == data["results"][0]["doc"]
    assert all(card["doc"] for card in data["answers"])
    records = json.loads(run("targets", "GDP", "--region", "烟台", "--json").stdout)
    assert answer["doc"] in {r["doc"] for r in records}
    typed = [run("search", "就业", "--year", y, "--json") for y in ("2024", "2024年", "二〇二四年")]
    assert all(r.exit_code == 0 for r in typed)
    assert len({r.stdout for r in typed}) == 1 and json.loads(typed[0].stdout)["total"]
    bad = run("search", "就业", "--year", "去年吧")
    assert bad.exit_code == 2 and "not a year" in bad.stderr


def test_an_ingest_run_again_exits_as_it_did_the_first_time(run_unbuilt, tmp_path):
    # trial22: a batch holding one empty file exited 0, and 1 when run again after an
    # interrupt, with every document "already indexed, unchanged"
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "new.md").write_text(
        "# 新文件\n\n全市低空经济产业规模达到100亿元。\n", encoding="utf-8"
    )
    (batch / "empty.txt").write_bytes(b"")
    first, again = run_unbuilt("ingest", str(batch)), run_unbuilt("ingest", str(batch))
    assert first.exit_code == again.exit_code == 0, again.output
    assert "empty file" in again.stderr and "already indexed, unchanged" in again.stdout
    assert run_unbuilt("ingest", str(batch / "empty.txt")).exit_code == 1  # nothing of it in
