"""A typo that is a piece of other words (issue 13: two-character homophones of frequent
words are corrected). jieba's search mode indexes the two-character pieces of longer
words, so 经纪 is an index term of a text that writes only 财经纪律 (财经|纪律); whether a
short term is ever written as a word of its own is decided when the index is built
(``bot.search.inside``, ``inside.npy``). Invented texts only."""

from __future__ import annotations

from bot.library.engine import Engine
from bot.search.fuzzy import commoner_homophones
from bot.text.pinyin import first_syllables
from tests.conftest import engine_over

# 经济 written often, 经纪 only across the halves of 财经纪律.
REPORT = (
    "某省2025年政府工作报告\n"
    "一、工作回顾\n"
    "全省经济运行稳中向好，民营经济增加值增长6%。\n"
    "支持民营经济发展壮大，落实促进民营经济发展的政策措施。\n"
    "坚持过紧日子，严肃财经纪律，加强审计监督。\n"
    "二、今年工作\n"
    "推动经济高质量发展，扩大有效投资。\n"
)
# The same report with 经纪 written as a word, on its own and at a word's edge.
BROKERS = REPORT + "规范房地产经纪机构，培育经纪人队伍。\n"


def _index(engine: Engine):
    return engine.searcher.index


def test_a_piece_written_only_across_the_halves_of_a_longer_word_is_marked(tmp_path):
    index = _index(engine_over(tmp_path, {"report.txt": REPORT}))
    assert index.only_inside("经纪")  # 财经|纪律
    # the halves themselves, words written elsewhere, and what is no term at all
    for word in ("财经", "纪律", "经济", "民营", "经纪人", "火星"):
        assert not index.only_inside(word), word


def test_a_piece_also_written_as_a_word_is_not_marked(tmp_path):
    index = _index(engine_over(tmp_path, {"report.txt": BROKERS}))
    assert not index.only_inside("经纪")


def test_a_piece_at_a_longer_words_edge_is_its_own_word(tmp_path):
    text = "某市2025年政府工作报告\n培育经纪人队伍，严肃财经纪律。\n"
    assert not _index(engine_over(tmp_path, {"r.txt": text})).only_inside("经纪")


def test_a_piece_written_on_its_own_in_the_same_passage_is_not_marked(tmp_path):
    # in one passage: once inside 财经纪律, once on its own (more than its middles)
    text = "某市2025年政府工作报告\n严肃财经纪律，规范经纪行为。\n推动经济发展。\n"
    assert not _index(engine_over(tmp_path, {"r.txt": text})).only_inside("经纪")


def test_a_typo_inside_other_words_is_corrected_and_said(tmp_path):
    engine = engine_over(tmp_path, {"report.txt": REPORT})
    resp = engine.search("民营经纪怎么支持", page_size=3)
    assert [c.corrected for c in resp.corrections] == ["民营经济怎么支持"]
    assert resp.corrections[0].original == "民营经纪怎么支持"
    assert resp.hits and resp.hits[0].text.startswith("支持民营经济发展壮大"), resp.hits
    alone = engine.search("经纪", page_size=3)
    assert [c.corrected for c in alone.corrections] == ["经济"]
    # the search as typed, offered with the correction, finds what was typed
    typed = engine.search("民营经纪怎么支持", page_size=3, correct=False)
    assert typed.corrections == ()
    assert any("财经纪律" in h.text for h in typed.hits)


def test_a_word_the_corpus_writes_is_not_corrected(tmp_path):
    engine = engine_over(tmp_path, {"report.txt": BROKERS})
    assert engine.search("经纪", page_size=3).corrections == ()
    assert engine.search("房地产经纪怎么规范", page_size=3).corrections == ()
    # nor a longer word that holds it
    assert engine.search("财经纪律", page_size=3).corrections == ()
    # 经济 is not written often enough here to be what 经纪 was typed for
    assert engine.search("民营经纪怎么支持", page_size=3).corrections == ()


# 经济 in many passages, 经纪 written as a word in one (演出经纪): a rare word of the
# corpus, its sound-alike a common one.
TOWNS = ["东城", "西城", "南山", "北塘", "江口", "河阳", "青石", "白沙", "金台", "玉泉", "红旗"]
COMMON = (
    "某省2025年政府工作报告\n"
    + "".join(f"{t}区县域经济稳步增长，{t}区特色产业加快发展。\n" for t in TOWNS)
    + "".join(f"{t}镇集体经济不断壮大，{t}镇农民收入持续增加。\n" for t in TOWNS)
    + "支持民营经济发展壮大，落实促进民营经济发展的政策措施。\n"
    + "规范演出经纪机构，繁荣文化市场。\n"
)


def test_a_rare_word_beside_another_is_corrected_to_its_common_sound_alike(tmp_path):
    engine = engine_over(tmp_path, {"report.txt": COMMON})
    assert engine.searcher.lexicon.commoner.get("经纪") == "经济"
    resp = engine.search("民营经纪怎么支持", page_size=3)
    assert [c.corrected for c in resp.corrections] == ["民营经济怎么支持"]
    assert resp.hits and resp.hits[0].text.startswith("支持民营经济发展壮大"), resp.hits
    # the pair as the corpus writes it, and the word alone, are what was meant
    assert engine.search("演出经纪怎么规范", page_size=3).corrections == ()
    assert engine.search("经纪", page_size=3).corrections == ()
    # a pair the sound-alike does not make a phrase of the corpus stays as typed
    assert engine.search("体育经纪怎么规范", page_size=3).corrections == ()


def test_no_commoner_sound_alike_word_leaves_it_as_typed(tmp_path):
    # 经纪 only inside 财经纪律, written in more passages than 经济
    text = (
        "某市2025年政府工作报告\n"
        "严肃财经纪律，加强审计监督。\n"
        "严格执行财经纪律，厉行节约。\n"
        "财经纪律检查全覆盖。\n"
        "推动经济发展。\n"
    )
    engine = engine_over(tmp_path, {"r.txt": text})
    assert _index(engine).only_inside("经纪")
    assert engine.search("经纪", page_size=3).corrections == ()


def test_only_sound_alike_fixes_of_the_piece_are_taken(tmp_path):
    searcher = engine_over(tmp_path, {"report.txt": REPORT}).searcher
    piece = [("经纪", 2)]
    assert searcher._corrector.sound_fix("民营经纪", "民营经济", piece)
    assert not searcher._corrector.sound_fix("民营经纪", "明营经济", piece)  # a change outside it
    assert not searcher._corrector.sound_fix("经纪", "经济学", [("经纪", 0)])  # a longer form
    assert not searcher._corrector.sound_fix("经纪", "纪律", [("经纪", 0)])  # another sound


def _commoner(df: dict[str, int], inside: frozenset[str] = frozenset()) -> dict[str, str]:
    terms = list(df)
    pinyin = [" ".join(first_syllables(t)) for t in terms]
    return commoner_homophones(terms, pinyin, [df[t] for t in terms], set(inside))


def test_the_commoner_sound_alike_of_a_rare_term():
    got = _commoner({"经济": 500, "经纪": 5, "金鸡": 900, "禁忌": 3, "景区": 40, "晋级": 45})
    # the same sound (jing ji) before a loose one (jin ji: 金鸡 is commoner still)
    assert got["经纪"] == "经济"
    assert got["禁忌"] == "金鸡"
    assert got["晋级"] == "金鸡"  # 900 >= 10 × 45
    # a common term has none, nor one whose sound-alike is not ten times as common
    # (经济 ~ 金鸡 loosely, 900 < 10 × 500), nor one without a sound-alike (景区)
    assert "经济" not in got and "金鸡" not in got and "景区" not in got


def test_a_sound_alike_written_only_inside_longer_words_is_never_the_fix():
    got = _commoner({"经济": 500, "经纪": 5}, inside=frozenset({"经济"}))
    assert got == {}
