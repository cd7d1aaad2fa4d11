"""A user's word is not the document's (issue 13, ``search-synonyms41``): a broader word
finds the lines naming only its kinds (新能源: 风电, 光伏发电), never the reverse, and below a
line writing the word itself; 三农 and 农业农村 answer to each other; national pooling is
全国统筹. Invented texts only."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.text.english import with_chinese_terms
from bot.text.synonyms import Synonyms
from tests.conftest import engine_over

ROOT = Path(__file__).resolve().parent.parent
SYNONYMS = ROOT / "config" / "dictionaries" / "synonyms.txt"


def test_a_narrower_line_is_read_one_way(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("# kinds\n新能源 > 风电, 光伏发电 光伏\n新能源 新兴能源\n", encoding="utf-8")
    syn = Synonyms.from_files([path])
    # the broader word's synonyms first, then its kinds
    assert syn.expand("新能源") == ["新能源", "新兴能源", "风电", "光伏发电", "光伏"]
    # a synonym of the broader word reaches the kinds too
    assert syn.expand("新兴能源")[-3:] == ["风电", "光伏发电", "光伏"]
    # a kind never leads back to the broader word, nor to its sibling kinds
    assert syn.expand("风电") == ["风电"]
    assert "风电" not in syn and ">" not in syn
    assert syn.kinds("新能源") == {"风电", "光伏发电", "光伏"}
    assert syn.kinds("风电") == frozenset()


def test_no_kinds_without_narrower_lines():
    syn = Synonyms([("地区生产总值", "经济总量")])
    assert syn.kinds("经济总量") == frozenset()
    assert syn.expand("经济总量") == ["经济总量", "地区生产总值"]


def test_the_shipped_dictionary():
    syn = Synonyms.from_files([SYNONYMS])
    assert {"风电", "光伏", "光伏发电"} <= syn.kinds("新能源")
    assert "新能源" not in syn.expand("光伏")
    # 新能源汽车 is its own group, untouched by the kinds of 新能源
    assert "风电" not in syn.expand("新能源汽车")
    assert "农业农村" in syn.expand("三农") and "三农" in syn.expand("农业农村")


@pytest.mark.parametrize(
    ("query", "read"),
    [
        ("pension national pooling", "养老 全国统筹"),
        ("nationwide pooling", "全国统筹"),
    ],
)
def test_national_pooling_is_read_as_the_reports_write_it(query, read):
    assert with_chinese_terms(query) == read


# An energy report naming the kinds only, a plan naming 新能源 itself, and a line of other
# energy that names neither; a county's report writing 三农, a plan writing 农业农村, and a
# line holding only their other words.
REPORT = (
    "2031年某省政府工作报告\n"
    "一、能源\n"
    "大力发展风电、光伏发电，新投产装机320万千瓦。\n"
    "推进煤矿智能化改造，原煤产量保持稳定。\n"
    "二、金融\n"
    "扩大普惠小微贷款，小微贷款余额增长10%，推进金融体系现代化。\n"
)
PLAN = (
    "2031年某市产业发展规划\n"
    "一、重点产业\n"
    "做强新能源产业集群，培育龙头企业5家。\n"
    "推进农业农村现代化，建设高标准农田10万亩。\n"
)
OLD = "2030年某县政府工作报告\n一、农村\n坚持“三农”工作重中之重地位，涉农贷款增长12%。\n"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("synonyms41"),
        {
            "province_x_2031_gwr.txt": REPORT,
            "city_y_2031_industry-plan.txt": PLAN,
            "county_z_2030_gwr.txt": OLD,
        },
    )


def _texts(engine, query: str) -> list[str]:
    return [h.text for h in engine.search(query, page_size=5).hits]


def test_the_broader_word_finds_its_kinds_below_the_word_itself(engine):
    texts = _texts(engine, "新能源")
    assert any("风电、光伏发电" in t for t in texts)
    # the line writing 新能源 ranks above the line naming only its kinds
    assert "新能源产业集群" in texts[0]
    assert not any("原煤" in t for t in texts)


def test_a_kind_does_not_find_the_broader_word(engine):
    texts = _texts(engine, "光伏")
    assert texts and "风电、光伏发电" in texts[0]
    assert not any("新能源产业集群" in t for t in texts)


def test_sannong_and_nongye_nongcun_find_each_other(engine):
    # each above the line holding only the other word (小微贷款, 金融体系现代化)
    assert "“三农”工作" in _texts(engine, "农业农村 贷款")[0]
    assert "农业农村现代化" in _texts(engine, "三农 现代化")[0]
