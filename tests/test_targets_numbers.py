"""Figure finding: numbers, units, hedges, masks, Chinese numerals and exclusions."""

from __future__ import annotations

import pytest

from bot.targets.numbers import cn_to_number, find_figures, may_have_figures


def figs(sentence: str) -> list[tuple]:
    """(value_text, value, unit, qualifier) of every figure, in order."""
    return [(f.value_text, f.value, f.unit, f.qualifier) for f in find_figures(sentence)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("五", 5),
        ("十一", 11),
        ("二十", 20),
        ("三百零五", 305),
        ("一百", 100),
        ("二〇三五", 2035),
        ("五点五", 5.5),
        ("一万二千", 12000),
        ("两", 2),
    ],
)
def test_chinese_numerals(text, value):
    assert cn_to_number(text) == value


def test_not_a_chinese_numeral():
    assert cn_to_number("五年") is None
    assert cn_to_number("") is None


def test_value_unit_and_magnitude():
    assert figs("新增城镇就业10.9万人。") == [("10.9万", 10.9, "万人", "")]
    assert figs("完成一般公共预算收入673.9亿元。") == [("673.9亿", 673.9, "亿元", "")]
    assert figs("经济总量突破1万亿元。") == [("1万亿", 1.0, "万亿元", "")]
    assert figs("新建汽车充电桩1万个。") == [("1万", 1.0, "万个", "")]


def test_hedges_before_and_after():
    assert figs("地区生产总值增长5.5%左右。") == [("5.5", 5.5, "%", "左右")]
    assert figs("全年形成不少于30项成果。") == [("30", 30.0, "项", "不少于")]
    assert figs("城镇登记失业率低于3.5%。") == [("3.5", 3.5, "%", "低于")]
    assert figs("举办会展100多场。") == [("100", 100.0, "场", "多")]
    assert figs("开展文化惠民活动1万多场。") == [("1万", 1.0, "万场", "多")]
    assert figs("用好40余支宣讲团队。") == [("40", 40.0, "支", "余")]


def test_full_width_percent_is_normalised():
    assert figs("居民人均可支配收入增长6.5％左右。") == [("6.5", 6.5, "%", "左右")]


def test_per_mille_and_points():
    assert figs("人口出生率为7.3‰。") == [("7.3", 7.3, "‰", "")]
    assert figs("报销比例提高5个百分点。") == [("5", 5.0, "个百分点", "")]


@pytest.mark.parametrize(
    ("sentence", "value", "value_max", "text"),
    [
        ("地区生产总值增长5%—6%。", 5.0, 6.0, "5%—6"),
        ("地区生产总值增长5-6%。", 5.0, 6.0, "5-6"),
        ("每个园区打造1-2个主导产业。", 1.0, 2.0, "1-2"),
        ("收入增长5%至6%。", 5.0, 6.0, "5%至6"),
    ],
)
def test_ranges(sentence, value, value_max, text):
    (fig,) = find_figures(sentence)
    assert (fig.value, fig.value_max, fig.value_text) == (value, value_max, text)
    assert fig.value_text in sentence


def test_masked_numbers():
    (a, b) = find_figures("高新技术企业总数达xxxx家，是xxxx年的x.xx倍。")
    assert (a.value, a.value_text, a.unit, a.masked) == (None, "xxxx", "家", True)
    assert (b.value, b.value_text, b.unit, b.masked) == (None, "x.xx", "倍", True)
    (c,) = find_figures("力争2023年2千亿级产业达到*个。")
    assert (c.value, c.value_text, c.unit, c.masked) == (None, "*", "个", True)
    (d,) = find_figures("建设x~xx个国内先进特色专科。")
    assert (d.value, d.value_max, d.value_text, d.masked) == (None, None, "x~xx", True)


def test_masked_words_are_not_numbers():
    # a masked place name, a masked word, a masked city's people
    assert figs("确保各项部署在**条条落实。") == []
    assert figs("推进重大科技创xx台建设。") == []
    assert figs("xx人一定要有舍我其谁的骨气！") == []
    assert figs("积极推进xG基站建设。") == []


def test_multiplicative_targets():
    assert figs("海洋经济总产值实现翻番。") == [("翻番", 2.0, "倍", "")]
    assert figs("力争经济总量翻一番。") == [("翻一番", 2.0, "倍", "")]
    assert figs("高新技术企业数量实现倍增。") == [("倍增", 2.0, "倍", "")]
    assert figs("技术合同成交额是2020年的2.5倍。") == [("2.5", 2.5, "倍", "")]
    # programme names and vague growth
    assert figs("深入实施骨干企业倍增计划。") == []
    assert figs("支持企业内涵式倍增。") == []
    assert figs("发运中欧班列成倍增长。") == []


def test_percent_in_chinese_numerals():
    assert figs("力争增长百分之五。") == [("百分之五", 5.0, "%", "")]


def test_rankings():
    assert figs("我市位居全国第3位。") == [("3", 3.0, "位", "")]
    assert figs("奖牌总数全省第一。") == [("一", 1.0, "位", "")]
    assert figs("农业综合发展水平居全国第x位。")[0][:3] == ("x", None, "位")
    # firsts and ordinals are not rankings
    assert figs("发出了全省第一度核电。") == []
    assert figs("进入全国创新型城市第一方阵。") == []
    assert figs("始终把安全放在第一位。") == []


def test_scale_labels_and_bare_magnitudes():
    assert figs("形成千亿级数字技术产业集群。") == [("千亿", 1000.0, "亿元", "级")]
    assert figs("建成x千亿级绿色石化产业集群。")[0][:3] == ("x千亿", None, "亿元")
    assert figs("千万千瓦级核电基地。") == [("千万", 1000.0, "万千瓦", "级")]
    assert figs("办理减税降费过百亿元。") == [("百亿", 100.0, "亿元", "过")]
    assert figs("百万辆汽车产业城。") == [("百万", 100.0, "万辆", "")]
    assert figs("推出百项创新举措。") == [("百", 100.0, "项", "")]
    # enumerations, programmes and idioms with magnitudes
    assert figs("推动三大千亿级园区互联互通。") == []
    assert figs("实施六大千亿级产业提升行动。") == []
    assert figs("形成千亿领航、百亿支撑的格局。") == []
    assert figs("让书香飘进千家万户。") == []


def test_comparisons_without_a_number():
    (fig,) = find_figures("社会消费品零售总额增速高于全省平均水平。")
    assert (fig.form, fig.value, fig.value_text, fig.qualifier) == ("comparison", None, "", "高于")
    (fig,) = find_figures("居民收入增长与经济增长同步。")
    assert (fig.form, fig.qualifier) == ("comparison", "同步")
    (fig,) = find_figures("居民收入增长和经济增长同步。")
    assert fig.qualifier == "同步"
    # with a number it is an ordinary figure
    assert figs("高于全省平均10个百分点以上。") == [("10", 10.0, "个百分点", "以上")]
    # the usual benchmarks of a work report's goals, and the words they are compared with
    for sentence, word in [
        ("全员劳动生产率增速高于国内生产总值增速。", "高于"),
        ("民间投资增速高于全部投资增速。", "高于"),
        ("农村居民收入增速超过城镇居民收入增速。", "超过"),
        ("PM2.5浓度优于全国平均水平。", "优于"),
        ("货币供应量增速与名义经济增速基本匹配。", "匹配"),
        ("劳动报酬提高与劳动生产率提高同步。", "同步"),
    ]:
        assert [(f.form, f.qualifier) for f in find_figures(sentence)] == [("comparison", word)]
        assert may_have_figures(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "2023年是全面贯彻党的二十大精神的开局之年。",  # a year
        "本报12月29日讯。",  # a date
        "市十七届人大二次会议隆重开幕。",  # meeting ordinals
        "承办好第八次国家级新区交流会。",
        "成功举办第二届全国博士后创新创业大赛。",
        "全力做强4大主导产业、7条重点产业链。",  # N大 and structural sets
        "聚焦全市24条产业链。",
        "构建“1+4”系列文件和“6+1”现代产业体系。",  # slogans
        "西港区30万吨级原油码头二期投产。",  # class labels
        "中国一重xxxx吨超级加氢反应器刷新世界纪录。",
        "5A级景区争创。",
        "海阳核电二期4号机组开工。",  # identifiers
        "推动香港中路80号重生焕新。",
        "拨打12345热线。",
        "建设金宝5G铜箔项目。",
        "开展“2023山东夏日消费季”等活动。",  # a quoted name
        "“耕海1号”建成运营。",
        "再引进一批20亿元、50亿元重大项目。",  # size classes without a count
        "培育年产值10亿元以上创新型领军企业。",
        "成立75周年。",
    ],
)
def test_exclusions(sentence):
    assert figs(sentence) == []


def test_size_class_with_a_count_keeps_the_count_only():
    assert figs("新开工10亿元以上项目100个。") == [("100", 100.0, "个", "")]
    assert figs("引进过10亿元项目120个。") == [("120", 120.0, "个", "")]


def test_baseline_of_a_raise_is_not_a_figure():
    got = figs("年度最高支付限额由2300元分别提高到5000元、6000元。")
    assert got == [("5000", 5000.0, "元", ""), ("6000", 6000.0, "元", "")]
    got = figs("养老金最低标准由每人每月150元提高到165元。")
    assert got == [("165", 165.0, "元", "")]


def test_people_named_after_a_magnitude():
    assert figs("帮扶2万失业人员再就业。") == [("2万", 2.0, "万人", "")]
    assert figs("完成11万农户清洁取暖改造。") == [("11万", 11.0, "万户", "")]


def test_value_text_is_always_a_substring():
    sentence = "预计全年地区生产总值增长6.5%左右，经济总量突破1万亿元，粮食产量700亿斤以上。"
    for fig in find_figures(sentence):
        assert fig.value_text in sentence
        assert sentence[fig.num_start : fig.num_end] == fig.value_text


def test_prefilter():
    assert may_have_figures("增长5%")
    assert may_have_figures("实现翻番")
    assert not may_have_figures("坚持稳中求进工作总基调。")


# --- real-document forms (issue 11) ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("国内生产总值从五十四万亿元增长到八十万亿元", [(80, "万亿元")]),  # 54 is a baseline
        ("一百零五万亿元", [(105, "万亿元")]),
        ("三万六千亿元", [(36000, "亿元")]),
        ("九亿八千万人", [(98000, "万人")]),
        ("提高四点五个百分点", [(4.5, "个百分点")]),
        ("达到百分之五十八点三", [(58.3, "%")]),
        ("人均六万二千元", [(62000, "元")]),
        ("十五亿亩耕地", [(15, "亿亩")]),
        ("八千多万农业转移人口成为城镇居民", [(8000, "万人")]),
        ("扎实办好十件民生实事", [(10, "件")]),
        ("粮食产量1.3万亿斤", [(1.3, "万亿斤")]),
        ("地区生产总值20817.5 亿元，增长4.9 %", [(20817.5, "亿元"), (4.9, "%")]),
        ("自然增长率为-0.57‰", [(-0.57, "‰")]),
        ("新增处置能力145.8万吨/年", [(145.8, "万吨/年")]),
        ("完成并购重组397起、1767.8亿元，", [(397, "起"), (1767.8, "亿元")]),
    ],
)
def test_real_numeral_forms(sentence: str, expected: list[tuple[float, str]]) -> None:
    got = [(f.value, f.unit) for f in find_figures(sentence)]
    assert got == [(float(v), u) for v, u in expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "坚持“两个确立”，增强四个意识，一个都不能少",
        "千家万户",
        "市十七届人大二次会议隆重开幕",
        "严格落实中央八项规定",
        "到二〇三五年基本实现",
        "三大攻坚战",
        "建设一批重大项目",
    ],
)
def test_chinese_numerals_that_are_not_figures(sentence: str) -> None:
    assert find_figures(sentence) == []


def test_ranges_keep_value_max() -> None:
    for sentence in ("增长4.5%—5%", "增长5%-5.5%", "增长5%至5.5%"):
        (fig,) = find_figures(sentence)
        assert fig.value_max is not None and fig.value_max > fig.value


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("约占全球的四分之三。", (75.0, "%")),
        ("将1/3以上的资金投向基础研究", (33.33, "%")),
        ("八成以上财政资金用于民生。", (8.0, "成")),
        ("高铁运营里程稳居全国前三，", (3.0, "位")),
        ("城乡居民人均收入倍差为1.78，", (1.78, "")),
        ("推出两批重点事项清单，", (2.0, "批")),
    ],
)
def test_fractions_tenths_top_ranks_and_ratios(sentence: str, expected: tuple[float, str]) -> None:
    assert [(f.value, f.unit) for f in find_figures(sentence)] == [expected]


def test_words_ending_in_cheng_are_not_tenths() -> None:
    assert find_figures("项目建成投产，形成合力，完成任务。") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("城乡居民收入比缩小至2.52∶1。", [(2.52, "")]),
        ("劳动年龄人口平均受教育年限从2020年的9.4年提升至10.2年，", [(10.2, "年")]),
        ("人均预期寿命达到78.2岁，每千人口拥有3岁以下婴幼儿托位", [(78.2, "岁")]),
        ("算力规模突破4000P。", [(4000.0, "P")]),
        ("承办3届中国户外运动产业大会。", [(3.0, "届")]),
        ("首次实现年度内供和外送电量均超1000亿度，", [(1000.0, "亿度")]),
        ("从各方面看，三方联动，20度以上，党的二十届历次全会，二期工程", []),
    ],
)
def test_more_real_measures(sentence: str, expected: list[tuple[float, str]]) -> None:
    assert [(f.value, f.unit) for f in find_figures(sentence)] == expected


def test_approximate_before_the_magnitude() -> None:
    assert [(f.value, f.unit, f.qualifier) for f in find_figures("惠及学生3400多万人次。")] == [
        (3400.0, "万人次", "多")
    ]
    assert [(f.value, f.unit) for f in find_figures("30多万监测对象稳定消除风险")] == [
        (30.0, "万人")
    ]
    assert [(f.value, f.unit) for f in find_figures("建成100多个项目，")] == [(100.0, "个")]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("装机500千瓦。", 500, "千瓦"),  # 千 starts the unit, it is no magnitude
        ("新增1000千瓦时。", 1000, "千瓦时"),
        ("铅酸蓄电池11937340千伏安时，", 11937340, "千伏安时"),
        ("互联网出口带宽4160Gbps；", 4160, "Gbps"),
        ("已许可的频谱资源共计770MHz；", 770, "MHz"),
        ("产业营收超2000亿，", 2000, "亿元"),  # the 元 left unsaid after a money word
        ("林下经济产值突破百亿。", 100, "亿元"),
        ("经济总量迈上1万亿。", 1, "万亿元"),
        ("新增100兆赫频谱资源。", 100, "MHz"),
        ("PM2.5平均浓度38.8 微克每立方米，", 38.8, "微克/立方米"),
        ("制定出台“40条”帮扶企业政策。", 40, "条"),  # a quoted package of items is a count
    ],
)
def test_units_that_start_with_a_magnitude_word_and_quoted_packages(text, value, unit):
    figs = [(f.value, f.unit) for f in find_figures(text)]
    assert (value, unit) in figs, figs


def test_a_quoted_name_with_a_number_is_still_no_figure():
    assert find_figures("“耕海1号”下水，5G基站建设加快。") == []


def test_a_count_noun_before_a_bare_magnitude_gives_the_unit():
    assert [(f.value, f.unit) for f in find_figures("IPv6活跃用户数达6.97亿。")] == [(6.97, "亿")]
    assert [(f.value, f.unit) for f in find_figures("县城新增人口100万、")] == [(100, "万人")]
    assert [(f.value, f.unit) for f in find_figures("技能人才总量超696万，")] == [(696, "万人")]
    # 群 is no measure word when it starts 群众: the people are counted
    assert [(f.value, f.unit) for f in find_figures("惠及76万群众。")] == [(76, "万人")]
    # a count of steps is rhetoric, not an amount; a baseline merged into a new count too
    assert [
        (f.value, f.unit) for f in find_figures("经济总量跨过两个万亿元大关、超过6万亿元。")
    ] == [(6, "万亿元")]
    assert [(f.value, f.unit) for f in find_figures("中职学校由71所优化整合为47所。")] == [
        (47, "所")
    ]
    # a bare magnitude is money only after a word counted in money (投资, 产值, 营收)
    assert [(f.value, f.unit) for f in find_figures("投资达6.97亿。")] == [(6.97, "亿元")]
    assert find_figures("规模达6.97亿。") == []
    assert find_figures("投资达6.97亿的项目。") == []


@pytest.mark.parametrize(
    "text",
    [
        "入井人数超过30人、井深超过800米的金属非金属地下矿山，",  # the class of mines
        "投资超过100亿元的项目",
        "全年全州500万元及以上固定资产投资比上年增长1.2%。",  # only the 1.2 % is a figure
    ],
)
def test_class_thresholds_are_no_figures(text):
    assert all(f.unit == "%" for f in find_figures(text))


def test_a_hedged_figure_or_share_is_still_a_figure():
    assert [(f.value, f.unit) for f in find_figures("城镇新增就业超过10万人，")] == [(10, "万人")]
    assert [f.value for f in find_figures("超80%的省科技攻坚项目由企业承担")] == [80]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "农业、工业和服务业增速分别提高6.2、3.5和1.1个百分点。",
            [(6.2, "个百分点"), (3.5, "个百分点"), (1.1, "个百分点")],
        ),
        ("两类企业分别为35和48家。", [(35, "家"), (48, "家")]),
        ("存贷款余额分别达到2.1、1.8万亿元。", [(2.1, "万亿元"), (1.8, "万亿元")]),
        ("分别高于全省平均2.3个、0.6个百分点。", [(2.3, "个百分点"), (0.6, "个百分点")]),
    ],
)
def test_a_listed_number_takes_the_unit_written_once_after_the_last(text, want):
    assert [(f.value, f.unit) for f in find_figures(text)] == want


@pytest.mark.parametrize("text", ["地铁3、4号线建成通车。", "完成3和4号地块出让。"])
def test_numbers_listed_without_分别_stay_bare(text):
    assert find_figures(text) == []


def test_a_measure_word_before_yi_shang_is_no_conjunction():
    # 所以 is a word, but 200所以上 is 200 所 and 以上
    assert figs("新建幼儿园200所以上、学校500所以上。") == [
        ("200", 200, "所", "以上"),
        ("500", 500, "所", "以上"),
    ]
    assert figs("所以要加强。") == []


def test_a_bare_wan_before_people_named_at_length_counts_people():
    assert figs("妥善安置1.6万山洪泥石流灾害受灾群众。") == [("1.6万", 1.6, "万人", "")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a Chinese numeral ending its clause on 万亿/亿/万: the measure word left unsaid,
        # read from what comes before, as for Arabic figures
        ("全县生产总值超过一百亿，增速居全市前列。", (100.0, "一百亿", "亿元", "money")),
        ("全区网络零售额达到三十五亿。", (35.0, "三十五亿", "亿元", "money")),
        ("平台注册用户数突破两千万，活跃度持续提升。", (2000.0, "两千万", "万", "count")),
        ("全省常住人口达到九百万。", (900.0, "九百万", "万人", "count")),
        # an adverb between the measured thing and its verb
        ("全市GDP首次突破8000亿，迈上新台阶。", (8000.0, "8000亿", "亿元", "money")),
        ("园区产值一举超过120亿。", (120.0, "120亿", "亿元", "money")),
    ],
)
def test_an_amount_whose_measure_word_is_left_unsaid(sentence, expected):
    got = [(f.value, f.value_text, f.unit, f.unit_class) for f in find_figures(sentence)]
    assert got == [expected]


def test_a_magnitude_without_a_measured_thing_before_it_is_no_figure():
    # nothing before the figure says what it counts (a goal in words, an idiom), or a
    # noun follows it: no unsaid measure word is guessed
    assert find_figures("我们要向着一百亿，千家万户齐参与。") == []
    assert find_figures("总投资一百亿的项目开工建设。") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a bare magnitude of 万 or more before 亩 or 次: an extent, a count
        ("全县新增高标准农田超万亩。", (1.0, "万", "万亩", "超")),
        ("推进沿江百万亩湿地修复。", (100.0, "百万", "万亩", "")),
        ("短视频累计播放量突破千亿次。", (1000.0, "千亿", "亿次", "")),
    ],
)
def test_a_bare_large_magnitude_before_mu_or_times(sentence, expected):
    got = [(f.value, f.value_text, f.unit, f.qualifier) for f in find_figures(sentence)]
    assert got == [expected]


def test_a_small_bare_magnitude_before_mu_is_a_class_not_an_extent():
    # 千亩示范片, 万亩良田 without a hedge: the class of a field, no figure
    assert find_figures("建设千亩示范片和万亩良田。") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the 上 of a verb of reaching (迈上, 跃上, 登上) is no vague 上万/上千
        ("全县经济总量迈上千亿元台阶。", (1000.0, "千亿", "亿元")),
        ("园区工业产值跃上万亿元新台阶。", (1.0, "万亿", "万亿元")),
    ],
)
def test_a_bare_magnitude_after_a_verb_of_reaching(sentence, expected):
    got = [(f.value, f.value_text, f.unit) for f in find_figures(sentence)]
    assert got == [expected]


def test_shang_before_a_magnitude_stays_vague():
    # 上千亿元: "more than a thousand 亿", not the bare 千亿
    assert [f.value_text for f in find_figures("带动上千亿元社会资金投入。")] != ["千亿"]


def test_a_time_circle_and_a_top_class_are_no_quantities_whatever_the_order_of_checks() -> None:
    """``_not_a_quantity`` asks the cheap test first (the 前 before, 圈 in the sentence):
    the same answers, on invented sentences."""
    from bot.targets.numbers.not_figures import _not_a_quantity

    def said(sentence: str, number: str) -> bool:
        start = sentence.index(number)
        return _not_a_quantity(sentence, start, start + len(number))

    assert said("打造城区15分钟便民生活圈，新增网点120个", "15分钟")
    assert said("形成1小时通勤圈和2小时经济圈", "1小时")
    assert said("形成1小时通勤圈和2小时经济圈", "2小时")
    assert not said("建成15分钟便民服务站30个", "15分钟")  # no 圈: a time, left to the rest
    assert said("对进入全国前十位的企业给予奖励", "十位")  # (the regex sees 十位 as written)
    assert not said("对进入全国十位的企业给予奖励", "十位")  # no 前 before: no top class
    assert not said("全市新增企业1200家", "1200家")
