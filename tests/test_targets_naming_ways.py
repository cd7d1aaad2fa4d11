"""Naming rules of the naming-general2 pass, each on invented work-report sentences."""

from __future__ import annotations

from bot.targets.records import TargetRecord

REPORT = "江州市政府工作报告\n一、2024年工作回顾\n"


def names(records: list[TargetRecord]) -> dict[tuple[float | None, str], str]:
    return {(r.value, r.unit): r.indicator for r in records}


def test_things_that_reach_a_quoted_way_of_working_are_named_by_it(extract):
    got = names(extract(REPORT + "推动120项高频事项“跨省通办、省内通办”，便民服务持续优化。\n"))
    assert got[(120, "项")] == "跨省通办、省内通办高频事项"
    got = names(extract(REPORT + "全年新增40项企业服务事项实现“一网通办”。\n"))
    assert got[(40, "项")] == "一网通办企业服务事项"
    # where it is done is left out; a place that is part of the way's name is kept
    got = names(extract(REPORT + "推动30项政务服务在边境口岸“一窗受理”。\n"))
    assert got[(30, "项")] == "一窗受理政务服务"
    got = names(extract(REPORT + "新增85项居民服务事项长三角“一卡通办”。\n"))
    assert got[(85, "项")] == "长三角一卡通办居民服务事项"


def test_a_quoted_title_after_a_verb_of_award_is_no_way_of_working(extract):
    # 获评 is a verb: the things end before it, and the award's own pass names them
    got = names(extract(REPORT + "全年36家企业获评“专精特新”。\n"))
    assert got[(36, "家")] == "专精特新企业"


def test_a_quoted_thing_after_its_attribute_is_no_way_of_working(extract):
    # the quote is the thing counted (a service circle), 高品质 says of what kind
    got = names(extract(REPORT + "打造20个高品质“一刻钟便民生活圈”，让城市更有烟火气。\n"))
    assert got[(20, "个")] == "一刻钟便民生活圈"


def test_a_batch_counted_after_whose_batch_it_is_keeps_the_owner(extract):
    text = (
        "江州综合改革试点首批30项授权事项大部分落地，江淮“两城”联动首批12项重点合作项目加快推进。"
    )
    got = names(extract(REPORT + text + "\n"))
    assert got[(30, "项")] == "江州综合改革试点授权事项"  # not 授权事项大部分
    assert got[(12, "项")] == "江淮两城联动重点合作项目"


def test_a_batch_after_an_act_a_scope_or_a_list_has_no_owner(extract):
    text = "江州高新区建成首批5个孵化器，江州市启动首批8个未来社区，我市入选全国首批10个试点城市。"
    got = names(extract(REPORT + text + "\n"))
    assert got[(5, "个")] == "孵化器"
    assert got[(8, "个")] == "未来社区"
    assert got[(10, "个")] == "试点城市"


def test_the_measure_of_an_act_alone_is_not_shown(extract):
    # 完成率 names no thing (whose plan was completed?): kept, not shown
    got = {r.value: r for r in extract(REPORT + "全年完成投资596亿元，计划完成率119.3%。\n")}
    assert got[119.3].indicator == "完成率"
    assert not got[119.3].confident
    # a measure of a thing named before it stays shown
    got = {r.value: r for r in extract(REPORT + "全市优抚对象补助金额达到1.2亿元。\n")}
    assert got[1.2].confident


def test_a_count_of_clusters_of_a_scale_class_names_the_clusters(extract):
    # 千亿级产业 is a known name, but 集群 goes on: the clusters are counted, and shown
    for text in ("打造3个以上千亿级产业集群。", "培育4个百亿级产业链。"):
        (rec,) = [r for r in extract(REPORT + text + "\n") if r.unit == "个"]
        assert rec.indicator == text[text.index("级") - 2 : -1]
        assert rec.confident
    # the industries themselves stay the known name
    got = names(extract(REPORT + "力争建成2个千亿级产业。\n"))
    assert got[(2, "个")] == "千亿级产业"


def test_a_task_sized_in_land_or_people_is_named_by_its_work(extract):
    got = names(extract(REPORT + "年内完成12.5万平方米的绿化任务。\n"))
    assert got[(12.5, "万平方米")] == "绿化面积"
    got = names(extract(REPORT + "（3）推进地质灾害避险搬迁，完成1.5万人搬迁任务。\n"))
    assert got[(1.5, "万人")] == "地质灾害避险搬迁"
    # tasks counted as tasks keep their name
    got = names(extract(REPORT + "推动30项试点任务全部落地。\n"))
    assert got[(30, "项")] == "试点任务"


def test_things_that_completed_a_work_are_named_by_it(extract):
    got = names(extract(REPORT + "新增800个以上自然村完成农村生活污水治理工作。\n"))
    assert got[(800, "个")] == "农村生活污水治理自然村"


def test_a_hedged_share_is_the_share_of_the_subject_before(extract):
    text = "全市新能源汽车保有量达12万辆，约占全省35%；高新技术企业1200家，仅占全省8%。"
    got = names(extract(REPORT + text + "\n"))
    assert got[(35, "%")] == "新能源汽车保有量占全省比重"  # not 约占全省
    assert got[(8, "%")] == "高新技术企业占全省比重"


def test_a_count_of_places_named_by_something_else_is_not_shown(extract):
    # 9个村: the villages are counted; a name carried from the pipes is no name of them
    text = "铺设供水管道85公里，解决了9个村3.2万人的安全饮水。"
    got = {r.value: r for r in extract(REPORT + text + "\n")}
    assert "村" in got[9].indicator or not got[9].confident
    # a name that holds the place counted stays shown
    got = {r.value: r for r in extract(REPORT + "全年新增12个村通硬化路。\n")}
    assert got[12].confident


def test_places_a_service_reaches_are_named_by_the_statistics_term(extract):
    got = names(extract(REPORT + "全县实现358个建制村通油路，新增126个行政村通客车。\n"))
    assert got[(358, "个")] == "通油路建制村"  # not 建制村通油路, a clause
    assert got[(126, "个")] == "通客车行政村"


def test_things_described_by_a_list_of_qualities_are_named_by_the_thing(extract):
    got = names(extract(REPORT + "打造40个吸引力强、带动面广的消费场景。\n"))
    assert got[(40, "个")] == "消费场景"  # not 吸引力强
    got = names(extract(REPORT + "建设20个特色鲜明、功能完善的产业园区。\n"))
    assert got[(20, "个")] == "产业园区"


def test_what_a_work_drove_in_the_clause_after_it_is_the_works(extract):
    got = names(extract(REPORT + "全年引进营业性演出1.1万场、带动综合消费150亿元。\n"))
    assert got[(150, "亿元")] == "营业性演出带动综合消费"
    got = names(extract(REPORT + "发放创业担保贷款18亿元，带动就业2.6万人。\n"))
    assert got[(2.6, "万人")] == "创业担保贷款带动就业"


def test_a_national_title_in_a_ranked_name_keeps_the_ranks_own_scope(extract):
    got = names(extract(REPORT + "全国道德模范、“江南好人”数量均居全国第1位。\n"))
    assert got[(1, "位")] in ("全国道德模范数量全国排名", "“江南好人”数量全国排名")
    assert all(n.endswith("全国排名") for (v, u), n in got.items() if u == "位")
    # a scope written only inside the evaluation's name is not said twice
    got = names(extract(REPORT + "我市跃居全国消费者满意度测评第4位。\n"))
    assert got[(4, "位")] == "全国消费者满意度测评排名"


def test_shares_of_an_act_said_once_after_a_list_are_each_items(extract):
    text = "市级政务信息系统、部门业务专网、政务移动应用整合分别完成30%、40%、60%。"
    got = names(extract(REPORT + text + "\n"))
    assert got[(30, "%")] == "市级政务信息系统整合比例"
    assert got[(40, "%")] == "部门业务专网整合比例"  # not 市级部门业务专网
    assert got[(60, "%")] == "政务移动应用整合比例"
    # growth said 分别 is no act done
    got = names(extract(REPORT + "小麦、玉米播种面积分别增长2.1%、3.5%。\n"))
    assert got[(2.1, "%")] == "小麦播种面积"


def test_money_that_built_the_things_counted_next_is_their_construction_investment(extract):
    got = names(extract(REPORT + "五年累计投资4.2亿元，建成东外环等26条公路。\n"))
    assert got[(4.2, "亿元")] == "公路建设投资"
    # money for other work keeps the work's name
    got = names(extract(REPORT + "投资1.2亿元完成了15条道路的改扩建。\n"))
    assert got[(1.2, "亿元")] == "道路改扩建投资"


def test_a_company_written_before_a_facilitys_capacity_owns_it(extract):
    text = "重点项目顺利推进，华能500万吨露天矿完成项目核准。"
    got = names(extract(REPORT + text + "\n"))
    assert got[(500, "万吨")] == "华能露天矿产能"
    # a scope, a verb or a capacity word before the figure is no owner
    for text in (
        "全省700万吨露天矿投产。",
        "新建200万吨褐煤提质项目。",
        "建成年产100万吨煤制油项目。",
    ):
        (record,) = extract(REPORT + text + "\n")
        assert not record.indicator.startswith(("全省", "新建", "年产", "建成"))
