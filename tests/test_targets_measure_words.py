"""Things counted in measure words (量词) the unit table long lacked: wells in 眼 and 口,
lamps in 盏, horses in 匹, fish in 尾, buildings in 幢, poles in 根, books in 本, tents
in 顶 (CC-CEDICT's "classifier for …" entries), and the words that start with the same
character (人口, 口岸, 眼科, 根据, 本地 …), which count nothing. All sentences are
invented."""

from __future__ import annotations

import pytest

from bot.corpus.loader import load_document
from bot.models import Document
from bot.targets import TargetRecord, extract_targets
from bot.targets.numbers.units import _UNIT_TABLE, _unit_blocked, without_magnitude

REPORT = "江州县2025年政府工作报告\n"


@pytest.fixture
def figures(tmp_path, table):
    def run(*lines: str) -> set[tuple[float, str]]:
        path = tmp_path / "doc.txt"
        path.write_text(REPORT + "\n".join(lines) + "\n", encoding="utf-8")
        doc: Document = load_document(path, tmp_path, max_bytes=10**7, passage_max_chars=400)
        records: list[TargetRecord] = extract_targets(doc, table)
        return {(r.value, r.unit) for r in records}

    return run


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("去年全县新打抗旱机井37眼，解决了季节性缺水问题。", (37, "眼")),
        ("修建集雨水窖1260眼，惠及山区群众。", (1260, "眼")),
        ("整治小型山塘145口，新增蓄水能力80万立方米。", (145, "口")),
        ("新建饮水安全深井23口。", (23, "口")),
        ("年内新打3口机井，整治病险山塘40口以上。", (3, "口")),
        ("年内新打3口机井，整治病险山塘40口以上。", (40, "口")),
        ("在主干道安装节能路灯3150盏。", (3150, "盏")),
        ("牧区存栏良种马1.2万匹。", (1.2, "万匹")),
        ("向水库投放鱼苗86万尾。", (86, "万尾")),
        ("建成安置住房42幢，全部交付使用。", (42, "幢")),
        ("改造农网线路，更换电杆1800根。", (1800, "根")),
        ("为农家书屋配送图书5.6万本。", (5.6, "万本")),
        ("向受灾群众调运帐篷640顶。", (640, "顶")),
    ],
)
def test_a_thing_counted_in_its_measure_word_is_a_figure(figures, sentence, figure):
    assert figure in figures(sentence)


@pytest.mark.parametrize("unit", ["眼", "口", "盏", "匹", "尾", "幢", "根", "本", "顶"])
def test_each_new_measure_word_counts_things(unit):
    assert _UNIT_TABLE[unit] == (unit, "count")


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("全县共有14口岸通关点。", "口"),
        ("采购500口罩用于防疫。", "口"),
        ("按2020口径计算的总量。", "口"),
        ("5口之家的住房面积。", "口"),
        ("打造xx口滨海旅游目的地。", "口"),
        ("新设3眼科门诊。", "眼"),
        ("依照2024根据文件。", "根"),
        ("引进120本地企业。", "本"),
        ("完成2025本年度任务。", "本"),
        ("开展3尾气检测站建设。", "尾"),
        ("上线12匹配平台。", "匹"),
        ("新建2顶层设计。", "顶"),
    ],
)
def test_the_character_that_starts_another_word_is_no_measure_word(sentence, unit):
    at = sentence.index(unit)
    assert sentence[at - 1].isdigit() or sentence[at - 1] == "x"  # a figure, then the unit
    assert _unit_blocked(sentence, unit, at + len(unit))


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("全县户籍人口52.3万人，常住人口48.6万人。", "口"),
        ("新开通2个边境口岸，口岸货运量增长12%。", "口"),
        ("新增3个红绿灯路口，改造12个路口。", "口"),
        ("高质量建设xx口文旅融合示范区和2口岸经济区。", "口"),
        ("开设眼科门诊5个。", "眼"),
        ("根据规划，新建学校3所。", "根"),
        ("引进本地企业120家。", "本"),
    ],
)
def test_a_false_friend_adds_no_figure_in_that_word(figures, sentence, unit):
    assert not any(u.endswith(unit) for _, u in figures(sentence))


@pytest.mark.parametrize(
    ("unit", "bare"),
    [
        ("亿元", "元"),
        ("万亿元", "元"),
        ("万户", "户"),
        ("万批次", "批次"),
        ("千万元", "元"),  # a table's magnitude as written
        ("百万千瓦", "千瓦"),
        ("万千瓦", "千瓦"),
        ("千瓦时", "千瓦时"),  # 千 starts the unit: no magnitude
        ("千米", "千米"),
        ("千公顷", "千公顷"),
        ("个百分点", "个百分点"),
        ("%", "%"),
        ("", ""),
    ],
)
def test_a_unit_without_its_magnitude(unit: str, bare: str) -> None:
    assert without_magnitude(unit) == bare


def test_one_reading_of_a_units_magnitude_for_answers_and_parts() -> None:
    """The answer in the unit asked, the count in its measure word and a part in its
    whole's measure word read a magnitude the same way (:func:`without_magnitude`)."""
    from bot.library.answers import counted_in, in_unit
    from bot.targets.naming.part_measures import _same_measure_word

    assert in_unit("万亿元", "元") and in_unit("万千瓦", "千瓦") and not in_unit("亿元", "户")
    assert counted_in("万批次", "批次") and counted_in("颗", "颗") and not counted_in("", "颗")
    assert _same_measure_word("万人次", "亿人次") and _same_measure_word("亿元", "万亿元")
    assert not _same_measure_word("万吨", "亿元") and not _same_measure_word("", "")
