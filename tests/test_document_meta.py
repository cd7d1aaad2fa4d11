"""Document metadata: gazetteer, inference on real documents (dev split), sidecar overrides."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from bot.corpus.gazetteer import default_gazetteer
from bot.corpus.loader import load_document
from bot.corpus.meta import infer_meta, infer_type, infer_year, merge_meta, region_named
from bot.corpus.parse import MetadataError, parse_sidecar

REAL = Path(__file__).resolve().parent / "data" / "real"
META = tomllib.loads((REAL / "docs.toml").read_text(encoding="utf-8"))
DEV = sorted(n for n, m in META.items() if m["split"] == "dev")


def test_gazetteer_hierarchy() -> None:
    g = default_gazetteer()
    assert g.path(g.lookup("海拉尔区")[0]) == ("内蒙古", "呼伦贝尔", "海拉尔")
    assert g.path(g.lookup("黔东南苗族侗族自治州")[0]) == ("贵州", "黔东南")
    assert g.lookup("海南")[0].level == "provincial"  # the province before 海南藏族自治州
    assert g.covers("山东", "烟台") and g.covers("山东省", "青岛市")
    assert g.covers("全国", "烟台") and g.covers("上海", "杨浦")
    assert not g.covers("山东", "成都") and not g.covers("烟台", "山东")
    assert g.covers("西海岸新区", "西海岸新区") and not g.covers("山东", "西海岸新区")
    assert not g.covers("山东", None)


@pytest.mark.parametrize("name", DEV)
def test_real_document_metadata(name: str) -> None:
    """Region, hierarchy, level, type and year of every dev document as docs.toml says."""
    want = META[name]
    meta = load_document(
        REAL / "docs" / name, REAL / "docs", max_bytes=10**7, passage_max_chars=400
    ).meta
    assert meta.region == want["region"]
    assert list(meta.region_path) == (want["region_path"] if want["region"] != "全国" else [])
    assert meta.level == want["level"]
    assert meta.doc_type == want["type"]
    assert meta.year == want["year"]
    if want["date"]:
        assert meta.date == want["date"]
    if want["issuer"]:
        assert meta.issuer and (want["issuer"] in meta.issuer or meta.issuer in want["issuer"])


# The invented stand-ins of tests/data/analytics (for reports of the test split, on which no
# test may assert): each is read as the real report of its region and year would be.
INVENTED = Path(__file__).resolve().parent / "data" / "analytics"


@pytest.mark.parametrize(
    ("name", "region", "path", "level", "year", "title"),
    [
        ("national_china_2016_invented.txt", "全国", (), "national", 2016,
         "2016年国务院政府工作报告"),
        ("district_hailaer_2019_invented.txt", "海拉尔", ("内蒙古", "呼伦贝尔", "海拉尔"), "county",
         2019, "2019年海拉尔区政府工作报告"),
        ("province_hubei_2026_invented.txt", "湖北", ("湖北",), "provincial", 2026,
         "2026年湖北省政府工作报告"),
    ],
)  # fmt: skip
def test_invented_reports_have_the_metadata_of_the_reports_they_stand_for(
    name, region, path, level, year, title
) -> None:
    meta = load_document(INVENTED / name, INVENTED, max_bytes=10**6, passage_max_chars=400).meta
    assert (meta.region, meta.region_path, meta.level, meta.year) == (region, path, level, year)
    assert (meta.doc_type, meta.title) == ("政府工作报告", title)


def test_year_is_what_the_document_is_about() -> None:
    bulletin = "2022 年成都市国民经济和社会发展统计公报\n成都市统计局\n2023 年3 月25 日\n正文。"
    assert infer_meta(bulletin, "b.txt").year == 2022  # not its publication year
    opinion = "国务院关于印发\n“十四五”规划的通知\n国发〔2021〕36号\n到2025年，到2035年。2035年。"
    assert infer_meta(opinion, "p.txt").year == 2021  # not a horizon in its body
    assert infer_year("", title="扩大内需战略规划纲要（2022－2035年）") == 2022


def test_a_press_conference_is_of_the_year_its_title_names() -> None:
    # its officials review the year before and write it more often than the year it is held
    text = "2025年增长5.5%。2025年新增就业68万人。今年预期增长5%。"
    assert infer_year(text, title="某省2026年“两会”首场新闻发布会实录") == 2026
    assert infer_year(text, title="某省2026年工作总结") == 2025  # not a press conference
    assert infer_year(text, title="某省到2030年规划新闻发布会实录") == 2025  # a horizon


def test_document_types() -> None:
    assert infer_type("政 府 工 作 报 告", "") == "政府工作报告"
    assert infer_type("关于印发《上海市促进商业航天发展行动计划（2023—2025年）》的通知", "") == (
        "实施意见/行动方案"
    )
    assert infer_type("“十四五”国家应急体系规划", "") == "规划纲要"
    assert infer_type("上海关于贯彻落实《“十四五”全国农业机械化发展规划》的实施意见", "") == (
        "实施意见/行动方案"
    )
    assert infer_type("深圳如何实现GDP增长6%", "记者|戈振伟") == "新闻"
    # a byline makes a story news though its opening names the report it is about
    story = "记者|张明\n3月1日，江州市市长代表市政府向大会作政府工作报告，提出今年目标。"
    assert infer_type("江州如何实现GDP增长6%", story) == "新闻"
    assert infer_type("今年怎么干", "本报讯（记者 李华）江州市政府工作报告提出……") == "新闻"
    # ... but a report or plan an agency republishes whole keeps its own type
    assert infer_type("2024年政府工作报告", "本报记者 王强\n政府工作报告") == "政府工作报告"
    assert infer_type("关于推进乡村振兴的意见", "新华社北京2月21日电") == "实施意见/行动方案"
    assert infer_type("某某同志在座谈会上的讲话", "（记者 赵六）") == "讲话"
    assert infer_type("随笔", "今天天气很好。") is None


def test_national_documents_are_national() -> None:
    text = (
        "2025年政府工作报告\n各位代表：\n"
        "现在，我代表国务院，向大会报告政府工作。\n一、2024年工作回顾\n"
    )
    meta = infer_meta(text, "gwr.txt")
    assert (meta.region, meta.level, meta.region_path) == ("全国", "national", ())
    # A local document quoting the State Council in its body stays local.
    local = (
        "各位代表：\n" + "在中共烟台市委的坚强领导下，贯彻国务院部署。" * 40 + "\n烟台市。烟台市。"
    )
    assert infer_meta(local, "x.txt").region == "烟台"


def test_sidecar_overrides_with_hierarchy() -> None:
    inferred = infer_meta("烟台市政府工作报告。烟台市。", "x.txt")
    merged = merge_meta(inferred, parse_sidecar('region = "崂山"\ntype = "讲话"', source="s"))
    assert (merged.region, merged.region_path, merged.level) == (
        "崂山",
        ("山东", "青岛", "崂山"),
        "county",
    )
    assert merged.doc_type == "讲话"
    assert region_named("全国").level == "national"
    with pytest.raises(MetadataError, match="level"):
        parse_sidecar('level = "galaxy"', source="s")


# --- forms probe set (issue 11): titles, party congress reports and news sources --------------


def test_a_title_opening_with_a_place_in_full_names_its_subject() -> None:
    plan = (
        "江西省推进光伏产业链提升行动方案（2025—2027年）\n"
        "一、主要目标\n到2027年，新建光伏组件产能20吉瓦。\n"
        "二、重点任务\n支持南昌、九江建设产业园，新建省级光伏示范项目30个，新建区域储能中心5个。\n"
    )
    meta = infer_meta(plan, "plan.txt")  # 新建 (a district of 南昌) is a verb here
    assert (meta.region, meta.level) == ("江西", "provincial")


def test_a_party_congress_report_under_its_own_title() -> None:
    text = (
        "中国共产党仁寿县第十五次代表大会报告\n（2021年9月10日）\n"
        "一、过去五年的工作回顾\n五年来，全县地区生产总值年均增长百分之七。\n"
    )
    meta = infer_meta(text, "congress.txt")
    assert (meta.region, meta.level, meta.doc_type) == ("仁寿", "county", "党代会报告")
    assert meta.issuer == "中共仁寿县委"  # the committee reports (meta36; was 中国共产党仁寿县)


def test_a_news_story_is_about_the_city_of_its_paper() -> None:
    text = (
        "上半年全市外贸稳中有升\n来源：宜昌日报　发布时间：2024-07-20\n"
        "上半年，全市进出口总额增长8%。\n"
    )
    meta = infer_meta(text, "news.txt")
    assert (meta.region, meta.level, meta.date) == ("宜昌", "city", "2024-07-20")
    national = "科技创新加快推进\n来源：光明日报\n今年以来，各地加大研发投入。\n"
    assert infer_meta(national, "n.txt").region is None  # 光明 is also a district's name


def test_a_document_without_a_title_line_is_named_by_its_kind_place_and_year() -> None:
    text = (
        "同志们：\n"
        "今天召开全市经济工作会议，我先讲几点意见，请大家会后结合讲话精神抓好落实。\n"
        "2026年，烟台市地区生产总值增长5.5%左右。\n"
    )
    meta = infer_meta(text, "000_speech.txt")
    assert meta.doc_type == "讲话"
    assert meta.title == "烟台市2026年讲话"


# --- kinds probe set (issue 11): budget and plan reports, plan proposals, departments ---------


def test_a_report_on_one_matter_to_the_congress_is_typed_as_an_address() -> None:
    sector = (
        "关于江州市养老服务体系建设情况的报告\n"
        "——2025年8月26日在江州市第十届人民代表大会常务委员会第二十次会议上\n"
        "江州市民政局\n主任、各位副主任、秘书长、各位委员：\n全市建成养老机构42家。\n"
    )
    meta = infer_meta(sector, "sector.txt")
    assert (meta.doc_type, meta.year, meta.issuer) == ("讲话", 2025, "江州市民政局")
    assert infer_type("关于江州市养老服务体系建设情况的报告", "") is None  # no congress named


def test_budget_and_plan_reports_are_typed_by_their_own_title() -> None:
    budget = (
        "关于江州市2025年预算执行情况与2026年预算草案的报告\n"
        "——2026年1月15日在江州市第十届人民代表大会第五次会议上\n"
        "江州市财政局\n各位代表：\n全市一般公共预算收入180亿元。\n"
    )
    meta = infer_meta(budget, "budget.txt")
    assert (meta.doc_type, meta.year, meta.issuer) == ("预算报告", 2026, "江州市财政局")
    plan = (
        "关于青川县2025年国民经济和社会发展计划执行情况与2026年国民经济和社会发展计划草案的报告\n"
        "青川县发展和改革局\n各位代表：\n预计全年地区生产总值增长5.2%。\n"
    )
    meta = infer_meta(plan, "plan.txt")
    # no delivery line: the draft's year is the report's, as a work report's title year
    assert (meta.doc_type, meta.year) == ("计划报告", 2026)
    assert infer_type("关于2025年上半年计划执行情况的报告", "") == "计划报告"
    assert (
        infer_type("关于2025年中央和地方预算执行情况与2026年中央和地方预算草案的报告（摘要）", "")
        == "预算报告"
    )
    # the title as a report's cover gives it, without 关于
    assert infer_type("青川县2025年预算执行情况和2026年预算草案的报告", "") == "预算报告"
    assert infer_type("青川县2026年预算报告（草案）", "") == "预算报告"
    assert infer_type("青川县2025年计划执行情况报告", "") == "计划报告"
    assert infer_type("关于预算绩效管理工作情况的报告", "") is None  # budget work, no budget
    # a final-accounts report is about the year it closes
    accounts = "关于江州市2024年市级决算的报告\n江州市财政局\n主任、各位副主任：\n"
    assert (
        infer_type("关于江州市2024年市级决算的报告", ""),
        infer_meta(accounts, "a.txt").year,
    ) == (
        "预算报告",
        2024,
    )


def test_a_budget_report_without_its_title_is_known_by_its_own_delivery() -> None:
    opening = (
        "各位代表：\n受县人民政府委托，现将全县2025年预算执行情况和2026年预算草案"
        "提请县十八届人大五次会议审议。"
    )
    assert infer_type("", opening) == "预算报告"
    opening = (
        "受市人民政府委托，现将全市2025年国民经济和社会发展计划执行情况与2026年计划草案"
        "提请大会审议。"
    )
    assert infer_type("", opening) == "计划报告"


def test_an_untitled_budget_report_is_named_and_dated_as_an_untitled_work_report() -> None:
    text = (
        "各位代表：\n\n受市人民政府委托，现将全市2025年预算执行情况和2026年预算草案"
        "提请市十届人大五次会议审议。\n\n一、2025年预算执行情况\n\n"
        "全市一般公共预算收入312亿元。\n"
    )
    meta = infer_meta(text, "untitled.txt")
    # not its first heading's year (2025) nor its title (一、2025年预算执行情况)
    assert (meta.doc_type, meta.year, meta.title) == ("预算报告", 2026, "2026年预算报告")


def test_what_only_mentions_a_budget_or_plan_is_not_such_a_report() -> None:
    # a work report that submits the budget to the congress is still the work report
    assert (
        infer_type("2026年江州市政府工作报告", "请各位代表审议2026年预算草案和计划草案。")
        == "政府工作报告"
    )
    # a plan report that keeps its targets in line with the work report stays a plan report
    assert (
        infer_type(
            "关于江州市2025年国民经济和社会发展计划执行情况与2026年计划草案的报告",
            "主要预期目标与《政府工作报告》保持一致。",
        )
        == "计划报告"
    )
    assert infer_type("江州市市级预算管理办法", "") == "实施意见/行动方案"
    assert infer_type("在全市预算编制工作会议上的讲话", "") == "讲话"
    # an audit of the budget's execution is an audit, no budget report
    assert (
        infer_type("关于江州市2024年度市级预算执行和其他财政收支的审计工作报告", "") != "预算报告"
    )
    # a report on a sector's own action plan is no plan report
    assert infer_type("关于全民健身行动计划执行情况的报告", "") is None
    # a speech closing the congress that approved the reports
    closing = "大会审查批准了关于2025年预算执行情况和2026年预算草案的报告。"
    assert infer_type("在江州市第十届人民代表大会第五次会议闭幕会上的讲话", closing) == "讲话"


def test_a_five_year_plan_proposal_is_a_plan_by_its_own_title_only() -> None:
    proposal = (
        "中共江州市委关于制定江州市国民经济和社会发展第十五个五年规划的建议\n"
        "（2025年12月20日中国共产党江州市第五届委员会第八次全体会议通过）\n"
        "到2030年，全市地区生产总值突破3000亿元。\n"
    )
    meta = infer_meta(proposal, "proposal.txt")
    assert (meta.doc_type, meta.year, meta.issuer) == ("规划纲要", 2025, "中共江州市委")
    citing = (
        "关于推进县域经济发展的意见\n各县区：\n"
        "为贯彻中共江州市委关于制定第十五个五年规划的建议，提出如下意见。\n"
    )
    assert infer_meta(citing, "opinion.txt").doc_type == "实施意见/行动方案"


def test_a_department_on_a_line_of_its_own_is_the_issuer() -> None:
    bulletin = (
        "2024年江州省教育事业发展统计公报\n江州省教育厅\n2025年5月10日\n全省共有幼儿园5000所。\n"
    )
    assert infer_meta(bulletin, "edu.txt").issuer == "江州省教育厅"
    plan = "优化城乡空间布局\n全市新建道路100公里。\n"
    assert infer_meta(plan, "x.txt").issuer is None  # a heading ending in 局 is no body
    story = "上半年全市经济实现良好开局\n来源：江州日报\n上半年，全市地区生产总值增长5%。\n"
    assert infer_meta(story, "n.txt").issuer is None  # 全市…开局 is a headline


def test_a_township_work_report_is_issued_by_the_government_its_title_names() -> None:
    text = (
        "青石镇人民政府工作报告\n"
        "——2026年1月6日在青石镇第十八届人民代表大会第五次会议上\n"
        "各位代表：\n全镇完成财政收入5200万元。\n"
    )
    meta = infer_meta(text, "town.txt")
    assert (meta.doc_type, meta.issuer) == ("政府工作报告", "青石镇人民政府")


def test_a_congress_report_is_not_dated_by_its_target_years() -> None:
    report = (
        "在中国共产党青石县第十五次代表大会上的报告\n"
        "同志们：\n现在，我代表中共青石县第十四届委员会向大会作报告。\n"
        "一、过去五年的工作回顾\n五年来，全县地区生产总值年均增长7.5%。\n"
        "产业结构持续优化。\n城乡面貌明显改善。\n民生保障不断加强。\n"
        "二、今后五年的奋斗目标\n到2026年全县地区生产总值突破300亿元，到2035年基本实现现代化。\n"
    )
    assert infer_meta(report, "c.txt").year is None  # not 2026 nor 2035
    signed = report + "中共青石县委员会\n2021年9月18日\n"
    assert infer_meta(signed, "c.txt").year == 2021  # the date it is signed with
    # a deadline among the last lines is no signature: the body's years decide
    body = report.replace("五年来，", "2021年是换届之年。2021年，五年来，")
    deadline = body + "各项任务于2023年12月31日前完成。\n"
    assert infer_meta(deadline, "c.txt").year == 2021


def test_a_party_committee_named_by_its_short_name_is_the_subject() -> None:
    text = (
        "在中共浏阳市委十四届九次全体会议上的讲话\n（2025年1月8日）\n同志们：\n"
        "今年全市地区生产总值要增长6%左右。\n"
    )
    meta = infer_meta(text, "speech.txt")
    assert (meta.region, meta.level) == ("浏阳", "county")


def test_a_provincial_speech_that_names_no_province_is_about_the_province_of_its_cities() -> None:
    body = (
        "（2024年2月2日）\n同志们：\n今天召开全省工业工作会议。\n"
        "去年全省规模以上工业增加值增长6%。今年要在绵阳、德阳布局电子信息产业，"
        "宜宾、泸州要做强白酒产业，德阳要建设装备制造基地。\n"
    )
    speech = "在全省工业工作会议上的讲话\n省人民政府副省长 张明\n" + body
    meta = infer_meta(speech, "speech.txt")
    assert (meta.region, meta.level, meta.issuer) == ("四川", "provincial", "四川省人民政府")
    # cities of two provinces say nothing; nor do cities in a text no provincial body gives
    mixed = speech.replace("宜宾、泸州", "重庆、遵义").replace("德阳要", "贵阳要")
    assert infer_meta(mixed, "s.txt").region is None
    local = "在工业工作会议上的讲话\n" + body.replace("全省", "全市")
    assert infer_meta(local, "s.txt").region is None


def test_a_provincial_text_is_about_its_province_though_it_names_one_city_most() -> None:
    news = (
        "上半年我省外贸稳中有升\n本报记者 王海\n"
        "记者从长沙海关获悉，上半年全省进出口总额增长6%。长沙市进出口增长9%，"
        "长沙市的跨境电商增长较快，株洲、岳阳分别增长5%和4%。\n"
    )
    meta = infer_meta(news, "news.txt")
    assert (meta.region, meta.level, meta.region_path) == ("湖南", "provincial", ("湖南",))
    # a city's own paper on the same figures stays the city's
    city = news.replace("我省", "我市").replace("全省", "全市")
    assert infer_meta(city, "news.txt").region == "长沙"


def test_a_joint_document_is_issued_by_every_body_its_title_names() -> None:
    text = (
        "生态环境部 农业农村部 水利部关于印发《农村黑臭水体治理行动方案》的通知\n"
        "环土壤〔2024〕12号\n"
        "各省、自治区、直辖市生态环境厅（局）：\n"
        "现将《农村黑臭水体治理行动方案》印发给你们，请认真贯彻落实。\n"
    )
    meta = infer_meta(text, "plan.txt")
    assert meta.issuer == "生态环境部 农业农村部 水利部"
    assert meta.region == "全国"


def test_a_speech_by_a_party_secretary_is_the_party_committees() -> None:
    text = (
        "在全省经济工作会议上的讲话\n湖南省委书记\n（2024年12月15日）\n同志们：\n"
        "今年全省地区生产总值增长5%左右。长沙、株洲、湘潭要走在前列。\n"
    )
    meta = infer_meta(text, "speech.txt")
    assert (meta.doc_type, meta.issuer) == ("讲话", "中共湖南省委")
    named = text.replace("湖南省委书记", "中共江州市委书记 李明")
    assert infer_meta(named, "speech.txt").issuer == "中共江州市委"


def test_a_story_headlined_with_our_country_is_national() -> None:
    news = (
        "2024年我国外贸进出口再创新高\n新华社北京1月13日电\n海关总署13日发布，全年进出口增长5%。\n"
    )
    meta = infer_meta(news, "news.txt")
    assert (meta.region, meta.level) == ("全国", "national")
    # a headline naming a place is that place's story
    local = news.replace("2024年我国外贸进出口再创新高", "江州港：我国首条…航线开通")
    assert infer_meta(local, "news.txt").region != "全国"


def test_a_year_the_text_never_gives_is_the_file_names() -> None:
    story = (
        "常州外贸前三季度稳中向好\n"
        "本报讯 记者从市商务局获悉，今年以来，我市外贸进出口总额同比增长9.3%。\n"
    )
    assert infer_meta(story, "story.txt").year is None
    assert infer_meta(story, "city_changzhou_2025_trade-news.txt").year == 2025
    assert infer_meta(story, "2025年前三季度常州外贸.docx").year == 2025
    # two years in the name say no single one; a number that is no year is none
    assert infer_meta(story, "规划2021-2035.txt").year is None
    assert infer_meta(story, "report_12025.txt").year is None


def test_the_texts_own_year_wins_over_the_file_names() -> None:
    bulletin = "2022年成都市国民经济和社会发展统计公报\n全年地区生产总值20817.5亿元。\n"
    assert infer_meta(bulletin, "chengdu_2023_bulletin.txt").year == 2022


# -- meta-probes: what only the text can tell (an upload named doc.txt) --------------------


def test_a_text_naming_no_place_in_the_countrys_own_measures_is_national() -> None:
    text = (
        "计划执行情况的报告（摘要）\n一、上年计划执行情况\n"
        "全年国内生产总值增长5.2%，中央预算内投资安排6800亿元，新增就业1200万人。\n"
    )
    assert infer_meta(text, "doc.txt").region == "全国"
    # a local text says 全市 of its own: no place named, no region
    local = text.replace("全年国内", "全市国内")
    assert infer_meta(local, "doc.txt").region is None


def test_a_document_addressed_to_every_province_is_national() -> None:
    text = (
        "国家某某局关于推进某项服务提质增效的指导意见\n"
        "各省、自治区、直辖市人民政府办公厅，国务院各部委、各直属机构：\n"
        "为推进服务提质增效，现提出如下意见。到2027年，网上可办率达到95%。\n"
    )
    assert infer_meta(text, "doc.txt").region == "全国"


def test_a_provincial_speech_is_about_its_own_province_not_a_place_it_quotes() -> None:
    speech = (
        "在全区开放发展大会上的讲话\n（2023年3月6日）\n自治区党委书记\n同志们：\n"
        "去年广西外贸增长8%，广西的开放平台越来越多。看看别人，浙江一个义乌市就有"
        "市场主体100万户，我们要学。今年广西要力争增长10%。\n"
    )
    meta = infer_meta(speech, "doc.txt")
    assert (meta.region, meta.level) == ("广西", "provincial")
    # a governor who ranks the province against two others as often names no place
    ranked = (
        "在全省经济工作会议上的讲话\n（2024年1月9日）\n同志们：\n"
        "去年全省经济增长4%，四川增长6%，河南增长4.1%，我们差距不小。\n"
    )
    assert infer_meta(ranked, "doc.txt").region is None


def test_a_press_conference_transcript_is_news() -> None:
    text = (
        "国务院新闻办公室2024年外贸运行情况新闻发布会文字实录\n（2025年1月14日）\n"
        "主持人：女士们、先生们，大家上午好。\n海关总署负责同志：2024年进出口增长5%。\n"
    )
    assert infer_meta(text, "doc.txt").doc_type == "新闻"
    untitled = (
        "会议实录\n主持人：各位媒体朋友，大家下午好。\n省统计局负责同志：今年以来，全省就业稳定。\n"
    )
    assert infer_meta(untitled, "doc.txt").doc_type == "新闻"


def test_a_date_in_chinese_numerals_dates_the_text() -> None:
    report = (
        "在中国共产党某某市第八次代表大会上的报告\n（二〇二一年九月二十八日）\n同志们：\n"
        "到二〇三五年，全市基本实现现代化；到2026年，地区生产总值突破3000亿元。\n"
    )
    meta = infer_meta(report, "doc.txt")
    assert (meta.year, meta.date) == (2021, "2021-09-28")


def test_a_title_led_by_a_short_place_name_names_its_subject() -> None:
    news = "常州外贸一季度开局良好\n本报讯 一季度，全市外贸进出口增长7%，我市对东盟出口增长12%。\n"
    assert infer_meta(news, "doc.txt").region == "常州"
    plan = (
        "广西新能源汽车产业发展实施方案\n一、发展基础\n"
        "截至2023年底，全区新能源汽车产量达到30万辆。\n"
    )
    assert infer_meta(plan, "doc.txt").region == "广西"


def test_a_policy_in_force_from_a_day_is_dated_by_it() -> None:
    measures = (
        "某某省支持数字经济发展的若干措施\n一、到2026年，核心产业增加值达到3000亿元。\n"
        "二、2026年，省级财政安排5亿元；2026年起，每年评选示范企业。\n"
        "本措施自2024年5月1日起施行，有效期3年。\n"
    )
    assert infer_meta(measures, "doc.txt").year == 2024
    # a work report's body quoting a regulation in force is not dated by it
    assert infer_year("2026年政府工作报告\n条例自2024年5月1日起施行。\n") == 2026


def test_an_undated_plan_is_not_dated_by_its_base_or_goal_years() -> None:
    # an opinions text or an action plan that no date, number or signature places: its
    # 到2025年 / 到2027年 are horizons and its 2023年 a base year, none the year it was issued
    # in, so its file's name dates it (probes-round35: 2027 and 2023 had been read)
    opinions = (
        "青石省人民政府办公厅关于发展银发经济增进老年人福祉的实施意见\n"
        "各市人民政府，省政府各部门：\n现提出以下实施意见。\n一、总体要求\n"
        "到2025年，全省养老机构护理型床位占比达到65%以上；到2027年，银发经济规模达到1.5万亿元。\n"
        "二、重点任务\n新建老年助餐点3000个。\n"
    )
    assert infer_meta(opinions, "doc.txt").year is None
    assert infer_meta(opinions, "province_qingshi_2024_opinions.txt").year == 2024
    plan = (
        "青石省推动大规模设备更新和消费品以旧换新实施方案\n为…，制定本实施方案。\n"
        "一、总体要求\n2023年，全省规模以上工业企业5.8万家，工业设备投资3600亿元。\n"
        "到2027年，设备投资规模较2023年增长25%以上，二手车交易量较2023年增长45%。\n"
    )
    assert infer_meta(plan, "doc.txt").year is None
    # the day it takes effect still dates it
    in_force = plan + "本方案自2024年5月1日起施行。\n"
    assert infer_meta(in_force, "doc.txt").year == 2024
    # and so does the one year its title names (a year's plan)
    yearly = "青石市2024年政府投资项目计划\n一、总体要求\n到2027年，完成投资1000亿元。\n"
    assert infer_meta(yearly, "doc.txt").year == 2024


def test_a_provincial_press_office_or_committee_meeting_makes_a_provincial_text() -> None:
    # a story the province's press office gives names the capital's airport and its cities'
    # figures: it is the province's story, not the capital's (probes-round35)
    story = (
        "2024年江西经济运行稳中有进\n"
        "江西日报讯 1月21日，省政府新闻办召开新闻发布会，省统计局发布2024年全省经济运行情况。\n"
        "全年全省地区生产总值增长5.1%。南昌昌北国际机场旅客吞吐量1500万人次。\n"
        "分设区市看，南昌市地区生产总值增长5.0%，赣州市增长5.4%，九江市增长5.2%。\n"
    )
    meta = infer_meta(story, "doc.txt")
    assert (meta.region, meta.level) == ("江西", "provincial")
    # a city's office is the city's
    city = story.replace("省政府新闻办", "南昌市政府新闻办").replace("省统计局", "市统计局")
    assert infer_meta(city, "doc.txt").region != "江西"
    # a speech at the province's party committee meeting that names its province once
    speech = (
        "在省委经济工作会议上的讲话\n（2024年12月20日）\n同志们：\n"
        "今年全省地区生产总值增长4.8%左右。\n让我们奋力谱写中国式现代化湖南篇章！\n"
    )
    meta = infer_meta(speech, "doc.txt")
    assert (meta.region, meta.level) == ("湖南", "provincial")


def test_a_web_pages_own_date_dates_a_text_that_writes_no_year() -> None:
    # a paper's story on a quarter (一季度…) and a policy's interpretation (到2027年…较2023年)
    # write no year of their own: the page's 2024-04-22 08:55 or 发布时间 line does (meta36)
    story = (
        "一季度我省经济实现良好开局\n青石日报记者　李明\n2024-04-22 08:55　来源：青石日报\n"
        "4月19日，记者从省政府新闻办获悉，一季度全省地区生产总值同比增长4.9%。\n"
    )
    assert infer_meta(story, "doc.txt").year == 2024
    reading = (
        "《青石市促进消费若干措施》政策解读\n发布时间：2023-05-06　　来源：青石市商务局\n"
        "一、主要目标\n到2027年，社会消费品零售总额较2022年增长25%以上。\n"
    )
    assert infer_meta(reading, "doc.txt").year == 2023
    # a year the text writes still comes first: a page's date is the last resort
    dated = story.replace("一季度全省", "2023年全省").replace("一季度我省", "2023年我省")
    assert infer_meta(dated, "doc.txt").year == 2023


def test_a_title_quoting_a_local_document_names_its_place() -> None:
    # 《辽宁省…实施方案》政策解读 cites the State Council's plan in its first lines; the
    # document it explains is the province's, and so is the text (meta36)
    reading = (
        "《辽宁省推动设备更新实施方案》政策解读\n发布时间：2024-03-12\n"
        "为贯彻落实国务院《推动大规模设备更新和消费品以旧换新行动方案》，制定本方案。\n"
        "到2027年，全省设备投资规模较2023年增长25%以上。\n"
    )
    meta = infer_meta(reading, "doc.txt")
    assert (meta.region, meta.level) == ("辽宁", "provincial")
    picture = "一图读懂｜《西安市促进消费若干措施》\n力争全年社会消费品零售总额增长8%以上。\n"
    assert infer_meta(picture, "doc.txt").region == "西安"


def test_a_local_party_congress_report_is_its_committees() -> None:
    # 在中国共产党贵州省第十三次代表大会上的报告, …安吉县第十五次…: the committee reports, named
    # as titles name it; the national congress's report stays the party's (meta36)
    def issuer(title: str) -> str | None:
        text = f"{title}\n（2022年4月22日）\n同志们：\n现在，我代表委员会向大会作报告。\n"
        return infer_meta(text, "doc.txt").issuer

    assert issuer("——在中国共产党贵州省第十三次代表大会上的报告") == "中共贵州省委"
    assert issuer("——在中国共产党安吉县第十五次代表大会上的报告") == "中共安吉县委"
    assert issuer("——在中国共产党第二十次全国代表大会上的报告") == "中国共产党"


def test_a_provinces_survey_team_is_named_with_its_bureau() -> None:
    # a province's bulletin is signed by its bureau and the 调查总队 (Shaanxi, Xinjiang)
    for signed in ("陕西省统计局　国家统计局陕西调查总队", "陕西省统计局\n国家统计局陕西调查总队"):
        text = (
            f"陕西省2023年国民经济和社会发展统计公报\n{signed}\n2024年3月20日\n"
            "全年全省生产总值增长4.3%。\n"
        )
        assert infer_meta(text, "doc.txt").issuer == "陕西省统计局 国家统计局陕西调查总队"


def test_a_papers_source_after_the_pages_date_names_its_province() -> None:
    # 2024-07-19 09:12　来源：广西日报 under a story that says only 全区 and 自治区: the
    # province's own paper, as a line opening with 来源： is (meta36: Guangxi, Qinghai)
    story = (
        "上半年全区经济运行总体平稳\n本报记者　韦静\n2024-07-19 09:12　来源：广西日报\n"
        "7月18日，自治区统计局介绍，上半年全区地区生产总值同比增长3.0%。\n"
    )
    meta = infer_meta(story, "doc.txt")
    assert (meta.region, meta.level) == ("广西", "provincial")
    plain = story.replace("2024-07-19 09:12　来源：广西日报", "2024-07-19 09:12")
    assert infer_meta(plain, "doc.txt").region is None


def test_a_leagues_report_is_its_administrative_offices() -> None:
    # 我代表盟行政公署向大会报告工作 (锡林郭勒, 兴安): a league has no people's government
    report = (
        "政府工作报告\n——2024年1月18日在兴安盟第五届人民代表大会第三次会议上\n各位代表：\n"
        "现在，我代表盟行政公署向大会报告工作，请予审议。\n全盟地区生产总值增长6.5%。\n"
    )
    assert infer_meta(report, "doc.txt").issuer == "兴安盟行政公署"
    city = report.replace("兴安盟", "乌兰察布市").replace("盟行政公署", "市人民政府")
    assert infer_meta(city, "doc.txt").issuer == "乌兰察布市人民政府"
