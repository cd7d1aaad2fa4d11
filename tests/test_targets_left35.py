"""Rules of `targets-left35` (what probes-round35 left): each test is a general form, on
invented sentences, not a line of the probe texts."""

from __future__ import annotations


def test_a_place_by_place_sentence_gives_each_place_the_measure_of_the_first(extract) -> None:
    # 分…看: the places after the first are each the first one's measure, of their own place
    # (the clauses cut at ，or at ；)
    text = (
        "青石市2031年国民经济和社会发展统计公报\n"
        "分县（市、区）看，东河区地区生产总值612.4亿元，增长4.2%；临水县286.3亿元，增长3.6%。\n"
        "分县（市、区）看，东河区常住人口102.36万人，临水县68.24万人，白沙市47.65万人。\n"
    )
    got = {(r.value, r.unit): (r.indicator, r.region) for r in extract(text, "bulletin.txt")}
    assert got[(286.3, "亿元")] == ("地区生产总值", "临水县")
    assert got[(3.6, "%")] == ("地区生产总值", "临水县")
    assert got[(612.4, "亿元")][0] == "地区生产总值"
    assert got[(68.24, "万人")] == ("常住人口", "临水县")
    # (a place the gazetteer knows takes its short name: 白沙)
    assert got[(47.65, "万人")][0] == "常住人口"
    assert got[(47.65, "万人")][1].startswith("白沙")


def test_a_list_of_places_without_the_breakdown_opening_is_left_as_it_was(extract) -> None:
    # no 分…看: a place followed by a figure is not given the clause before's measure here
    text = (
        "青石市2031年国民经济和社会发展统计公报\n东河区地区生产总值612.4亿元，临水县286.3亿元。\n"
    )
    got = {(r.value, r.unit): r.indicator for r in extract(text, "bulletin.txt")}
    assert got[(286.3, "亿元")] != "地区生产总值"


def test_a_streak_rank_in_a_past_years_review_is_of_the_year_reviewed(extract) -> None:
    # a January speech's 过去一年 part, no year in its heading: 连续14年居全球第一 ends in
    # the year the part reviews, as the figure beside it does, not in the speech's year
    text = (
        "在全省经济工作会议上的讲话\n（2031年1月28日）\n同志们：\n"
        "一、充分肯定过去一年的发展成就\n"
        "过去一年，全省生产总值增长4.1%。\n"
        "青石港货物吞吐量12.6亿吨，连续14年居全球第一。\n"
    )
    got = {(r.value, r.unit): r.year for r in extract(text, "青石_speech.txt")}
    assert got[(12.6, "亿吨")] == "2030"
    assert got[(1, "位")] == "2030"


def test_a_review_paragraph_opening_with_its_part_is_of_the_year_before_it(extract) -> None:
    # 其中 opening a new paragraph goes on with the whole the paragraph before gave, in that
    # paragraph's year (as a 其中 sentence does inside one paragraph)
    text = (
        "青石省推动低空经济高质量发展行动方案（2032—2034年）\n一、发展基础\n"
        "我省是低空经济大省。2031年，全省低空经济规模超过1200亿元。\n"
        "其中，东河市低空经济产值超过900亿元，开通无人机物流航线170条。\n"
    )
    got = {(r.value, r.unit): r.year for r in extract(text, "plan.txt")}
    assert got[(1200, "亿元")] == "2031"
    assert got[(900, "亿元")] == "2031"
    assert got[(170, "条")] == "2031"
