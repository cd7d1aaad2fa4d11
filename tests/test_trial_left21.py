"""What the newsroom operator's trial left (bench/RESULTS.md, ``user-trial15`` and
``trial-left21``), in-process: a text file holding HTML read as a page (both sides of the
detection), what the uploader and the command line are told, and a corpus folder's old
byte-identical twin that ``briefbot doctor`` names and ``--repair`` removes. Invented
documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.config import Settings
from bot.corpus.reader import decode_bytes, markup_kind
from bot.library.engine import make_indexer
from bot.library.health import check_corpus_twins
from bot.models import DocumentInfo
from briefbot.cli.app import print_refresh

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
        # inline emphasis only, on every line: kept as typed (tests/test_bot_e2e.py)
        ("关于<b>加强</b>管理\n坚持<i>问题导向</i>\n推进<b>数字政府</b>建设\n", ".txt", None),
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


# -- an old twin in the corpus folder: doctor names it, --repair deletes it --------------------
def test_doctor_names_an_old_twin_and_repair_deletes_only_provable_copies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "江州市2026年政府工作报告\n\n地区生产总值增长6%左右。\n"
    # what ingest copied before user-trial15's fix: the same bytes twice in the corpus
    (corpus / "dup.txt").write_text(text, encoding="gbk")
    (corpus / "gbk.txt").write_text(text, encoding="gbk")
    # the same bytes with a sidecar of its own: maybe meant as another document
    (corpus / "meta.txt").write_text(text, encoding="gbk")
    (corpus / "meta.txt.meta.toml").write_text('title = "另一份"\n', encoding="utf-8")
    # the same text in another encoding: not byte-identical, another document
    (corpus / "utf8.txt").write_text(text, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, data_dir=tmp_path / "data")
    make_indexer(settings).refresh()  # the folder as it stood after the old ingest
    print_refresh(make_indexer(settings).refresh())  # every later index names the twin
    said = " ".join(capsys.readouterr().err.split())
    assert "gbk.txt: same content as dup.txt; a copy never indexed: delete it, or " in said
    checked = _cli(tmp_path, "doctor")
    assert checked.exit_code == 1, checked.output
    corpus_line = next(line for line in checked.output.splitlines() if "corpus:" in line)
    assert corpus_line.split()[0] == "PROBLEM"
    assert f"{corpus / 'gbk.txt'}: a byte-identical copy of dup.txt (indexed)" in corpus_line
    assert f"rm '{corpus / 'gbk.txt'}', or briefbot doctor --repair" in corpus_line
    assert "meta.txt" in corpus_line and "utf8.txt" not in corpus_line
    # the repair itself (the command line's --repair also migrates the database: slow)
    repaired = check_corpus_twins(settings, repair=True)
    assert f"{corpus / 'gbk.txt'}: deleted, a byte-identical copy of dup.txt" in repaired.detail
    assert sorted(p.name for p in corpus.iterdir()) == [
        "dup.txt",
        "meta.txt",
        "meta.txt.meta.toml",
        "utf8.txt",
    ]
    assert not repaired.repaired  # the twin with a sidecar is left to the operator
    (corpus / "meta.txt").unlink()
    (corpus / "meta.txt.meta.toml").unlink()
    again = check_corpus_twins(settings)
    assert again.ok and again.detail == "no unindexed copy of an indexed document"
    assert make_indexer(settings).refresh().skipped == ()


def test_doctor_repair_of_the_only_twin_is_a_repair(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt"):
        (corpus / name).write_text("江州市2026年统计公报\n\n粮食产量增长2%。\n", encoding="utf-8")
    settings = Settings(corpus_dir=corpus, data_dir=tmp_path / "data")
    make_indexer(settings).refresh()
    found = check_corpus_twins(settings, repair=True)
    assert (found.ok, found.repaired) == (False, True)  # doctor --repair: exit 0
    assert [p.name for p in corpus.iterdir()] == ["a.txt"]


def test_an_upload_of_a_text_holding_html_is_read_as_a_page_and_said(
    bundled_template: Path, tmp_path: Path, tokenizer
) -> None:
    from handlers.format.admin_documents import upload_done
    from tests.e2e import engine_copy

    engine = engine_copy(bundled_template, tmp_path, tokenizer)
    result = engine.add_upload("韶关.txt", FRAGMENT.encode("gbk"))
    assert result.status == "added" and result.doc is not None
    assert result.doc.title == "韶关市2026年政府工作报告"
    said = upload_done(result, "zh")
    assert "已按网页读取" in said and "&lt;p&gt;" not in said
    stored = engine.document("韶关.txt")
    assert stored.passages and not any("<" in p.text for p in stored.passages)
    assert "alert" not in stored.text and "城镇新增就业4万人" in stored.text
