"""Figures and kinds the probe sets and the dev split still missed (issue 11, recall and
kind), each shape seen in at least two different documents. Every sentence here is
invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import changes_by_value, names_by_value

_BULLETIN = "江州市2024年国民经济和社会发展统计公报\n\n四、人民生活\n\n"
_BULLETIN_NAME = "city_jiangzhou_2024_stat-bulletin.txt"


# --- a ratio's change said bare right after it ------------------------------------------------


def test_a_ratios_narrowing_after_it_is_a_figure_of_the_ratio(extract):
    text = _BULLETIN + "城乡居民收入比为2.21，比上年缩小0.05。\n"
    records = extract(text, _BULLETIN_NAME)
    got = names_by_value(records)
    assert got[2.21] == "城乡居民收入比"
    assert got[0.05] == "城乡居民收入比"
    assert changes_by_value(records)[0.05] == "缩小"
    assert {r.unit for r in records} == {""}


def test_a_multiples_gap_narrowed_against_last_year_is_named_by_the_gap(extract):
    text = _BULLETIN + "城乡居民人均收入倍差为1.93，较上年缩小0.02。\n"
    records = extract(text, _BULLETIN_NAME)
    assert names_by_value(records)[0.02] == "城乡居民人均收入倍差"
    assert changes_by_value(records)[0.02] == "缩小"


def test_a_bare_number_after_a_ratio_in_another_clause_is_not_its_change(extract):
    # the clause after the ratio is about something else: its number stays unread
    text = _BULLETIN + "城乡居民收入比为2.21，全年新增就业3.6万人，其中返乡创业0.4。\n"
    got = names_by_value(extract(text, _BULLETIN_NAME))
    assert 0.4 not in got
