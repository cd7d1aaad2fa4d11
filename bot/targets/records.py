"""The record the key-target extractor produces, one per quantified figure.

Field meanings follow ``tests/data/GOLD_GUIDELINES.md`` so that extractor output and
the hand-annotated gold set (``tests/data/gold_targets.jsonl``) can be compared and
serialised the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from typing import Any, Literal

from bot.targets.frozen import quick_init

Kind = Literal["target", "achievement", "estimate"]
KINDS: tuple[str, ...] = ("target", "achievement", "estimate")

# Records at or above this confidence are shown by default (digests, /targets, compare);
# ``--all`` / ``all`` shows the rest too.
CONFIDENT = 0.6


@quick_init  # built in bulk: slot stores, not object.__setattr__ (see frozen)
@dataclass(frozen=True, slots=True)
class TargetRecord:
    """A quantified target, achievement or estimate found in a document.

    ``sentence`` is copied exactly from the document (HTML-like text such as ``<b>``
    or ``&`` is kept verbatim: escaping is the renderer's job). ``value`` is ``None``
    when the number is masked (``x.x%``, ``**``) or when the figure is a comparison
    without a number (``高于全省平均水平``); ``value_max`` is set only for ranges.
    ``confidence`` (0-1) says how sure the extractor is of the figure and its name;
    below :data:`CONFIDENT` a record is kept but not shown by default.
    ``value_text`` is the number as written, magnitude word included (``673.9亿``),
    and is always a substring of ``sentence``.
    """

    doc: str
    section: str
    sentence: str
    indicator: str
    value: float | None
    value_text: str
    unit: str
    qualifier: str
    change: str
    year: str
    region: str
    kind: Kind
    masked: bool = False
    value_max: float | None = None
    confidence: float = 1.0

    @property
    def confident(self) -> bool:
        """Whether the record is trusted enough to be shown by default."""
        return self.confidence >= CONFIDENT

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict in the gold-file layout; ``value_max`` only for ranges.

        Whole numbers are written as ``int`` (``5`` rather than ``5.0``) so the output
        reads like the gold file; comparisons treat both the same.
        """
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("value", "value_max") and isinstance(value, float) and value.is_integer():
                value = int(value)
            out[f.name] = value
        if out["value_max"] is None:
            del out["value_max"]
        out["confidence"] = round(self.confidence, 3)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TargetRecord:
        """Build a record from a gold-file style dict (unknown keys are rejected)."""
        unknown = data.keys() - _field_names(cls)
        if unknown:
            raise ValueError(f"unknown fields: {sorted(unknown)}")
        kwargs = dict(data)
        for key in ("value", "value_max"):
            v = kwargs.get(key)
            if v is not None and not isinstance(v, bool):
                kwargs[key] = float(v)
        if kwargs.get("kind") not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {kwargs.get('kind')!r}")
        return cls(**kwargs)


@cache
def _field_names(cls: type) -> frozenset[str]:
    # fields() walks the class every call: the records of a 100 MB corpus asked it 10^5 times
    return frozenset(f.name for f in fields(cls))
