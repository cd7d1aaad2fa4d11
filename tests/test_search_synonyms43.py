"""A user's everyday word against the document's official one (issue 13,
``search-synonyms43``): a broader word written only by its kinds (交通 by 高铁, 棚改 by
城中村) adds a kind's score without counting as the word written, and the countryside and
earning as people say them (农村人, 村里; 挣钱) reach the documents' 农村 and 收入. Invented
texts only."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.text.synonyms import Synonyms
from tests.conftest import engine_over

ROOT = Path(__file__).resolve().parent.parent
SYNONYMS = ROOT / "config" / "dictionaries" / "synonyms.txt"


@pytest.fixture(scope="module")
def shipped() -> Synonyms:
    return Synonyms.from_files([SYNONYMS])


def test_broader_words_reach_their_kinds_one_way(shipped):
    assert {"高铁", "高速公路", "机场"} <= shipped.kinds("交通")
    assert "交通" not in shipped.expand("高铁")
    assert {"城中村", "城市危旧房"} <= shipped.kinds("棚改")
    # 农村危房改造 and the villages' 危旧房 are another programme than the towns' shanty areas
    assert not {"危房改造", "危旧房"} & set(shipped.expand("棚改"))


def test_everyday_countryside_and_earning(shipped):
    assert "农村" in shipped.expand("农村人")
    assert "农村" in shipped.expand("村里")
    assert "收入" in shipped.expand("挣钱")
    # one way (a 收入 group split 城里人收入, see synonyms.txt); 种粮不赚钱 is a farm's profit
    assert "挣钱" not in shipped.expand("收入")
    assert "收入" not in shipped.expand("赚钱")


# A task line writing 走廊 three times and a kind of 交通 (高铁), a longer line writing both
# words themselves, a line holding a kind and 里程, and one holding 里程 alone.
TASK = "2031年某省建设方案\n一、通道\n打造东西走廊、南北走廊和沿江走廊，新建高铁300公里。\n"
DEFINED = (
    "2031年某市发展报告\n"
    "一、城市\n"
    "城市更新稳步推进，老旧小区改造有序开展，城市功能品质持续提升，"
    "综合交通走廊串联主要城区，公共服务设施布局不断优化。\n"
)
RAIL = "2030年某县统计公报\n一、运输\n高速公路通车里程达到420公里。\n"
RIVER = "2030年某区统计公报\n一、水利\n河道治理里程达到500公里，治理里程增长10%。\n"
RURAL = "2031年某省政府工作报告\n一、民生\n农村居民人均可支配收入增长6.5%，城镇居民增长4%。\n"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("synonyms43"),
        {
            "province_x_2031_plan.txt": TASK,
            "city_y_2031_report.txt": DEFINED,
            "county_z_2030_stat-bulletin.txt": RAIL,
            "district_w_2030_stat-bulletin.txt": RIVER,
            "province_v_2031_gwr.txt": RURAL,
        },
    )


def _texts(engine, query: str) -> list[str]:
    return [h.text for h in engine.search(query, page_size=5).hits]


def test_a_kind_does_not_count_as_the_word_written(engine):
    # the line writing 交通 and 走廊 themselves ranks above the one holding 走廊 and only a
    # kind of 交通 (高铁), however often it writes 走廊
    texts = _texts(engine, "交通 走廊")
    assert "综合交通走廊" in texts[0]
    assert any("高铁" in t for t in texts[1:])


def test_a_kind_still_adds_to_the_other_words(engine):
    # a kind beside the query's other word ranks above that word alone
    texts = _texts(engine, "交通 里程")
    assert "高速公路" in texts[0]
    assert any("河道" in t for t in texts[1:])
    # and a broader word alone still finds the lines naming only its kinds
    assert any("高速公路" in t for t in _texts(engine, "交通"))


def test_countryside_people_earning(engine):
    assert "农村居民人均可支配收入" in _texts(engine, "农村人 挣钱 多了没")[0]
