"""A figure a document states twice is shown once by every view of the records.

Two invented work reports of one city, each stating its GDP target twice (the goal, then
again where it is explained) and the 2025 one its 2024 result twice. The extractor reads
every statement; ``/targets``, ``/compare``, the digest, ``/scorecard``, ``/changes``,
the search answer card and the command line (``targets``, ``compare``, ``digest``) all
read the records :class:`~bot.targets.store.TargetStore` serves, one per figure
(:mod:`bot.targets.dedupe`). Two documents stating one figure stay two sources.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
from typer.testing import CliRunner

from bot.targets.store import load_targets
from briefbot.cli import app
from tests.conftest import engine_over

DOCS = {
    "linyi_2024_gwr.txt": (
        "临沂市2024年政府工作报告\n\n一、2023年工作回顾\n\n全市地区生产总值增长6.2%。\n\n"
        "二、2024年主要目标\n\n全市地区生产总值增长6%左右。\n\n"
        "实现地区生产总值增长6%左右的目标，需要全市上下付出艰苦努力。\n"
    ),
    "linyi_2025_gwr.txt": (
        "临沂市2025年政府工作报告\n\n一、2024年工作回顾\n\n全市地区生产总值增长5.8%。\n\n"
        "在困难挑战中，全市地区生产总值增长5.8%，来之不易。\n\n"
        "二、2025年主要目标\n\n全市地区生产总值增长5.5%左右。\n\n"
        "地区生产总值增长5.5%左右，体现了稳中求进的要求。\n"
    ),
}
# (value, kind, year) of each figure the two reports state, once each
FIGURES = {(6.2, "achievement", "2023"), (6.0, "target", "2024"), (5.8, "achievement", "2024"),
           (5.5, "target", "2025")}  # fmt: skip


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return tmp_path_factory.mktemp("views")


@pytest.fixture(scope="module")
def engine(root):
    return engine_over(root, DOCS)


def _figures(records) -> Counter:
    return Counter((r.value, r.kind, r.year) for r in records)


def test_the_extractor_reads_every_statement_and_the_store_serves_each_figure_once(engine):
    cache = engine.target_store.cache_dir
    extracted = [r for d in engine.index.docs for r in load_targets(cache, d.doc_id)]
    assert _figures(extracted)[(5.5, "target", "2025")] == 2  # both statements read
    assert _figures(extracted)[(5.8, "achievement", "2024")] == 2
    served = _figures(t.record for t in engine.targets())
    assert served == Counter(dict.fromkeys(FIGURES, 1))


def test_targets_of_a_document_and_of_a_region_list_each_figure_once(engine):
    doc = next(d for d in engine.index.docs if d.year == 2025).doc_id
    shown = engine.lookup_targets(doc=doc).rows
    assert _figures(r.record for r in shown) == Counter(
        {(5.8, "achievement", "2024"): 1, (5.5, "target", "2025"): 1}
    )
    region = engine.lookup_region("临沂").rows
    assert _figures(r.record for r in region) == Counter(
        {(6.0, "target", "2024"): 1, (5.5, "target", "2025"): 1}
    )


def test_compare_lists_each_figure_once(engine):
    looked = engine.lookup_indicator("GDP", year=2025)
    assert _figures(r.record for r in looked.found.rows) == Counter({(5.5, "target", "2025"): 1})
    every = engine.lookup_indicator("GDP").found.rows
    assert _figures(r.record for r in every) == Counter(dict.fromkeys(FIGURES, 1))


def test_the_digest_has_one_line_and_one_record_per_figure(engine):
    digest = engine.digest("GDP", only_new=False)
    lines = [(e.value, e.year) for e in digest.entries]
    assert sorted(lines) == [("5.5%左右", "2025年"), ("6%左右", "2024年")]
    assert all(len(e.records) == 1 for e in digest.entries)


def test_the_scorecard_links_each_target_once(engine):
    links = engine.scorecard(region="临沂").links
    assert Counter((x.target.record.value, x.period) for x in links) == Counter(
        {(6.0, "2024"): 1, (5.5, "2025"): 1}
    )
    met = next(x for x in links if x.period == "2024")
    assert met.status == "met" and met.result.record.value == 5.8


def test_changes_compare_one_target_with_one(engine):
    changes = engine.report_changes("临沂").targets
    assert [(c.current.record.value, c.previous.record.value) for c in changes] == [(5.5, 6.0)]


def test_the_answer_card_cites_the_first_statement(engine):
    card = engine.search("临沂 2025年 GDP 目标").answer
    assert card is not None and card.value == 5.5
    assert card.sentence == "全市地区生产总值增长5.5%左右。"


def test_the_command_line_shows_each_figure_once(engine, root):
    base = ["--corpus-dir", str(root / "corpus"), "--data-dir", str(root / "data")]
    runner = CliRunner()

    def run(*args: str):
        result = runner.invoke(app, [*base, *args], env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        return result.stdout

    records = json.loads(run("targets", "GDP", "--json"))
    assert Counter((r["value"], r["kind"], r["year"]) for r in records) == Counter(
        dict.fromkeys(FIGURES, 1)
    )
    compared = json.loads(run("compare", "GDP", "--json"))
    assert "".join(json.dumps(compared, ensure_ascii=False).split()).count("5.5%左右") == 1
    preview = run("digest", "GDP")
    assert preview.count("5.5%左右") == 1 and preview.count("6%左右") == 1


async def test_the_bot_shows_each_figure_once(server, engine):
    """/targets, /compare, /scorecard and /changes as a chat sees them."""
    from tests.e2e import ask_text, running

    user = server.add_user("Li")
    async with running(server, engine):
        for command in ("/targets 临沂", "/compare GDP", "/scorecard 临沂", "/changes 临沂"):
            said = await ask_text(server, user, user, command)
            assert said.count("5.5%") == 1, (command, said)
        said = await ask_text(server, user, user, "/targets 临沂 2024")
        assert said.count("6%") == 1, said
