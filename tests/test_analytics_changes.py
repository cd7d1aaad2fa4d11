"""Year over year: a report's targets and key phrases against the previous report of
the same region (bot.analytics.changes), on fixtures and on the real national reports."""

from __future__ import annotations

from collections import Counter

from bot.analytics.changes import (
    BOILERPLATE,
    compare_targets,
    new_phrases,
    own_targets,
    phrase_counts,
)
from bot.analytics.linking import Sourced
from bot.text.normalize import normalize
from bot.text.tokenize import Tokenizer
from tests.test_analytics_linking import TABLE, info, rec

CUT = Tokenizer().cut


def test_targets_raised_lowered_unchanged_reworded_new_dropped_and_unclear():
    r24, r25 = info("gwr2024", 2024), info("gwr2025", 2025)
    before = [
        Sourced(r24, rec("地区生产总值", 5.5, qualifier="左右", year="2024")),
        Sourced(r24, rec("居民消费价格", 3.0, change="", qualifier="左右", year="2024")),
        Sourced(r24, rec("单位地区生产总值能耗", 3.1, change="下降", year="2024")),
        Sourced(r24, rec("城镇调查失业率", 5.5, change="", qualifier="左右", year="2024")),
        Sourced(r24, rec("新增城镇就业", 110, unit="万人", change="新增", year="2024")),
        Sourced(r24, rec("一般公共预算收入", None, masked=True, year="2024")),
        Sourced(r24, rec("外贸进出口总额", 3, year="2024")),
        # the review of 2023 in the 2024 report is not one of its targets
        Sourced(r24, rec("地区生产总值", 6.0, kind="achievement", year="2023")),
    ]
    after = [
        Sourced(r25, rec("地区生产总值", 5.0, qualifier="左右", year="2025")),
        Sourced(r25, rec("居民消费价格", 2.0, change="", qualifier="左右", year="2025")),
        Sourced(r25, rec("单位地区生产总值能耗", 3.4, change="下降", year="2025")),
        Sourced(r25, rec("城镇调查失业率", 5.5, change="", qualifier="以内", year="2025")),
        Sourced(r25, rec("新增城镇就业", 1100000, unit="人", change="新增", year="2025")),
        Sourced(r25, rec("一般公共预算收入", 4.0, year="2025")),
        Sourced(r25, rec("研发经费投入强度", 2.5, change="达到", year="2025")),
        # a growth rate is not matched with a level of the same indicator
        Sourced(r25, rec("地区生产总值", 9.6, unit="万亿元", change="突破", year="2025")),
    ]
    changes = compare_targets(own_targets(after, 2025), own_targets(before, 2024), TABLE)
    got = [(c.kind, c.indicator) for c in changes]
    assert got == [
        ("raised", "单位地区生产总值能耗"),  # 下降3.1% -> 下降3.4%: a larger fall
        ("lowered", "地区生产总值"),
        ("lowered", "居民消费价格"),
        ("new", "研发经费投入强度"),
        ("new", "地区生产总值"),  # the level
        ("dropped", "外贸进出口总额"),
        ("reworded", "城镇调查失业率"),  # 5.5%左右 -> 5.5%以内
        ("unchanged", "新增城镇就业"),  # 110万人 = 1100000人
        ("unclear", "一般公共预算收入"),  # masked last year
    ]
    lowered = changes[1]
    assert lowered.previous and lowered.previous.record.value == 5.5
    assert lowered.to_dict()["current"]["value"] == 5.0
    assert changes[5].to_dict()["current"] is None


def test_key_phrases_new_and_dropped_without_boilerplate():
    before = (
        "坚持稳中求进。推动高质量发展，加快建设现代化产业体系。持续优化营商环境，优化营商环境。"
    )
    after = (
        "坚持稳中求进。因地制宜发展新质生产力，发展新质生产力。推动人工智能赋能，"
        "开展人工智能+行动。今年地区生产总值增长5%左右，增长5%左右。"
    )
    now, earlier = phrase_counts(normalize(after), CUT), phrase_counts(normalize(before), CUT)
    fresh = [p for p, _ in new_phrases(now, earlier)]
    assert "新质生产力" in fresh and "人工智能" in fresh
    assert not {"坚持", "推动", "今年", "发展", "稳中求进"} & set(fresh)
    assert not any(ch.isdigit() for p in fresh for ch in p)
    gone = [p for p, _ in new_phrases(earlier, now)]
    assert "营商环境" in gone and "稳中求进" not in gone
    assert {"坚持", "推进", "今年", "我们"} <= BOILERPLATE


def test_a_phrase_used_once_is_not_listed_and_longer_phrases_hide_their_parts():
    found = new_phrases(Counter({"新质生产力": 3, "生产力": 3, "偶然": 1}), Counter(), min_count=2)
    assert found == [("新质生产力", 3)]
