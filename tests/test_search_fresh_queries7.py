"""Behaviours added after the eighth batch of the real-document relevance set (r500-r575,
issue 13): a paragraph whose opening title names every word asked (优化提升教育水平。…)
counts more than one naming them in passing; a review headed 工作总结 is a review as
一、2025年工作回顾 is (a how-question ranks the tasks before it); 怎么办 asks how, as 怎么
does (教育 怎么办好 searches 教育); the 有 of 有什么办法 goes with the question (not joined
to 办法 as the corpus's 有办法); 重点 names the kind of passage wanted, not its topic; and
吸引外资 is a synonym of the text's 利用外资 and 外资; the 末 of 2023年末 (年底, 年初) goes
with the year (left alone it was "corrected" into a word). Invented texts only."""

from __future__ import annotations

import pytest

from bot.corpus.gazetteer import default_gazetteer
from bot.library.engine import Engine
from bot.search import asking, window
from bot.search.sentences import title_shares
from bot.search.understand import understand
from tests.conftest import engine_over

# Paragraphs of a report's tasks: the one about education opens with a title naming it;
# the others name education in passing, the first of them twice in a short paragraph
# (and 办好), so that it scores higher by its words alone. The last line writes 怎么办.
TASKS = (
    "贵州省2026年政府工作报告\n"
    "三、2026年重点工作\n"
    "扩大对外交流合作。办好教育交流周和教育博览会，拓展国际航线。\n"
    "优化提升教育水平。结合人口变化趋势，加强资源前瞻布局和优化配置，"
    "大力提高各级各类学校办学质量，促进学前教育优质普惠、义务阶段优质均衡发展。\n"
    "加强干部队伍建设。坚持一手抓改革，一手抓干部教育管理，全面落实优化营商环境总体方案，"
    "加强行政执法监督。\n"
    "回应群众关切。群众反映办事慢怎么办，我们推行一窗通办，做到好办快办。\n"
)

# A report whose review is headed 工作总结 (not 回顾); the review's paragraph names the
# words more often, so it scores higher by its words alone.
SUMMARY_REPORT = (
    "2026年某自治区政府工作报告\n"
    "一、2025年工作总结和“十四五”发展成就\n"
    "安全生产形势持续好转。安全生产治本攻坚三年行动深入开展，安全生产事故起数下降12%。\n"
    "二、2026年重点工作\n"
    "筑牢生产安全防线。全面完成安全生产治本攻坚三年行动任务，持续深化全链条整治，"
    "突出抓好重点领域风险隐患排查整治，提升基层应急处置能力。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    docs = {"tasks_2026.txt": TASKS, "summary_2026.txt": SUMMARY_REPORT}
    return engine_over(tmp_path_factory.mktemp("fresh7"), docs)


def _texts(engine: Engine, query: str, n: int = 3) -> list[str]:
    return [h.text for h in engine.search(query, page_size=n).hits]


def test_a_paragraph_titled_with_the_words_comes_first(engine):
    texts = _texts(engine, "贵州 教育")
    assert texts[0].startswith("优化提升教育水平。"), texts


def test_without_the_title_weight_a_passing_mention_would_come_first(engine, monkeypatch):
    # the case above is one the rule decides
    monkeypatch.setattr(window, "TITLE_WEIGHT", 0.0)
    texts = _texts(engine, "贵州 教育")
    assert not texts[0].startswith("优化提升教育水平。"), texts


def test_a_title_counts_only_when_it_names_every_word():
    words = (("教育",), ("交流",))
    texts = [
        "优化提升教育水平。结合人口变化趋势，加强资源前瞻布局和优化配置，提高办学质量。",
        "扩大教育对外交流。办好交流周和博览会，拓展国际航线，发展会展经济和服务贸易。",
        "教育。太短的标题后面跟着足够长的正文，正文里说了很多别的事情和内容。",
        "优化提升教育水平。太短",
    ]
    shares = title_shares(texts, words).tolist()
    # one word of two in the title: nothing; both: all; a title with no body: nothing
    assert shares == [0.0, 1.0, 0.0, 0.0]


def test_a_title_holding_the_halves_of_a_four_character_word_names_it():
    texts = ["深化国企国资改革。准确界定不同国有企业功能，分类推进改革，提高运营效率。"]
    assert title_shares(texts, (("国企改革",),)).tolist() == [1.0]
    assert title_shares(texts, (("改革国企",),)).tolist() == [0.0]


def test_a_how_question_ranks_tasks_before_a_review_headed_summary(engine):
    texts = _texts(engine, "安全生产 怎么抓")
    assert texts[0].startswith("筑牢生产安全防线。"), texts


def test_without_summary_as_a_review_heading_the_review_would_come_first(tmp_path, monkeypatch):
    # a fresh engine: which passages are under a review is worked out once per index
    monkeypatch.setattr(window, "_REVIEW_HEADINGS", ("回顾",))
    texts = _texts(engine_over(tmp_path, {"summary_2026.txt": SUMMARY_REPORT}), "安全生产 怎么抓")
    assert texts[0].startswith("安全生产形势持续好转"), texts


def test_zenmeban_asks_how(engine):
    # 怎么办|好: neither is searched; the paragraph about education comes first
    texts = _texts(engine, "贵州 教育 怎么办好")
    assert texts and texts[0].startswith("优化提升教育水平。"), texts
    assert asking.asks_how("教育 怎么办好")


# A report on investment and a region's key tasks: the paragraphs asked for do not say 有办法
# nor 重点; other lines do, in passing.
INVEST = (
    "某市2026年政府工作报告\n"
    "三、2026年重点工作\n"
    "扩大利用外资规模。落实外资准入负面清单，支持外资企业扩大再投资，办好投资促进活动。\n"
    "稳住外贸基本盘。只要思想不滑坡，办法总比困难多，企业总有办法开拓市场，实现外贸稳定增长。\n"
    "深入推进粤港澳大湾区建设。加快打造国际一流湾区和世界级城市群，推进规则衔接、机制对接，"
    "大湾区建设取得新进展。\n"
    "做好重点群体就业。大湾区青年就业创业基地建设提速，突出抓好高校毕业生等重点群体就业。\n"
)


@pytest.fixture(scope="module")
def invest(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("fresh7b"), {"invest_2026.txt": INVEST})


def test_the_you_of_a_question_is_not_joined_to_the_next_word(invest):
    # 有什么办法: 什么 is left out; 有 must not make 有办法 with 办法 (a phrase of the text)
    texts = _texts(invest, "外资 有什么办法")
    assert texts and texts[0].startswith("扩大利用外资规模。"), texts


def test_the_words_of_a_question_are_told_apart():
    words = [("外资", 0, 2), ("有", 3, 4), ("什么", 4, 6), ("办法", 6, 8)]
    assert asking.content_words(words) == ["外资", "办法"]


def test_zhongdian_names_the_kind_of_passage_not_its_topic(invest):
    texts = _texts(invest, "大湾区 建设 重点")
    assert texts and texts[0].startswith("深入推进粤港澳大湾区建设。"), texts


def test_an_everyday_word_for_foreign_investment_finds_the_text(invest):
    texts = _texts(invest, "吸引外资")
    assert texts and texts[0].startswith("扩大利用外资规模。"), texts


@pytest.mark.parametrize(
    "query", ["周口 2023年末 常住人口", "周口2023年底常住人口", "二〇二三年末 常住人口"]
)
def test_the_end_of_a_year_goes_with_the_year(query):
    got = understand(query, gazetteer=default_gazetteer(), known_regions={"周口"})
    assert got.facets.year == 2023
    assert got.rest.replace(" ", "") == "常住人口", got.rest
