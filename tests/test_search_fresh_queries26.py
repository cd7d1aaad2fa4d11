"""What the twenty-ninth judged batch's first sight taught (search-quality29): English
policy phrases the dictionary reads word by word (open source, fresh cut flowers, data
trading) read as the terms reports write; two neighbouring characters typed in the wrong
order are put back when the corpus writes the result. Invented texts."""

from __future__ import annotations

import pytest

from tests.conftest import engine_over

PLAN = (
    "青川省应急体系规划\n一、主要任务\n"
    "建设省级应急实训演练基地，配齐理论教室、实操场地和模拟救援设备。\n"
    "改造矿山安全实训基地，补齐危化品专业实训设施。\n"
    "建设消防训练基地和森林消防训练基地，开展实战化训练。\n"
    "加强预案演练评估，完善应急演练管理办法。\n"
    "建设区域应急救援中心，健全物资储备和培训演练场所。\n"
)


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("fresh26"), {"province_qingchuan_2031_plan.txt": PLAN}
    )


@pytest.mark.parametrize(
    ("query", "typed", "corrected"),
    [
        # 练演 for 演练: the corpus writes 实训演练基地, never 实训练演基地; the edit scores
        # alone chose 实训练基地 (a character dropped) and the training-ground line
        ("实训练演基地", "实训练演基地", "实训演练基地"),
        ("应急 实训练演基地 建设", "实训练演基地", "实训演练基地"),
        ("省级应急实训练演基地", "省级应急实训练演基地", "省级应急实训演练基地"),
    ],
)
def test_two_swapped_characters_are_put_back(plan, query, typed, corrected):
    resp = plan.search(query, page_size=3)
    assert [(c.original, c.corrected) for c in resp.corrections] == [(typed, corrected)]
    assert "应急实训演练基地" in resp.hits[0].text


def test_a_phrase_the_corpus_writes_is_not_swapped(plan):
    resp = plan.search("应急演练 管理办法", page_size=3)
    assert not resp.corrections
    assert "完善应急演练管理办法" in resp.hits[0].text


class _Writes:
    """A searcher stand-in: ``phrase_exists`` answers from a set of written phrases."""

    def __init__(self, written: set[str]) -> None:
        self.written = written

    def phrase_exists(self, text: str) -> bool:
        return text in self.written


def _swap(written: set[str], text: str):
    from bot.search.correct import Corrector

    c = Corrector.__new__(Corrector)
    c._s = _Writes(written)
    return c.attested_swap(text)


def test_attested_swap_keeps_every_character_typed():
    got = _swap({"实训演练基地"}, "实训练演基地")
    assert got is not None and got.term == "实训演练基地"
    # the first neighbours swapped, the last
    assert _swap({"演练基地"}, "练演基地").term == "演练基地"
    assert _swap({"演练基地"}, "演练地基").term == "演练基地"


def test_attested_swap_needs_the_corpus_to_write_the_result():
    assert _swap({"实训演练基地"}, "实训练基演地") is None  # two swaps away
    assert _swap(set(), "实训练演基地") is None
    # two characters swapped back are too often another word
    assert _swap({"大学"}, "学大") is None
    # a doubled character swapped is itself
    assert _swap({"常常见"}, "常常见") is None


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


# -- list: the policy sense (清单), not the dictionary's first (目录) -------------------------
PORT = (
    "2031年青州省政府工作报告\n"
    "一、过去一年工作回顾\n"
    "两张“零关税”清单落地实施，享惠企业超过800家。\n"
    "调整零关税进口商品目录，目录外商品照常征税，零关税目录管理规范。\n"
    "市场准入负面清单全面实施，权责清单动态调整。\n"
)


@pytest.fixture(scope="module")
def port(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("fresh26list"), {"province_qingzhou_2031_gwr.txt": PORT}
    )


def test_list_is_read_as_the_policy_list():
    from bot.text.english import with_chinese_terms

    assert with_chinese_terms("zero tariff lists") == "零关税 清单"
    assert with_chinese_terms("positive list") == "正面清单"
    # the longer form still wins, and a listed company is no list
    assert with_chinese_terms("negative list") == "负面清单"
    assert with_chinese_terms("listed company") == "上市公司"


def test_an_english_query_for_a_list_finds_the_list_line(port):
    hits = port.search("zero tariff lists", page_size=3).hits
    assert hits and "两张“零关税”清单落地实施" in hits[0].text
