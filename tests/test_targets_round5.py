"""Extraction rules found on the round-5 probe set (issue 11, ``tests/data/probes/round5/``):
a national bulletin, a ministries' action plan, a provincial news story. Every sentence here
is invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

from bot.targets.numbers import find_figures


def _figures(sentence: str) -> list[tuple[float | None, str, str, str]]:
    return [(f.value, f.value_text, f.unit, f.qualifier) for f in find_figures(sentence)]


def test_half_written_as_a_word_is_fifty_percent():
    assert _figures("可再生能源发电量占全社会用电量比重超过一半。") == [(50.0, "一半", "%", "超过")]
    assert _figures("近一半的规上企业开展了数字化改造。") == [(50.0, "一半", "%", "近")]
    # 过半 alone is a vague fraction (no record), as is a half in a phrase
    assert _figures("重点工程建设进度过半。") == []
    assert _figures("事半功倍，一半靠制度。") == []


def test_transformer_capacity_in_volt_amperes():
    assert _figures("新增变电容量420万千伏安，改造配电线路860公里。") == [
        (420.0, "420万", "万千伏安", ""),
        (860.0, "860", "公里", ""),
    ]


def test_a_count_of_models_is_a_count_not_a_class_label():
    assert _figures("首台套推广目录收录装备不少于120个型号。") == [(120.0, "120", "个", "不少于")]
    assert _figures("建设3个10万吨级泊位。") == [(3.0, "3", "个", "")]  # 级 still blocks


# --- change: level or increment ----------------------------------------------------------------


def test_more_or_less_than_last_year_is_an_increase_or_a_fall(extract):
    text = (
        "江州市2025年国民经济和社会发展统计公报\n\n"
        "全年城镇新增就业12.5万人，比上年多0.8万人。年末户籍人口520万人，比上年末少3.2万人。\n"
    )
    changes = {r.value: r.change for r in extract(text, "bulletin.txt")}
    assert changes[0.8] == "增加"
    assert changes[3.2] == "减少"
    assert changes[520] == ""  # the level itself


def test_a_count_of_things_that_grew_is_a_level(extract):
    text = (
        "江州市2025年国民经济和社会发展统计公报\n\n"
        "全市36个工业行业大类中有27个行业增加值保持增长。"
        "全年高新技术企业增长120家。\n"
    )
    changes = {r.value: r.change for r in extract(text, "bulletin.txt")}
    assert changes[27] == changes[36] == ""  # the industries grew; 27 is how many did
    assert changes[120] == "增长"  # a count the verb before it governs is an increment


def test_the_customs_and_the_bulletins_words_for_trade_and_foreign_investment(table):
    # 货物贸易进出口总值 (the customs' word) is the trade total; 实际使用外商直接投资金额 the
    # foreign investment actually used, as their shorter forms are
    assert table.canonical("货物贸易进出口总值") == "外贸进出口总额"
    assert table.canonical("实际使用外商直接投资金额") == "实际使用外资"
    assert table.canonical("实际使用外资金额") == "实际使用外资"


# --- kind and year: a story on a year's released data; a plan's horizon -------------------------


def test_a_story_on_the_released_data_of_a_year_reports_results(extract):
    text = (
        "2024年江州经济运行数据发布\n"
        "江州日报记者 陈立\n\n"
        "本报讯 市统计局1月20日发布数据，2024年全年全市地区生产总值3120亿元，增长5.6%。"
        "全年粮食总产量210万吨。\n"
        "全年社会消费品零售总额1280亿元，增长4.2%。\n"
        "发言人表示，要努力实现全年地区生产总值增长6%左右的目标。\n"
    )
    kinds = {r.value: r.kind for r in extract(text, "news.txt")}
    assert kinds[3120] == kinds[5.6] == kinds[210] == kinds[1280] == kinds[4.2] == "achievement"
    assert kinds[6] == "target"  # 要努力实现: still a goal


def test_goals_said_to_be_met_are_a_result(extract):
    text = (
        "在全市经济形势分析会上的讲话\n\n"
        "一、关于当前经济形势\n"
        "今年以来，全市主要预期目标圆满完成。新增城镇就业4.2万人。\n"
    )
    kinds = {r.value: r.kind for r in extract(text, "speech.txt")}
    assert kinds[4.2] == "achievement"


def test_a_five_year_plan_works_to_the_end_of_its_period_not_to_a_date_it_cites(extract):
    text = (
        "江州市“十五五”城市供水发展规划\n"
        "江州市水务局\n\n"
        "一、发展基础\n"
        "截至2025年底，全市供水管网长度达到3200公里。\n\n"
        "二、主要任务\n"
        "（一）完善供水设施。新建改造供水管网800公里，新增供水能力20万吨/日。\n"
    )
    years = {r.value: r.year for r in extract(text, "plan.txt")}
    assert years[3200] == "2025"
    assert years[800] == "2030"  # a task figure that is no count: the period's end
