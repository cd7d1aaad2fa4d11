"""What one poll of a source found (:class:`PollReport`) and what it does to the source's
health (:func:`next_health`, pure): failures counted, one alert per breakage, recovery.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.i18n import Message
from bot.sources.models import Fetched
from bot.sources.store import Health, Source


@dataclass(frozen=True)
class ItemOutcome:
    """What became of one entry or attachment: ``ingested`` (``filename``, ``doc_id``),
    ``duplicate`` or ``failed`` (``code``: a ``FetchError`` code or ``doc``, ``upload``,
    ``unreadable``; ``reason``: the detail)."""

    url: str
    status: str
    title: str = ""
    filename: str | None = None
    doc_id: str | None = None
    code: str = ""
    reason: str = ""
    targets: int = 0


@dataclass(frozen=True)
class PollReport:
    """One poll of one source. ``error`` (a ``FetchError`` code, ``detail``) when the
    source itself could not be read; ``problem`` for a page that yields no links after it
    had some (``no_links``) or an article far shorter than usual (``short_article``);
    ``alert`` is the notice the admins got (once per breakage), ``recovered`` when it
    ended one."""

    source: str
    kind: str
    not_modified: bool = False
    links: int = 0
    items: tuple[ItemOutcome, ...] = ()
    error: str = ""
    detail: str = ""
    problem: str = ""
    alert: Message | None = None
    recovered: bool = False

    @property
    def ok(self) -> bool:
        return not self.error

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)


def next_health(
    source: Source,
    report: PollReport,
    *,
    alert_after: int,
    article_chars: Iterable[int] = (),
    fetched: Fetched | None = None,
) -> tuple[Health, Message | None, bool]:
    """The source's health after ``report`` (pure): what to write, the alert to send (at
    most one per breakage), and whether the poll ended a breakage."""
    lengths = [n for n in article_chars if n > 0]
    avg = source.avg_article_chars
    if lengths:
        mean = sum(lengths) // len(lengths)
        avg = mean if avg is None else (avg * 3 + mean) // 4
    validators = fetched is not None and not fetched.not_modified
    if report.error or report.problem:
        failures = source.consecutive_failures + 1
        code = report.error or report.problem
        alert = None
        due = failures >= alert_after if report.error else True
        if due and not source.alerted:
            what = "failing" if report.error else code  # no_links, short_article
            alert = Message(
                f"alerts.source_{what}",
                {
                    "name": source.name,
                    "url": source.url,
                    "failures": str(failures),
                    "code": code,
                    "detail": report.detail,
                },
            )
        health = Health(
            consecutive_failures=failures,
            last_error_code=code,
            last_error_detail=report.detail,
            alerted=source.alerted or alert is not None,
            success=False,
            new_docs=report.count("ingested") > 0,
            kind=report.kind if report.kind != source.kind and not report.error else None,
            etag=fetched.etag if validators else None,
            last_modified=fetched.last_modified if validators else None,
            validators=validators and not report.error,
            avg_article_chars=avg if report.problem != "short_article" else None,
            last_links_count=None if report.problem == "no_links" or report.error else report.links,
        )
        return health, alert, False
    recovered = source.alerted
    health = Health(
        consecutive_failures=0,
        last_error_code=None,
        last_error_detail=None,
        alerted=False,
        success=True,
        new_docs=report.count("ingested") > 0,
        kind=report.kind if report.kind != source.kind else None,
        etag=fetched.etag if validators else None,
        last_modified=fetched.last_modified if validators else None,
        validators=validators,
        avg_article_chars=avg,
        last_links_count=None if report.not_modified else report.links,
    )
    notice = Message("alerts.source_recovered", {"name": source.name}) if recovered else None
    return health, notice, recovered


def describe_report(report: PollReport) -> str:
    """One line for logs and the command line (English)."""
    if report.error:
        return f"{report.source}: failed ({report.error}: {report.detail})"
    if report.not_modified:
        return f"{report.source}: not modified"
    parts = [
        f"{report.links} links",
        f"{report.count('ingested')} ingested",
        f"{report.count('duplicate')} duplicate",
        f"{report.count('failed')} failed",
    ]
    line = f"{report.source} ({report.kind}): " + ", ".join(parts)
    if report.problem:
        line += f"; problem: {report.problem} ({report.detail})"
    return line
