"""Saved web pages (.html/.htm) in the corpus: read as a source's article page is
(bot.corpus.webpage), their title, date and issuer as metadata, bad pages refused.

Every page here is invented: a gov-style article page with navigation, breadcrumbs, a
发布时间/来源 line, a table, a footer and a script; the same page in GBK; a list page; a
script-only page.
"""

from __future__ import annotations

from email import encoders
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest

from bot.corpus.loader import discover, load_document
from bot.corpus.reader import (
    SUPPORTED_EXTENSIONS,
    UnreadableDocument,
    decode_bytes,
    read_text,
)
from bot.targets.extract import extract_targets

MB = 1024 * 1024
TITLE = "江州市2025年政府工作报告"
SCRIPT_WORDS = "统计脚本里的文字"


def article_page(word: str = "量子通信", *, charset: str | None = "utf-8") -> str:
    """A government article page as a browser saves it (``charset``: the one its meta
    declares, ``None`` for none)."""
    meta_charset = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    return f"""<!DOCTYPE html>
<html><head>{meta_charset if charset else ""}
<title>{TITLE}_江州市人民政府门户网站</title>
<meta name="ArticleTitle" content="{TITLE}">
<meta name="PubDate" content="2025-01-20 09:30">
<meta name="ContentSource" content="江州市人民政府办公室">
<script>var tracker = "{SCRIPT_WORDS}";</script>
</head><body>
<div class="header"><div class="nav"><a href="/">首页</a> | <a href="/zw">政务公开</a> |
<a href="/zc">政策文件</a> | <a href="/hd">互动交流</a></div></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zw">政务公开</a> &gt;
<a href="/bg">政府工作报告</a></div>
<div class="article">
<h1>{TITLE}</h1>
<div class="info">发布时间：2025-01-20 09:30　来源：江州市人民政府办公室
【字体：大 中 小】 【打印本页】 【关闭窗口】</div>
<div class="content">
<p>各位代表：</p>
<p>现在，我代表市人民政府，向大会报告政府工作，请予审议，并请市政协委员提出意见。</p>
<h2>一、2024年工作回顾</h2>
<p>过去一年，全市地区生产总值增长5.2%，一般公共预算收入增长4.1%，{word}产业加快集聚。</p>
<table>
<tr><td>指标</td><td>2024年</td><td>增长</td></tr>
<tr><td>规模以上工业增加值</td><td>1280亿元</td><td>6.3%</td></tr>
</table>
<h2>二、2025年主要预期目标</h2>
<p>今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业3万人以上，
居民消费价格涨幅3%左右，{word}产业规模达到100亿元。</p>
<p>实现上述目标，要坚持稳中求进，统筹发展和安全，推动经济实现质的有效提升和量的合理增长。</p>
<script>document.write("{SCRIPT_WORDS}");</script>
</div></div>
<div class="share">分享到：微信 微博</div>
<div class="footer"><p>主办单位：江州市人民政府办公室　版权所有</p>
<p>网站标识码：3601000001　赣ICP备12345678号</p></div>
</body></html>
"""


LIST_PAGE = """<html><head><meta charset="utf-8"><title>政策文件_江州市人民政府</title></head>
<body><div class="nav"><a href="/">首页</a> | <a href="/zc">政策文件</a></div>
<ul class="list">
<li><a href="/zc/t20250120_1.html">江州市2025年政府工作报告</a><span>2025-01-20</span></li>
<li><a href="/zc/t20250110_2.html">江州市优化营商环境行动方案</a><span>2025-01-10</span></li>
<li><a href="/zc/t20241230_3.html">江州市数字经济发展实施意见</a><span>2024-12-30</span></li>
<li><a href="/zc/t20241220_4.html">江州市2024年统计公报</a><span>2024-12-20</span></li>
</ul><div class="pager">首页 上一页 1 2 3 下一页 尾页</div></body></html>
"""

SCRIPT_ONLY_PAGE = """<html><head><meta charset="utf-8"><title>江州市政府工作报告</title></head>
<body><div id="app"></div><noscript>请开启浏览器的 JavaScript 功能。</noscript>
<script>window.__DATA__ = {"body": "全市地区生产总值增长6%左右，城镇新增就业3万人以上，
居民消费价格涨幅3%左右，一般公共预算收入增长5%，粮食产量稳定在60万吨以上。"};</script>
</body></html>
"""


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refusal(path: Path, max_bytes: int = MB) -> UnreadableDocument:
    with pytest.raises(UnreadableDocument) as info:
        read_text(path, max_bytes=max_bytes)
    assert str(info.value) == f"{path}: {info.value.reason}"
    return info.value


# -- the text ---------------------------------------------------------------------------


def test_html_and_htm_are_supported_documents(tmp_path: Path) -> None:
    assert {".html", ".htm"} <= set(SUPPORTED_EXTENSIONS)
    page = write(tmp_path, "report.HTM", article_page().encode("utf-8"))
    assert discover([tmp_path]).files == [page]


def test_the_main_text_without_navigation_footer_or_script(tmp_path: Path) -> None:
    decoded = read_text(write(tmp_path, "report.html", article_page().encode()), max_bytes=MB)
    lines = decoded.text.split("\n")
    assert decoded.encoding == "html"
    assert lines[0] == TITLE
    # headings on their own lines, as the parser reads them
    assert "一、2024年工作回顾" in lines and "二、2025年主要预期目标" in lines
    assert "规模以上工业增加值\t1280亿元\t6.3%" in lines  # a table row, tab-separated
    assert any(line.startswith("今年经济社会发展的主要预期目标是") for line in lines)
    for chrome in ("政务公开", "当前位置", "发布时间", "打印本页", "分享到", "版权所有", "ICP备"):
        assert chrome not in decoded.text, chrome
    assert SCRIPT_WORDS not in decoded.text and "document.write" not in decoded.text


def test_the_page_metadata_becomes_the_documents(tmp_path: Path) -> None:
    path = write(tmp_path, "report.html", article_page().encode("utf-8"))
    doc = load_document(path, tmp_path, max_bytes=MB, passage_max_chars=500)
    assert doc.meta.title == TITLE
    assert doc.meta.date == "2025-01-20"
    assert doc.meta.issuer == "江州市人民政府办公室"
    assert doc.encoding == "html"
    assert all(SCRIPT_WORDS not in p.text for p in doc.passages)


def test_a_sidecar_still_overrides_the_page(tmp_path: Path) -> None:
    path = write(tmp_path, "report.html", article_page().encode("utf-8"))
    (tmp_path / "report.html.meta.toml").write_text(
        'title = "江州市政府工作报告（审议稿）"\nissuer = "江州市发展和改革委员会"\n',
        encoding="utf-8",
    )
    doc = load_document(path, tmp_path, max_bytes=MB, passage_max_chars=500)
    assert doc.meta.title == "江州市政府工作报告（审议稿）"
    assert doc.meta.issuer == "江州市发展和改革委员会"
    assert doc.meta.date == "2025-01-20"  # what the sidecar does not say, the page does


def test_metadata_from_the_lines_when_the_page_has_no_meta_tags(tmp_path: Path) -> None:
    html = article_page().replace('<meta name="PubDate" content="2025-01-20 09:30">', "")
    html = html.replace('<meta name="ContentSource" content="江州市人民政府办公室">', "")
    decoded = decode_bytes(html.encode("utf-8"), Path("page.html"))
    assert decoded.meta["date"] == "2025-01-20"  # from 发布时间：
    assert decoded.meta["issuer"] == "江州市人民政府办公室"  # from 来源：


@pytest.mark.parametrize("charset", ["gb2312", "gbk", None])
def test_a_gbk_page_declared_or_not(tmp_path: Path, charset: str | None) -> None:
    utf8 = read_text(write(tmp_path, "u.html", article_page().encode("utf-8")), max_bytes=MB)
    data = article_page(charset=charset).encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    decoded = read_text(write(tmp_path, "g.html", data), max_bytes=MB)
    assert decoded.text == utf8.text
    assert decoded.meta == utf8.meta


def test_search_finds_a_passage_with_its_source_and_targets_are_extracted(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "jiangzhou.html", article_page("氢能装备").encode("utf-8"))
    doc = load_document(path, tmp_path, max_bytes=MB, passage_max_chars=500)
    hits = [p for p in doc.passages if "氢能装备" in p.text]
    assert hits
    # the passage knows its section, as a .txt's would
    assert any("二、2025年主要预期目标" in " ".join(p.section) for p in hits)
    records = extract_targets(doc)
    targets = {(r.indicator, r.kind, r.value) for r in records if r.kind == "target"}
    assert any(ind == "地区生产总值" and value == 6 for ind, _, value in targets), targets
    achieved = {(r.indicator, r.value) for r in records if r.kind == "achievement"}
    assert ("地区生产总值", 5.2) in achieved, achieved


# -- bad pages --------------------------------------------------------------------------


@pytest.mark.parametrize("page", [LIST_PAGE, SCRIPT_ONLY_PAGE, "<html><body></body></html>"])
def test_a_page_without_article_text_is_refused(tmp_path: Path, page: str) -> None:
    exc = refusal(write(tmp_path, "page.html", page.encode("utf-8")))
    assert exc.code == "html_no_text"
    assert exc.reason.startswith("no article text on the page")
    assert int(exc.params["chars"]) < 50


def test_a_binary_file_named_html_is_refused(tmp_path: Path) -> None:
    exc = refusal(write(tmp_path, "page.html", b"\x89PNG\r\n\x1a\n" + bytes(500)))
    assert exc.code == "not_text"
    exc = refusal(write(tmp_path, "doc.htm", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)))
    assert exc.code == "not_text"


def test_a_huge_page_has_the_limit_of_any_file(tmp_path: Path) -> None:
    path = write(tmp_path, "big.html", article_page().encode("utf-8"))
    exc = refusal(path, max_bytes=path.stat().st_size - 1)
    assert exc.code == "too_large"
    assert read_text(path, max_bytes=path.stat().st_size).text.startswith(TITLE)


def test_an_empty_page_is_refused(tmp_path: Path) -> None:
    assert refusal(write(tmp_path, "empty.html", b"")).code == "empty"


@pytest.mark.parametrize("name", ["old.doc", "draft.wps", "OLD.DOC"])
def test_old_word_and_wps_say_how_to_convert(tmp_path: Path, name: str) -> None:
    exc = refusal(write(tmp_path, name, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)))
    assert exc.code == "convert_first"
    assert "save it as .docx" in exc.reason
    assert discover([tmp_path]).files == []


# -- line breaks of the markup ------------------------------------------------------------


def test_a_markup_line_break_between_chinese_characters_is_no_space() -> None:
    html = (
        "<html><body><div class='content'><h1>江州市推进\n  低空经济发展实施方案</h1>"
        "<p>到2027年，全市地区生产\n      总值中低空经济占比明显提高，培育\r\n龙头企业10家。\n"
        "引进 Drone\nmakers 与科研院所合作，通用机场达到\n3个，航线开通20条以上。</p>"
        "<p>各区县要加强组织领导，\n   完善政策体系，落实资金保障，确保各项任务落地见效。</p>"
        "</div></body></html>"
    )
    lines = decode_bytes(html.encode("utf-8"), Path("p.html")).text.split("\n")
    assert lines[0] == "江州市推进低空经济发展实施方案"
    assert "地区生产总值中低空经济占比明显提高，培育龙头企业10家。" in lines[1]
    # beside a Latin letter or a digit the break stays a space, as a browser shows it
    assert "引进 Drone makers 与科研院所合作，通用机场达到 3个" in lines[1]
    assert lines[2].startswith("各区县要加强组织领导，完善政策体系")


def test_the_issuer_line_is_read_as_the_markup_breaks_it() -> None:
    html = article_page().replace('<meta name="ContentSource" content="江州市人民政府办公室">', "")
    html = html.replace("来源：江州市人民政府办公室\n【字体", "来源：江州市统计局\n分享本页【字体")
    decoded = decode_bytes(html.encode("utf-8"), Path("page.html"))
    assert decoded.meta["issuer"] == "江州市统计局"


def test_a_pages_paragraphs_are_never_joined_as_hard_wrapped_lines(tmp_path: Path) -> None:
    # A list of items of one length without a sentence end looks like a hard-wrapped
    # text to the .txt reader's reflow (its lines would be joined into one); on a page
    # each element is a line of its own.
    districts = "东南西北中"
    items = [
        f"{n:02d}号项目：江州市{d}城片区老旧小区改造，管网更新工程"
        for n, d in enumerate(districts * 3, start=1)
    ]
    body = "".join(f"<li>{item}</li>" for item in items)
    html = (
        "<html><head><title>江州市2025年城市更新重点项目清单</title></head><body>"
        f"<p>现将2025年城市更新重点项目清单公布如下，请各区认真组织实施。</p><ul>{body}</ul>"
        "</body></html>"
    )
    path = write(tmp_path, "projects.html", html.encode("utf-8"))
    doc = load_document(path, tmp_path, max_bytes=MB, passage_max_chars=500)
    assert doc.text.split("\n")[2:] == items


# -- a page saved as one file (.mhtml) ----------------------------------------------------


def mhtml(html: str, charset: str) -> bytes:
    """A page as a browser saves it in one file: MIME, the page quoted-printable, with
    an image part beside it."""

    message = MIMEMultipart("related")
    message["Snapshot-Content-Location"] = "https://www.jiangzhou.gov.cn/zwgk/t20250120_1.html"
    page = MIMENonMultipart("text", "html", charset=charset)
    page.set_payload(html.encode(charset))
    encoders.encode_quopri(page)
    message.attach(page)
    message.attach(MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(64), "png"))
    return message.as_bytes()


def test_a_single_file_page_reads_as_the_page(tmp_path: Path) -> None:
    utf8 = read_text(write(tmp_path, "u.html", article_page().encode("utf-8")), max_bytes=MB)
    saved = write(tmp_path, "report.mhtml", mhtml(article_page(charset="gbk"), "gbk"))
    decoded = read_text(saved, max_bytes=MB)
    assert decoded.text == utf8.text and decoded.meta == utf8.meta
    assert SCRIPT_WORDS not in decoded.text
    assert discover([saved]).files == [saved]


def test_a_single_file_without_a_page_is_refused(tmp_path: Path) -> None:
    message = MIMEMultipart("related")
    message.attach(MIMEText("江州市政府工作报告的纯文本，没有网页。", "plain", "utf-8"))
    exc = refusal(write(tmp_path, "notes.mht", message.as_bytes()))
    assert exc.code == "mhtml_no_page"
    exc = refusal(write(tmp_path, "list.mht", mhtml(LIST_PAGE, "utf-8")))
    assert exc.code == "html_no_text"
