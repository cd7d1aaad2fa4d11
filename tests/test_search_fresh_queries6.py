"""Behaviours added after the seventh batch of the real-document relevance set (r436-r499,
issue 13), everyday words for what documents word officially: the synonym groups carry a
broad everyday vocabulary (讨薪 for 欠薪, 臭水沟 for 黑臭水体, 看病 for 医疗卫生服务 …); an
everyday word of a group is corrected only as strictly as a real word (农民种地 is not
turned into 农民土地); and a
question asking how something is done (怎么推进, 有哪些举措) ranks a report's tasks before
its review of what was achieved, unless it asks about the past. Invented texts only."""

from __future__ import annotations

import pytest

from bot.library.engine import Engine
from bot.search import asking, window
from tests.conftest import engine_over

# One line in official wording per topic, and lines on other topics beside each.
OFFICIAL = (
    "某市2026年民生工作安排\n"
    "强力治理欠薪，强化欠薪源头治理和失信联合惩戒，保障劳动者按时足额拿到报酬。\n"
    "整治城市黑臭水体，新建污水管网300公里，河道水质明显改善。\n"
    "强化基本医疗卫生服务，推进检查检验结果互认，扩大基层慢性病用药品种。\n"
    "整治交通拥堵等城市病，优化信号灯配时，新增公交专用道50公里。\n"
    "推动房地产市场止跌回稳，因城施策调减限制性措施。\n"
    "加大对老年助餐服务的支持力度，新建社区长者饭堂100个。\n"
    "加强养老机构护理型床位建设，提升失能老年人照护能力。\n"
    "逐步推行免费学前教育，扩大普惠性资源供给。\n"
    "提高退休人员基本养老金，确保按时足额发放。\n"
    "稳定种粮农民补贴，让种粮有合理收益。\n"
    "保障进城落户农民土地承包权、宅基地使用权。\n"
    "新建5G基站3000个，推进工业互联网平台建设。\n"
    "加快发展低空经济，建设通用机场2个。\n"
)

# A report whose review and task sections both speak of green transition; the review's
# paragraph names the words more often, so it scores higher by its words alone.
REPORT = (
    "2026年某省政府工作报告\n"
    "一、2025年工作回顾\n"
    "绿色转型纵深推进，绿色转型成效明显，全年绿色转型项目投资增长12%，"
    "绿色转型示范区建设取得新进展。\n"
    "二、2026年重点工作\n"
    "推进绿色转型。实施重点行业节能降碳改造，发展绿色低碳产业，"
    "健全生态产品价值实现机制，推动全面绿色转型取得新突破，"
    "加快形成绿色生产生活方式，完善能源消费总量和强度调控。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    docs = {"official.txt": OFFICIAL, "report_2026.txt": REPORT}
    return engine_over(tmp_path_factory.mktemp("fresh6"), docs)


def _texts(engine: Engine, query: str, n: int = 3) -> list[str]:
    return [h.text for h in engine.search(query, page_size=n).hits]


@pytest.mark.parametrize(
    ("query", "wording"),
    [
        ("讨薪", "强力治理欠薪"),
        ("臭水沟 整治", "整治城市黑臭水体"),
        ("看病", "强化基本医疗卫生服务"),
        ("堵车", "整治交通拥堵"),
        ("房价", "推动房地产市场止跌回稳"),
        ("老人食堂", "加大对老年助餐服务"),
        ("养老院 床位", "加强养老机构护理型床位"),
        ("上幼儿园 免费", "逐步推行免费学前教育"),
        ("退休金", "提高退休人员基本养老金"),
    ],
)
def test_an_everyday_word_finds_the_official_wording(engine, query, wording):
    texts = _texts(engine, query)
    assert texts and wording in texts[0], texts


def test_an_everyday_word_of_the_synonym_groups_is_not_corrected(engine):
    resp = engine.search("农民种地 补贴", page_size=3)
    assert not resp.corrections
    assert resp.hits[0].text.startswith("稳定种粮农民补贴")


def test_a_how_question_ranks_the_tasks_before_the_review(engine):
    texts = _texts(engine, "绿色转型 怎么推进")
    assert texts[0].startswith("推进绿色转型。实施重点行业"), texts


def test_without_the_review_share_the_review_would_come_first(engine, monkeypatch):
    # the case above is one the rule decides: the review scores higher by its words
    monkeypatch.setattr(window, "REVIEW_SHARE", 1.0)
    texts = _texts(engine, "绿色转型 怎么推进")
    assert texts[0].startswith("绿色转型纵深推进"), texts


def test_a_question_about_the_past_keeps_the_review_first(engine):
    texts = _texts(engine, "绿色转型 去年 怎么推进")
    assert texts[0].startswith("绿色转型纵深推进"), texts


def test_asking_how_is_told_from_asking_what_was_done():
    assert asking.asks_how("绿色转型 怎么推进")
    assert asking.asks_how("扩大内需 有哪些举措")
    assert not asking.asks_how("绿色转型 去年 怎么推进")
    assert not asking.asks_how("乡村振兴 成效")
    assert not asking.asks_how("地区生产总值 增长目标")
