"""Retention: saved searches and audit entries older than their settings allow are deleted
(``saved_search_days``, ``audit_log_days``). The bot calls :func:`prune_storage` on the
storage thread when it starts and then daily (``handlers.app``)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.admin.audit import AuditLog
from bot.config import Settings


def prune_storage(queries: Any, audit: AuditLog, settings: Settings) -> tuple[int, int]:
    """Delete old saved searches and audit entries: (searches, entries) deleted.

    ``queries`` is the query store; one without ``prune`` (the in-memory store, which
    keeps a bounded number of searches) is left alone.
    """
    prune = getattr(queries, "prune", None)
    searches = prune(timedelta(days=settings.saved_search_days)) if prune is not None else 0
    entries = audit.prune(timedelta(days=settings.audit_log_days))
    return searches, entries
