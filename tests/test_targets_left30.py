"""Rules of ``targets-left30`` (issue 11): ministries' and provinces' press conferences
(``tests/data/probes/round31b/`` beside round31's commerce ministry) and layout faults.
Every sentence here is invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

_PRESS = (
    "某省人民政府新闻办公室2030年全省经济运行情况新闻发布会实录\n"
    "（2031年1月20日）\n"
    "主持人：各位记者朋友，大家上午好！今天请省统计局有关负责同志介绍2030年全省经济运行情况。\n"
)
_PRESS_NAME = "province_mou_2031_economy-press-conference.txt"


# --- a January press conference on the year before: its 今年 is the year it is given in --


def test_this_year_of_a_january_press_conference_is_the_year_it_is_given_in(extract):
    text = _PRESS + (
        "省统计局负责同志：全年全省地区生产总值增长5.1%。\n"
        "记者：今年有哪些考虑？\n"
        "省发展改革委负责同志：今年，我们将力争全年社会消费品零售总额增长6%以上。"
        "我们将新增规模以上工业企业900家左右。\n"
    )
    got = {r.value: (r.year, r.kind) for r in extract(text, _PRESS_NAME)}
    assert got[5.1] == ("2030", "achievement")  # 全年: the year reported
    assert got[6] == ("2031", "target")  # 今年…力争全年: the year it is given in
    assert got[900] == ("2031", "target")  # the answer's later sentence too


def test_this_year_said_inside_a_sentence_of_the_answer(extract):
    text = _PRESS + "省交通运输厅负责同志：今年春运，预计全省旅客发送量1.2亿人次。\n"
    got = {r.value: r.year for r in extract(text, _PRESS_NAME)}
    assert got[1.2] == "2031"


# --- figures counted at an event the sentence opens on take its name --------------------


def test_figures_after_an_event_the_sentence_opens_on_are_the_events(extract):
    text = _PRESS + (
        "省商务厅负责同志：第五届江州农业博览会期间，签约项目86个，签约金额47亿元，比上届增长12%。\n"
    )
    got = {r.value: r.indicator for r in extract(text, _PRESS_NAME)}
    assert got[86] == "江州农业博览会签约项目"
    assert got[47] == "江州农业博览会签约金额"
    assert got[12] == "江州农业博览会签约金额"


def test_an_event_with_its_ordinal_as_the_subject_names_the_clauses_after(extract):
    text = _PRESS + "省商务厅负责同志：第八届江州农博会展览面积12万平方米，展位总数3200个。\n"
    got = {r.value: r.indicator for r in extract(text, _PRESS_NAME)}
    assert got[12] == "江州农博会展览面积"  # no ordinal in the name
    assert got[3200].startswith("江州农博会")


def test_an_act_on_an_event_is_no_event_opening(extract):
    text = _PRESS + "省体育局负责同志：精心筹办江州运动会，全省新建体育公园30个。\n"
    got = {r.value: r.indicator for r in extract(text, _PRESS_NAME)}
    assert "运动会" not in got[30]


# --- a forward text's preamble above its first heading is read as its title says ---------

_PLAN_NAME = "province_mou_2031_nev-action-plan.txt"
_PLAN_BODY = (
    "为加快推动全省氢能产业高质量发展，打造千亿级氢能产业集群，制定本方案。\n\n"
    "一、总体目标\n\n到2033年，全省氢能产业产值达到800亿元。\n"
)


def test_a_plans_preamble_under_a_title_over_a_blank_line_is_a_goal(extract):
    text = "某省氢能产业高质量发展行动方案（2031—2033年）\n\n" + _PLAN_BODY
    got = {r.value: r.kind for r in extract(text, _PLAN_NAME)}
    assert got[1000] == "target"
    assert got[800] == "target"


def test_a_communiques_preamble_reviewing_this_year_is_no_goal(extract):
    text = (
        "中国共产党某省第十五届委员会第三次全体会议公报\n"
        "（2031年7月20日中国共产党某省第十五届委员会第三次全体会议通过）\n"
        "全会审议通过了《中共某省委关于加快建设现代化产业体系的决定》。\n"
        "全会认为，今年以来，全省经济运行稳中有进，上半年地区生产总值增长5.9%。\n"
    )
    got = {r.value: r.kind for r in extract(text, "province_mou_2031_party-plenum-communique.txt")}
    assert got[5.9] == "achievement"


# --- a numbered heading on a line of its own that is a sentence with a figure ------------

_REPORT = "某省2031年政府工作报告\n\n二、2031年重点工作\n\n"
_RUN_IN = (
    "（九）坚决守住18亿亩耕地红线。严格落实耕地保护责任，全年新建高标准农田80万亩。\n"
    "（十）加快建设交通强省。新增高速公路通车里程300公里。\n"
)


def _records(extract, text: str) -> set[tuple]:
    return {
        (r.indicator, r.value, r.unit, r.kind, r.year)
        for r in extract(text, "province_mou_2031_gwr.txt")
    }


def test_a_heading_sentence_on_its_own_line_is_read_with_its_paragraph(extract):
    clean = _records(extract, _REPORT + _RUN_IN)
    apart = _records(extract, _REPORT + _RUN_IN.replace("红线。严格", "红线。\n严格"))
    assert ("耕地红线", 18, "亿亩", "target", "2031") in clean
    assert apart == clean


def test_a_heading_without_a_figure_stays_a_heading(extract):
    text = _REPORT + "（九）坚持稳中求进。\n全年新建高标准农田80万亩。\n"
    assert {r.value for r in extract(text, "province_mou_2031_gwr.txt")} == {80}


def test_a_press_conference_copied_from_a_web_page_reads_its_years_the_same(extract):
    # the title without the year reported; the host's line says it (介绍2030年…情况)
    text = (
        "某省人民政府新闻办公室新闻发布会实录\n"
        "（2031年1月20日）\n"
        "主持人：各位记者朋友，大家上午好！今天请省统计局有关负责同志介绍2030年全省经济运行情况。\n"
        "省统计局负责同志：全年全省地区生产总值增长5.1%。\n"
        "省发展改革委负责同志：今年，全省地区生产总值预期增长5.5%左右。\n"
    )
    clean = {(r.value, r.year, r.kind) for r in extract(text, _PRESS_NAME)}
    web = {(r.value, r.year, r.kind) for r in extract(text.replace("\n", "\n\n"), _PRESS_NAME)}
    assert (5.5, "2031", "target") in clean
    assert web == clean


def test_a_press_conferences_subtitle_over_its_date_is_part_of_its_title(extract):
    # a web copy's blank lines make the title's second line (the year reported) a heading
    text = (
        "某省人民政府新闻办公室新闻发布会实录\n"
        "2030年全省国民经济运行情况\n"
        "（2031年1月20日）\n"
        "主持人：今天请省统计局有关负责同志介绍2030年全省国民经济运行情况。\n"
        "省发展改革委负责同志：今年，全省地区生产总值预期增长5.5%左右。\n"
    )
    clean = {(r.value, r.year, r.kind) for r in extract(text, _PRESS_NAME)}
    web = {(r.value, r.year, r.kind) for r in extract(text.replace("\n", "\n\n"), _PRESS_NAME)}
    assert (5.5, "2031", "target") in clean
    assert web == clean
