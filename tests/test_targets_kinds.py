"""Kind classification and period resolution, rule by rule."""

from __future__ import annotations

import pytest

from bot.targets.kinds import (
    NEUTRAL,
    PLAN,
    REVIEW,
    KindContext,
    classify,
    classify_heading,
    classify_section,
    cue_before,
    cue_marks,
    is_bulletin,
    is_goal_lead,
    last_cue,
    opening_period,
    resolve_year,
    settled_kind,
)


@pytest.mark.parametrize(
    ("title", "cls"),
    [
        ("一、2023年工作回顾", REVIEW),
        ("一、市第十二次党代会以来的工作", REVIEW),
        ("一、过去五年的工作回顾", REVIEW),
        ("第一章 发展基础", REVIEW),
        ("三、2024年重点工作", PLAN),
        ("二、2024年工作总体要求和主要预期目标", PLAN),
        ("三、咬定目标、攻坚克难，奋力实现振兴发展新突破", PLAN),
        ("二、今后五年的奋斗目标和主要任务", PLAN),
        ("（一）着力建设现代化产业体系，培强高质量发展根基", NEUTRAL),
        ("（一）做强综合实力，在加快壮大经济规模上实现新突破", NEUTRAL),
        ("二、在绿色低碳高质量发展中奋力走在前", NEUTRAL),
    ],
)
def test_headings(title, cls):
    assert classify_heading(title, 2024) == cls


def test_a_bare_year_heading_is_judged_against_the_document_year():
    assert classify_heading("（一）2023年", 2024) == REVIEW
    assert classify_heading("（一）2024年", 2024) == PLAN
    assert classify_heading("（一）2024年", None) == NEUTRAL


def test_innermost_decisive_heading_wins():
    path = ("三、2024年重点工作", "（一）着力建设现代化产业体系，培强高质量发展根基")
    assert classify_section(path, 2024) == PLAN
    # a weak forward word in a subsection does not override a review part
    assert classify_section(("一、2023年工作回顾", "（二）以目标为导向"), 2024) == REVIEW
    assert classify_section(("三、咬定目标、攻坚克难", "（一）做强综合实力"), 2024) == PLAN
    assert classify_section((), 2024) == NEUTRAL


def test_bulletin_detection():
    assert is_bulletin("江州市2024年国民经济和社会发展统计公报", "")
    assert is_bulletin("", "2024年某市国民经济和社会发展统计公报\n一、综合")
    assert not is_bulletin("烟台市2024年政府工作报告", "各位代表：")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("力争", "target"),
        ("确保粮食产量", "target"),
        ("我们要", "target"),
        ("西海岸新区将全力推进", "target"),
        ("三年内", "target"),
        ("已新增", "achievement"),
        ("形成了", "achievement"),
        ("一年来", "achievement"),
        ("主要任务", None),  # 主要 is not 要
        ("重要指示", None),
        ("将党的二十大精神梳理分解为", None),  # 将 … 为: disposal, not future
        ("当前和今后一个时期", None),
    ],
)
def test_cue_words(text, kind):
    assert last_cue(text, None) == kind


def test_words_beat_years_and_years_are_judged_against_the_document():
    assert last_cue("力争2023年", 2025) == "target"
    assert last_cue("2022年产值", 2023) == "achievement"
    assert last_cue("2025年培育形成", 2023) == "target"
    marks = cue_marks("已完成任务，力争明年", None)
    assert cue_before(marks, -1, 3) == "achievement"
    assert cue_before(marks, -1, 10) == "target"
    assert cue_before(marks, 3, 5) is None


def ctx(**kw) -> KindContext:
    base = dict(
        bulletin=False,
        section_class=NEUTRAL,
        estimate=False,
        status=False,
        clause_cue=None,
        sentence_cue=None,
        paragraph_cue=None,
        section_cue=None,
        goal_list=False,
        change="",
    )
    return KindContext(**{**base, **kw})


def test_classification_order():
    assert classify(ctx(estimate=True, section_class=REVIEW)) == "estimate"
    assert classify(ctx(bulletin=True, clause_cue="target")) == "achievement"
    assert classify(ctx(section_class=REVIEW, clause_cue="target")) == "achievement"
    assert classify(ctx(section_class=PLAN, clause_cue="achievement")) == "target"
    assert classify(ctx(status=True, paragraph_cue="target")) == "achievement"
    assert classify(ctx(clause_cue="target", change="达到")) == "target"
    assert classify(ctx(goal_list=True, change="达到")) == "target"
    assert classify(ctx(change="达到", paragraph_cue="target")) == "achievement"
    assert classify(ctx(change="建设", section_cue="target")) == "target"
    assert classify(ctx()) == "achievement"


@pytest.mark.parametrize(
    ("estimate", "bulletin", "section_class", "kind"),
    [
        (True, False, PLAN, "estimate"),
        (True, True, REVIEW, "estimate"),
        (False, True, PLAN, "achievement"),
        (False, False, REVIEW, "achievement"),
        (False, False, PLAN, None),
        (False, False, NEUTRAL, None),
    ],
)
def test_settled_kind_is_what_classify_decides_first(estimate, bulletin, section_class, kind):
    # the extractor skips the cues when the kind is settled: whatever the cues say, the
    # full context must then give the same kind
    assert settled_kind(estimate=estimate, bulletin=bulletin, section_class=section_class) == kind
    if kind is not None:
        for cue in ("target", "achievement"):
            full = ctx(
                estimate=estimate,
                bulletin=bulletin,
                section_class=section_class,
                status=cue == "achievement",
                clause_cue=cue,
                sentence_cue=cue,
                paragraph_cue=cue,
                section_cue=cue,
                goal_list=cue == "target",
                holding=cue == "achievement",
                past_clause=cue == "achievement",
            )
            assert classify(full) == kind


def test_goal_lead_and_opening_period():
    assert is_goal_lead("未来五年奋斗目标是：")
    assert is_goal_lead("今年经济社会发展的主要预期目标是：")
    assert not is_goal_lead("地区生产总值增长5%。")
    assert opening_period("过去五年，我们团结带领全市人民") == "过去五年"
    assert opening_period("五年来，我们") == "过去五年"
    assert opening_period("我们坚持") == ""


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("力争2023年2千亿级产业达到", "2023"),
        ("到2025年，全市地区生产总值突破", "2025"),
        ("展望二〇三五年，全市经济总量", "2035"),
        ("力争三年内气候投融资额达到", "三年内"),
        ("力争在未来三年基本完成", "未来三年"),
        ("每年新建改扩建中小学幼儿园", "每年"),
        ("空气质量优良天数连续四年超过", "连续四年"),
        ("到“十四五”末", "十四五末"),
        ("力争xxxx年全市地区生产总值突破", ""),  # a masked year
        ("今年经济社会发展的主要预期目标是：", "2024"),
        ("预计全年地区生产总值增长", "2023"),
        ("明年", "2025"),
        ("地区生产总值增长", None),
    ],
)
def test_periods(text, year):
    # the document is a 2024 report; the figure sits in a section about 2023 when 全年 is used
    current = "2023" if "全年" in text else "2024"
    assert resolve_year(text, "2024", current) == year


def test_a_goal_lead_ends_on_its_colon_whatever_blanks_follow() -> None:
    """``is_goal_lead`` asks its pattern only of a paragraph ending on a colon (blanks
    after it allowed): the same answers as the pattern alone, on invented paragraphs."""
    from bot.targets.kinds import _GOAL_LEAD_RE, is_goal_lead

    paragraphs = [
        "今后五年经济社会发展的主要目标是：",
        "今年全县发展的主要预期目标是:  ",
        "重点任务如下：\u3000",
        "主要指标：\t\n",
        "要求：",
        "目标任务：全面完成年度计划。",
        "今年的主要目标是：地区生产总值增长6%",
        "完成上级下达的各项任务。",
        "：",
        "",
        "目标是。：",  # 。 between: no lead
    ]
    for text in paragraphs:
        assert is_goal_lead(text) == bool(_GOAL_LEAD_RE.search(text)), text
    assert [is_goal_lead(t) for t in paragraphs[:5]] == [True] * 5
    assert not any(is_goal_lead(t) for t in paragraphs[5:])
