"""Baseline search engines for the benchmark, behind one small protocol.

Each baseline indexes ``(passage_id, text)`` pairs and answers with passage ids,
best first::

    engine.build(passages, workdir)      # on-disk index under workdir
    engine.search("乡村振兴", limit=10)   # -> [passage ids]
    engine.size_bytes()                  # bytes on disk
    engine.close()

Extensions used by the harness: ``build(..., progress=callable)`` reports how many
passages were added so far, and ``open(workdir)`` attaches to an index built
earlier (queries are timed in a fresh process).

The baselines are set up the way a developer would typically set them up, with
the defaults of each library, not tuned against our engine:

``WhooshJieba``
    Whoosh (whoosh-reloaded) with jieba's ``ChineseAnalyzer`` (``jieba.tokenize``
    in search mode, lower-casing, a tiny stop list, an English stemmer) on one
    ``TEXT`` field; default scoring (BM25F, B=0.75, K1=1.2). Queries go through
    ``QueryParser`` with ``group=OrGroup``: the default ``AndGroup`` would require
    every token of the query (and jieba's search mode emits overlapping sub-words, so
    ``高质量发展`` -> 高质 质量 高质量 发展), which on this kind of text returns far
    fewer results than the other engines; with ``OrGroup`` a multi-term query is
    ranked like BM25 OR in tantivy and FTS5. One writer (``limitmb=1024``,
    ``procs=1``), committed once.

``Fts5Trigram``
    SQLite FTS5 with ``tokenize='trigram'`` ranked by ``bm25()``. The query is
    split on whitespace (quote characters removed); every term of three or more
    characters becomes a quoted phrase, joined with ``OR``. Terms of one or two
    characters cannot use a trigram index (FTS5 returns nothing for them), so they
    fall back to ``LIKE '%term%'``, which scans the stored text: rows matching a
    long term come first, ordered by how many short terms they also contain, then
    by bm25; if there are fewer than ``limit`` of them, rows matching only short
    terms follow (most short terms first, then in insertion order). A query made
    only of short terms is a plain scan. This is how people actually use trigram
    FTS for Chinese, and it is why two-character words (most Chinese words) are its
    weak spot. The LIKE is written ``+body LIKE ?``: with a bare
    ``body LIKE '%改革%'`` FTS5 takes the constraint itself and (SQLite 3.40,
    pattern of 2 CJK characters = 6 bytes) wrongly treats it as trigram-indexable
    and returns no rows; the unary ``+`` makes SQLite scan.

``TantivyJieba``
    tantivy-py over text pre-segmented with ``jieba.lcut_for_search`` and joined by
    spaces, indexed with tantivy's ``default`` tokenizer. That tokenizer splits only
    at characters that are not alphanumeric (spaces, punctuation) and CJK ideographs
    count as alphanumeric, so jieba's words are kept whole (it also lower-cases and
    drops tokens over 40 bytes); tantivy's ``whitespace`` tokenizer would keep
    punctuation tokens and not lower-case. The query is segmented the same way and
    parsed by ``Index.parse_query`` (OR by default: ``conjunction_by_default=False``),
    ranked by BM25. Writer: 256 MB heap, tantivy's default thread count.

Also here: the adapter around our own engine (``load_engine``), including
``StubEngine``, a temporary stand-in used while ``bot.library.Engine`` is a
stub (switch it on with ``BENCH_OURS_STUB=1`` or ``--ours-stub``; remove once the
engine lands).
"""

from __future__ import annotations

import inspect
import json
import logging
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Protocol

Progress = Callable[[int], None] | None

log = logging.getLogger("bench.baselines")


class Baseline(Protocol):
    name: str

    def build(
        self, passages: Sequence[tuple[int, str]], workdir: Path, *, progress: Progress = None
    ) -> None: ...

    def open(self, workdir: Path) -> None: ...

    def search(self, query: str, limit: int) -> list[int]: ...

    def size_bytes(self) -> int: ...

    def close(self) -> None: ...


def dir_size(path: Path) -> int:
    """Total size in bytes of the files under ``path`` (or of the file itself)."""
    path = Path(path)
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _quiet_jieba() -> None:
    import jieba

    jieba.setLogLevel(logging.WARNING)


def _every(progress: Progress, n: int, step: int = 5000) -> None:
    if progress is not None and n % step == 0:
        progress(n)


# --------------------------------------------------------------------------- Whoosh


class WhooshJieba:
    name = "whoosh"
    LIMITMB = 1024

    def __init__(self) -> None:
        self._ix: Any = None
        self._searcher: Any = None
        self._parser: Any = None
        self._dir: Path | None = None

    def build(
        self, passages: Sequence[tuple[int, str]], workdir: Path, *, progress: Progress = None
    ) -> None:
        from jieba.analyse import ChineseAnalyzer
        from whoosh import index
        from whoosh.fields import STORED, TEXT, Schema

        _quiet_jieba()
        workdir = Path(workdir)
        workdir.mkdir(parents=True, exist_ok=True)
        schema = Schema(pid=STORED, body=TEXT(analyzer=ChineseAnalyzer()))
        ix = index.create_in(str(workdir), schema)
        writer = ix.writer(limitmb=self.LIMITMB, procs=1)
        for n, (pid, text) in enumerate(passages, 1):
            writer.add_document(pid=pid, body=text)
            _every(progress, n)
        log.info("whoosh: committing %d passages", len(passages))
        writer.commit()
        ix.close()
        self.open(workdir)

    def open(self, workdir: Path) -> None:
        from whoosh import index
        from whoosh.qparser import OrGroup, QueryParser

        _quiet_jieba()
        self._dir = Path(workdir)
        self._ix = index.open_dir(str(workdir))
        self._searcher = self._ix.searcher()
        self._parser = QueryParser("body", self._ix.schema, group=OrGroup)

    def search(self, query: str, limit: int) -> list[int]:
        q = self._parser.parse(query)
        return [hit["pid"] for hit in self._searcher.search(q, limit=limit)]

    def size_bytes(self) -> int:
        return dir_size(self._dir) if self._dir else 0

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
        if self._ix is not None:
            self._ix.close()
        self._searcher = self._ix = None


# --------------------------------------------------------------------------- SQLite FTS5


# Quote characters are dropped from FTS5 query terms: the terms are quoted as phrases
# anyway, and a literal quote inside a phrase would have to occur in the text.
_NO_QUOTES = str.maketrans("", "", "\"'“”‘’「」『』")


class Fts5Trigram:
    name = "fts5"
    DB_NAME = "fts5.sqlite"

    def __init__(self) -> None:
        self._conn: sqlite3.Connection | None = None
        self._path: Path | None = None

    def build(
        self, passages: Sequence[tuple[int, str]], workdir: Path, *, progress: Progress = None
    ) -> None:
        workdir = Path(workdir)
        workdir.mkdir(parents=True, exist_ok=True)
        path = workdir / self.DB_NAME
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        conn = sqlite3.connect(path)
        conn.execute("CREATE VIRTUAL TABLE passages USING fts5(body, tokenize='trigram')")

        def rows() -> Iterator[tuple[int, str]]:
            for n, (pid, text) in enumerate(passages, 1):
                yield pid, text
                _every(progress, n)

        with conn:
            conn.executemany("INSERT INTO passages(rowid, body) VALUES (?, ?)", rows())
        log.info("fts5: optimize")
        with conn:
            conn.execute("INSERT INTO passages(passages) VALUES ('optimize')")
        conn.close()
        self.open(workdir)

    def open(self, workdir: Path) -> None:
        self._path = Path(workdir) / self.DB_NAME
        if not self._path.is_file():
            raise FileNotFoundError(self._path)
        self._conn = sqlite3.connect(self._path)

    def search(self, query: str, limit: int) -> list[int]:
        assert self._conn is not None
        terms = [t for t in dict.fromkeys(query.translate(_NO_QUOTES).split()) if t]
        long_terms = [t for t in terms if len(t) >= 3]
        short = [t for t in terms if len(t) < 3]
        likes = [f"%{t}%" for t in short]
        out: list[int] = []
        if long_terms:
            match = " OR ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
            if short:
                bonus = " + ".join(["(+body LIKE ?)"] * len(short))
                sql = (
                    f"SELECT rowid FROM passages WHERE passages MATCH ? "
                    f"ORDER BY ({bonus}) DESC, bm25(passages) LIMIT ?"
                )
                params: list[Any] = [match, *likes, limit]
            else:
                sql = (
                    "SELECT rowid FROM passages WHERE passages MATCH ? "
                    "ORDER BY bm25(passages) LIMIT ?"
                )
                params = [match, limit]
            out = [r[0] for r in self._conn.execute(sql, params)]
        if short and len(out) < limit:
            # "+body": keep the LIKE out of FTS5's hands (see the class docstring).
            where = " OR ".join(["+body LIKE ?"] * len(short))
            order = " + ".join(["(+body LIKE ?)"] * len(short))
            seen = set(out)
            sql = f"SELECT rowid FROM passages WHERE {where} ORDER BY ({order}) DESC, rowid LIMIT ?"
            for (rowid,) in self._conn.execute(sql, [*likes, *likes, limit + len(out)]):
                if rowid not in seen:
                    out.append(rowid)
                    if len(out) >= limit:
                        break
        return out

    def size_bytes(self) -> int:
        if self._path is None:
            return 0
        return sum(
            Path(str(self._path) + s).stat().st_size
            for s in ("", "-wal", "-shm", "-journal")
            if Path(str(self._path) + s).is_file()
        )

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn = None


# --------------------------------------------------------------------------- tantivy

_ALNUM_RUN = re.compile(r"[^\W_]+")


class TantivyJieba:
    name = "tantivy"
    HEAP_BYTES = 256_000_000

    def __init__(self) -> None:
        self._index: Any = None
        self._searcher: Any = None
        self._dir: Path | None = None

    @staticmethod
    def segment(text: str) -> str:
        import jieba

        return " ".join(jieba.lcut_for_search(text))

    @staticmethod
    def _schema() -> Any:
        import tantivy

        sb = tantivy.SchemaBuilder()
        sb.add_unsigned_field("pid", stored=False, indexed=False, fast=True)
        sb.add_text_field("body", stored=False, tokenizer_name="default")
        return sb.build()

    def build(
        self, passages: Sequence[tuple[int, str]], workdir: Path, *, progress: Progress = None
    ) -> None:
        import tantivy

        _quiet_jieba()
        workdir = Path(workdir)
        workdir.mkdir(parents=True, exist_ok=True)
        index = tantivy.Index(self._schema(), path=str(workdir), reuse=False)
        writer = index.writer(heap_size=self.HEAP_BYTES)
        for n, (pid, text) in enumerate(passages, 1):
            doc = tantivy.Document()
            # Document(pid=...) would store a Python int as i64 and panic on a u64 field.
            doc.add_unsigned("pid", pid)
            doc.add_text("body", self.segment(text))
            writer.add_document(doc)
            _every(progress, n)
        log.info("tantivy: committing %d passages", len(passages))
        writer.commit()
        writer.wait_merging_threads()
        del writer
        self.open(workdir)

    def open(self, workdir: Path) -> None:
        import tantivy

        _quiet_jieba()
        self._dir = Path(workdir)
        self._index = tantivy.Index.open(str(workdir))
        self._index.reload()
        self._searcher = self._index.searcher()

    def search(self, query: str, limit: int) -> list[int]:
        import jieba

        tokens: dict[str, None] = {}
        for tok in jieba.lcut_for_search(query):
            for part in _ALNUM_RUN.findall(tok.lower()):
                tokens.setdefault(part, None)
        if not tokens:
            return []
        q = self._index.parse_query(" ".join(tokens), ["body"])
        hits = self._searcher.search(q, limit, count=False).hits
        if not hits:
            return []
        return [int(v) for v in self._searcher.fast_field_values("pid", [a for _, a in hits])]

    def size_bytes(self) -> int:
        return dir_size(self._dir) if self._dir else 0

    def close(self) -> None:
        self._searcher = self._index = None


BASELINES: dict[str, type] = {
    "whoosh": WhooshJieba,
    "fts5": Fts5Trigram,
    "tantivy": TantivyJieba,
}


def make_baseline(name: str) -> Baseline:
    return BASELINES[name]()


# --------------------------------------------------------------------------- our engine

STUB_ENV = "BENCH_OURS_STUB"


class EngineNotReady(RuntimeError):
    """``bot.library.Engine`` is still the interface stub."""


def load_engine(stub: bool | None = None) -> Any:
    """The class to use as "ours": ``bot.library.Engine``, or :class:`StubEngine`.

    ``stub=None`` reads the ``BENCH_OURS_STUB`` environment variable.
    """
    if stub is None:
        stub = os.environ.get(STUB_ENV, "") not in ("", "0", "false", "no")
    if stub:
        log.warning("using StubEngine as 'ours' (%s=1): numbers are NOT our engine's", STUB_ENV)
        return StubEngine
    from bot.library import Engine

    return Engine


def open_engine(engine_cls: Any, corpus_dir: Path, data_dir: Path, **kwargs: Any) -> Any:
    """``engine_cls.open(Settings(corpus_dir=..., data_dir=...))`` with a clear error
    when the engine is not implemented yet."""
    from bot.config import Settings

    settings = Settings(corpus_dir=Path(corpus_dir), data_dir=Path(data_dir))
    params = inspect.signature(engine_cls.open).parameters
    kwargs = {k: v for k, v in kwargs.items() if k in params}  # e.g. progress=, if supported
    try:
        return engine_cls.open(settings, **kwargs)
    except NotImplementedError as exc:
        raise EngineNotReady(
            "bot.library.Engine is not implemented yet; "
            f"run with --ours-stub (or {STUB_ENV}=1) to exercise the harness"
        ) from exc


def export_passages(engine: Any, path: Path) -> int:
    """Write ``engine.passages()`` as JSON lines ``{"doc_id", "filename", "ordinal", "text"}``;
    the line number (0-based) is the passage id the baselines index. Returns the count."""
    names = {d.doc_id: d.filename for d in engine.documents()}
    n = 0
    tmp = Path(str(path) + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for p in engine.passages():
            rec = {
                "doc_id": p.doc_id,
                "filename": names.get(p.doc_id, p.doc_id),
                "ordinal": p.ordinal,
                "text": p.text,
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    tmp.replace(path)
    return n


def read_passages(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


class StubEngine:
    """TEMPORARY stand-in for ``bot.library.Engine`` so the harness can be run
    before the engine exists. Passages are the non-empty lines of each file; the index
    is a :class:`TantivyJieba` under ``data_dir/index``; no corrections. Delete when
    the engine lands."""

    def __init__(self, settings: Any, docs: list[Any], passages: list[Any], index: Any):
        self.settings = settings
        self._docs = docs
        self._passages = passages
        self._index = index

    @classmethod
    def open(cls, settings: Any, *, refresh: bool = True) -> StubEngine:
        from bench.corpora import fallback_passages
        from bot.models import Passage

        index_dir = Path(settings.data_dir) / "index"
        meta = index_dir / "stub_passages.json"
        if refresh or not meta.is_file():
            rows = [[f, o, t] for f, o, t in fallback_passages(settings.corpus_dir)]
            stale = not meta.is_file() or json.loads(meta.read_text("utf-8")) != rows
        else:
            rows, stale = json.loads(meta.read_text("utf-8")), False
        index = TantivyJieba()
        if stale:
            index.build([(i, r[2]) for i, r in enumerate(rows)], index_dir / "tantivy")
            meta.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
        else:
            index.open(index_dir / "tantivy")
        passages = [Passage(doc_id=f, ordinal=o, text=t, start=0) for f, o, t in rows]
        docs = [SimpleNamespace(doc_id=f, filename=f) for f in dict.fromkeys(r[0] for r in rows)]
        return cls(settings, docs, passages, index)

    def search(self, query: str, *, page: int = 1, page_size: int | None = None, **_: Any):
        from bot.models import SearchHit, SearchResponse

        size = page_size or 5
        ids = self._index.search(query, page * size)[(page - 1) * size :]
        hits = tuple(
            SearchHit(
                doc_id=p.doc_id,
                filename=p.doc_id,
                title=p.doc_id,
                section=(),
                passage_ordinal=p.ordinal,
                text=p.text,
                snippet=p.text[:120],
                highlights=(),
                score=0.0,
            )
            for p in (self._passages[i] for i in ids)
        )
        return SearchResponse(query=query, hits=hits, total=len(hits), page=page, page_size=size)

    def documents(self) -> list[Any]:
        return list(self._docs)

    def passages(self) -> Iterator[Any]:
        return iter(self._passages)


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0
