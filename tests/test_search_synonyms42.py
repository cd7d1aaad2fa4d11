"""A user's everyday word against the document's official one (issue 13,
``search-synonyms42``): 扶贫 and 脱贫 answer to each other (the older and the newer name of
one field), 养老钱 is the 养老金 people draw. Invented texts only."""

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


def test_the_older_and_newer_names_reach_each_other(shipped):
    assert "脱贫" in shipped.expand("扶贫")
    assert "扶贫" in shipped.expand("脱贫")


def test_yanglaoqian_is_the_pension_drawn(shipped):
    assert {"养老金", "基本养老金"} <= set(shipped.expand("养老钱"))
    assert "养老钱" in shipped.expand("养老金")


# An old county report writing 扶贫, a new province's report writing 脱贫, and a plan's line
# holding only the query's other word (成果).
REVIEW = "2031年某省政府工作报告\n一、民生\n脱贫攻坚成果持续巩固，监测对象稳定消除返贫风险。\n"
PLAN = (
    "2031年某市综合发展规划\n"
    "一、民生成果\n"
    "文化惠民工程成果丰硕，惠民成果覆盖城乡，新建图书馆3座。\n"
)
OLD = "2016年某县政府工作报告\n一、农村\n扎实推进精准扶贫，全年减少贫困人口1.2万人。\n"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("synonyms42"),
        {
            "province_x_2031_gwr.txt": REVIEW,
            "city_y_2031_plan.txt": PLAN,
            "county_z_2016_gwr.txt": OLD,
        },
    )


def _texts(engine, query: str) -> list[str]:
    return [h.text for h in engine.search(query, page_size=5).hits]


def test_fupin_and_tuopin_find_each_other(engine):
    # each above the lines holding only the query's other word (成果; 减少) or, less, the one
    # writing the name typed without the other word
    assert "脱贫攻坚成果" in _texts(engine, "扶贫 成果")[0]
    assert "精准扶贫" in _texts(engine, "脱贫 减少")[0]
