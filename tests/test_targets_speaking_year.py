"""今年 and 明年 count from the year a text was spoken in, which its year headings tell.

A work-conference speech given at the turn of the year is filed under the year it plans
but calls that year 明年; the explicit year heading over the words beats the guess that
the text was written in the document's year (invented texts).
"""

from __future__ import annotations

from bot.targets.kinds import speaking_year

YEAR_END_SPEECH = """在2031年全省水利工作会议上的讲话

同志们：

这次会议的主要任务是，总结2030年水利工作，部署2031年重点任务。

一、2030年水利工作回顾

一年来，全省完成水利投资420亿元，新增有效灌溉面积36万亩。

二、2031年重点任务

明年工作的主要目标是：完成水利投资400亿元左右，新增有效灌溉面积30万亩。
"""

REPORT = """2031年全县政府工作报告

一、2030年工作回顾

全县地区生产总值增长6.1%。

二、2031年工作安排

今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右。

我们将新建乡村道路120公里，为明年建成“四好农村路”示范县打下基础。
"""


def _years(records, indicator_part: str) -> set[str]:
    return {r.year for r in records if indicator_part in r.indicator}


def test_a_year_end_speech_says_mingnian_of_the_year_its_heading_names(extract):
    records = extract(YEAR_END_SPEECH, "province_hebei_2031_speech.txt")
    goals = [r for r in records if "明年" in r.sentence]
    assert goals and all(r.kind == "target" for r in goals)
    assert {r.year for r in goals} == {"2031"}, [(r.indicator, r.year) for r in goals]
    # the review stays the year before
    assert _years([r for r in records if "一年来" in r.sentence], "") == {"2030"}


def test_a_report_in_the_year_it_plans_keeps_mingnian_the_year_after(extract):
    records = extract(REPORT, "county_demo_2031_gwr.txt")
    assert _years([r for r in records if "今年" in r.sentence], "地区生产总值") == {"2031"}
    roads = [r for r in records if "乡村道路" in r.indicator or "道路" in r.indicator]
    assert roads and {r.year for r in roads} == {"2031"}


def _passages(*pairs: tuple[str, str]):
    return [((heading,) if heading else (), text) for heading, text in pairs]


def test_the_words_under_year_headings_vote_for_the_year_spoken_in():
    speech = _passages(("二、2031年重点任务", "明年工作的主要目标是：…"))
    assert speaking_year(speech, 2031) == 2030
    report = _passages(
        ("二、2031年工作安排", "今年的主要预期目标是：…"),
        ("二、2031年工作安排", "今年要…，为明年打下基础。"),
    )
    assert speaking_year(report, 2031) == 2031  # 今年 twice against one 明年
    # a January speech filed under the year it reviews (在2030年…总结大会上的讲话) that
    # calls the year it plans 今年
    january = _passages(("二、2031年工作安排", "今年全市要…"), ("", "今年是开局之年…"))
    assert speaking_year(january, 2030) == 2031


def test_no_vote_a_tie_or_a_far_year_leaves_the_documents_year():
    assert speaking_year(_passages(("", "明年目标是…")), 2031) == 2031  # no year heading
    assert speaking_year(_passages(("二、今年的目标", "明年…")), 2031) == 2031  # relative
    tie = _passages(("二、2031年工作安排", "今年…"), ("二、2031年工作安排", "明年…"))
    assert speaking_year(tie, 2031) == 2031
    far = _passages(("三、到2035年远景目标", "明年…今年…"))
    assert speaking_year(far, 2031) == 2031
    assert speaking_year(_passages(("二、2031年任务", "比今年增长…")), 2030) == 2030  # a base
    assert speaking_year(_passages(("二、2031年任务", "明年…")), None) is None
