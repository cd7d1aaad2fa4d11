"""End-to-end extraction on small documents: names, values, kinds, years, verbatim text."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest

from bot.corpus.loader import load_document
from bot.models import Document
from bot.targets import TargetRecord, extract_targets


@pytest.fixture
def make_doc(tmp_path):
    """Write ``text`` to a file and load it the way the indexer does."""

    def make(text: str, name: str = "doc.txt") -> Document:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return load_document(path, tmp_path, max_bytes=10_000_000, passage_max_chars=400)

    return make


def simple(records: list[TargetRecord]) -> list[tuple]:
    return [(r.indicator, r.value, r.unit, r.kind) for r in records]


REPORT = """政府工作报告

一、2023年工作回顾

预计全年地区生产总值增长6.5%左右，经济总量突破1万亿元；规模以上工业增加值增长11.5%左右。完成一般公共预算收入673.9亿元，增长6.1%。新改扩建中小学33所。

二、2024年工作总体要求和主要预期目标

今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，一般公共预算收入增长4.5%左右，社会消费品零售总额增速高于全省平均水平，主要经济指标增速高于全国平均水平。

三、2024年重点工作

新改扩建中小学33所。港口货物吞吐量、集装箱吞吐量分别达到5亿吨、480万标箱。城乡低保标准分别提高5%和7.4%。
"""


def test_review_estimates_achievements_and_targets(make_doc, table):
    got = extract_targets(make_doc(REPORT), table)
    assert simple(got) == [
        ("地区生产总值", 6.5, "%", "estimate"),
        ("地区生产总值", 1.0, "万亿元", "estimate"),
        ("规模以上工业增加值", 11.5, "%", "estimate"),  # 预计 reaches across ；
        ("一般公共预算收入", 673.9, "亿元", "achievement"),
        ("一般公共预算收入", 6.1, "%", "achievement"),  # named by the previous figure
        ("中小学", 33.0, "所", "achievement"),
        ("地区生产总值", 5.5, "%", "target"),
        ("一般公共预算收入", 4.5, "%", "target"),
        ("社会消费品零售总额", None, "", "target"),  # a comparison without a number
        ("中小学", 33.0, "所", "target"),
        ("港口货物吞吐量", 5.0, "亿吨", "target"),
        ("集装箱吞吐量", 480.0, "万标箱", "target"),
        ("城市低保标准", 5.0, "%", "target"),
        ("农村低保标准", 7.4, "%", "target"),
    ]


def test_same_sentence_is_a_result_in_review_and_a_goal_in_plan(make_doc, table):
    got = [r for r in extract_targets(make_doc(REPORT), table) if r.indicator == "中小学"]
    assert [(r.kind, r.year, r.section, r.change) for r in got] == [
        ("achievement", "2023", "一、2023年工作回顾", "新改扩建"),
        ("target", "2024", "三、2024年重点工作", "新改扩建"),
    ]


def test_fields_of_a_multi_target_sentence(make_doc, table):
    got = extract_targets(make_doc(REPORT), table)
    gdp = next(r for r in got if r.value == 5.5)
    assert gdp.to_dict() == {
        "doc": "doc.txt",
        "section": "二、2024年工作总体要求和主要预期目标",
        "sentence": "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，"
        "一般公共预算收入增长4.5%左右，社会消费品零售总额增速高于全省平均水平，"
        "主要经济指标增速高于全国平均水平。",
        "indicator": "地区生产总值",
        "value": 5.5,
        "value_text": "5.5",
        "unit": "%",
        "qualifier": "左右",
        "change": "增长",
        "year": "2024",  # 今年 is the report's year
        "region": "",
        "kind": "target",
        "masked": False,
        "confidence": 1.0,
    }
    comparison = next(r for r in got if r.value is None)
    assert (comparison.value_text, comparison.qualifier, comparison.change) == ("", "高于", "增长")
    # the vague 主要经济指标增速高于… is left out
    assert not any("指标" in r.indicator for r in got)


def test_every_sentence_and_value_text_is_copied_from_the_document(make_doc, table):
    doc = make_doc(REPORT)
    for rec in extract_targets(doc, table):
        assert rec.sentence in doc.text
        assert rec.value_text in rec.sentence
        assert "\n" not in rec.sentence


def test_bulletin_reports_only_achievements(make_doc, table):
    text = (
        "江州市2024年国民经济和社会发展统计公报\n\n一、综合\n\n"
        "初步核算，全年全市地区生产总值6532.8亿元，按不变价格计算，比上年增长5.6%。"
        "全年居民消费价格比上年上涨0.4%。年末全市常住人口635.2万人，比上年末增加2.1万人。\n"
    )
    got = extract_targets(make_doc(text), table)
    assert simple(got) == [
        ("地区生产总值", 6532.8, "亿元", "achievement"),
        ("地区生产总值", 5.6, "%", "achievement"),
        ("居民消费价格", 0.4, "%", "achievement"),
        ("常住人口", 635.2, "万人", "achievement"),
        ("常住人口", 2.1, "万人", "achievement"),
    ]
    assert {r.year for r in got} == {"2024"}  # 全年 is the bulletin's year


def test_goal_list_after_a_lead_in(make_doc, table):
    text = (
        "二、认清形势\n\n"
        "国家级创新平台达到45家，外贸进出口额占全省30%以上。\n"
        "未来五年奋斗目标是：\n"
        "——经济实力实现新跨越。地区生产总值突破2万亿元。\n"
        "——科技创新能力得到新提升。研发经费投入强度达到3.5%，高新技术企业数量实现倍增。\n"
    )
    got = extract_targets(make_doc(text), table)
    assert simple(got) == [
        ("国家级创新平台", 45.0, "家", "achievement"),  # a present asset
        ("外贸进出口总额占全省比重", 30.0, "%", "achievement"),
        ("地区生产总值", 2.0, "万亿元", "target"),
        ("研发经费投入强度", 3.5, "%", "target"),
        ("高新技术企业", 2.0, "倍", "target"),
    ]
    assert [r.year for r in got[2:]] == ["未来五年"] * 3


def test_speech_without_review_or_plan_headings(make_doc, table):
    text = (
        "## 书记谈落实\n\n"
        "该区将全力推进总投资2000亿元的101个海洋重点项目，全年海洋生产总值增长10%以上。"
        "用好全区10所三甲医院等优质资源。今年以来，已新增市场主体4200户。\n"
    )
    got = extract_targets(make_doc(text), table)
    assert simple(got) == [
        ("海洋重点项目总投资", 2000.0, "亿元", "target"),
        ("海洋重点项目", 101.0, "个", "target"),
        ("海洋生产总值", 10.0, "%", "target"),
        ("三甲医院", 10.0, "所", "achievement"),  # 用好: a stock, not a goal
        ("市场主体", 4200.0, "户", "achievement"),  # 已: done
    ]


def test_years_written_in_the_sentence_decide(make_doc, table):
    text = (
        "同志们：\n2022年产值过千亿元产业增至*个，力争2023年2千亿级产业达到*个，"
        "2025年培育形成*个3千亿级产业。\n"
    )
    got = extract_targets(make_doc(text), table)
    assert [(r.indicator, r.year, r.kind, r.masked) for r in got] == [
        ("千亿级产业", "2022", "achievement", True),
        ("2千亿级产业", "2023", "target", True),
        ("3千亿级产业", "2025", "target", True),
    ]


def test_chinese_numerals_ranges_and_doubling(make_doc, table):
    text = (
        "第二章 主要目标\n\n"
        "到二〇三五年，经济总量翻一番。力争城镇化率提高百分之五，每个园区打造1-2个主导产业，"
        "人口出生率保持在7‰以上。\n"
    )
    got = extract_targets(make_doc(text), table)
    assert [(r.indicator, r.value, r.value_max, r.unit, r.kind) for r in got] == [
        ("地区生产总值", 2.0, None, "倍", "target"),
        ("常住人口城镇化率", 5.0, None, "%", "target"),
        ("主导产业", 1.0, 2.0, "个", "target"),
        ("人口出生率", 7.0, None, "‰", "target"),
    ]
    assert got[0].year == "2035"


def test_unseen_indicators_get_the_documents_own_words(make_doc, table):
    text = (
        "三、2025年重点工作\n\n城镇调查失业率控制在5.5%以内，居民消费价格涨幅3%左右，"
        "单位地区生产总值能耗降低2.5%左右，新建5G基站1.5万个，新增义务教育学位5万个。\n"
    )
    got = extract_targets(make_doc(text), table)
    assert [(r.indicator, r.value, r.unit) for r in got] == [
        ("城镇调查失业率", 5.5, "%"),
        ("居民消费价格", 3.0, "%"),
        ("单位地区生产总值能耗", 2.5, "%"),
        ("5G基站", 1.5, "万个"),
        ("义务教育学位", 5.0, "万个"),
    ]


def test_html_like_text_is_kept_verbatim(make_doc, table):
    text = "三、2024年重点工作\n\n<b>新增城镇就业10万人以上</b>，R&D经费投入增长10%。\n"
    got = extract_targets(make_doc(text), table)
    assert got[0].indicator == "新增城镇就业"
    assert {r.sentence for r in got} == {"<b>新增城镇就业10万人以上</b>，R&D经费投入增长10%。"}


def test_excluded_figures_give_no_record(make_doc, table):
    text = (
        "市十七届人大二次会议应到代表561名，出席全体会议的402名，符合法定人数。\n"
        "党的二十大报告中，“人民”二字出现105次。\n"
        "全力做强4大主导产业、7条重点产业链，再引进一批20亿元、50亿元重大项目。\n"
    )
    assert extract_targets(make_doc(text), table) == []


def test_pure_when_a_table_is_given(make_doc, table, monkeypatch):
    doc = make_doc(REPORT)

    def no_io(*args, **kwargs):
        raise AssertionError("extract_targets must not open files when given a table")

    monkeypatch.setattr(builtins, "open", no_io)
    monkeypatch.setattr(Path, "open", no_io)
    monkeypatch.setattr(Path, "read_text", no_io)
    monkeypatch.setattr(Path, "read_bytes", no_io)
    assert extract_targets(doc, table)


def test_default_table_is_used_without_one(make_doc):
    got = extract_targets(make_doc("三、2024年重点工作\n\n规上工业增加值增长7%左右。\n"))
    assert [r.indicator for r in got] == ["规模以上工业增加值"]


def test_record_round_trip():
    rec = TargetRecord(
        doc="d.txt",
        section="",
        sentence="每个园区打造1-2个主导产业。",
        indicator="主导产业",
        value=1.0,
        value_text="1-2",
        unit="个",
        qualifier="",
        change="打造",
        year="",
        region="",
        kind="target",
        value_max=2.0,
    )
    data = rec.to_dict()
    assert data["value"] == 1 and isinstance(data["value"], int)
    assert data["value_max"] == 2
    assert TargetRecord.from_dict(data) == rec
    no_range = TargetRecord.from_dict({**data, "value_max": None, "value": 5.5})
    assert "value_max" not in no_range.to_dict()
    with pytest.raises(ValueError):
        TargetRecord.from_dict({**data, "kind": "plan"})
    with pytest.raises(ValueError):
        TargetRecord.from_dict({**data, "colour": "red"})


def test_extraction_stops_at_its_time_limit_keeping_what_it_found(
    make_doc, table, tmp_path, monkeypatch, caplog
):
    """Issue 14: a document's key targets are extracted within a time budget
    (``store.EXTRACT_SECONDS``, asked per paragraph); past it the records found so far
    are kept, with a log line naming the limit. A clock that moves 1 s a look."""
    from bot.config import PROJECT_ROOT
    from bot.targets import store as store_module
    from bot.targets.store import TargetStore, load_targets

    doc = make_doc("\n\n".join(f"第{n}项：地区生产总值增长{n}.5%。" for n in range(1, 9)))
    full = extract_targets(doc, table)
    assert len(full) == 8
    ticks = iter(range(10**6))
    monkeypatch.setattr(store_module, "_clock", lambda: float(next(ticks)))
    monkeypatch.setattr(store_module, "EXTRACT_SECONDS", 3)
    store = TargetStore(tmp_path / "cache", PROJECT_ROOT / "config" / "indicators.toml")
    (tmp_path / "cache").mkdir()
    with caplog.at_level("WARNING", logger="bot.targets.store"):
        store.derive(doc)
    kept = load_targets(tmp_path / "cache", doc.doc_id)
    assert simple(kept) == simple(full[:3])  # started at 0; paragraphs at 1, 2, 3
    assert "time limit (3 s)" in caplog.text and "3 records kept" in caplog.text


BULLETIN_SHARES = """某县2024年国民经济和社会发展统计公报

全县茶叶产量约占全市的三分之一。全县工业增加值占全市的四分之一。

我县是全省6个农业现代化示范县之一。
"""


def test_a_share_in_a_word_fraction_is_a_figure_not_one_of_many(make_doc, table):
    # 占全市的三分之一: the 之一 is the fraction's own, not "one of" a counted set
    got = extract_targets(make_doc(BULLETIN_SHARES), table)
    shares = [(r.value, r.value_text, r.unit) for r in got if r.unit == "%"]
    assert shares == [(33.33, "三分之一", "%"), (25.0, "四分之一", "%")]
    assert all(r.confident for r in got if r.unit == "%")
    # …while a county that is one of six stays no figure of its own
    assert not [r for r in got if r.value == 6]


def test_a_share_of_working_time_is_no_figure(make_doc, table):
    text = (
        "某市2025年政府工作报告\n\n二、2025年重点工作\n\n"
        "各级领导干部要把三分之二以上的时间用于抓落实。党员干部拿出一半以上精力抓招商。\n"
    )
    assert extract_targets(make_doc(text), table) == []
