"""Behaviours added after the thirteenth batch of the real-document relevance set (r882-r928,
issue 13), topics and paraphrases on the least-asked documents: the everyday words people
ask with next to the documents' own (游客 for 旅游者). Invented texts only."""

from __future__ import annotations

from bot.library.engine import Engine
from tests.conftest import engine_over


def _texts(engine: Engine, query: str, n: int = 3) -> list[str]:
    return [h.text for h in engine.search(query, page_size=n).hits]


# A bulletin that counts tourists as 旅游者, beside other lines counting people (人数).
BULLETIN = (
    "某州2024年国民经济和社会发展统计公报\n"
    "一、社会保障\n"
    "年末全州参加城镇职工基本养老保险人数32.1万人，比上年末增加1.2万人。\n"
    "年末全州参加失业保险人数11.4万人，增加0.3万人。\n"
    "二、文化和旅游\n"
    "全年接待国内旅游者4210.5万人次，比上年增长12.3%；接待入境旅游者2.1万人次。\n"
)


def test_tourists_asked_as_youke_find_the_bulletins_lvyouzhe(tmp_path):
    engine = engine_over(tmp_path, {"bulletin.txt": BULLETIN})
    texts = _texts(engine, "某州 游客 人数")
    assert texts and texts[0].startswith("全年接待国内旅游者"), texts


# A plan that writes 科技型企业 and 科技企业, beside a line on loans to small firms and one
# writing 科创 as a word of its own (so that 科创企业 is cut into 科创 and 企业).
PLAN = (
    "某区科技创新行动方案\n"
    "一、重点任务\n"
    "扩大普惠小微企业贷款，降低企业综合融资成本，推广供应链金融。\n"
    "完善科技型企业贷款风险补偿机制，设立科技企业成长基金，支持早期投资。\n"
    "建设科创走廊，举办科创大赛，完善贷款贴息政策。\n"
)


def test_kechuang_firms_find_the_documents_science_and_technology_firms(tmp_path):
    engine = engine_over(tmp_path, {"plan.txt": PLAN})
    texts = _texts(engine, "某区 科创企业 贷款")
    assert texts and texts[0].startswith("完善科技型企业贷款风险补偿机制"), texts
