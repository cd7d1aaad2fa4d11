"""Behaviours added after the tenth batch of the real-document relevance set (r620-r644,
issue 13), topical questions: a plan of a period (“十四五”…规划) holds the period in every
line though it never repeats it, and a how-question wants a part's topic paragraphs, not
the outline standing directly under the part's own heading. Invented texts only."""

from __future__ import annotations

from bot.library.engine import Engine
from tests.conftest import engine_over

# A plan of the period whose lines never name it, and a province's report whose review
# names the period and the words in passing.
PLAN = (
    "“十四五”某省应急体系规划\n"
    "一、总体要求\n"
    "坚持人民至上、生命至上，统筹发展和安全。\n"
    "二、主要任务\n"
    "（一）强化紧急运输保障\n"
    "建立多部门联动的应急运输协调机制，完善救灾物资调运和运输车辆优先通行制度，提高救灾物资运输效率。\n"
    "（二）加强安全文化建设\n"
    "深化应急管理理论研究，选树宣传英雄模范，推进安全文化进企业、进农村、进社区、进学校、进家庭。\n"
)
REPORT = (
    "某省2026年政府工作报告\n"
    "一、“十四五”时期工作回顾\n"
    "“十四五”时期，全省交通运输投资年均增长8%，建成救灾物资储备库3个，安全生产形势稳定，文化事业繁荣发展。\n"
    "二、2026年重点工作\n"
    "稳定和扩大就业，实施稳岗扩容提质行动。\n"
)


def _texts(engine: Engine, query: str, n: int = 3) -> list[str]:
    return [h.text for h in engine.search(query, page_size=n).hits]


def _plans(root) -> Engine:
    return engine_over(root, {"plan.txt": PLAN, "report.txt": REPORT})


def test_a_plan_of_the_period_holds_the_period_in_its_lines(tmp_path):
    engine = _plans(tmp_path)
    texts = _texts(engine, "十四五 救灾物资 运输")
    assert texts and "建立多部门联动的应急运输协调机制" in texts[0], texts
    texts = _texts(engine, "十四五 安全文化 怎么建设")
    assert texts and "推进安全文化进企业" in texts[0], texts


# A part of a report whose heading has sub-headings: the text directly under the part's
# heading is an outline naming every topic in passing, the topic's paragraph stands under
# its sub-heading.
OUTLINE = (
    "某省2026年政府工作报告\n"
    "三、2026年重点工作\n"
    "经济社会发展的主要预期目标是：粮食产量保持在600亿斤以上，城镇新增就业50万人，居民收入增长与经济增长同步，单位生产总值能耗下降。\n"
    "（一）稳定粮食生产\n"
    "扛牢粮食安全责任，严守耕地红线，稳定粮食播种面积，推进高标准农田建设，推动主要作物大面积单产提升。\n"
    "（二）稳定和扩大就业\n"
    "实施稳岗扩容提质行动，做好高校毕业生等重点群体就业。\n"
)


def test_a_how_question_wants_the_topics_paragraph_not_the_parts_outline(tmp_path):
    engine = engine_over(tmp_path, {"report.txt": OUTLINE})
    texts = _texts(engine, "粮食 生产 怎么抓")
    assert texts and texts[0].startswith("扛牢粮食安全责任"), texts
    # asked for the figures, the outline keeps its place
    texts = _texts(engine, "粮食 生产 目标")
    assert texts and texts[0].startswith("经济社会发展的主要预期目标"), texts


# The text before a document's first heading (a sender's line and a title over the
# preamble) is no topic paragraph either.
PREAMBLE = (
    "某省关于加快推进对外开放的实施意见\n"
    "某省改革开放领导小组办公室印发。为加快推进对外开放，结合实际，制定本意见。\n"
    "一、重点任务\n"
    "（一）扩大对外贸易\n"
    "促进外贸提质增效，推进对外开放平台建设，支持企业开拓新兴市场，发展跨境电商。\n"
    "（二）优化营商环境\n"
    "深化放管服改革，打造市场化法治化国际化营商环境。\n"
)


def test_a_how_question_wants_the_topics_paragraph_not_the_preamble(tmp_path):
    engine = engine_over(tmp_path, {"opinion.txt": PREAMBLE})
    texts = _texts(engine, "对外开放 怎么推进")
    assert texts and texts[0].startswith("促进外贸提质增效"), texts


# A review's paragraph naming the words more often than the year's task paragraph.
POLICIES = (
    "某省2026年政府工作报告\n"
    "一、2025年工作回顾\n"
    "二是优先稳就业保民生。稳就业政策成效明显，稳就业各项政策落实到位，城镇新增就业50万人。\n"
    "二、2026年重点工作\n"
    "（一）稳定和扩大就业\n"
    "就业优先政策要继续强化。稳就业，落实稳岗返还政策，扩大就业见习规模，支持灵活就业。\n"
    "（二）扩大有效投资\n"
    "实施一批重大项目，用好专项债券。\n"
)


def test_which_policies_asks_for_the_measures(tmp_path):
    engine = engine_over(tmp_path, {"report.txt": POLICIES})
    texts = _texts(engine, "稳就业 有哪些政策")
    assert texts and texts[0].startswith("就业优先政策要继续强化"), texts


# The outline names the words in one sentence (居民收入增长), the topic's paragraph apart
# (居民增收 in its title, 收入 further on): the outline needs more than a fifth off.
INCOME = (
    "某省2022年政府工作报告\n"
    "二、2022年工作安排\n"
    "主要预期目标是：地区生产总值增长5.5%左右，城镇调查失业率控制在5.5%以内，居民收入增长与经济增长基本同步，农村居民收入增长快于城镇居民，居民消费价格涨幅3%左右。\n"
    "（一）持续保障和改善民生\n"
    "多渠道促进城乡居民增收。健全劳动报酬正常增长机制，实施扩大中等收入群体行动计划，增加农民财产性收入。\n"
    "强化就业优先导向。实施就业促进行动。\n"
)


def test_an_outline_naming_the_words_in_one_sentence_still_comes_second(tmp_path):
    engine = engine_over(tmp_path, {"report.txt": INCOME})
    texts = _texts(engine, "居民 收入 怎么提高")
    assert texts and texts[0].startswith("多渠道促进城乡居民增收"), texts
