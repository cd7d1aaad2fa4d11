"""Search that knows where, when and what (issue 13): region, year and document-kind
words rank the matching documents first, indicator families answer to each other,
footnotes rank below body text, and a question for a target gets its answer card."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest

from bot.config import PROJECT_ROOT
from bot.corpus.gazetteer import default_gazetteer
from bot.library.engine import Engine
from bot.render import search_to_dict
from bot.search.quality import (
    CAPTION,
    FOOTNOTE,
    GOALS,
    HEADING,
    passage_prior,
    passage_priors,
)
from bot.search.understand import understand, year_forms
from bot.text.normalize import normalize
from bot.text.years import read_year
from tests.conftest import engine_over, make_settings


def facets(query: str, known=("洛阳", "周口")):
    return understand(query, gazetteer=default_gazetteer(), known_regions=set(known))


@pytest.mark.parametrize(
    ("query", "region", "year", "doc_type", "rest"),
    [
        ("山东 2024 GDP 增长目标", "山东", 2024, None, "gdp 增长目标"),
        ("山东省2024年地区生产总值", "山东", 2024, None, "地区生产总值"),
        ("二〇二三年 洛阳 粮食产量", "洛阳", 2023, None, "粮食产量"),
        ("宜宾市 政府工作报告 就业", "宜宾", None, "政府工作报告", "就业"),
        ("周口 统计公报 粮食", "周口", None, "统计公报", "粮食"),
        ("全国 CPI 目标", "全国", None, None, "cpi 目标"),
        ("国家 研发投入", "全国", None, None, "研发投入"),
        ("国家公园 建设", None, None, None, "国家公园 建设"),  # 国家 inside a word
        ("中国式现代化", None, None, None, "中国式现代化"),
        ("中山 大学", None, None, None, "中山 大学"),  # a place that is also a word
        ("2024", None, 2024, None, "2024"),  # only a facet: its words are searched too
    ],
)
def test_a_query_names_region_year_and_kind(query, region, year, doc_type, rest):
    got = facets(query)
    assert (got.facets.region, got.facets.year, got.facets.doc_type) == (region, year, doc_type)
    assert got.rest == rest


def test_years_in_both_writings():
    assert read_year("二〇三五年") == 2035
    assert read_year("2035年") == 2035
    assert read_year("百分之五") is None
    assert "二〇三五年" in year_forms(2035) and "2035年" in year_forms(2035)


@pytest.mark.parametrize(
    ("text", "section", "prior"),
    [
        ("注：万元GDP能耗按2020年价格计算。", (), FOOTNOTE),
        ("［7］山水工程：指山水林田湖草沙一体化保护和修复工程。", (), FOOTNOTE),
        ("地区生产总值按现价计算。", ("注释",), FOOTNOTE),
        ("表2：2022年居民消费价格指数（上年=100）", (), CAPTION),
        ("（一）经济发展", (), HEADING),
        ("全年地区生产总值增长5.5%，其中第一产业增长3%。", (), 1.0),
        ("居民消费价格\t102.4", (), 1.0),
        # a head block of short unpunctuated lines: title, issuer, date (or a signature)
        ("江州市2025年国民经济和社会发展统计公报\n江州市统计局\n2026年3月10日", (), HEADING),
        (
            "江州市人民政府办公厅关于印发《江州市新材料产业发展行动方案》的通知\n江府办发〔2025〕12号",
            (),
            HEADING,
        ),
        # a wrapped sentence of two lines is body text: its lines carry punctuation
        ("全年地区生产总值增长5.5%，其中第一产业\n增长3%，第二产业增长6%。", (), 1.0),
        # a title line over a paragraph is body text too
        (
            "江州市新材料产业发展行动方案\n为加快培育新兴产业，推动产业集群发展，制定本方案。",
            (),
            1.0,
        ),
    ],
)
def test_body_text_outranks_notes_captions_and_bare_headings(text, section, prior):
    assert passage_prior(text, section) == prior


def test_a_notes_section_is_notes_to_its_end():
    # a report's glossary: the header glued to its first note, terms and their
    # explanations on lines of their own, numbered or not
    end = ("四、加强政府自身建设",)
    texts = [
        "各位代表！让我们奋勇争先，为全面建设社会主义现代化而努力奋斗！",
        "附件2\n名词解释\n1.“两重”：是指国家重大战略实施和重点领域安全能力建设。",
        "2.“两新”：是指大规模设备更新和消费品以旧换新。",
        "［15］两新：",
        "大规模设备更新和消费品以旧换新，带动消费和投资。",
        "旅游、文化数据来自市文广旅局；医疗卫生数据来自市卫生健康委。",
        "全年地区生产总值增长5.5%，其中第一产业增长3%。",
    ]
    sections = [end] * 6 + [("五、附录",)]
    priors = passage_priors(texts, sections)
    assert priors[0] == 1.0
    assert priors[1:6] == [FOOTNOTE] * 5
    assert priors[6] == 1.0  # another section: body text again


REPORTS = {
    "jiangsu_2024.txt": (
        "2024年江苏省政府工作报告\n江苏省人民政府\n"
        "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业125万人以上。\n"
        "过去一年，全省经济运行稳中向好。\n"
    ),
    "jiangsu_2023.txt": (
        "2023年江苏省政府工作报告\n江苏省人民政府\n"
        "今年经济社会发展的主要预期目标是：地区生产总值增长5%以上，城镇新增就业120万人以上。\n"
    ),
    "zhejiang_2024.txt": (
        "2024年浙江省政府工作报告\n浙江省人民政府\n"
        "今年主要预期目标是：地区生产总值增长5.5%左右，地区生产总值目标与经济增长潜力相适应。\n"
    ),
    "yancheng_2023_bulletin.txt": (
        "盐城市2023年国民经济和社会发展统计公报\n盐城市统计局\n"
        "全年实现地区生产总值7403.9亿元，比上年增长5.9%。\n"
        "注释：\n"
        "1.本公报中地区生产总值增长速度按不变价格计算。\n"
        "2.万元地区生产总值能耗按2020年不变价格计算，地区生产总值地区生产总值。\n"
    ),
    "national_2024.txt": (
        "2024年国务院政府工作报告\n国务院总理\n"
        "今年发展主要预期目标是：国内生产总值增长5%左右；居民消费价格涨幅3%左右。\n"
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("understanding"), REPORTS)


def test_the_documents_of_the_named_region_and_year_rank_first(engine):
    resp = engine.search("江苏 2024 地区生产总值 目标", page_size=3)
    assert resp.understood is not None
    assert (resp.understood.region, resp.understood.year) == ("江苏", 2024)
    assert resp.hits[0].filename == "jiangsu_2024.txt"
    # a province covers its cities: 盐城 is in 江苏
    resp = engine.search("江苏 地区生产总值 增长", page_size=10)
    assert {h.filename for h in resp.hits[:3]} <= {
        "jiangsu_2024.txt",
        "jiangsu_2023.txt",
        "yancheng_2023_bulletin.txt",
    }
    # not a filter: another province's words still answer when nothing else does
    resp = engine.search("广东 地区生产总值 目标", page_size=10)
    assert resp.total > 0


def test_as_typed_searches_the_words(engine):
    understood = engine.search("浙江 2024 地区生产总值", page_size=3)
    literal = engine.search("浙江 2024 地区生产总值", page_size=3, understand=False)
    assert understood.understood is not None and literal.understood is None
    assert understood.hits[0].filename == "zhejiang_2024.txt"


def test_a_family_name_finds_national_and_regional_figures(engine):
    resp = engine.search("GDP", page_size=10)
    files = {h.filename for h in resp.hits}
    assert "national_2024.txt" in files  # 国内生产总值
    assert "jiangsu_2024.txt" in files  # 地区生产总值


def test_footnotes_rank_below_body_text(engine):
    # the notes say 地区生产总值 more often than any paragraph, yet come last
    resp = engine.search("地区生产总值", page_size=10, understand=False)
    texts = [h.text for h in resp.hits]
    notes = [i for i, t in enumerate(texts) if t.startswith(("1.", "2."))]
    body = [i for i, t in enumerate(texts) if not t.startswith(("1.", "2."))]
    assert len(notes) == 2 and max(body) < min(notes)


def test_a_question_for_a_target_opens_with_the_answer(engine):
    resp = engine.search("江苏 2024 GDP 增长目标", page_size=3)
    assert resp.answer is not None
    assert (resp.answer.indicator, resp.answer.figure) == ("地区生产总值", "5%左右")
    assert resp.answer.filename == "jiangsu_2024.txt"
    assert resp.hits[0].filename == "jiangsu_2024.txt"
    assert resp.answer.sentence[:20] in resp.hits[0].text
    # the year decides between two reports of the region
    older = engine.search("江苏 2023 地区生产总值 目标", page_size=3)
    assert older.answer is not None and older.answer.figure == "5%以上"
    # a topic, not a question for a figure: no card
    assert engine.search("江苏 地区生产总值", page_size=3).answer is None
    national = engine.search("全国 CPI 目标", page_size=3)
    assert national.answer is not None and national.answer.indicator == "居民消费价格"


def test_search_json_carries_understood_and_answer(engine):
    data = json.loads(
        json.dumps(search_to_dict(engine.search("江苏 2024 GDP 增长目标")), ensure_ascii=False)
    )
    assert data["understood"] == {
        "region": "江苏",
        "regions": ["江苏"],  # every region named; ``region`` is the first
        "years": [2024],  # every year named side by side; ``year`` is the first
        "absent": [],  # the regions named that no document is about, when several are
        "year": 2024,
        "type": None,
        "indicator": "地区生产总值",
        "period": None,  # no plan period named
        "english": {},  # no English word read through the dictionary
    }
    assert data["answer"]["figure"] == "5%左右"
    assert data["answer"]["doc_id"]
    # the list of cards: the answer alone when one region and one year are asked
    assert data["answers"] == [data["answer"]]
    assert data["unanswered"] == [] and data["answers_cut"] == 0
    plain = search_to_dict(engine.search("过去一年 经济运行"))
    assert plain["understood"] is None and plain["answer"] is None


@pytest.mark.parametrize(
    "query", ["四川 成都 常住人口", "成都 四川 常住人口", "四川省成都市 常住人口"]
)
def test_the_narrower_of_two_nested_places_is_asked(query):
    got = understand(query, gazetteer=default_gazetteer(), known_regions={"成都"})
    assert got.facets.region == "成都" and got.rest == "常住人口"


REAL_DOCS = PROJECT_ROOT / "tests" / "data" / "real" / "docs"
INVENTED = PROJECT_ROOT / "tests" / "data" / "analytics"


@pytest.fixture(scope="module")
def real(built_data) -> Engine:
    """The 35 real documents of tests/data/real (the relevance set's corpus), indexed once
    per test run (``built_data``)."""
    return Engine.open(make_settings(*built_data(REAL_DOCS)))


def test_a_question_is_not_corrected_into_other_words(real):
    # 要 is a word of the sentence, not a clipped 重要
    resp = real.search("到2025年未来产业要突破多少项关键核心技术", page_size=3)
    assert resp.corrections == ()
    assert resp.answer is not None and resp.answer.indicator == "前沿关键核心技术"
    # a homophone inside a word the segmenter glued together is corrected
    fixed = real.search("湖北 稳就叶", page_size=3)
    assert [c.corrected for c in fixed.corrections] == ["稳就业"]


def test_real_questions_get_their_answer_cards(real):
    cases = {
        "四川 2026 GDP 增长目标": ("province_sichuan_2026_gwr.txt", "5.5%左右"),
        "全国 CPI 目标": ("national_china_2025_gwr.txt", "2%左右"),
        "贵州 2026 常住人口城镇化率 目标": ("province_guizhou_2026_gwr.txt", "59%左右"),
    }
    for query, (filename, figure) in cases.items():
        answer = real.search(query, page_size=3).answer
        assert answer is not None, query
        assert (answer.filename, answer.figure) == (filename, figure), query


def test_a_years_target_is_answered_from_that_years_report(tmp_path):
    """2016's target comes from the 2016 report, not from the national reports of other
    years. The real 2016 report is in the test split of the key-target gold, on which no
    test may assert: a short invented one (tests/data/analytics) stands in for it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in (
        REAL_DOCS / "national_china_2015_gwr.txt",
        INVENTED / "national_china_2016_invented.txt",
        REAL_DOCS / "national_china_2021_gwr.txt",
        REAL_DOCS / "national_china_2025_gwr.txt",
        REAL_DOCS / "district_hailaer_2016_gwr.txt",
    ):
        shutil.copy(path, corpus / path.name)
    engine = Engine.open(make_settings(corpus, tmp_path / "data"))
    answer = engine.search("2016年 国内生产总值 增长目标", page_size=3).answer
    assert answer is not None
    assert (answer.filename, answer.figure) == ("national_china_2016_invented.txt", "6.5%－7%")


def test_a_section_about_the_year_answers_for_it(engine):
    # the 2025 report's review of 2024 is where 2024's results are, not its 2025 targets
    text = (
        "2025年国务院政府工作报告\n国务院总理\n一、2024年工作回顾\n"
        "国内生产总值达到134.9万亿元、增长5%。\n"
        "二、2025年经济社会发展总体要求和政策取向\n"
        "今年发展主要预期目标是：国内生产总值增长5%左右。\n"
    )
    corpus = engine.settings.corpus_dir
    (corpus / "national_2025.txt").write_text(text, encoding="utf-8")
    try:
        engine.refresh()
        resp = engine.search("2024年 全国 国内生产总值 增长", page_size=3)
        assert resp.hits[0].text.startswith("国内生产总值达到134.9万亿元")
    finally:
        (corpus / "national_2025.txt").unlink()
        engine.refresh()


@pytest.mark.parametrize(
    ("query", "year", "rest"),
    [
        ("今年 地区生产总值 目标", 2024, "地区生产总值 目标"),
        ("江苏 去年 地区生产总值", 2023, "地区生产总值"),
        ("明年 计划", 2025, "计划"),
        ("2022年 今年 目标", 2022, "今年 目标"),  # a year written out wins
        ("比上年增长", None, "比上年增长"),  # 上年 is a comparison base, not a year asked
    ],
)
def test_years_said_relative_to_today(query, year, rest):
    got = understand(query, gazetteer=default_gazetteer(), known_regions=set(), this_year=2024)
    assert got.facets.year == year
    assert got.rest == rest


def test_this_year_is_the_clocks_year(engine):
    searcher = engine.searcher
    real_today = searcher.today
    try:
        searcher.today = lambda: date(2024, 3, 5)
        resp = engine.search("今年 地区生产总值 目标", page_size=3)
        assert resp.understood is not None and resp.understood.year == 2024
        assert resp.hits[0].filename.endswith("_2024.txt")
        searcher.today = lambda: date(2023, 3, 5)
        assert engine.search("今年 地区生产总值 目标", page_size=3).understood.year == 2023
    finally:
        searcher.today = real_today


def test_a_question_naming_nothing_known_gets_the_card_its_first_passage_states(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan.txt").write_text(
        "应急体系规划\n一、主要目标\n"
        "到2025年，灾害预警信息发布公众覆盖率达到90%，应急物资储备库覆盖所有县。\n"
        "营商环境各项指标持续改善，营商环境评价指标体系不断完善。\n"
        "二、重点任务\n优化营商环境，实施法治化营商环境提升举措100项。\n",
        encoding="utf-8",
    )
    engine = Engine.open(make_settings(corpus, tmp_path / "data"))
    resp = engine.search("灾害预警信息发布公众覆盖率 目标", page_size=3)
    assert resp.understood is None  # no region, year or known indicator
    assert resp.answer is not None
    assert (resp.answer.indicator, resp.answer.value_text, resp.answer.year) == (
        "灾害预警信息发布公众覆盖率",
        "90",
        "2025",
    )
    # a name that merely holds the words, in a passage that is not the first, is no answer
    resp = engine.search("营商环境 指标", page_size=3)
    assert "提升举措" not in resp.hits[0].text  # the premise: the record's passage is second
    assert resp.answer is None
    assert engine.search("灾害预警信息发布公众覆盖率", page_size=3).answer is None  # no question


def test_a_run_typed_whole_ranks_the_passages_holding_it_first(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.txt").write_text(
        "某省政府工作报告\n一、农业\n耕地红线不能碰，保护耕地，红线就是保护线。\n二、粮食\n"
        "严守耕地保护红线，落实各项任务，推进高标准农田建设和农业现代化，加快建设农业强省。\n",
        encoding="utf-8",
    )
    engine = Engine.open(make_settings(corpus, tmp_path / "data"))
    whole = engine.search("耕地保护红线", page_size=3).hits
    assert [("耕地保护红线" in h.text) for h in whole] == [True, False]
    # typed apart, the words are searched apart: the passage with more of them leads
    apart = engine.search("耕地 保护 红线", page_size=3).hits
    assert [("耕地保护红线" in h.text) for h in apart] == [False, True]


def test_letters_and_figures_typed_together_are_one_word(real):
    # the index keeps m and 2 apart; M2 is found where they stand together, and by its
    # other names (货币供应量 in the 2025 report)
    hits = real.search("M2", page_size=10).hits
    assert hits
    for hit in hits:
        text = normalize(hit.text)
        assert "m2" in text or "广义货币" in text or "货币供应量" in text, hit.text[:60]
    assert any("货币供应量" in h.text for h in hits)
    # PM2.5 as the documents also write it: PM_2.5 (a converted subscript), 细颗粒物
    pm = real.search("PM2.5", page_size=5).hits
    assert pm
    for hit in pm:
        text = normalize(hit.text)
        assert "pm2.5" in text or "pm_2.5" in text or "细颗粒物" in text, hit.text[:60]


def test_a_truncated_copy_of_a_paragraph_ranks_as_a_note():
    full = "加大简政放权、放管结合改革力度。今年再取消和下放一批行政审批事项，全部取消审批。"
    texts = [full[:30], "全年地区生产总值增长5.5%，其中第一产业增长3%。", full]
    priors = passage_priors(texts, [()] * 3)
    assert priors == [FOOTNOTE, 1.0, 1.0]


def test_the_lines_under_a_heading_of_goals_rank_a_little_higher():
    body = "到2027年，形成从火箭、卫星到终端的全覆盖产业链，年产50发商业火箭。"
    sections = [("一、主要目标",), ("二、“十五五”时期主要目标任务", "（一）扩大内需"), ()]
    assert passage_priors([body] * 3, sections) == [GOALS, 1.0, 1.0]
    assert passage_priors(["注释：", "[1]本规划的目标值为预期性。"], [("一、主要目标",)] * 2) == [
        FOOTNOTE,
        FOOTNOTE,
    ]


def test_the_region_asked_comes_before_the_places_inside_it(real):
    # 四川 covers 成都: both answer, the province's own report first
    files = [h.filename for h in real.search("四川 常住人口", page_size=6).hits]
    assert files[0] == "province_sichuan_2026_gwr.txt"
    assert "city_chengdu_2022_stat-bulletin.txt" in files
    first_city = files.index("city_chengdu_2022_stat-bulletin.txt")
    assert all(f == "province_sichuan_2026_gwr.txt" for f in files[:first_city])
