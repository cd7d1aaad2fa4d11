"""Behaviours added after the eighteenth batch of the real-document relevance set
(r1164-r1243, issue 13): how a question asks where (建在哪, 放在哪里) and which of a kind
(有哪些方向) is not searched as its topic. Invented texts only."""

from __future__ import annotations

import pytest

from bot.search import asking
from bot.search import searcher as searcher_module
from bot.search.asking import content_words, softened
from tests.conftest import engine_over, first_hit, segmented


def _soft(*ws: str) -> set[str]:
    words = segmented(*ws)
    concepts = [searcher_module.Concept(w, []) for w in content_words(words)]
    return {c.label for c in softened(concepts, words) if c.soft}


def test_the_verb_before_where_is_how_it_asks():
    assert content_words(segmented("孵化器", "建在", "哪")) == ["孵化器"]
    assert content_words(segmented("新材料", "产业", "放在", "哪里")) == ["新材料", "产业"]
    assert content_words(segmented("总部", "设在", "哪儿")) == ["总部"]
    # 在 asks where only before a word asking it
    assert content_words(segmented("放在", "首位")) == ["放在", "首位"]


def test_a_question_where_a_thing_goes_finds_the_place(tmp_path):
    docs = {
        "plan.txt": (
            "某市新材料产业行动方案\n"
            "打造新材料产业集聚区。在东湖新区建设新材料先行区，在西山区建设新材料应用示范区。\n"
            "把新材料产业放在全市发展的突出位置，形成共识。\n"
        )
    }
    engine = engine_over(tmp_path, docs)
    assert "东湖新区" in first_hit(engine, "新材料 产业 放在哪里")


def test_the_kind_after_which_is_soft():
    assert "方向" in _soft("未来", "产业", "有", "哪些", "方向")
    assert "领域" in _soft("数字经济", "涉及", "哪些", "领域")
    # a policy asked for is what the measure lines write (出台…政策): searched
    assert "政策" not in _soft("稳就业", "有", "哪些", "政策")
    # typed apart, 方向 is a word of its own
    apart = [("未来产业", 0, 4), ("哪些", 5, 7), ("方向", 8, 10)]
    concepts = [searcher_module.Concept(w, []) for w in ("未来产业", "方向")]
    assert not softened(concepts, apart)[1].soft


# A report of 2026 reviewing 2025 and the five years: the five years' figure stands in a
# short line after 五年来, the year's in a long one.
REVIEW = (
    "2026年某省政府工作报告\n"
    "一、2025年和“十四五”时期工作回顾\n"
    "过去一年，我们统筹发展和安全，推动经济持续回升向好，全省地区生产总值增长5%，"
    "城镇新增就业17.5万人，居民收入稳步增长，粮食产量保持稳定，生态环境持续改善，"
    "重点领域改革取得新进展，对外开放迈出新步伐，民生福祉不断增进。\n"
    "五年来，我们坚持以人民为中心的发展思想，办成了一批民生实事。\n"
    "就业形势保持稳定。\n"
    "城镇新增就业86万人，其中高校毕业生等青年城镇新增就业30万人，新增就业岗位持续扩大。\n"
    "二、2026年工作安排\n"
    "城镇新增就业16万人以上。\n"
)


# Another document, so that 就业 is a rarer word of the corpus than of the report.
OTHER = "某市生态环境状况公报\n" + "".join(
    f"第{i}个监测点的空气质量优良天数比例为{80 + i}%，主要污染物浓度下降。\n" for i in range(1, 13)
)


def test_last_year_asked_puts_the_years_figure_before_the_five_years(tmp_path):
    engine = engine_over(tmp_path, {"report_2026.txt": REVIEW, "other_2025.txt": OTHER})
    assert "17.5万人" in first_hit(engine, "2025年 城镇新增就业")


def test_a_generic_verb_beside_a_topic_is_soft(tmp_path):
    docs = {
        "report.txt": (
            "某省政府工作报告\n"
            "推进体育强省建设。实施全民健身场地设施补短板行动，新建体育公园50个，推动体育场馆免费开放，办好全省体育运动会。\n"
            "服务消费持续发展，旅游、体育、养老、托育等消费增长较快，带动餐饮住宿增收。\n"
            "加快发展现代农业，粮食产量稳定发展。\n"
        )
    }
    engine = engine_over(tmp_path, docs)
    assert "全民健身" in first_hit(engine, "体育 发展")
    # 发展 alone, or beside a question word only, is what is asked
    assert "发展" in first_hit(engine, "发展")


def test_generic_words_are_soft_only_beside_a_topic():
    from bot.search import framing

    def labels(*ws: str) -> set[str]:
        concepts = [searcher_module.Concept(w, []) for w in ws]
        out = framing.soften_generic(concepts, searcher_module.QUESTION_WORDS)
        return {c.label for c in out if c.soft}

    assert labels("体育", "发展") == {"发展"}
    assert labels("绿色转型", "推进") == {"推进"}
    assert labels("发展", "目标") == set()  # 目标 says what kind, not about what
    assert labels("学校", "建设") == set()


CITY = (
    "某市2026年政府工作报告\n"
    "全年重大项目计划共安排项目300个，总投资2000亿元，年度计划完成800亿元。\n"
    "加强生态环境保护，空气质量优良天数比例达到90%。\n"
    "加大金融支持。引导银行机构扩大科技型企业信贷投放，设立产业引导基金。\n"
    "探索金融赋能科技新路径，建设股权投资集聚区。\n"
    "完善城市道路网络，新建改建道路50公里。\n"
    "固定资产投资增长6%，民间投资增长3%，投资结构持续优化。\n"
    "支持科技企业上市，科技企业数量增长20%。\n"
)


@pytest.mark.parametrize(
    ("query", "wording"),
    [
        ("科技企业 融资", "加大金融支持"),
    ],
)
def test_words_of_the_eighteenth_batch_find_the_official_wording(tmp_path, query, wording):
    engine = engine_over(tmp_path, {"city.txt": CITY})
    assert wording in first_hit(engine, query)


def test_the_key_projects_typed_as_written_come_before_the_other_name(tmp_path):
    docs = {
        "a.txt": "某县报告\n今年重点项目计划安排项目40个，总投资120亿元。\n",
        "b.txt": "某区报告\n今年重大项目计划安排项目50个，总投资150亿元。\n",
    }
    engine = engine_over(tmp_path, docs)
    assert "重大项目" in engine.searcher.synonyms.expand("重点项目")
    assert "重大工程" in engine.searcher.synonyms.expand("重点工程")
    hits = engine.search("重点项目 计划", page_size=3).hits
    assert [("重点项目" in h.text) for h in hits[:2]] == [True, False]
    assert "重大项目" in hits[1].text


def test_a_question_in_traditional_characters_asks_as_in_simplified():
    assert asking.asks_how("海拉爾 冰雪旅遊 怎麼發展")
    assert asking.asks_how("安徽 量子科技 下一步怎麼佈局")
    assert asking.asks_past("寧夏 過去 五年 成績")
    assert not asking.asks_how("寧夏 過去 怎麼做")


# A report whose review and tasks both name the topic, the review's line the stronger.
TEA = (
    "2026年某省政府工作报告\n"
    "一、2025年工作回顾\n"
    "茶产业发展成效明显，茶叶产值增长12%，茶产业综合产值突破千亿元，茶旅融合加快发展。\n"
    "二、2026年重点工作\n"
    "做强茶产业。推进茶园标准化改造，培育茶叶龙头企业，拓展茶叶出口市场，促进发展。\n"
)


def test_a_how_question_in_traditional_characters_finds_the_tasks(tmp_path):
    engine = engine_over(tmp_path, {"report_2026.txt": TEA})
    assert first_hit(engine, "茶产业 怎么发展").startswith("做强茶产业")
    assert first_hit(engine, "茶產業 怎麼發展").startswith("做强茶产业")
