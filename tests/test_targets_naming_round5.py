"""Naming shapes found on the round-5 probe set (issue 11, ``tests/data/probes/round5/``):
a qualifier jieba mis-tags, a one-character trade partner, verbs of doing and an aspect
particle at a name's head. Every sentence here is invented for the test; none is a
probe's or a corpus document's."""

from __future__ import annotations

from bot.targets.naming.aspect import without_particle

_REPORT = "江州市2026年政府工作报告\n\n"


def _names(extract, body: str) -> dict[float, str]:
    return {r.value: r.indicator for r in extract(_REPORT + body + "\n", "report.txt")}


def test_a_public_benefit_kind_of_places_is_never_dropped(extract):
    # 普惠 selects a narrower set than the table's 托位 (jieba tags it a person's name)
    names = _names(extract, "新增普惠托位800个，普惠性养老床位达到2400张。")
    assert names[800] == "普惠托位"
    assert names[2400] == "普惠性养老床位"


def test_places_without_a_qualifier_keep_the_tables_name(extract):
    assert _names(extract, "全市托位总数达到3000个。")[3000] == "托位"


def test_a_partner_said_in_one_character_stays_in_the_trade_name(extract):
    names = _names(extract, "对日进出口额完成86亿元，增长5.1%。")
    assert names[86] == names[5.1] == "对日进出口额"
    # a partner of more characters with the same verb after it, as before
    assert _names(extract, "对东盟进出口额完成240亿元。")[240] == "对东盟进出口额"


def test_a_verb_of_doing_at_the_head_is_the_change_not_the_name(extract):
    records = extract(_REPORT + "推广节水型器具20万套。\n评选星级农家乐30家。\n", "report.txt")
    got = {r.value: (r.indicator, r.change) for r in records}
    assert got[20] == ("节水型器具", "推广")
    assert got[30] == ("星级农家乐", "评选")
    records = extract(_REPORT + "制修订绿色建材地方标准40项以上。\n", "report.txt")
    assert [(r.indicator, r.change) for r in records] == [("绿色建材地方标准", "制修订")]


def test_a_verb_the_name_is_about_stays(extract):
    # 推广应用 is an act with its own object: not cut to a thing; a verb inside is kept
    assert _names(extract, "新能源汽车推广量达到5000辆。")[5000] == "新能源汽车推广量"


def test_an_aspect_particle_is_no_part_of_a_name(extract):
    assert _names(extract, "26个乡镇全部通了天然气。")[26] == "通天然气乡镇"
    assert _names(extract, "5000名群众用上了自来水。")[5000] == "群众用上自来水"
    # the 了 of a word stays (了解, 为了, 除了), and a name never opens without its verb
    assert without_particle("了解惠企政策的干部") == "了解惠企政策的干部"
    assert without_particle("为了就业的培训") == "为了就业的培训"
    assert without_particle("建成了智慧社区的街道") == "建成智慧社区的街道"


def test_places_listed_with_their_count_before_respectively_are_each_records_region(extract):
    text = "牡丹江市2026年政府工作报告\n\n穆棱、林口两个物流园区货运量分别达到300万吨和120万吨。\n"
    got = {r.value: (r.indicator, r.region) for r in extract(text, "report.txt")}
    assert got[300] == ("物流园区货运量", "穆棱")
    assert got[120] == ("物流园区货运量", "林口")


def test_a_place_not_in_a_respective_list_keeps_its_name_and_the_documents_region(extract):
    text = (
        "牡丹江市2026年政府工作报告\n\n东宁口岸过货量达到260万吨，绥芬河口岸过货量达到1250万吨。\n"
    )
    got = {r.value: (r.indicator, r.region) for r in extract(text, "report.txt")}
    assert got[260] == ("东宁口岸过货量", "牡丹江")
    assert got[1250] == ("绥芬河口岸过货量", "牡丹江")


def test_places_after_one_places_measure_share_it(extract):
    text = (
        "湖南省2025年上半年经济运行情况\n\n"
        "上半年株洲市规模以上工业增加值增长7.5%，湘潭、衡阳分别增长6.9%和7.2%。\n"
    )
    got = {r.value: (r.indicator, r.region) for r in extract(text, "news.txt")}
    assert got[6.9] == ("规模以上工业增加值", "湘潭")
    assert got[7.2] == ("规模以上工业增加值", "衡阳")


def test_places_listed_after_a_measure_in_another_unit_take_nothing(extract):
    text = (
        "湖南省2025年上半年经济运行情况\n\n"
        "长沙市社会消费品零售总额达到2300亿元，岳阳、常德分别增长5.1%和5.6%。\n"
    )
    got = {r.value: r for r in extract(text, "news.txt")}
    # an amount's measure is not a rate's: not known, shown as not confident
    assert (got[5.1].indicator, got[5.1].region) == ("岳阳", "湖南")
    assert got[5.1].confidence < 0.5
    text = (
        "湖南省2025年上半年经济运行情况\n\n"
        "长沙市社会消费品零售总额增长6.2%，岳阳、常德分别增长5.1%和5.6%。\n"
    )
    got = {r.value: r for r in extract(text, "news.txt")}
    assert (got[5.6].indicator, got[5.6].region) == ("社会消费品零售总额", "常德")


def test_a_part_place_that_built_things_is_the_records_region_its_act_the_change(extract):
    text = (
        "牡丹江市2026年政府工作报告\n\n新建学校40所，其中穆棱市新建初中3所、林口县新建小学5所。\n"
    )
    got = {r.value: (r.indicator, r.region, r.change) for r in extract(text, "report.txt")}
    assert got[3] == ("初中", "穆棱", "新建")
    assert got[5] == ("小学", "林口", "新建")
    assert got[40][1] == "牡丹江"  # the whole is the document's


def test_places_an_act_is_done_in_are_no_part_of_the_thing(extract):
    text = "内蒙古自治区2026年政府工作报告\n\n在赤峰、通辽新建物流园区3个。\n"
    assert [(r.indicator, r.change) for r in extract(text, "report.txt")] == [("物流园区", "新建")]
    # with no act, 在 and a place say which things are counted (those in the city)
    text = "宁波市2026年政府工作报告\n\n在甬高校达到15所。\n"
    assert [r.indicator for r in extract(text, "report.txt")] == ["在甬高校"]


def test_one_route_named_as_an_example_is_no_part_of_the_set(extract):
    text = "广西壮族自治区2026年政府工作报告\n\n建成梧州至贺州等高速公路320公里。\n"
    assert [r.indicator for r in extract(text, "report.txt")] == ["高速公路"]


def test_listed_places_with_their_suffixes_share_the_whole_thing(extract):
    text = (
        "内蒙古自治区2026年政府工作报告\n\n乌兰察布市、巴彦淖尔市设施农业产值分别增长9.3%和8.1%。\n"
    )
    got = {r.value: (r.indicator, r.region) for r in extract(text, "report.txt")}
    assert got[9.3] == ("设施农业产值", "乌兰察布")
    assert got[8.1] == ("设施农业产值", "巴彦淖尔")


def test_a_task_sized_in_land_and_a_part_place_after_it(extract):
    text = "广西壮族自治区2026年政府工作报告\n\n完成石漠化治理任务30万亩，其中百色市完成8万亩。\n"
    got = {r.value: (r.indicator, r.region) for r in extract(text, "report.txt")}
    assert got[30] == ("石漠化治理面积", "广西")  # the work's area, not a count of tasks
    assert got[8] == ("石漠化治理面积", "百色")  # the part place did a part of it


def test_a_part_place_after_a_known_whole_takes_it(extract):
    text = "内蒙古自治区2026年政府工作报告\n\n全区粮食产量达到800亿斤，其中赤峰市增产12亿斤。\n"
    got = {r.value: (r.indicator, r.region, r.change) for r in extract(text, "report.txt")}
    assert got[12] == ("粮食产量", "赤峰", "增产")


def test_a_part_after_qizhong_takes_the_wholes_length_measure_whole(extract):
    text = "江州市2026年政府工作报告\n\n城市轨道交通营业里程达到180公里，其中地铁150公里。\n"
    got = {r.value: r.indicator for r in extract(text, "report.txt")}
    assert got[150] == "地铁营业里程"  # not 地铁里程: the whole's measure, whole


_MEASURES = "江州市关于支持制造业发展的若干措施\n\n"


def test_a_cap_per_single_project_with_no_receiver_keeps_the_unit(extract):
    text = _MEASURES + "省级财政按照设备投资的10%给予补助，单个项目补助不超过800万元。\n"
    got = {r.value: r.indicator for r in extract(text, "measures.txt")}
    assert got[800] == "单个项目补助"


def test_the_receiver_said_before_is_named_without_its_giving(extract):
    text = _MEASURES + "对符合条件的技改项目给予补助，单个项目补助不超过300万元。\n"
    got = {r.value: r.indicator for r in extract(text, "measures.txt")}
    assert got[300] == "技改项目补助"  # who receives it, not 技改项目给予补助补助
