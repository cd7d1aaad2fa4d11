"""What ``search-left39b`` settled (issue 13): a query asking what a note explains (统计口径,
按什么价格计算, 现价还是可比价, 数据来自哪) finds the bulletin's note, which an ordinary query
still ranks behind the body lines; an abbreviation after 在/来/赴 opening a word (在蓉高校,
来川) is read as its place too, the run kept as typed. Invented texts only."""

from __future__ import annotations

import pytest

from bot.search.asking import Asking, asks_note
from bot.search.reading import with_places_after_verbs
from tests.conftest import engine_over


@pytest.mark.parametrize(
    "query",
    [
        "黔东南 规模以上工业 统计口径",
        "固定资产投资 统计范围",
        "成都 2022 地区生产总值 按什么价格计算",
        "邮政业务总量 按什么单价计算",
        "居民收入 增速 按现价还是可比价",
        "三次产业 划分依据",
        "周口市就业数据来自哪个部门",
        "GDP 不变价",
        "統計口徑",  # traditional, read as normalised
    ],
)
def test_asks_what_a_note_explains(query):
    assert asks_note(query)
    assert Asking.of(query).noted and Asking.of(query).notes_kept


@pytest.mark.parametrize(
    "query",
    [
        "周口 GDP 2023",
        "黔东南 低保标准",  # a standard's value, not a note
        "成都 中心城区 包括哪些",
        "双高计划是什么意思",  # a meaning: keeps notes by Asking.meaning, not noted
    ],
)
def test_ordinary_queries_ask_no_note(query):
    assert not Asking.of(query).noted


def test_a_meaning_keeps_notes_too():
    asking = Asking.of("双高计划是什么意思")
    assert asking.meaning and asking.notes_kept and not asking.noted


# A 2031 bulletin: body lines using the measures, the notes under 注释 saying their scope
# and price basis
BULLETIN = (
    "峰州市2031年国民经济和社会发展统计公报\n"
    "一、综合\n"
    "初步核算，全年全市地区生产总值3200亿元，按可比价格计算，比上年增长5.1%。\n"
    "全年全市规模以上工业增加值比上年增长6.2%，规模以上工业企业利润增长3.0%。\n"
    "全年全市固定资产投资比上年增长4.4%，其中工业投资增长9.0%。\n"
    "注释：\n"
    "[1]地区生产总值绝对数按现价计算，增长速度按可比价格计算。\n"
    "[2]规模以上工业统计口径为年主营业务收入2000万元及以上工业企业。\n"
    "[3]固定资产投资统计口径为计划总投资500万元及以上的项目投资。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("left39b"), {"city_fengzhou_2031_stat-bulletin.txt": BULLETIN}
    )


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ("规模以上工业 统计口径", "[2]规模以上工业统计口径"),
        ("固定资产投资 统计范围", "[3]固定资产投资统计口径"),
        ("地区生产总值 按什么价格计算", "[1]地区生产总值绝对数按现价"),
        ("地区生产总值 增速 按现价还是可比价", "[1]地区生产总值绝对数按现价"),
    ],
)
def test_a_note_asked_is_found_first(engine, query, note):
    hits = engine.search(query, page_size=3).hits
    assert hits and hits[0].text.startswith(note), [h.text[:20] for h in hits]


@pytest.mark.parametrize(
    ("query", "body"),
    [
        ("规模以上工业 增长", "全年全市规模以上工业增加值"),
        ("固定资产投资 增长", "全年全市固定资产投资"),
        ("地区生产总值 增长", "初步核算"),
    ],
)
def test_an_ordinary_query_keeps_the_body_first(engine, query, body):
    hits = engine.search(query, page_size=3).hits
    assert hits and hits[0].text.startswith(body), [h.text[:20] for h in hits]


@pytest.mark.parametrize(
    ("query", "read"),
    [
        ("在蓉高校 统计口径", "成都 在蓉高校 统计口径"),
        ("来川 外国政要 访问", "四川 来川 外国政要 访问"),
        ("赴粤 就业", "广东 赴粤 就业"),
        ("在穗 高校", "广州 在穗 高校"),
        ("2025 在黔 大飞机", "2025 贵州 在黔 大飞机"),
        # the place written already: nothing added
        ("成都 在蓉高校", "成都 在蓉高校"),
        # a place's own name (宁波, 青岛 …), two abbreviations (川渝, 京津冀): not read
        ("在宁波 港口", "在宁波 港口"),
        ("在川渝 合作", "在川渝 合作"),
        ("在京津冀", "在京津冀"),
        # common words' first characters: 新, 青, 黑
        ("在新时代", "在新时代"),
        ("在青年中", "在青年中"),
        ("在黑土地 保护", "在黑土地 保护"),
        # inside a run (现在, 存在) or not after 在/来/赴/驻: no place
        ("现在川 经济", "现在川 经济"),
        ("外国人来琼工作", "外国人来琼工作"),
        ("皖企 出海", "皖企 出海"),
    ],
)
def test_an_abbreviation_after_zai_is_its_place(query, read):
    assert with_places_after_verbs(query) == read


CHENGDU = (
    "成都市2031年国民经济和社会发展统计公报\n"
    "一、教育和科学技术\n"
    "全年新建、改扩建公办中小学、幼儿园80所，新增学位8.0万个。年末共有在蓉高校66所，在校学生"
    "120万人，其中本专科学生105万人。\n"
    "注释：\n"
    "[1]在蓉高校数包含成人高校、新建高校。\n"
)
OTHER = (
    "峰州市2031年国民经济和社会发展统计公报\n"
    "注释：\n"
    "[1]规模以上工业统计口径为年主营业务收入2000万元及以上工业企业。\n"
    "[2]高校统计口径为教育事业统计编码高校。\n"
)


@pytest.fixture(scope="module")
def two_cities(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("left39b_cities"),
        {
            "city_chengdu_2031_stat-bulletin.txt": CHENGDU,
            "city_fengzhou_2031_stat-bulletin.txt": OTHER,
        },
    )


def test_zai_rong_reads_chengdu_and_finds_its_note(two_cities):
    resp = two_cities.search("在蓉高校 统计口径", page_size=3)
    assert resp.understood is not None and resp.understood.region == "成都"
    assert resp.hits and resp.hits[0].text.startswith("[1]在蓉高校数包含")
