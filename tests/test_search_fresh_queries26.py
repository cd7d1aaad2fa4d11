"""What the twenty-ninth judged batch's first sight taught (search-quality29): English
policy phrases the dictionary reads word by word (open source, fresh cut flowers, data
trading) read as the terms reports write. Invented texts."""

from __future__ import annotations

import pytest

from tests.conftest import engine_over


# -- English policy phrases the dictionary reads word by word ------------------------------
@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("open source ecosystem", "开源 生态"),
        ("open-source software", "开源 软件"),
        ("fresh cut flowers Yunnan", "鲜切花 Yunnan"),
        ("cut flower exports", "鲜切花 出口"),
        ("data trading platform", "数据交易 platform"),
    ],
)
def test_the_glossary_reads_the_phrase_as_one_term(typed, read):
    from bot.text.english import with_chinese_terms

    assert with_chinese_terms(typed) == read


REPORT = (
    "2031年白河市政府工作报告\n"
    "一、过去一年工作回顾\n"
    "软件产业加快发展，培育开源社区和开源项目，建设具有本地特色的开源生态。\n"
    "花卉产业提质增效，鲜切花种植面积扩大到12万亩，出口来源地增加到20个。\n"
    "建设数据交易中心，探索搭建数据交易、数据共享一体化平台。\n"
    "二、今年工作安排\n"
    # lines holding the words' everyday readings, and not the terms
    "打开生态产品来源渠道，生态旅游突出本地特色，生态环境持续改善。\n"
    "新鲜花卉剪切包装中心建成，花卉种植面积扩大到3万亩。\n"
    "建设商业数据平台，发展数字贸易，数据平台服务商业贸易企业。\n"
)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("fresh26gl"), {"city_baihe_2031_gwr.txt": REPORT})


@pytest.mark.parametrize(
    ("query", "line"),
    [
        # word by word the dictionary gave 打开/来源/特色 for open, source, characteristics
        ("open source ecosystem with local characteristics", "建设具有本地特色的开源生态"),
        ("fresh cut flowers planting area", "鲜切花种植面积扩大到12万亩"),
        ("data trading platform", "探索搭建数据交易、数据共享一体化平台"),
    ],
)
def test_an_english_policy_phrase_finds_its_line(report, query, line):
    hits = report.search(query, page_size=3).hits
    assert hits and line in hits[0].text
