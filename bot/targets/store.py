"""Key-target records per document, stored beside the index's document caches.

``<cache_dir>/<doc_id>.targets.json`` holds the records :func:`extract_targets` found
in one document; the store serves them one record per figure (a table row or a later
sentence repeating a sentence's figure left out: :func:`~bot.targets.dedupe.one_per_figure`,
applied as a file is read, so an index extracted before the rule serves it too).
:class:`TargetStore` is what the indexer calls for every document it reads
(:meth:`TargetStore.derive`) and drops (:meth:`TargetStore.remove`); its
:attr:`~TargetStore.fingerprint` (extractor version and indicator table) tells the indexer
when every document must be extracted again, without re-segmenting any.

A damaged records file (not JSON, not records) is extracted again from the document,
which the store gets from the ``source`` it is given (the library passes the index's
cached documents), with a log line; without a source, or if that fails too, the
document has no records until it is indexed again. It never stops the others' records.

Records read are kept in memory per document (:mod:`bot.targets.record_cache`), each
under its file's key (inode, size, times), checked by one ``stat`` per look-up: a file
re-extracted, replaced or removed, by this store or another process, is read afresh.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path

from bot.models import Document
from bot.targets.indicators import IndicatorTable
from bot.targets.record_cache import HeldRecords, RecordCache, file_key
from bot.targets.records import TargetRecord
from bot.targets.version import EXTRACTOR_VERSION

log = logging.getLogger(__name__)

# Extracting one document's key targets may take this long (issue 14: bounded work per
# document); past it, the records found so far are kept, with a log line naming the limit.
EXTRACT_SECONDS = 120.0
_clock: Callable[[], float] = time.monotonic  # tests replace it with one they move
# What a damaged records file raises when read (UnicodeDecodeError and JSONDecodeError
# are ValueErrors).
_DAMAGE = (ValueError, KeyError, TypeError, AttributeError, IndexError)


def targets_path(cache_dir: Path, doc_id: str) -> Path:
    return cache_dir / f"{doc_id}.targets.json"


def save_targets(cache_dir: Path, doc_id: str, records: list[TargetRecord]) -> None:
    """Write the records of ``doc_id`` atomically (a reader sees the old or the new file)."""
    path = targets_path(cache_dir, doc_id)
    payload = json.dumps([r.to_dict() for r in records], ensure_ascii=False)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(payload.encode("utf-8"))
    tmp.replace(path)


def load_targets(cache_dir: Path, doc_id: str) -> list[TargetRecord]:
    """The records of ``doc_id``; none if it has no file (never extracted, or removed)."""
    try:
        data = json.loads(targets_path(cache_dir, doc_id).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    # One string object per distinct text of the file (the document's name, a sentence
    # several records share, units, years): records held in memory take ~0.4 KB each
    # instead of ~1 KB.
    pool: dict[str, str] = {}
    for d in data:
        for key, value in d.items():
            if type(value) is str:
                d[key] = pool.setdefault(value, value)
    return [TargetRecord.from_dict(d) for d in data]


class TargetStore:
    """The target records of the documents cached in ``cache_dir``.

    The indicator table (``indicators_path``) is loaded on first use. ``source`` gives
    a document by id, to extract again the records of a damaged file.
    """

    def __init__(
        self,
        cache_dir: Path,
        indicators_path: Path,
        *,
        source: Callable[[str], Document] | None = None,
    ) -> None:
        self.cache_dir = cache_dir
        self.indicators_path = indicators_path
        self.source = source
        self._table: IndicatorTable | None = None
        self._records = RecordCache()

    @property
    def table(self) -> IndicatorTable:
        if self._table is None:
            self._table = IndicatorTable.load(self.indicators_path)
        return self._table

    @property
    def fingerprint(self) -> str:
        """Extraction rules and indicator table: a change re-extracts, never re-segments."""
        path = self.indicators_path
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path.is_file() else "-"
        return f"x{EXTRACTOR_VERSION}-{digest}"

    def derive(self, doc: Document) -> None:
        """Extract the records of ``doc`` and store them, within :data:`EXTRACT_SECONDS`
        (checked per paragraph; past it the records found so far are kept)."""
        started, limit = _clock(), EXTRACT_SECONDS
        stopped: list[bool] = []

        def until() -> bool:
            if not stopped and _clock() - started > limit:
                stopped.append(True)
            return bool(stopped)

        # imported here: the extractor's patterns cost every process opening an index
        # about half a second, and most (a search, a look-up) never extract
        from bot.targets.extract import extract_targets

        records = extract_targets(doc, self.table, until=until)
        if stopped:
            log.warning(
                "key targets of %s (%s): extraction stopped at the time limit (%g s); "
                "%d records kept",
                doc.doc_id,
                doc.filename,
                limit,
                len(records),
            )
        self._records.drop(doc.doc_id)
        save_targets(self.cache_dir, doc.doc_id, records)

    def load(self, doc_id: str) -> list[TargetRecord]:
        """The records of ``doc_id`` (a new list of frozen records, the file read only when
        it changed since the last look-up); a damaged file is extracted again (see the
        module)."""
        return list(self.load_held(doc_id).records)

    def load_held(self, doc_id: str) -> HeldRecords:
        """The records of ``doc_id`` as :meth:`load` reads them, with their index by
        indicator name and region (:class:`~bot.targets.record_cache.HeldRecords`,
        immutable, made once per read of the file)."""
        try:
            key = file_key(targets_path(self.cache_dir, doc_id).stat())
        except FileNotFoundError:
            self._records.drop(doc_id)
            return HeldRecords.of(())
        held = self._records.get_held(doc_id, key)
        if held is not None:
            return held
        try:
            # Stat before the read: a file replaced in between is held under the old key,
            # read again on the next look-up, never served stale.
            records = self._served(load_targets(self.cache_dir, doc_id))
        except _DAMAGE as exc:
            damage = f"{type(exc).__name__}: {exc}"[:200]
            return HeldRecords.of(tuple(self._extract_again(doc_id, damage)))
        return self._records.put(doc_id, key, tuple(records))

    def _served(self, records: list[TargetRecord]) -> list[TargetRecord]:
        # one record per figure, applied once, here, so every view (/targets, /compare,
        # digests, /scorecard, /changes, charts, answer cards, --json) reads the same
        # records (bot.targets.dedupe has the rule); the indicator table is read only
        # for a document two of whose figures may be one
        from bot.targets.dedupe import one_per_figure  # imported late: see derive

        return one_per_figure(records, lambda: self.table)

    def _extract_again(self, doc_id: str, damage: str) -> list[TargetRecord]:
        """The records of a damaged file, extracted again from the document (not held:
        the next look-up reads the new file)."""
        if self.source is None:
            log.warning("targets of %s damaged (%s); nothing to re-extract from", doc_id, damage)
            return []
        log.warning("targets of %s damaged (%s); re-extracting them", doc_id, damage)
        try:
            self.derive(self.source(doc_id))
            return self._served(load_targets(self.cache_dir, doc_id))
        except Exception:
            log.warning("could not re-extract the targets of %s", doc_id, exc_info=True)
            return []

    def forget(self) -> None:
        """Drop every record held in memory: the next look-ups read the files."""
        self._records.clear()

    def remove(self, doc_id: str) -> None:
        self._records.drop(doc_id)
        targets_path(self.cache_dir, doc_id).unlink(missing_ok=True)

    def release(self) -> None:
        """Let go of the tables extraction read once (the dictionary's word sets, the naming
        segmenter), so that the index compile after a refresh's extractions does not stand
        on them; the next extraction reads them again. Records held for look-ups are kept."""
        # imported late (see derive); releasing what was never imported does nothing
        from bot.targets import dict_words
        from bot.targets.naming.words import release_segmenter

        dict_words.release()
        release_segmenter()
