"""Behaviours fixed after the sixth batch of the real-document relevance set (r367-r435,
issue 13), topical, phrase, synonym and traditional queries asked as analysts ask them:
a paragraph under a heading that names the topic is about it though its text does not
repeat the words; the words of how a question asks (怎么推进, 有哪些举措) are not required
of a passage; a four-character word is found written with a word inside (扩大国内需求
for 扩大内需); a known term typed as such searches its whole synonym group; and in the
report that reviews a year, the sections headed by the next year do not speak of it.
Invented texts only."""

from __future__ import annotations

from datetime import date

import pytest

from bot.library.engine import Engine
from tests.conftest import engine_over

# A plan whose section on innovation never repeats its heading's words in its paragraphs;
# another document names 科技创新 in passing, in a long paragraph about something else.
PLAN = (
    "某省2026年工作安排\n"
    "一、总体要求\n"
    "今年工作的总体要求是稳中求进，推动高质量发展。\n"
    "二、重点任务\n"
    "（一）加快科技创新步伐\n"
    "强化创新策源功能。提升实验室平台能级，建设综合性科学中心，集聚高端研发资源。\n"
    "推动科技成果转化应用。优化线上服务平台，建设中试熟化基地，促进成果落地。\n"
    "（二）全方位扩大对内对外开放\n"
    "促进外贸提质增效。实施千企百展计划，多元化开拓国际市场，稳住外贸基本盘。\n"
    "拓展双向投资合作空间。发挥合作伙伴作用，吸引外资项目落地，支持企业走出去。\n"
    "（三）办好民生实事\n"
    "办好人民满意的教育。\n"
    "实施立德树人工程、五育并举提升工程和扩优提质行动，新增公办学位4万个，"
    "改善乡镇初中寄宿制学校条件，推进县域普通高中振兴，加强校园安全管理。\n"
    "加强医疗卫生服务能力建设，推进县域医共体建设。\n"
)
OTHER = (
    "某市交通发展情况\n"
    "全市推进道路交通建设，新建改建农村公路1200公里，公交线网持续优化，"
    "客运枢纽加快建设，科技创新赋能智慧交通管理，出行服务水平稳步提升，"
    "推进交通领域改革开放，推进多式联运发展，推进城乡客运一体化，推进交通安全整治。\n"
    "加密布局电动汽车大功率充电设施，新建公共充电桩3000个。\n"
    "全市新能源汽车产量增长20%。\n"
    "持续增加公办学位供给。\n"
    "积极扩大国内需求，促进消费稳定回升。\n"
    "扩大开放，国内需求稳步恢复。\n"
)
# A report of 2026 whose review section does not name 2025: its task section, headed by
# 2026, must not answer a question about 2025 before the review.
REPORT_2026 = (
    "2026年某省政府工作报告\n"
    "一、政府工作回顾\n"
    "持续推进城市更新，完成老旧小区改造1200个，城市面貌明显改善，群众居住条件持续提升，"
    "城市功能品质进一步完善。\n"
    "二、2026年工作安排\n"
    "实施城市更新行动，推进城市更新。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    docs = {"plan_2026.txt": PLAN, "traffic.txt": OTHER, "report_2026.txt": REPORT_2026}
    engine = engine_over(tmp_path_factory.mktemp("fresh5"), docs)
    engine.searcher.today = lambda: date(2026, 3, 1)
    return engine


def _texts(engine: Engine, query: str, n: int = 5) -> list[str]:
    return [h.text for h in engine.search(query, page_size=n).hits]


def test_paragraphs_under_a_heading_naming_the_topic_are_found_first(engine):
    texts = _texts(engine, "科技创新", n=3)
    assert {t[:8] for t in texts[:2]} == {"强化创新策源功能", "推动科技成果转化"}


def test_the_section_on_the_topic_ranks_before_a_passing_mention(engine):
    texts = _texts(engine, "科技创新 怎么做", n=3)
    assert texts[0].startswith(("强化创新策源功能", "推动科技成果转化应用", "（一）加快科技创新"))
    assert not texts[0].startswith("全市推进道路交通建设")


def test_a_hit_found_by_its_heading_names_it_in_its_section(engine):
    hits = engine.search("科技创新", page_size=5).hits
    under = [h for h in hits if "科技创新" not in h.text]
    assert under and all(any("科技创新" in part for part in h.section) for h in under)


def test_a_one_line_lead_heads_the_paragraph_after_it(engine):
    texts = _texts(engine, "教育 学位")
    assert texts and texts[0].startswith("实施立德树人工程")


def test_a_short_line_before_another_short_line_heads_nothing(engine):
    # 持续增加公办学位供给。 is a short sentence, not the lead of the short line after it
    searcher = engine.searcher
    concept = searcher._concept("学位")
    pids = searcher._with_headings(concept, searcher._hits.concept_hits(concept))[0].tolist()
    texts = [searcher.passage_text(pid) for pid in pids]
    assert any(t.startswith("实施立德树人工程") for t in texts)  # found as written
    assert not any(t.startswith("积极扩大国内需求") for t in texts)


def test_the_verb_after_how_is_not_required(engine):
    # 推进 is in the traffic paragraph four times, in the section on opening up never
    texts = _texts(engine, "对外开放 怎么推进", n=3)
    assert texts[0].startswith(("促进外贸提质增效", "拓展双向投资合作空间"))


def test_words_naming_the_kind_of_answer_are_not_required(engine):
    texts = _texts(engine, "扩大对外开放 有哪些举措", n=3)
    assert texts and texts[0].startswith(("促进外贸提质增效", "拓展双向投资合作空间", "（二）"))


def test_a_known_term_put_as_a_synonym_still_finds_its_whole_group(engine, monkeypatch):
    # On the real documents 新能源车 is put as 新能源汽车 (a synonym of the group, as the
    # correction may): the search still finds 电动汽车, the group's other form.
    searcher = engine.searcher
    searcher.clear_memo()

    def correct(part, words, budget):
        k = next((i for i, (w, *_) in enumerate(words) if w.startswith("新能源")), None)
        if k is None:
            return None
        end = k + 1 if k + 1 < len(words) and words[k + 1][0] == "车" else k
        return (k, end, "新能源汽车", 84.0)

    monkeypatch.setattr(searcher._corrector, "correct", correct)
    try:
        resp = engine.search("新能源车 充电", page_size=3)
    finally:
        searcher.clear_memo()
    assert resp.corrections and resp.corrections[0].corrected.startswith("新能源汽车")
    assert resp.hits and "电动汽车" in resp.hits[0].text


def test_the_next_years_tasks_do_not_answer_for_the_year_reviewed(engine):
    texts = _texts(engine, "2025年 城市更新", n=2)
    assert texts[0].startswith("持续推进城市更新")


def test_a_four_character_word_is_found_written_with_a_word_inside(engine):
    texts = _texts(engine, "扩大内需", n=3)
    assert texts and texts[0].startswith("积极扩大国内需求")
    # not across a punctuation mark
    assert not any(t.startswith("扩大开放，国内需求") for t in texts)
