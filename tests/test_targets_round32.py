"""Rules found on the round-32 probe set (issue 11, ``tests/data/probes/round32/``):
provincial and city sector plans (an AI action plan, low-altitude opinions, an NEV plan, a
TCM plan, a tourism plan, a 若干措施 list). Every sentence here is invented for the test;
none is a probe's or a corpus document's."""

from __future__ import annotations

_SUPPORT = "某省新材料产业发展行动方案（2025—2027年）\n四、保障措施\n"
_NAME = "province_mou_2025_new-materials-action-plan.txt"


def _by_value(records) -> dict:
    return {r.value: r for r in records}


# --- the party paid, said after 给予, is no part of the award's name ----------------------


def test_a_payee_after_the_giving_leaves_the_receivers_award(extract):
    text = (
        _SUPPORT + "对首次通过认证的碳纤维复合材料产品，给予生产企业最高600万元奖励；"
        "对新建并投产的中试基地，给予建设单位800万元补助。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[600].indicator == "碳纤维复合材料产品奖励"
    assert got[800].indicator == "中试基地补助"


# --- receivers chosen for a list or a title are named by it (6.8.25) ----------------------


def test_receivers_chosen_for_a_title_are_named_by_the_title(extract):
    text = (
        _SUPPORT + "对新获批国家新材料测试评价平台的，给予一次性补助400万元；"
        "对获评国家新材料生产应用示范平台的企业，给予300万元奖励；"
        "对新入选国家级工业旅游示范基地的，给予50万元奖励。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[400].indicator == "国家新材料测试评价平台补助"
    assert got[300].indicator == "国家新材料生产应用示范平台奖励"
    assert got[50].indicator == "国家级工业旅游示范基地奖励"


# --- a cap per station or site (单站, 每座, 每个X) is that unit's award ---------------------


def test_a_cap_per_station_or_site_is_the_units_award(extract):
    text = (
        _SUPPORT + "对新建的氢能综合能源站，按设备投资额的20%给予补助，单站最高300万元。"
        "对建成的无人机起降场，按投资额的25%给予补助，每个起降场最高40万元。"
        "对新建公共换电站给予建设补贴，单站补贴最高60万元。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[300].indicator == "单站补助"
    assert got[40].indicator == "每个起降场补助"
    assert got[60].indicator == "单站补贴"


# --- a fund's part said after it (其中省级出资) is the fund's part (6.8.20) -----------------


def test_a_funds_part_after_it_is_named_by_the_fund(extract):
    text = _SUPPORT + "设立总规模80亿元的新材料产业投资基金，其中省级出资16亿元。\n"
    got = _by_value(extract(text, _NAME))
    assert got[80].indicator == "新材料产业投资基金"
    assert got[16].indicator == "新材料产业投资基金省级出资"


# --- a threshold of an award's receivers is no figure --------------------------------------


def test_thresholds_of_an_awards_receivers_are_no_records(extract):
    text = (
        _SUPPORT + "对年度研发费用超过5000万元且增长15%以上的新材料企业，给予100万元奖励。"
        "对产品售价不高于20元/千克的生产线，给予每千克2元的补贴。"
        "对既有厂房改造项目，节能率达到12%以上的，按改造面积给予每平方米25元的补助。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[100].indicator == "新材料企业奖励"
    assert not {5000, 15, 20, 12} & set(got)
    assert 2 in got and 25 in got  # the awards themselves stay


# --- a numbered measure that is one sentence is read, not taken for a heading only ---------


def test_a_numbered_one_sentence_measure_is_read(extract):
    text = (
        "某省促进新材料产业发展若干措施\n一、支持企业做大做强\n"
        "（一）对新认定的国家级新材料生产应用示范平台，给予300万元奖励。\n"
        "（二）对新建的省级以上新材料中试平台，按建设投入的20%给予补助，单个平台最高不超过800万元。\n"
        "（三）2025年工作安排。\n"
    )
    got = _by_value(extract(text, "province_mou_2025_new-materials-measures.txt"))
    assert got[300].indicator == "国家级新材料生产应用示范平台奖励"
    assert got[20].indicator == "省级以上新材料中试平台补助比例"
    assert got[800].indicator == "单个平台补助"
    assert 2025 not in got


def test_a_numbered_heading_without_figures_stays_a_heading_only():
    from bot.corpus.line_kinds import parse_heading

    assert not parse_heading("（一）“十三五”时期取得的工作进展。").run_in
    assert not parse_heading("（三）2025年工作安排。").run_in
    assert parse_heading("（二）对新开工项目，给予200万元奖励。").run_in


# --- 当年 in the receivers' condition is no period of the award ----------------------------


def test_dangnian_in_a_receivers_condition_does_not_date_the_award(extract):
    text = (
        "某省促进新材料产业发展若干措施\n一、支持企业扩大有效投资\n"
        "对当年设备购置额1500万元以上的新材料技改项目，按设备购置额的8%给予补助，"
        "单个项目最高不超过600万元。\n"
    )
    got = _by_value(extract(text, "province_mou_2025_new-materials-measures.txt"))
    assert got[8].year == "" and got[600].year == ""
    assert 1500 not in got


def test_an_award_per_model_is_the_receivers_award(extract):
    text = _SUPPORT + "对取得型号合格证的无人驾驶货运飞机，每款给予最高400万元奖励。\n"
    got = _by_value(extract(text, _NAME))
    assert got[400].indicator == "无人驾驶货运飞机奖励"


# --- a short alternate inside a row label keeps its brackets (6.6) -------------------------


def test_a_row_labels_inner_alternate_keeps_its_brackets():
    from bot.targets.tables.labels import _clean_label

    label = "2．每千人口中医类别执业（助理）医师数（人）"
    assert _clean_label(label) == "每千人口中医类别执业（助理）医师数"
    assert _clean_label("高职（专科）院校在校生（万人）") == "高职（专科）院校在校生"
    assert _clean_label("固定资产投资（不含农户）") == "固定资产投资"
    assert _clean_label("水果（含果用瓜）产量") == "水果产量"


# --- places or fields counted after 在, where an activity is carried out ------------------


def test_places_where_an_activity_is_carried_out_are_named_by_it(extract):
    text = (
        "某省低空经济发展行动方案（2025—2027年）\n二、重点任务\n"
        "（二）拓展场景。在16个设区市开展低空巡检、应急通信服务；"
        "在农业、林业、电力等8个重点领域开展“低空+”应用示范。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[16].indicator == "开展低空巡检、应急通信服务的设区市"
    assert got[8].indicator == "开展低空+应用示范的重点领域"


# --- 发布 is the act, not part of what is counted ------------------------------------------


def test_fabu_is_the_change_not_part_of_the_name(extract):
    text = _SUPPORT + "每年发布新材料应用场景不少于60个。全年发布地质灾害预警1200次。\n"
    got = _by_value(extract(text, _NAME))
    assert (got[60].indicator, got[60].change) == ("新材料应用场景", "发布")
    assert (got[1200].indicator, got[1200].change) == ("地质灾害预警", "发布")


# --- orders counted in 单 are a figure ----------------------------------------------------


def test_orders_counted_in_dan_are_read(extract):
    text = _SUPPORT + "开通无人机配送航线60条，年配送量突破300万单，单位配送成本下降20%。\n"
    got = _by_value(extract(text, _NAME))
    assert got[300].unit == "万单"
    assert got[20].unit == "%"
