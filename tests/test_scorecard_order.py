"""/scorecard of a whole library (trial-left7 #3): 734 targets not yet judged were listed
before the 2 met ones. Met and missed come first, the unknown ones of a wide scorecard are
capped, with their count and the command for a narrower one. Invented links only."""

from __future__ import annotations

from bot.analytics.linking import Link, Sourced
from bot.analytics.rules import Verdict
from bot.library.analytics import Scorecard
from handlers.format.analytics import SCORECARD_UNKNOWN_SHOWN, scorecard_messages
from tests.test_analytics_linking import info, rec, result


def _link(status: str, region: str, year: str, n: int) -> Link:
    doc = info(f"{region}{year}", int(year[:4]), region=region)
    target = Sourced(doc, rec(f"指标{n}", float(n), year=year, region=region))
    found = Sourced(doc, result(f"指标{n}", float(n), year=year, region=region))
    reason = "floor" if status != "unknown" else "no_result"
    return Link(
        f"指标{n}", f"指标{n}", region, year, target,
        found if status != "unknown" else None, Verdict(status, reason),
    )  # fmt: skip


def _library() -> list[Link]:
    """Unknown first, as a library's order may have them: 12 of 湖北 2030, 3 of 四川 2026."""
    links = [_link("unknown", "湖北", "2030", n) for n in range(12)]
    links += [_link("unknown", "四川", "2026", n) for n in range(12, 15)]
    links += [_link("met", "全国", "2024", 20), _link("missed", "山东", "2024", 21)]
    return links


def test_busiest_unknown_names_the_region_and_year_with_most_unjudged_targets():
    assert Scorecard(_library()).busiest_unknown() == ("湖北", 2030)
    assert Scorecard(_library()[-2:]).busiest_unknown() is None


def test_a_wide_scorecard_lists_met_and_missed_first_and_caps_the_unknown():
    links = _library()
    links.sort(key=lambda x: x.status == "unknown")  # as Engine.scorecard hands them
    text = "\n".join(scorecard_messages(links, region=None, year=None, narrower=("湖北", 2030)))
    met, missed = text.index("✅"), text.index("❌")
    assert met < text.index("❔") and missed < text.index("❔")
    assert text.count("❔") == SCORECARD_UNKNOWN_SHOWN
    unlisted = 15 - SCORECARD_UNKNOWN_SHOWN
    assert (
        f"……另有 {unlisted} 项目标尚无实绩（未知）未列出。按地区和年份查看：/scorecard 湖北 2030"
        in text
    )
    english = "\n".join(
        scorecard_messages(links, region="全国", year=None, narrower=None, lang="en")
    )
    assert (
        f"… {unlisted} more targets without a result yet (unknown) not listed. "
        "By region and year: /scorecard region year"
    ) in english


def test_a_region_and_year_scorecard_lists_its_unknown_targets_up_to_the_page():
    """/scorecard 湖北 2030 is the narrow form: every target of it is listed."""
    links = [_link("unknown", "湖北", "2030", n) for n in range(12)]
    text = "\n".join(scorecard_messages(links, region="湖北", year=2030))
    assert text.count("❔") == 12 and "尚无实绩（未知）未列出" not in text
