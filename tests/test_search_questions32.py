"""What search-questions32 settled (issue 13): figures typed in English written as the
reports write them (3 trillion yuan -> 3万亿元, 5.5 percent -> 5.5%), a whole said in
English (national, nationwide: 全国, the national facet; province-wide: 全省), the reports'
普及率 and 自来水, rural alone as 农村; a count asked in its measure word (几款, 多少颗)
answered by the record counted in that unit; a share asked answered by a share only.
Invented texts."""

from __future__ import annotations

import pytest

from bot.library.answers import asked_count, asked_unit, asks_result, in_unit, seeks_target
from bot.search.shares import asks_share, only_as_whole
from bot.text.english import with_chinese_terms
from bot.text.english_figures import with_chinese_figures
from tests.conftest import engine_over

NATIONAL = (
    "2031年国务院政府工作报告\n"
    "一、过去一年工作回顾\n"
    "国内生产总值达到150万亿元，增长4.8%。全国粮食产量7.2亿吨。\n"
    "二、今年工作安排\n"
    "今年发展主要预期目标是：国内生产总值增长4.5%左右；粮食产量7.3亿吨左右。\n"
    "拟安排地方政府专项债券5.2万亿元。赤字率拟按4.2%左右安排。\n"
)
PROVINCE = (
    "2031年青海省政府工作报告\n"
    "一、过去一年工作回顾\n"
    "全省粮食产量达到120万吨，粮食生产再获丰收。地区生产总值突破3万亿元，增长5.1%。\n"
    "农村自来水普及率达到92%，移动电话普及率提高到118部/百人。\n"
    "二、今年工作安排\n"
    "全省地区生产总值增长5.5%左右，城镇新增就业6万人。\n"
    "工业投资增长12%左右，工业投资占固定资产投资比重提高到40%。\n"
    "物流降本增效，社会物流总费用与GDP的比率下降至13.5%。\n"
)
NINGXIA = (
    "2031年宁夏回族自治区政府工作报告\n"
    "一、过去一年工作回顾\n"
    "全年新登记经营主体12.5万户，经营主体活力持续增强。\n"
    "二、今年工作安排\n"
    "优化金融服务，民营经营主体融资担保业务比重保持在80%以上。\n"
)
OTHER = (
    "2031年甘肃省政府工作报告\n"
    "粮食产量稳定在1200万吨以上，全省上下齐心协力，投资规模达到3.2万亿元，增长3%。\n"
    "地区生产总值增长5%左右，城乡居民收入增长5.5%。\n"
    "二、今年工作安排\n"
    "今年工业投资增长8%左右，民间投资稳定增长。\n"
)


PLAN = (
    "青海省促进商业航天发展行动计划（2031-2033年）\n"
    "到2033年，形成年产20发商业火箭、300颗商业卫星的批量化制造能力。\n"
    "到2033年，推动8款以上新型无人机产品完成适航审定，培育3家商业航天领军企业。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("questions32"),
        {
            "national_china_2031_gwr.txt": NATIONAL,
            "province_qinghai_2031_gwr.txt": PROVINCE,
            "province_gansu_2031_gwr.txt": OTHER,
            "province_qinghai_2031_commercial-space-action-plan.txt": PLAN,
            "province_ningxia_2031_gwr.txt": NINGXIA,
        },
    )


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Yunnan GDP 3 trillion yuan", "Yunnan GDP 3万亿元"),
        ("GDP growth 5.5 percent", "GDP growth 5.5%"),
        ("3.5 per cent", "3.5%"),
        ("up 1.2 percentage points", "up 1.2个百分点"),
        ("0.3 ppt", "0.3个百分点"),
        # the largest Chinese magnitude the value reaches, as the reports write it
        ("566 billion yuan", "5660亿元"),
        ("1,620 billion yuan", "1.62万亿元"),
        ("12 million new urban jobs", "1200万 new urban jobs"),
        ("150 million", "1.5亿"),
        ("1.4 billion people", "14亿 people"),
        ("60 thousand", "6万"),
        ("RMB 1.3 trillion", "1.3万亿元"),
        ("per capita GDP over 10,000 US dollars", "per capita GDP over 1万美元"),
        # no magnitude, no unit: a year, a count, a figure already Chinese stay
        ("2025 GDP", "2025 GDP"),
        ("5G base stations", "5G base stations"),
        ("GDP 5.5%", "GDP 5.5%"),
        ("50 rockets", "50 rockets"),
        ("3万亿元", "3万亿元"),
    ],
)
def test_english_figures_are_written_as_the_reports_write_them(typed, read):
    assert with_chinese_figures(typed) == read


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("national grain output", "全国 粮食产量"),
        ("nationwide grain output", "全国 粮食产量"),
        ("province-wide GDP", "全省 GDP"),
        ("citywide", "全市"),
        # a compound the glossary holds is longer and wins
        ("national park", "国家公园"),
        ("national security", "国家安全"),
        ("rural tap water coverage", "农村 自来水普及率"),
        ("rural revitalization", "乡村振兴"),
        ("rural commercial bank", "农村商业银行"),
        ("internet penetration rate", "互联网 普及率"),
        # a plan's period figures: 年均增长, not 年度 or 周年
        ("average annual growth", "年均增长"),
        ("average annual GDP growth", "年均 GDP 增长"),
    ],
)
def test_scope_and_rate_words_read_as_the_reports_write_them(typed, read):
    assert with_chinese_terms(typed) == read


@pytest.mark.parametrize("query", ["national grain output", "nationwide grain output"])
def test_national_is_the_national_facet(engine, query):
    # national was four dictionary words (全国性, 国民, 全国, 对内), no facet: the
    # provinces' 粮食产量 lines, which name it as often, came first
    resp = engine.search(query, page_size=3)
    assert resp.understood is not None and resp.understood.region == "全国"
    assert resp.hits and resp.hits[0].filename == "national_china_2031_gwr.txt"


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("GDP 3 trillion yuan", "GDP 3万亿元"),
        ("investment 3.2 trillion yuan", "investment 3.2万亿元"),
        ("GDP growth 5.5 percent", "GDP 增长 5.5%"),
        ("special bonds 5.2 trillion yuan", "专项债券 5.2万亿元"),
    ],
)
def test_a_figure_typed_in_english_is_searched_as_typed_in_chinese(engine, english, chinese):
    # read word by word, 3 trillion yuan found neither 3万亿元 nor 亿元 (trillion: 兆)
    got = engine.search(english, page_size=3).hits
    want = engine.search(chinese, page_size=3).hits
    assert [h.text for h in got] == [h.text for h in want]


def test_a_figure_typed_in_english_finds_the_line_stating_it(engine):
    hits = engine.search("Qinghai GDP 3 trillion yuan", page_size=3).hits
    assert hits and "突破3万亿元" in hits[0].text


def test_tap_water_coverage_is_the_reports_penetration_rate(engine):
    hits = engine.search("rural tap water coverage", page_size=3).hits
    assert hits and "农村自来水普及率达到92%" in hits[0].text


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("每年能造多少颗卫星", ("颗", "卫星")),
        ("有几款无人机产品要完成适航审定", ("款", "无人机产品要完成适航审定")),
        ("食品抽检 多少批次", ("批次", "")),
        ("几家企业", ("家", "企业")),
        # which (哪几), a rank (第几), a list of aspects: no count
        ("哪几家企业入选", None),
        ("东莞是第几个万亿城市", None),
        ("从哪几个方面推进", None),
        ("有几个方面", None),
    ],
)
def test_a_count_asked_in_its_measure_word(query, count):
    assert asked_count(query) == count
    assert seeks_target(query) is (count is not None)


@pytest.mark.parametrize(
    ("query", "value"),
    [
        # 卫星 alone named no record (two characters, half the question's words with
        # 商业航天, which the title holds): no card
        ("青海商业航天每年能造多少颗卫星", "300"),
        ("青海 一年能造多少颗卫星", "300"),
        ("青海商业航天 一年能造多少发火箭", "20"),
        # 几款 asked no figure at all
        ("青海2033年前有几款无人机产品要完成适航审定", "8"),
    ],
)
def test_a_count_asked_in_its_measure_word_is_answered(engine, query, value):
    answer = engine.search(query, page_size=3).answer
    assert answer is not None and answer.value_text.startswith(value)


def test_a_share_asked_is_answered_by_a_share(engine):
    answer = engine.search("青海 工业投资占固定资产投资比重 目标", page_size=3).answer
    assert answer is not None and answer.value_text.startswith("40")
    # no share set: the part's own growth (工业投资增长8%) answers another question
    assert engine.search("甘肃 工业投资占固定资产投资比重 目标", page_size=3).answer is None
    answer = engine.search("甘肃 工业投资 目标", page_size=3).answer
    assert answer is not None and answer.value_text.startswith("8")


@pytest.mark.parametrize(
    ("query", "result"),
    [
        # a bound asked of a past period is the plan's (the national 2021 report's
        # 城镇调查失业率控制在5.5%以内 for 十四五), not a review's line saying it was kept
        ("十四五期间城镇调查失业率控制在多少以内", False),
        ("十四五期间 PM2.5 浓度 不高于多少", False),
        ("十四五期间 粮食产量 不低于多少", False),
        # the span of a past period asked plainly, or in the past: its result
        ("十四五期间GDP年均增长多少", True),
        ("过去五年 城镇化率 提高了多少", True),
        ("十四五期间城镇调查失业率控制住了多少", True),
    ],
)
def test_a_bound_asked_of_a_past_period_is_its_target(query, result):
    assert asks_result(query, 2026) is result


@pytest.mark.parametrize(
    ("text", "forms", "whole"),
    [
        ("社会物流总费用与gdp的比率下降至13.5%", ("gdp",), True),
        ("研究与试验发展经费支出与国内生产总值之比超过2%", ("国内生产总值",), True),
        ("社会物流总费用与地区生产总值的比率下降", ("地区生产总值",), True),
        # the word named for itself too, or joined by 与 without a ratio
        ("gdp增长5%，物流费用与gdp的比率下降", ("gdp",), False),
        ("居民收入与gdp增长同步", ("gdp",), False),
    ],
)
def test_a_ratios_second_term_is_a_whole(text, forms, whole):
    assert only_as_whole(text, forms) is whole


def test_a_ratio_asked_keeps_its_terms():
    assert asks_share("物流费用与GDP的比率")
    assert asks_share("研发经费与GDP之比")
    assert not asks_share("青海 GDP 增长")


def test_a_line_naming_gdp_in_a_ratio_ranks_after_the_gdp_lines(engine):
    # 与GDP的比率 wrote the query's GDP as typed: the line about logistics costs came
    # first for a question about GDP (Yunnan, Anhui and Guizhou 2026 write it so)
    hits = engine.search("青海 GDP 增长", page_size=5).hits
    assert hits and "比率" not in hits[0].text
    assert [h for h in hits if "比率" in h.text]


@pytest.mark.parametrize(
    ("query", "unit"),
    [
        ("新登记经营主体 多少万户", "户"),
        ("修路 五年 多少公里", "公里"),
        ("多少千米", "公里"),
        ("装机 多少万千瓦", "千瓦"),
        ("多少颗卫星", "颗"),
        ("GDP 增长多少", None),
        ("几个百分点", None),
        ("第几个", None),
    ],
)
def test_the_unit_an_amount_is_asked_in(query, unit):
    assert asked_unit(query) == unit


@pytest.mark.parametrize(
    ("unit", "asked", "same"),
    [
        ("万户", "户", True),
        ("人次", "人", True),
        ("套（间）", "套", True),
        ("千米", "公里", True),
        ("万千瓦", "千瓦", True),
        ("", "个", True),
        ("%", "户", False),
        ("亿元", "户", False),
    ],
)
def test_a_record_in_the_unit_asked(unit, asked, same):
    assert in_unit(unit, asked) is same


def test_an_amount_asked_in_its_unit_is_not_answered_in_another(engine):
    # the share (80%) named 经营主体 as the question does and was the card; the count
    # asked (12.5万户) is a result, so no target answers: the card is that result
    # (cards-results), never the share
    resp = engine.search("宁夏 新登记经营主体 多少万户", page_size=3)
    assert resp.answer is not None and resp.answer.kind == "achievement", resp.answer
    assert resp.answer.value == 12.5 and resp.answer.unit == "万户", resp.answer
    assert resp.hits and "12.5万户" in resp.hits[0].text
