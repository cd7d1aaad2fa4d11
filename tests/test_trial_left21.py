"""What the newsroom operator's trial left (bench/RESULTS.md, ``user-trial15`` and
``trial-left21``), in-process: a text file holding HTML read as a page (both sides of the
detection), what the uploader and the command line are told, and a corpus folder's old
byte-identical twin that ``briefbot doctor`` names and ``--repair`` removes. Invented
documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.corpus.reader import decode_bytes, markup_kind
from bot.models import DocumentInfo

FRAGMENT = (
    "<p>韶关市2026年政府工作报告</p>\n"
    "<div>地区生产总值增长5.5%左右，\n城镇新增就业4万人。</div>"
    "<script>alert(1)</script>\n"
    "<p>加快建设&nbsp;现代化产业体系。</p>\n"
)
PAGE = (
    "<!DOCTYPE html>\n<html lang='zh'><head><meta charset='utf-8'>"
    "<title>江州市2026年政府工作报告</title><style>p{color:red}</style></head>\n<body>"
    "<article><h1>江州市2026年政府工作报告</h1>"
    + "<p>2026年全市地区生产总值增长6%左右，城镇新增就业5万人，居民收入增长与经济增长同步。</p>\n"
    * 5
    + "</article><script>track()</script></body></html>\n"
)


# -- the detection, both sides -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "suffix", "kind"),
    [
        (FRAGMENT, ".txt", "fragment"),
        (PAGE, ".txt", "page"),
        (PAGE, ".md", "page"),
        ("\ufeff<html><body><p>一</p></body></html>", ".txt", "page"),
        ("<p>一</p><p>二</p><div>三</div>", ".txt", "fragment"),  # minified: one line
        # a text that mentions "<" stays text
        ("数学：若 a<b 且 c>d，则 a-c<b-d。\n《政府工作报告》<2026年>\n", ".txt", None),
        ("网页中用 <b> 加粗，用 <br> 换行，用 <p> 分段。\n第二行\n第三行\n", ".txt", None),
        ("x<p>y</p>\n" + "普通文字一行。\n" * 20, ".txt", None),  # one tagged line of 21
        ("<b>说明</b>\n" + "正文。\n" * 3, ".txt", None),  # two tags only
        ("Markdown 可以有 <details><summary>展开</summary>内容</details>\n", ".md", None),
    ],
)
def test_which_text_holds_markup(text: str, suffix: str, kind: str | None) -> None:
    assert markup_kind(text, suffix) == kind


def test_a_fragment_is_read_without_its_tags_and_scripts() -> None:
    read = decode_bytes(FRAGMENT.encode("gbk"), Path("韶关.txt"))
    assert read.encoding == "html"
    assert read.text.split("\n") == [
        "韶关市2026年政府工作报告",
        "地区生产总值增长5.5%左右，城镇新增就业4万人。",  # the source's line break joined
        "加快建设 现代化产业体系。",
    ]


def test_a_page_in_a_text_file_is_read_as_a_page() -> None:
    read = decode_bytes(PAGE.encode("utf-8"), Path("江州.txt"))
    assert read.encoding == "html" and read.meta["title"] == "江州市2026年政府工作报告"
    assert "地区生产总值增长6%左右" in read.text
    assert "<" not in read.text and "track()" not in read.text and "color" not in read.text


def test_a_text_mentioning_tags_is_read_as_it_is() -> None:
    text = "关于网页的说明\n\n网页中用 <b> 加粗，用 <br> 换行。\n若 a<b 且 c>d。\n"
    read = decode_bytes(text.encode("utf-8"), Path("说明.txt"))
    assert read.encoding == "utf-8" and read.text == text


def test_markup_with_no_text_is_refused_as_such() -> None:
    from bot.corpus.reader import UnreadableDocument

    with pytest.raises(UnreadableDocument) as caught:
        decode_bytes(b"<div></div><script>a()</script><p></p>\n", Path("x.txt"))
    assert caught.value.code == "html_no_text"


# -- what the user is told -----------------------------------------------------------------
def _info(filename: str, encoding: str) -> DocumentInfo:
    return DocumentInfo(
        "d1", filename, filename, "0" * 64, 10, "标题", None, 2026, encoding, 3, 0.0
    )


def test_the_upload_reply_says_the_text_was_read_as_a_page() -> None:
    from handlers.format.admin_documents import upload_done

    class Result:
        status, passages, targets, key_targets, first_targets = "added", 3, 0, 0, []

    for filename, encoding, told in (
        ("韶关.txt", "html", True),
        ("韶关.html", "html", False),  # a page sent as a page: nothing to say
        ("韶关.txt", "utf-8", False),
    ):
        result = Result()
        result.doc = _info(filename, encoding)  # type: ignore[attr-defined]
        for lang, words in (("zh", "已按网页读取"), ("en", "read as a web page")):
            assert (words in upload_done(result, lang)) is told  # type: ignore[arg-type]


def _cli(tmp_path: Path, *args: str):
    from briefbot.cli import app

    base = ["--corpus-dir", str(tmp_path / "corpus"), "--data-dir", str(tmp_path / "data")]
    return CliRunner().invoke(app, [*base, *args], env={"COLUMNS": "300"})


def test_ingest_reads_a_text_holding_html_as_a_page_and_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "韶关.txt").write_text(FRAGMENT, encoding="utf-8")
    (folder / "plain.txt").write_text("江州市2026年统计公报\n\n若 a<b 且 c>d。\n", encoding="utf-8")
    result = _cli(tmp_path, "ingest", str(folder))
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "added 韶关.txt (it holds HTML: read as a web page, tags and scripts removed)" in said
    assert "added plain.txt" in said and "added plain.txt (" not in said
    docs = _cli(tmp_path, "docs", "--json")
    assert docs.exit_code == 0, docs.output
    assert "韶关市2026年政府工作报告" in docs.output and "<p>" not in docs.output
    found = _cli(tmp_path, "search", "alert")
    assert "<script>" not in found.output and "alert(1)" not in found.output
