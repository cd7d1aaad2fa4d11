"""Parsed key-target records kept in memory per document, for the target store.

An entry is a document's records as an immutable tuple of frozen
:class:`~bot.targets.records.TargetRecord`, under the key of the records file it was read
from (:func:`file_key`: inode, size, modification and change times). The store stats the
file on every look-up and serves the entry only while the key is the same, so a document
re-extracted (the file is written to a new name and renamed over the old: a new inode),
replaced or removed is read afresh, by this process or any other. At most ``max_records``
records are held; past it, the documents least recently read are dropped. Safe for the
core and search threads at once (one lock around the table; files are read outside it).

Each entry is indexed once, when it is read (:class:`HeldRecords`): where each indicator
name and each region is among the document's records, so that a look-up by indicator or
region asks its question once per distinct name or region of a document, not once per
record, and a filter that matches nothing passes over a document at the cost of its
names (``/subscribe``'s check of ``region:火星``: every record was matched before).
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from bot.targets.records import TargetRecord

# A record held takes ~0.4 KB, and a library has ~2,500 records a MB of documents (the 10mb
# tier: 25,298 records, ~10 MB held; bench/targets_bench.py): 100 MB of documents, ~250k
# records, ~100 MB held. The bound keeps such a library whole (a full read past the bound
# would drop each document before it is read again) for at most ~120 MB.
MAX_RECORDS = 300_000

FileKey = tuple[int, int, int, int]


def file_key(st: os.stat_result) -> FileKey:
    """What tells one version of a records file from another."""
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _positions(keys: Iterator[str]) -> dict[str, tuple[int, ...]]:
    where: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        where.setdefault(key, []).append(i)
    return {key: tuple(at) for key, at in where.items()}


@dataclass(frozen=True, slots=True)
class HeldRecords:
    """A document's records (in document order) with the positions of each indicator name
    and of each record region among them."""

    records: tuple[TargetRecord, ...]
    by_indicator: Mapping[str, tuple[int, ...]]
    by_region: Mapping[str, tuple[int, ...]]

    @classmethod
    def of(cls, records: tuple[TargetRecord, ...]) -> HeldRecords:
        return cls(
            records,
            _positions(r.indicator for r in records),
            _positions(r.region for r in records),
        )

    def select(
        self,
        indicator_ok: Callable[[str], bool] | None = None,
        region_ok: Callable[[str], bool] | None = None,
    ) -> tuple[TargetRecord, ...]:
        """The records whose indicator name passes ``indicator_ok`` and whose region passes
        ``region_ok`` (None: any), in document order: the same records, in the same order,
        as asking each record, each predicate asked once per distinct name or region."""
        if indicator_ok is None and region_ok is None:
            return self.records
        chosen: set[int] | None = None
        if indicator_ok is not None:
            chosen = {i for name, at in self.by_indicator.items() if indicator_ok(name) for i in at}
        if region_ok is not None and (chosen is None or chosen):
            regional = {i for region, at in self.by_region.items() if region_ok(region) for i in at}
            chosen = regional if chosen is None else chosen & regional
        return tuple(self.records[i] for i in sorted(chosen or ()))


class RecordCache:
    """Records per document id, each under its file's key, least recently read dropped first."""

    def __init__(self, max_records: int = MAX_RECORDS) -> None:
        self.max_records = max_records
        self._entries: OrderedDict[str, tuple[FileKey, HeldRecords]] = OrderedDict()
        self._held = 0
        self._lock = threading.Lock()

    @property
    def held(self) -> int:
        """How many records are held."""
        return self._held

    def get(self, doc_id: str, key: FileKey) -> tuple[TargetRecord, ...] | None:
        """The records of ``doc_id`` read from the file version ``key``, if held."""
        held = self.get_held(doc_id, key)
        return None if held is None else held.records

    def get_held(self, doc_id: str, key: FileKey) -> HeldRecords | None:
        """The records of ``doc_id`` read from the file version ``key`` with their index,
        if held."""
        with self._lock:
            entry = self._entries.get(doc_id)
            if entry is None or entry[0] != key:
                return None
            self._entries.move_to_end(doc_id)
            return entry[1]

    def put(self, doc_id: str, key: FileKey, records: tuple[TargetRecord, ...]) -> HeldRecords:
        """Hold ``records`` of ``doc_id`` as read from the file version ``key`` (indexed
        here, outside the lock); returns them indexed."""
        held = HeldRecords.of(records)
        with self._lock:
            self._pop(doc_id)
            if len(held.records) > self.max_records:
                return held
            self._entries[doc_id] = (key, held)
            self._held += len(held.records)
            while self._held > self.max_records:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._held -= len(dropped.records)
        return held

    def drop(self, doc_id: str) -> None:
        """Forget ``doc_id`` (its file was written or removed)."""
        with self._lock:
            self._pop(doc_id)

    def clear(self) -> None:
        """Forget every document."""
        with self._lock:
            self._entries.clear()
            self._held = 0

    def _pop(self, doc_id: str) -> None:
        entry = self._entries.pop(doc_id, None)
        if entry is not None:
            self._held -= len(entry[1].records)
