"""The search-quality gate: relevance against Whoosh + jieba and SQLite FTS5, typo rate.

Runs ``bench/eval_search.py`` (the same script the README documents, through its
``main`` with the same arguments, in the test's process) on the bundled corpus with the
hand-judged queries and typos in ``tests/data``, and on the real documents' dev split.
The script indexes the corpus into the data folder it is given: a copy of the one the
suite's other engines over the same corpus were opened on (``built_data``), so the index
is the one the script would build (the same corpus, settings and code) without building
it again.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import eval_search
from bot.config import PROJECT_ROOT
from tests.conftest import BUNDLED_CORPUS, REAL_DOCS


def _evaluate(monkeypatch, capsys, out: Path, *args: str) -> dict:
    """``python bench/eval_search.py ARGS --json OUT`` in this process: its exit code must
    be 0; the JSON it wrote."""
    # the script sets the correction's time backstop in the environment (a minute, as the
    # suite's conftest does): put back after the test
    monkeypatch.setenv(eval_search.BUDGET_ENV, f"{eval_search.EVAL_TIME_BUDGET:g}")
    code = eval_search.main([*args, "--json", str(out)])
    printed = capsys.readouterr()
    assert code == 0, printed.out[-3000:] + printed.err[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.heavy
def test_engine_beats_baselines_and_corrects_typos(tmp_path, monkeypatch, capsys, built_data):
    corpus, data = built_data(BUNDLED_CORPUS)
    out = tmp_path / "eval.json"
    result = _evaluate(
        monkeypatch,
        capsys,
        out,
        "--corpus",
        str(corpus),
        "--data-dir",
        str(data),
        "--engines",
        "whoosh,fts5",
    )
    engines = result["engines"]
    best_mrr = max(engines["whoosh"]["mrr"], engines["fts5"]["mrr"])
    best_recall = max(engines["whoosh"]["recall"], engines["fts5"]["recall"])
    assert engines["ours"]["mrr"] >= best_mrr
    assert engines["ours"]["recall"] >= best_recall
    assert result["correction_rate"] >= 0.90
    assert result["failures"] == []


# MRR@10 of the real-document relevance set's dev split (tests/data/real/relevance.jsonl,
# the split tuned on), kept from falling back: 211 queries since the 46 fresh ones of the
# third batch (r205-r250, the weak kinds) joined, 0.906 and answer cards 29/31 (0.935) on
# 2026-12-04 (the 165 before them: 0.916, unchanged by this batch's fixes; the floor was
# 0.91 on those 165). 272 queries since the 60 of the fourth batch (r251-r310) joined:
# 0.918 and answer cards 39/42 (0.929) after their fixes, the 212 before them unchanged
# (0.907, 29/31). Two of the three cards then missing (r013, r269) were targets the
# extractor found but named with a confidence under the bar; since it names service time
# limits and shares of an area meeting a standard, cards are 41/42 (0.976). 328 queries
# since the 56 of the fifth batch (r311-r366, questions as people phrase them) joined:
# 0.931 and answer cards 54/56 (0.964) after their fixes, the 272 before them 0.923
# (two ranks up, none down). 363 queries since half A of the sixth batch (r367-r435, 35 of
# its 69 queries; the other 34 joined the test split) joined: 0.898 at first, 0.910 and
# cards 55/57 (0.965) after its fixes, the 328 before them 0.931 -> 0.933. 394 queries
# since half A of the seventh batch (r436-r499, 31 of its 64; everyday words, topics,
# phrases) joined: 0.890 at first, 0.917 and cards 55/57 after the everyday vocabulary of
# the synonym groups and the how-question rule, the 363 before them 0.910 -> 0.922. 470
# queries since the eighth batch (r500-r575, all dev) joined: 0.912 at first (the batch
# 0.887), 0.928 after paragraph titles, 工作总结 as a review, 怎么办 and 有什么 as asking,
# 重点 as a kind word and 2023年末 as a year. 552 queries since the ninth (r576-r619) and
# tenth (r620-r657, topical) batches joined: 0.925 at first (the tenth batch 0.917), 0.930
# after plans of a period, outlines for how-questions and 有哪些政策 as asking how. 704
# queries since the eleventh batch (r658-r809: typos, English, traditional, restoring the
# issue's mix) joined: 0.940 (the batch 0.975: easy, so the rise says nothing of ranking).
# The test split is measured by hand, once per change of the ranking (bench/RESULTS.md).
#
# From 2026-12-06 the floor holds on the dev queries it was last met on, ids up to r1330
# (1,197 queries, 0.933): the twentieth batch (r1331-r1410, everyday words and paraphrases,
# 0.708 unseen, 0.817 after its fixes) and the compare batch (r1450-r1461, 0.870) brought the
# whole dev figure to 0.926 without any regression (the 1,197 earlier queries went 0.9308 ->
# 0.9334). A fresh, harder batch lowers the whole figure by being hard, not by anything
# getting worse, and a floor on the mix would then be met only by tuning on the new batch or
# by lowering it. So each set keeps its own floor, as the probe sets of
# tests/test_targets_probes.py do: each band of ids in REAL_DEV_BANDS holds its own floor.
# From 2026-12-06 (branch search-quality21) the two sets are rows of one ordered table, and
# each batch judged later adds a row: a band's floor is never lowered.
#
# Each row: the last id of the band (the band starts after the row before), its floor, and
# what the floor was set from.
REAL_DEV_BANDS: tuple[tuple[int, float], ...] = (
    # up to r1330 (1,197 queries): 0.933 at search-quality20b
    (1330, 0.93),
    # r1331-r1461 (82: the twentieth batch's 72 and the compare batch's 10), 2026-12-06 at
    # the end of branch search-quality20b: 0.824 (the twentieth batch 0.708 unseen, 0.817
    # after its fixes), less 0.01
    (1461, 0.814),
    # r1462-r1560 (the twenty-first batch's 72 dev queries), 2026-12-06 at the end of branch
    # search-quality21: 0.869 unseen, 0.920 after its fixes, less 0.01
    (1560, 0.91),
    # r1561-r1640 (the twenty-second batch's 71 dev queries), 2026-12-06 at the end of branch
    # search-quality22: 0.939 unseen, 0.979 after its fixes, less 0.01
    (1640, 0.968),
    # r1641-r1720 (the twenty-third batch's 71 dev queries), 2026-12-06 at the end of branch
    # search-quality23: 0.916 unseen, 0.965 after its fixes, less 0.01
    (1720, 0.954),
    # r1721-r1800 (the twenty-fourth batch's 71 dev queries), 2026-12-06 at the end of branch
    # search-quality24: 0.707 unseen, 0.780 after its fixes, less 0.01 (30 of the 71 ask a
    # figure a table row gives: 0.456 unseen); raised after branch table-passages (tables
    # cut at row ends, caption and header in every passage's section): 0.820, less 0.01;
    # raised after query-left9 (table rows judged with the prose, a short table's caption and
    # header apart from its rows) and search-quality25 (table prior): 0.880, less 0.01;
    # raised after eng-glossary (policy terms in their official English): 0.908, less 0.01
    (1800, 0.898),
    # r1801-r1880 (the twenty-fifth batch's 71 dev queries: questions as sentences,
    # comparisons, policies without figures, place-name typos, table rows), 2026-12-06 at the
    # end of branch search-quality25: 0.826 unseen, 0.902 after its fixes, less 0.01; raised
    # at the end of the fifteenth session (search-quality26's English glossary words): 0.926,
    # less 0.01; raised after eng-glossary: 0.940, less 0.01
    (1880, 0.930),
    # r1881-r1960 (the twenty-sixth batch's 72 dev queries, written as a stranger to the
    # engine would over all 27 dev documents), 2026-12-06 at the end of branch
    # search-quality26: 0.876 unseen (the six all-English queries 0.000), 0.925 after its
    # fixes, less 0.01; raised after search-left26 (English words read through CC-CEDICT):
    # 0.956, less 0.01; raised after search-left27 (English compounds the corpus writes): 0.970,
    # less 0.01; raised after eng-glossary: 0.980, less 0.01
    (1960, 0.970),
    # r1961-r2038 (the twenty-seventh batch's 70 dev queries: questions as sentences,
    # policies without a figure, the reader's words, typos, English), 2026-12-06 at the end
    # of branch search-quality27: 0.845 unseen (0.868 with its judgement slips fixed), 0.892
    # after its fixes, less 0.01; raised after search-left27 (我国 at a question's start, the
    # reader's shorter word): 0.910, less 0.01; raised after search-quality28 (English
    # readings kept required as typed): 0.922, less 0.01; raised at the end of the
    # twentieth session (search-questions31: English compounds read whole, small joining
    # words): 0.971, less 0.01
    (2038, 0.961),
    # r2039-r2121 (the twenty-eighth batch's 75 dev queries: 30 questions as sentences, 17 in
    # the reader's words, 15 wholly English, typos, traditional), 2026-12-06 at the end of
    # branch search-quality28: 0.903 unseen, 0.913 after its fix (the country's English
    # name), less 0.01; raised after eng-glossary: 0.923, less 0.01; raised at the end of
    # the nineteenth session (search-english30: a place's suffix its own): 0.953, less 0.01
    (2121, 0.943),
    # r2122-r2203 (the twenty-ninth batch's 74 dev queries, favouring the least-queried
    # documents: questions as sentences, policies without a figure, the reader's words,
    # typos, traditional, wholly English), 2026-12-06 at the end of branch
    # search-quality29: 0.875 unseen (0.882 with its judgement slip fixed), 0.916 after its
    # fixes (three English glossary phrases, two swapped characters put back), less 0.01;
    # raised at the end of the nineteenth session (search-quality30's glossary): 0.939, less
    # 0.01
    (2203, 0.929),
    # r2204-r2289 (the thirtieth batch's 78 dev queries, leaning on whole-sentence questions
    # and wholly English ones: 12 English, 14 typos, 8 traditional), 2026-12-07 at the end of
    # branch search-quality30: 0.899 unseen (the wholly English 0.507), 0.914 after its
    # fixes (four English terms in the glossary, a plan named by its number), less 0.01;
    # raised after search-english30 (spending per person, commercial): 0.933, less 0.01;
    # raised at the end of the twentieth session (search-questions31): 0.946, less 0.01
    (2289, 0.936),
    # r2290-r2383 (the thirty-first batch's 86 dev queries: place, year and indicator in free
    # order, a plan's period targets, comparisons, floors and ceilings, figures written
    # otherwise, colloquial questions, 17 typos, 7 traditional, 6 wholly English),
    # 2026-12-07 at the end of branch search-quality31: 0.907 unseen (0.913 with its
    # judgement slip fixed), 0.942 after its fixes, less 0.01
    (2383, 0.931),
    # r2384-r2477 (the thirty-second batch's 86 dev queries, typed as in a chat: place or
    # year + a measure or topic, remembered figures, document types, 17 typos, 5
    # traditional, 8 wholly English), 2026-12-07 at the end of branch search-quality32:
    # 0.938 unseen (0.950 with its two judgement slips fixed), 0.969 after its fixes (the
    # noun of a rank, a compound whole only in a caption), less 0.01
    (2477, 0.958),
    # r2478-r2583 (the thirty-third batch's 98 dev queries, written against look-alike
    # distractors: another year's or another place's report saying the same words, three
    # city bulletins, footnotes and captions naming the indicator, family synonyms, 倍增 for
    # 翻番, 二〇三五年 for 2035年, 15 typos, 7 traditional, 18 with English), 2026-12-07 at
    # the end of branch search-quality33: 0.938 unseen (0.948 with its judgement slip fixed),
    # 0.953 after its fix (a section headed by another plan period), less 0.01
    (2583, 0.943),
    # r2584-r2659 (cards33's 54 dev target questions, r2600-r2659: place + year +
    # indicator, results asked in the past tense, plan periods, rates, counts, amounts, 11
    # typos, 5 traditional, 5 wholly English, 10 whose answer is not in the corpus),
    # 2026-12-07 at the end of branch cards33: 0.884 unseen, 0.930 after its fixes (a past
    # year's figure is its result), less 0.01
    (2659, 0.919),
    # r2660-r2689 (relevance-hygiene's 15 dev queries of 30, half drawn into test: 9 typos —
    # a wrong character of a place name (周扣, 黔冬南) and same-reading slips (消售额, 茶圆,
    # 厂馆, 记算, 融量, 风关, 幸付) — 2 traditional, 1 wholly English, 1 region + year, a
    # synonym, a phrase), 2026-12-07 at first sight on main's code (5bd587d8): 0.967, less 0.01
    (2689, 0.957),
    # r2690-r2762 (search-quality34's 65 dev queries of 73, 8 drawn into test: 13 wholly in
    # traditional characters, English abbreviations beside Chinese (GDP, CPI, PM2.5, M2, R&D,
    # 5G, RCEP, FDI, AI, EV, IPv6), 规上 for 规模以上, numbers as users type them (5.5%,
    # 1.4万亿, 4.5%左右, 百分之三), two-word queries, 16 typos), 2026-12-07 at the end of branch
    # search-quality34: 0.947 at first sight on main's code, 0.955 after its judgement fix
    # (the 2026 task line of 安徽 量子计算研发平台), less 0.01
    (2762, 0.945),
    # r2763-r2835 (search-quality35's 65 dev queries of 73, 8 drawn into test: what plans,
    # opinions, action plans and the speech-like reports say — a topic, how a plan supports
    # or funds it, what it aims for by a year, which sections mention X, the 19th congress
    # report's emphasis, the 2026 reports' tasks; 15 typos, 7 traditional, 9 English),
    # 2026-12-07 at first sight on main's code (a407576d): 0.969, less 0.01
    (2835, 0.959),
    # r2836-r2899 (cards34's batch, r2840-r2899: 54 dev target questions of
    # 60 on action plans, 实施意见, plan outlines, the congress report and a mayor's targets
    # in the news, 2030 and 2035 goals, a past year's result against a goal, a city named
    # inside its province, the user's word for the document's, 11 typos, 5 traditional, 6
    # wholly English, 9 whose answer is not in the corpus), 2026-12-07 at the end of branch
    # cards34: 0.912 at first sight on main's code, 0.921 after its fixes, less 0.01
    (2899, 0.911),
    # r2900-r2959 (cards35: 54 dev target questions of 60 over every dev document kind: work
    # reports of each level, bulletins asked for a past result, plans, opinions, speeches;
    # relative years (今年, 去年, 明年, 十四五末), a city inside its province, abbreviations (社零,
    # M2, 棚改), a change against a level, 13 typos, 5 traditional, 8 wholly English, 6 whose
    # answer is not in the corpus), 2026-12-07 at the end of branch cards35: 0.900 at first
    # sight on main's code, 0.946 after its fixes, less 0.01
    (2959, 0.936),
    # r2960-r3031 (search-quality36's batch: 64 dev queries of 72, 8 drawn
    # into test: the words people use instead of the documents' words — slogans (双碳,
    # 放管服, 六稳六保, 两重, 两新, 一老一小, 米袋子, 卡脖子), everyday words (老百姓收入,
    # 孩子上学, 房子, 看病), people and places, documents named as users call them (总理报告,
    # 党代会报告, 两会); 16 typos, 5 traditional, 7 English), 2026-12-07: 0.842 at first
    # sight on main's code (7f60caa5),
    # 0.8815 at the end of branch search-quality36, less 0.01
    (3031, 0.871),
    # r3032-r3092 (cards36, r3040-r3092: 47 dev target questions of 53 on figures the earlier
    # card sets had not asked: work reports, bulletins (a part of a whole, levels and
    # changes), plans, the digital-economy report; relative years and plan periods (十四五期间,
    # 十二五期间), synonyms, 12 typos, 5 traditional, 6 wholly English, 6 whose answer is not in
    # the corpus), 2026-12-07 at the end of branch cards36: 0.929 at first sight on main's
    # code, 0.929 after its fixes (cards, not ranks, moved), less 0.01
    (3092, 0.919),
    # r3093-r3170 (search-quality37's batch: 70 dev queries of 78, 8 drawn into test: the
    # weak spots the last batches named — English and mixed queries as an analyst types them
    # (Sichuan GDP target 2026, fiscal deficit 2025, 云南 GDP target), documents named by their
    # subject or as X报告 (海绵城市那个意见, 农机化意见, 省长报告, 统计公报里的粮食), typos of the
    # indicator words themselves (城镇化律, 居民消废价格, 研发投入强渡, 赤子率) and places the
    # corpus holds under another level (呼伦贝尔 for 海拉尔, 河南 周口); 20 typos, 6 traditional),
    # 2026-12-07: 0.938 at first sight on main's code (930704f8), 0.955 at the end of branch
    # search-quality37, less 0.01
    (3170, 0.945),
    # r3171-r3235 (cards37, r3180-r3235: 50 dev target questions of 56 on figures no earlier
    # dev query names, every dev document kind; relative years and plan periods, synonyms and
    # abbreviations, a change against a level, one of a list said with 分别, per person, a
    # share; 13 typos, 5 traditional, 6 wholly English, 6 whose answer is not in the corpus),
    # 2026-12-07 at the end of branch cards37: 0.938 at first sight on main's code, 0.948
    # after its fixes, less 0.01
    (3235, 0.938),
    # r3236-r3295 (cards38: 53 dev target questions of 60 on figures no earlier dev query
    # names, every dev document kind; relative years and plan periods, synonyms, a change
    # against a level, a target against last year's result, one of a list said with 分别, a
    # rank, a share; 13 typos, 5 traditional, 5 wholly English, 6 whose answer is not in the
    # corpus), 2026-12-07: 0.948 at first sight on main's code and at the end of branch
    # cards38 (cards, not ranks, moved), less 0.01
    (3295, 0.938),
    # r3296-r3394 (search-quality38's batch, r3310-r3394: 75 dev queries of 85, 10 drawn into
    # test by passage: the same passage asked in three wordings — an analyst's keywords, a
    # journalist's question, a local official's nickname of the place or the document (皖, 黔,
    # 川, 滇, 蓉城, 鹏城, 总理报告), English, a typo — over 25 passages with a figure, and 10
    # policies without one (营商环境, 房地产, 乡村振兴); 17 typos, 5 traditional),
    # 2026-12-07: 0.882 at first sight on main's code (2aacfe2b), 0.936 at the end of branch
    # search-quality38, less 0.01
    (3394, 0.926),
    # r3395-r3469 (cards39, r3395-r3449: 48 dev target questions of 55 on figures no earlier
    # dev query names, as an investor, a local official and a student ask them; every dev
    # document kind; a change against a level, a target against a result, a part of a total,
    # shares, a rank, figures in words; 12 typos, 1 traditional, 4 wholly English, 6 whose
    # answer is not in the corpus), 2026-12-07: 0.926 at first sight on main's code, 0.947 at
    # the end of branch cards39, less 0.01
    (3469, 0.937),
    # r3470-r3549 (search-quality39's batch: 71 dev queries of 80, 9 drawn into
    # test: the early batches' mix on passages no earlier query judged, across all 27 dev
    # documents — analysts' keywords, 20 policies without a figure, 12 places at another
    # level than the document (芜湖, 遵义, 河源, 三亚, 成都 in a province's report; 沈阳 in a
    # national plan), 4 notes; 16 typos, 8 traditional, 10 English), 2026-12-07: 0.910 at
    # first sight on main's code (d8e56d0d), 0.924 at the end of branch search-quality39,
    # less 0.01
    (3549, 0.914),
    # r3550-r3589 (search-left39's batch 39L, r3560-r3574: 12 dev queries of 15, 3 drawn into
    # test by passage: a county, district or province named at another level than its only
    # document, and a place typo typed apart after the first word — 安微, 贵洲, 宁厦, 云男),
    # 2026-12-07: 0.808 at first sight on main's code (d8e56d0d), 1.000 at the end of branch
    # search-left39, less 0.01
    (3589, 0.99),
    # r3590-r3619 (search-left39b's batch 39B, r3590-r3609: 18 dev queries of 20, 2 drawn
    # into test: what a bulletin's note explains — 统计口径, 统计范围, 按什么价格计算, 现价还是
    # 可比价 — 在/来 + a place's abbreviation (在蓉, 在琼, 来川, 来粤), colloquial words (买房,
    # 看病, 上学, 砍大树)), 2026-12-07: 0.877 at first sight on main's code (47899505), 1.000
    # at the end of branch search-left39b, less 0.01
    (3619, 0.99),
    # r3620-r3699 (search-traditional40's batch 40T, r3640-r3684: 40 dev queries of 45, 5 drawn
    # into test: typed wholly in traditional characters as users in Taiwan, Hong Kong, Macao or
    # overseas type them, over 27 dev documents of every kind; 4 target questions with their
    # answer, 4 typos in traditional characters, 25 naming a region or a year), 2026-12-07:
    # 0.952 at first sight on main's code (f57b0e05), no ranking change in the lane, less 0.01
    (3699, 0.942),
    # r3700-r3769 (cards40, r3700-r3755: 50 dev target questions of 56, half as investors and
    # analysts ask them (terse, English, abbreviations: 固投, FAI, CPI, 皖, 社零; comparisons,
    # ranks), half as journalists and local officials (colloquial: 定了多少人, 有多高, 面积多大);
    # every dev document kind; 13 typos, 7 traditional, 6 whose answer is not in the corpus),
    # 2026-12-07: 0.906 at first sight on main's code (f186d0a9), 0.930 at the end of branch
    # cards40, less 0.01
    (3769, 0.92),
    # r3770-r3859 (search-quality40's batch, r3770-r3856: 78 dev queries of 87, 9 drawn into
    # test: about forty policies without a figure asked by a topic's words (23 typed topical),
    # fixed expressions the texts use, 14 target questions with their answer and 14 notes
    # asked, on passages no earlier query judged, across 24 dev documents; 18 typos, 9 in
    # traditional characters, 9 English), 2026-12-07: 0.976 at first sight on main's code
    # (f186d0a9), no ranking change in the lane, less 0.01
    (3859, 0.966),
    # r3860-r3939 (search-synonyms41's batch 41, r3860-r3933: 66 dev queries of 74, 8 drawn
    # into test: the user's word, not the document's — everyday words (老百姓收入, 找工作, 看病,
    # 房价, 修路, 雾霾, 养老钱, 退休金), older or other official names (三农, 供给侧改革), indicator
    # family members (人均GDP, 城镇人口比重, CPI, 社零, 规上工业), abbreviations (规上, 专精特新,
    # 双碳, 新基建, 稳外贸), broader words for the kinds a line names (新能源, 通信基础设施) and
    # English (infrastructure, pension, urbanization rate); 15 typos, 9 traditional),
    # 2026-12-07: 0.778 at first sight on main's code (f186d0a9), 0.801 at the end of branch
    # search-synonyms41, less 0.01.
    (3939, 0.791),
    # r3940-r4029 (english41's batch, r4000-r4024: 22 dev queries of 25, 3 drawn into test:
    # English terms the glossary lacked asked of other dev documents — science city (科技城),
    # high-tech zone and its full names (高新区, 高新技术产业开发区), IT services (信息技术服务),
    # satellite, share (占比, 比重), free trade zone, development zone, special bonds, total
    # retail sales, fixed-asset investment, new urbanization; 3 typos, 2 traditional beside
    # English), 2026-12-07: 0.786 at first sight on main's code (160231f5), 0.900 at the end of
    # branch english41, less 0.01
    (4029, 0.89),
    # r4030-r4099 (cards41, r4030-r4092: 56 dev target questions of 63, 7 drawn into test, as
    # a bank credit analyst (terse: 人均GDP, 城乡收入比, 财政收入 增幅, 专项债), a foreign
    # journalist (English or mixed, full sentences), a county official comparing with
    # neighbours (邻县, 全省平均) and a student (十四五 期间 … 年均增长) ask them; every dev
    # document kind; 17 typos, 7 traditional, 6 whose answer is not in the corpus),
    # 2026-12-08: 0.931 at first sight on main's code (690ebf55), no ranking change in the
    # lane, less 0.01
    (4099, 0.921),
    # r4100-r4179 (search-synonyms42's batch 42, r4100-r4162: 56 dev queries of 63, 7 drawn
    # into test: everyday words for the official ones — 工资涨没涨, 挣钱, 打粮食,
    # 买不起房, 空气好不好, 异地报销, 生孩子补贴, 养老院, 孩子上学, 讨薪, 私家车, 种树,
    # 养猪, 医生, 上网; older names (扶贫, 棚改), abbreviations (公积金, 医保), broader or
    # narrower words (清洁能源, 交通, 冰箱), English (grain output, affordable housing,
    # childcare subsidy); 14 typos, 7 traditional), 2026-12-08: 0.675 at first sight on main's
    # code (690ebf55), 0.703 at the end of branch search-synonyms42, less 0.01. Raised after
    # search-synonyms43 (a kind adds to a word without counting as it, 交通 and 棚改 by their
    # kinds, 农村人 / 村里 and 挣钱): 0.750, less 0.01
    (4179, 0.740),
    # r4180-r4209 (search-how42's batch, r4180-r4204: 22 dev queries of 25, 3 drawn into
    # test: how-questions (怎么抓, 如何加强, 怎么化解 …) on task paragraphs drawn at random from
    # the dev work reports, plans and opinions outside their reviews; 5 typos, 3 traditional),
    # 2026-12-08: 0.947 at first sight on main's code (690ebf55), less 0.01
    (4209, 0.937),
    # r4210-r4259 (cards-left41's batch, r4240-r4254: 13 dev queries of 15, 2 drawn into test:
    # shares asked in English (share, share of X, ratio after a figure's name), slips of sound
    # (常驻, 总产亮, 销受额, 业物量), a partial name (长水机场)), 2026-12-08: 0.840 at first sight
    # on main's code (690ebf55), 0.846 at the end of branch cards-left41, less 0.01
    (4259, 0.836),
)
REAL_DEV_ANSWER_FLOOR = 0.95
# Target questions whose answer is not in the corpus (answer null): no card may show. 12 of 12
# right on dev at the end of branch cards33, less 0.01
REAL_DEV_NO_CARD_FLOOR = 0.99
# The two floors above hold for the target questions before the cards34 batch; its own (ids
# from r2840, judged before any engine run) hold theirs at the end of branch cards34: cards
# 36/45 (0.800; 28/45 at first sight), no card 8/9 (0.889; 7/9 at first sight), less 0.01.
# A floor of first sight, not of a set fitted to: merged into the 0.95 it would fail today.
CARDS34_FIRST = 2840
CARDS34_ANSWER_FLOOR = 0.79
CARDS34_NO_CARD_FLOOR = 0.879
# The cards35 batch (ids from r2900, judged before any engine run) holds its own at the end of
# branch cards35: cards 41/48 (0.854; 32/48 at first sight), no card 5/6 (0.833; 5/6 at first
# sight), less 0.01.
CARDS35_FIRST = 2900
CARDS35_ANSWER_FLOOR = 0.844
CARDS35_NO_CARD_FLOOR = 0.823
# The cards36 batch (ids from r3040, judged before any engine run) holds its own at the end of
# branch cards36: cards 26/41 (0.634; 22/41 at first sight), no card 6/6 (1.0; 6/6 at first
# sight), less 0.01.
CARDS36_FIRST = 3040
CARDS36_ANSWER_FLOOR = 0.624
CARDS36_NO_CARD_FLOOR = 0.99
# The cards37 batch (ids from r3180, judged before any engine run) holds its own at the end of
# branch cards37: cards 30/44 (0.682; 27/44 at first sight), no card 6/6 (1.0; 6/6 at first
# sight), less 0.01.
CARDS37_FIRST = 3180
CARDS37_ANSWER_FLOOR = 0.672
CARDS37_NO_CARD_FLOOR = 0.99
# The cards38 batch (ids from r3236, judged before any engine run) holds its own at the end of
# branch cards38: cards 32/47 (0.681; 30/47 at first sight), no card 6/6 (1.0; 6/6 at first
# sight), less 0.01.
CARDS38_FIRST = 3236
CARDS38_ANSWER_FLOOR = 0.671
CARDS38_NO_CARD_FLOOR = 0.99
# The cards39 batch (ids from r3395, judged before any engine run) holds its own at the end of
# branch cards39: cards 33/43 (0.767; 30/43 at first sight), no card 5/5 (1.0; 5/5 at first
# sight), less 0.01.
CARDS39_FIRST = 3395
CARDS39_ANSWER_FLOOR = 0.757
CARDS39_NO_CARD_FLOOR = 0.99
# The cards40 batch (ids from r3700, judged before any engine run) holds its own at the end of
# branch cards40: cards 33/44 (0.750; 31/44 at first sight), no card 6/6
# (1.0; 6/6 at first sight), less 0.01.
CARDS40_FIRST = 3700
CARDS40_ANSWER_FLOOR = 0.74
CARDS40_NO_CARD_FLOOR = 0.99
# The cards41 batch (ids from r4030, judged before any engine run) holds its own at the end of
# branch cards41: cards 35/52 (0.673; 30/52 at first sight), no card 4/4 (1.0; 4/4 at first
# sight), less 0.01.
CARDS41_FIRST = 4030
CARDS41_ANSWER_FLOOR = 0.663
CARDS41_NO_CARD_FLOOR = 0.99
# The cards-left41 batch (ids r4240-r4254, judged before any engine run; none without an
# answer) holds its own at the end of branch cards-left41: cards 7/13 (0.538; 5/13 at first
# sight), less 0.01.
CARDS_LEFT41_FIRST = 4240
CARDS_LEFT41_ANSWER_FLOOR = 0.528


def _query_number(query_id: str) -> int:
    """r1331 -> 1331."""
    return int(query_id.lstrip("r"))


def dev_mrr_by_band(rr: dict[str, float]) -> list[tuple[int, int, float]]:
    """(first id, last id, MRR@10) of the dev queries of each band of REAL_DEV_BANDS, in
    order; a query past the last band is an error (a new batch adds its band)."""
    out: list[tuple[int, int, float]] = []
    first = 1
    for last, _ in REAL_DEV_BANDS:
        got = [v for q, v in rr.items() if first <= _query_number(q) <= last]
        assert got, (first, last)
        out.append((first, last, sum(got) / len(got)))
        first = last + 1
    beyond = [q for q in rr if _query_number(q) > REAL_DEV_BANDS[-1][0]]
    assert not beyond, f"queries past the last band: {beyond[:5]}"
    return out


def test_dev_mrr_by_band_splits_at_each_bands_last_id():
    rr = {
        "r001": 1.0,
        "r1330": 0.5,
        "r1331": 0.0,
        "r1450": 1.0,
        "r1462": 0.25,
        "r1560": 0.75,
        "r1561": 1.0,
        "r1640": 0.0,
        "r1641": 0.5,
        "r1720": 1.0,
        "r1721": 0.25,
        "r1880": 0.5,
        "r1881": 1.0,
        "r1960": 0.0,
        "r1961": 0.5,
        "r2038": 1.0,
        "r2039": 0.25,
        "r2121": 0.75,
        "r2122": 0.0,
        "r2203": 0.5,
        "r2204": 1.0,
        "r2289": 0.5,
        "r2290": 0.0,
        "r2383": 1.0,
        "r2384": 0.5,
        "r2477": 0.0,
        "r2478": 1.0,
        "r2583": 0.5,
        "r2600": 1.0,
        "r2659": 0.5,
        "r2660": 0.0,
        "r2689": 1.0,
        "r2690": 0.5,
        "r2762": 0.0,
        "r2763": 1.0,
        "r2835": 0.5,
        "r2840": 1.0,
        "r2899": 0.5,
        "r2900": 0.0,
        "r2959": 1.0,
        "r2960": 0.0,
        "r3031": 1.0,
        "r3040": 0.5,
        "r3092": 0.0,
        "r3094": 1.0,
        "r3170": 0.0,
        "r3180": 1.0,
        "r3235": 0.5,
        "r3236": 0.0,
        "r3295": 1.0,
        "r3310": 1.0,
        "r3394": 0.0,
        "r3395": 1.0,
        "r3469": 0.0,
        "r3470": 1.0,
        "r3549": 0.5,
        "r3562": 1.0,
        "r3574": 0.0,
        "r3590": 1.0,
        "r3609": 0.5,
        "r3640": 1.0,
        "r3684": 0.0,
        "r3700": 1.0,
        "r3755": 0.0,
        "r3770": 1.0,
        "r3856": 0.5,
        "r3860": 1.0,
        "r3933": 0.0,
        "r4000": 1.0,
        "r4024": 0.5,
        "r4030": 1.0,
        "r4092": 0.0,
        "r4101": 1.0,
        "r4162": 0.0,
        "r4180": 1.0,
        "r4204": 0.5,
        "r4240": 1.0,
        "r4254": 0.5,
    }
    assert dev_mrr_by_band(rr) == [
        (1, 1330, 0.75),
        (1331, 1461, 0.5),
        (1462, 1560, 0.5),
        (1561, 1640, 0.5),
        (1641, 1720, 0.75),
        (1721, 1800, 0.25),
        (1801, 1880, 0.5),
        (1881, 1960, 0.5),
        (1961, 2038, 0.75),
        (2039, 2121, 0.5),
        (2122, 2203, 0.25),
        (2204, 2289, 0.75),
        (2290, 2383, 0.5),
        (2384, 2477, 0.25),
        (2478, 2583, 0.75),
        (2584, 2659, 0.75),
        (2660, 2689, 0.5),
        (2690, 2762, 0.25),
        (2763, 2835, 0.75),
        (2836, 2899, 0.75),
        (2900, 2959, 0.5),
        (2960, 3031, 0.5),
        (3032, 3092, 0.25),
        (3093, 3170, 0.5),
        (3171, 3235, 0.75),
        (3236, 3295, 0.5),
        (3296, 3394, 0.5),
        (3395, 3469, 0.5),
        (3470, 3549, 0.75),
        (3550, 3589, 0.5),
        (3590, 3619, 0.75),
        (3620, 3699, 0.5),
        (3700, 3769, 0.5),
        (3770, 3859, 0.75),
        (3860, 3939, 0.5),
        (3940, 4029, 0.75),
        (4030, 4099, 0.5),
        (4100, 4179, 0.5),
        (4180, 4209, 0.75),
        (4210, 4259, 0.75),
    ]


def test_dev_bands_are_ordered_and_floors_never_fall_below_the_first_sets():
    lasts = [last for last, _ in REAL_DEV_BANDS]
    assert lasts == sorted(lasts) and len(set(lasts)) == len(lasts)
    assert REAL_DEV_BANDS[0] == (1330, 0.93) and REAL_DEV_BANDS[1] == (1461, 0.814)


@pytest.mark.heavy
def test_real_documents_dev_split_holds_its_level(tmp_path, monkeypatch, capsys, built_data):
    corpus, data = built_data(REAL_DOCS)
    result = _evaluate(
        monkeypatch,
        capsys,
        tmp_path / "real.json",
        "--relevance",
        str(PROJECT_ROOT / "tests" / "data" / "real" / "relevance.jsonl"),
        "--corpus",
        str(corpus),
        "--data-dir",
        str(data),
        "--no-typos",
        "--split",
        "dev",
        "--engines",
        "",
    )
    bands = dev_mrr_by_band(result["engines"]["ours"]["rr"])
    for (first, last, got), (_, floor) in zip(bands, REAL_DEV_BANDS, strict=True):
        assert got >= floor, f"dev queries r{first}-r{last}: {got:.4f} < {floor}"
    for first, last, card_floor, none_floor in (
        (0, CARDS34_FIRST - 1, REAL_DEV_ANSWER_FLOOR, REAL_DEV_NO_CARD_FLOOR),
        (CARDS34_FIRST, CARDS35_FIRST - 1, CARDS34_ANSWER_FLOOR, CARDS34_NO_CARD_FLOOR),
        (CARDS35_FIRST, CARDS36_FIRST - 1, CARDS35_ANSWER_FLOOR, CARDS35_NO_CARD_FLOOR),
        (CARDS36_FIRST, 3092, CARDS36_ANSWER_FLOOR, CARDS36_NO_CARD_FLOOR),
        (CARDS37_FIRST, CARDS38_FIRST - 1, CARDS37_ANSWER_FLOOR, CARDS37_NO_CARD_FLOOR),
        (CARDS38_FIRST, 3295, CARDS38_ANSWER_FLOOR, CARDS38_NO_CARD_FLOOR),
        (CARDS39_FIRST, 3469, CARDS39_ANSWER_FLOOR, CARDS39_NO_CARD_FLOOR),
        (CARDS40_FIRST, 3769, CARDS40_ANSWER_FLOOR, CARDS40_NO_CARD_FLOOR),
        (CARDS41_FIRST, 4099, CARDS41_ANSWER_FLOOR, CARDS41_NO_CARD_FLOOR),
    ):
        answers = {
            q: ok for q, ok in result["answers"].items() if first <= _query_number(q) <= last
        }
        assert sum(answers.values()) >= card_floor * len(answers), f"cards r{first}-r{last}"
        absent = {q: ok for q, ok in result["absent"].items() if first <= _query_number(q) <= last}
        assert absent and sum(absent.values()) >= none_floor * len(absent), f"r{first}-r{last}"
    answers = result["answers"]
    left41 = {q: ok for q, ok in answers.items() if _query_number(q) >= CARDS_LEFT41_FIRST}
    assert sum(left41.values()) >= CARDS_LEFT41_ANSWER_FLOOR * len(left41), "cards r4240-"
