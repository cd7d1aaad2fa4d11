"""Key-target extraction: quantified targets, achievements and estimates of a document.

Entry point: :func:`extract_targets`. Records are :class:`TargetRecord`; canonical
indicator names come from :class:`IndicatorTable` (``config/indicators.toml``).
"""

from typing import TYPE_CHECKING, Any

from bot.targets.indicators import IndicatorTable, default_table
from bot.targets.records import KINDS, TargetRecord

if TYPE_CHECKING:
    from bot.targets.extract import extract_targets

__all__ = ["KINDS", "IndicatorTable", "TargetRecord", "default_table", "extract_targets"]


def __getattr__(name: str) -> Any:
    """``extract_targets`` on first use: the extractor's patterns cost about half a
    second to import, and every process importing any ``bot.targets`` module (each CLI
    command, through the library's analytics) would pay it even when it only searches."""
    if name == "extract_targets":
        from bot.targets.extract import extract_targets

        return extract_targets
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
