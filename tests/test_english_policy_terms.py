"""Policy terms typed in their official English (the translations of the work reports):
read as the Chinese terms the reports write, and found in an invented library; a
single word of several senses is left to the dictionary."""

from __future__ import annotations

import pytest

from bot.library import Engine
from bot.text.english import load_glossary, with_chinese_terms
from tests.conftest import engine_over


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        # development strategy and the economy
        ("common prosperity Zhejiang", "共同富裕 Zhejiang"),
        ("dual circulation strategy", "双循环 strategy"),
        ("new quality productive forces 2024", "新质生产力 2024"),
        ("supply-side structural reform", "供给侧结构性改革"),
        ("consumer goods trade-in subsidies", "consumer goods 以旧换新 subsidies"),
        ("low-altitude economy pilot", "低空经济 pilot"),
        # fiscal and finance
        ("proactive fiscal policy", "积极的财政政策"),
        ("VAT credit refunds", "留抵退税"),
        ("inclusive finance for small firms", "普惠金融 for small firms"),
        # industry and technology
        ("computing power scale", "算力 scale"),
        ("integrated circuits and humanoid robots", "集成电路 and 人形机器人"),
        ("brain-computer interface trials", "脑机接口 trials"),
        # energy and environment
        ("power generation 2023", "发电量 2023"),
        ("new-type energy storage capacity", "新型储能 capacity"),
        ("waste sorting in cities", "垃圾分类 in cities"),
        # housing and cities
        ("shantytown renovation Hailaer", "棚户区改造 Hailaer"),
        ("old residential compounds renovated", "老旧小区 renovated"),
        ("sponge city construction", "海绵城市 construction"),
        # agriculture and the countryside
        ("high-standard farmland acreage", "高标准农田 acreage"),
        ("rural living environment", "农村人居环境"),
        # social policy
        ("college graduates and migrant workers", "高校毕业生 and 农民工"),
        ("long-term care insurance pilot", "长期护理保险 pilot"),
        ("population ageing", "老龄化"),
        # governance and opening up
        ("whole-process people's democracy", "全过程人民民主"),
        ("China’s whole-process people’s democracy", "China’s 全过程人民民主"),
        ("people's wellbeing", "民生"),
        ("pilot free trade zones", "自由贸易试验区"),
        ("visa-free transit 240 hours", "过境免签 240 hours"),
        ("cross-border e-commerce", "跨境电商"),
        # "list" is 清单 in the glossary since search-quality29 (the reports write 清单, not 目录)
        ("zero-tariff goods list", "零关税 goods 清单"),
        ("online sales of farm produce", "网络零售 of 农产品"),
        ("Qianhai cooperation zone", "Qianhai 合作区"),
    ],
)
def test_official_english_reads_as_the_reports_term(typed: str, read: str) -> None:
    assert with_chinese_terms(typed) == read


@pytest.mark.parametrize("word", ["power", "new", "development", "reform", "energy", "zone"])
def test_words_of_several_senses_are_left_to_the_dictionary(word: str) -> None:
    assert word not in load_glossary()
    assert with_chinese_terms(f"{word} 2025") == f"{word} 2025"


def test_the_longest_form_still_wins_over_an_older_shorter_one() -> None:
    # "electricity" was read as 发电量 before; its consumption is another figure
    assert with_chinese_terms("electricity consumption") == "用电量"
    assert with_chinese_terms("electricity") == "发电量"
    assert with_chinese_terms("energy consumption per unit of GDP") == "单位地区生产总值能耗"
    assert with_chinese_terms("energy consumption") == "能耗"


DOCS = {
    "lanzhou_2025_gwr.txt": (
        "2025年兰州市政府工作报告\n兰州市人民政府\n"
        "加快建设全国一体化算力网络枢纽节点，全市算力规模达到5万标准机架。\n"
        "全年完成城镇老旧小区改造120个，开工改造棚户区3000套。\n"
        "实施消费品以旧换新，带动汽车、家电销售增长15%。\n"
        "全年发电量达到320亿千瓦时，新能源装机占比提高到50%。\n"
    ),
    "xining_2025_gwr.txt": (
        "2025年西宁市政府工作报告\n西宁市人民政府\n"
        "推动数字经济发展，建设数据中心和工业互联网平台。\n"
        "深入推进共同富裕，提高城乡居民收入，扩大中等收入群体。\n"
        "加强电力保障，提升电网供电能力和应急发电保障。\n"
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("policy_english"), DOCS)


@pytest.mark.parametrize(
    ("query", "written"),
    [
        ("computing power", "算力规模"),
        ("old residential compounds renovation", "老旧小区改造"),
        ("trade-in program", "以旧换新"),
        ("power generation 2025", "发电量达到"),
        ("common prosperity", "共同富裕"),
    ],
)
def test_an_english_policy_term_finds_the_line_writing_it_first(
    engine: Engine, query: str, written: str
) -> None:
    resp = engine.search(query, page_size=3)
    assert resp.hits, query
    assert written in resp.hits[0].text, (query, resp.hits[0].text)
