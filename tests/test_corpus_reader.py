"""bot.corpus.reader: encodings, docx/pdf extraction and clear refusals."""

from __future__ import annotations

import codecs
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

import docx
import opencc
import pytest
from pypdf import PdfReader, PdfWriter

from bot.corpus.parse import split_passages
from bot.corpus.reader import (
    SUPPORTED_EXTENSIONS,
    DecodedText,
    UnreadableDocument,
    decode_bytes,
    normalize_newlines,
    read_text,
)

MB = 1024 * 1024
SAMPLE = (
    "各位代表：\n\n"
    "一、2023年工作回顾\n\n"
    "2023年是全面贯彻党的二十大精神的开局之年。全市地区生产总值增长6.5%，"
    "一般公共预算收入增长4.1%。烟台市推动绿色低碳高质量发展取得新成效。\n"
)


def read(path: Path, max_bytes: int = MB) -> DecodedText:
    return read_text(path, max_bytes=max_bytes)


def refusal(path: Path, max_bytes: int = MB) -> str:
    with pytest.raises(UnreadableDocument) as info:
        read_text(path, max_bytes=max_bytes)
    exc = info.value
    # The message always names the file, then says what is wrong.
    assert str(exc) == f"{path}: {exc.reason}"
    assert exc.path == path
    return exc.reason


# --- plain text encodings ------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("gbk"), "gb18030"),  # GB18030 is a superset of GBK
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("utf-16"), "utf-16"),  # Python writes a BOM (little-endian here)
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "gbk", "gb18030", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_text_encodings_are_detected(tmp_path: Path, encoded: bytes, encoding: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(encoded)
    decoded = read(path)
    assert decoded.text == SAMPLE
    assert decoded.encoding == encoding
    assert "\ufeff" not in decoded.text


def test_gb18030_only_characters_survive(tmp_path: Path) -> None:
    # 䶮 (U+4DAE) and the euro sign are not in GBK; GB18030 encodes them in 4/2 bytes.
    text = "䶮是一个汉字，价格为€100。" + SAMPLE
    path = tmp_path / "ext.md"
    path.write_bytes(text.encode("gb18030"))
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    assert read(path) == DecodedText(text, "gb18030")


def test_big5_is_not_mistaken_for_gb18030(tmp_path: Path) -> None:
    # Big5 bytes are valid GB18030 too, but decode to rare characters; the
    # plausibility check hands them to charset-normalizer instead.
    traditional = opencc.OpenCC("s2t").convert(SAMPLE * 3)
    path = tmp_path / "big5.txt"
    path.write_bytes(traditional.encode("big5"))
    decoded = read(path)
    assert decoded.text == traditional
    assert decoded.encoding == "big5"


def test_latin1_text_falls_back_to_charset_normalizer(tmp_path: Path) -> None:
    text = "Le rapport présente les priorités économiques: croissance, emploi, écologie.\n" * 5
    path = tmp_path / "fr.txt"
    path.write_bytes(text.encode("latin-1"))
    decoded = read(path)
    assert decoded.text == text
    assert decoded.encoding not in ("utf-8", "gb18030")


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028"])
def test_newlines_are_normalised(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(SAMPLE.replace("\n", newline).encode("utf-8"))
    text = read(path).text
    assert text == SAMPLE
    assert "\r" not in text


def test_normalize_newlines_drops_only_a_leading_bom() -> None:
    assert normalize_newlines("\ufeffa\r\nb\rc") == "a\nb\nc"
    assert normalize_newlines("a\ufeffb") == "a\ufeffb"


# --- refusals ---------------------------------------------------------------------------


def test_binary_content_with_nul_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert refusal(path) == "not a text file (binary content)"


def test_control_characters_without_nul_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "controls.txt"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 0x41]) * 200)
    assert refusal(path) == "not a text file (binary content)"


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert refusal(path) == "empty file"


def test_whitespace_only_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blank.md"
    path.write_text(" \n\t\r\n\u3000\u3000\n\n", encoding="utf-8")
    assert refusal(path) == "file contains only whitespace"


def test_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(SAMPLE.encode("utf-8") * 100)
    reason = refusal(path, max_bytes=1000)
    assert reason.startswith("file too large")
    assert "limit" in reason
    # The same file under a sufficient limit is fine.
    assert read(path, max_bytes=MB).text.startswith("各位代表")


@pytest.mark.parametrize("name", ["archive.zip", "setup.exe", "chart.png", "README"])
def test_unsupported_types_are_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04 whatever")
    assert refusal(path).startswith("unsupported file type")


def test_supported_extensions_are_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "REPORT.TXT"
    path.write_text(SAMPLE, encoding="utf-8")
    assert read(path).text == SAMPLE
    supported = {".txt", ".md", ".docx", ".pdf", ".html", ".htm", ".mhtml", ".mht"}
    assert supported == set(SUPPORTED_EXTENSIONS)


def test_a_folder_is_not_a_document(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert refusal(folder) == "not a regular file"


# --- docx -----------------------------------------------------------------------------


def make_docx(path: Path) -> None:
    document = docx.Document()
    document.add_heading("2024年政府工作报告", level=0)  # "Title" style
    document.add_paragraph("各位代表：")
    document.add_heading("一、2023年工作回顾", level=1)
    document.add_paragraph("全市地区生产总值增长6.5%。")
    document.add_paragraph("")  # empty paragraphs leave no trace
    table = document.add_table(rows=3, cols=2)
    for row, (name, value) in zip(
        table.rows,
        [("指标", "目标"), ("地区生产总值", "增长5.5%"), ("居民收入", "同步增长")],
        strict=True,
    ):
        row.cells[0].text = name
        row.cells[1].text = value
    document.add_heading("（一）着力建设现代化产业体系", level=2)
    document.add_paragraph("做强优势产业顶梁柱。")
    document.save(str(path))


def test_docx_paragraphs_headings_and_tables_in_order(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    make_docx(path)
    decoded = read(path)
    assert decoded.encoding == "docx"
    assert decoded.text == (
        "# 2024年政府工作报告\n\n"
        "各位代表：\n\n"
        "# 一、2023年工作回顾\n\n"
        "全市地区生产总值增长6.5%。\n\n"
        "指标 | 目标\n地区生产总值 | 增长5.5%\n居民收入 | 同步增长\n\n"
        "## （一）着力建设现代化产业体系\n\n"
        "做强优势产业顶梁柱。"
    )


def test_docx_merged_cells_appear_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "主要预期目标"
    for cell, text in zip(table.rows[1].cells, ["增长", "5.5%", "左右"], strict=True):
        cell.text = text
    path = tmp_path / "merged.docx"
    document.save(str(path))
    assert read(path).text == "主要预期目标\n增长 | 5.5% | 左右"


def test_docx_without_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blank.docx"
    docx.Document().save(str(path))
    assert refusal(path) == "document contains no text"


def test_zip_that_is_not_a_docx_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    path = tmp_path / "fake.docx"
    path.write_bytes(buffer.getvalue())
    assert refusal(path).startswith("not a valid .docx file")


def test_random_bytes_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04" + bytes(range(200)))
    assert refusal(path) == "not a valid .docx file (not a zip archive)"


def test_truncated_docx_is_refused(tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    make_docx(good)
    path = tmp_path / "truncated.docx"
    path.write_bytes(good.read_bytes()[:3000])
    assert refusal(path).startswith("not a valid .docx file")


# --- pdf ------------------------------------------------------------------------------


def make_cjk_pdf(lines: Sequence[str]) -> bytes:
    """A one-page PDF whose text layer holds ``lines``.

    The font is a Type0 font with Identity-H encoding (each glyph is a 2-byte
    CID) and a ToUnicode CMap from CID to Unicode, which is all a text
    extractor needs; the font itself is not embedded.
    """
    chars = sorted({ch for line in lines for ch in line})
    cid = {ch: n for n, ch in enumerate(chars, 1)}
    ops = ["BT", "/F1 12 Tf", "14 TL", "72 760 Td"]
    ops += ["<" + "".join(f"{cid[ch]:04X}" for ch in line) + "> Tj T*" for line in lines]
    ops.append("ET")
    content = "\n".join(ops).encode("ascii")

    pairs = [f"<{cid[ch]:04X}> <{ord(ch):04X}>" for ch in chars]
    bfchars = "\n".join(
        f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar"
        for chunk in (pairs[i : i + 100] for i in range(0, len(pairs), 100))
    )
    cmap = (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        f"{bfchars}\n"
        "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
    ).encode("ascii")

    def stream(data: bytes) -> bytes:
        return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
        b" /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H"
        b" /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
        b" /FontDescriptor 8 0 R /DW 1000 >>",
        stream(cmap),
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900]"
        b" /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


PDF_LINES = ["一、2024年重点工作", "地区生产总值增长5.5%左右。", "烟台市推动绿色低碳高质量发展。"]


def test_pdf_text_layer_with_chinese_is_extracted(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(make_cjk_pdf(PDF_LINES))
    # The fixture itself is a well-formed PDF (strict parsing succeeds).
    assert len(PdfReader(path, strict=True).pages) == 1
    decoded = read(path)
    assert decoded.encoding == "pdf"
    assert decoded.text == "\n".join(PDF_LINES)


def test_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    assert refusal(path) == "no text layer (scanned PDF?)"


def encrypted_copy(source: bytes, user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(source)))
    # RC4 works without the optional 'cryptography' package.
    writer.encrypt(user_password, "owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_with_a_user_password_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypted_copy(make_cjk_pdf(PDF_LINES), "secret"))
    assert refusal(path) == "encrypted PDF (password required)"


def test_pdf_encrypted_only_against_editing_is_read(tmp_path: Path) -> None:
    path = tmp_path / "restricted.pdf"
    path.write_bytes(encrypted_copy(make_cjk_pdf(PDF_LINES), ""))
    assert read(path).text == "\n".join(PDF_LINES)


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.4 garbage", b"not a pdf at all", b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n%%EOF"],
)
def test_corrupt_pdf_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    reason = refusal(path)
    assert reason.startswith(("not a valid PDF file", "PDF has no pages"))


def test_truncated_pdf_never_leaks_a_traceback(tmp_path: Path) -> None:
    data = make_cjk_pdf(PDF_LINES)
    for cut in (20, len(data) // 3, len(data) // 2, len(data) - 40):
        try:
            decoded = decode_bytes(data[:cut], Path("cut.pdf"))
        except UnreadableDocument as exc:
            assert str(exc).startswith("cut.pdf: ")
        else:  # pypdf may recover part of a damaged file; then the text is real text
            assert decoded.text.strip()


def test_aes_encrypted_pdf_gives_a_clear_error(tmp_path: Path) -> None:
    # An AES-256 (V5/R6) encryption dictionary with a wrong password check: whether
    # or not the optional 'cryptography' package is installed, the file cannot be
    # opened and the reason says it is encrypted.
    encrypt = (
        b"/Encrypt << /Filter /Standard /V 5 /R 6 /Length 256 /P -4"
        b" /O <" + b"00" * 48 + b"> /U <" + b"00" * 48 + b">"
        b" /OE <" + b"00" * 32 + b"> /UE <" + b"00" * 32 + b"> /Perms <" + b"00" * 16 + b">"
        b" /CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >>"
        b" /StmF /StdCF /StrF /StdCF >> /ID [<00112233445566778899aabbccddeeff>"
        b" <00112233445566778899aabbccddeeff>]"
    )
    data = make_cjk_pdf(PDF_LINES).replace(b"/Root 1 0 R >>", b"/Root 1 0 R " + encrypt + b" >>")
    path = tmp_path / "aes.pdf"
    path.write_bytes(data)
    assert refusal(path).startswith("encrypted PDF (")


def test_wrapped_pdf_lines_become_whole_passages(tmp_path: Path) -> None:
    lines = [
        "一、2024年重点工作",
        "地区生产总值增长5.5%左右，一般公共预算",
        "收入增长3%。",
        "烟台市推动发展。",
    ]
    path = tmp_path / "wrapped.pdf"
    path.write_bytes(make_cjk_pdf(lines))
    passages = split_passages("p", read(path).text)
    assert [(p.text, p.section) for p in passages] == [
        ("地区生产总值增长5.5%左右，一般公共预算\n收入增长3%。", ("一、2024年重点工作",)),
        ("烟台市推动发展。", ("一、2024年重点工作",)),
    ]


# --- a file named as text that is not: what it is and the name that reads it -----------------
def test_a_pdf_or_word_file_named_txt_is_refused_naming_what_it_is(tmp_path: Path) -> None:
    word = tmp_path / "word.docx"
    make_docx(word)
    cases = {
        "报告.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "misnamed", ".pdf"),
        "纲要.md": (word.read_bytes(), "misnamed", ".docx"),
        "讲话.txt": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "convert_first", ".doc"),
    }
    for name, (data, code, kind) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(UnreadableDocument) as info:
            read(path)
        assert info.value.code == code, name
        assert kind in info.value.reason and path.suffix in info.value.reason, name
        if code == "misnamed":
            assert info.value.params["name"] == path.stem + kind
    # a text that quotes a PDF's header, or a zip's, further on is still a text
    text = tmp_path / "说明.txt"
    text.write_text("说明：PDF文件以 %PDF- 开头，docx 是以 PK 开头的压缩包。\n", "utf-8")
    assert "%PDF-" in read(text).text
