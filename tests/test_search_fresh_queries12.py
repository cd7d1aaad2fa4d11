"""Behaviours added after the fourteenth batch of the real-document relevance set (r929-r988,
issue 13), topics and paraphrases with the issue's mix: the everyday words people ask with
next to the documents' own (养娃 for 托育, 老房子 for 老旧小区, IDC for 数据中心). Invented
texts only."""

from __future__ import annotations

from bot.library.engine import Engine
from tests.conftest import engine_over


def _texts(engine: Engine, query: str, n: int = 3) -> list[str]:
    return [h.text for h in engine.search(query, page_size=n).hits]


# A report with a childcare line, an old-housing line and a data-centre line, each in the
# documents' words, beside lines that share none of the everyday words asked.
REPORT = (
    "某市2025年政府工作报告\n"
    "一、民生实事\n"
    "完善养老服务体系，新建社区养老服务站30个。\n"
    "发展普惠托育服务，新增托位2000个，落实育儿补贴政策。\n"
    "开工改造城镇老旧小区120个，同步加装电梯300部。\n"
    "推进传统产业改造提升，实施技术改造项目80个。\n"
    "二、数字经济\n"
    "建设绿色数据中心，推进算力网络节点建设。\n"
    "推动工业互联网平台发展，培育数字化转型服务商。\n"
)


def test_raising_a_child_asked_as_yangwa_finds_childcare(tmp_path):
    engine = engine_over(tmp_path, {"report.txt": REPORT})
    texts = _texts(engine, "养娃")
    assert texts and texts[0].startswith("发展普惠托育服务"), texts


def test_old_houses_asked_as_laofangzi_find_old_residential_compounds(tmp_path):
    engine = engine_over(tmp_path, {"report.txt": REPORT})
    texts = _texts(engine, "老房子")
    assert texts and texts[0].startswith("开工改造城镇老旧小区"), texts


def test_idc_finds_data_centres(tmp_path):
    engine = engine_over(tmp_path, {"report.txt": REPORT})
    texts = _texts(engine, "IDC")
    assert texts and texts[0].startswith("建设绿色数据中心"), texts
