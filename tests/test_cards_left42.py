"""What the card lanes left, cards-left42 (issue 13): a record that shares only the measure's
end with the figure asked (覆盖率 of 森林覆盖率, 业务量 of 快递业务量) is no answer to it, and
an annual (production) capacity asked in English is the reports' 年产能, and a result asked with
no year of a figure named by another of its names (农村居民收入 增长了多少) is carded from the
first passage. Invented texts only."""

from __future__ import annotations

import pytest

from bot.library.answering import _owner_missing
from bot.text.english import english_terms
from tests.conftest import engine_over
from tests.factories import target_record

REPORT = (
    "某省2026年政府工作报告\n"
    "一、2025年工作回顾\n"
    "生态环境持续改善，空气质量优良天数比例达到96%。\n"
    "二、2026年主要目标\n"
    "农村生活污水治理率达60%，农村生活垃圾收运体系村民小组覆盖率不低于97%。\n"
)
BULLETIN = (
    "某州2023年国民经济和社会发展统计公报\n"
    "全年全州生产总值1300亿元，比上年增长4.1%。\n"
    "全州城镇常住居民人均可支配收入38000元，比上年增长4.2%；"
    "全州农村常住居民人均可支配收入14200元，比上年增长8.1%。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("cl42"), {"report.txt": REPORT, "bulletin.txt": BULLETIN}
    )


def test_a_measure_of_another_thing_is_no_card(engine):
    # 森林覆盖率 is asked whole; the report states no forest cover, only the garbage
    # collection's 覆盖率: no card, not that one
    card = engine.search("2026年森林覆盖率目标多少", page_size=3).answer
    assert card is None or "森林" in card.indicator
    card = engine.search("2026年农村生活垃圾收运体系村民小组覆盖率目标多少", page_size=3).answer
    assert card is not None and card.value_text == "97"


def test_the_owner_missing():
    garbage = target_record("农村生活垃圾收运体系村民小组覆盖率")
    assert _owner_missing("森林覆盖率", garbage, "今年森林覆盖率目标多少")
    assert _owner_missing("快递业务量", target_record("EF账户业务量"), "快递业务量增长多少")
    # a part of the owner said (城镇) keeps the record; the owner whole keeps it
    assert not _owner_missing("城镇调查失业率", target_record("城镇登记失业率"), "城镇调查失业率")
    assert not _owner_missing("森林覆盖率", target_record("全省森林覆盖率"), "森林覆盖率")
    # an owner the table's name adds to what was typed is none asked (公益性岗位 typed)
    assert not _owner_missing(
        "乡村公益性岗位", target_record("城镇公益性岗位"), "公益性岗位 开发几个"
    )
    # no measure's end shared, or no figure asked: the rule says nothing
    assert not _owner_missing("森林覆盖率", target_record("造林面积"), "森林覆盖率")
    assert not _owner_missing(None, garbage, "覆盖率")


def test_annual_capacity_in_english_is_nian_chan_neng():
    for text in ("satellite annual production capacity 2025", "satellites annual capacity"):
        assert "年产能" in [term for _, _, term in english_terms(text)]


def test_a_result_named_by_another_name_with_no_year(engine):
    # 农村居民收入 is the table's 农村居民人均可支配收入 by its synonyms: the first passage's
    # record of it answers, however the question goes on after its first clause
    card = engine.search("农村居民收入增长了多少，和全省平均比", page_size=3).answer
    assert card is not None and card.value_text == "8.1"
