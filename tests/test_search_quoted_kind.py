"""A kind-of-document word inside quotation marks or right after a quoted name is part of
the name (“互联网+”行动计划 is a plan a report speaks of), not the kind asked for."""

from __future__ import annotations

import pytest

from bot.corpus.gazetteer import default_gazetteer
from bot.search.understand import understand


def kind(query: str):
    got = understand(query, gazetteer=default_gazetteer(), known_regions=set())
    return got.facets.doc_type, got.rest


@pytest.mark.parametrize(
    ("query", "doc_type", "rest"),
    [
        # quoted, or right after the quoted name: a word of the name, searched
        ("“数字乡村”行动计划 进展", None, "“数字乡村”行动计划 进展"),
        ('"智慧交通"行动方案', None, '"智慧交通"行动方案'),
        ("「种业振兴行动方案」 目标", None, "「种业振兴行动方案」 目标"),
        # a kind after the quoted name and a space, or unquoted: the kind asked
        ("“数字乡村” 行动计划", "实施意见/行动方案", "“数字乡村”"),
        ("数字乡村 行动计划", "实施意见/行动方案", "数字乡村"),
        # a plan period quoted as the documents write it names no plan
        ("“十五五”规划纲要 目标", "规划纲要", "“十五五” 目标"),
        # 《…》 names the document itself, whose kind it is
        ("《数字乡村行动方案》", "实施意见/行动方案", None),
    ],
)
def test_a_kind_word_in_a_quoted_name_is_no_kind(query, doc_type, rest):
    got_type, got_rest = kind(query)
    assert got_type == doc_type
    if rest is not None:
        assert got_rest == rest
