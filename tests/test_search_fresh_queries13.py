"""Behaviours added after the sixteenth batch of the real-document relevance set
(r1034-r1092, issue 13): a question about what was done, asked with a verb and 了 (补贴发了
多少, 拿到了, 修了多少公里), ranks a report's review before its tasks for the year ahead;
and the subject a document's title names (关于加快数字经济发展的实施意见) is matched by
every passage of that document, so a question naming the subject and a detail (数字经济
人才) finds the plan's line on the detail, which never repeats the subject. Invented
texts only."""

from __future__ import annotations

import pytest

from bot.search import asking, title_topics, window
from bot.search import searcher as searcher_module
from bot.search.budget import Budget
from bot.search.query import parse_query
from bot.search.searcher import Searcher
from bot.search.title_topics import TitleTopics, topic_text
from tests.conftest import engine_over, first_hit

# A report whose task section names the allowance more often than the review line that
# says how much was paid, so that by its words alone the task line scores higher.
REPORT = (
    "2026年某省政府工作报告\n"
    "一、2025年工作回顾\n"
    "提振消费成效明显，兑现家电换新补贴20亿元，带动销售120亿元，惠及群众300万人次。\n"
    "二、2026年重点工作\n"
    "扩大家电换新补贴范围，优化补贴申领流程。\n"
)


def test_a_verb_with_le_asks_about_what_was_done():
    done = ("补贴发了多少钱", "高速公路修了多少公里", "多少家庭拿到了补贴", "葡萄酒卖到国外了吗")
    for query in done:
        assert asking.asks_past(query), query
    for query in ("为了就业 有哪些政策", "了解 补贴 政策", "难题 解决不了 怎么办", "补贴 怎么发"):
        assert not asking.asks_past(query), query


def test_a_question_about_what_was_paid_ranks_the_review_first(tmp_path):
    engine = engine_over(tmp_path, {"report_2026.txt": REPORT})
    assert first_hit(engine, "家电换新补贴发了多少").startswith("提振消费成效明显"), engine


def test_without_the_task_share_the_tasks_would_come_first(tmp_path, monkeypatch):
    # the case above is one the rule decides: the task line scores higher by its words
    monkeypatch.setattr(window, "TASK_SHARE", 1.0)
    engine = engine_over(tmp_path, {"report_2026.txt": REPORT})
    assert first_hit(engine, "家电换新补贴发了多少").startswith("扩大家电换新补贴范围")


def test_a_question_about_the_year_ahead_keeps_the_tasks_first(tmp_path):
    engine = engine_over(tmp_path, {"report_2026.txt": REPORT})
    assert first_hit(engine, "家电换新补贴 范围").startswith("扩大家电换新补贴范围")


# A plan on one subject whose line on talent never names the subject, and a report that
# names the subject in one paragraph and talent, more often, in another.
PLAN = (
    "关于加快数字经济发展的实施意见\n"
    "一、总体要求\n"
    "到2030年，数字经济核心产业增加值占比明显提高，形成一批具有国际竞争力的企业。\n"
    "二、重点任务\n"
    "（一）夯实算力设施。建设智能计算中心，推进千兆光网覆盖城乡。\n"
    "（二）强化人才支撑。引进软件工程领军人才，建设实训基地，完善评价机制。\n"
)
REPORT_TALENT = (
    "某市政府工作报告\n"
    "一、2026年重点工作\n"
    "发展数字经济，建设软件产业园，推动数字经济成果转化。\n"
    "实施人才强市战略，人才公寓新增2000套，人才服务专窗全覆盖，青年人才落户便利。\n"
)


def test_the_subject_of_a_documents_title_is_matched_by_its_lines(tmp_path):
    engine = engine_over(tmp_path, {"plan.txt": PLAN, "report.txt": REPORT_TALENT})
    assert first_hit(engine, "数字经济 人才").startswith("（二）强化人才支撑")


def test_without_the_title_rule_the_plans_line_would_not_come_first(tmp_path, monkeypatch):
    monkeypatch.setattr(title_topics, "MIN_FORM_CHARS", 100)
    engine = engine_over(tmp_path, {"plan.txt": PLAN, "report.txt": REPORT_TALENT})
    assert not first_hit(engine, "数字经济 人才").startswith("（二）强化人才支撑")


def test_a_line_writing_the_subject_still_counts_more_than_the_title(tmp_path):
    engine = engine_over(tmp_path, {"plan.txt": PLAN, "report.txt": REPORT_TALENT})
    assert first_hit(engine, "数字经济 核心产业").startswith("到2030年，数字经济核心产业")


# The same with a subject the segmenter cuts (深海|科技): typed whole, the run names it.
DEEP_SEA = PLAN.replace("数字经济", "深海科技")
DEEP_SEA_REPORT = REPORT_TALENT.replace("数字经济", "深海科技")


def test_a_subject_the_segmenter_cuts_is_named_by_the_run_typed_whole(tmp_path):
    engine = engine_over(tmp_path, {"plan.txt": DEEP_SEA, "report.txt": DEEP_SEA_REPORT})
    labels = _labels(engine, "深海科技 人才")
    assert "深海科技" not in engine.searcher.index.term_ids and "深海" in labels, labels
    assert first_hit(engine, "深海科技 人才").startswith("（二）强化人才支撑")


def test_without_the_run_a_cut_subject_names_no_title(tmp_path, monkeypatch):
    # the pieces alone (two characters each) name no subject
    with_headings = Searcher._with_headings
    monkeypatch.setattr(
        Searcher, "_with_headings", lambda self, c, hits, runs=(): with_headings(self, c, hits)
    )
    engine = engine_over(tmp_path, {"plan.txt": DEEP_SEA, "report.txt": DEEP_SEA_REPORT})
    assert not first_hit(engine, "深海科技 人才").startswith("（二）强化人才支撑")


def test_the_topic_of_a_title_sent_with_a_cover_notice_is_the_quoted_title():
    notice = "某市人民政府办公厅关于印发《某市促进低空经济发展行动方案》的通知各区人民政府"
    assert topic_text(notice) == "某市促进低空经济发展行动方案"
    assert topic_text("關於推動未來產業創新發展的實施意見") == "关于推动未来产业创新发展的实施意见"


def test_a_word_in_the_titles_of_many_documents_names_no_subject():
    titles = [f"关于推动第{i}号产业发展的实施意见" for i in range(80)] + ["深海科技行动方案"]
    topics = TitleTopics(titles, list(range(0, 810, 10)), 810)
    assert topics.documents_naming(["产业发展"]) == []
    assert topics.documents_naming(["深海科技"]) == [80]
    assert topics.passages_naming(["深海科技"]).tolist() == list(range(800, 810))
    # two characters (发展, 创新) are in the titles of plans on every subject
    assert TitleTopics(["深海行动方案"], [0], 5).documents_naming(["深海"]) == []


# One line per topic in official wording, and lines beside them on other topics that
# hold the other words of the questions below.
OFFICIAL = (
    "某县2025年工作情况\n"
    "出台减轻企业负担十条措施，全年为企业节约成本8亿元。\n"
    "及时给困难群众发放临时救助金，各项措施落实到位。\n"
    "省外务工劳动力稳定在30万人左右，务工收入持续增长。\n"
    "茶叶、食用菌等特色产品远销东南亚多个国家。\n"
    "引进国外先进制茶技术，茶叶加工水平明显提升。\n"
    "储能电池项目建成投产，形成年产20万套的制造能力。\n"
    "每年春季开展植树活动，全县新增造林面积2万亩。\n"
    "粮食总产量再创新高，实现“二十一连丰”。\n"
    "连续举办粮食丰收节庆活动，展示农业农村发展成就。\n"
)


def test_a_benefactive_preposition_is_not_required_of_a_passage(tmp_path):
    engine = engine_over(tmp_path, {"county.txt": OFFICIAL})
    assert "出台减轻企业负担十条措施" in first_hit(engine, "给企业减负 有哪些措施")


def test_a_benefactive_preposition_is_left_out_of_the_words_searched(monkeypatch):
    words = [("给", 0, 1), ("企业减负", 1, 5), ("有", 6, 7), ("哪些", 7, 9), ("措施", 9, 11)]
    assert asking.content_words(words) == ["企业减负", "措施"]
    # alone, it is what is asked
    assert asking.content_words([("给", 0, 1)]) == ["给"]
    # without the rule, 给 is a word every passage must hold (a real 给企业减负 question
    # ranked first five lines of the report writing 给 in 供给)
    monkeypatch.setattr(asking, "BENEFACTIVES", frozenset())
    assert asking.content_words(words) == ["给", "企业减负", "措施"]


@pytest.mark.parametrize(
    ("query", "wording"),
    [
        ("打工 人数", "省外务工劳动力稳定在30万人"),
        ("茶叶 卖到国外", "茶叶、食用菌等特色产品远销"),
        ("电池每年能造多少套", "储能电池项目建成投产"),
        ("粮食 连续丰收 几年了", "粮食总产量再创新高"),
    ],
)
def test_everyday_words_of_the_sixteenth_batch_find_the_official_wording(tmp_path, query, wording):
    engine = engine_over(tmp_path, {"county.txt": OFFICIAL})
    assert wording in first_hit(engine, query)


# A bulletin's R&D line in full words, and an education line that writes 经费, 占 and 国内
# 生产总值 literally.
SPENDING = (
    "某省2015年统计公报\n"
    "全年研究与试验发展经费支出300亿元，相当于国内生产总值的2.1%。\n"
    "财政性教育经费占国内生产总值比例保持在4%以上，教育经费投入持续增加。\n"
)


def _labels(engine, query: str) -> list[str]:
    searcher = engine.searcher
    parts = parse_query(query, max_chars=200).parts
    return [
        c.label
        for part in parts
        for c in searcher._plan_part(part, Budget(searcher.limits), correct=True)[0]
    ]


def test_an_abbreviation_glued_to_chinese_is_read_as_its_synonym_entry(tmp_path):
    # R&D经费 is an entry of the synonym groups (研发经费 …): typed glued, it is that
    # entry, not R&D (研究与试验发展) weighed against the literal 经费 of other lines
    engine = engine_over(tmp_path, {"bulletin.txt": SPENDING})
    labels = _labels(engine, "R&D经费占GDP多少")
    assert "r&d经费" in labels and "经费" not in labels, labels
    assert "全年研究与试验发展经费支出" in first_hit(engine, "R&D经费占GDP多少")


def test_without_joining_the_glued_entry_its_parts_are_searched(tmp_path, monkeypatch):
    monkeypatch.setattr(searcher_module, "has_cjk", searcher_module.is_cjk_word)
    engine = engine_over(tmp_path, {"bulletin.txt": SPENDING})
    labels = _labels(engine, "R&D经费占GDP多少")
    assert "r&d" in labels and "r&d经费" not in labels, labels
