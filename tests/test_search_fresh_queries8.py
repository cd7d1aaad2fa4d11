"""Behaviours added after the ninth batch of the real-document relevance set (r576-r619,
issue 13), queries in analysts' wording: 外国游客 for the documents' 入境游客, 价格战 for
“内卷式”竞争, 集中采购 for 集采, 心理问题 for 心理健康, EV for 新能源汽车; and a year
asked without a place wants that year's documents before a province's report reviewing it
from the next year. Invented texts only."""

from __future__ import annotations

import pytest

from bot.library.engine import Engine
from bot.search import facets
from tests.conftest import engine_over

# One line in official wording per topic, lines on other topics beside each, and lines
# holding the query's other words (整治, 药品 and 采购, 学生 and 问题, 产量).
OFFICIAL = (
    "某省2026年政府工作报告\n"
    "粮食产量稳定在600亿斤以上，产量连续五年增长。\n"
    "新能源汽车产量突破100万辆，居全国首位。\n"
    "全年接待入境游客120万人次，增长30%，旅游收入创历史新高。\n"
    "破除地方保护和市场分割，综合整治“内卷式”竞争，维护公平竞争秩序。\n"
    "推进药品集采扩围提质，降低群众用药负担。\n"
    "加强学生心理健康教育，完善家校社协同育人机制。\n"
    "新建5G基站3000个，推进工业互联网平台建设。\n"
    "集中整治群众身边不正之风，严肃查处价格违法行为。\n"
    "加强药品质量监管，规范政府采购行为，集中力量办大事。\n"
    "着力解决学生上学远问题，新建中小学校20所，学生问题有人管。\n"
    "加快发展低空经济，建设通用机场2个。\n"
    "稳定种粮农民补贴，让种粮有合理收益。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("fresh8"), {"official.txt": OFFICIAL})


def _texts(engine: Engine, query: str, n: int = 3) -> list[str]:
    return [h.text for h in engine.search(query, page_size=n).hits]


@pytest.mark.parametrize(
    ("query", "wording"),
    [
        ("外国游客 人数", "全年接待入境游客"),
        ("恶性价格战 整治", "综合整治“内卷式”竞争"),
        ("药品 集中采购", "推进药品集采扩围提质"),
        ("学生 心理问题", "加强学生心理健康教育"),
        ("EV 产量", "新能源汽车产量突破"),
    ],
)
def test_an_analysts_word_finds_the_official_wording(engine, query, wording):
    texts = _texts(engine, query)
    assert texts and wording in texts[0], texts


# The national report of 2025 and a province's report of 2026 reviewing 2025: the
# province's review line names the words more often, so it scores higher by its words
# alone.
NATIONAL_2025 = (
    "2025年国务院政府工作报告\n"
    "一、2024年工作回顾\n"
    "过去一年，经济运行总体平稳。\n"
    "二、2025年经济社会发展总体要求和政策取向\n"
    "完善社会保障和服务政策。制定促进生育政策，发放育儿补贴，大力发展托幼一体服务。\n"
)
PROVINCE_2026 = (
    "2026年安徽省政府工作报告\n"
    "一、2025年工作回顾\n"
    "民生福祉持续增进。实施育儿补贴制度，育儿补贴惠及23万名婴幼儿，育儿补贴按时足额发放。\n"
    "二、2026年重点工作\n"
    "稳定和扩大就业，实施稳岗扩容提质行动。\n"
)


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Engine:
    docs = {"national_2025.txt": NATIONAL_2025, "province_2026.txt": PROVINCE_2026}
    return engine_over(tmp_path_factory.mktemp("fresh8y"), docs)


def test_a_year_without_a_place_wants_that_years_report_first(reports):
    texts = _texts(reports, "2025 育儿补贴")
    assert texts and texts[0].startswith("完善社会保障和服务政策"), texts


def test_without_the_cap_the_provinces_review_would_come_first(tmp_path, monkeypatch):
    # the case above is one the rule decides (a fresh engine: facets are memoised)
    monkeypatch.setattr(facets, "REVIEW_ONLY_SHARE", 1.0)
    docs = {"national_2025.txt": NATIONAL_2025, "province_2026.txt": PROVINCE_2026}
    texts = _texts(engine_over(tmp_path, docs), "2025 育儿补贴")
    assert texts and texts[0].startswith("民生福祉持续增进"), texts


def test_a_place_asked_keeps_its_review(reports):
    texts = _texts(reports, "安徽 2025 育儿补贴")
    assert texts and texts[0].startswith("民生福祉持续增进"), texts


# The central No. 1 document (an opinion of the party centre and the State Council) and a
# plan outline whose line says the query's words more plainly.
NO1_DOC = (
    "中共中央 国务院\n"
    "关于全面推进乡村振兴加快农业农村现代化的意见\n"
    "（2021年1月4日）\n"
    "打好种业翻身仗。农业现代化，种子是基础。加强农业种质资源保护开发利用。\n"
    "加强农村人居环境整治，分类有序推进农村厕所革命。\n"
)
OUTLINE = (
    "扩大内需战略规划纲要（2022－2035年）\n"
    "加强种子安全保障。建立健全现代种业体系，加强种质资源保护利用和种子库建设，种子安全。\n"
)


def test_the_no1_document_is_the_national_opinion(tmp_path):
    engine = engine_over(tmp_path, {"no1_2021.txt": NO1_DOC, "outline_2022.txt": OUTLINE})
    texts = _texts(engine, "一号文件 种子 安全")
    assert texts and "打好种业翻身仗" in texts[0], texts
