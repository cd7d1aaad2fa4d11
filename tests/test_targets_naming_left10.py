"""Naming shapes the round-9 and round-10 probe sets left open (issue 11): a sector before
the verb of a known statistic and the parts listed after it, a size class whose measure is
said with the class before. Every sentence here is invented for the test; none is a
probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value

_REPORT = "江州市人民政府工作报告\n\n一、2025年工作回顾\n\n"
_NAME = "city_jiangzhou_2026_gwr.txt"


# --- a sector before the verb of a known statistic -------------------------------------------


def test_a_sector_doing_a_known_statistic_is_that_sectors_part(extract):
    text = _REPORT + "全市交通运输完成固定资产投资320亿元。全市水利完成固定资产投资58亿元。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[320] == "交通运输固定资产投资"
    assert got[58] == "水利固定资产投资"


def test_a_sector_doing_a_bare_measure_owns_it(extract):
    text = (
        _REPORT + "全市工业完成增加值800亿元。全市服务业实现增加值700亿元。"
        "全市完成增加值500亿元。\n"
    )
    got = names_by_value(extract(text, _NAME))
    assert got[800] == "工业增加值"
    assert got[700] == "服务业增加值"
    assert got[500] == "增加值"  # no sector said: the bare measure, as before


def test_a_place_a_scope_or_a_time_doing_it_is_the_whole(extract):
    text = (
        _REPORT + "江州市完成固定资产投资900亿元。五年累计完成固定资产投资3000亿元。"
        "全年完成固定资产投资870亿元。\n"
    )
    got = names_by_value(extract(text, _NAME))
    assert got[900] == "固定资产投资"
    assert got[3000] == "固定资产投资"
    assert got[870] == "固定资产投资"


def test_parts_listed_after_the_sectors_figure_share_its_statistic(extract):
    text = (
        _REPORT + "全市交通运输完成固定资产投资320亿元，其中公路、水路分别完成210亿元、45亿元。\n"
    )
    got = names_by_value(extract(text, _NAME))
    assert got[210] == "公路固定资产投资"
    assert got[45] == "水路固定资产投资"


def test_parts_that_are_known_statistics_keep_their_own_names(extract):
    text = _REPORT + "外贸进出口总额500亿元，其中出口、进口分别完成300亿元、200亿元。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[300] == "出口"
    assert got[200] == "进口"


# --- a size class whose measure is said with the class before ---------------------------------


def test_a_bare_bound_after_a_measured_class_takes_its_measure(extract):
    text = _REPORT + "规上工业企业达到1500家，其中年营业收入超亿元企业230家、超10亿元企业40家。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[230] == "年营业收入超亿元企业"
    assert got[40] == "年营业收入超10亿元企业"


def test_a_bound_with_no_class_before_stays_as_written(extract):
    text = _REPORT + "新签约项目120个，其中超10亿元项目12个。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[12] == "超10亿元项目"


# --- a programme's tier said without its programme -----------------------------------------


def test_a_tier_said_after_its_programmes_firms_keeps_the_programme(extract):
    text = _REPORT + "新培育专精特新中小企业60家、“小巨人”企业5家。新增国家级“小巨人”企业3家。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[5] == "专精特新小巨人企业"
    assert got[3] == "国家级专精特新小巨人企业"


def test_other_modifiers_do_not_carry_over_a_list_of_counts(extract):
    text = _REPORT + "新认定高新技术企业120家、科技型中小企业300家、“雏鹰”企业15家。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[300] == "科技型中小企业"
    assert got[15] == "雏鹰企业"


# --- the country's text that names no place ----------------------------------------------------


def test_a_speech_at_a_national_meeting_is_the_countrys(extract):
    text = (
        "在2026年全国水运工作会议上的讲话\n\n一、2025年工作回顾\n\n"
        "一年来，全国水运完成固定资产投资2300亿元，港口货物吞吐量完成170亿吨。\n"
    )
    records = extract(text, "speech.txt")
    assert {r.value: r.region for r in records} == {2300: "全国", 170: "全国"}


def test_an_outline_that_says_our_country_is_the_countrys() -> None:
    from bot.corpus.meta import infer_meta

    outline = (
        "数据要素发展纲要（2026—2035年）\n\n一、总体要求\n\n"
        "我国数据要素市场加快发育。到2030年，我国数据产业规模达到8万亿元，"
        "数据要素市场体系全面建成。\n"
    )
    meta = infer_meta(outline, "outline.txt")
    assert (meta.region, meta.level) == ("全国", "national")
    # the same text with a local scope word is a local text that names no place
    local = outline.replace("我国数据产业规模", "全省数据产业规模")
    assert infer_meta(local, "outline.txt").region is None
    # and so is one that speaks of its own government or masks its place's name
    for words in ("市政府", "**市"):
        masked = outline.replace("我国数据产业规模", words + "数据产业规模")
        assert infer_meta(masked, "outline.txt").region is None
