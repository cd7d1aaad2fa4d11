"""bot.corpus.loader: ids, discovery and loading whole documents."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import docx
import pytest

from bot.corpus.loader import Discovery, discover, doc_id_for, load_document, relative_posix
from bot.corpus.parse import MetadataError
from bot.corpus.reader import UnreadableDocument
from bot.models import Document
from bot.text.normalize import fold_figures

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
MB = 1024 * 1024


def load(path: Path, root: Path, *, max_bytes: int = MB, chars: int = 400) -> Document:
    return load_document(path, root, max_bytes=max_bytes, passage_max_chars=chars)


# --- ids -----------------------------------------------------------------------------


def test_doc_id_is_sha1_prefix_of_the_posix_relpath() -> None:
    assert (
        doc_id_for("reports/2024/烟台.txt")
        == (hashlib.sha1("reports/2024/烟台.txt".encode()).hexdigest()[:10])
    )
    assert len(doc_id_for("a.txt")) == 10
    assert doc_id_for("a.txt") != doc_id_for("b.txt")
    assert doc_id_for("reports\\2024\\烟台.txt") == doc_id_for("reports/2024/烟台.txt")


def test_relative_posix(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b.txt"
    assert relative_posix(nested, tmp_path) == "a/b.txt"
    assert relative_posix(tmp_path / "a" / ".." / "c.txt", tmp_path) == "c.txt"
    outside = tmp_path.parent / "elsewhere.txt"
    assert relative_posix(outside, tmp_path) == outside.resolve().as_posix()


# --- discovery -----------------------------------------------------------------------


def make_tree(root: Path) -> None:
    files = {
        "b.txt": "正文。",
        "a.md": "# 标题\n\n正文。",
        "sub/c.docx": "",
        "sub/deeper/d.pdf": "",
        "a.md.meta.toml": 'title = "x"',
        ".hidden.txt": "正文。",
        ".git/config.txt": "x",
        "sub/~$c.docx": "lock",
        "x.zip": "PK",
        "sub/y.png": "png",
        "README": "no extension",
    }
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


def test_discover_folders_recursively(tmp_path: Path) -> None:
    make_tree(tmp_path)
    found = discover([tmp_path])
    assert found.files == [
        tmp_path / "a.md",
        tmp_path / "b.txt",
        tmp_path / "sub" / "c.docx",
        tmp_path / "sub" / "deeper" / "d.pdf",
    ]
    assert found.skipped == [
        (tmp_path / "README", "unsupported file type (no extension)"),
        (tmp_path / "sub" / "y.png", "unsupported file type (.png)"),
        (tmp_path / "x.zip", "unsupported file type (.zip)"),
    ]


def test_discover_explicit_files_missing_paths_and_duplicates(tmp_path: Path) -> None:
    make_tree(tmp_path)
    missing = tmp_path / "nope.txt"
    found = discover([tmp_path / "b.txt", missing, tmp_path / "b.txt", tmp_path / "x.zip"])
    assert found == Discovery(
        files=[tmp_path / "b.txt"],
        skipped=[(missing, "not found"), (tmp_path / "x.zip", "unsupported file type (.zip)")],
    )
    # A folder and a file inside it: the file is listed once.
    assert discover([tmp_path, tmp_path / "b.txt"]).files.count(tmp_path / "b.txt") == 1
    # A sidecar named explicitly is reported, not loaded.
    assert discover([tmp_path / "a.md.meta.toml"]).skipped == [
        (tmp_path / "a.md.meta.toml", "metadata sidecar, not a document")
    ]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_discover_reports_broken_links(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    assert discover([tmp_path]).skipped == [
        (tmp_path / "dangling.txt", "not a regular file (broken link?)")
    ]


def test_discover_the_bundled_corpus() -> None:
    found = discover([CORPUS])
    assert [p.name[:3] for p in found.files] == ["000", "001", "002", "003", "004"]
    assert found.skipped == []


# --- load_document -------------------------------------------------------------------


def test_full_width_figures_are_folded_one_for_one() -> None:
    written = "２０２４年地区生产总值增长５．５％左右，ＧＤＰ总量１．２万亿元；第1．项，（一）"
    folded = fold_figures(written)
    assert folded == "2024年地区生产总值增长5.5%左右，GDP总量1.2万亿元；第1．项，（一）"
    assert len(folded) == len(written)
    assert fold_figures("增长5.5%，（一）") == "增长5.5%，（一）"  # Chinese punctuation stays


def test_load_a_corpus_document() -> None:
    path = CORPUS / "004_f9b1766ae33f6aa2.txt"
    doc = load(path, CORPUS)
    raw = path.read_bytes()
    assert doc.doc_id == doc_id_for("004_f9b1766ae33f6aa2.txt")
    assert doc.filename == doc.relpath == "004_f9b1766ae33f6aa2.txt"
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.size == len(raw)
    assert doc.mtime == path.stat().st_mtime
    assert doc.encoding == "utf-8"
    # the text as written, full-width figures as ASCII (6.5％ → 6.5%), one for one
    written = raw.decode("utf-8")
    assert "6.5％" in written and "6.5％" not in doc.text and "6.5%左右" in doc.text
    assert doc.text == fold_figures(written) and len(doc.text) == len(written)
    assert (doc.meta.region, doc.meta.year) == ("烟台", 2024)
    assert doc.title == doc.meta.title
    assert doc.passages and all(p.doc_id == doc.doc_id for p in doc.passages)
    for p in doc.passages:
        assert doc.text[p.start : p.start + len(p.text)] == p.text
        assert len(p.text) <= 400


def test_passage_limit_is_passed_through() -> None:
    path = CORPUS / "004_f9b1766ae33f6aa2.txt"
    short = load(path, CORPUS, chars=100)
    long = load(path, CORPUS, chars=10_000)
    assert max(len(p.text) for p in short.passages) <= 100
    assert len(short.passages) > len(long.passages)


def test_load_gbk_document_in_a_subfolder(tmp_path: Path) -> None:
    text = (
        "各位代表：\n\n一、2023年工作回顾\n\n青岛市全年地区生产总值增长5.9%。青岛港吞吐量创新高。\n"
    )
    path = tmp_path / "reports" / "青岛.txt"
    path.parent.mkdir()
    path.write_bytes(text.encode("gbk"))
    doc = load(path, tmp_path)
    assert doc.relpath == "reports/青岛.txt"
    assert doc.doc_id == doc_id_for("reports/青岛.txt")
    assert doc.encoding == "gb18030"
    assert doc.text == text
    assert doc.sha256 == hashlib.sha256(text.encode("gbk")).hexdigest()
    assert doc.meta.region == "青岛"
    assert doc.meta.year == 2023
    assert [p.section for p in doc.passages] == [(), ("一、2023年工作回顾",)]


def test_same_path_keeps_its_id_when_content_changes(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("第一版。", encoding="utf-8")
    first = load(path, tmp_path)
    path.write_text("第二版，内容不同。", encoding="utf-8")
    second = load(path, tmp_path)
    assert first.doc_id == second.doc_id
    assert first.sha256 != second.sha256


def test_docx_headings_become_sections(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("一、2023年工作回顾", level=1)
    document.add_paragraph("烟台市全年经济增长。")
    document.add_heading("三、2024年重点工作", level=1)
    document.add_heading("（一）着力建设现代化产业体系", level=2)
    document.add_paragraph("做强优势产业顶梁柱。")
    path = tmp_path / "report.docx"
    document.save(str(path))
    doc = load(path, tmp_path)
    assert doc.encoding == "docx"
    assert [(p.text, p.section) for p in doc.passages] == [
        ("烟台市全年经济增长。", ("一、2023年工作回顾",)),
        ("做强优势产业顶梁柱。", ("三、2024年重点工作", "（一）着力建设现代化产业体系")),
    ]
    assert doc.meta.year == 2024


def test_sidecar_overrides_inferred_meta(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes((CORPUS / "004_f9b1766ae33f6aa2.txt").read_bytes())
    (tmp_path / "report.txt.meta.toml").write_text(
        'title = "2024年烟台市政府工作报告"\nyear = 2024\nregion = "山东烟台"\n'
        'source = "烟台日报"\n',
        encoding="utf-8",
    )
    meta = load(path, tmp_path).meta
    assert meta.title == "2024年烟台市政府工作报告"
    assert meta.region == "山东烟台"
    assert meta.year == 2024
    assert meta.extra == {"source": "烟台日报"}


def test_partial_sidecar_keeps_other_inferred_fields(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes((CORPUS / "003_b51e96c497ba4061.txt").read_bytes())
    (tmp_path / "report.txt.meta.toml").write_text("year = 2022\n", encoding="utf-8")
    meta = load(path, tmp_path).meta
    assert meta.year == 2022
    assert meta.region == "青岛"
    assert meta.title.startswith("全面贯彻党的二十大精神")


def test_bad_sidecar_is_reported_as_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("正文。", encoding="utf-8")
    sidecar = tmp_path / "report.txt.meta.toml"
    sidecar.write_text('title = "unterminated\n', encoding="utf-8")
    with pytest.raises(MetadataError) as info:
        load(path, tmp_path)
    assert isinstance(info.value, UnreadableDocument)  # an indexer catching that reports it
    assert str(info.value).startswith(f"{sidecar}: invalid TOML")


def test_unreadable_documents_raise_with_reason(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("正文。" * 1000, encoding="utf-8")
    with pytest.raises(UnreadableDocument, match="file too large"):
        load(big, tmp_path, max_bytes=1000)
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(UnreadableDocument, match=r"bin\.txt: not a text file \(binary content\)"):
        load(binary, tmp_path)
    with pytest.raises(UnreadableDocument, match="cannot read file"):
        load(tmp_path / "missing.txt", tmp_path)


def test_the_extraction_time_is_checked_per_paragraph(tmp_path: Path, monkeypatch) -> None:
    """Issue 14: reading a document has a time budget (``reader.EXTRACT_SECONDS``),
    checked per paragraph while it is parsed; a clock that moves 1 s a look."""
    from bot.corpus import reader

    ticks = iter(range(1000))
    monkeypatch.setattr(reader, "_clock", lambda: float(next(ticks)))
    monkeypatch.setattr(reader, "EXTRACT_SECONDS", 3.5)
    short = tmp_path / "short.txt"
    short.write_text("第一段。\n\n第二段。", encoding="utf-8")
    # started at 0, paragraphs at 1 and 2, done at 3: within 3.5 s
    assert len(load(short, tmp_path).passages) == 2
    long = tmp_path / "long.txt"
    long.write_text("\n\n".join(f"第{n}段。" for n in range(6)), encoding="utf-8")
    with pytest.raises(UnreadableDocument) as refused:
        load(long, tmp_path)  # started at 4: the fourth paragraph is at 8
    assert refused.value.code == "extraction_time"
    assert refused.value.params == {"limit": "3.5 s"}
    assert "the limit is 3.5 s" in str(refused.value)
