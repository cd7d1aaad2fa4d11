"""Which step named a figure (Named.named_by); the bench scoring each (bench.naming_passes)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from bench import naming_passes
from bench.eval_targets import load_corpus, predict
from bot.targets.naming import Named, NamingContext, name_figures
from bot.targets.naming.passes import AFTER_PAIRS, PASSES, Sentence, run_passes, run_passes_tagged
from bot.targets.naming.sentence import BY_SENTENCE
from bot.targets.numbers import find_figures


def _run(sentence: str, table, heading: str = "") -> list[tuple[str, str]]:
    figures = list(find_figures(sentence))
    named = name_figures(sentence, figures, table, NamingContext(bulletin=True, paragraph=sentence))
    said = Sentence(sentence, table, "", heading)
    named = run_passes_tagged(AFTER_PAIRS, said, run_passes_tagged(PASSES, said, named))
    return [(n.indicator, n.named_by) for n in named]


def test_a_name_no_pass_changes_is_the_sentence_namers(table):
    assert _run("全年地区生产总值5000亿元，增长6.1%。", table) == [
        ("地区生产总值", BY_SENTENCE),
        ("地区生产总值", BY_SENTENCE),
    ]


def test_a_rate_renamed_by_the_respective_pass_carries_its_tag_the_levels_do_not(table):
    got = _run("全年棉花产量3.4万吨，油料产量12.7万吨，分别下降1.6%和增长2.9%。", table)
    assert got[:3] == [
        ("棉花产量", BY_SENTENCE),
        ("油料产量", BY_SENTENCE),
        ("棉花产量", "respective_rates"),
    ]


def test_a_state_pass_tags_the_measure_it_completes(table):
    assert _run("粮食播种面积保持稳定、产量达到300万吨。", table) == [("粮食产量", "after_a_state")]


def test_a_payer_pass_tags_the_fund_it_frees(table):
    got = _run("市级财政每年安排专项资金2亿元。", table)
    assert got == [("专项资金", "fund_without_its_payer")]


def test_an_after_pairs_pass_tags_the_rate_of_the_new(table):
    assert _run("新增外资企业320家，增长6.2%。", table) == [
        ("外资企业", BY_SENTENCE),
        ("新增外资企业", "rate_of_the_new"),
    ]


def test_the_section_pass_tags_the_names_its_heading_completes(table):
    assert _run("招生7.4万人，在校生41.6万人。", table, heading="义务教育") == [
        ("义务教育招生", "subject_of_the_section"),
        ("义务教育在校生", "subject_of_the_section"),
    ]


def _one(sentence: str, table) -> list[Named]:
    figures = list(find_figures(sentence))
    return name_figures(sentence, figures, table, NamingContext(bulletin=True, paragraph=sentence))


def test_a_pass_renaming_in_place_or_reordering_is_told_apart(table):
    text = "新开工项目210个，竣工98个。"
    named = _one(text, table)

    def in_place(_s: Sentence, named: list[Named]) -> list[Named]:
        named[1] = replace(named[1], indicator="竣工项目")
        return named

    def reversed_only(_s: Sentence, named: list[Named]) -> list[Named]:
        return named[::-1]

    got = run_passes_tagged((in_place, reversed_only), Sentence(text, table), list(named))
    assert [(n.indicator, n.named_by) for n in got] == [
        ("竣工项目", "in_place"),
        ("新开工项目", BY_SENTENCE),
    ]


def test_two_names_of_one_figure_left_as_they_were_keep_their_tags(table):
    got = _run("城镇常住居民人均可支配收入、农村常住居民人均可支配收入均增长8%；", table)
    assert got == [("城镇居民人均可支配收入", BY_SENTENCE), ("农村居民人均可支配收入", BY_SENTENCE)]


def test_the_tagged_run_names_as_the_extractors_own_run(table):
    for sentence in (
        "全年棉花产量3.4万吨，油料产量12.7万吨，分别下降1.6%和增长2.9%。",
        "新增外资企业320家，增长6.2%。",
    ):
        said = Sentence(sentence, table)
        named = _one(sentence, table)
        plain = run_passes(AFTER_PAIRS, said, run_passes(PASSES, said, list(named)))
        tagged = run_passes_tagged(AFTER_PAIRS, said, run_passes_tagged(PASSES, said, named))
        assert tagged == plain
        assert any(n.named_by != BY_SENTENCE for n in tagged)


def test_the_tag_is_no_part_of_a_named_figures_equality(table):
    named = _one("新开工项目210个，竣工98个。", table)[0]
    assert replace(named, named_by="other") == named


def test_every_pass_has_its_own_tag():
    tags = [p.__name__ for p in PASSES + AFTER_PAIRS]
    assert len(set(tags)) == len(tags)
    assert not {BY_SENTENCE, naming_passes.AFTER, naming_passes.ELSEWHERE} & set(tags)


def test_the_bench_runs_on_the_bundled_gold_and_its_rows_add_up(capsys):
    assert naming_passes.main([]) == 0
    out = capsys.readouterr().out.splitlines()
    found = int(out[0].split(": ")[1].split()[0])
    rows = [line.split() for line in out[1:]]
    assert rows and rows[0][0] == BY_SENTENCE
    assert sum(int(r[1]) for r in rows) == found > 0


def test_the_bench_leaves_the_records_as_the_extractor_gives_them(table):
    docs = load_corpus(naming_passes.DEFAULT_CORPUS)[:3]
    tagged = naming_passes.tagged_records(docs, table)
    ours = {"named_by", "sentence_name"}
    assert [{k: v for k, v in r.items() if k not in ours} for r in tagged] == predict(docs, table)


def test_the_bench_credits_the_pass_that_gave_a_right_name(tmp_path, table):
    corpus = tmp_path / "docs"
    corpus.mkdir()
    (corpus / "a.txt").write_text("江州市统计公报\n全年新增外资企业320家，增长6.2%。\n", "utf-8")
    gold = tmp_path / "gold.jsonl"
    rows = [
        {"doc": "a.txt", "indicator": "外资企业", "value": 320, "unit": "家"},
        {"doc": "a.txt", "indicator": "新增外资企业", "value": 6.2, "unit": "%"},
    ]
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    got = naming_passes.gold_table("t", gold, corpus, table).rows
    new = got["rate_of_the_new"]
    # right once the pass renamed it; the sentence namer's own 外资企业 was not
    assert (new.named, new.strict, new.before) == (1, 1, 0)


def test_the_bench_refuses_the_test_split():
    with pytest.raises(SystemExit):
        naming_passes.main(["--real", "--split", "test"])
    with pytest.raises(SystemExit):
        naming_passes.real_table("test", None)
