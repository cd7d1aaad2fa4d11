"""Naming shapes of the dev documents that are not work reports (bulletins, plans,
opinions, action plans, news; issue 11, branch ``naming-fitcheck``): rules kept only when
they did not hurt a held-back half of those documents nor the probe sets (see
``bench/RESULTS.md``). Every sentence here is invented for the test; none is a probe's
or a corpus document's."""

from __future__ import annotations

_PLAN = "江州市推进城乡融合发展的实施意见\n\n"


def _names(extract, body: str) -> dict[float, str]:
    return {r.value: r.indicator for r in extract(_PLAN + body + "\n", "plan.txt")}


def test_key_construction_said_before_the_head_is_its_kind(extract):
    # 重点建设: the kind of area or base the count counts, not a verb leaving 重点 alone
    assert _names(extract, "规划7个重点建设片区。")[7] == "重点建设片区"
    assert _names(extract, "布局12个重点建设基地和3个物流园。")[12] == "重点建设基地"


def test_building_without_key_before_it_still_ends_the_counted_things(extract):
    assert _names(extract, "完成16个老旧片区建设。")[16] == "老旧片区"
    assert _names(extract, "推动9个产业园建设提速。")[9] == "产业园"


def test_a_counted_head_said_in_full_in_an_earlier_clause_is_that_thing(extract):
    # the one-word head after the count refers back to the full name said before
    names = _names(extract, "以数字乡村试点园区为依托，统筹资源整合，到2027年建成30个园区。")
    assert names[30] == "数字乡村试点园区"
    names = _names(extract, "支持特色小镇集群发展，培育优势产业，打造20个集群。")
    assert names[20] == "特色小镇集群"


def test_a_head_the_sentence_already_names_or_said_with_a_scope_stays_bare(extract):
    # the figure before already carries the name: the count is of the same thing
    names = _names(extract, "年末全市养老机构320个，比上年末增加15个。")
    assert names[15] == names[320]
    # the scope word before the head is the document's, not part of the thing
    names = _names(extract, "全市基地布局持续优化，新认定基地12个。")
    assert names[12] != "全市基地"


def test_a_part_opened_by_qizhong_keeps_no_qizhong_even_cut_as_qi_zhongguo(extract):
    # 其中国控断面: the segmenter cuts 其|中国|控, yet 其中 opens no name
    names = _names(extract, "全市共有监测断面24个，其中国控断面9个。")
    assert names[9] == "国控断面"
    names = _names(extract, "全市有养老机构64家（其中国办机构15家）。")
    assert names[15] == "国办机构"


def test_a_name_that_only_contains_qizhong_later_keeps_it(extract):
    # a name with 其中 inside is not touched: only a leading 其中 is no name's word
    assert _names(extract, "全县有监测断面24个，其中省控断面9个。")[9] == "省控断面"


def test_the_whole_is_not_named_after_the_part_said_after_it(extract):
    # the whole's plain word is generic (企业): the part's subject after 其中 is not its name
    names = _names(extract, "全区共有企业3400家，其中外资企业120家。")
    assert names[120] == "外资企业"
    assert names[3400] != "外资企业"


def test_a_figure_after_a_named_one_still_takes_the_subject_before_it(extract):
    # no part said after: the figure with no words of its own is the subject's, as before
    names = _names(extract, "全区高新技术企业3400家，比上年增加120家。")
    assert names[120] == names[3400] == "高新技术企业"


def test_a_rate_after_the_counted_things_is_the_next_figures_not_their_predicate(extract):
    # 通客车率: the rate is the figure after, so the count keeps its plain noun
    names = _names(extract, "全县75个行政村通客车率100%。")
    assert names[75] == "行政村"
    assert names[100] == "行政村通客车率"


def test_a_predicate_without_a_rate_still_narrows_the_counted_things(extract):
    assert _names(extract, "全县86个建制村通客车。")[86] == "通客车建制村"


def test_the_losses_listed_after_a_disasters_first_measure_are_its_too(extract):
    # 直接财产损失, 过火面积, 倒塌房屋数量: the later measures of the first item's entity
    names = _names(extract, "全区火灾起数、死亡人数和直接财产损失分别下降14%、25%和18%。")
    assert names[18] == "火灾直接财产损失"
    names = _names(extract, "全省森林火灾受害面积、过火面积分别下降33%和27%。")
    assert names[27] == "森林火灾过火面积"
    # 因灾死亡失踪人数 is one measure: the entity is 自然灾害; a share listed with the
    # measures stays as it is said (test_the_base_of_a_share_is_never_the_name)
    names = _names(
        extract,
        "全省自然灾害因灾死亡失踪人数、倒塌房屋数量和直接经济损失占地区生产总值比重"
        "分别下降21%、34%和16%。",
    )
    assert names[34] == "自然灾害倒塌房屋数量"
    assert names[16] == "直接经济损失占地区生产总值比重"


def test_an_item_with_an_entity_of_its_own_keeps_it(extract):
    names = _names(extract, "全区生产安全事故起数、道路交通事故死亡人数分别下降9%和11%。")
    assert names[11] == "道路交通事故死亡人数"
    names = _names(extract, "全区工业企业营业收入、利润总额分别增长9%和13%。")
    assert names[13] == "工业企业利润总额"
