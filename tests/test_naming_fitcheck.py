"""Naming shapes of the dev documents that are not work reports (bulletins, plans,
opinions, action plans, news; issue 11, branch ``naming-fitcheck``): rules kept only when
they did not hurt a held-back half of those documents nor the probe sets (see
``bench/RESULTS.md``). Every sentence here is invented for the test; none is a probe's
or a corpus document's."""

from __future__ import annotations

_PLAN = "江州市推进城乡融合发展的实施意见\n\n"


def _names(extract, body: str) -> dict[float, str]:
    return {r.value: r.indicator for r in extract(_PLAN + body + "\n", "plan.txt")}


def test_key_construction_said_before_the_head_is_its_kind(extract):
    # 重点建设: the kind of area or base the count counts, not a verb leaving 重点 alone
    assert _names(extract, "规划7个重点建设片区。")[7] == "重点建设片区"
    assert _names(extract, "布局12个重点建设基地和3个物流园。")[12] == "重点建设基地"


def test_building_without_key_before_it_still_ends_the_counted_things(extract):
    assert _names(extract, "完成16个老旧片区建设。")[16] == "老旧片区"
    assert _names(extract, "推动9个产业园建设提速。")[9] == "产业园"
