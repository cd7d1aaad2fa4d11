"""Rules for what the round36 probe set's check half left (lane ``targets-left36``): each
test is a general form, on invented sentences, not a line of the probe texts."""

from __future__ import annotations


def test_a_tasks_own_goal_year_leaves_the_other_tasks_dated_as_tasks(extract) -> None:
    # goals written as yearly milestone lines under 二、发展目标 (no 到…年 there): the first
    # 到2033年 is a task's own (6.8.12), so the counts of the tasks after it are built over
    # the title's span (6.6), not of 2033
    text = (
        "青石省氢能产业发展三年行动计划（2031—2033年）\n二、发展目标\n"
        "2031年，全省氢燃料电池汽车保有量达到800辆。\n"
        "2033年，全省氢燃料电池汽车保有量达到3000辆，加氢站达到40座。\n"
        "三、重点任务\n"
        "（一）壮大燃料电池产业。到2033年，燃料电池系统产能达到5000套。\n"
        "（二）完善加氢网络。新建加氢站25座，建设制氢示范项目6个。\n"
    )
    years = {r.value: r.year for r in extract(text, "plan.txt")}
    assert years[800] == "2031"
    assert years[40] == "2033"
    assert years[5000] == "2033"
    assert years[25] == "2031-2033"
    assert years[6] == "2031-2033"


def test_a_streak_dates_its_own_clause_not_the_figures_after_it_in_its_sentence(
    extract,
) -> None:
    # 连续6年位居全国前列 says how long a rank has held; the share after it, in the same
    # ；-clause, is the paragraph's base year, as the clause after it is
    text = (
        "青石省数字经济发展实施方案（2032—2034年）\n一、发展基础\n"
        "2031年，全省软件业务收入增速连续6年位居全国前列，软件业务收入占地区生产总值比重"
        "达到7.5%；建成数据中心23个。\n"
    )
    years = {r.value: r.year for r in extract(text, "plan.txt")}
    assert years[7.5] == "2031"
    assert years[23] == "2031"


def test_opening_things_to_use_is_the_act_not_the_name(extract) -> None:
    # 开放 before the counted things is what is done with them, as 建设 and 发布 are
    text = (
        "青石省数据要素市场实施方案（2032—2034年）\n三、重点任务\n"
        "（一）推动数据开放。每年开放公共数据集300个以上，开放人工智能训练场景12个。\n"
    )
    got = {r.value: (r.indicator, r.change) for r in extract(text, "plan.txt")}
    assert got[300] == ("公共数据集", "开放")
    assert got[12] == ("人工智能训练场景", "开放")


def test_a_rate_of_an_award_named_by_what_it_is_is_that_awards_rate(extract) -> None:
    # 给予创新券补贴: the award says what it is (a voucher), so its rate is named by it, not
    # by the receivers; a bare 补助 keeps its receivers
    text = (
        "青石市支持科技服务业发展的若干措施\n"
        "一、对购买检测服务的中小企业，按服务费用的40%给予创新券补贴，单家企业每年最高50万元。\n"
        "二、对新建中试基地，按设备投资的25%给予补助，单个基地最高300万元。\n"
    )
    names = {r.value: r.indicator for r in extract(text, "measures.txt")}
    assert names[40] == "创新券补贴比例"
    assert names[25] == "中试基地补助比例"
