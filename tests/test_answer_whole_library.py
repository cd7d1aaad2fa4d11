"""A question for an indicator's target that names neither a region nor a year
(國內生產總值 目標, user trial 17) is answered from the whole library, not only from the
documents of the first page: the national report's 国内生产总值, not a city's
地区生产总值 that happens to rank first. The documents holding each indicator's targets
are read once per index (``Engine.target_holders``), not per question."""

from __future__ import annotations

import pytest

from bot.library import Engine
from bot.library import holders as holders_module
from tests.conftest import engine_over

# Invented reports: three cities that talk about national accounting (国内生产总值 目标) in
# their review and set a regional target, and a national report that sets the national one.
CITY = """{city}2024年政府工作报告
——2024年1月10日在{city}第十七届人民代表大会第三次会议上
{city}市长 王某

一、2023年工作回顾
全市经济运行稳中有进。我们学习国内生产总值核算制度，按国内生产总值目标要求做好统计，国内生产总值目标的分解落实到各区县，国内生产总值目标管理更加规范。

二、2024年主要目标
全市地区生产总值增长{rate}%左右，一般公共预算收入增长5%。
"""
NATIONAL = """2022年国务院政府工作报告
——2022年3月5日在第十三届全国人民代表大会第五次会议上
国务院总理 李某

一、2021年工作回顾
过去一年，经济保持恢复发展。

二、2022年经济社会发展总体要求和政策取向
今年发展主要预期目标是：国内生产总值增长5.5%左右；城镇新增就业1100万人以上。
"""
CITIES = (("洛阳", 6), ("南阳", 7), ("开封", 8))
# A province that sets a target for 5G base stations, and a city's bulletin that counts 5G
# users: a question about 5G users names no indicator of the table in full.
PROVINCE = """某省2026年政府工作报告
——2026年1月20日在某省第十四届人民代表大会第五次会议上
某省省长 赵某

一、2026年主要任务
加快推进算力基础设施项目建设，新建5G基站1万个。
"""
BULLETIN = """安阳市2023年国民经济和社会发展统计公报

一、通信
年末全市5G移动电话用户达到120万户，数字经济加快发展。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    docs = {f"city{i}.txt": CITY.format(city=c, rate=r) for i, (c, r) in enumerate(CITIES)}
    docs["national.txt"] = NATIONAL
    docs["province.txt"] = PROVINCE
    docs["bulletin.txt"] = BULLETIN
    return engine_over(tmp_path_factory.mktemp("library"), docs)


def test_a_target_asked_without_region_or_year_is_looked_for_in_the_whole_library(engine):
    response = engine.search("國內生產總值 目標", page_size=2)
    assert response.understood.indicator == "国内生产总值"
    assert response.answer is not None
    assert (response.answer.region, response.answer.indicator) == ("全国", "国内生产总值")
    assert response.answer.value_text == "5.5"


def test_the_documents_holding_an_indicator_are_read_once_per_index(engine, monkeypatch):
    built = []
    build = holders_module.TargetHolders.build.__func__

    def counted(cls, rows, table):
        built.append(1)
        return build(cls, rows, table)

    monkeypatch.setattr(holders_module.TargetHolders, "build", classmethod(counted))
    engine._holders = None  # as after a new index
    for query in ("國內生產總值 目標", "国内生产总值 目标是多少", "一般公共预算收入 目标"):
        engine.search(query, page_size=2)
    assert len(built) == 1
    holders = engine.target_holders()
    assert holders.holding("国内生产总值", engine.indicator_table) == (
        engine.find_document("national.txt").doc_id,
    )
    # another indicator of the family: the family's documents, the newest first
    family = holders.holding("GDP", engine.indicator_table)
    assert len(family) == 4 and family[-1] == engine.find_document("national.txt").doc_id


def test_a_part_of_a_name_answers_only_from_the_documents_found(engine):
    # 5G opens the alias 5G基站, but the question asks about users: the province's
    # base-station target is no answer to it, wherever the library holds one
    assert engine.target_holders().holding("5G基站", engine.indicator_table)
    response = engine.search("数字经济 5G 用户 有多少", page_size=1)
    assert [h.filename for h in response.hits] == ["bulletin.txt"]
    # no target answers; the users the bulletin's first passage counts do (cards-results:
    # a figure asked with no year nor goal word takes the first passage's result)
    assert response.answer is not None
    assert response.answer.indicator == "5G移动电话用户" and response.answer.figure == "120万户"
