"""The general thesaurus (bot/search/thesaurus.py), on invented groups."""

from bot.search.thesaurus import GROUP_CAP, Thesaurus


def _df(counts):
    return lambda w: counts.get(w, 0)


def test_neighbours_are_words_the_corpus_writes_not_too_often():
    th = Thesaurus([["求医", "问诊", "寻医"]])
    counts = {"问诊": 3, "寻医": 900}
    assert th.neighbours("求医", _df(counts), max_df=50) == ["问诊"]


def test_single_characters_and_large_groups_are_left_out():
    th = Thesaurus([["修", "修缮", "翻修"], [f"词{i}词" for i in range(GROUP_CAP + 1)]])
    assert th.neighbours("修缮", _df({"修": 5, "翻修": 5}), max_df=50) == ["翻修"]
    assert th.neighbours("词0词", _df({"词1词": 1}), max_df=50) == []
