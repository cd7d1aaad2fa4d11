"""Measures named in English as the NBS's English communiqué and the work report's official
translation name them (english-glossary): a query's English words are read as the Chinese
measure, and a record of the measure is named in English in a reply, through the real
glossary and indicator table."""

from __future__ import annotations

import pytest

from bot.digest.english import indicator_name, said_indicator
from bot.text.english import with_chinese_terms


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("value added of the primary industry Yunnan", "第一产业增加值 Yunnan"),
        ("tertiary industry value added 2023", "第三产业增加值 2023"),
        ("Chengdu hogs slaughtered", "Chengdu 生猪出栏"),
        ("turnover of technology contracts Anhui", "技术合同成交额 Anhui"),
        ("floor space of commercial buildings sold", "商品房销售面积"),
        ("industrial profits Guizhou", "规模以上工业企业利润总额 Guizhou"),
        ("summer grain output", "夏粮产量"),
        ("container throughput Shenzhen", "集装箱吞吐量 Shenzhen"),
        ("rundown urban areas renovated", "棚户区 renovated"),
        ("ammonia nitrogen Chengdu", "氨氮 Chengdu"),
        ("inbound overnight tourists", "入境过夜游客"),
        ("Shanghai space information 2025", "Shanghai 空间信息 2025"),
        ("container liner routes", "集装箱 航线"),
        ("motor vehicles", "机动车"),
        ("yunnan urban sewage treatment", "yunnan urban 污水处理"),
        ("anhui overseas warehouses", "anhui 海外仓"),
    ],
)
def test_english_measure_is_read_as_its_chinese_term(typed: str, read: str) -> None:
    assert with_chinese_terms(typed) == read


def test_a_shorter_form_inside_a_longer_measure_keeps_its_own_reading() -> None:
    # grain output alone stays the total; the season is one measure of its own
    assert with_chinese_terms("grain output") == "粮食产量"
    assert with_chinese_terms("autumn grain output") == "秋粮产量"
    # a form another term read first keeps its reading: tax revenue is still 税收's
    assert with_chinese_terms("tax revenue") == "税收"
    assert with_chinese_terms("hospital") == "医疗"


@pytest.mark.parametrize(
    ("name", "english"),
    [
        ("第二产业增加值", "value added of the secondary industry"),
        ("实际使用外资", "foreign capital actually used"),
        ("规模以上工业企业", "industrial enterprises above designated size"),
        ("农村公路", "rural roads"),
        ("房地产开发投资", "investment in real estate development"),
        ("水产品产量", "output of aquatic products"),
        # named in English though the search reads the form as another term
        ("税收收入", "tax revenue"),
        ("研发经费支出", "R&D expenditure"),
        ("重点项目", "key projects"),
    ],
)
def test_record_of_the_measure_is_named_in_english(name: str, english: str) -> None:
    assert indicator_name(name) == english
    assert said_indicator(name, "en") == english
    assert said_indicator(name, "zh") == name


def test_a_one_off_name_stays_chinese() -> None:
    # no guessed translation of a report's own names
    assert indicator_name("民生实事") is None
    assert said_indicator("民生实事", "en") == "民生实事"
