"""Naming rules for action plans, plan outlines and statistical bulletins (issue 11),
each tested on invented sentences written the way such documents are written."""

from __future__ import annotations

from bot.targets import TargetRecord


def names(records: list[TargetRecord]) -> dict[tuple[float | None, str], str]:
    return {(r.value, r.unit): r.indicator for r in records}


PLAN = "江南省加快外贸发展行动方案（2024-2026年）\n一、主要目标\n"
BULLETIN = "2023年江州市国民经济和社会发展统计公报\n江州市统计局\n"


def test_a_partner_said_before_a_list_is_every_items_partner(extract):
    got = names(
        extract(
            PLAN + "到2026年，全省与东盟国家货物贸易、服务贸易和双向投资分别占比达25%、15%和12%。\n"
        )
    )
    assert got[(25, "%")] == "与东盟国家货物贸易占比"
    assert got[(15, "%")] == "与东盟国家服务贸易占比"
    assert got[(12, "%")] == "与东盟国家双向投资占比"


def test_partners_listed_as_items_stay_each_its_own(extract):
    got = names(extract(PLAN + "到2026年，全省对日本、韩国进出口总额分别增长8%和5%。\n"))
    assert got[(8, "%")] == "对日本进出口总额"
    assert got[(5, "%")] == "对韩国进出口总额"


def test_sales_through_a_network_are_not_all_sales(extract):
    got = extract(
        BULLETIN + "全年限额以上单位通过公共网络实现的商品零售额120.5亿元，增长15.2%。\n"
        "全市限额以上单位通过公共网络实现商品零售额、餐饮收入分别增长12.1%、6.3%。\n"
        "全年实现餐饮收入30.2亿元。\n"
    )
    by = names(got)
    # the table's name for the goods, written with its 的 as the bulletins' golds write it
    assert by[(120.5, "亿元")] == "限额以上单位通过公共网络实现的商品零售额"
    assert by[(12.1, "%")] == "限额以上单位通过公共网络实现的商品零售额"
    assert by[(6.3, "%")] == "限额以上单位通过公共网络实现餐饮收入"
    assert by[(30.2, "亿元")] == "餐饮收入"  # all catering, no channel said


OUTLINE = "江南省“十四五”城乡建设规划\n（一）发展成就\n"


def test_programmes_counted_inside_their_name_take_its_topic(extract):
    got = names(
        extract(
            OUTLINE + "实施城市更新5项重点工程，开展农村人居环境整治三项重点行动。"
            "实施稳经济30项举措。\n"
        )
    )
    assert got[(5, "项")] == "城市更新重点工程"
    assert got[(3, "项")] == "农村人居环境整治重点行动"
    assert got[(30, "项")] == "稳经济举措"  # a policy package, named as before


def test_things_counted_under_a_short_name_are_named_by_it(extract):
    got = names(
        extract(
            OUTLINE + "培育2—3个智能网联汽车、低空飞行器、商业航天领军企业"
            "（以下简称“新赛道企业”），建成10个国家级示范园区（以下简称示范园区）。\n"
        )
    )
    assert got[(2, "个")] == "新赛道企业"
    assert got[(10, "个")] == "国家级示范园区"  # the short name says less than the name


def test_a_condition_the_things_counted_meet_stays_in_their_name(extract):
    got = names(
        extract(
            PLAN + "到2026年，培育5家具备科创板上市条件的硬核企业，"
            "新增具备中试以上条件的科技支撑基地10个以上，建成8个具有国际影响力的创新平台。\n"
        )
    )
    assert got[(5, "家")] == "具备科创板上市条件的硬核企业"
    assert got[(10, "个")] == "具备中试以上条件的科技支撑基地"
    assert got[(8, "个")] == "创新平台"  # an influence is no condition met


def test_a_rate_of_the_new_ones_keeps_whose_they_are(extract):
    got = names(
        extract(
            OUTLINE + "到2025年，重点行业规模以上企业新增从业人员安全技能培训率达到100%，"
            "全市新增城镇就业5万人。\n"
        )
    )
    assert got[(100, "%")] == "重点行业规模以上企业新增从业人员安全技能培训率"
    assert got[(5, "万人")] == "新增城镇就业"  # the table's name, its 新增 a verb of no rate


def test_money_sized_before_a_fund_is_the_funds(extract):
    got = names(
        extract(
            "江南省生物医药产业发展行动方案（2025—2027年）\n二、重点任务\n"
            "省财政每年安排专项资金10亿元，设立总规模100亿元的产业投资基金。\n"
        )
    )
    assert got[(100, "亿元")] == "产业投资基金"  # not the 专项资金 of the clause before


def test_a_sector_plans_bare_measures_are_its_industrys(extract):
    text = (
        "江南省新能源汽车产业高质量发展行动方案（2025—2027年）\n一、主要目标\n"
        "到2027年，全省新能源汽车产量达到100万辆，产业规模突破5000亿元，"
        "动力电池产业营业收入超过800亿元。\n"
    )
    got = names(extract(text))
    assert got[(5000, "亿元")] == "新能源汽车产业规模"
    assert got[(800, "亿元")] == "动力电池产业营业收入"  # an owner of its own
    notice = (
        "江南省人民政府关于印发《江南省低空经济发展行动方案》的通知\n一、主要目标\n"
        "到2027年，产业规模达到1000亿元。\n"
    )
    assert names(extract(notice))[(1000, "亿元")] == "低空经济产业规模"
    plain = PLAN + "到2026年，产业规模达到1000亿元。\n"
    assert names(extract(plain))[(1000, "亿元")] == "产业规模"  # no industry in the title


def test_levels_listed_before_a_thing_are_each_of_the_whole_thing(extract):
    got = names(
        extract(
            OUTLINE + "到2025年，国家级、省级现代农业产业园分别达到10个、50个，"
            "国家、省级重点实验室分别达到8个和40个。\n"
        )
    )
    assert got[(10, "个")] == "国家级现代农业产业园"
    assert got[(50, "个")] == "省级现代农业产业园"
    assert got[(8, "个")] == "国家重点实验室"
    assert got[(40, "个")] == "省级重点实验室"


def test_yearly_figures_of_a_plan_span_its_period(extract):
    outline = (
        "江南省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n"
        "第三章 重点任务\n"
        "实施城市更新行动，改造城镇老旧小区5000个。新增城镇就业每年50万人以上。\n"
    )
    got = {(r.indicator, r.value): r.year for r in extract(outline)}
    assert got[("老旧小区", 5000)] == "2021-2025"  # 第十四个五年规划 is the 十四五
    assert got[("新增城镇就业", 50)] == "2021-2025"  # each year of it
    plan = (
        "江南省高标准农田建设行动方案（2025—2027年）\n一、主要目标\n"
        "到2027年，每年新增高标准农田50万亩，累计建成300万亩。\n"
    )
    got = {r.value: r.year for r in extract(plan)}
    assert got[50] == "2025-2027"
    assert got[300] == "2025-2027"  # accumulated over the period


def test_long_industry_divisions_are_categories_of_the_paragraphs_measure(extract):
    got = {
        (r.indicator, r.value): r.confident
        for r in extract(
            BULLETIN + "全年规模以上工业增加值比上年增长7.2%。分门类看，采矿业增长2.1%，"
            "电力、热力、燃气及水生产和供应业增长5.5%。\n"
            "全年固定资产投资比上年增长6.5%。分行业看，交通运输、仓储和邮政业投资增长12.1%，"
            "信息传输、软件和信息技术服务业增长8.8%。\n"
        )
    }
    assert got[("电力、热力、燃气及水生产和供应业增加值", 5.5)]
    assert got[("交通运输、仓储和邮政业投资", 12.1)]  # one name, shown
    assert got[("信息传输、软件和信息技术服务业投资", 8.8)]


def test_each_column_of_a_table_of_measures_names_its_own_measure(extract):
    text = (
        BULLETIN + "表4 2023年各级各类学校招生、在校生和毕业生情况\n"
        "指标\t招生数(万人)\t在校生数(万人)\t毕业生数(万人)\n"
        "普通高中\t2.3\t6.7\t2.1\n"
        "初中\t3.4\t10.2\t3.3\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    # each column's measure, written as the table's canonical name (招生数 is 招生)
    assert got[2.3] == "普通高中招生"
    assert got[6.7] == "普通高中在校学生"
    assert got[2.1] == "普通高中毕业生"
    assert got[10.2] == "初中在校学生"


def test_a_size_bounding_a_kind_of_firm_is_no_figure(extract):
    got = names(extract(PLAN + "到2026年，培育10家营业收入超百亿元的龙头企业。\n"))
    assert (100, "亿元") not in got  # the class of the firms counted
    assert got[(10, "家")] == "营业收入超百亿元的龙头企业"


def test_a_density_per_head_and_money_of_those_led_to_add_it(extract):
    got = names(
        extract(
            PLAN + "到2026年，全省工业机器人密度达到每万人300台，"
            "引导金融机构新增制造业中长期贷款500亿元。\n"
        )
    )
    assert got[(300, "台")] == "工业机器人密度"  # not 每万人
    assert got[(500, "亿元")] == "制造业中长期贷款"  # the banks are led, they own nothing


def test_who_controls_the_things_counted_is_a_kind_listed_before_them(extract):
    got = {
        (r.indicator, r.value): r.confident
        for r in extract(
            BULLETIN + "全市42个国控、省控地表水考核断面中，水质优良断面40个。"
            "年末有国家级、省级重点实验室15个。\n"
        )
    }
    assert ("国控、省控地表水考核断面", 42) in got  # not 国控 alone
    assert got[("国家级、省级重点实验室", 15)]  # kinds of one thing: a confident name


def test_awards_are_named_by_their_kind_and_who_receives_them(extract):
    got = names(
        extract(
            "江南省专精特新企业培育行动方案（2025—2027年）\n二、重点任务\n"
            "对新认定的国家级专精特新“小巨人”企业，给予一次性奖励100万元。"
            "对取得证书的养老护理员，给予每人最高2000元的一次性补贴。\n"
        )
    )
    assert got[(100, "万元")] == "国家级专精特新小巨人企业奖励"
    assert got[(2000, "元")] == "养老护理员补贴"  # 一次性: the manner, no part of the name


def test_all_kinds_first_in_a_list_of_classes_keeps_its_all(extract):
    got = names(
        extract(
            OUTLINE
            + "2020年全省各类事故、较大事故和重特大事故起数比2015年分别下降40.1%、30.2%和50.3%，"
            "死亡人数分别下降35.1%、32.2%和60.3%。全年各类市场主体新增12.5万户。\n"
        )
    )
    assert got[(40.1, "%")] == "各类事故起数"  # all accidents, beside the classes after it
    assert got[(30.2, "%")] == "较大事故起数"
    assert got[(35.1, "%")] == "各类事故死亡人数"
    assert got[(12.5, "万户")] == "市场主体"  # no classes beside it: 各类 says nothing


def test_a_store_named_by_its_role_holds_what_its_item_is_about(extract):
    text = (
        OUTLINE + "专栏3 应急物资储备工程\n"
        "1．防汛抗旱物资：新建6个防汛抗旱物资储备库和12个综合仓库，建设3个区域性应急物流中心。\n"
    )
    got = names(extract(text))
    assert got[(12, "个")] == "防汛抗旱物资综合仓库"
    assert got[(6, "个")] == "防汛抗旱物资储备库"  # says what it holds
    assert got[(3, "个")] == "区域性应急物流中心"  # no store: stands as written


def test_a_state_of_one_measure_then_the_figure_of_the_next(extract):
    got = names(
        extract(
            OUTLINE + "全省粮食播种面积保持稳定、产量达到600亿斤以上，"
            "生猪出栏稳步增长、存栏达到3000万头。\n"
        )
    )
    assert got[(600, "亿斤")] == "粮食产量"
    assert got[(3000, "万头")] == "生猪存栏"


def test_work_named_as_a_kind_of_project_goes_on_to_its_head(extract):
    got = names(
        extract(
            BULLETIN + "全年实施120个技术改造项目，260个智能化改造项目全部完成。"
            "30栋老旧楼房改造完成。\n"
        )
    )
    assert got[(120, "个")] == "技术改造项目"
    assert got[(260, "个")] == "智能化改造项目"
    assert got[(30, "栋")] == "老旧楼房"  # what is done to them, no project


def test_a_size_class_before_the_things_counted_is_part_of_their_name(extract):
    got = names(
        extract(
            BULLETIN + "新设或增资合同外资1000万美元以上的外资企业93家。"
            "年营业收入2000万元以上的服务业企业150家。年末有亿元以上在建项目320个。\n"
        )
    )
    assert got[(93, "家")] == "合同外资1000万美元以上的外资企业"
    assert got[(150, "家")] == "年营业收入2000万元以上的服务业企业"
    assert got[(320, "个")] == "亿元以上在建项目"


def test_a_task_repeating_a_goal_with_more_words_keeps_the_goals_year(extract):
    text = (
        "江南省设施农业机械化实施意见（2021—2025年）\n一、主要目标\n"
        "到2025年，打造蔬菜生产核心示范园8-10个。\n二、重点任务\n"
        "打造园艺场规模面积200亩以上的蔬菜生产核心示范园8-10个。\n"
    )
    years = [r.year for r in extract(text) if r.value == 8]
    assert years == ["2025", "2025"]


def test_a_share_meeting_a_water_class_keeps_what_it_meets(extract):
    got = names(
        extract(
            "江南省生态环境保护规划（2021—2025年）\n一、主要目标\n"
            "到2025年，集中式饮用水水源水质达到或优于Ⅲ类比例保持100%。\n"
        )
    )
    assert got[(100, "%")] == "集中式饮用水水源水质达到或优于Ⅲ类比例"  # not 或优于Ⅲ类比例


def test_industries_listed_before_a_shared_industry_measure(extract):
    got = names(
        extract(
            PLAN + "到2026年，电子信息、装备制造、新材料产业营业收入分别突破1万亿元、8000亿元和"
            "5000亿元，工业、服务业增加值分别增长6%和7%。\n"
        )
    )
    assert got[(1, "万亿元")] == "电子信息产业营业收入"  # not 电子信息收入
    assert got[(8000, "亿元")] == "装备制造产业营业收入"
    assert got[(6, "%")] == "工业增加值"  # not 工业业增加值
    assert got[(7, "%")] == "服务业增加值"


def test_bracketed_cells_of_an_average_or_cumulative_column_are_cumulative(extract):
    text = (
        "江南省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n"
        "第二章 主要目标\n"
        "指标\t2020年\t2025年\t年均增长〔累计〕\t属性\n"
        "地区生产总值增长（%）\t3.9\t—\t6左右\t预期性\n"
        "每万人口高价值发明专利拥有量（件）\t3.2\t8\t[4.8]\t预期性\n"
        "常住人口城镇化率（%）\t60.2\t65\t[4.8]\t预期性\n"
    )
    got = {(r.indicator, r.value, r.unit): r.change for r in extract(text)}
    assert got[("地区生产总值", 6, "%")] == "年均增长"
    assert got[("每万人口高价值发明专利拥有量", 4.8, "件")] == "累计"  # more patents, in 件
    assert got[("常住人口城镇化率", 4.8, "%")] == "累计"


def test_scope_columns_with_their_unit_still_name_the_scope(extract):
    text = (
        BULLETIN + "表1 2023年居民消费价格比上年涨跌幅度\n"
        "指标\t全市(%)\t城市(%)\t农村(%)\n"
        "居民消费价格\t0.3\t0.4\t0.1\n"
    )
    got = {r.value: r.indicator for r in extract(text)}
    assert got[0.3] == "居民消费价格"
    assert got[0.4] == "城市居民消费价格"
    assert got[0.1] == "农村居民消费价格"


def test_firms_counted_by_where_they_list(extract):
    got = names(
        extract(
            PLAN + "到2026年，支持30家企业在境内外上市，推动50家企业挂牌新三板，"
            "力争10家企业在科创板上市。\n"
        )
    )
    assert got[(30, "家")] == "境内外上市企业"  # not 支持
    assert got[(50, "家")] == "新三板挂牌企业"
    assert got[(10, "家")] == "科创板上市企业"


def test_places_a_verb_word_describes_are_confident_names(table):
    from bot.targets.naming import name_confidence

    assert name_confidence("通用机场", table) >= 0.6  # 通用 is no act here
    assert name_confidence("起降点", table) >= 0.6
    assert name_confidence("建设充电站", table) < 0.6  # building one is an act
    assert name_confidence("统筹安排省级财政资金", table) < 0.6


def test_shares_said_in_a_whole_and_long_shares(extract):
    got = {
        r.value: (r.indicator, r.confident)
        for r in extract(
            PLAN + "到2026年，民间投资在固定资产投资中的占比超过55%，"
            "战略性新兴产业增加值占规模以上工业增加值比重达到35%。\n"
        )
    }
    assert got[55] == ("民间投资占固定资产投资比重", True)
    assert got[35] == ("战略性新兴产业增加值占规模以上工业增加值比重", True)  # long, plain


def test_a_floor_on_a_share_of_a_whole(extract):
    got = names(
        extract(
            "江南省城市更新实施意见\n江南省人民政府办公厅\n2024年3月1日\n二、重点任务\n"
            "城市更新项目配建的公共服务设施面积不低于总建筑面积的10%。"
            "新建住宅小区绿地面积不少于用地面积的30%。\n"
        )
    )
    assert got[(10, "%")] == "公共服务设施面积占总建筑面积比重"
    assert got[(30, "%")] == "住宅小区绿地面积占用地面积比重"


def test_a_parts_bare_share_is_of_the_whole_it_was_listed_under(extract):
    got = names(
        extract(
            BULLETIN
            + "全年一般公共预算支出567.8亿元，增长5.6%，其中民生支出456.7亿元，所占比重80.4%。\n"
            + "全年一般公共预算收入98.6亿元，其中税收收入70.2亿元、占比71.2%。\n"
        )
    )
    assert got[(80.4, "%")] == "民生支出占一般公共预算支出比重"
    assert got[(456.7, "亿元")] == "民生支出"
    # said 占比, the share is named as written (GOLD_GUIDELINES 6.8.18)
    assert got[(71.2, "%")] == "税收收入占比"


def test_a_goal_opening_with_what_it_measures_names_its_bare_figures(extract):
    text = (
        "江南省低空经济高质量发展行动方案（2025—2027年）\n一、发展目标\n"
        "1．产业规模：到2027年，突破1000亿元，年均增长20%以上。\n"
        "2．主要任务：到2027年，完成30项。\n"
    )
    got = names(extract(text))
    assert got[(1000, "亿元")] == "低空经济产业规模"  # the label, owned by the plan's industry
    assert got[(20, "%")] == "低空经济产业规模"
    assert got.get((30, "项"), "") != "主要任务"  # a part's heading measures nothing


def test_a_return_period_qualifying_what_a_share_meets_is_no_figure(extract):
    text = (
        "江南省海绵城市建设实施意见\n江南省人民政府\n2024年3月1日\n一、目标\n"
        "到2025年，全市城镇25%面积达到3—5年一遇雨水排水能力，主要河道防洪标准提高到五十年一遇。\n"
    )
    got = {(r.value, r.unit) for r in extract(text)}
    assert (25, "%") in got
    assert (3, "年一遇") not in got  # the capacity the share meets
    assert (50, "年一遇") in got  # a standard raised to a level is a figure


def test_shares_of_places_reached_and_radii_in_coverage_rates(extract):
    text = (
        "江南省综合交通运输发展规划（2021—2025年）\n一、目标\n"
        "到2025年，高铁通达90%以上的市县，5G网络覆盖95%以上的行政村，"
        "城市公交站点500米覆盖率达到100%，社区15分钟生活圈覆盖率达到90%。\n"
    )
    got = {(r.indicator, r.value): r.confident for r in extract(text)}
    assert ("高铁通达市县比例", 90) in got  # not 高铁通
    assert ("5G网络覆盖行政村比例", 95) in got
    assert got[("城市公交站点500米覆盖率", 100)]  # the radius is in the name, no figure
    assert ("社区15分钟生活圈覆盖率", 90) in got
    assert 500 not in {v for _, v in got}


def test_who_says_it_is_no_label_of_what_is_measured(extract):
    got = names(extract(PLAN + "据统计：全年增长5%。\n农民收入：到2026年，年均增长7%。\n"))
    assert got.get((5, "%"), "") != "据统计"
    assert got[(7, "%")] == "农民收入"
