"""What a key-target look-up returns: records with their documents (:class:`DocTarget`),
those shown and those left out (:class:`TargetLookup`, :func:`of_kinds`), and an
indicator asked by name (:class:`IndicatorLookup`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.targets.records import TargetRecord

__all__ = ["DocTarget", "IndicatorLookup", "TargetLookup", "of_kinds"]


@dataclass(frozen=True)
class DocTarget:
    """A target record and the id of the document it comes from."""

    doc_id: str
    record: TargetRecord


@dataclass(frozen=True)
class TargetLookup:
    """What a user asked for: the records shown and how many were left out.

    ``hidden`` counts the records that matched but are below the confidence bar
    (``TargetRecord.confident`` false); they are in ``rows`` only when asked for all.
    ``family`` lists the canonical indicators the indicator asked for stands for
    (``GDP`` -> 地区生产总值, 国内生产总值); empty for a name the table does not know.
    """

    rows: list[DocTarget]
    hidden: int = 0
    family: tuple[str, ...] = ()

    @property
    def any(self) -> bool:
        """Whether any record matched, shown or below the confidence bar."""
        return bool(self.rows or self.hidden)


def of_kinds(found: TargetLookup, kinds: Sequence[str], show_all: bool) -> TargetLookup:
    """The records of ``found`` (looked up with the unsure ones) of these kinds, the
    unsure ones left out and counted unless ``show_all``: ``/targets 贵州 kind:target``."""
    rows = [r for r in found.rows if r.record.kind in kinds]
    shown = rows if show_all else [r for r in rows if r.record.confident]
    return TargetLookup(shown, len(rows) - len(shown), found.family)


@dataclass(frozen=True)
class IndicatorLookup:
    """The records of an indicator a user named, as ``/compare GDP 山东``, ``/targets``
    and ``briefbot compare`` take it (:meth:`~bot.library.targets.TargetsMixin.lookup_indicator`).

    ``indicator`` is the name the records answer (``GDP`` of ``GDP 山东``); ``region`` the
    region that narrowed them (given, or named after the indicator), None when none did;
    ``elsewhere``, when a region or kind left no record, the indicator's records without
    them (else None): "none about this region" told from "no such indicator".
    """

    found: TargetLookup
    indicator: str
    region: str | None = None
    elsewhere: TargetLookup | None = None
    failed: int = 0  # records (shown or not) a value condition left out

    @property
    def only_elsewhere(self) -> bool:
        """Whether the indicator has records (sure or not), none passing the region or kind."""
        other = self.elsewhere
        return other is not None and other.any
