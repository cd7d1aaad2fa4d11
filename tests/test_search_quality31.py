"""Colloquial questions of a change (issue 13, ``search-quality31``): a one-character verb of
change with 了 or 到 (粮食产量降了多少, 涨了, 降到) is how the question asks, never a typo to
correct into the corpus's phrase around it; geographical indication is the reports' 地理标志.
Invented texts only."""

from __future__ import annotations

import pytest

from bot.search.asking import change_reads
from bot.search.correct import _changes
from bot.search.shares import asks_share, only_as_whole
from tests.conftest import engine_over

BULLETIN = (
    "2031年天水市国民经济和社会发展统计公报\n"
    "一、农业\n"
    "全年农林牧渔业总产值312.4亿元，比上年增长3.1%。粮食产量127.0万吨，下降1.6%；蔬菜产量增长2.2%。\n"
    "二、工业\n"
    "全年规模以上工业增加值比上年增长6.1%。\n"
    "三、农产品质量\n"
    "年底全市有效期内绿色食品86个，地理标志农产品5个。\n"
    "全市地理信息产业加快发展，新设立交通标志标线1200处。\n"
)
NATIONAL = (
    "2031年政府工作报告\n"
    "今年粮食产量要稳定在1.4万亿斤以上，保障粮食安全和主要农产品供给。\n"
    "粮食产量要保持稳定，扛稳粮食安全责任。\n"
    "今年居民消费价格涨幅2%左右。\n"
    "国内生产总值核算制度改革稳步推进，国内生产总值统一核算全面实施。\n"
    "过去一年，国内生产总值达到150万亿元，比上年增长4.8%。\n"
)

REPORT = (
    "2032年青海省政府工作报告\n"
    "一、2031年工作回顾\n"
    "过去一年，数字经济核心产业增加值占全省地区生产总值比重达到10%，服务业增加值占地区生产总值比重达到55%。\n"
    "过去一年，全省经济运行稳中有进、进中向好，地区生产总值达到4100亿元，增长5.2%，城乡居民收入稳步增长，就业形势总体稳定，物价保持平稳。\n"
)

DOCS = {
    "city_tianshui_2031_stat-bulletin.txt": BULLETIN,
    "national_china_2031_gwr.txt": NATIONAL,
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("quality31"), DOCS)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("quality31_shares"),
        {"province_qinghai_2032_gwr.txt": REPORT, **DOCS},
    )


def _w(*words: str) -> list[tuple[str, int, int]]:
    out, at = [], 0
    for w in words:
        out.append((w, at, at + len(w)))
        at += len(w)
    return out


def test_a_verb_of_change_with_le_or_dao_is_meant():
    assert _changes(_w("粮食产量", "降", "了", "多少")) == {1}
    assert _changes(_w("gdp", "涨", "了")) == {1}
    assert _changes(_w("产量", "增了", "多少")) == {1}
    assert _changes(_w("价格", "降到", "多少")) == {1}


def test_a_verb_of_change_without_le_or_dao_is_left_to_correction():
    # 降 alone may be half of a typo (降水 typed 降睡); 下降 is a word of its own
    assert _changes(_w("粮食产量", "降", "多少")) == set()
    assert _changes(_w("粮食产量", "下降", "了")) == set()
    assert _changes(_w("增加", "了")) == set()


@pytest.mark.parametrize(
    "query",
    ["天水2031年粮食产量降了多少", "天水粮食产量降了", "天水2031年粮食产量涨了多少"],
)
def test_a_change_asked_colloquially_is_not_corrected_away(engine, query):
    r = engine.search(query, page_size=3)
    assert not r.corrections, r.corrections
    assert r.hits and "粮食产量127.0万吨" in r.hits[0].text, [h.text for h in r.hits]


def test_geographical_indication_is_the_reports_term(engine):
    # word by word the English read as 点子 and nothing; the decoy writes 地理 and 标志 apart
    for query in ("Tianshui geographical indication products", "geographic indications 2031"):
        r = engine.search(query, page_size=3)
        assert r.hits and "地理标志农产品5个" in r.hits[0].text, [h.text for h in r.hits]


def test_a_verb_of_change_framing_a_count_reads_as_the_documents_verb():
    assert change_reads(_w("gdp", "涨", "了", "多少")) == ["增长"]
    assert change_reads(_w("粮食产量", "降", "了", "多少")) == ["下降"]
    assert change_reads(_w("价格", "降到", "多少")) == ["下降"]
    assert change_reads(_w("从", "多少", "涨到", "多少")) == ["增长"]
    # no count asked, or a two-character verb the documents write: nothing added
    assert change_reads(_w("粮食产量", "降", "了")) == []
    assert change_reads(_w("提高到", "多少")) == []


def test_gdp_zhang_le_duoshao_finds_the_growth_line(engine):
    # 涨 left out as a word kept only GDP; a line naming GDP twice came before its growth
    r = engine.search("全国GDP涨了多少", page_size=3)
    assert r.hits and "比上年增长4.8%" in r.hits[0].text, [h.text for h in r.hits]


def test_a_word_named_only_as_the_whole_of_a_share():
    assert only_as_whole("数字经济核心产业增加值占国内生产总值比重达到10%", ("国内生产总值",))
    assert only_as_whole("四大主导产业占gdp比重提高", ("gdp", "地区生产总值"))
    # 占国内 before the 生产总值 a query's GDP is read as, 占全省 before 地区生产总值
    assert only_as_whole("研发经费占国内生产总值2.7%", ("生产总值",))
    assert only_as_whole("增加值占全省地区生产总值比重", ("地区生产总值",))
    # named as itself too, or not at all: no whole
    assert not only_as_whole(
        "地区生产总值增长5%，工业增加值占地区生产总值比重25%", ("地区生产总值",)
    )
    assert not only_as_whole("粮食产量稳定", ("地区生产总值",))
    assert not only_as_whole("地区生产总值占全国的比重", ("地区生产总值",))


def test_a_query_asking_a_share_means_the_whole():
    assert asks_share("研发投入占GDP比重")
    assert asks_share("数字经济 占比")
    assert asks_share("digital economy share of GDP")
    assert not asks_share("青海 2031年 地区生产总值")


@pytest.mark.parametrize("query", ["青海 2031年 地区生产总值", "青海GDP去年涨了多少"])
def test_the_line_of_the_whole_itself_comes_before_a_share_of_it(report, query):
    r = report.search(query, page_size=3)
    assert r.hits and "地区生产总值达到4100亿元" in r.hits[0].text, [h.text for h in r.hits]


def test_a_share_asked_still_finds_the_share(report):
    r = report.search("青海 数字经济核心产业增加值占地区生产总值比重", page_size=3)
    assert r.hits and "比重达到10%" in r.hits[0].text, [h.text for h in r.hits]
