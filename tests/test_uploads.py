"""Documents sent to the bot: checks, storing, indexing, replacing, removing, threads.

Each test gets a private copy of a small corpus (two bundled documents) and of its
already built index, so no test pays for indexing the corpus.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import threading
import time
import zipfile
from pathlib import Path

import docx
import pytest

from bot.corpus import uploads
from bot.library import DocumentNotFound, Engine
from bot.search import indexer as indexer_module
from handlers.i18n.errors import error_text
from tests.conftest import BUNDLED_CORPUS
from tests.e2e import build_template, engine_copy
from tests.test_corpus_reader import make_cjk_pdf

SMALL_CORPUS = ("000_10656742f57a4244.txt", "003_b51e96c497ba4061.txt")
MAX_FILE_MB = 0.1  # ~105 KB: small enough to test the limit cheaply

LINES = [
    "测试市2025年政府工作报告",
    "一、2025年主要目标",
    "全市地区生产总值增长6%左右，{word}产业规模达到100亿元。",
    "城镇新增就业3万人以上，居民消费价格涨幅3%左右。",
    "二、2024年工作回顾",
    "全市地区生产总值增长5.2%，一般公共预算收入增长4.1%。",
]


def lines(word: str) -> list[str]:
    return [line.format(word=word) for line in LINES]


def markdown(word: str) -> str:
    ls = lines(word)
    return f"# {ls[0]}\n\n## {ls[1]}\n\n{ls[2]}\n\n{ls[3]}\n\n## {ls[4]}\n\n{ls[5]}\n"


def docx_bytes(word: str) -> bytes:
    document = docx.Document()
    ls = lines(word)
    document.add_heading(ls[0], level=0)
    document.add_heading(ls[1], level=1)
    document.add_paragraph(ls[2])
    document.add_paragraph(ls[3])
    document.add_heading(ls[4], level=1)
    document.add_paragraph(ls[5])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("报告.txt", markdown("量子通信"))
    return buffer.getvalue()


# -- fixtures ----------------------------------------------------------------------------------
# ``tokenizer``: tests/e2e.py
@pytest.fixture(scope="module")
def template(tmp_path_factory, tokenizer) -> Path:
    root = tmp_path_factory.mktemp("uploads-template")
    return build_template(root, BUNDLED_CORPUS, tokenizer, SMALL_CORPUS)


@pytest.fixture
def engine(template, tmp_path, tokenizer) -> Engine:
    return engine_copy(template, tmp_path, tokenizer, max_file_mb=MAX_FILE_MB)


def snapshot(engine: Engine) -> dict:
    """Everything an upload may touch on disk, and what the engine serves."""
    settings = engine.settings
    index = settings.index_dir
    staging = uploads.staging_root(settings.data_dir)
    return {
        "corpus": sorted(
            (p.relative_to(settings.corpus_dir).as_posix(), p.read_bytes())
            for p in settings.corpus_dir.rglob("*")
            if p.is_file()
        ),
        "caches": sorted(p.name for p in (index / "docs").iterdir()),
        "index": sorted(p.name for p in index.iterdir()),
        "manifest": json.loads((index / "manifest.json").read_text(encoding="utf-8"))["files"],
        "compiled": [
            d["sha256"] for d in json.loads((index / "compiled/meta.json").read_text())["docs"]
        ],
        "docs": [(d.doc_id, d.sha256) for d in engine.documents()],
        "staging": sorted(p.name for p in staging.iterdir()) if staging.exists() else [],
    }


def found_in(engine: Engine, word: str) -> set[str]:
    return {h.filename for h in engine.search(word, correct=False, page_size=50).hits}


# -- every supported type ----------------------------------------------------------------------
TYPES = {
    "utf8.txt": lambda w: markdown(w).encode("utf-8"),
    "gb18030.txt": lambda w: markdown(w).encode("gb18030"),
    "report.md": lambda w: markdown(w).encode("utf-8"),
    "report.docx": docx_bytes,
    "report.pdf": lambda w: make_cjk_pdf(lines(w)),
}


@pytest.mark.parametrize("name", TYPES)
def test_each_supported_type_is_stored_indexed_and_counted(engine, name):
    data = TYPES[name]("量子通信")
    before = len(engine.documents())
    result = engine.add_upload(name, data)
    assert result.status == "added" and result.ok and not result.reason
    assert (engine.settings.corpus_dir / name).read_bytes() == data
    info = engine.find_document(name)
    assert result.doc == info and info.size == len(data)
    assert len(engine.documents()) == before + 1
    assert result.passages > 0 and result.passages == info.passages
    every = engine.targets(doc=info.doc_id)
    key = engine.targets(doc=info.doc_id, kind="target")
    assert result.targets > 0 and result.targets == len(every)
    assert result.key_targets == len(key) > 0
    assert list(result.first_targets) == [t.record for t in key][: len(result.first_targets)]
    assert {r.indicator for r in result.first_targets} >= {"地区生产总值"}
    assert found_in(engine, "量子通信") >= {name}
    assert snapshot(engine)["staging"] == []


def test_encoding_is_detected_for_gb18030(engine):
    result = engine.add_upload("gbk.txt", markdown("量子通信").encode("gb18030"))
    assert result.doc is not None and result.doc.encoding == "gb18030"


# -- duplicates and new versions ---------------------------------------------------------------
def test_same_content_under_another_name_is_a_duplicate(engine):
    data = (BUNDLED_CORPUS / SMALL_CORPUS[0]).read_bytes()
    before = snapshot(engine)
    result = engine.add_upload("another name.txt", data)
    assert result.status == "duplicate" and not result.ok
    assert result.existing is not None and result.existing.filename == SMALL_CORPUS[0]
    assert SMALL_CORPUS[0] in result.reason and "Same content" in result.reason
    assert "相同" in error_text(result, "zh") and SMALL_CORPUS[0] in error_text(result, "zh")
    assert snapshot(engine) == before


def test_new_version_needs_confirmation_then_replaces(engine):
    first = engine.add_upload("report.md", markdown("量子通信").encode())
    assert first.status == "added"
    newer = markdown("低空经济").encode()
    before = snapshot(engine)
    asked = engine.add_upload("report.md", newer)
    assert asked.status == "needs_confirmation"
    assert asked.existing == first.doc and "report.md" in asked.reason
    assert snapshot(engine) == before  # nothing changes until confirmed
    replaced = engine.add_upload("report.md", newer, replace=True)
    assert replaced.status == "replaced" and replaced.existing == first.doc
    assert replaced.doc is not None and replaced.doc.doc_id == first.doc.doc_id
    assert (engine.settings.corpus_dir / "report.md").read_bytes() == newer
    assert "report.md" not in found_in(engine, "量子通信")
    assert "report.md" in found_in(engine, "低空经济")
    assert "低空经济" in engine.document("report.md").text
    assert len(engine.documents()) == len(SMALL_CORPUS) + 1
    assert not [p for p in engine.settings.corpus_dir.iterdir() if p.name.startswith(".")]


def test_replacing_a_file_keeps_its_sidecar(engine):
    corpus = engine.settings.corpus_dir
    engine.add_upload("report.md", markdown("量子通信").encode())
    (corpus / "report.md.meta.toml").write_text('region = "大连"\n', encoding="utf-8")
    engine.refresh()
    result = engine.add_upload("report.md", markdown("低空经济").encode(), replace=True)
    assert result.status == "replaced" and result.doc.region == "大连"


# -- refusals ----------------------------------------------------------------------------------
def _blank_docx() -> bytes:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def tar_bytes() -> bytes:
    import tarfile

    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        data = markdown("量子通信").encode()
        info = tarfile.TarInfo("报告.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


REFUSED = {
    "empty": ("empty.txt", b"", "empty"),
    "whitespace": ("blank.md", b"  \n\n \t\n", "unreadable"),
    "oversize": ("big.txt", "政策".encode() * 20_000, "size"),
    "png-as-txt": ("picture.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
    "png": ("picture.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "type"),
    "nul-bytes": ("data.txt", b"abc\x00\x01\x02" * 50, "unreadable"),
    "undecodable": ("odd.txt", bytes(range(0x80, 0x100)) * 20, "unreadable"),
    "bad-utf16": ("bad16.txt", b"\xff\xfe" + b"\x00\xd8" * 10, "unreadable"),
    "zip": ("docs.zip", zip_bytes(), "archive"),
    "tar.gz": ("docs.tar.gz", gzip.compress(tar_bytes()), "archive"),
    "gzip-as-txt": ("docs.txt", gzip.compress(markdown("x").encode()), "archive"),
    "tar-as-md": ("docs.md", tar_bytes(), "archive"),
    "zip-as-docx": ("report.docx", zip_bytes(), "archive"),
    "text-as-docx": ("report.docx", markdown("量子通信").encode(), "unreadable"),
    "empty-docx": ("blank.docx", _blank_docx(), "unreadable"),
    "text-as-pdf": ("report.pdf", markdown("量子通信").encode(), "binary"),
    "scanned-pdf": ("scan.pdf", make_cjk_pdf([]), "unreadable"),
    "english-only": (
        "notes.txt",
        b"Annual report of the city government. GDP grew by 5.2 percent in the year.\n" * 5,
        "no_chinese",
    ),
    "chart-only-pdf": (
        "chart.pdf",
        make_cjk_pdf(["2019 2020 2021 2022", "4012.5 4388.1 4701.3 5020.8", "单位：亿元"]),
        "no_chinese",
    ),
    "exe": ("setup.exe", b"MZ\x90\x00" + bytes(100), "type"),
    # no extension: read by its content (user-trial16), here a text with no Chinese
    "no-extension": ("README", b"hello", "no_chinese"),
    "no-extension-image": ("photo", b"\x89PNG\r\n\x1a\n" + bytes(100), "binary"),
    "sidecar": ("a.txt.meta.toml", b'title = "x"\n', "type"),
    "traversal": ("../evil.txt", markdown("量子通信").encode(), "name"),
    "dotdot-only": ("..", b"x", "name"),
    "separator": ("sub/evil.txt", markdown("量子通信").encode(), "name"),
    "backslash": ("..\\evil.txt", markdown("量子通信").encode(), "name"),
    "absolute": ("/etc/evil.txt", markdown("量子通信").encode(), "name"),
    "hidden": (".hidden.txt", markdown("量子通信").encode(), "name"),
    "office-lock": ("~$report.docx", docx_bytes("量子通信"), "name"),
    "control-char": ("a\nb.txt", markdown("量子通信").encode(), "name"),
    "too-long": ("长" * 80 + ".txt", markdown("量子通信").encode(), "name"),
    "no-name": (None, markdown("量子通信").encode(), "name"),
    # a PDF or a Word document under a text name: said as what it is (below)
    "pdf-named-txt": ("report.txt", make_cjk_pdf(["全市地区生产总值增长6%左右"]), "binary"),
    "docx-named-md": ("plan.md", docx_bytes("量子通信"), "binary"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_bad_uploads_are_refused_and_leave_nothing_behind(engine, case):
    name, data, code = REFUSED[case]
    before = snapshot(engine)
    result = engine.add_upload(name, data)
    assert result.status == "refused" and not result.ok, result
    assert result.code == code, result.reason
    # The core says why in English (logs) and by a code the Telegram layer translates.
    assert result.reason[:1].isupper() and result.reason[:1].isascii()
    zh, en = error_text(result, "zh"), error_text(result, "en")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh) and "\n" not in zh
    assert en[:1].isupper() and not any("\u4e00" <= ch <= "\u9fff" for ch in en)
    assert result.doc is None and result.passages == 0
    assert snapshot(engine) == before
    assert not (engine.settings.corpus_dir.parent / "evil.txt").exists()


def test_refusal_messages_say_what_is_wrong(engine):
    big = engine.add_upload("big.txt", "政策".encode() * 20_000)
    assert "the limit is 102 KB" in big.reason
    assert "（117 KB），上限为 102 KB" in error_text(big, "zh")
    assert "(117 KB); the limit is 102 KB" in error_text(big, "en")
    assert uploads._mb(20 * 1_048_576) == "20 MB" and uploads._mb(25.34 * 1_048_576) == "25.3 MB"
    assert "压缩包" in error_text(engine.add_upload("docs.zip", zip_bytes()), "zh")
    assert ".exe" in error_text(engine.add_upload("setup.exe", b"MZ"), "zh")
    scan = engine.add_upload("scan.pdf", make_cjk_pdf([]))
    assert scan.message_code == "reader.no_text_layer" and "scanned PDF" in scan.reason
    assert "扫描件" in error_text(scan, "zh") and "a scan?" in error_text(scan, "en")


def test_a_pdf_or_word_file_under_a_text_name_is_told_the_name_that_reads_it(engine):
    """It was told "not a text document (PDF), send a .txt text file" or, a .docx being a
    zip, that archives are not accepted: the sender was sent the wrong way."""
    for name, data, renamed in (
        ("2025年报告.txt", make_cjk_pdf(["全市地区生产总值增长6%左右"]), "2025年报告.pdf"),
        ("纲要.md", docx_bytes("量子通信"), "纲要.docx"),
    ):
        result = engine.add_upload(name, data)
        assert result.message_code == "upload.misnamed", result.reason
        assert result.params["name"] == renamed
        assert f"请改名为 {renamed}" in error_text(result, "zh")
        assert f"rename it {renamed}" in error_text(result, "en")
    # a text that mentions a PDF's header further on is a text
    text = markdown("量子通信") + "\n附件格式：%PDF-1.4\n"
    assert engine.add_upload("说明.txt", text.encode()).ok


@pytest.mark.parametrize(
    "name", ["报告.txt", "2024 政府工作报告 (终稿).docx", "x" * 196 + ".pdf", "Report.TXT"]
)
def test_ordinary_names_are_accepted_as_they_are(name):
    assert uploads.check_name(name) == name
    assert uploads.check_name(f"  {name}\t") == name  # surrounding blanks are dropped


def test_names_with_two_dots_are_refused_even_mid_name():
    # Never a path component here, but refusing is simpler to reason about.
    with pytest.raises(uploads.UploadRefused):
        uploads.check_name("a..b.md")


def test_a_file_the_indexer_passes_over_is_rolled_back(engine):
    """A broken sidecar waiting in the corpus makes the refresh skip the upload."""
    corpus = engine.settings.corpus_dir
    (corpus / "report.md.meta.toml").write_text("title = [unclosed", encoding="utf-8")
    before = snapshot(engine)
    result = engine.add_upload("report.md", markdown("量子通信").encode())
    assert result.status == "refused" and "report.md.meta.toml" in result.reason
    assert snapshot(engine) == before


# -- failures while indexing -------------------------------------------------------------------
def _boom(*args, **kwargs):
    raise RuntimeError("disk full")


def test_failure_while_indexing_a_new_file_restores_everything(engine, monkeypatch):
    before = snapshot(engine)
    monkeypatch.setattr(indexer_module, "compile_index", _boom)
    with pytest.raises(RuntimeError, match="disk full"):
        engine.add_upload("report.md", markdown("量子通信").encode())
    assert snapshot(engine) == before
    monkeypatch.undo()
    assert engine.add_upload("report.md", markdown("量子通信").encode()).status == "added"


def test_failure_while_replacing_restores_the_old_version(engine, monkeypatch, tokenizer):
    old = markdown("量子通信").encode()
    engine.add_upload("report.md", old)
    before = snapshot(engine)
    monkeypatch.setattr(indexer_module, "compile_index", _boom)
    with pytest.raises(RuntimeError):
        engine.add_upload("report.md", markdown("低空经济").encode(), replace=True)
    monkeypatch.undo()
    after = snapshot(engine)
    assert after["corpus"] == before["corpus"] and after["docs"] == before["docs"]
    assert after["staging"] == [] and after["compiled"] == before["compiled"]
    assert "report.md" in found_in(engine, "量子通信")
    # A fresh engine (as after a restart) serves the old version, text included.
    again = Engine.open(engine.settings, tokenizer=tokenizer)
    assert "量子通信" in again.document("report.md").text
    assert "report.md" not in found_in(again, "低空经济")


def test_failure_before_the_new_version_is_in_place_keeps_the_old_one(engine, monkeypatch):
    engine.add_upload("report.md", markdown("量子通信").encode())
    before = snapshot(engine)

    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "link", refuse)
    monkeypatch.setattr(shutil, "copy2", refuse)
    with pytest.raises(OSError, match="No space"):
        engine.add_upload("report.md", markdown("低空经济").encode(), replace=True)
    monkeypatch.undo()
    assert snapshot(engine) == before


def test_failure_while_removing_puts_the_file_back(engine, monkeypatch):
    engine.add_upload("report.md", markdown("量子通信").encode())
    before = snapshot(engine)
    monkeypatch.setattr(indexer_module, "compile_index", _boom)
    with pytest.raises(RuntimeError):
        engine.remove_document("report.md")
    monkeypatch.undo()
    assert snapshot(engine)["corpus"] == before["corpus"]
    assert engine.find_document("report.md")


# -- removing ----------------------------------------------------------------------------------
def test_remove_document_deletes_file_sidecar_index_entry_and_targets(engine):
    corpus = engine.settings.corpus_dir
    added = engine.add_upload("report.md", markdown("量子通信").encode()).doc
    (corpus / "report.md.meta.toml").write_text('region = "大连"\n', encoding="utf-8")
    engine.refresh()
    removed = engine.remove_document(added.doc_id)
    assert removed.doc_id == added.doc_id
    assert not (corpus / "report.md").exists()
    assert not (corpus / "report.md.meta.toml").exists()
    assert [p.name for p in corpus.iterdir() if p.name.startswith(".")] == []
    assert all(d.doc_id != added.doc_id for d in engine.documents())
    assert "report.md" not in found_in(engine, "量子通信")
    with pytest.raises(DocumentNotFound):
        engine.targets(doc=added.doc_id)
    assert not list((engine.settings.index_dir / "docs").glob(f"{added.doc_id}.*"))
    with pytest.raises(DocumentNotFound):
        engine.remove_document(added.doc_id)
    with pytest.raises(DocumentNotFound):
        engine.remove_document("0")  # ambiguous: both bundled files start with 0


# -- threads -----------------------------------------------------------------------------------
def test_old_state_keeps_answering_after_an_off_thread_upload_until_reopen(engine):
    searcher = engine.searcher
    before = engine.search("乡村振兴", page_size=50)
    # the corrector's lexicon was read with the searcher, from the index it serves
    assert "lexicon" in vars(searcher)
    lexicon = searcher.lexicon
    doc = engine.document(SMALL_CORPUS[0])
    compiled = engine.settings.index_dir / "compiled"
    inode = compiled.stat().st_ino
    out = {}
    worker = threading.Thread(
        target=lambda: out.setdefault(
            "r", engine.add_upload("report.md", markdown("量子通信").encode(), reopen=False)
        )
    )
    worker.start()
    worker.join()
    result = out["r"]
    assert result.status == "added" and result.update is not None
    # On disk the compiled folder was swapped: the old one (whose files the current
    # index maps) is deleted; the engine still serves it, unchanged.
    assert compiled.stat().st_ino != inode
    assert not (engine.settings.index_dir / "compiled.old").exists()
    assert engine.searcher is searcher
    assert engine.search("乡村振兴", page_size=50) == before
    assert engine.search("乡村振星").corrections
    assert searcher.lexicon is lexicon  # not read again from the swapped folder
    assert engine.document(SMALL_CORPUS[0]) == doc
    assert "report.md" not in found_in(engine, "量子通信")
    assert engine.reopen(result.update) is True
    assert engine.searcher is not searcher
    assert "report.md" in found_in(engine, "量子通信")
    assert engine.search("乡村振兴", page_size=50).total == before.total
    assert engine.reopen(result.update) is False  # already served


def test_an_off_thread_removal_is_invisible_until_reopen(engine):
    engine.add_upload("report.md", markdown("量子通信").encode())
    worker = threading.Thread(
        target=engine.remove_document, args=("report.md",), kwargs={"reopen": False}
    )
    worker.start()
    worker.join()
    assert "report.md" in found_in(engine, "量子通信")  # searches use the mapped index
    with pytest.raises(DocumentNotFound, match="removed"):
        engine.document("report.md")  # its cached text is gone: a clean "not found"
    assert engine.reopen() is True  # no argument: the newest prepared update
    assert "report.md" not in found_in(engine, "量子通信")


def test_searches_run_while_an_upload_is_indexed(engine):
    data = (BUNDLED_CORPUS / "002_39fe39f33e5ccbaa.txt").read_bytes()  # 54 KB
    engine.search("乡村振星")
    done = threading.Event()
    errors: list[BaseException] = []

    def upload() -> None:
        try:
            engine.add_upload("big.txt", data, reopen=False)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            done.set()

    worker = threading.Thread(target=upload)
    worker.start()
    searches = 0
    while not done.is_set():
        assert engine.search("高质量发展").total > 0
        engine.targets(doc=SMALL_CORPUS[1])
        searches += 1
    worker.join()
    assert not errors
    assert searches > 1  # the core thread was never blocked for the whole upload
    engine.reopen()
    assert engine.find_document("big.txt").size == len(data)


def test_two_uploads_at_once_are_both_indexed(engine, tokenizer):
    barrier = threading.Barrier(2)
    results = {}

    def upload(name: str, word: str) -> None:
        barrier.wait()
        results[name] = engine.add_upload(name, markdown(word).encode(), reopen=False)

    workers = [
        threading.Thread(target=upload, args=("a.md", "量子通信")),
        threading.Thread(target=upload, args=("b.md", "低空经济")),
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert {r.status for r in results.values()} == {"added"}
    older, newer = sorted(results.values(), key=lambda r: r.update.generation)
    assert engine.reopen(newer.update) is True
    assert engine.reopen(older.update) is False  # stale: never goes back in time
    names = {d.filename for d in engine.documents()}
    assert {"a.md", "b.md"} <= names
    assert "a.md" in found_in(engine, "量子通信") and "b.md" in found_in(engine, "低空经济")
    again = Engine.open(engine.settings, tokenizer=tokenizer)
    assert again.last_refresh is None  # the manifest on disk agrees with the corpus
    assert {d.filename for d in again.documents()} == names


def test_same_content_sent_twice_at_once_is_added_once(engine):
    barrier = threading.Barrier(2)
    results = []

    def upload(name: str) -> None:
        barrier.wait()
        results.append(engine.add_upload(name, markdown("量子通信").encode(), reopen=False))

    workers = [threading.Thread(target=upload, args=(n,)) for n in ("a.md", "b.md")]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert sorted(r.status for r in results) == ["added", "duplicate"]
    engine.reopen()
    assert len(engine.documents()) == len(SMALL_CORPUS) + 1


def test_off_thread_rebuild_reports_progress_and_keeps_targets_readable(engine):
    engine.add_upload("report.md", markdown("量子通信").encode())
    targets = engine.targets()
    calls: list[tuple[int, int, str]] = []
    done = threading.Event()
    out = {}

    def rebuild() -> None:
        try:
            out["u"] = engine.prepare_refresh(rebuild=True, progress=lambda *a: calls.append(a))
        finally:
            done.set()

    worker = threading.Thread(target=rebuild)
    worker.start()
    while not done.is_set():
        assert engine.targets() == targets  # caches are replaced, never deleted first
        assert engine.document("report.md").passages
    worker.join()
    total = len(SMALL_CORPUS) + 1
    assert [c[:2] for c in calls] == [(n, total) for n in range(1, total + 1)]
    assert all(isinstance(c[2], str) for c in calls)
    assert out["u"].report.rebuilt and engine.reopen(out["u"])
    assert engine.targets() == targets


# -- staging -----------------------------------------------------------------------------------
def test_stale_staging_leftovers_are_swept(engine):
    root = uploads.staging_root(engine.settings.data_dir)
    stale = root / "up-crashed"
    stale.mkdir(parents=True)
    (stale / "x.txt").write_text("x")
    old = time.time() - 2 * uploads.STALE_STAGING_SECONDS
    os.utime(stale, (old, old))
    fresh = root / "up-current"
    fresh.mkdir()
    engine.add_upload("report.md", markdown("量子通信").encode())
    assert sorted(p.name for p in root.iterdir()) == ["up-current"]


def test_the_compiled_folder_is_swapped_in_with_its_lexicon(engine, monkeypatch):
    """A searcher that loads its lexicon lazily must never find the live folder without one."""
    swapped = []
    real = indexer_module._swap_in

    def checked(new_dir: Path, out_dir: Path) -> None:
        swapped.append((new_dir / "lexicon.json").exists())
        real(new_dir, out_dir)

    monkeypatch.setattr(indexer_module, "_swap_in", checked)
    engine.add_upload("report.md", markdown("量子通信").encode())
    assert swapped == [True]
    assert (engine.settings.index_dir / "compiled" / "lexicon.json").exists()
    assert sorted(p.name for p in engine.settings.index_dir.iterdir() if p.is_dir()) == [
        "compiled",
        "docs",
    ]


def test_runtime_settings_survive_an_update_prepared_before_them(engine):
    """An admin changes results_per_page while an upload is being indexed: the index
    swapped in afterwards must not bring back the old page size."""
    assert engine.search("发展").page_size == engine.settings.results_per_page == 5
    update = engine.prepare_refresh(rebuild=True)  # prepared with the old settings
    changed = engine.settings.model_copy(update={"results_per_page": 2, "fuzzy_threshold": 90})
    assert engine.apply_runtime_settings(changed)
    assert not engine.apply_runtime_settings(changed)  # nothing left to change
    assert engine.search("发展").page_size == 2
    assert engine.reopen(update)
    assert engine.search("发展").page_size == 2
    assert engine.searcher.fuzzy_threshold == 90
    assert engine.settings.corpus_dir == changed.corpus_dir


# -- decompression bombs and oversized documents (issue 14, #2) --------------------------------
def _rezip(data: bytes, extra: dict[str, bytes] | None = None, **replace: bytes) -> bytes:
    """``data`` (a .docx) with parts replaced (``document=`` is word/document.xml) or added."""
    parts = {f"word/{k}.xml": v for k, v in replace.items()}
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            body = parts.pop(info.filename, None)
            dst.writestr(info.filename, body if body is not None else src.read(info))
        for name, body in {**parts, **(extra or {})}.items():
            dst.writestr(name, body, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def docx_bomb(paragraphs: int = 200_000) -> bytes:
    """A small .docx whose body is ``paragraphs`` one-word paragraphs (a high ratio)."""
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "<w:p><w:r><w:t>政策</w:t></w:r></w:p>" * paragraphs
    xml = f'<?xml version="1.0"?><w:document {ns}><w:body>{body}</w:body></w:document>'
    return _rezip(docx_bytes("量子通信"), document=xml.encode())


def test_a_docx_bomb_is_refused_by_its_compression_ratio(engine):
    bomb = docx_bomb()
    assert len(bomb) < MAX_FILE_MB * 1_048_576  # under the size limit
    before = snapshot(engine)
    result = engine.add_upload("bomb.docx", bomb)
    assert result.status == "refused" and result.message_code == "reader.docx_ratio"
    assert "compression ratio" in result.reason and "the limit is 100" in result.reason
    assert "100" in error_text(result, "zh") and "100" in error_text(result, "en")
    assert snapshot(engine) == before


def test_a_docx_with_too_many_entries_is_refused(engine, monkeypatch):
    from bot.corpus import reader

    assert reader.DOCX_MAX_ENTRIES == 1000
    monkeypatch.setattr(reader, "DOCX_MAX_ENTRIES", 40)  # 1,000 entries exceed MAX_FILE_MB
    extra = {f"word/media/image{i}.bin": b"x" for i in range(40)}
    result = engine.add_upload("many.docx", _rezip(docx_bytes("量子通信"), extra))
    assert result.status == "refused" and result.message_code == "reader.docx_entries"
    assert "the limit is 40" in result.reason and "40" in error_text(result, "en")


def test_a_docx_unpacking_too_large_is_refused(engine, monkeypatch):
    from bot.corpus import reader

    plain = docx_bytes("量子通信")
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        unpacked = sum(i.file_size for i in archive.infolist())
    monkeypatch.setattr(reader, "DOCX_MAX_UNPACKED", unpacked + 10 * 1024)
    limit = uploads._mb(unpacked + 10 * 1024)
    extra = {"word/media/image1.bin": os.urandom(20 * 1024)}  # incompressible: ratio ~1
    result = engine.add_upload("big.docx", _rezip(plain, extra))
    assert result.status == "refused" and result.message_code == "reader.docx_too_large"
    assert f"the limit is {limit}" in result.reason and limit in error_text(result, "zh")
    assert engine.add_upload("fine.docx", plain).ok  # an ordinary .docx is under the limit


def test_too_many_passages_are_refused_for_uploads_and_ingest(engine, monkeypatch, tmp_path):
    from bot.corpus import loader

    monkeypatch.setattr(loader, "MAX_PASSAGES", 50)
    text = "\n\n".join(f"第{i}条：推进量子通信建设。" for i in range(60)).encode()
    result = engine.add_upload("long.txt", text)
    assert result.status == "refused" and result.message_code == "reader.too_many_passages"
    assert "60 passages" in result.reason and "the limit is 50" in result.reason
    assert "50" in error_text(result, "zh") and "50" in error_text(result, "en")
    path = tmp_path / "long.txt"
    path.write_bytes(text)
    report = engine.ingest([path])
    assert report.copied == () and "the limit is 50" in report.skipped[0].reason


def test_ingest_refuses_a_docx_bomb_and_names_the_limit(engine, tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(docx_bomb())
    report = engine.ingest([path])
    assert report.copied == ()
    assert "compression ratio" in report.skipped[0].reason
    assert not (engine.settings.corpus_dir / "bomb.docx").exists()


def test_a_docx_of_too_many_paragraphs_stops_while_it_is_read(engine, monkeypatch, tmp_path):
    """Under every zip limit, a .docx of many short paragraphs is refused while python-docx
    reads it (not after extracting and cutting everything)."""
    from bot.corpus import loader, reader

    monkeypatch.setattr(reader, "DOCX_MAX_PARAGRAPHS", 50)

    def not_reached(*args, **kwargs):
        raise AssertionError("the text was cut into passages")

    monkeypatch.setattr(loader, "split_passages", not_reached)
    document = docx.Document()
    for i in range(60):
        document.add_paragraph(f"第{i}条：推进量子通信建设。")
    buffer = io.BytesIO()
    document.save(buffer)
    result = engine.add_upload("many.docx", buffer.getvalue())
    assert result.status == "refused" and result.message_code == "reader.too_many_passages"
    assert "the limit is 50" in result.reason and "50" in error_text(result, "en")
    path = tmp_path / "many.docx"
    path.write_bytes(buffer.getvalue())
    assert "the limit is 50" in engine.ingest([path]).skipped[0].reason


class _Ticks:
    """A clock that moves one second each time it is read."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def _docx_of(word: str) -> bytes:
    document = docx.Document()
    for line in lines(word):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("report.pdf", lambda: make_cjk_pdf(lines("量子通信"))),
        ("report.docx", lambda: _docx_of("量子通信")),
        ("report.txt", lambda: "\n\n".join(lines("量子通信")).encode()),
    ],
)
def test_a_document_over_the_extraction_time_is_refused_naming_the_limit(
    engine, monkeypatch, name, make
):
    """Issue 14: extraction time is bounded for .pdf, .docx and text alike, checked
    inside the loops (per page, paragraph); a clock that moves 1 s a look runs out."""
    from bot.corpus import reader

    monkeypatch.setattr(reader, "EXTRACT_SECONDS", 0.5)
    monkeypatch.setattr(reader, "_clock", _Ticks())
    result = engine.add_upload(name, make())
    assert result.status == "refused" and result.message_code == "reader.extraction_time"
    assert "the limit is 0.5 s" in result.reason
    assert "0.5 s" in error_text(result, "zh") and "0.5 s" in error_text(result, "en")
    monkeypatch.setattr(reader, "EXTRACT_SECONDS", 120.0)
    assert engine.add_upload(name, make()).status == "added"


def test_a_pdf_of_too_many_pages_is_refused_before_its_text_is_extracted(engine, monkeypatch):
    from bot.corpus import reader

    monkeypatch.setattr(reader, "PDF_MAX_PAGES", 0)
    result = engine.add_upload("report.pdf", make_cjk_pdf(lines("量子通信")))
    assert result.status == "refused" and result.message_code == "reader.pdf_pages"
    assert "1 pages, the limit is 0" in result.reason
    assert "0" in error_text(result, "zh") and "0" in error_text(result, "en")


# -- a document must read as Chinese -----------------------------------------------------------
def test_the_share_of_han_characters_decides_both_ways():
    """At least MIN_HAN_CHARS Han characters and MIN_HAN_SHARE of the visible text."""
    prose = "全年新增城镇就业人数保持稳定，居民收入与经济增长基本同步。"
    uploads.check_chinese(prose, ".txt")  # ordinary Chinese prose
    # a table of figures under row labels is still Chinese
    table = "工业增加值 1234.5 6.1\n固定资产投资 2345.6 4.3\n社会消费品零售总额 3456.7 5.0"
    uploads.check_chinese(table, ".pdf")
    # an English text with a Chinese title and a few Chinese words is not
    english = "城市工作报告 The city's economy grew steadily; employment stayed stable. " * 3
    with pytest.raises(uploads.UploadRefused) as refused:
        uploads.check_chinese(english, ".txt")
    assert refused.value.code == "no_chinese"
    assert refused.value.message_code == "intake.no_chinese"
    # too few Han characters, whatever their share
    with pytest.raises(uploads.UploadRefused):
        uploads.check_chinese("单位：亿元", ".md")
    # the boundaries, just met and just missed
    han = "经" * uploads.MIN_HAN_CHARS
    uploads.check_chinese(han, ".txt")
    with pytest.raises(uploads.UploadRefused):
        uploads.check_chinese(han[1:], ".txt")
    other = round(uploads.MIN_HAN_CHARS * 2 * (1 - uploads.MIN_HAN_SHARE) / uploads.MIN_HAN_SHARE)
    uploads.check_chinese("经" * uploads.MIN_HAN_CHARS * 2 + "1" * other, ".txt")
    with pytest.raises(uploads.UploadRefused):
        uploads.check_chinese("经" * uploads.MIN_HAN_CHARS * 2 + "1" * (other + 1), ".txt")


def test_a_pdf_without_chinese_text_says_ocr_is_needed(engine):
    # a caption of 15 Han characters over the figures of a chart: too small a share
    chart = make_cjk_pdf(
        [
            "图1 2019-2023年全市地区生产总值及增长速度",
            "2019 2020 2021 2022 2023",
            "4012.5 4388.1 4701.3 5020.8 5377.6",
            "6.1 5.8 4.9 5.3 5.6",
        ]
    )
    before = snapshot(engine)
    result = engine.add_upload("chart.pdf", chart)
    assert result.status == "refused" and result.code == "no_chinese"
    assert result.message_code == "intake.no_chinese_pdf"
    assert "No Chinese text could be read" in result.reason and "OCR" in result.reason
    assert "OCR" in error_text(result, "en") and "No Chinese text" in error_text(result, "en")
    zh = error_text(result, "zh")
    assert "中文" in zh and "扫描件" in zh and "OCR" in zh
    assert snapshot(engine) == before


def test_an_english_file_is_refused_and_a_chinese_one_still_added(engine):
    english = b"Policy notes\n\nThe province will support private firms and cut fees.\n"
    result = engine.add_upload("notes.md", english)
    assert result.status == "refused" and result.message_code == "intake.no_chinese"
    assert "中文" in error_text(result, "zh")
    assert engine.add_upload("notes.md", markdown("量子通信").encode()).status == "added"


# -- briefbot ingest interrupted, or run beside another writer (trial22) ---------------------------
def test_an_ingest_interrupted_mid_copy_leaves_no_cut_file_and_reruns_whole(
    engine, tmp_path, monkeypatch
):
    source = tmp_path / "in" / "new.md"
    source.parent.mkdir()
    source.write_text(markdown("量子通信"), encoding="utf-8")
    real_copyfile = shutil.copyfile

    def cut_short(src, dst, **kwargs):  # Ctrl-C with half the file written
        Path(dst).write_bytes(Path(src).read_bytes()[:40])
        raise KeyboardInterrupt

    monkeypatch.setattr(shutil, "copyfile", cut_short)
    with pytest.raises(KeyboardInterrupt):
        engine.ingest([source])
    corpus = engine.settings.corpus_dir
    assert sorted(p.name for p in corpus.iterdir()) == sorted(SMALL_CORPUS)  # nothing cut
    monkeypatch.setattr(shutil, "copyfile", real_copyfile)
    again = engine.ingest([source])  # the rerun
    assert again.copied == ("new.md",) and not again.skipped
    assert (corpus / "new.md").read_bytes() == source.read_bytes()
    assert engine.search("量子通信").hits[0].filename == "new.md"


def test_two_ingests_of_one_text_at_once_copy_it_once(engine, tmp_path, tokenizer):
    # the second command opened the index before the first one's copy was indexed: it
    # decides against the index on disk, under the writers' lock
    other = Engine.open(engine.settings, tokenizer=tokenizer, refresh=False)
    first, second = tmp_path / "a" / "x.md", tmp_path / "b" / "y.md"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text(markdown("量子通信"), encoding="utf-8")
    assert engine.ingest([first]).copied == ("x.md",)
    late = other.ingest([second])
    assert late.copied == () and late.skipped[0].reason == "same content as x.md"
    assert not (engine.settings.corpus_dir / "y.md").exists()
    assert not late.refresh.skipped  # no unindexed twin left in the corpus folder


def test_an_ingest_says_its_progress_while_it_reads_the_files_given(engine, tmp_path):
    # trial22: a folder of 40 files was read and checked in silence; the bar came with
    # the refresh only
    folder = tmp_path / "batch"
    folder.mkdir()
    for word in ("量子通信", "低空经济"):
        (folder / f"{word}.md").write_text(markdown(word), encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00" * 64)
    calls: list[tuple[int, int, str]] = []
    report = engine.ingest([folder], progress=lambda *call: calls.append(call))
    assert len(report.copied) == 2
    assert calls[:3] == [(1, 3, "bad.txt"), (2, 3, "低空经济.md"), (3, 3, "量子通信.md")]
    assert calls[-1][:2] == (4, 4)  # then the refresh's, over the corpus folder
