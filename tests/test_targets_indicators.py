"""The indicator table: loading, canonical names, groups, longest-alias matching."""

from __future__ import annotations

import tomllib

import pytest

from bot.config import PROJECT_ROOT
from bot.targets.indicators import DEFAULT_PATH, IndicatorTable, default_table, name_class


def test_default_path_is_the_project_config():
    assert DEFAULT_PATH == PROJECT_ROOT / "config" / "indicators.toml"
    assert default_table() is default_table()  # loaded once per process


def test_every_canonical_name_and_alias_is_loaded(table):
    data = tomllib.loads(DEFAULT_PATH.read_text(encoding="utf-8"))["indicators"]
    for name, entry in data.items():
        assert table.canonical(name) == name
        assert table.group(name) == entry["group"]
        for alias in entry["aliases"]:
            assert table.canonical(alias) == name


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("规上工业增加值", "规模以上工业增加值"),
        ("规模以上工业增加值", "规模以上工业增加值"),
        ("GDP", "地区生产总值"),
        ("经济总量", "地区生产总值"),
        ("全国GDP", "国内生产总值"),
        ("“四上”企业", "四上企业"),  # quotes do not matter
        ("四上企业", "四上企业"),
    ],
)
def test_canonical_names(table, surface, canonical):
    assert table.canonical(surface) == canonical


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        # one measure the golds and texts write several ways (families-variants)
        ("光伏发电装机", "光伏装机容量"),
        ("风电装机", "风电装机容量"),
        ("减税降费及退税缓费", "减税降费退税缓费"),
        ("中小学和幼儿园", "中小学幼儿园"),
        ("每千人口执业助理医师", "每千人口执业（助理）医师数"),
        ("每千人口注册护士", "每千人口注册护士数"),
        ("初级中学在校生", "初中在校学生"),
        ("普通小学学校招生", "小学招生"),
        ("普通高校毕业生", "普通高等学校毕业生"),
        ("中等职业教育学校在校生", "中等职业教育在校学生"),
        # families-left: probe round17 Youxian and reports Ningxiang; round31's MOFCOM
        # text beside fifteen texts' 货物进出口总额; dev Qiandongnan's 利用 with 金额
        ("合同引资总额", "合同引资额"),
        ("合同引资", "合同引资额"),
        ("货物进出口额", "外贸进出口总额"),
        ("货物进出口", "外贸进出口总额"),
        ("实际利用外资金额", "实际使用外资"),
    ],
)
def test_variants_of_one_measure_share_its_name(table, surface, canonical):
    assert table.canonical(surface) == canonical


@pytest.mark.parametrize(
    "name",
    # other sets of people: a doctor without 助理, middle schools as a whole, pupils of
    # primary and middle schools together, vocational schools without 技工学校
    ["每千人口执业医师", "普通中学在校学生", "中小学在校学生", "中等职业学校在校学生"],
)
def test_wider_or_narrower_sets_are_not_variants(table, name):
    assert table.canonical(name) not in {
        "每千人口执业（助理）医师数",
        "初中在校学生",
        "普通高中在校学生",
        "小学在校学生",
        "中等职业教育在校学生",
    }


def test_unknown_names(table):
    assert table.canonical("低空飞行器起降点") is None
    assert table.group("低空飞行器起降点") == "other"
    assert "低空飞行器起降点" not in table
    assert "地区生产总值" in table


def test_longest_alias_wins(table):
    text = "全社会研发经费投入占GDP比重达到2.5%"
    (m,) = table.find_all(text)
    assert m.canonical == "研发经费投入强度"
    assert text[m.start : m.end] == "全社会研发经费投入占GDP比重"


def test_all_aliases_at_a_position_longest_first(table):
    text = "省市级重点项目完成投资2607亿元"
    found = table.matches_at(text, 0)
    assert [m.canonical for m in found] == ["省市级重点项目完成投资", "省市级重点项目"]


def test_matching_skips_quotes_inside_the_text(table):
    text = "新增“四上”企业2598家"
    (m,) = table.find_all(text)
    assert m.canonical == "四上企业"
    assert text[m.start : m.end] == "“四上”企业"


def test_in_an_alias_is_a_part_of_some_alias_quotes_ignored():
    t = IndicatorTable.build({"百万辆汽车产业城": "industry"}, {"“四上”企业": "百万辆汽车产业城"})
    assert t.in_an_alias("百万辆")
    assert t.in_an_alias("“百万”辆")  # quotes in the text are skipped, as matching does
    assert t.in_an_alias("四上企")
    assert not t.in_an_alias("200万辆")
    assert not IndicatorTable.empty().in_an_alias("万辆")


def test_build_from_plain_mappings():
    t = IndicatorTable.build({"粮食产量": "industry"}, {"粮食总产量": "粮食产量"})
    assert t.canonical("粮食总产量") == "粮食产量"
    assert t.canonical("粮食产量") == "粮食产量"
    assert IndicatorTable.empty().canonical("粮食产量") is None


def test_load_from_another_path(tmp_path):
    path = tmp_path / "ind.toml"
    path.write_text(
        '[indicators."城镇调查失业率"]\ngroup = "employment"\naliases = ["调查失业率"]\n',
        encoding="utf-8",
    )
    t = IndicatorTable.load(path)
    assert t.canonical("调查失业率") == "城镇调查失业率"
    assert t.group("城镇调查失业率") == "employment"


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        ("省市级重点项目完成投资", "amount"),
        ("高新技术产业产值占比", "ratio"),
        ("森林覆盖率", "ratio"),
        ("海绵城市面积", "area"),
        ("全国消费者满意度测评排名", "rank"),
        ("清洁能源装机容量", "capacity"),
        ("高新技术企业", "count"),
    ],
)
def test_name_class(name, cls):
    assert name_class(name) == cls


# -- families, levels and the standard statistics (issue 11) --------------------------------
@pytest.mark.parametrize(
    ("names", "family"),
    [
        (
            ["GDP", "地区生产总值", "国内生产总值", "全省生产总值", "全市GDP", "全国生产总值"],
            "生产总值",
        ),
        (["居民消费价格", "CPI", "居民消费价格涨幅"], "居民消费价格"),
        (["城镇化率", "常住人口城镇化率", "城镇常住人口占总人口比重"], "常住人口城镇化率"),
        (["研发投入强度", "研发经费投入强度", "R&D经费支出占GDP比重"], "研发经费投入强度"),
        (["PPI", "工业生产者出厂价格"], "工业生产者出厂价格"),
        (["单位国内生产总值能耗", "单位地区生产总值能耗", "能耗强度"], "单位生产总值能耗"),
        (["城镇新增就业", "新增城镇就业"], "新增城镇就业"),
        (["规上工业增加值", "规模以上工业增加值"], "规模以上工业增加值"),
    ],
)
def test_families_answer_the_same_question(table, names, family):
    assert {table.family(n) for n in names} == {family}
    assert all(table.same_family(names[0], n) for n in names)


def test_family_members_accept_any_alias(table):
    assert table.family_members("GDP") == ["地区生产总值", "国内生产总值"]
    assert table.family_members("生产总值") == ["地区生产总值", "国内生产总值"]
    assert table.family_members("CPI") == ["居民消费价格"]
    assert table.family_members("低空飞行器起降点") == []
    assert table.family("低空飞行器起降点") == "低空飞行器起降点"  # its own family


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("人均地区生产总值", "地区生产总值"),  # per capita is another question
        ("城镇居民人均可支配收入", "农村居民人均可支配收入"),  # urban and rural stay apart
        ("城镇居民人均可支配收入", "居民人均可支配收入"),
        ("高技术制造业增加值", "规模以上工业增加值"),  # a sub-category is not the whole
        ("民间投资", "固定资产投资"),
        ("第三产业增加值", "地区生产总值"),
        ("户籍人口城镇化率", "常住人口城镇化率"),
        ("超长期特别国债", "特别国债"),
        ("赤字率", "赤字规模"),
    ],
)
def test_distinct_questions_stay_apart(table, a, b):
    assert table.canonical(a) == a and table.canonical(b) == b
    assert not table.same_family(a, b)


@pytest.mark.parametrize(
    ("regional", "national"),
    [
        ("地区生产总值", "国内生产总值"),
        ("人均地区生产总值", "人均国内生产总值"),
        ("单位地区生产总值能耗", "单位国内生产总值能耗"),
        ("单位地区生产总值二氧化碳排放", "单位国内生产总值二氧化碳排放"),
    ],
)
def test_national_and_regional_variants(table, regional, national):
    assert table.national_variant(regional) == national
    assert table.national_variant(national) == national
    assert table.regional_variant(national) == regional
    assert table.regional_variant(regional) == regional
    assert table.family(regional) == table.family(national)


def test_variants_accept_aliases_and_say_none_otherwise(table):
    assert table.national_variant("GDP") == "国内生产总值"
    assert table.national_variant("全市生产总值") == "国内生产总值"
    assert table.regional_variant("全国GDP") == "地区生产总值"
    assert table.national_variant("粮食产量") is None
    assert table.regional_variant("粮食产量") is None
    assert table.national_variant("低空飞行器起降点") is None


@pytest.mark.parametrize(
    ("alias", "canonical", "group"),
    [
        ("调查失业率", "城镇调查失业率", "employment"),
        ("一般公共预算支出规模", "一般公共预算支出", "budget"),
        ("财政赤字率", "赤字率", "budget"),
        ("专项债券", "地方政府专项债券", "budget"),
        ("超长期国债", "超长期特别国债", "budget"),
        ("粮食总产量", "粮食产量", "agriculture"),
        ("粮食作物播种面积", "粮食播种面积", "agriculture"),
        ("高标准农田", "高标准农田", "agriculture"),
        ("生猪出栏量", "生猪出栏", "agriculture"),
        ("一产增加值", "第一产业增加值", "gdp"),
        ("民间固定资产投资", "民间投资", "investment"),
        ("房地产投资", "房地产开发投资", "investment"),
        ("货物进出口总额", "外贸进出口总额", "trade"),
        ("年末常住人口", "常住人口", "social"),
        ("优良天数比例", "空气质量优良率", "environment"),
        ("细颗粒物（PM2.5）平均浓度", "PM2.5平均浓度", "environment"),
        ("全社会研发经费投入", "研发经费支出", "innovation"),
        ("技术合同交易额", "技术合同成交额", "innovation"),
        ("旅游总收入", "旅游收入", "consumption"),
        ("快递业务总量", "快递业务量", "consumption"),
        ("金融机构本外币各项存款余额", "金融机构本外币存款余额", "other"),
        ("经营主体", "市场主体", "other"),
    ],
)
def test_standard_statistics(table, alias, canonical, group):
    assert table.canonical(alias) == canonical
    assert table.group(canonical) == group


def test_family_and_national_from_plain_mappings(tmp_path):
    path = tmp_path / "ind.toml"
    path.write_text(
        '[indicators."地区生产总值"]\ngroup = "gdp"\nfamily = "GDP"\n'
        'national = "国内生产总值"\naliases = ["全市生产总值"]\n'
        '[indicators."国内生产总值"]\ngroup = "gdp"\nfamily = "GDP"\naliases = []\n',
        encoding="utf-8",
    )
    t = IndicatorTable.load(path)
    assert t.family_members("GDP") == ["地区生产总值", "国内生产总值"]
    assert t.national_variant("全市生产总值") == "国内生产总值"
    bad = tmp_path / "bad.toml"
    bad.write_text('[indicators."地区生产总值"]\ngroup = "gdp"\nnational = "全国GDP"\n')
    with pytest.raises(ValueError, match="national"):
        IndicatorTable.load(bad)


def test_every_family_name_is_unambiguous(table):
    """A family name that is also an alias must be an alias of one of its members."""
    for family in {table.family(n) for n in table.names()}:
        owner = table.canonical(family)
        assert owner is None or table.family(owner) == family, family


def test_known_name_of_what_users_type(table):
    assert table.known_name("gdp") == "GDP"
    assert table.known_name("ＣＰＩ") == "CPI"
    assert table.known_name("國內生產總值") == "国内生产总值"
    assert table.known_name("生产总值") == "生产总值"
    assert table.known_name("低空飞行器起降点") is None


def test_text_aliases_name_but_do_not_search() -> None:
    table = IndicatorTable.from_mapping(
        {
            "indicators": {
                "地区生产总值": {
                    "group": "gdp",
                    "aliases": ["GDP"],
                    "text_aliases": ["经济增长"],
                }
            }
        }
    )
    assert table.canonical("经济增长") == "地区生产总值"
    assert table.synonym_groups() == [("地区生产总值", "GDP")]


def test_a_name_the_table_does_not_know_is_grouped_by_its_head_word(table):
    assert table.group("粮油千亩高产片") == "agriculture"
    assert table.group("新升规工业企业") == "industry"
    assert table.group("概念验证中心和中试熟化平台") == "innovation"
    # the word nearest the end is the head: a rural toilet is social, a road investment
    assert table.group("农村卫生厕所") == "social"
    assert table.group("乡镇干线道路改造项目") == "investment"
    assert table.group("某某奇怪指标") == "other"  # no known word
    assert table.group("地区生产总值") == "gdp"  # the table's own group comes first


def test_a_group_word_inside_or_across_another_word_does_not_group_a_name(table):
    # 产能 is inside 生产能力: grain's and energy's production capacity (dev national 2021
    # and Guizhou 2026 work reports, probes round11, round15, round31)
    assert table.group("粮食综合生产能力") == "agriculture"
    assert table.group("粮食生产能力") == "agriculture"
    assert table.group("能源综合生产能力") == "energy_emissions"
    assert table.group("新增炼油产能") == "industry"  # 产能 as a word still counts
    # 民生 across 居民|生活 and 便民|生活圈: a household's use, a neighbourhood's shops
    assert table.group("城乡居民生活用电量") == "other"
    assert table.group("居民生活用水量") == "other"
    assert table.group("城市一刻钟便民生活圈覆盖率") == "consumption"
    assert table.group("民生实事项目") == "investment"
    assert table.group("民生支出占比") == "social"


def test_a_masked_group_word_falls_back_to_an_earlier_occurrence():
    t = IndicatorTable.from_mapping(
        {
            "indicators": {},
            "group_word_masks": ["生产能力"],
            "group_words": {"industry": ["产能"], "agriculture": ["粮食"]},
        }
    )
    assert t.group("产能和生产能力") == "industry"  # the first 产能 is a word of its own
    assert t.group("粮食生产能力") == "agriculture"
    assert t.group("生产能力") == "other"


@pytest.mark.parametrize(
    "name",
    # a balance is not the total; 招商引资 counts funds that arrived, not those signed;
    # 引资 of a sector may be domestic funds as well, not only foreign ones
    ["货物进出口顺差", "招商引资到位资金", "高技术产业引资"],
)
def test_near_names_of_trade_and_investment_stay_apart(table, name):
    assert table.canonical(name) not in {"外贸进出口总额", "合同引资额", "实际使用外资"}


def test_the_joined_variants_are_one_search_group(table):
    groups = [g for g in table.synonym_groups() if "合同引资额" in g]
    assert groups == [("合同引资额", "合同引资")]  # 合同引资总额 holds 合同引资: found by it
    assert table.same_family("货物进出口额", "进出口总额")


def test_group_words_must_name_known_groups():
    with pytest.raises(ValueError, match="group_words"):
        IndicatorTable.from_mapping({"indicators": {}, "group_words": {"farming": ["农"]}})


def test_a_composed_name_the_table_lists_as_an_alias_is_written_canonically(extract):
    # the golds name these measures two ways (GOLD_GUIDELINES §6.6: 城镇老旧小区 is the
    # table's 老旧小区); the table holds both, the extractor writes the canonical one
    text = (
        "一、2025年工作回顾\n\n改造城镇老旧小区120个、惠及居民2.1万户。"
        "城镇失业人员再就业1.2万人。完成易地扶贫搬迁3.5万人。新建改扩建中小学校6所。\n"
    )
    got = {r.value: r.indicator for r in extract(text, "city_x_2026_gwr.txt")}
    assert got[2.1] == "老旧小区改造惠及居民"
    assert got[1.2] == "失业人员再就业"
    assert got[3.5] == "易地扶贫搬迁人口"
    assert got[6] == "中小学"
    table = IndicatorTable.load()
    for alias in ("城镇老旧小区改造惠及居民", "易地扶贫搬迁人数", "中小学校"):
        assert table.canonical(alias) != alias
    assert table.canonical("中小学校舍") == "中小学校舍"


def test_a_part_that_says_its_measure_gets_no_second_one(extract):
    # 医疗卫生机构床位数 is the table's 医疗卫生机构床位; its part 医院、妇幼保健院床位数 says
    # its measure already (dev chengdu's gold): no 床位 appended after 床位数
    text = (
        "2022年江州市统计公报\n医疗卫生机构床位数16.7万张，其中医院、妇幼保健院床位数14.3万张。\n"
    )
    got = {r.value: r.indicator for r in extract(text, "city_x_2022_stat-bulletin.txt")}
    assert got[16.7] == "医疗卫生机构床位"
    assert got[14.3] == "医院、妇幼保健院床位数"
