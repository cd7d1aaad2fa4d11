"""A measure named alone (issue 13, ``search-quality35``): 四川 城镇化率, 宁夏 常住人口 and 四川
PM2.5 浓度 ask the measure's level, which a report's review states (常住人口城镇化率突破60%),
not a line of the year's tasks naming the measure as a thing to raise, with no figure beside
it (城镇化率低的潜力地区, 着力降低PM2.5浓度), which a shorter paragraph had ranked first, nor the
year's target (城镇化率提升至64%左右), which 目标 or 今年 asks. The report's tasks count
``window.TASK_SHARE`` of their score, as for a question about the past. And the other way
round: a goal or this year asked (目标, 预期, 今年, 明年) wants the tasks, and the review's lines
count ``window.PLANNED_SHARE``. Invented texts only."""

from __future__ import annotations

import pytest

from bot.search import window
from bot.search.asking import Asking, names_measure_alone
from tests.conftest import engine_over, first_hit

# A 2031 report reviewing 2030: the review states the levels in long paragraphs, the tasks
# name the same measures in short ones, without a figure (and one target with its figure).
REPORT = (
    "2031年青海省政府工作报告\n"
    "一、2030年工作回顾\n"
    "过去一年，全省经济稳中有进，地区生产总值增长5.1%，规模以上工业增加值增长6.2%，"
    "固定资产投资增长4.3%，社会消费品零售总额增长5.0%，城乡居民人均可支配收入分别增长4.6%和6.1%。"
    "常住人口由上年596万人增加到598万人，常住人口城镇化率突破63%，城乡居民收入比缩小到2.6。"
    "生态环境持续改善，PM2.5平均浓度降至21.4微克每立方米，地表水优良水体比例保持100%，"
    "森林覆盖率提高到8.1%，单位地区生产总值能耗下降3%。\n"
    "就业形势总体稳定，城镇新增就业6.2万人，超额完成城镇新增就业目标，零就业家庭动态清零。\n"
    "二、2031年工作安排\n"
    "推进以县城为重要载体的城镇化建设。以城镇化率低的潜力地区为重点，稳步提高城镇化水平，"
    "促进城镇化率低的县城补齐短板。\n"
    "持续改善空气质量。着力降低PM2.5浓度，加强重点行业超低排放改造，PM2.5浓度持续下降。\n"
    "完善与常住人口相匹配的公共资源配置机制，提升常住人口基本公共服务水平。\n"
    "实施就业优先政策，扩大高校毕业生、农民工等重点群体就业渠道，"
    "今年城镇新增就业6万人以上，加强职业技能培训和公共就业服务。\n"
    "主要预期目标是：地区生产总值增长5%左右，常住人口城镇化率提升至64%左右。\n"
)
REVIEW = "常住人口城镇化率突破63%"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("quality35"), {"province_qinghai_2031_gwr.txt": REPORT}
    )


@pytest.mark.parametrize(
    ("query", "alone"),
    [
        ("四川 城镇化率", True),
        ("寧夏 城鎮化率", True),  # read as normalised
        ("四川 PM2.5 浓度", True),
        ("宁夏 常住人口", True),
        ("周口 2023 粮食产量", True),
        ("四川 芯片", False),  # a topic, not a measure
        ("宁夏 城镇化率 今年 目标", False),  # a goal asked
        ("杨浦 到2027年 研发经费 占比", False),  # a plan's year asked
        ("城镇化率 下一步", False),  # what is ahead
    ],
)
def test_a_measure_named_alone(query, alone):
    assert names_measure_alone(query) is alone


@pytest.mark.parametrize(
    "query", ["四川 城镇化率 是多少", "四川 城镇化率 怎么提高", "四川 去年 城镇化率", "四川 芯片"]
)
def test_a_measure_asked_of_is_not_stated(query):
    # a count, a how-question or the past has its own rule; a topic none
    assert Asking.of(query).stated is False


@pytest.mark.parametrize(
    ("query", "line"),
    [
        ("青海 城镇化率", REVIEW),
        ("青海 PM2.5 浓度", "PM2.5平均浓度降至21.4微克每立方米"),
        ("青海 常住人口", "常住人口由上年596万人增加到598万人"),
    ],
)
def test_a_measure_named_alone_finds_the_review_stating_it(engine, query, line):
    r = engine.search(query, page_size=3)
    assert r.hits and line in r.hits[0].text, [h.text[:40] for h in r.hits]


@pytest.mark.parametrize(
    ("query", "planned"),
    [
        ("青海 城镇新增就业 今年 目标", True),
        ("四川2026年进出口增长目标是多少", True),
        ("宁夏 研发经费 今年 增长", True),
        ("青海 去年 城镇新增就业", False),  # the past
        ("青海 就业 怎么稳", False),  # a how-question has its own rule
        ("青海 城镇新增就业", False),
    ],
)
def test_a_goal_or_this_year_asked_is_planned(query, planned):
    assert Asking.of(query).planned is planned


# 今年 is read as the asker's year (the clock's), so the report's own year is written here
@pytest.mark.parametrize("query", ["青海 城镇新增就业 目标", "青海 2031年 城镇新增就业 预期目标"])
def test_a_goal_asked_finds_the_task_not_the_review(engine, query):
    # the review's line (完成年度目标) outscores the task's longer one without the rule
    r = engine.search(query, page_size=3)
    assert r.hits and "今年城镇新增就业6万人以上" in r.hits[0].text, [h.text[:40] for h in r.hits]


def test_a_target_asked_still_finds_the_task(engine):
    r = engine.search("青海 城镇化率 今年 目标", page_size=3)
    assert r.hits and "提升至64%左右" in r.hits[0].text, [h.text[:40] for h in r.hits]


# A report whose review line names the goal and the measure more often than the task line
# stating the year's target, so that by its words alone the review scores higher.
GOAL_REPORT = (
    "2031年某省政府工作报告\n"
    "一、2030年工作回顾\n"
    "城镇新增就业6.2万人，超额完成城镇新增就业目标。\n"
    "二、2031年重点工作\n"
    "实施就业优先政策，扩大重点群体就业渠道，城镇新增就业6万人以上。\n"
)


def test_this_year_asked_ranks_the_task_first(tmp_path):
    # one document: the year 今年 reads (the clock's) weighs every passage alike
    engine = engine_over(tmp_path, {"report_2031.txt": GOAL_REPORT})
    assert first_hit(engine, "城镇新增就业 今年").startswith("实施就业优先政策")


def test_without_the_planned_share_the_review_would_come_first(tmp_path, monkeypatch):
    # the case above is one the rule decides: the review line scores higher by its words
    monkeypatch.setattr(window, "PLANNED_SHARE", 1.0)
    engine = engine_over(tmp_path, {"report_2031.txt": GOAL_REPORT})
    assert first_hit(engine, "城镇新增就业 今年").startswith("城镇新增就业6.2万人")
