"""What an investor's analyst met on a first session (`user-trial14`): the offline
console's user is the bot's owner (adds documents, runs admin commands), ``:file`` sends
a file, ``/add`` with a title only adds nothing, and the subscription filter's keys
(``region:``, ``year:``) read by /targets and /compare as by /subscribe."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from bot.digest.filters import FilterError
from bot.library.arguments import region_year, split_kinds, unkeyed
from bot.text.across import asks_extreme_region
from bot.text.pasted import title_only
from briefbot.cli import app

REPORT = (
    "海东省2026年政府工作报告\n"
    "今年全省经济社会发展主要预期目标是：地区生产总值增长6%左右，"
    "居民消费价格涨幅2%左右，固定资产投资增长7%左右。\n"
)


@pytest.fixture(autouse=True)
def no_token(monkeypatch):
    for key in ("TELEGRAM_BOT_TOKEN", "BRIEFBOT_TOKEN_FILE", "BRIEFBOT_CONFIG", "BRIEFBOT_OWNERS"):
        monkeypatch.delenv(key, raising=False)


@pytest.fixture
def console(tmp_path):
    """The console in-process on an empty corpus folder of its own."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    base = ["--corpus-dir", str(corpus), "--data-dir", str(tmp_path / "data")]

    def invoke(lines: str) -> str:
        result = CliRunner().invoke(app, base, input=lines)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        return result.stdout

    invoke.corpus = corpus  # type: ignore[attr-defined]
    return invoke


def test_the_consoles_user_is_the_owner_and_adds_a_file(console, tmp_path):
    report = tmp_path / "海东省2026年政府工作报告.txt"
    report.write_text(REPORT, encoding="utf-8")
    out = console(f"/admin who\n:file {report}\n:file {tmp_path / 'none.txt'}\n")
    who = out.split("» /admin who")[1].split("» :file")[0]
    assert "所有者" in who and "你还不是机器人管理员" not in who
    added = out.split(f"» :file {report}")[1].split("» :file")[0]
    assert "已添加" in added and "只有机器人管理员" not in added
    assert "地区生产总值" in added
    assert [p.name for p in console.corpus.iterdir() if p.suffix == ".txt"] == [report.name]
    assert "没有文件" in out.split("none.txt")[1]


def test_add_with_a_title_only_adds_nothing(console):
    out = console("/add 海东省2026年政府工作报告\n")
    assert "只有一行“海东省2026年政府工作报告”" in out and "没有加入文库" in out
    assert "已添加" not in out
    assert not any(p.suffix == ".txt" for p in console.corpus.iterdir())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("海南省2026年政府工作报告", True),
        ("  《2026年政府工作报告》  \n\n", True),
        ("海南省2026年政府工作报告\n今年地区生产总值增长6%左右。", False),
        ("今年地区生产总值增长6%左右。", False),  # a sentence is text, not a title
        ("地区生产总值" * 8, False),  # longer than any title
    ],
)
def test_title_only(text, expected):
    assert title_only(text) is expected


QINGHAI = (
    "青海省2026年政府工作报告\n"
    "今年全省经济社会发展主要预期目标是：地区生产总值增长5%左右，"
    "居民消费价格涨幅2%左右，固定资产投资增长6%左右。\n"
)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["region:贵州", "2026"], ["贵州", "2026"]),
        (["地区：贵州", "year:2026"], ["贵州", "2026"]),
        (["GDP", "region:四川,安徽", "Year:2026"], ["GDP", "四川", "安徽", "2026"]),
        (["indicator:CPI", "doc:004"], ["CPI", "004"]),
        (['region:"Inner Mongolia"'], ["Inner Mongolia"]),
        # not a filter's key: left as typed (a ratio, a time, another key)
        (["kind:target", "9:00", "http://x"], ["kind:target", "9:00", "http://x"]),
    ],
)
def test_unkeyed(args, expected):
    assert unkeyed(args) == expected


def test_region_year_reads_the_keys():
    assert region_year(["region:贵州", "year:2026", "all"]) == ("贵州", 2026, True)


def test_targets_and_compare_read_region_and_year_keys(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "qinghai_2026.txt").write_text(QINGHAI, encoding="utf-8")
    base = ["--corpus-dir", str(corpus), "--data-dir", str(tmp_path / "data")]
    cli = CliRunner().invoke(app, [*base, "targets", "region:青海", "year:2026"])
    assert cli.exit_code == 0, cli.output
    assert "地区生产总值" in cli.stdout and "没有符合条件的记录" not in cli.stdout
    # the doc column is the document's id, and each id's title is said under the table
    assert re.search(r"(?m)^([0-9a-f]{10})  青海省2026年政府工作报告$", cli.stdout)
    assert "qinghai_2026" not in cli.stdout
    out = (
        CliRunner()
        .invoke(app, base, input="/targets 地区:青海 2026\n/compare GDP region:青海 year:2026\n")
        .stdout
    )
    targets = out.split("» /targets")[1].split("» /compare")[0]
    assert "地区：青海 · 2026年" in targets and "增长 5%左右" in targets
    compare = out.split("» /compare")[1]
    assert "青海 地区生产总值：目标 增长5%左右" in compare


def test_cli_compare_takes_places_and_a_year_after_the_indicator(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "qinghai_2026.txt").write_text(QINGHAI, encoding="utf-8")
    base = ["--corpus-dir", str(corpus), "--data-dir", str(tmp_path / "data")]
    places = CliRunner().invoke(app, [*base, "compare", "居民消费价格", "青海", "西藏"])
    assert places.exit_code == 0, places.output  # was: Got unexpected extra argument(s)
    assert "上涨2%左右" in places.stdout or "涨幅2%左右" in places.stdout
    year = CliRunner().invoke(app, [*base, "compare", "GDP", "青海", "2026", "--csv"])
    assert year.exit_code == 0, year.output
    header, row = year.stdout.splitlines()[:2]
    assert header.startswith("region,indicator,year,target")
    assert row.startswith("青海,地区生产总值,2026,增长5%左右")


def test_a_year_without_targets_names_the_years_with_and_a_misspelt_indicator(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "qinghai_2026.txt").write_text(QINGHAI, encoding="utf-8")
    base = ["--corpus-dir", str(corpus), "--data-dir", str(tmp_path / "data")]
    out = (
        CliRunner()
        .invoke(
            app,
            base,
            input="/compare 固定资产投资 2030\n/compare 地区生产总直 2026\n/help compare\n",
        )
        .stdout
    )
    year, typo = out.split("» /help")[0].split("» /compare")[1:]
    usage = out.split("» /help compare")[1]  # the places and the year, as /help lists them
    assert "/compare 指标 [地区…] [年份] [all]" in usage and "/compare GDP 四川 安徽 2026" in usage
    assert "没有找到“固定资产投资”2030年的各地区数据。" in year
    assert "有目标的年份：/compare 固定资产投资 2026" in year
    assert "相近的指标：地区生产总值" in typo
    cli = CliRunner().invoke(app, [*base, "compare", "固定资产投资", "--year", "2030"])
    assert cli.exit_code == 1
    assert "有目标的年份：briefbot compare 固定资产投资 --year 2026" in cli.stdout
    cli = CliRunner().invoke(app, [*base, "compare", "地区生产总直", "2026"])
    assert "相近的指标：地区生产总值" in cli.stdout


def test_targets_read_kind_as_subscribe_does(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    report = QINGHAI.replace(
        "今年全省", "过去一年，全省地区生产总值增长4.8%，居民消费价格上涨0.3%。\n今年全省"
    )
    (corpus / "qinghai_2026.txt").write_text(report, encoding="utf-8")
    base = ["--corpus-dir", str(corpus), "--data-dir", str(tmp_path / "data")]
    out = (
        CliRunner()
        .invoke(app, base, input="/targets 青海 kind:实绩\n/targets 青海 kind:target\n")
        .stdout
    )
    done, aims = out.split("» /targets")[1:]
    assert "地区：青海 · 实绩" in done and "4.8%" in done and "5%左右" not in done
    assert "地区：青海 · 目标" in aims and "5%左右" in aims and "4.8%" not in aims
    cli = CliRunner().invoke(app, [*base, "targets", "GDP", "kind:achievement"])
    assert cli.exit_code == 0, cli.output
    assert "4.8%" in cli.stdout and "5%左右" not in cli.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["四川", "kind:target"], (["四川"], ("target",))),
        (["类型：实绩,预计"], ([], ("achievement", "estimate"))),
        (["kind:all"], ([], ("target", "achievement", "estimate"))),
        (["四川"], (["四川"], None)),
    ],
)
def test_split_kinds(args, expected):
    assert split_kinds(args) == expected


@pytest.mark.parametrize("word", ["kind:foo", "kind:target,foo", "类型：未来"])
def test_a_kind_that_names_no_kind_is_an_error_listing_the_kinds(word):
    with pytest.raises(FilterError) as caught:
        split_kinds(["四川", word])
    assert caught.value.code == "filter.unknown_kind"
    assert caught.value.params["kind"] in word and "achievement" in str(caught.value)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("哪个省2026年GDP增长目标最高", True),
        ("Which province has the highest GDP growth target for 2026?", True),
        ("各省GDP增长目标最低的是哪个", True),
        ("哪个地区居民消费价格涨幅最低", True),
        ("四川2026年GDP增长目标", False),
        ("最高人民法院工作报告", False),  # a superlative, no region asked for
        ("大英县和西充县哪个GDP增长目标高", False),  # two named: their cards answer it
    ],
)
def test_asks_extreme_region(query, expected):
    assert asks_extreme_region(query) is expected


def test_which_province_highest_gets_no_one_regions_card(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "qinghai_2026.txt").write_text(QINGHAI, encoding="utf-8")
    (corpus / "xizang_2026.txt").write_text(
        QINGHAI.replace("青海省", "西藏自治区").replace("增长5%左右", "增长7%左右"),
        encoding="utf-8",
    )
    base = ["--corpus-dir", str(corpus), "--data-dir", str(tmp_path / "data")]
    asked = "哪个省2026年GDP增长目标最高\n青海2026年GDP增长目标\n/compare GDP 2026\n[2]\n"
    out = CliRunner().invoke(app, base, input=asked)
    which, one, compare, pressed = out.stdout.split("» ")[1:]
    assert "[2] 📄 CSV" in compare
    assert pressed.startswith("[2] 📄 CSV") and ".csv" in pressed  # [2] typed as shown
    assert "/compare 地区生产总值 2026" in which and "答案" not in which
    assert "答案：青海 2026年 地区生产总值 目标：增长5%左右" in one


def test_an_unknown_kind_is_said_by_the_bot_and_the_command_line(console, tmp_path):
    out = console("/targets 海东 kind:foo\n")
    assert "未知的类型“foo”" in out and "achievement" in out
    base = ["--corpus-dir", str(console.corpus), "--data-dir", str(tmp_path / "data")]
    cli = CliRunner().invoke(app, [*base, "targets", "GDP", "kind:foo"])
    assert cli.exit_code == 2 and "未知的类型“foo”" in cli.output
