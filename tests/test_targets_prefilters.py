"""Cheap tests put in front of costly reads, the same results: character prefilters
before ``strip_noise`` + a search (the sentence namer's scoped-firms and task-done
reads: a text the prefilter turns away is one the search would have found nothing in,
and the names read are the same as without it), and a return period's share looked for
only for a return period."""

from __future__ import annotations

import pytest

from bot.targets.extract import _without_standards_of_a_share
from bot.targets.indicators import IndicatorTable, default_table
from bot.targets.naming import name_figures
from bot.targets.naming import sentence as namer
from bot.targets.naming.clauses import clause_start
from bot.targets.naming.clean import strip_noise
from bot.targets.numbers import find_figures, may_have_figures

# invented sentences: scoped firms with noise between their words (a year, a bracketed
# note, a comparison base), task shares, and near misses of both
SENTENCES = [
    "全县规模以上工业企业完成工业总产值120亿元，增长8%。",
    "2024年全区限额以上批发零售企业43家，实现批发零售业销售额56.2亿元。",
    "规模以上（不含电力）工业企业累计完成工业增加值18.6亿元，比上年增长6.1%。",
    "规模（注）以上工业企业完成工业产值9.3亿元。",
    "全市规模以上服务业企业2023年实现营业收入325亿元。",
    "限额以上住宿餐饮企业完成营业额7.5亿元，同比增长12%。",
    "全年完成年度目标任务的96%。",
    "到年底，完成脱贫攻坚规划任务85%，其余任务明年完成。",
    "完成2023年度（调整后）任务的102.4%。",
    "以上企业完成产值30亿元，规模较上年扩大。",
    "企业规模以上完成产值5亿元。",
    "任务完成率达到98%，比上年提高2个百分点。",
    "新增规模以上企业28家，其中工业企业15家。",
]


@pytest.fixture(scope="module")
def table() -> IndicatorTable:
    return default_table()


def _searched(pattern, text: str) -> bool:
    return pattern.search(strip_noise(text)) is not None


def test_scoped_firms_prefilter_turns_away_only_texts_without_a_match() -> None:
    seen = 0
    for s in SENTENCES:
        for end in range(len(s) + 1):  # every text before a figure could be
            before = s[:end]
            if _searched(namer._SCOPED_FIRMS_BEFORE_RE, before):
                seen += 1
                assert namer._may_name_scoped_firms(before), before
    assert seen >= 4  # the search does match these texts (the test tests something)


def test_task_done_prefilter_turns_away_only_texts_without_a_match() -> None:
    seen = 0
    for s in SENTENCES:
        for lo in range(len(s)):
            for hi in range(lo, len(s) + 1):
                clause = s[lo:hi]
                if _searched(namer._TASK_DONE_RE, clause):
                    seen += 1
                    assert namer._may_name_a_task_done(clause), clause
    assert seen >= 3


def test_prefilters_turn_away_texts_missing_a_character() -> None:
    assert not namer._may_name_scoped_firms("全县工业企业完成工业总产值")  # no scope
    assert not namer._may_name_scoped_firms("规模以上工业企业工业总产值")  # no verb
    assert namer._may_name_scoped_firms("规模以上工业企业完成工业总产值")
    assert not namer._may_name_a_task_done("完成年度目标的")
    assert namer._may_name_a_task_done("完成年度目标任务的")


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("全县规模以上工业企业完成工业总产值120亿元，增长8%。", ["规模以上工业总产值"] * 2),
        (
            "全区限额以上批发零售企业43家，实现批发零售业销售额56.2亿元。",
            ["限额以上批发零售企业", "限额以上批发零售业销售额"],
        ),
        ("全年完成年度目标任务的96%。", ["目标任务完成比例"]),
        ("到年底，完成脱贫攻坚规划任务85%。", ["脱贫攻坚规划任务完成比例"]),
    ],
)
def test_the_reads_behind_the_prefilters_still_name(
    sentence: str, names: list[str], table: IndicatorTable
) -> None:
    named = name_figures(sentence, find_figures(sentence), table)
    assert [n.indicator for n in named] == names


def test_clause_of_a_share_is_what_the_prefilter_sees() -> None:
    s = "到年底，完成脱贫攻坚规划任务85%。"
    fig = find_figures(s)[0]
    clause = s[clause_start(s, fig.start) : fig.start]
    assert clause == "完成脱贫攻坚规划任务"
    assert namer._may_name_a_task_done(clause)


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # a share in the same clause: the return period only qualifies what it meets
        ("城区40%面积排涝标准达到20年一遇标准，覆盖人口10万人。", [(40, "%"), (10, "万人")]),
        # a share in another clause: the period is a standard of its own, kept
        (
            "新建城区可渗透面积达到40%，内涝防治标准达到30年一遇以上。",
            [(40, "%"), (30, "年一遇")],
        ),
        # no share before: kept
        ("主要河道防洪标准提高到五十年一遇。", [(50, "年一遇")]),
    ],
)
def test_a_return_period_after_a_share_of_its_clause_is_dropped(
    sentence: str, kept: list[tuple[float, str]]
) -> None:
    figures = find_figures(sentence)
    assert [(f.value, f.unit) for f in _without_standards_of_a_share(sentence, figures)] == kept


# 成 and 前 said with the numeral of a share (tenths, top ranks), and said without one
_TENTHS_AND_RANKS = ["农产品加工转化率达到七成以上。", "综合实力稳居全国前三。", "增长一成左右。"]
_BARE_CHENG_QIAN = ["全面完成市县机构改革。", "巩固拓展主题教育成果。", "锚定“走在前、开新局”。"]


@pytest.mark.parametrize("text", _TENTHS_AND_RANKS)
def test_tenths_and_top_ranks_pass_the_figure_prefilter(text: str) -> None:
    assert may_have_figures(text)
    assert find_figures(text)


@pytest.mark.parametrize("text", _BARE_CHENG_QIAN)
def test_a_bare_cheng_or_qian_is_no_figure_and_is_turned_away(text: str) -> None:
    assert find_figures(text) == []
    assert not may_have_figures(text)
