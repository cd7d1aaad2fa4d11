"""Chat-style keyword queries (issue 13, ``search-quality32``): a rank asked by the noun
alone (营商环境 排名, 排行, ranking) asks where a place stood, as 排第几 does: the review's
line stating the rank, not the year's task naming the same topic. A compound a document
writes whole only in a chart caption or a data-source note (图1 …粮食总产量) is one its text
writes apart (粮食播种面积…，总产量…): looked for as its words there, not only in other places'
lines writing it whole. Invented texts only."""

from __future__ import annotations

import pytest

from bot.search.asking import asks_past
from tests.conftest import engine_over

REPORT = (
    "2032年青海省政府工作报告\n"
    "一、过去五年工作回顾\n"
    "——这五年，改革开放活力迸发。深化重点领域改革，法治化营商环境指标从全国第18位升至第4位，新增境内上市公司20家。\n"
    "二、2032年工作安排\n"
    "打造一流营商环境。推出新一轮优化营商环境举措，持续规范涉企检查，做优信用青海品牌，提升政务服务效能和营商环境便利度。\n"
)
BULLETIN = (
    "2031年天水市国民经济和社会发展统计公报\n"
    "一、农业\n"
    "全年全市粮食播种面积512.40 万亩，总产量127.06 万吨，增产2.1%。"
    "其中，夏粮播种面积201.30 万亩。\n"
    "图1\t2027-2031 年天水市粮食总产量\n"
    "全年全市油料产量16.43 万吨，比上年增产6.8%。\n"
)
# other cities' lines writing the compound whole: enough to fill a page by themselves
OTHERS = {
    f"city_{pinyin}_2031_stat-bulletin.txt": (
        f"2031年{name}国民经济和社会发展统计公报\n"
        "一、农业\n"
        f"全年全市粮食种植面积{300 + k}.34 万亩，比上年下降0.7%；"
        f"粮食总产量{90 + k}.77 万吨，比上年下降2.3%。\n"
        f"全市粮食总产量连续{k + 3}年稳定在{80 + k}万吨以上，粮食产量保持稳定。\n"
    )
    for k, (pinyin, name) in enumerate(
        [("longnan", "陇南市"), ("dingxi", "定西市"), ("pingliang", "平凉市"), ("wuwei", "武威市")]
    )
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("quality32"),
        {
            "province_qinghai_2032_gwr.txt": REPORT,
            "city_tianshui_2031_stat-bulletin.txt": BULLETIN,
            **OTHERS,
        },
    )


@pytest.mark.parametrize(
    "query",
    ["安徽 营商环境 排名", "四川GDP排名", "外资 排行", "Anhui GDP ranking", "where Sichuan ranks"],
)
def test_the_noun_of_a_rank_asks_where_a_place_stood(query):
    assert asks_past(query)


@pytest.mark.parametrize("query", ["营商环境 改革", "Sichuan GDP growth target", "frank opinion"])
def test_no_rank_no_past(query):
    assert not asks_past(query)


@pytest.mark.parametrize("query", ["青海 营商环境 排名", "青海 法治化营商环境 排名"])
def test_a_rank_asked_finds_the_review_line_stating_it(engine, query):
    r = engine.search(query, page_size=3)
    assert r.hits and "升至第4位" in r.hits[0].text, [h.text for h in r.hits]


@pytest.mark.parametrize(
    "query", ["天水 粮食产量", "天水 2031 粮食总产量", "Tianshui grain output"]
)
def test_a_compound_whole_only_in_a_caption_is_looked_for_apart(engine, query):
    # the caption writes 粮食总产量 whole; the body writes 粮食播种面积…，总产量; another
    # city's line writes it whole and came first
    r = engine.search(query, page_size=3)
    assert r.hits and "总产量127.06 万吨" in r.hits[0].text, [h.text for h in r.hits]


def test_a_compound_the_body_writes_whole_is_still_looked_for_whole(engine):
    # 陇南's body writes 粮食总产量 whole: its two lines, holding it, come first
    r = engine.search("陇南 粮食总产量", page_size=3)
    top = [h.text for h in r.hits[:2]]
    assert all("粮食总产量" in t for t in top), top
    assert any("90.77 万吨" in t for t in top) and any("80万吨以上" in t for t in top), top
