"""A digest keyword is about what a figure measures, not the sentence it sits in
(trial-left7 #2: /subscribe 粮食 brought GDP, foreign trade and revenue records, because a
report's main-targets sentence lists every indicator). Invented records only."""

from __future__ import annotations

import pytest

from bot.config import PROJECT_ROOT
from bot.digest import matches, parse_filter
from bot.targets.indicators import IndicatorTable, default_table
from bot.targets.records import TargetRecord
from bot.text.synonyms import Synonyms
from tests.factories import target_record

# an invented list sentence of a report's main targets, several indicators in it
LIST = (
    "明年发展的主要目标是：全市生产总值增长6%左右，粮食总产量保持在80万吨以上，"
    "外贸进出口总额增长3%，一般公共预算收入增长4%。"
)


@pytest.fixture(scope="module")
def table() -> IndicatorTable:
    return default_table()


@pytest.fixture(scope="module")
def synonyms() -> Synonyms:
    return Synonyms.from_files([PROJECT_ROOT / "config" / "dictionaries" / "synonyms.txt"])


def _rec(indicator: str, sentence: str = LIST, **kw) -> TargetRecord:
    data = {"doc": "x.txt", "section": "一、总体要求", "value": 6.0, "value_text": "6"}
    data.update(kw)
    return target_record(indicator, sentence=sentence, **data)


def _kept(text: str, records, table, synonyms) -> list[str]:
    f = parse_filter(text)
    return [r.indicator for r in records if matches(r, None, f, synonyms, table=table)]


def test_a_list_sentence_naming_the_keyword_gives_only_the_record_it_measures(table, synonyms):
    records = [
        _rec("地区生产总值", change="增长"),
        _rec("粮食产量", value=80, unit="万吨", qualifier="以上"),
        _rec("外贸进出口总额", change="增长"),
        _rec("一般公共预算收入", change="增长"),
    ]
    assert _kept("粮食", records, table, synonyms) == ["粮食产量"]
    assert _kept("进出口", records, table, synonyms) == ["外贸进出口总额"]
    # a keyword that names a family keeps the family, not its sentence's neighbours
    assert _kept("GDP", records, table, synonyms) == ["地区生产总值"]


def test_a_generic_name_is_matched_by_its_sentence(table, synonyms):
    """总量 says nothing of what it counts: the sentence does (粮食)."""
    grain = _rec("总量", sentence="粮食生产稳中有增，总量达到95万吨。", value=95, unit="万吨")
    steel = _rec("总量", sentence="钢材产能有序压减，总量控制在300万吨。", value=300)
    assert _kept("粮食", [grain, steel], table, synonyms) == ["总量"]
    assert matches(grain, None, parse_filter("粮食"), synonyms, table=table)
    assert not matches(steel, None, parse_filter("粮食"), synonyms, table=table)


def test_the_indicators_group_label_holds_the_keyword(table, synonyms):
    """农业 is in the label of the 农业农村 group: its indicators, not GDP beside them."""
    pigs = _rec("生猪出栏", sentence="生猪出栏120万头，地区生产总值增长5%。", value=120)
    gdp = _rec("地区生产总值", sentence="农业稳产增产，地区生产总值增长5%。")
    assert _kept("农业", [pigs, gdp], table, synonyms) == ["生猪出栏"]
    assert _kept("agriculture", [pigs, gdp], table, synonyms) == ["生猪出栏"]


def test_the_records_own_words_and_its_section_still_count(table, synonyms):
    """增长 is the record's own change word; a section heading is about one topic."""
    gdp = _rec("地区生产总值", change="增长")
    farmland = _rec("高标准农田", sentence="新建高标准农田5万亩。", section="三、保障粮食安全")
    assert _kept("增长", [gdp], table, synonyms) == ["地区生产总值"]
    assert _kept("粮食", [farmland], table, synonyms) == ["高标准农田"]


def test_indicator_terms_and_required_words_keep_their_meaning(table, synonyms):
    """``indicator:`` looks at the name only, as before; ``+word`` still looks in the
    sentence and the metadata (a required word narrows, it does not select)."""
    records = [_rec("地区生产总值", change="增长"), _rec("粮食产量", value=80)]
    assert _kept("indicator:粮食", records, table, synonyms) == ["粮食产量"]
    assert _kept("+粮食", records, table, synonyms) == ["地区生产总值", "粮食产量"]


def test_a_named_indicator_the_table_does_not_know_is_not_matched_by_its_sentence(table, synonyms):
    """失业率 found 全员劳动生产率 and 劳动报酬 (trial-left10): names the table does not
    know but that say what they measure are not generic, so a list sentence that also
    holds 失业率 is other figures' text, not theirs."""
    sentence = "城镇调查失业率控制在5.5%以内，全员劳动生产率增长6%，人均劳动报酬稳步提高。"
    records = [
        _rec("城镇调查失业率", sentence=sentence, value=5.5, unit="%", qualifier="以内"),
        _rec("全员劳动生产率", sentence=sentence, change="增长"),
        _rec("人均劳动报酬", sentence=sentence, change="提高"),
    ]
    assert _kept("失业率", records, table, synonyms) == ["城镇调查失业率"]
    assert _kept("unemployment rate", records, table, synonyms) == ["城镇调查失业率"]
    assert _kept("劳动生产率", records, table, synonyms) == ["全员劳动生产率"]


@pytest.mark.parametrize("name", ["总量", "增速", "年均增速", "增幅", "规模"])
def test_a_measure_word_alone_is_still_generic(table, synonyms, name):
    """A name that is only how much (年均增速) still takes its sentence's subject."""
    grain = _rec(name, sentence=f"粮食生产稳中有增，{name}达到5%。", value=5, unit="%")
    assert _kept("粮食", [grain], table, synonyms) == [name]


def test_a_keyword_naming_a_known_indicator_holds_its_family_only(table):
    """CPI's synonym 物价 is in the label of the 消费与物价 group, GDP's 经济总量 is the
    label of its group: as keywords they brought retail sales, tourism and the three
    sectors' value added. A keyword the table knows reads as ``indicator:`` does."""
    synonyms = Synonyms([("CPI", "居民消费价格", "物价"), ("GDP", "地区生产总值", "经济总量")])
    records = [
        _rec("居民消费价格", sentence="居民消费价格涨幅3%左右，社会消费品零售总额增长6%。"),
        _rec("社会消费品零售总额", sentence="社会消费品零售总额增长6%。", change="增长"),
        _rec("旅游接待人数", sentence="旅游接待人数增长8%。", change="增长"),
        _rec("地区生产总值", change="增长"),
        _rec("第三产业增加值", sentence="第三产业增加值增长5%。", change="增长"),
        _rec("单位地区生产总值能耗", sentence="单位地区生产总值能耗下降3%。", change="下降"),
    ]
    assert _kept("CPI", records, table, synonyms) == ["居民消费价格"]
    assert _kept("GDP", records, table, synonyms) == ["地区生产总值"]
    # the same as indicator: reads them
    assert _kept("indicator:CPI", records, table, synonyms) == ["居民消费价格"]
    # a word no indicator is named by still finds the group by its label
    assert _kept("物价", records[:3], table, Synonyms()) == [
        "居民消费价格",
        "社会消费品零售总额",
        "旅游接待人数",
    ]


def test_a_known_indicator_keyword_ignores_a_section_about_its_topic(table, synonyms):
    """A section titled with the indicator is about a topic; a generic name's sentence
    still tells what the figure is (总量 of GDP)."""
    section = "二、稳定地区生产总值增长"
    parks = _rec("产业园区", sentence="新建产业园区3个。", section=section, value=3, unit="个")
    total = _rec("总量", sentence="地区生产总值总量突破1万亿元。", value=1, unit="万亿元")
    assert _kept("GDP", [parks, total], table, synonyms) == ["总量"]
    # a free word still finds its section
    assert _kept("增长", [parks], table, synonyms) == ["产业园区"]
