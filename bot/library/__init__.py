"""The library: the application facade over the core, as the CLI and the bot see it.

``Engine.open(settings)`` brings the index up to date with the corpus folder and opens
it; the engine then answers searches (``bot.search``), document look-ups, key targets
(``bot.targets``) and digests (``bot.digest``), and changes the corpus (ingest, uploads
with rollback, removals). It holds no Telegram or console code.
"""

from bot.library.analytics import (
    UNREPORTED_SHOWN,
    ChartResult,
    RegionTable,
    ReportChanges,
    Scorecard,
    ScorecardChart,
)
from bot.library.corrections import Correction, CorrectionRefused, parse_correction
from bot.library.documents import DocumentNotFound
from bot.library.engine import RUNTIME_KEYS, Engine, make_indexer, target_store_for
from bot.library.ingesting import IngestReport
from bot.library.refresh import IndexUpdate
from bot.library.target_lookups import DocTarget, IndicatorLookup, TargetLookup, of_kinds
from bot.library.uploads import FIRST_TARGETS, UploadResult, UploadStatus

__all__ = [
    "FIRST_TARGETS",
    "RUNTIME_KEYS",
    "UNREPORTED_SHOWN",
    "ChartResult",
    "Correction",
    "CorrectionRefused",
    "DocTarget",
    "DocumentNotFound",
    "Engine",
    "IndexUpdate",
    "IndicatorLookup",
    "IngestReport",
    "RegionTable",
    "ReportChanges",
    "Scorecard",
    "ScorecardChart",
    "TargetLookup",
    "UploadResult",
    "UploadStatus",
    "make_indexer",
    "of_kinds",
    "parse_correction",
    "target_store_for",
]
