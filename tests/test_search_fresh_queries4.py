"""Behaviours fixed after the fifth batch of fresh dev queries of the real-document
relevance set (r311-r366, issue 13), questions phrased as analysts, journalists and local
officials ask them: relative periods (过去五年, 十四五期间, 上一年), 全国 as the yardstick
of a place's rank, questions about what was achieved (no target card for them), answer
cards for targets named with 今年 and verbs (要增长多少, 要保持在), the base of a share
(占GDP比重) and everyday words (生孩子, 找工作, 外国企业, 老年人照顾)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.corpus.gazetteer import default_gazetteer
from bot.library.answers import (
    asked_indicator,
    asks_result,
    named_in,
    named_partly,
    without_denominators,
)
from bot.library.engine import Engine
from bot.search.understand import asks_past_period, plan_period, understand
from tests.conftest import engine_over, make_settings

REPORT = (
    "2026年某省政府工作报告\n"
    "一、2025年和“十四五”时期工作回顾\n"
    "过去一年，全省地区生产总值增长5.2%，社会消费品零售总额增长4.1%。\n"
    "这五年，全省地区生产总值年均增长5.6%，常住人口城镇化率提高到60%。\n"
    "二、2026年工作安排\n"
    "主要预期目标是：地区生产总值增长5%左右，产业投资占比保持在50%以上，"
    "固定资产投资增长6%左右，社会消费品零售总额增长4%左右。\n"
    "城乡居民基础养老金最低标准再提高20元。\n"
    "发放育儿补贴，大力发展托幼一体服务。\n"
    "拓宽高校毕业生等青年就业创业渠道。\n"
    "健全外资企业圆桌会议制度，推动外资项目服务保障。\n"
    "实际使用外资增长12%，新设外商投资企业300家。\n"
    "健全城乡养老服务网络，培育养老服务经营主体。\n"
    "加快数字化转型，数字经济核心产业增加值占地区生产总值比重达到10%。\n"
)


def _understand(text: str, this_year: int | None = 2026):
    return understand(
        text, gazetteer=default_gazetteer(), known_regions={"安徽"}, this_year=this_year
    )


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    engine = engine_over(tmp_path_factory.mktemp("fresh4"), {"report_2026.txt": REPORT})
    engine.searcher.today = lambda: date(2026, 3, 1)  # 今年 is the report's year
    return engine


@pytest.mark.parametrize(
    ("year", "period"), [(2025, "十四五"), (2026, "十五五"), (2016, "十三五"), (2005, None)]
)
def test_the_plan_period_of_a_year(year, period):
    assert plan_period(year) == period


@pytest.mark.parametrize(
    ("query", "rest"),
    [
        ("安徽过去五年GDP年均增长多少", "十四五 gdp年均增长多少"),
        ("安徽 这五年 制造业投资", "十四五 制造业投资"),
        ("云南十四五期间GDP", "十四五gdp"),
    ],
)
def test_the_last_five_years_are_searched_as_the_plan_period(query, rest):
    assert rest in _understand(query).rest


def test_the_last_five_years_need_today():
    assert "过去五年" in _understand("安徽 过去五年 GDP", this_year=None).rest


def test_the_year_before_is_last_year():
    assert _understand("海南上一年社会消费品零售总额").facets.year == 2025
    assert _understand("四川 前年 粮食产量").facets.year == 2024


@pytest.mark.parametrize(
    ("query", "region"),
    [
        ("安徽去年FDI增速全国排第几", "安徽"),
        ("安徽 规上工业 增速 居全国前列", "安徽"),
        ("宁夏 PM2.5 优于全国平均", "宁夏"),
        ("全国 粮食产量", "全国"),
        ("全国排第几的省份", None),  # a rank in the country: no region asked
    ],
)
def test_national_as_a_yardstick_leaves_the_place_asked(query, region):
    assert _understand(query).facets.region == region


@pytest.mark.parametrize(
    ("query", "past"),
    [
        ("贵州过去五年城镇化率提高了多少", True),
        ("云南十四五期间GDP年均增长多少", True),
        ("2024年全国CPI涨了多少", True),
        ("贵州十五五期间人均GDP要达到多少", False),  # a period to come
        ("十四五 航空救援 几小时内到达", False),  # the plan, not its span
        ("十四五期间 灾害预警 覆盖率 目标", False),  # a goal asked
        ("海南今年投资增长目标是多少", False),
    ],
)
def test_a_question_about_what_was_achieved(query, past):
    assert asks_result(query, 2026) is past


def test_an_ended_period_span_is_past():
    assert asks_past_period("十四五期间", 2026)
    assert not asks_past_period("十四五期间", 2024)
    assert not asks_past_period("十四五", 2026)


def test_the_five_year_review_answers_and_no_target_card(engine):
    resp = engine.search("过去五年 地区生产总值 年均增长多少", page_size=3)
    # no target card: the card is the five years' result the review states (cards-results)
    assert resp.answer is not None and resp.answer.kind == "achievement", resp.answer
    assert resp.answer.value == 5.6 and resp.answer.change == "年均增长", resp.answer
    assert "年均增长5.6%" in resp.hits[0].text, [h.text for h in resp.hits]
    assert engine.search("地区生产总值 增长目标 多少", page_size=3).answer is not None


def test_a_target_named_with_this_year_and_a_verb_gets_its_card(engine):
    resp = engine.search("今年产业投资占比要保持在多少", page_size=3)
    assert resp.answer is not None and resp.answer.value_text == "50", resp.answer


def test_the_base_of_a_share_is_not_the_indicator_asked(engine):
    table = engine.indicator_table
    text = without_denominators("数字经济 占GDP比重 目标", table)
    assert asked_indicator(text, table) is None
    assert asked_indicator(without_denominators("GDP 增长目标", table), table) == "地区生产总值"
    resp = engine.search("数字经济 占GDP比重 目标", page_size=3)
    assert resp.answer is None or resp.answer.indicator != "地区生产总值", resp.answer


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("生孩子 补贴", "育儿补贴"),
        ("大学生 找工作", "高校毕业生等青年就业"),
        ("外国企业 服务保障", "外资企业圆桌会议"),
        ("老年人照顾 服务", "养老服务网络"),
        ("消费品零售额 增长目标", "社会消费品零售总额增长4%"),
        ("FDI 增长", "实际使用外资增长12%"),
    ],
)
def test_everyday_words_find_the_documents_wording(engine, query, wanted):
    resp = engine.search(query, page_size=3)
    assert resp.hits and wanted in resp.hits[0].text, (query, [h.text for h in resp.hits])


def test_a_bare_two_character_measure_names_what_it_ends(engine):
    assert named_in(["投资"], "固定资产投资") == 2
    assert named_in(["投资"], "产业投资占比") == 0  # a qualifier, not what is counted
    assert named_in(["投资", "结构"], "固定资产投资") == 0
    assert named_partly(["农村", "老人", "养老金"], "城乡居民基础养老金最低标准") == 3
    assert named_partly(["农村", "老人"], "城乡居民基础养老金最低标准") == 0
    resp = engine.search("今年投资增长目标是多少", page_size=3)
    assert resp.answer is not None and resp.answer.value_text == "6", resp.answer
    resp = engine.search("今年农村老人养老金提高多少", page_size=3)
    assert resp.answer is not None and resp.answer.value_text == "20", resp.answer


def test_a_paraphrase_typed_as_one_run_is_one_word(tmp_path):
    # 老年人照顾 = 养老服务 shares no word with its pieces (老年人, 照顾), which have
    # synonyms of their own: searched as one word, it finds 养老服务; 国有企业改革 =
    # 国企改革 is 国企 + 改革, and 研发投入 = 研发经费 shares 研发: those stay words
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.txt").write_text(
        "某市政府工作报告\n"
        "健全城乡养老服务网络，培育养老服务经营主体。\n"
        "深化国企改革，完善现代企业制度。\n"
        "全社会研发经费投入增长10%。\n"
        "为老年人提供照护服务。\n",
        encoding="utf-8",
    )
    synonyms = tmp_path / "synonyms.txt"
    synonyms.write_text(
        "养老服务 老年人照顾\n老年人 老人\n照护 照顾\n国有企业 国企\n国有企业改革 国企改革\n"
        "研发经费 研发投入\n研发 R&D\n",
        encoding="utf-8",
    )
    engine = Engine.open(make_settings(corpus, tmp_path / "data", synonym_paths=[synonyms]))
    searcher = engine.searcher
    assert searcher._join_term("老年人照顾")
    assert not searcher._join_term("国有企业改革")
    assert not searcher._join_term("研发投入")
    resp = engine.search("老年人照顾", page_size=3)
    assert "养老服务网络" in resp.hits[0].text, [h.text for h in resp.hits]


def test_paragraphs_after_a_five_year_lead_are_the_periods_not_the_years(tmp_path):
    # 五年来，… opens paragraphs on the five years; the one after it holds no marker of
    # its own and is still no figure of the year asked (2025 in a 2026 report)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.txt").write_text(
        "2026年某省政府工作报告\n"
        "一、2025年和“十四五”时期工作回顾\n"
        "过去一年，面对复杂严峻的形势，我们坚持稳中求进，统筹发展和安全，推动改革开放，"
        "保障和改善民生，全省地区生产总值增长5.2%，财政收入稳定增长，就业物价总体平稳。\n"
        "五年来，我们坚定不移促进区域协调发展。\n"
        "省会地区生产总值增长5.8%。\n"
        "二、2026年工作安排\n"
        "加快建设现代化产业体系。\n",
        encoding="utf-8",
    )
    engine = Engine.open(make_settings(corpus, tmp_path / "data"))
    resp = engine.search("2025年 地区生产总值 增长", page_size=3)
    assert "增长5.2%" in resp.hits[0].text, [h.text for h in resp.hits]


def test_the_words_of_asking_are_not_searched_when_others_remain():
    from bot.search.asking import content_words

    def words(*ws: str) -> list[tuple[str, int, int]]:
        return [(w, 0, len(w)) for w in ws]

    asked = words("未来", "产业", "需要", "的", "人才", "怎么", "培养")
    assert content_words(asked) == ["未来", "产业", "人才", "培养"]
    assert content_words(words("去", "产能")) == ["去", "产能"]  # 去产能, joined later
    assert content_words(words("怎么", "办")) == ["办"]
    # the modal 要 before the asking 达到 asks too (kept, it was joined to 目标 as 要目标)
    assert content_words(words("脑机接口", "要", "达到", "什么", "目标")) == ["脑机接口", "目标"]
    assert content_words(words("怎么")) == ["怎么"]  # nothing else: searched as typed


def test_a_question_in_a_sentence_finds_the_passage_without_its_asking_words(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plans.txt").write_text(
        "某部门关于推动未来产业创新发展的实施意见\n"
        "建设专业人才队伍，大力培育未来产业领军企业家和科学家，探索复合型创新人才的培养模式。\n"
        "产业发展需要人才，怎么留住人才需要研究，培养是长期任务。\n",
        encoding="utf-8",
    )
    engine = Engine.open(make_settings(corpus, tmp_path / "data"))
    resp = engine.search("未来产业需要的人才怎么培养", page_size=3)
    assert "建设专业人才队伍" in resp.hits[0].text, [h.text for h in resp.hits]
    (corpus / "more.txt").write_text(
        "某省政府工作报告\n扎实推进去产能，化解过剩产能。\n提高产能利用率，增加有效产能。\n",
        encoding="utf-8",
    )
    engine = Engine.open(make_settings(corpus, tmp_path / "data"))
    resp = engine.search("怎么去产能", page_size=3)
    assert "推进去产能" in resp.hits[0].text, [h.text for h in resp.hits]


def test_last_year_is_said_against_the_librarys_newest_documents(tmp_path):
    # 去年 is the library's (its newest, 宁夏's 2026 report: 2025) whatever place is asked:
    # 周口's newest document, its 2023 bulletin, no longer makes 周口去年 2023 (trial20-left);
    # its bulletin's passage still comes first
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "zhoukou_2023.txt").write_text(
        "周口市2023年国民经济和社会发展统计公报\n周口市统计局\n"
        "全年全市粮食总产量902.61万吨，减产3.2%。\n",
        encoding="utf-8",
    )
    (corpus / "ningxia_2026.txt").write_text(
        "2026年宁夏回族自治区政府工作报告\n宁夏回族自治区人民政府\n"
        "过去一年，粮食总产量达76.28亿斤。\n",
        encoding="utf-8",
    )
    engine = Engine.open(make_settings(corpus, tmp_path / "data"))
    searcher = engine.searcher
    searcher.today = lambda: date(2026, 3, 1)
    assert searcher.understand("周口去年粮食产量").facets.year == 2025
    assert searcher.understand("宁夏去年粮食产量").facets.year == 2025
    assert searcher.understand("去年粮食产量").facets.year == 2025
    assert searcher.understand("周口2025年粮食产量").facets.year == 2025  # written out
    resp = engine.search("周口去年粮食产量", page_size=3)
    assert "902.61" in resp.hits[0].text, [h.text for h in resp.hits]


def test_a_place_without_documents_is_looked_for_in_the_division_around_it(tmp_path):
    # no document is about 宜宾: the report of 四川, around it, comes before another
    # province's line that holds the words more often
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "sichuan.txt").write_text(
        "2026年四川省政府工作报告\n四川省人民政府\n支持动力电池产业发展，布局新能源项目。\n",
        encoding="utf-8",
    )
    (corpus / "guizhou.txt").write_text(
        "2026年贵州省政府工作报告\n贵州省人民政府\n"
        "新能源电池材料产业从无到有，新能源汽车和新能源装机快速增长。\n",
        encoding="utf-8",
    )
    engine = Engine.open(make_settings(corpus, tmp_path / "data"))
    resp = engine.search("四川省宜宾市 新能源", page_size=3)
    assert resp.understood is not None and resp.understood.region == "宜宾"
    assert "布局新能源项目" in resp.hits[0].text, [h.text for h in resp.hits]
