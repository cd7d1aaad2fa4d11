"""subscriptions: a bare year in a filter stored before year: existed read as year:

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06

Data only. Until ``trial-left10`` ``/subscribe 2025`` stored the keyword 2025, looked for
in what a figure measures and its section title: the digest held the targets of sections
titled 2025年 only, not a plan's 到2025年 goals. ``/subscribe`` now writes a bare year as
``year:2025`` (the figure is for that year, or a period ending in it), but a stored
filter is never read again, so the subscriptions made before kept the keyword. This
rewrites them once as ``/subscribe`` would write them now: each bare year word (2025,
2025年, ２０２５, 二〇二五年) becomes ``year:…``, placed where the filter's writer
(``bot.digest.filters.format_filter``) puts years: after the keywords and the
``region:`` / ``doc:`` words, before ``kind:`` and ``confidence:``. A quoted year
("2025", kept a keyword on purpose) was stored without its quotes by the same writer and
cannot be told apart: subscriptions made between trial-left10 and this revision with a
quoted year are read as the year too. ``nothing_told_filter`` (the filter a
matches-nothing notice was told for) is rewritten alike, so the notice is not said twice.

The rule is frozen here (the filter module may move on, this file must not). Downgrade
leaves the rows: 0013's code reads ``year:`` as well. Keep it self-contained:
do not import bot.storage.models or the filter module here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0014"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# a filter's words, a quoted one whole (as the filter parser reads them)
WORD = re.compile(r'"[^"]*"|“[^”]*”|\'[^\']*\'|「[^」]*」|\S+')
YEAR = re.compile(r"((?:19|20)\d\d)年?")
CHINESE_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}
LATER_KEYS = ("kind:", "confidence:")


def bare_year(word: str) -> str | None:
    """The year a filter word is, whole (2025, 2025年, ２０２５, 二〇二五年), else None."""
    text = unicodedata.normalize("NFKC", word)
    text = "".join(CHINESE_DIGITS.get(c, c) for c in text)
    match = YEAR.fullmatch(text)
    return match.group(1) if match else None


def rewritten(filter_text: str | None) -> str | None:
    """``filter_text`` with its bare years as ``year:``; None when it has none."""
    if not filter_text:
        return None
    words = WORD.findall(filter_text)
    years = [y for w in words if (y := bare_year(w)) is not None]
    if not years:
        return None
    kept = [w for w in words if bare_year(w) is None]
    have = {w.lower() for w in kept}
    new = [f"year:{y}" for y in dict.fromkeys(years) if f"year:{y}" not in have]
    at = next((i for i, w in enumerate(kept) if w.lower().startswith(LATER_KEYS)), len(kept))
    return " ".join(kept[:at] + new + kept[at:])


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.text("SELECT id, filter_text, nothing_told_filter FROM subscriptions")
    ).fetchall()
    for sub_id, filter_text, told in rows:
        new_filter, new_told = rewritten(filter_text), rewritten(told)
        if new_filter is None and new_told is None:
            continue
        bind.execute(
            sa.text(
                "UPDATE subscriptions SET filter_text = :filter, nothing_told_filter = :told "
                "WHERE id = :id"
            ),
            {
                "id": sub_id,
                "filter": new_filter if new_filter is not None else filter_text,
                "told": new_told if new_told is not None else told,
            },
        )


def downgrade() -> None:
    pass  # the rows stay as written: 0013's code reads year: too
