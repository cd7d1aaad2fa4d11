"""Key-target extraction: quantified targets, achievements and estimates of a document.

Entry point: :func:`extract_targets`. Records are :class:`TargetRecord`; canonical
indicator names come from :class:`IndicatorTable` (``config/indicators.toml``).
"""

from bot.targets.extract import extract_targets
from bot.targets.indicators import IndicatorTable, default_table
from bot.targets.records import KINDS, TargetRecord

__all__ = ["KINDS", "IndicatorTable", "TargetRecord", "default_table", "extract_targets"]
