"""Comparison questions naming several places (issue 13: 山东 江苏 GDP 目标, 成都和重庆的
就业目标): every region named is a facet, whose documents rank first, and the reply and
``search --json`` say all of them."""

from __future__ import annotations

import pytest

from bot.corpus.gazetteer import default_gazetteer
from bot.library.understood import understood_line
from bot.models import Understood
from bot.render import search_to_dict
from bot.search.understand import understand
from tests.conftest import engine_over


def facets(query: str, known=("成都", "重庆")):
    return understand(query, gazetteer=default_gazetteer(), known_regions=set(known))


@pytest.mark.parametrize(
    ("query", "region", "regions", "rest"),
    [
        ("山东 江苏 GDP 目标", "山东", ("山东", "江苏"), "gdp 目标"),
        ("湖南、湖北、江西 粮食产量", "湖南", ("湖南", "湖北", "江西"), "、 、 粮食产量"),
        ("比较一下福建省和广西的外贸", "福建", ("福建", "广西"), "比较一下 和 的外贸"),
        # a misspelt name the query opens with is the first place asked
        ("贵洲 四川 就业目标", "贵州", ("贵州", "四川"), "就业目标"),
        # a place inside the one before narrows it; one around it only says where it is
        ("四川 成都 就业", "成都", (), "就业"),
        ("成都 四川 就业", "成都", (), "就业"),
        ("山东 山东省 就业", "山东", (), "就业"),
    ],
)
def test_every_region_named_is_asked_about(query, region, regions, rest):
    got = facets(query)
    assert got.facets.region == region
    assert got.facets.regions == regions
    assert got.rest == rest


REPORTS = {
    "shandong_2024.txt": (
        "2024年山东省政府工作报告\n山东省人民政府\n"
        "今年的主要预期目标是：全省生产总值增长5%以上，城镇新增就业110万人以上。\n"
    ),
    "jiangsu_2024.txt": (
        "2024年江苏省政府工作报告\n江苏省人民政府\n"
        "一、过去一年工作回顾\n过去一年，全省上下攻坚克难，经济运行回升向好，民生福祉不断增进。\n"
        "我们坚持稳中求进，扎实推进科技创新，产业体系加快升级，城乡面貌持续改善。\n"
        "二、今年工作安排\n"
        "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，居民收入稳步增长。\n"
    ),
    "zhejiang_2024.txt": (
        "2024年浙江省政府工作报告\n浙江省人民政府\n"
        "今年主要预期目标是：地区生产总值增长5.5%左右，地区生产总值目标与增长潜力相适应。\n"
    ),
    "fujian_2024.txt": (
        "2024年福建省政府工作报告\n福建省人民政府\n"
        "主要预期目标：地区生产总值增长5.5%左右，地区生产总值目标同全国目标相衔接。\n"
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("regions"), REPORTS)


def test_the_documents_of_every_region_named_rank_first(engine):
    resp = engine.search("山东 江苏 地区生产总值 目标", page_size=6)
    assert {h.filename for h in resp.hits[:2]} == {"shandong_2024.txt", "jiangsu_2024.txt"}
    assert resp.understood is not None
    assert resp.understood.regions == ("山东", "江苏")
    # the JSON keeps ``region`` (the first) and adds every region named
    said = search_to_dict(resp)["understood"]
    assert said["region"] == "山东"
    assert said["regions"] == ["山东", "江苏"]
    # not a filter: the other provinces still answer after them
    assert {h.filename for h in resp.hits[2:]} >= {"zhejiang_2024.txt"}


def test_one_region_says_one_in_the_json(engine):
    said = search_to_dict(engine.search("江苏 地区生产总值 目标", page_size=3))["understood"]
    assert (said["region"], said["regions"]) == ("江苏", ["江苏"])


def test_the_line_says_every_region_named():
    u = Understood(region="山东", regions=("山东", "江苏"), indicator="地区生产总值")
    assert understood_line(u, "zh") == "理解为：地区 山东、江苏 · 指标 地区生产总值"
    assert understood_line(u, "en") == (
        "Understood as: region Shandong (山东), Jiangsu (江苏) · indicator GDP (地区生产总值)"
    )
    # no document about the first: the note names it alone
    missing = Understood(region="火星", regions=("火星", "山东"), unmatched=("region",))
    assert understood_line(missing, "zh") == (
        "理解为：地区 火星、山东（现有文件中没有：地区 火星，结果来自其他文件）"
    )
