"""The synonym expansions remembered are bounded, and the same with or without the memo."""

from __future__ import annotations

import bot.text.synonyms as m
from bot.text.synonyms import Synonyms


def test_expansions_stay_bounded_and_answer_as_computed(monkeypatch) -> None:
    # invented groups sharing terms (甲 ↔ 乙 ↔ 丙 across two groups) and many distinct
    # words typed: the table of expansions never holds more than its size, and every
    # answer, remembered or not, is the one worked out from the groups
    syn = Synonyms([["甲方案", "乙方案"], ["乙方案", "丙方案"], ["红苹果", "青苹果"]])
    monkeypatch.setattr(m, "EXPANDED_SIZE", 5)
    words = ["甲方案", "乙方案", "丙方案", "红苹果"] + [f"词{i}" for i in range(40)]
    for _round in range(2):
        for w in words:
            got = syn.expand(w)
            assert got == list(syn._reach(w)), w
            assert len(syn._expanded) <= 5
    assert syn.expand("甲方案") == ["甲方案", "乙方案", "丙方案"]
    assert syn.expand("词3") == ["词3"]
    # an answer handed out is a copy: changing it changes nothing remembered
    syn.expand("红苹果").append("x")
    assert syn.expand("红苹果") == ["红苹果", "青苹果"]
