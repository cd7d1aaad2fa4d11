"""A short question that goes on from the one before it (``那就业呢？``, ``去年呢？``,
``那云南呢？``), read as that question with one part changed.

A user who asked ``四川今年GDP增长目标`` and then types ``那就业呢？`` means Sichuan's
employment target this year; searched alone, the three characters found every
document's employment passages and no answer card, and ``去年呢？`` found nothing at
all. The rewriting is plain text, searched as if typed, so the reply can say it and the
user can type it again: a time word changes the time, a place changes the place, and
anything else changes the topic, with the place, the time and the asking for a target
kept. Pure: the caller keeps the question before and says which words are places.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.models import Understood
from bot.text.normalize import fold_figures
from bot.text.years import RELATIVE_YEARS, YEAR_RE

# 那就业呢？ 那么2024年的呢 还有云南呢 GDP呢: a short part before 呢 and nothing after it
# but punctuation. 就 is no lead word (那就业呢 asks about 就业).
_FOLLOW_UP_RE = re.compile(
    r"^\s*(?:那么|那|还有|然后)?[，,\s]*(?P<part>[^\s，,。？?！!]{1,12}?)\s*(?:的)?呢\s*[？?。！!~～]*\s*$"
)
# the words that make a question one for a target (四川GDP增长目标): kept when the topic
# changes, so 那就业呢 after it still asks for the target and finds its answer card
_ASKING_TARGET_RE = re.compile(r"目标|预期")
_RELATIVE_RE = re.compile("|".join(sorted(map(re.escape, RELATIVE_YEARS), key=len, reverse=True)))
# a place's suffix after its short name in a question (四川省, 成都市)
_PLACE_SUFFIX = r"(?:省|市|自治区|自治州|地区|县|区)?"


# How long a question stays the one a short follow-up goes on from: a working day. After
# a night (那投资呢？ the next morning) yesterday's question is off the screen and out of
# mind, and in a group a member's week-old question steered a search without a word; a
# stale question is not gone on from, the reply offers the whole question to send instead.
FOLLOW_UP_HOURS = 12


@dataclass(frozen=True, slots=True)
class Asked:
    """The question a chat's user asked last, as it was searched, and what was
    understood of it; ``at``: when it was asked (the message's time), None if unknown."""

    text: str
    understood: Understood | None
    at: datetime | None = None

    def hours_before(self, now: datetime | None) -> int | None:
        """Whole hours from this question to ``now`` when more than
        :data:`FOLLOW_UP_HOURS` (too old to go on from), else None."""
        if self.at is None or now is None:
            return None
        hours = (now - self.at).total_seconds() / 3600
        return int(hours) if hours > FOLLOW_UP_HOURS else None


def _time_words(text: str) -> list[str]:
    """The years said in ``text``, as typed (今年, 2025年), in order."""
    folded = fold_figures(text)
    found = [(m.start(), m.group(0).strip()) for m in YEAR_RE.finditer(folded)]
    found += [(m.start(), m.group(0)) for m in _RELATIVE_RE.finditer(folded)]
    return [word for _, word in sorted(found)]


def _without_time(text: str) -> str:
    folded = fold_figures(text)
    return _RELATIVE_RE.sub(" ", YEAR_RE.sub(" ", folded))


def _is_time(part: str) -> bool:
    folded = fold_figures(part)
    return bool(YEAR_RE.fullmatch(folded) or _RELATIVE_RE.fullmatch(folded))


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def follow_up(
    previous: Asked | None, said: str, *, region_named: Callable[[str], str | None]
) -> str | None:
    """The question ``said`` asks when it goes on from ``previous``, as a query to
    search; None when it is no follow-up (no question before, not a short ``…呢``, or
    nothing of the one before to carry over).

    ``region_named`` says whether a part is a place (the engine's reading of
    ``/targets``' regions): ``那云南呢`` changes the place, not the topic."""
    if previous is None or not previous.text.strip():
        return None
    m = _FOLLOW_UP_RE.match(said)
    if m is None:
        return None
    part = m["part"]
    before = previous.text
    understood = previous.understood or Understood()
    if _is_time(part):  # 去年呢: the same question about another year
        offset = RELATIVE_YEARS.get(fold_figures(part))
        if offset is not None and understood.year is not None:
            # 河南2024年GDP目标, then 去年呢: the year before the one asked about (2023),
            # not before the calendar's
            part = f"{understood.year + offset}年"
        return _tidy(f"{part} {_without_time(before)}")
    if region_named(part) is not None:  # 那云南呢: the same question about another place
        rest = before
        for region in understood.all_regions:
            rest = re.sub(re.escape(region) + _PLACE_SUFFIX, " ", rest)
        return _tidy(f"{part} {rest}")
    # 那就业呢: another topic, the place, the time and a target's asking kept
    kept = [*understood.all_regions, *_time_words(before)]
    if understood.period is not None and not kept:
        kept.append(understood.period.name)
    if not kept:
        return None  # nothing to carry over: the part is searched as typed
    asking = _ASKING_TARGET_RE.search(before)
    return _tidy(" ".join([*kept, part, *([asking.group(0)] if asking else [])]))
