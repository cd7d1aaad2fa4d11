"""What naming-neither settles (issue 11): names that neither blind annotator nor the gold
gave. Every sentence here is invented for the test; none is a probe's or a corpus
document's."""

from __future__ import annotations

from tests.probes import names_by_value as _names

_REPORT = "柳塘县人民政府工作报告\n\n一、2024年工作回顾\n\n"
_NAME = "county_liutang_2025_gwr.txt"


def test_one_count_of_two_nouns_joined_by_he_names_both(extract):
    # 6.8.7: a list sharing a count keeps its 和 (700个主要港口和地区性重要港口、…)
    text = (
        _REPORT + "摸清底数，普查1500座小型水库和山塘堰坝、320处地质灾害隐患点。"
        "出台45项优化营商环境政策和举措，企业满意度提升。"
        "打造12个乡村旅游重点村和精品民宿集聚区。\n"
    )
    names = _names(extract(text, _NAME))
    assert names[1500] == "小型水库和山塘堰坝"
    assert names[320] == "地质灾害隐患点"
    assert names[45] == "优化营商环境政策和举措"
    assert names[12] == "乡村旅游重点村和精品民宿集聚区"


def test_a_second_count_an_act_or_a_verb_after_he_is_no_joined_noun(extract):
    text = (
        _REPORT + "建成5个产业园和3个物流基地。新增企业和个体户共2000户。"
        "修复60处革命遗址保护和活化利用。建设24条农村公路和多条机耕道。\n"
    )
    names = _names(extract(text, _NAME))
    assert names[5] == "产业园"
    assert names[3] == "物流基地"
    assert "和" not in names[60]
    assert names[24] == "农村公路"


def test_what_comes_with_the_things_is_no_second_kind(extract):
    text = _REPORT + "建成9个日间照料中心和配套设施，新建14个村级卫生室和2个乡镇卫生院。\n"
    names = _names(extract(text, _NAME))
    assert names[9] == "日间照料中心"
    assert names[14] == "村级卫生室"


def test_a_passive_doer_is_no_part_of_the_things_counted(extract):
    # 三处文化遗址被国务院列入…, 16条经验被国家发展改革委集中推广: the name stops at 被
    text = (
        _REPORT + "文物保护加强，4处古建筑群被省政府列入省级文物保护单位。"
        "改革深入推进，11条基层治理经验被省委改革办集中推广。\n"
    )
    names = _names(extract(text, _NAME))
    assert names[4] == "列入省级文物保护单位的古建筑群"
    assert names[11] == "基层治理经验"


def test_an_act_a_village_name_would_swallow_is_still_an_act(extract):
    # jieba reads 新建村 as a village: 新建村内道路 is the act 新建 on 村内道路
    names = _names(extract(_REPORT + "村庄面貌改善。新建村内道路36公里。\n", _NAME))
    assert names[36] == "村内道路"


def test_quanyu_of_a_programme_is_its_name_not_a_scope(extract):
    # 全域土地综合整治, 全域旅游 are programmes; 全域 before another measure is a scope
    text = (
        _REPORT + "实施18个全域土地综合整治项目。创建3个全域旅游示范区。全域森林覆盖率达到68%。\n"
    )
    names = _names(extract(text, _NAME))
    assert names[18] == "全域土地综合整治项目"
    assert names[3] == "全域旅游示范区"
    assert names[68] == "森林覆盖率"


def test_a_time_limit_of_handling_is_one_noun_at_a_clause_start(extract):
    # 办理时限压缩65%: the limit is what fell, not 时限压缩 after an act 办理
    text = _REPORT + "政务服务提速，平均跑动次数减少41%，办理时限压缩57%。\n"
    names = _names(extract(text, _NAME))
    assert names[57] == "办理时限"
    assert names[41] == "平均跑动次数"


def test_projects_counted_after_their_field_keep_it(extract):
    # 6个百万羽蛋鸡养殖重点项目: a known name (重点项目) after a field is the field's
    text = (
        _REPORT + "加快推进7个肉牛养殖重点项目建设。推进15个省市重点项目。"
        "全年推进9个新开工重点项目。\n"
    )
    names = _names(extract(text, _NAME))
    assert names[7] == "肉牛养殖重点项目"
    assert names[15] == "省市重点项目"
    assert names[9] == "重点项目"


def test_a_known_name_ending_the_second_of_two_joined_nouns_is_not_the_count(extract):
    # 8个省级市域产教联合体和行业产教融合共同体: both kinds, not the table's second
    text = _REPORT + "职业教育提质，培育5个县域产教联合体和行业产教融合共同体。\n"
    assert _names(extract(text, _NAME))[5] == "县域产教联合体和行业产教融合共同体"


def test_a_place_units_alternate_at_a_names_opening_keeps_its_brackets(extract):
    # 6.6: 市（州）中心城市…, 镇（街道）一般公共预算收入 as written, whatever precedes the unit
    text = (
        _REPORT + "“十五五”时期市（州）中心城市常住人口达到1200万。"
        "全县乡（镇）综合文化站达到14个。\n"
    )
    names = _names(extract(text, _NAME))
    assert names[1200] == "市（州）中心城市常住人口"
    assert names[14] == "乡（镇）综合文化站"
