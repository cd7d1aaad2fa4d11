"""Pure parts of live sources: /source add arguments, health after a poll (one alert per
breakage, recovery), file names and sidecars."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from bot.config import Settings
from bot.corpus.parse import parse_sidecar
from bot.sources.commands import AddArgs, parse_add
from bot.sources.health import ItemOutcome, PollReport, describe_report, next_health
from bot.sources.naming import safe_filename, sidecar_text
from bot.sources.store import Source, SourceError


def source(**kw) -> Source:
    values = dict(
        id=1,
        name="city",
        url="https://example.gov.cn/zwgk/",
        kind="list",
        every_seconds=21600,
        match=None,
        paused=False,
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
        created_by=None,
        etag=None,
        last_modified=None,
        last_checked_at=None,
        last_success_at=None,
        last_new_doc_at=None,
        consecutive_failures=0,
        last_error_code=None,
        last_error_detail=None,
        alerted=False,
        avg_article_chars=None,
        last_links_count=None,
    )
    values.update(kw)
    return Source(**values)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://a.cn/", AddArgs("https://a.cn/")),
        ("https://a.cn/ gov", AddArgs("https://a.cn/", "gov")),
        ("https://a.cn/ gov every 2h", AddArgs("https://a.cn/", "gov", "2h")),
        (
            "https://a.cn/ every 2h match 政府工作报告",
            AddArgs("https://a.cn/", None, "2h", "政府工作报告"),
        ),
        ("https://a.cn/ gov match 统计 公报", AddArgs("https://a.cn/", "gov", None, "统计 公报")),
        ("https://a.cn/ 每 1d 匹配 规划", AddArgs("https://a.cn/", None, "1d", "规划")),
        ("https://a.cn/ name=g every=30m match=报告", AddArgs("https://a.cn/", "g", "30m", "报告")),
    ],
)
def test_add_arguments(text, expected) -> None:
    assert parse_add(text) == expected


@pytest.mark.parametrize("text", ["", "https://a.cn/ one two"])
def test_bad_add_arguments(text) -> None:
    with pytest.raises(SourceError) as caught:
        parse_add(text)
    assert caught.value.code == "source.usage"


def failed(code: str = "timeout") -> PollReport:
    return PollReport("city", "list", error=code, detail="url=x")


def test_failures_alert_once_at_the_threshold_and_recovery_is_told() -> None:
    src = source()
    alerts = []
    for n in range(1, 6):
        health, alert, recovered = next_health(src, failed(), alert_after=3)
        assert health.consecutive_failures == n and not recovered and not health.success
        if alert:
            alerts.append((n, alert.key))
        src = source(
            consecutive_failures=health.consecutive_failures,
            alerted=health.alerted,
            last_error_code=health.last_error_code,
        )
    assert alerts == [(3, "alerts.source_failing")]
    health, notice, recovered = next_health(src, PollReport("city", "list", links=4), alert_after=3)
    assert recovered and notice.key == "alerts.source_recovered"
    assert (health.consecutive_failures, health.alerted, health.last_error_code) == (0, False, None)
    assert health.last_links_count == 4 and health.success


def test_no_links_alerts_at_once_and_keeps_the_last_count() -> None:
    src = source(last_links_count=12)
    report = PollReport("city", "list", links=0, problem="no_links", detail="links=0 before=12")
    health, alert, _ = next_health(src, report, alert_after=3)
    assert alert.key == "alerts.source_no_links" and health.alerted
    assert health.last_links_count is None  # unchanged: the next empty page is still a problem


def test_the_average_article_length_moves_slowly() -> None:
    health, _, _ = next_health(
        source(), PollReport("c", "list"), alert_after=3, article_chars=[1000]
    )
    assert health.avg_article_chars == 1000
    src = source(avg_article_chars=1000)
    health, _, _ = next_health(src, PollReport("c", "list"), alert_after=3, article_chars=[200])
    assert health.avg_article_chars == 800


def test_a_not_modified_poll_is_a_success_that_keeps_the_validators() -> None:
    src = source(consecutive_failures=2, last_error_code="timeout", etag='"a"')
    health, alert, _recovered = next_health(
        src, PollReport("city", "list", not_modified=True), alert_after=3
    )
    assert health.success and health.consecutive_failures == 0 and alert is None
    assert not health.validators and health.last_links_count is None


def test_describe_report() -> None:
    report = PollReport(
        "city",
        "list",
        links=3,
        items=(ItemOutcome("u1", "ingested"), ItemOutcome("u2", "failed", code="doc")),
    )
    assert describe_report(report) == ("city (list): 3 links, 1 ingested, 0 duplicate, 1 failed")
    assert describe_report(failed()) == "city: failed (timeout: url=x)"


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("示例市2025年政府工作报告", "示例市2025年政府工作报告-abcdef01.txt"),
        ("../../etc/passwd", "etc passwd-abcdef01.txt"),
        (".hidden\x00名\n字", "hidden 名 字-abcdef01.txt"),
        ("", "article-abcdef01.txt"),
    ],
)
def test_safe_filenames(title, name) -> None:
    assert safe_filename(title, ".txt", "abcdef0123") == name


def test_the_sidecar_is_what_the_corpus_reads() -> None:
    text = sidecar_text(
        title='关于"示例"的通知\\',
        url="https://a.cn/x.html?a=1&b=2",
        source="city",
        published=date(2026, 3, 1),
        issuer="示例市人民政府",
    )
    meta = parse_sidecar(text, source="x.meta.toml")
    assert meta["title"] == '关于"示例"的通知\\' and meta["date"] == "2026-03-01"
    assert meta["issuer"] == "示例市人民政府"
    assert meta["extra"] == {"url": "https://a.cn/x.html?a=1&b=2", "source": "city"}
    no_title = sidecar_text(title=None, url="u", source="s", published=None, issuer=None)
    assert "title" not in parse_sidecar(no_title, source="y")


def test_the_default_interval_setting_is_checked() -> None:
    assert Settings(source_default_every="12h").source_default_every == "12h"
    with pytest.raises(ValidationError):
        Settings(source_default_every="often")
