"""The topic of a sentence carried to the figures whose clause names none
(``bot.targets.naming.carry``). All sentences are invented."""

from __future__ import annotations

import pytest

from bot.corpus.loader import load_document
from bot.models import Document
from bot.targets import TargetRecord, extract_targets
from bot.targets.naming.carry import _bare_clause, opening_topic, topic_of
from bot.targets.naming.events import events_in

REPORT = "江州市2025年政府工作报告\n"


@pytest.fixture
def names(tmp_path, table):
    def run(*lines: str, title: str = REPORT) -> dict[tuple[float, str], str]:
        path = tmp_path / "doc.txt"
        path.write_text(title + "\n".join(lines) + "\n", encoding="utf-8")
        doc: Document = load_document(path, tmp_path, max_bytes=10**7, passage_max_chars=400)
        records: list[TargetRecord] = extract_targets(doc, table)
        return {(r.value, r.unit): r.indicator for r in records}

    return run


def test_a_topic_and_how_it_went_names_the_acts_after_it(names):
    got = names("江州港口物流发展远超预期，累计发送旅客超3200万人次、运输货物超5100万吨。")
    assert got[(3200, "万人次")] == "江州港口物流发送旅客"
    assert got[(5100, "万吨")] == "江州港口物流运输货物"


def test_the_money_put_into_the_topic(names):
    got = names(
        "城东片区改造和商业开发进程加快，累计完成投资126.5亿元。",
        "老城区供热改造工作成效显著，建立了包片包户的工作机制，完成投资21.6亿元。",
        "三年来，我市公共文化体系日趋完善，累计完成投入12.8亿元。",
    )
    assert got[(126.5, "亿元")] == "城东片区改造和商业开发投资"
    assert got[(21.6, "亿元")] == "老城区供热改造投资"
    assert got[(12.8, "亿元")] == "公共文化投入"


def test_an_act_after_a_figure_of_its_subject(names):
    got = names(
        "智慧农业平台授信超800亿元、服务农户超35万次。",
        "累计建设运营乡村物流站点2.3万个，提供各类服务1.6亿人次。",
    )
    assert got[(35, "万次")] == "智慧农业平台服务农户"
    assert got[(1.6, "亿人次")] == "乡村物流站点提供服务"


def test_parallel_items_and_clauses_with_their_own_subject_are_left_alone(names):
    got = names(
        "耕地保护有力推进，撂荒耕地复耕复种8.5万亩、垦造水田0.6万亩。",
        "年末共有广播电视台3座，融媒体中心12个。",
        "全年粮食产量达到1.3万亿斤，增长2%，其中夏粮增产3%。",
        "引进重大项目120个，总投资850亿元。",
    )
    # a list of one unit is parallel items, not a subject and its act
    assert got[(0.6, "万亩")] == "垦造水田"
    assert got[(12, "个")] == "融媒体中心"  # 融 opens a noun, not an act
    assert got[(1.3, "万亿斤")] == "粮食产量"
    assert got[(3, "%")] == "夏粮产量"
    assert got[(850, "亿元")] == "重大项目总投资"


def test_what_a_topic_clause_is():
    assert topic_of("江州港口物流发展远超预期") == "江州港口物流"
    assert topic_of("棚户区改造工作成效显著") == "棚户区改造"
    assert topic_of("农机社会化服务体系机制创新完善") == "农机社会化服务"
    assert topic_of("坚持就业优先") == ""  # an act, not a topic
    assert topic_of("我们坚持以人民为中心") == ""
    assert topic_of("粮食产量达到1.3万亿斤") == ""  # a figure's clause
    assert opening_topic("五年来，我市公共文化体系日趋完善，累计完成投入12.8亿元") == "公共文化"


def test_what_a_programme_covers_is_named_after_it(names):
    got = names(
        "全面开展驻村帮扶，全域覆盖860个乡镇、1.2万个行政村。",
        "实施“教育共享计划”，实现420个学区和310所普通高中全覆盖。",
        "推进5G网络建设，新建基站3000个。",
    )
    assert got[(860, "个")] == "驻村帮扶覆盖乡镇"
    assert got[(1.2, "万个")] == "驻村帮扶覆盖行政村"
    assert got[(420, "个")] == "教育共享计划覆盖学区"
    assert got[(310, "所")] == "教育共享计划覆盖普通高中"
    assert got[(3000, "个")] == "基站"  # built, not covered


def test_who_took_part_in_an_event(names):
    got = names(
        "精心筹办江州运动会，86个国家和地区近3000名运动员参赛。",
        "坚持开放合作，第三届江州茶叶博览会首次实现18个国家、全国25个省区市全部参展。",
        "第二届江州论坛和首届江州马拉松共有40多个国家和地区参会。",
        "全年共有1200家企业参展。",
    )
    assert got[(86, "个")] == "江州运动会参赛国家和地区"
    assert got[(3000, "名")] == "江州运动会参赛运动员"
    assert got[(18, "个")] == "江州茶叶博览会参展国家"  # the ordinal is no part of it
    assert got[(25, "个")] == "江州茶叶博览会参展省区市"
    assert got[(40, "个")] == "参会国家和地区"  # two events: the count is of both
    assert got[(1200, "家")] == "参展企业"


def test_events_a_text_names():
    assert events_in("精心筹办江州运动会") == ["江州运动会"]
    assert events_in("第三届江州茶叶博览会首次实现") == ["江州茶叶博览会"]
    assert events_in("江州商会和行业协会") == []  # bodies, not events


def test_a_topic_sentence_names_the_headless_figures_of_the_next(names):
    got = names(
        "滨江新区建设取得突破性进展。全年完成投资18.2亿元。东区路网改造工作成效明显。"
        "全年共完成投资4.6亿元。我们坚持稳中求进，全年完成投资7.7亿元。"
    )
    assert got[(18.2, "亿元")] == "滨江新区投资"
    assert got[(4.6, "亿元")] == "东区路网改造投资"
    assert got[(7.7, "亿元")] != "稳中求进投资"  # an act, not a topic


def test_how_a_topic_went_said_with_qude():
    assert topic_of("老城区改造取得明显成效") == "老城区改造"
    assert topic_of("东山片区基础设施建设取得突破性进展") == "东山片区基础设施"


def test_settings_listed_alone_are_of_the_subject_before(names):
    got = names(
        "全年居民人均可支配收入3.2万元，城镇、农村分别增长5.1%和6.3%。",
        "居民人均消费支出2.1万元，城乡分别增长4.2%和7.4%。",
    )
    assert got[(5.1, "%")] == "城镇居民人均可支配收入"
    assert got[(6.3, "%")] == "农村居民人均可支配收入"
    assert got[(4.2, "%")] == "城镇居民人均消费支出"
    assert got[(7.4, "%")] == "农村居民人均消费支出"


def test_a_count_ends_at_the_verb_whose_object_the_next_figure_counts(names):
    got = names("首批8个产业先导区集聚产业链核心企业超90家。")
    assert got[(8, "个")] == "产业先导区"  # not …集聚产业链核心企业
    assert got[(90, "家")] == "产业链核心企业"


def test_parts_of_what_was_just_counted_named_by_what_they_did(names):
    got = names(
        "累计形成120项改革创新案例，60项获国家层面认可、25项向全国推广。",
        "新建口袋公园40个、体育场馆12个。",
    )
    assert got[(60, "项")] == "获国家层面认可的改革创新案例"
    assert got[(25, "项")] == "向全国推广的改革创新案例"  # a part of the 120, not of the 60
    assert got[(12, "个")] == "体育场馆"  # its own noun: not a part


def test_things_named_by_their_state_are_a_name(names):
    got = names("市委、市政府12次调度推进重大项目，开工项目超300个、完成投资近900亿元。")
    assert got[(300, "个")] == "开工项目"  # not the 重大项目's 项目
    assert got[(900, "亿元")] == "开工项目完成投资"


def test_two_kinds_of_one_head_joined_by_a_conjunction(names):
    got = names(
        "新建15个500千伏和220千伏变电工程。",
        "承办60多项国际性和全国性赛事。",
        "新开30条国际及地区航线。",
        "建成12个科技馆和图书馆。",
    )
    assert got[(15, "个")] == "500千伏和220千伏变电工程"
    assert got[(60, "项")] == "国际性和全国性赛事"
    assert got[(30, "条")] == "国际及地区航线"
    # two things under one count are named together too (6.8.7, as the dev golds name
    # 1181项对照学习沪苏浙创新政策和举措 and 8个…产教联合体和行业产教融合共同体)
    assert got[(12, "个")] == "科技馆和图书馆"


def test_a_known_indicator_planned_to_grow_is_no_plan(names):
    got = names(
        "宜昌要加大投资力度，2025年宜昌全年固定资产投资计划增长6%。",
        title="宜昌市2025年重大项目计划发布会\n",
    )
    assert got[(6, "%")] == "固定资产投资"


def test_a_bare_measure_is_of_the_topic_the_sentence_opens_with(names):
    got = names(
        "五年来，全市数字文化产业取得了长足的发展成就，总体规模连续三年位居全省第二。",
        "坚持创新驱动，营收突破800亿元。",
    )
    assert got[(2, "位")] == "数字文化产业总体规模全省排名"
    assert got[(800, "亿元")] != "创新驱动营收"  # an act, not a topic


def test_projects_counted_after_the_topic_they_belong_to(names):
    got = names("重大水利工程已开工的57个项目要加快建设，今年再开工27个项目。")
    assert got[(57, "个")] == "重大水利工程项目"
    assert got[(27, "个")] == "重大水利工程项目"


def test_a_count_of_times_is_named_by_the_act(names):
    got = names(
        "省委、省政府12次调度推进重大产业项目。",
        "航天城建设提速，商业航天全年6次发射全部成功。",
        "全年召开常务会议24次。",
    )
    assert got[(12, "次")] == "调度推进重大产业项目"  # the bodies that act leave the name
    assert got[(6, "次")] == "商业航天发射"
    assert got[(24, "次")] == "召开常务会议"  # the act before the figure: as it was


def test_the_years_measure_is_of_the_thing_just_measured(names):
    got = names("全省粮食播种面积稳定在3200万亩以上、年度产量首次突破900万吨。")
    assert got[(900, "万吨")] == "粮食产量"  # 年度 is the year under review, no entity


def test_one_count_of_either_kind(names):
    got = names(
        "建成120个社区健身路径或5人制足球场。",
        "8个自治州通高铁或动车。",
    )
    assert got[(120, "个")] == "社区健身路径或5人制足球场"
    assert got[(8, "个")] == "通高铁或动车的自治州"


def test_bare_projects_named_by_the_state_their_clause_ends_with(names):
    got = names("中化特种材料、宏达新能源等900多个新项目开工；60个项目竣工。")
    assert got[(900, "个")] == "新开工项目"
    assert got[(60, "个")] == "竣工项目"


def test_money_named_by_the_work_done_with_it(names):
    got = names(
        "投资2.4亿元完成了23条道路的改扩建。",
        "投资960万元完成了18栋老旧楼房维修改造。",
        "投资1.5亿元实施了供水等管网改造，完成45条背街小巷的综合改造。",
    )
    assert got[(2.4, "亿元")] == "道路改扩建投资"
    assert got[(960, "万元")] == "老旧楼房维修改造投资"
    assert got[(1.5, "亿元")] == "供水管网改造投资"  # not the lanes of the next clause


def test_a_figure_in_people_before_kou_counts_the_population(names):
    got = names("我国有14亿多人口、9亿劳动力资源。")
    assert got[(14, "亿人")] == "人口"  # not the labour force after it


def test_a_count_counts_the_thing_not_what_is_said_of_it(names):
    got = names(
        "提升36家中心卫生院服务能力。",
        "18条重点排水沟整治率达100%。",
        "推进20个重点帮扶县振兴发展。",
        "将6所市属高职院校办学体制调整为省属。",
        "建成45个村卫生室。",
    )
    assert got[(36, "家")] == "中心卫生院"
    assert got[(18, "条")] == "重点排水沟"
    assert got[(20, "个")] == "重点帮扶县"
    assert got[(6, "所")] == "市属高职院校"
    assert got[(45, "个")] == "村卫生室"  # a thing after the 村: part of the name


def test_a_clause_of_the_level_alone_is_the_level_of_the_topic_before(extract):
    report = "江州市政府工作报告\n一、2024年工作回顾\n"
    got = {
        r.value: r.indicator
        for r in extract(report + "困难群众生活补贴标准逐年提高，平均达到2000元。\n")
    }
    assert got[2000] == "困难群众生活补贴标准"
    got = {
        r.value: r.indicator
        for r in extract(report + "城乡低保标准稳步提高，达到每人每月800元。\n")
    }
    assert got[800] == "城乡低保标准"
    # a figure that goes on to say what of the topic it counts is not the topic's level
    got = {
        r.value: r.indicator
        for r in extract(report + "初中毕业生升学渠道拓宽、70%就读普通高中。\n")
    }
    assert got.get(70) != "初中毕业生升学渠道"


def test_an_industrys_bare_size_after_its_products_output_is_that_industrys(extract):
    report = "江州市政府工作报告\n二、2025年工作安排\n"
    text = report + "到2030年，新能源汽车产量达到50万辆，产业规模突破3000亿元。\n"
    got = {r.value: r.indicator for r in extract(text)}
    assert got[3000] == "新能源汽车产业规模"


@pytest.mark.parametrize(
    ("clause", "bare"),
    [
        ("，2025年平均达到", "平均"),  # the time word, then the hedge after 平均
        ("全年累计超过", ""),  # a lead word and a hedge: nothing of a name left
        ("今年提高到每人每月", "提高到"),  # the per-head words, the verb kept
        ("新建停车泊位", "建停车泊位"),  # a thing named: the level rule does not apply
    ],
)
def test_a_level_clause_is_stripped_to_what_names_it(clause: str, bare: str) -> None:
    assert _bare_clause(clause) == bare
