"""A digest opens with a new work report's headline target against the year before
(issue 16): ``全国 2016年 国内生产总值目标 6.5%－7%（2015年目标 7%左右，实际 6.9%）``."""

from __future__ import annotations

import shutil

import pytest

from bot.analytics.leads import report_lead
from bot.analytics.linking import Sourced
from bot.config import PROJECT_ROOT
from bot.library.engine import Engine
from bot.targets.indicators import default_table
from tests.conftest import make_settings
from tests.factories import document_info, target_record

REAL = PROJECT_ROOT / "tests" / "data" / "real" / "docs"
# a short invented 2016 report (2015's results, 2016's targets): the real one is in the
# test split of the key-target gold, on which no test may assert
INVENTED_2016 = PROJECT_ROOT / "tests" / "data" / "analytics" / "national_china_2016_invented.txt"


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    root = tmp_path_factory.mktemp("lead")
    corpus = root / "corpus"
    corpus.mkdir()
    for path in (REAL / "national_china_2015_gwr.txt", INVENTED_2016):
        shutil.copy(path, corpus / path.name)
    return Engine.open(make_settings(corpus, root / "data"))


def test_a_new_report_opens_the_digest_with_last_years_target_and_result(engine):
    digest = engine.digest("GDP", since=0.0)
    leads = [line.text for line in digest.lines if line.kind == "lead"]
    assert digest.lines[1].kind == "lead"  # right after the title
    assert "全国 2016年 国内生产总值目标 6.5%－7%（2015年目标 7%左右，实际 6.9%）" in leads[0]
    # the 2015 report has no report of 2014 in the library: its target alone
    assert leads[1].endswith("全国 2015年 国内生产总值目标 7%左右")
    english = engine.digest("GDP", since=0.0, lang="en")
    assert any(
        "2016 国内生产总值 target 6.5%－7% (2015 target 7%左右, actual 6.9%)" in line.text
        for line in english.lines
    )


def test_no_lead_without_new_work_reports(engine):
    assert not [line for line in engine.digest("GDP").lines if line.kind == "lead"]


def test_a_first_digest_leads_with_the_newest_reports_headline_targets(engine):
    # a subscription's first digest (no digest delivered yet): the newest work reports'
    # main targets the filter passes, one line a report, newest first
    leads = [line.text for line in engine.digest("GDP", first=True).lines if line.kind == "lead"]
    assert leads == [
        "📌 全国 2016年主要目标：国内生产总值 增长 6.5%－7%",
        "📌 全国 2015年主要目标：国内生产总值 增长 7%左右",
    ]


def test_a_report_without_a_headline_target_has_no_lead() -> None:
    doc = document_info(
        "d1",
        filename="r.txt",
        title="某省2026年政府工作报告",
        region="某省",
        year=2026,
        doc_type="政府工作报告",
    )
    jobs = target_record(
        "新增城镇就业",
        doc="r.txt",
        sentence="城镇新增就业50万人以上。",
        value=50.0,
        value_text="50",
        unit="万人",
        qualifier="以上",
        change="",
        year="2026",
        region="某省",
    )
    assert report_lead([Sourced(doc, jobs)], [], default_table()) is None
