"""Rules found on the round-25 probe set (issue 11, ``tests/data/probes/round25/``): sector
plans written after round22's rules (a ministries' opinion, an industry cluster plan, a
city's measures for private firms, a hydrogen plan, a mid-term evaluation, a rural plan).
Every sentence here is invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

_SUPPORT = "某省先进制造业集群培育行动方案（2024—2027年）\n四、支持政策\n"
_NAME = "province_mou_2024_manufacturing-cluster-action-plan.txt"


def _by_value(records) -> dict:
    return {r.value: r for r in records}


# --- 一次性 is how an award is given, not what it is --------------------------------------


def test_a_one_off_award_with_its_receiver_is_named_without_yici_xing(extract):
    text = (
        _SUPPORT + "对首次认定的国家级技术创新示范企业，给予一次性奖励80万元；"
        "对新认定的省级工业设计中心，一次性奖励30万元。对企业给予一次性奖励5万元。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[80].indicator == "国家级技术创新示范企业奖励"
    assert got[30].indicator == "省级工业设计中心奖励"
    assert got[5].indicator == "一次性奖励"  # no receiver of its own: the bare award
