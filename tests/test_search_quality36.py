"""The words people use instead of the documents' words (issue 13, ``search-quality36``).

A plan's goal paragraph opens with its year (到2031年，…) and leaves 目标 to the heading above
it (三、发展目标): a goal word asked with that year (未来产业 2031年 目标) finds the paragraphs
opening with the year, not only another plan's paragraph writing 目标 and 至2031年 in passing.
And the slogans and everyday words of the thirty-sixth batch in the dictionaries the search
reads: 六稳/六保, 两重/两新 and 卡脖子 in English, 老百姓收入 for 居民人均可支配收入. Invented texts
only."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.search import searcher
from bot.search.concepts import Concept
from bot.text.english import with_chinese_terms
from bot.text.synonyms import Synonyms
from tests.conftest import engine_over, first_hit

ROOT = Path(__file__).resolve().parent.parent

# An opinion whose 2031 goal paragraph never writes 目标 (its heading does) and whose task
# paragraph writes 氢能产业 more often and 2031年 in passing (it led without the rule), and a
# district plan writing 目标 and 至2031年 in one long paragraph about something else.
OPINION = (
    "工业和信息化部关于推动氢能产业创新发展的实施意见\n"
    "一、总体要求\n"
    "坚持创新驱动，推动氢能产业高质量发展，培育新的增长点。\n"
    "二、发展目标\n"
    "到2031年，氢能产业综合实力显著提升，加氢站网络基本建成，氢能产业链关键环节实现自主可控，形成一批具有国际竞争力的龙头企业。\n"
    "到2036年，氢能产业全面融入现代化产业体系。\n"
    "三、重点任务\n"
    "支持氢能产业关键装备攻关，建设一批中试验证平台。\n"
    "壮大氢能产业集群。推动氢能产业链上下游协同，支持氢能产业园区在2031年前完成扩区，"
    "引导氢能产业基金投向关键材料。\n"
)
PLAN = (
    "关于印发《江滨区科技创新示范区建设方案》的通知\n"
    "一、主要目标\n"
    "以科技创新引领高质量发展为目标，坚持高校、园区、社区联动发展理念，构建全主体参与、"
    "全要素统筹、全链条加速的创新创业城区，布局数字经济、生物医药、智能制造和氢能等"
    "新兴领域，完善科技金融、人才服务和成果转化体系，至2031年，建成科技创新示范区，"
    "新增科技企业200家，技术合同成交额年均增长10%，创新创业生态持续优化。\n"
)
GOAL_LINE = "到2031年，氢能产业综合实力显著提升"
# A work report beside them: other paragraphs writing 目标, as a library holds them.
REPORT = (
    "2030年江滨市政府工作报告\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业6万人以上。\n"
    "全面完成年度目标任务，粮食产量稳定在300万吨以上，居民收入增长和经济增长同步。\n"
    "围绕实现上述目标，重点抓好以下工作：扩大有效投资，促进消费扩容提质。\n"
    "落实能耗双控目标，推进重点行业节能降碳改造，空气质量优良天数比例达到90%。\n"
    "加快建设现代化产业体系，推动制造业高端化、智能化、绿色化发展。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("quality36"),
        {
            "national_china_2030_hydrogen-opinion.txt": OPINION,
            "district_jiangbin_2030_innovation-plan.txt": PLAN,
            "city_jiangbin_2030_gwr.txt": REPORT,
        },
    )


@pytest.mark.parametrize(
    "query", ["氢能产业 2031年 目标", "氫能產業 2031年目標", "氢能产业 2031年 发展目标"]
)
def test_a_goal_asked_with_a_year_finds_the_paragraph_opening_with_it(engine, query):
    assert GOAL_LINE in first_hit(engine, query)


def test_without_the_openings_the_paragraph_writing_the_goal_word_led(engine, monkeypatch):
    # the case the rule is for: off, the plan writing 目标 and 至2031年 in passing leads
    monkeypatch.setattr(searcher, "GOAL_WORDS", frozenset())
    assert GOAL_LINE not in first_hit(engine, "氢能产业 2031年 目标")


def test_another_year_is_not_read_as_the_goal_asked(engine):
    # 2036 asked: its own opening line, not 2031's
    assert "到2036年" in first_hit(engine, "氢能产业 2036年 目标")


@pytest.mark.parametrize(
    ("labels", "year"),
    [
        (["region:上海", "year:2027"], 2027),
        (["year:2030"], 2030),
        (["region:上海", "type:党代会报告"], None),
        ([], None),
    ],
)
def test_the_year_asked_is_read_from_the_facets(labels, year):
    facets = [Concept(label, []) for label in labels]
    assert searcher._asked_year(facets) == year


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("six stabilities six guarantees", "六稳 六保"),
        ("two major projects Yunnan", "两重 Yunnan"),
        ("two new initiatives", "两新"),
        ("chokepoint Guangdong", "卡脖子 Guangdong"),
    ],
)
def test_slogans_typed_in_english(english, chinese):
    assert with_chinese_terms(english) == chinese


def test_the_peoples_income_as_people_ask_it():
    synonyms = Synonyms.from_files([ROOT / "config" / "dictionaries" / "synonyms.txt"])
    found = set(synonyms.expand("老百姓收入"))
    assert "居民人均可支配收入" in found
    # 钱袋子 alone is also the government's purse (管好政府钱袋子): not the income
    assert "居民人均可支配收入" not in set(synonyms.expand("钱袋子"))
