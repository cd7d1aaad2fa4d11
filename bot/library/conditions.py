"""The value condition reader, where the library's callers have always imported it.

It lives in :mod:`bot.targets.conditions` so a digest filter (:mod:`bot.digest`, a layer
below the library) reads ``/subscribe GDP 高于5%`` with the very same reader as
``/compare`` and ``/targets``.
"""

from __future__ import annotations

from bot.targets.conditions import (
    ConditionError,
    ValueCondition,
    condition_in,
    condition_text,
    split_condition,
)

__all__ = ["ConditionError", "ValueCondition", "condition_in", "condition_text", "split_condition"]
