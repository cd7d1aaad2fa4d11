"""A new user's trial of the command line (issues 11 and 13): bad input and escape hatches.

One index over the bundled corpus and the 2025 national work report (dev split of
tests/data/real) for the module (the commands only read it).
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from bot.config import PROJECT_ROOT
from briefbot.cli import app

BUNDLED = PROJECT_ROOT / "corpus"
NATIONAL = PROJECT_ROOT / "tests" / "data" / "real" / "docs" / "national_china_2025_gwr.txt"


@pytest.fixture(scope="module")
def run(built_data):
    # the run's one index of these six files (``built_data``, shared with test_cli.py's
    # ``run_national``): its corpus is only read here, the data folder is a private copy
    corpus, data = built_data((*sorted(BUNDLED.glob("*.txt")), NATIONAL))
    runner = CliRunner()
    base = ["--corpus-dir", str(corpus), "--data-dir", str(data)]

    def invoke(*args: str):
        return runner.invoke(app, [*base, *args], env={"COLUMNS": "200"})

    return invoke


def test_a_corrected_search_offers_the_search_as_typed(run):
    corrected = run("search", "乡村振星")
    assert "→ 乡村振兴" in corrected.stdout and "--as-typed" in corrected.stdout
    as_typed = json.loads(run("search", "乡村振星", "--as-typed", "--json").stdout)
    assert as_typed["corrected"] is None and as_typed["corrections"] == []
    assert "已更正" not in run("search", "乡村振星", "--as-typed").stdout


def test_search_doc_takes_what_the_other_commands_take(run):
    # a unique prefix of the document id, as `targets --doc` and `doc` take it
    doc_id = json.loads(run("docs", "--json").stdout)
    yantai = next(d for d in doc_id if d["filename"].startswith("004"))
    data = json.loads(run("search", "发展", "--doc", yantai["doc_id"][:5], "--json").stdout)
    assert data["total"] and {r["doc"] for r in data["results"]} == {yantai["filename"]}
    # a prefix of several file names still searches all of them
    several = json.loads(run("search", "发展", "--doc", "00", "--json", "-n", "50").stdout)
    assert len({r["doc"] for r in several["results"]}) > 1


def test_search_with_an_unknown_document_is_an_error_not_an_empty_answer(run):
    result = run("search", "发展", "--doc", "nosuch")
    assert result.exit_code == 1
    assert "nosuch" in result.output and "没有找到结果" not in result.stdout


def test_search_says_when_region_or_year_leave_no_document(run):
    unknown = run("search", "发展", "--region", "火星")
    assert unknown.exit_code == 0
    assert "没有符合“火星”的文件" in unknown.stdout
    no_year = run("search", "发展", "--region", "山东", "--year", "2019")
    assert "没有符合“山东 2019年”的文件" in no_year.stdout
    # a filter with documents but no hit for the words says nothing of the kind
    assert "的文件" not in run("search", "宇宙飞船", "--region", "山东").stdout


def test_compare_without_an_indicator_is_a_usage_error(run):
    for blank in ("", "  "):
        result = run("compare", blank)
        assert result.exit_code == 2
        assert "compare GDP" in result.output
        assert "┃" not in result.stdout  # not every record of the corpus


def test_compare_says_the_filter_found_nothing_not_the_indicator(run):
    result = run("compare", "GDP", "--region", "火星")
    assert result.exit_code == 1
    assert "没有找到指标" not in result.stdout and "相近的指标" not in result.stdout
    assert "没有符合“火星”" in result.stdout
    unknown = run("compare", "火星指数", "--region", "山东")
    assert unknown.exit_code == 1 and "没有找到指标“火星指数”" in unknown.stdout


def test_compare_rows_per_region_refuse_filters_they_ignore(run):
    result = run("compare", "GDP", "--year", "2024", "--region", "山东")
    assert result.exit_code == 2 and "--region" in result.output
    assert run("compare", "GDP", "--csv", "--kind", "target").exit_code == 2


def test_compare_for_a_year_without_targets_names_the_year(run):
    result = run("compare", "GDP", "--year", "1999")
    assert result.exit_code == 1
    assert "1999" in result.stdout


def test_the_answer_in_json_carries_the_records_numbers(run):
    data = json.loads(run("search", "烟台", "2024", "GDP", "增长目标", "--json", "-n", "1").stdout)
    answer = data["answer"]
    assert answer["indicator"] == "地区生产总值" and answer["region"] == "烟台"
    # the fields `targets --json` gives a record, so a script reads both alike
    assert answer["value"] == 5.5 and answer["value_max"] is None
    assert answer["masked"] is False and answer["confidence"] >= 0.6
    records = json.loads(
        run("targets", "--doc", "004", "--indicator", "地区生产总值", "--json").stdout
    )
    same = [r for r in records if r["sentence"] == answer["sentence"] and r["kind"] == "target"]
    assert same and same[0]["value"] == answer["value"]


def test_a_digest_filter_key_typed_into_search_is_understood(run):
    plain = json.loads(run("search", "山东", "--json").stdout)
    for typed in ("region:山东", "地区：山东"):
        keyed = json.loads(run("search", typed, "--json").stdout)
        assert keyed["total"] == plain["total"] > 0, typed
        assert keyed["understood"]["region"] == "山东"
    both = json.loads(run("search", "region:烟台", "year:2024", "GDP", "目标", "--json").stdout)
    assert both["understood"]["year"] == 2024 and both["answer"]["region"] == "烟台"


def test_filters_bind_the_answer_card_as_they_bind_the_hits(run):
    asked = ("search", "烟台", "2024", "GDP", "增长目标", "--json")
    assert json.loads(run(*asked).stdout)["answer"]["filename"].startswith("004")
    for narrowed in (("--year", "2023"), ("--region", "青岛"), ("--doc", "003")):
        data = json.loads(run(*asked, *narrowed).stdout)
        assert data["answer"] is None, narrowed
        assert all(not r["doc"].startswith("004") for r in data["results"]), narrowed
    inside = json.loads(run(*asked, "--region", "山东").stdout)
    assert inside["answer"]["filename"].startswith("004")


def test_a_national_question_is_understood_as_the_national_statistic(run):
    data = json.loads(run("search", "全国", "2025", "GDP", "目标", "--json").stdout)
    assert data["understood"]["region"] == "全国"
    assert data["understood"]["indicator"] == "国内生产总值"  # what the card shows
    assert data["answer"]["indicator"] == "国内生产总值"
    regional = json.loads(run("search", "烟台", "2024", "GDP", "目标", "--json").stdout)
    assert regional["understood"]["indicator"] == "地区生产总值"


def test_a_less_than_sign_is_written_before_the_number():
    # a plan's indicator table (年均每十万人受灾人次 <15000 预期性) showed 15000<
    from bot.digest.values import format_value
    from tests.factories import target_record

    record = target_record(
        "年均每十万人受灾人次",
        doc="plan.txt",
        section="主要指标",
        sentence="年均每十万人受灾人次\t<15000\t预期性",
        value=15000,
        value_text="15000",
        unit="",
        qualifier="<",
        change="",
        year="2021-2025",
        region="全国",
    )
    assert format_value(record) == "<15000"
    assert format_value(replace(record, qualifier="以上")) == "15000以上"


def test_a_name_whose_records_are_all_unsure_is_not_its_own_suggestion(run, monkeypatch):
    from tests.test_cli import unsure

    unsure(monkeypatch, "海洋生产总值")
    result = run("compare", "海洋生产总值")
    assert result.exit_code == 1 and "低可信度" in result.stdout
    similar = next(line for line in result.stdout.splitlines() if "相近的指标" in line)
    names = similar.replace("：", ":").split(":", 1)[1].split("、")  # the catalogue's colon
    assert "海洋生产总值" not in [name.strip() for name in names]


def test_the_two_escape_hatches_are_told_apart(run):
    understood = run("search", "烟台", "2024", "乡村振星").stdout
    literal = next(line for line in understood.splitlines() if "理解为" in line)
    typed = next(line for line in understood.splitlines() if "--as-typed" in line)
    assert "--literal" in literal and "as typed" not in literal  # --as-typed's words
    assert "no correction" in typed


def test_the_reply_says_when_no_document_is_about_the_region_or_year_understood(run):
    data = json.loads(run("search", "江苏", "2019", "GDP", "--json").stdout)
    assert data["understood"]["region"] == "江苏" and data["understood"]["year"] == 2019
    assert data["unmatched"] == ["region", "year"]
    assert data["total"] > 0  # a preference, not a filter: the words still answer
    text = run("search", "江苏", "GDP").stdout
    assert "现有文件中没有：地区 江苏，结果来自其他文件" in text
    known = json.loads(run("search", "烟台", "2024", "GDP", "--json").stdout)
    assert known["unmatched"] == []
    # a region inside one a document is about (青岛's 西海岸新区 is in 山东), or the year
    # a next year's report reviews, is matched
    assert json.loads(run("search", "山东", "2023", "--json").stdout)["unmatched"] == []
