"""The classes of strict naming misses (bench.naming_gaps) and its halves of the probe sets."""

from __future__ import annotations

from bench import naming_gaps
from bench.naming_gaps import classify, halves, surface_difference


def _cls(gold: str, pred: str, gold_names: frozenset[str] = frozenset()) -> str:
    return classify(gold, pred, lambda _n: False, set(gold_names))[0]


def test_each_class_of_a_strict_miss():
    assert _cls("城镇失业人员再就业", "失业人员再就业") == "qualifier_missing"
    assert _cls("老旧小区改造惠及居民", "城镇老旧小区改造惠及居民") == "qualifier_extra"
    assert _cls("全国绿色食品原料标准化生产基地", "绿色食品原料标准化生产基地") == "scope_missing"
    assert _cls("税务部门组织税收收入", "税收收入") == "too_short"
    assert _cls("在校学生", "各级各类学校在校学生") == "too_long"
    assert _cls("并网发电海上风场", "海上风场并网发电") == "word_order"
    assert _cls("产值超十亿元企业", "产值超十亿元的企业") == "surface"
    assert _cls("停车位", "停车泊位", frozenset({"停车泊位"})) == "gold_two_ways"
    assert _cls("受益居民", "老旧小区改造惠及居民", frozenset({"老旧小区改造惠及居民"})) == (
        "gold_two_ways"
    )
    assert _cls("食品烟酒价格", "食品烟酒类价格指数") == "variant_not_in_table"
    assert _cls("地区生产总值", "西安") == "different"


def test_surface_differences_say_which_mark():
    assert surface_difference("供热供水燃气排污管网", "供热、供水、燃气、排污管网") == "、和及"
    assert surface_difference("风景名胜区面积", "风景名胜区总面积") == "总"
    assert surface_difference("规上企业", "规模以上企业") == "规上"
    assert surface_difference("城镇居民", "农村居民") is None


def test_the_probe_halves_split_every_set_once_and_the_same_way_each_time():
    fit, check = halves()
    assert not set(fit) & set(check)
    assert sorted(fit + check) == naming_gaps.probe_sets()
    assert abs(len(fit) - len(check)) <= 1
    assert halves() == (fit, check)
