"""user-trial17: a provincial 发展改革委 analyst reading every digest pushed to her team's
channel (bench/RESULTS.md, `digest-trial17`). Invented records, composed as the
scheduler composes them; no index, no server."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.digest import compose_digest
from bot.digest.values import short_title
from bot.subscriptions.compose import no_new_message
from bot.subscriptions.records import Subscription
from bot.subscriptions.schedule import parse_schedule
from bot.targets.indicators import IndicatorTable, default_table
from handlers.format.targets import target_line
from tests.factories import document_info, target_record

NOW = datetime(2026, 12, 14, 8, 0)


@pytest.fixture(scope="module")
def table() -> IndicatorTable:
    return default_table()


def report(doc_id: str, region: str, year: int) -> object:
    return document_info(
        doc_id, title=f"{region}{year}年政府工作报告", region=region, year=year, indexed_at=1.0
    )


def gdp(doc_id: str, region: str, year: str, value: float, **kw) -> tuple[str, object]:
    return doc_id, target_record("地区生产总值", region=region, year=year, value=value, **kw)


def test_a_capped_digest_takes_every_group_in_turn(table) -> None:
    """A library's first digest was 30 lines of 经济总量 (GDP of every place and year) and
    no CPI, employment or deficit target: the cap took the first 30 lines in order."""
    places = ["四川", "云南", "贵州", "安徽", "海南", "宁夏", "广东", "山东"]
    docs = {f"d{i}": report(f"d{i}", p, 2026) for i, p in enumerate(places)}
    records = [gdp(f"d{i}", p, "2026", 5.0 + i / 10) for i, p in enumerate(places)]
    records += [
        ("d0", target_record("居民消费价格", change="上涨", value=2.0, region="四川")),
        ("d0", target_record("城镇调查失业率", change="", value=5.5, region="四川")),
        ("d0", target_record("赤字率", change="", value=3.0, region="四川")),
    ]
    d = compose_digest(records, docs, None, now=NOW, table=table, cap=5)
    shown = [e.indicator for e in d.entries]
    assert (d.shown, d.total) == (5, 11)
    assert {"居民消费价格", "城镇调查失业率", "赤字率"} <= set(shown)
    assert shown[0] == "地区生产总值"  # shown in group order still, headline groups first
    assert "显示其中 5 条" in d.text and d.lines[-1].kind == "more"


def test_headline_families_lead_their_group(table) -> None:
    """In the table's order 促消费活动 came before 居民消费价格 and 新增就业 before
    城镇调查失业率; a work report's main targets lead their group."""
    docs = {"d0": report("d0", "四川", 2026)}
    records = [
        ("d0", target_record("促消费活动", change="举办", value=190, unit="场", qualifier="")),
        ("d0", target_record("居民消费价格", change="上涨", value=2.0)),
        ("d0", target_record("新增就业", change="新增", value=8, unit="万人", qualifier="")),
        ("d0", target_record("城镇调查失业率", change="", value=5.5)),
    ]
    d = compose_digest(records, docs, None, now=NOW, table=table, cap=2)
    assert [e.indicator for e in d.entries] == ["居民消费价格", "城镇调查失业率"]
    d = compose_digest(records, docs, None, now=NOW, table=table)
    names = [e.indicator for e in d.entries]
    assert names.index("居民消费价格") < names.index("促消费活动")
    assert names.index("城镇调查失业率") < names.index("新增就业")


def test_an_indicators_newest_report_comes_first(table) -> None:
    """2015's and 2016's GDP targets were listed before 2026's (the file names' order)."""
    docs = {
        "a2015": report("a2015", "全国", 2015),
        "b2016": report("b2016", "海拉尔", 2016),
        "z2026": report("z2026", "云南", 2026),
    }
    records = [
        gdp("a2015", "全国", "2015", 7.0),
        gdp("b2016", "海拉尔", "2016", 7.5),
        gdp("z2026", "云南", "2026", 4.5),
    ]
    d = compose_digest(records, docs, None, now=NOW, table=table)
    assert [e.year for e in d.entries] == ["2026年", "2016年", "2015年"]


def test_a_hidden_figure_gives_way_under_the_cap(table) -> None:
    docs = {"d0": report("d0", "青岛", 2023), "d1": report("d1", "烟台", 2024)}
    masked = target_record(
        "战略性新兴产业增加值占比", value=None, value_text="xx", masked=True, region="青岛"
    )
    records = [("d0", masked), ("d1", target_record("高技术制造业增加值", region="烟台"))]
    d = compose_digest(records, docs, None, now=NOW, table=table, cap=1)
    assert [e.indicator for e in d.entries] == ["高技术制造业增加值"]
    d = compose_digest(records, docs, None, now=NOW, table=table, cap=2)
    assert any(e.masked for e in d.entries)  # with room, shown as masked


@pytest.mark.parametrize(
    ("indicator", "change", "line"),
    [
        ("新增城镇就业", "新增", "• 新增城镇就业 85万人 · 2026年"),
        ("既有住宅加装电梯", "加装", "• 既有住宅加装电梯 6000部 · 2026年"),
        ("海洋生产总值占全市比重", "占", "• 海洋生产总值占全市比重 40%以上 · 2026年"),
        ("国家级专精特新小巨人企业", "新增", "• 国家级专精特新小巨人企业 新增 50户以上 · 2026年"),
    ],
)
def test_a_verb_the_name_says_is_not_said_twice(table, indicator, change, line) -> None:
    """新增城镇就业 新增 85万人, 既有住宅加装电梯 加装 6000部: read twice on a phone."""
    value, unit, qualifier = {
        "新增城镇就业": (85, "万人", ""),
        "既有住宅加装电梯": (6000, "部", ""),
        "海洋生产总值占全市比重": (40, "%", "以上"),
        "国家级专精特新小巨人企业": (50, "户", "以上"),
    }[indicator]
    record = target_record(
        indicator,
        change=change,
        value=value,
        value_text=str(value),
        unit=unit,
        qualifier=qualifier,
        year="2026",
        region="四川",
    )
    d = compose_digest([("d0", record)], {"d0": report("d0", "四川", 2026)}, now=NOW, table=table)
    assert d.target_lines[0].text.startswith(line)


@pytest.mark.parametrize(
    ("indicator", "change", "shown"),
    [
        ("新增城镇就业", "新增", "<b>新增城镇就业</b> 85万人 · 2026年"),
        ("既有住宅加装电梯", "加装", "<b>既有住宅加装电梯</b> 6000部 · 2026年"),
        ("地区生产总值", "增长", "<b>地区生产总值</b> 增长 85万人 · 2026年"),
    ],
)
def test_a_targets_line_does_not_say_the_names_verb_twice(indicator, change, shown) -> None:
    """/targets showed 新增城镇就业 新增 10万人以上 after the digest stopped doing so."""
    unit = "部" if indicator == "既有住宅加装电梯" else "万人"
    value = 6000 if unit == "部" else 85
    record = target_record(
        indicator,
        change=change,
        value=value,
        value_text=str(value),
        unit=unit,
        qualifier="",
        year="2026",
    )
    assert shown in target_line(record, show_kind=False, show_region=False)


def subscription(last: datetime | None) -> Subscription:
    when = datetime(2026, 12, 7, tzinfo=UTC)
    return Subscription(
        id=2,
        chat_id=-100,
        chat_type="channel",
        chat_title="河南组",
        created_by=1,
        filter_text="region:河南",
        schedule=parse_schedule("每周一 08:00", default_time="08:00"),
        timezone="Asia/Shanghai",
        quiet_when_empty=False,
        active=True,
        paused=False,
        deactivated_reason=None,
        last_delivered_at=last,
        created_at=when,
        updated_at=when,
    )


def test_a_first_push_with_nothing_is_not_nothing_new_since_the_last() -> None:
    """A channel's first push said 自上次推送以来没有新的重点目标, of a push it never had."""
    first = no_new_message(subscription(None))
    assert "自上次推送以来" not in first and "文库中暂时没有符合条件的重点目标" in first
    assert "（地区：河南）" in first
    assert "since the last digest" not in no_new_message(subscription(None), "en")
    later = no_new_message(subscription(datetime(2026, 12, 14, tzinfo=UTC)))
    assert "自上次推送以来没有新的重点目标" in later


@pytest.mark.parametrize(
    ("title", "short"),
    [
        (
            "上海市人民政府办公厅关于印发《上海市促进商业航天发展打造空间信息产业高地行动计划"
            "（2023—2025年）》的通知",
            "上海市促进商业航天发展打造空间…",
        ),
        (
            "上海市人民政府办公厅关于印发《本市系统化全域推进海绵城市建设的实施意见》的通知",
            "本市系统化全域推进海绵城市建设…",
        ),
        ("关于印发《杨“数”浦新质秀带创新区建设方案》的通知", "杨“数”浦新质秀带创新区建设方案"),
        ("国务院关于印发“十四五”国家应急体系规划的通知", "“十四五”国家应急体系规划"),
        (
            "某执行小组办公室关于印发安徽省关于加快对接区域全面经济伙伴关系协定（RC…",
            "安徽省关于加快对接区域全面经济…",
        ),
        ("国务院关于数字经济发展情况的报告", "国务院关于数字经济发展情况的报告"),
        ("关于全面推进乡村振兴加快农业农村现代化的意见", "关于全面推进乡村振兴加快农业农…"),
    ],
)
def test_a_notice_is_named_by_the_document_it_issues(title: str, short: str) -> None:
    """Three Shanghai plans of one digest were each 《上海市人民政府办公厅关于印发《…》."""
    assert short_title(title) == short


def test_one_new_document_is_named_once_not_on_every_line(table) -> None:
    """The week a work report arrived, every line ended 《2026年四川省人民政府工作报告》🆕."""
    docs = {
        "old": document_info("old", title="云南2026年政府工作报告", region="云南", indexed_at=1.0),
        "new": document_info(
            "new", title="2026年四川省人民政府工作报告", region="四川", indexed_at=9.0
        ),
    }
    records = [
        gdp("new", "四川", "2026", 5.5),
        ("new", target_record("居民消费价格", change="上涨", value=2.0, region="四川")),
        gdp("old", "云南", "2026", 4.5),
    ]
    d = compose_digest(records, docs, None, now=NOW, table=table, since=5.0)
    assert "🆕 新文件：《2026年四川省人民政府工作报告》" in d.text
    assert d.text.count("四川省人民政府工作报告") == 1
    # its place is on the line, though the title naming it is not (user-trial17's item 9)
    assert d.target_lines[0].text == "• 地区生产总值 增长 5.5%左右 · 2026年 · 四川"
    # two documents, or one not new: each line names its source as before
    both = compose_digest(records, docs, None, now=NOW, table=table, since=5.0, only_new=False)
    assert all(" — 《" in line.text for line in both.target_lines)
    first = compose_digest(records[:2], docs, None, now=NOW, table=table)
    assert all(" — 《" in line.text for line in first.target_lines)
