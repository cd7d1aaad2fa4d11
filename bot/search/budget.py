"""The work one query may cost: a budget for correction and planning, counted inside
the algorithm.

Typo correction tries spans of the query against the lexicon and against phrases read
from passages, so its cost grows with the length of what was typed: a 200-character
message of one repeated typo took seconds. A :class:`Budget` is made per request from
:class:`Limits` and charged as the searcher works:

* ``words``: words of the query planned (looked up, bound, turned into concepts);
  past the limit the rest of the query is not searched (note ``too_many_words``);
* ``spans``: spans of the query tried as typos (the words corrected);
* ``scored``: candidates scored for a correction or a suggestion;
* ``passages``: passages read and segmented to find phrases a typo may stand for;
* ``seconds``: wall time of correction and planning, a backstop for work the counters
  do not see.

When the correction runs out, the part is searched as typed (note
``correction_skipped``); suggestions stop where the budget does. Nothing is killed:
the searcher asks before each piece of work, so a budget run out costs at most one
piece more. A budget is the state of one request on one thread; the searcher keeps none.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

KINDS = ("words", "spans", "scored", "passages")


@dataclass(frozen=True)
class Limits:
    """What one request may spend (see the module). The defaults leave every query of
    the evaluation sets two to four times the room it needs (the most any used: 9 words,
    4 spans, 1,404 candidates, 180 passages, 0.18 s; ``bench/eval_search.py``'s sets).
    ``seconds`` is a backstop: the counters bound the work to about 0.4 s of one core."""

    words: int = 32
    spans: int = 16
    scored: int = 3_000
    passages: int = 480
    seconds: float = 0.5


UNLIMITED = Limits(words=10**9, spans=10**9, scored=10**9, passages=10**9, seconds=1e9)


@dataclass
class Budget:
    """One request's budget: :class:`Limits`, what was spent, and what ran out first.

    Each kind runs out on its own: correction running out of time or candidates still
    lets the words typed be planned (``words`` is counted, not timed).
    """

    limits: Limits = field(default_factory=Limits)
    clock: Callable[[], float] = time.monotonic
    used: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    exhausted: str | None = None  # the first limit reached: a kind, or "seconds"
    out: set[str] = field(default_factory=set)  # the kinds that may not be spent any more
    # what was cut short, for the searcher's notes: "correction_skipped", "too_many_words"
    notes: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.started = self.clock()

    def _run_out(self, kind: str) -> None:
        if self.exhausted is None:
            self.exhausted = kind
        self.out.update(KINDS[1:] if kind == "seconds" else (kind,))

    def take(self, kind: str, n: int = 1) -> bool:
        """Spend ``n`` of ``kind`` if the budget allows it (and, but for words, time)."""
        if kind in self.out:
            return False
        if self.used[kind] + n > getattr(self.limits, kind):
            self._run_out(kind)
            return False
        if kind != "words" and self.clock() - self.started > self.limits.seconds:
            self._run_out("seconds")
            return False
        self.used[kind] += n
        return True

    def allows(self, kind: str) -> bool:
        """Whether ``kind`` may still be spent (without spending it)."""
        return self.take(kind, 0)

    def elapsed(self) -> float:
        return self.clock() - self.started
