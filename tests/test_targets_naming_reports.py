"""Naming rules for work reports, congress reports and speeches (issue 11), each tested
on invented sentences written the way such documents are written."""

from __future__ import annotations

from bot.targets import TargetRecord


def names(records: list[TargetRecord]) -> dict[tuple[float | None, str], str]:
    return {(r.value, r.unit): r.indicator for r in records}


REPORT = "江州市政府工作报告\n一、2024年工作回顾\n"


def test_things_entered_in_a_list_are_named_by_the_list(extract):
    got = names(extract(REPORT + "列入市重点的86个项目完成投资310亿元。\n"))
    assert got[(86, "个")] == "市重点项目"
    assert got[(310, "亿元")] == "市重点项目完成投资"
    got = names(extract(REPORT + "全年纳入省级统筹的52个项目全部开工。\n"))
    assert got[(52, "个")] == "省级统筹项目"
    got = names(extract(REPORT + "列入全区重点建设计划的37个项目全部开工。\n"))
    assert got[(37, "个")] == "区重点建设项目"


def test_a_noun_that_says_what_the_things_are_keeps_the_clause_without_its_count(extract):
    got = names(extract(REPORT + "纳入国家12项重大工程的85个计划新开工项目全部开工。\n"))
    assert got[(85, "个")] == "纳入国家重大工程的计划新开工项目"
    assert got[(12, "项")] == "重大工程"
    got = names(extract(REPORT + "纳入市级重点建设计划的41个续建项目完成投资96亿元。\n"))
    assert got[(41, "个")] == "纳入市级重点建设计划的续建项目"
    assert got[(96, "亿元")] == "续建项目完成投资"


def test_new_signed_and_landed_projects_are_named_without_the_verb(extract):
    got = extract(REPORT + "全年新签约亿元以上项目47个，新落地5亿元以上项目19个。\n")
    by = {r.value: r for r in got}
    assert by[47].indicator == "亿元以上项目" and by[47].change == "签约"
    assert by[19].indicator == "5亿元以上项目" and by[19].change == "落地"


def test_a_gap_to_the_benchmark_in_the_next_clause_is_the_rate_befores(extract):
    got = extract(REPORT + "全市地区生产总值增长6.3%，高于全省平均水平0.9个百分点。\n")
    assert [(r.indicator, r.value, r.unit, r.change) for r in got] == [
        ("地区生产总值", 6.3, "%", "增长"),
        ("地区生产总值", 0.9, "个百分点", "高于"),
    ]  # and no comparison without a number beside the gap
    got = names(extract(REPORT + "规模以上工业增加值增长8.4%，增速高于全国3.1个百分点。\n"))
    assert got[(3.1, "个百分点")] == "规模以上工业增加值"


def test_a_statistics_total_is_its_level(extract):
    got = names(extract(REPORT + "全市地区生产总值增长5.8%，总量达到2860亿元。\n"))
    assert got[(2860, "亿元")] == "地区生产总值"
    got = names(extract(REPORT + "全年能源消费总量增长2.6%。\n"))
    assert got[(2.6, "%")] == "能源消费总量"


def test_the_years_share_of_a_sets_work_is_the_sets(extract):
    got = names(extract(REPORT + "实施市级重点项目85个，年度完成投资260亿元。\n"))
    assert got[(260, "亿元")] == "市级重点项目完成投资"


def test_a_span_of_years_before_a_sum_is_no_part_of_the_name(extract):
    got = names(extract(REPORT + "五年累计签约项目212个，其中10亿元以上项目31个。\n"))
    assert got[(212, "个")] == "签约项目"
    assert got[(31, "个")] == "10亿元以上项目"


def test_rates_said_respectively_after_listed_levels_go_to_them_in_order(extract):
    got = extract(REPORT + "全年接待游客8600万人次、实现旅游收入940亿元，分别增长12%和16%。\n")
    by = {(r.value, r.unit): r.indicator for r in got}
    assert by[(12, "%")] == by[(8600, "万人次")]
    assert by[(16, "%")] == by[(940, "亿元")] == "旅游收入"


def test_a_multiple_of_the_five_years_before_is_the_figures(extract):
    got = names(extract(REPORT + "五年来累计完成固定资产投资2400亿元，是上一个五年的1.6倍。\n"))
    assert got[(1.6, "倍")] == "固定资产投资"


def test_the_people_a_counted_work_benefits_are_the_works(extract):
    got = names(extract(REPORT + "实施老旧街巷改造96条，惠及居民1.2万户。\n"))
    assert got[(1.2, "万户")] == "老旧街巷改造惠及居民"
    got = names(extract(REPORT + "新建口袋公园18个、完成危旧房改造420户、受益群众1500人。\n"))
    assert got[(1500, "人")] == "危旧房改造受益群众"


def test_a_multiple_of_a_benchmark_or_an_earlier_time_is_the_figure_befores(extract):
    got = names(extract(REPORT + "人均地区生产总值达到8.6万元，相当于全国平均水平的1.2倍。\n"))
    assert got[(1.2, "倍")] == "人均地区生产总值"
    got = names(extract(REPORT + "高新技术企业总数达到430家，是三年前的2.1倍。\n"))
    assert got[(2.1, "倍")] == "高新技术企业"


def test_examples_listed_before_a_sets_noun_are_no_part_of_its_name(extract):
    got = names(extract(REPORT + "改造供水、排水、燃气等老旧管网380公里。\n"))
    assert got[(380, "公里")] == "老旧管网"
    got = names(extract(REPORT + "建成东湖、西山等郊野公园6个。\n"))
    assert got[(6, "个")] == "郊野公园"
    got = names(extract(REPORT + "滴灌、水肥一体化等节水技术覆盖率达到45%。\n"))
    assert got[(45, "%")] == "滴灌、水肥一体化等节水技术覆盖率"  # a rate's examples stay


def test_a_second_verb_in_brackets_is_no_part_of_the_name(extract):
    got = extract(REPORT + "新建（续建）保障性住房1600套。\n")
    assert [(r.indicator, r.change) for r in got] == [("保障性住房", "新建")]


def test_what_projects_complete_keeps_the_verb_in_its_name(extract):
    got = names(extract(REPORT + "市重点项目完成投资超800亿元，全市固定资产投资增长5.1%。\n"))
    assert got[(800, "亿元")] == "市重点项目完成投资"
    got = names(extract(REPORT + "总投资12亿元的滨河片区改造工程，当年完成投资4.3亿元。\n"))
    assert got[(4.3, "亿元")] == "滨河片区改造工程完成投资"


def test_money_put_into_projects_just_counted_is_theirs_not_the_topic_befores(extract):
    got = names(
        extract(
            REPORT + "力争数字经济核心产业增加值增长12%；全年开工建设重大项目180个，完成投资"
            "420亿元；新增科技型中小企业300家。\n"
        )
    )
    assert got[(420, "亿元")] == "重大项目完成投资"


def test_the_people_money_reaches_are_the_moneys(extract):
    got = names(extract(REPORT + "发放各类临时救助资金3.2亿元，惠及困难群众9万人次。\n"))
    assert got[(9, "万人次")] == "临时救助资金惠及困难群众"


def test_a_known_class_written_with_de_is_the_known_class(extract):
    got = names(extract(REPORT + "全年签约项目64个，其中投资10亿元以上的项目7个。\n"))
    assert got[(7, "个")] == "10亿元以上项目"


def test_a_programme_named_in_quotes_with_a_doubling_is_no_figure(extract):
    got = extract(
        REPORT.replace("一、2024年工作回顾", "三、2025年重点工作")
        + "实施“专精特新企业倍增”行动，力争规模以上工业增加值增长8%。\n"
    )
    assert [(r.indicator, r.value, r.unit) for r in got] == [("规模以上工业增加值", 8, "%")]


def test_a_size_threshold_before_a_counted_noun_stays_in_its_name(extract):
    got = names(extract(REPORT + "培育营业收入超50亿元的链主企业12家。\n"))
    assert got[(12, "家")] == "营业收入超50亿元的链主企业"


def test_an_amount_handled_a_day_before_a_plant_is_the_plants_capacity(extract):
    got = names(extract(REPORT + "开工建设日处理5万吨污水处理厂，完成日供水10万吨水厂扩建。\n"))
    assert got[(5, "万吨")] == "污水处理厂日处理能力"
    assert got[(10, "万吨")] == "水厂日供水能力"
    got = names(extract(REPORT + "建成年处理30万吨生活垃圾焚烧发电厂，新建日产800吨玻璃生产线。\n"))
    assert got[(30, "万吨")] == "生活垃圾焚烧发电厂年处理能力"
    assert got[(800, "吨")] == "玻璃生产线日产能"
    # a count of plants stays a count of plants
    got = names(extract(REPORT + "新建日处理200吨餐厨垃圾处理厂2座。\n"))
    assert got[(200, "吨")] == "餐厨垃圾处理厂日处理能力"
    assert got[(2, "座")] == "餐厨垃圾处理厂"


def test_the_growth_of_the_new_ones_keeps_the_word_new(extract):
    recs = extract(REPORT + "全年进口额、新增外资企业、离境退税额分别增长21%、9%、35%。\n")
    got = names(recs)
    assert got[(9, "%")] == "新增外资企业"
    assert got[(35, "%")] == "离境退税额"
    assert all(r.confidence >= 0.6 for r in recs if r.value == 9)
    got = names(extract(REPORT + "新增高新技术企业420家，增长18%。\n"))
    assert got[(420, "家")] == "高新技术企业"  # the count: 新增 is its change
    assert got[(18, "%")] == "新增高新技术企业"


def test_a_count_after_kinds_listed_with_deng_and_no_noun_is_every_kinds(extract):
    got = names(extract(REPORT + "新组建市重点实验室、工程研究中心等25家。\n"))
    assert got[(25, "家")] == "市重点实验室、工程研究中心"
    got = names(extract(REPORT + "改造城中村、危旧房等1.2万多户，群众居住条件明显改善。\n"))
    assert got[(1.2, "万户")] == "城中村、危旧房"
    # a noun after the figure names the set: the examples stay out of it
    got = names(extract(REPORT + "建成滨江、城北等城市绿道42公里，新建东湖、西山等6个口袋公园。\n"))
    assert got[(6, "个")] == "口袋公园"


def test_a_place_word_or_overnight_before_a_known_name_narrows_it(extract):
    got = names(extract(REPORT + "接待省外游客、境外过夜游客人次分别增长6.1%、12.5%。\n"))
    assert got[(12.5, "%")] == "境外过夜游客人次"  # not all visitors, 旅游接待人数
    got = names(extract(REPORT + "接待国内过夜游客人次增长9%。\n"))
    assert got[(9, "%")] == "国内过夜游客人次"
    got = names(extract(REPORT + "接待游客人次增长5%。\n"))
    assert got[(5, "%")] == "旅游接待人数"
    # both sides are all of them: no narrower set
    got = names(extract(REPORT + "新增境内外上市公司12家。\n"))
    assert got[(12, "家")] == "上市公司"


def test_an_income_after_a_head_count_is_the_activitys_not_the_counts(extract):
    got = names(extract(REPORT + "全年康养旅游人次120万、收入56亿元。\n"))
    assert got[(120, "万人次")] == "康养旅游人次"
    assert got[(56, "亿元")] == "康养旅游收入"


def test_who_counted_things_are_opened_to_is_no_part_of_them(extract):
    got = names(extract(REPORT + "推动36个公共体育场馆面向社会免费开放。\n"))
    assert got[(36, "个")] == "公共体育场馆"


def test_a_bare_money_measure_listed_after_a_things_count_is_that_things(extract):
    got = names(extract(REPORT + "高新技术企业数量和营业收入分别增长20%和18%。\n"))
    assert got[(18, "%")] == "高新技术企业营业收入"  # not the region's 营业收入
    recs = extract(REPORT + "省级重点研发项目立项数量和获资助额实现翻番。\n")
    assert {r.indicator for r in recs} == {"省级重点研发项目立项数量", "省级重点研发项目资助额"}
    got = names(extract(REPORT + "地区生产总值和一般公共预算收入分别增长6%和5%。\n"))
    assert got[(5, "%")] == "一般公共预算收入"


def test_a_figure_opening_its_own_clause_takes_its_own_verb_not_the_lists_before(extract):
    recs = extract(REPORT + "建成社区食堂120个、养老驿站45个，培育家政品牌30个。\n")
    assert {r.value: r.change for r in recs}[45] == "建成"  # a list after 、 keeps its verb
    recs = extract(REPORT + "培育家政品牌30个，2.6万困难群众稳定消除返贫风险。\n")
    got = {r.value: r.change for r in recs}
    assert got[30] == "培育"
    assert got[2.6] == "消除"  # the people were not cultivated (培育): their clause says 消除


def test_projects_named_by_their_purpose_keep_it_not_the_money_befores_name(extract):
    got = names(extract(REPORT + "省财政投入乡村振兴资金45亿元、实施帮扶项目781个。\n"))
    assert got[(781, "个")] == "帮扶项目"  # not 省财政投入乡村振兴资金项目


def test_a_list_summed_up_in_a_quoted_label_narrows_the_known_name_after_it(extract):
    # the label names the part measured (a sub-category keeps its qualifier), the items
    # listed before it are its members, no part of the name
    got = names(extract(REPORT + "电动汽车、储能电池、风电装备“新三件”出口增长35.2%。\n"))
    assert got[(35.2, "%")] == "新三件出口"
    got = names(extract(REPORT + "茶叶、丝绸、瓷器“老三宝”出口额达到46亿元。\n"))
    assert got[(46, "亿元")] == "老三宝出口额"
    # a list with no label: the known name as before
    got = names(extract(REPORT + "机电产品、高新技术产品出口增长8%。\n"))
    assert got[(8, "%")] == "高新技术产品出口"


def test_loans_written_once_after_the_borrowers_listed_are_each_ones(extract):
    # 贷款 after a list of borrowers: each borrower's loans, not the borrowers counted
    got = names(extract(REPORT + "民营企业、“专精特新”企业贷款分别增长12.5%和18.6%。\n"))
    assert got[(12.5, "%")] == "民营企业贷款"
    got = names(extract(REPORT + "制造业、绿色贷款余额分别增长15.2%和31.4%。\n"))
    assert got[(15.2, "%")] == "制造业贷款余额"
    # an item that is already a measure keeps its own (存款、贷款余额: both balances)
    got = names(extract(REPORT + "人民币存款、贷款余额分别增长9.8%和11.2%。\n"))
    assert got[(9.8, "%")] != "人民币存款贷款"


def test_a_listed_item_keeps_the_verb_the_known_name_has_with_it(extract):
    # 接待游客 is a known measure; the list's reading drops the verb, leaving people (游客)
    got = names(
        extract(
            REPORT + "接待入境过夜游客增长50.1%，接待游客、实现旅游总花费分别增长9.5%、12.1%。\n"
        )
    )
    assert got[(9.5, "%")] == "旅游接待人数"
    assert got[(12.1, "%")] == "旅游总花费"


def test_things_counted_by_the_activity_they_carry_out_are_named_by_it(extract):
    got = names(extract(REPORT + "推动6000家工业企业开展技改。\n"))
    assert got[(6000, "家")] == "技改工业企业"
    got = names(extract(REPORT + "推动320家规上企业开展清洁生产审核。\n"))
    assert got[(320, "家")] == "清洁生产审核规模以上企业"  # 规上 written short
    # the examples of what the activity is mostly of are no part of it
    text = "全市不少于300家商超开展以水果类、蔬菜类为主的食品安全快速检测。\n"
    got = names(extract(REPORT + text))
    assert got[(300, "家")] == "食品安全快速检测商超"
    # a known stock is never the name of the part that did something
    got = names(extract(REPORT + "累计1.5万家规上工业企业实现数字化转型。\n"))
    assert got[(1.5, "万家")] == "数字化转型规模以上工业企业"
    got = names(extract(REPORT + "新推动3000家规模以上工业企业智能化改造。\n"))
    assert got[(3000, "家")] == "智能化改造规模以上工业企业"


def test_work_progress_examples_and_people_name_no_set_of_actors(extract):
    got = names(extract(REPORT + "推动120个农贸市场升级改造。\n"))
    assert got[(120, "个")] == "农贸市场"  # the markets worked on
    got = names(extract(REPORT + "支持5个国家级育种场开展性能测定等工作。\n"))
    assert got[(5, "个")] == "国家级育种场"  # examples of the work, no one activity
    got = names(extract(REPORT + "5575万农村贫困人口实现脱贫。\n"))
    assert got[(5575, "万人")] == "农村贫困人口"  # people are counted by who they are
    got = names(extract(REPORT + "完成605个村庄规模化供水改造。\n"))
    assert got[(605, "个")] == "村庄规模化供水"  # a bare act is the work done to it
    got = names(extract(REPORT + "25个重点片区改造全面展开。\n"))
    assert got[(25, "个")] == "重点片区"  # how far the work went, no activity of theirs


def test_a_level_running_an_activity_keeps_the_level_not_the_verb(extract):
    got = names(
        extract(REPORT + "市级开展辖区内教师免费轮训2.4万人，县级组织教师免费培训9.9万人。\n")
    )
    assert got[(2.4, "万人")] == "市级教师免费轮训"
    assert got[(9.9, "万人")] == "县级教师免费培训"


def test_things_counted_as_they_become_a_kind_of_themselves_are_that_kind(extract):
    got = names(extract(REPORT + "五年共有29所学校晋级标准化学校，创建率93.5%。\n"))
    assert got[(29, "所")] == "标准化学校"
    assert got[(93.5, "%")] == "标准化学校创建率"
    got = names(extract(REPORT + "全县12所学校晋升为省级示范学校。\n"))
    assert got[(12, "所")] == "省级示范学校"


def test_the_basis_of_a_standard_is_no_part_of_its_name(extract):
    # reports raise standards per head and period: 每人每月 is the figure's basis
    got = names(extract(REPORT + "城乡居民基础养老金最低标准提高到每人每月180元。\n"))
    assert got[(180, "元")] == "城乡居民基础养老金最低标准"
    got = names(extract(REPORT + "困难残疾人生活补贴标准提高到每人每月90元。\n"))
    assert got[(90, "元")] == "困难残疾人生活补贴标准"
    got = names(extract(REPORT + "农村低保标准提高到每人每年6200元。\n"))
    assert got[(6200, "元")] == "农村低保标准"


def test_a_clause_of_the_rank_alone_ranks_the_figure_before(extract):
    got = names(extract(REPORT + "7家三甲医院挂牌运营、居西部第2位。\n"))
    assert got[(2, "位")] == "三甲医院西部排名"
    got = names(extract(REPORT + "外国领事机构增至24家、居内地第3位。\n"))
    assert got[(3, "位")] == "外国领事机构内地排名"


def test_a_rank_risen_to_is_a_rank_verb(extract):
    # 升至 says where the rank went, as 跃居 does; 总量 is the level's
    got = names(extract(REPORT + "工业增加值增长7.2%、总量升至全省第4位。\n"))
    assert got[(4, "位")] == "工业增加值全省排名"
    got = names(extract(REPORT + "全市地区生产总值达到3100亿元、规模上升至全省第5位。\n"))
    assert got[(5, "位")] == "地区生产总值全省排名"


def test_a_deng_inside_a_word_does_not_end_the_counted_noun(extract):
    # 等 ends a list (生态旅游等产业), not the words 等级, 甲等, 高等
    got = names(extract(REPORT + "累计建成8回特高压等级输电线路。\n"))
    assert got[(8, "回")] == "特高压等级输电线路"
    got = names(extract(REPORT + "新增3家三级甲等医院。\n"))
    assert got[(3, "家")] == "三级甲等医院"
    # a count of grades (提升2个等级) is still the grade of the thing before
    got = names(extract(REPORT + "长江流域水生生物完整性指数提升2个等级。\n"))
    assert got[(2, "个")] == "长江流域水生生物完整性指数"


def test_a_count_said_with_an_act_alone_counts_the_things_before(extract):
    # the stages of one set of things, the things named once, in the first clause
    got = names(extract(REPORT + "全年新开工重点项目210个，竣工投产98个。\n"))
    assert got[(98, "个")] == "重点项目"
    got = names(extract(REPORT + "年投资亿元以上项目新开工52个、竣工41个。\n"))
    assert got[(41, "个")] == "年投资亿元以上项目"
    got = names(extract(REPORT + "建成5G基站3600个，开通2900个。\n"))
    assert got[(2900, "个")] == "5G基站"


def test_a_count_with_a_noun_of_its_own_or_of_people_keeps_its_name(extract):
    # a noun after the count names other things; people's acts are measures of their own
    got = names(extract(REPORT + "完成技改项目300个，推进4个数字化转型城市试点。\n"))
    assert got[(4, "个")] != "技改项目"
    got = names(extract(REPORT + "全年培训农民工2.6万人，转移就业1.8万人。\n"))
    assert got[(1.8, "万人")] != "农民工"


def test_counts_of_levels_listed_before_the_thing_share_it(extract):
    # the thing written once, after the last level: the first count is of it too
    got = names(extract(REPORT + "建成3个国家级、12个省级现代农业产业园。\n"))
    assert got[(3, "个")] == "国家级现代农业产业园"
    assert got[(12, "个")] == "省级现代农业产业园"
    got = names(extract(REPORT + "创建2个国家级，6个省级全域旅游示范区。\n"))
    assert got[(2, "个")] == "国家级全域旅游示范区"


def test_kinds_of_outcome_counted_after_the_opening_work_are_that_works(extract):
    # the sentence opens with the work; the count names only the kind of outcome
    got = names(extract(REPORT + "深化城市管理体制改革，形成12个典型案例。\n"))
    assert got[(12, "个")] == "城市管理体制改革典型案例"
    got = names(extract(REPORT + "深化营商环境改革，推出126项改革举措。\n"))
    assert got[(126, "项")] == "营商环境改革举措"  # the shared 改革 said once
    got = names(extract(REPORT + "积极对接国际高标准经贸规则，推动20项试点任务落地。\n"))
    assert got[(20, "项")] == "对接国际高标准经贸规则试点任务"


def test_a_kind_said_with_words_of_its_own_keeps_its_name(extract):
    # 市委确定的…改革任务: the clause of the count says which tasks
    got = names(extract(REPORT + "扎实推进重点领域改革，抓好市委确定的86项改革任务。\n"))
    assert got[(86, "项")] == "改革任务"


def test_the_rank_of_an_increment_is_named_by_the_increment(extract):
    got = names(extract(REPORT + "近5年人均预期寿命增量居全省第1位。\n"))
    assert got[(1, "位")] == "人均预期寿命增量全省排名"
    got = names(extract(REPORT + "全市法人单位从业人员增加40.7万人、居全省第3位。\n"))
    assert got[(3, "位")] == "法人单位从业人员增量全省排名"
    # a multiple of growth then a rank moved: the rank of the stock, not of the increment
    got = names(extract(REPORT + "高新技术企业数增长1.7倍、从全省第10位升至第8位。\n"))
    assert "增量" not in got[(8, "位")]


def test_a_measure_said_once_after_a_ranked_list_is_each_items(extract):
    got = extract(REPORT + "高速公路、农村公路通车里程均居全省第2位。\n")
    assert sorted(r.indicator for r in got) == [
        "农村公路通车里程全省排名",
        "高速公路通车里程全省排名",
    ]


def test_the_subjects_own_area_before_a_rank_is_no_part_of_its_name(extract):
    got = names(extract(REPORT + "近5年全市人均预期寿命居全省第1位。\n"))
    assert got[(1, "位")] == "人均预期寿命全省排名"
    # the list's scope said after the rank verb stays: it names the list
    got = names(extract(REPORT + "位居全省高质量发展综合绩效考核第2位。\n"))
    assert got[(2, "位")] == "全省高质量发展综合绩效考核排名"


def test_people_a_work_written_verb_first_benefits_are_the_works(extract):
    # the work's verb before the things (改造城镇老旧小区): the things' work
    got = names(extract(REPORT + "改造城镇老旧小区312个、惠及居民4.6万户。\n"))
    # (城镇老旧小区改造惠及居民 is the table's alias of this name)
    assert got[(4.6, "万户")] == "老旧小区改造惠及居民"
    got = names(extract(REPORT + "整治背街小巷120条，惠及群众8万人。\n"))
    assert got[(8, "万人")] == "背街小巷整治惠及群众"
    # things built new are the work themselves, their verb left out as 实施's is
    got = names(extract(REPORT + "新建农村饮水工程86处，受益群众12万人。\n"))
    assert got[(12, "万人")] == "农村饮水工程受益群众"


def test_acts_of_running_finding_and_freeing_are_no_part_of_the_name(extract):
    got = names(extract(REPORT + "全年开行中欧班列420列、增长15%。\n"))
    assert got[(420, "列")] == "中欧班列"
    got = names(extract(REPORT + "累计识别监测对象2.1万户6.3万人。\n"))
    assert got[(2.1, "万户")] == "监测对象"


def test_things_counted_by_where_they_rank_are_named_by_the_rank(extract):
    got = names(extract(REPORT + "全市8项指标居全省第一。\n"))
    assert got[(8, "项")] == "居全省第一的指标"
    got = names(extract(REPORT + "全市12种农产品产量居全省第1位。\n"))
    assert got[(12, "种")] == "产量居全省第1位的农产品"
    got = names(extract(REPORT + "全市11项指标居全省前列。\n"))
    assert got[(11, "项")] == "居全省前列的指标"


def test_a_class_and_above_is_one_noun_with_the_thing_counted(extract):
    # 及以上 is the class's range, not a second noun joined by 及
    got = names(extract(REPORT + "新增12家二级及以上医院。\n"))
    assert got[(12, "家")] == "二级及以上医院"
    got = names(extract(REPORT + "整治1400公里三级及以上内河航道。\n"))
    assert got[(1400, "公里")].startswith("三级及以上内河航道")


def test_things_entered_in_a_list_that_names_them_are_named_once(extract):
    # the list's name holds the noun already: no 项目项目, no 入选…的…试点企业
    got = names(extract(REPORT + "3个项目入选国家级示范项目。\n"))
    assert got[(3, "个")] == "国家级示范项目"
    got = names(extract(REPORT + "14家企业入选全省数字化转型试点。\n"))
    assert got[(14, "家")] == "省数字化转型试点企业"


def test_future_industries_and_places_keep_their_future(extract):
    # 未来 before a name is a time (未来五年), but the first word of 未来产业, 未来社区
    got = names(extract(REPORT + "首批10个未来产业先导区集聚核心企业超150家。\n"))
    assert got[(10, "个")] == "未来产业先导区"
    got = names(extract(REPORT + "建成未来社区36个。\n"))
    assert got[(36, "个")] == "未来社区"


def test_a_count_read_with_the_measure_after_it_counts_the_things(extract):
    got = names(extract(REPORT + "全市12个重点园区营业收入增长15%。\n"))
    assert got[(12, "个")] == "重点园区"
    assert got[(15, "%")] == "重点园区营业收入"
    # things past a bar are a threshold's count: not all the firms
    got = names(extract(REPORT + "8家龙头企业产值突破百亿元。\n"))
    assert got[(8, "家")] != "龙头企业"


def test_places_entered_in_a_list_that_names_their_kind_are_that_kind(extract):
    got = names(extract(REPORT + "5个村入选全国乡村旅游重点村。\n"))
    assert got[(5, "个")] == "全国乡村旅游重点村"
    got = names(extract(REPORT + "12个镇获评全国千强镇。\n"))
    assert got[(12, "个")] == "全国千强镇"
    # places named by what is done there keep the doing
    got = names(extract(REPORT + "在30个县建设运营农村电商服务中心。\n"))
    assert got[(30, "个")] == "建设运营农村电商服务中心的县"


def test_the_act_of_a_count_said_with_it_alone_is_its_change(extract):
    got = {r.value: r for r in extract(REPORT + "年投资亿元以上项目新开工52个、竣工41个。\n")}
    assert got[41].indicator == "年投资亿元以上项目"
    assert got[41].change == "竣工"  # not the 新开工 of the clause before


def test_a_contribution_after_a_sectors_share_is_the_sectors(extract):
    # 对经济增长贡献率 after a share: the sector contributes, not its share
    got = names(extract(REPORT + "服务业增加值占比提高到55%，对经济增长贡献率达到62%。\n"))
    assert got[(62, "%")] == "第三产业对经济增长贡献率"


def test_a_bare_rate_after_a_count_is_the_rate_of_the_things_counted(extract):
    got = names(extract(REPORT + "全市5G用户达到350万户，渗透率超过60%。\n"))
    assert got[(60, "%")] == "5G用户渗透率"
    got = names(extract(REPORT + "全市新能源汽车保有量达到12万辆，市场渗透率达到35%。\n"))
    assert got[(35, "%")] == "新能源汽车市场渗透率"


def test_the_part_of_a_year_a_figure_is_of_is_no_part_of_its_name(extract):
    got = names(extract(REPORT + "据统计，今年一季度全区接待游客120万人次，同比增长25%。\n"))
    assert got[(120, "万人次")] == "旅游接待人数"
    got = names(extract(REPORT + "前三季度全市新签约项目达到46个。\n"))
    assert "季度" not in got[(46, "个")]


def test_a_thresholds_measure_read_as_a_verb_stays_in_the_name(extract):
    got = names(extract(REPORT + "全年引进项目36个，其中投资超10亿元的项目8个。\n"))
    assert got[(8, "个")] == "投资超10亿元的项目"
