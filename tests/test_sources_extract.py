"""Feeds, list pages, articles, attachments, source kinds and duplicates (issue 15), over
the fixture site's real loopback HTTP where a page is involved."""

from __future__ import annotations

import datetime
import time
from dataclasses import replace
from pathlib import Path

import pytest

from bot.corpus.parse import split_passages
from bot.corpus.reader import decode_bytes
from bot.sources.article import attachment_links, extract_article
from bot.sources.decode import decode_html
from bot.sources.dedupe import NearDuplicates, content_key
from bot.sources.feeds import looks_like_feed, parse_feed
from bot.sources.fetch import Fetcher
from bot.sources.listing import list_links, registrable_host
from bot.sources.models import Entry, Fetched, FetchError, FetchPolicy
from bot.sources.sniff import sniff_kind
from tests.fixture_site import (
    ATOM_PATH,
    BINARY_PATH,
    DOCX_LINES,
    DOCX_PATH,
    EMPTY_PATH,
    GBK_LINES,
    GBK_SLUG,
    GBK_TITLE,
    LIST_PATH,
    NOT_FEED_PATH,
    PDF_LINES,
    PDF_PATH,
    RSS_PATH,
    SITE_NAME,
    UTF8_LINES,
    UTF8_SLUG,
    UTF8_TITLE,
    WRONG_HEADER_PATH,
    fixture_site_fixture,  # noqa: F401 - the fixture_site fixture
    make_cjk_pdf,
)

REAL = Path(__file__).parent / "data" / "real" / "docs"
# Short invented documents (tests/data/analytics) for the page bodies whose real
# counterparts are in the test split of the key-target gold, which no test may use.
INVENTED = Path(__file__).parent / "data" / "analytics"
HUBEI_2026 = INVENTED / "province_hubei_2026_invented.txt"
POLICY = FetchPolicy(allow_private=True, host_gap_s=0, retries=0, timeout_s=2)


async def fetch(site, path: str):
    async with Fetcher(POLICY) as fetcher:
        return await fetcher.get(site.url(path))


async def fetch_text(site, path: str) -> tuple[str, str]:
    page = await fetch(site, path)
    return decode_html(page.content, page.content_type, url=page.url), page.url


def real_lines(name: str | Path, count: int | None = None) -> list[str]:
    """The non-empty lines of a real document (a name in REAL) or of another file (a path)."""
    lines = [line for line in (REAL / name).read_text(encoding="utf-8").split("\n") if line]
    return lines[:count] if count else lines


# -- feeds -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [RSS_PATH, ATOM_PATH])
async def test_feeds_list_their_entries_newest_first(fixture_site, path):
    page = await fetch(fixture_site, path)
    assert looks_like_feed(page.content, page.content_type)
    entries = parse_feed(page.content, page.url)
    assert entries == [
        Entry(
            fixture_site.url(f"/zwgk/{GBK_SLUG}.html"),
            GBK_TITLE,
            datetime.date(2025, 2, 10),
            GBK_LINES[0],
        ),
        Entry(
            fixture_site.url(f"/zwgk/{UTF8_SLUG}.html"),
            UTF8_TITLE,
            datetime.date(2025, 1, 12),
            UTF8_LINES[0],
        ),
    ]
    fixture_site.add_article(
        "t20250301_1003", "关于印发新规划的通知", ["通知正文。"], date=datetime.date(2025, 3, 1)
    )
    page = await fetch(fixture_site, path)
    first = parse_feed(page.content, page.url)[0]
    assert (first.url, first.title) == (
        fixture_site.url("/zwgk/t20250301_1003.html"),
        "关于印发新规划的通知",
    )


async def test_a_page_served_as_a_feed_is_not_a_feed(fixture_site):
    page = await fetch(fixture_site, NOT_FEED_PATH)
    assert page.content_type == "application/rss+xml; charset=utf-8"
    assert not looks_like_feed(page.content, page.content_type)
    with pytest.raises(FetchError) as info:
        parse_feed(page.content, page.url)
    assert info.value.code == "not_feed"
    assert str(info.value) == f"{page.url} is not an RSS or Atom feed"


async def test_binary_served_as_a_feed_is_not_text(fixture_site):
    page = await fetch(fixture_site, BINARY_PATH)
    assert not looks_like_feed(page.content, "application/rss+xml")
    with pytest.raises(FetchError) as info:
        parse_feed(page.content, page.url)
    assert info.value.code == "not_text"


def test_a_slightly_broken_feed_with_entries_is_read() -> None:
    broken = (
        b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>A & B</title>'
        b"<item><title>\xe5\x85\xb3\xe4\xba\x8e & \xe9\x80\x9a\xe7\x9f\xa5</title>"
        b"<link>/zwgk/t1.html</link><pubDate>Sun, 12 Jan 2025 06:00:00 +0800</pubDate>"
        b"<description><![CDATA[<p>first <b>line</b></p>]]></description></item>"
        b"<item><title>dup</title><link>http://gov.example/zwgk/t1.html</link></item>"
        b"<item><title>no link</title></item>"
        b"<item><title>bad</title><link>javascript:void(0)</link></item>"
    )  # unescaped &, no closing tags
    entries = parse_feed(broken, "http://gov.example/rss.xml")
    assert entries == [
        Entry(
            "http://gov.example/zwgk/t1.html",
            "关于 & 通知",
            datetime.date(2025, 1, 12),
            "first line",
        )
    ]


def test_an_empty_feed_is_empty_and_html_is_not_a_feed() -> None:
    empty = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>'
    )
    assert parse_feed(empty, "http://gov.example/atom.xml") == []
    assert looks_like_feed(empty, None)
    assert looks_like_feed(b"\xef\xbb\xbf<rss version='2.0'><channel/></rss>", "text/html")
    assert not looks_like_feed(b"<!DOCTYPE html><html><body>rss</body></html>", "text/xml")
    for junk in (b"", b"not xml at all", b'{"items": []}'):
        with pytest.raises(FetchError) as info:
            parse_feed(junk, "http://gov.example/feed")
        assert info.value.code == "not_feed"


# -- list pages --------------------------------------------------------------------------


async def test_the_list_page_yields_its_articles_and_nothing_else(fixture_site):
    html, url = await fetch_text(fixture_site, LIST_PATH)
    assert list_links(html, url) == [
        Entry(fixture_site.url(f"/zwgk/{GBK_SLUG}.html"), GBK_TITLE, datetime.date(2025, 2, 10)),
        Entry(fixture_site.url(f"/zwgk/{UTF8_SLUG}.html"), UTF8_TITLE, datetime.date(2025, 1, 12)),
    ]
    fixture_site.add_article(
        "t20250301_1003", "关于印发新规划的通知", ["正文。"], date=datetime.date(2025, 3, 1)
    )
    html, url = await fetch_text(fixture_site, LIST_PATH)
    links = list_links(html, url)
    assert [e.url for e in links] == [
        fixture_site.url("/zwgk/t20250301_1003.html"),
        fixture_site.url(f"/zwgk/{GBK_SLUG}.html"),
        fixture_site.url(f"/zwgk/{UTF8_SLUG}.html"),
    ]
    assert list_links(html, url, match="统计公报") == [links[1]]
    assert list_links(html, url, match="/20250(1|3)/") == [links[0], links[2]]
    assert list_links(html, url, match="_1002") == [links[1]]
    assert list_links(html, url, match="没有这样的文件") == []
    with pytest.raises(FetchError) as info:
        list_links(html, url, match="/[unclosed/")
    assert info.value.code == "bad_match"


def test_table_lists_titles_in_attributes_subdomains_and_base_href() -> None:
    html = """<html><head><base href="http://www.sz.gov.cn/zfgb/"></head><body>
    <div class="nav"><a href="/zwgk/xxgk/index.html">信息公开专栏首页入口</a></div>
    <table class="list">
    <tr><td><a href="2025/t20250105_987.html"
        title="深圳市人民政府关于印发深圳市国土空间总体规划的通知">
        深圳市人民政府关于印发深圳市…</a></td><td>[2025-01-05]</td></tr>
    <tr><td><a href="http://stats.sz.gov.cn/tjsj/tjgb/content/post_1234567.html">
        深圳市2024年国民经济和社会发展统计公报</a></td><td>2025年4月28日</td></tr>
    <tr><td><a href="http://www.gd.gov.cn/zwgk/wjk/content/post_1.html">广东省人民政府办公厅关于某事项的通知</a></td>
        <td>2025-01-02</td></tr>
    <tr><td><a href="index_2.html">下一页</a></td><td><a href="more/">更多</a></td></tr>
    </table></body></html>"""
    links = list_links(html, "http://www.sz.gov.cn/zfgb/index.html")
    assert links == [
        Entry(
            "http://www.sz.gov.cn/zfgb/2025/t20250105_987.html",
            "深圳市人民政府关于印发深圳市国土空间总体规划的通知",
            datetime.date(2025, 1, 5),
        ),
        Entry(
            "http://stats.sz.gov.cn/tjsj/tjgb/content/post_1234567.html",
            "深圳市2024年国民经济和社会发展统计公报",
            datetime.date(2025, 4, 28),
        ),
    ]
    assert registrable_host("www.sz.gov.cn") == "sz.gov.cn"
    assert registrable_host("news.example.com") == "example.com"
    assert registrable_host("127.0.0.1") == "127.0.0.1"


def test_a_page_with_no_links_or_no_html_has_none() -> None:
    assert list_links("", "http://gov.example/") == []
    assert list_links("<html><body><p>无链接</p></body></html>", "http://gov.example/") == []


# -- articles ----------------------------------------------------------------------------


async def test_an_article_keeps_its_headings_paragraphs_and_metadata(fixture_site):
    html, url = await fetch_text(fixture_site, f"/zwgk/{UTF8_SLUG}.html")
    article = extract_article(html, url)
    assert article.url == url
    assert article.title == UTF8_TITLE
    assert article.text.split("\n") == [UTF8_TITLE, *UTF8_LINES]
    assert article.published == datetime.date(2025, 1, 12)
    assert article.issuer == SITE_NAME
    assert article.attachments == (fixture_site.url(PDF_PATH), fixture_site.url(DOCX_PATH))
    for junk in ("分享到", "打印本页", "关闭窗口", "字体", "网站声明", "当前位置", "首页"):
        assert junk not in article.text
    sections = {p.text: p.section for p in split_passages("d", article.text)}
    assert sections["实施重大项目200个，完成投资1200亿元以上，社会消费品零售总额增长6%。"] == (
        "二、2025年主要目标和重点任务",
        "（一）着力扩大有效需求",
    )
    schools = "新建改扩建中小学12所，新增学位1.5万个；城乡居民基本养老保险参保率稳定在95%以上。"
    assert sections[schools] == (
        "一、2024年工作回顾",
        "（二）民生保障持续加强",
    )


@pytest.mark.parametrize("path", [f"/zwgk/{GBK_SLUG}.html", WRONG_HEADER_PATH])
async def test_gbk_articles_extract_like_any_other(fixture_site, path):
    html, url = await fetch_text(fixture_site, path)
    article = extract_article(html, url)
    assert article.title == GBK_TITLE
    assert article.text.split("\n") == [GBK_TITLE, *GBK_LINES]
    assert article.issuer == "示例市统计局"


@pytest.mark.parametrize(
    "name",
    [
        "national_china_2025_gwr.txt",
        "province_guangdong_2022_gwr.txt",
        "city_chengdu_2022_stat-bulletin.txt",  # tables
    ],
)
async def test_a_real_document_round_trips_into_the_same_sections(fixture_site, name):
    """A real report published as a web page: the extracted text has the sections of
    the original (parse.py's section paths survive the HTML and the extraction)."""
    lines = real_lines(name)
    original = "\n".join(lines)
    url = fixture_site.add_article("t20250305_2001", "政府工作报告", lines[1:])
    html, _ = await fetch_text(fixture_site, url.removeprefix(fixture_site.url("")))
    article = extract_article(html, url)

    def section_paths(text: str) -> set[tuple[str, ...]]:
        return {p.section for p in split_passages("d", text) if p.section}

    def by_text(text: str) -> dict[str, tuple[str, ...]]:
        return {p.text: p.section for p in split_passages("d", text)}

    expected = section_paths(original)
    assert len(expected) >= 5
    assert section_paths(article.text) == expected
    theirs, ours = by_text(original), by_text(article.text)
    shared = set(theirs) & set(ours)
    assert len(shared) >= 0.97 * len(theirs)
    assert all(theirs[t] == ours[t] for t in shared)
    assert len(set(article.text.split("\n")) - set(lines)) <= 0.02 * len(lines)


async def test_an_article_without_text_is_empty(fixture_site):
    html, url = await fetch_text(fixture_site, EMPTY_PATH)
    with pytest.raises(FetchError) as info:
        extract_article(html, url)
    assert info.value.code == "empty_article"
    assert info.value.params["url"] == url
    assert int(info.value.params["chars"]) < 50
    for nothing in ("", "<html></html>", "<html><body><img src='a.png'></body></html>"):
        with pytest.raises(FetchError):
            extract_article(nothing, "http://gov.example/a.html")


def test_metadata_from_lines_when_the_page_has_no_meta_tags() -> None:
    body = "".join(f"<br>　　{line}" for line in real_lines(HUBEI_2026, 12))
    html = f"""<html><head><title>湖北省政府工作报告 - 湖北省人民政府门户网站</title></head><body>
    <table><tr><td class="xl">
    <div class="bt">湖北省政府工作报告</div>
    <div class="ly">发布日期：2026年1月28日 发布机构：湖北省人民政府办公厅 浏览次数：1024</div>
    <div class="zw">{body}</div>
    <div class="fj"><a href="/uploadfile/2026/report.PDF">全文下载</a>
    <a href="http://files.hubei.gov.cn/download.jsp?name=%E6%8A%A5%E5%91%8A.docx">附件</a>
    <a href="/uploadfile/2026/report.PDF">再次</a> <a href="/img/logo.png">图</a>
    <a href="javascript:download('x.pdf')">x</a></div>
    </td></tr></table></body></html>"""
    article = extract_article(html, "http://www.hubei.gov.cn/zwgk/t20260128_1.shtml")
    assert article.title == "湖北省政府工作报告"
    assert article.published == datetime.date(2026, 1, 28)
    assert article.issuer == "湖北省人民政府办公厅"
    assert article.attachments == (
        "http://www.hubei.gov.cn/uploadfile/2026/report.PDF",
        "http://files.hubei.gov.cn/download.jsp?name=%E6%8A%A5%E5%91%8A.docx",
    )
    lines = article.text.split("\n")
    assert lines[0] == "湖北省政府工作报告"
    expected = [line.strip("　 ") for line in real_lines(HUBEI_2026, 12)]
    assert lines[1:] == expected


def test_attachment_links_in_page_order_without_repeats() -> None:
    html = """<html><body>
    <a href="a.pdf">a</a> <a href="b.docx">b</a> <a href="a.pdf#page=2">a again</a>
    <a href="c.doc">c</a> <a href="d.txt">d</a> <a href="e.wps">e</a> <a href="f.xlsx">f</a>
    <a href="page.html">page</a> <a href="mailto:x@gov.cn">mail</a></body></html>"""
    base = "http://gov.example/zwgk/t1.html"
    assert attachment_links(html, base) == tuple(
        f"http://gov.example/zwgk/{name}" for name in ("a.pdf", "b.docx", "c.doc", "d.txt", "e.wps")
    )
    assert attachment_links("", base) == ()


# -- source kinds ------------------------------------------------------------------------


async def test_the_kind_of_a_source_is_sniffed(fixture_site):
    assert sniff_kind(await fetch(fixture_site, RSS_PATH), None) == "feed"
    assert sniff_kind(await fetch(fixture_site, ATOM_PATH), None) == "feed"
    article = await fetch(fixture_site, f"/zwgk/{UTF8_SLUG}.html")
    assert sniff_kind(article, None) == "page"
    assert sniff_kind(await fetch(fixture_site, BINARY_PATH), None) == "page"
    assert sniff_kind(await fetch(fixture_site, LIST_PATH), None) == "page"  # two links only
    for n in range(4):
        fixture_site.add_article(
            f"t2025030{n + 1}_30{n}",
            f"关于做好第{n + 1}批重点项目申报工作的通知",
            ["正文。"],
            date=datetime.date(2025, 3, n + 1),
        )
    listing = await fetch(fixture_site, LIST_PATH)
    assert sniff_kind(listing, listing.content.decode()) == "list"


# -- duplicates --------------------------------------------------------------------------


def test_content_key_ignores_whitespace_punctuation_width_and_script() -> None:
    text = "一、2025年工作回顾\n地区生产总值增长5.5%左右，居民收入稳步增长。"
    spaced = "一、 2025年工作回顾  地区生产总值增长5.5%左右,居民收入稳步增长."
    traditional = "一、２０２５年工作回顧\n地區生產總值增長5.5％左右，居民收入穩步增長。"
    assert content_key(text) == content_key(spaced)
    assert content_key(text) == content_key(traditional)
    assert content_key(text) != content_key(text.replace("5.5", "6.5"))
    assert len(content_key(text)) == 64


def test_a_repost_with_another_header_and_footer_is_a_near_duplicate() -> None:
    index = NearDuplicates()
    for name in ("province_guangdong_2022_gwr.txt", "city_qiandongnan_2023_stat-bulletin.txt"):
        index.add(name, (REAL / name).read_text(encoding="utf-8"))
    lines = real_lines("city_qiandongnan_2023_stat-bulletin.txt")  # title, issuer, date, body
    repost = "\n".join(
        [
            "转载：黔东南州统计局 2024-05-08 阅读 1024",
            "责任编辑：王某",
            *lines[3:],
            "（来源：日报）",
        ]
    )
    assert index.find(repost) == "city_qiandongnan_2023_stat-bulletin.txt"
    assert index.find("黔东南州2023年国民经济和社会发展统计公报") is None  # too short to say


def test_different_years_of_one_regions_report_stay_apart() -> None:
    pairs = [  # real reports of the dev split
        ("national_china_2015_gwr.txt", "national_china_2021_gwr.txt"),
        ("national_china_2021_gwr.txt", "national_china_2025_gwr.txt"),
    ]
    for older, newer in pairs:
        index = NearDuplicates()
        index.add(older, (REAL / older).read_text(encoding="utf-8"))
        assert index.find((REAL / newer).read_text(encoding="utf-8")) is None
        assert index.find((REAL / older).read_text(encoding="utf-8")) == older


async def test_an_html_page_and_its_attachment_are_one_document(fixture_site):
    """The page and the PDF it links carry the same body: found as one."""
    lines = real_lines("city_zhoukou_2023_stat-bulletin.txt", 40)
    title = lines[0]
    pdf = make_cjk_pdf(tuple(lines))
    url = fixture_site.add_article(
        "t20240401_777", title, lines[1:], attachments=[("zhoukou.pdf", pdf)]
    )
    html, _ = await fetch_text(fixture_site, url.removeprefix(fixture_site.url("")))
    article = extract_article(html, url)
    assert article.attachments == (fixture_site.url("/files/zhoukou.pdf"),)
    attachment = await fetch(fixture_site, "/files/zhoukou.pdf")
    pdf_text = decode_bytes(attachment.content, Path("zhoukou.pdf")).text
    index = NearDuplicates()
    index.add("page", article.text)
    other = (REAL / "city_qiandongnan_2023_stat-bulletin.txt").read_text(encoding="utf-8")
    index.add("other", other)  # another city's bulletin of the same year
    assert index.find(pdf_text) == "page"


async def test_the_fixture_attachments_read_back_through_the_corpus_reader(fixture_site):
    pdf = await fetch(fixture_site, PDF_PATH)
    docx = await fetch(fixture_site, DOCX_PATH)
    assert decode_bytes(pdf.content, Path("report.pdf")).text == "\n".join(PDF_LINES)
    docx_text = decode_bytes(docx.content, Path("plan.docx")).text
    assert [line for line in docx_text.split("\n") if line] == list(DOCX_LINES)


def test_entries_and_articles_are_frozen() -> None:
    entry = Entry("http://gov.example/a.html")
    with pytest.raises(AttributeError):
        entry.url = "x"  # type: ignore[misc]
    assert replace(entry, title="t").title == "t"


NOTICE = """<html><head><title>关于印发2025年工作要点的通知_某省发展改革委</title>
<meta name="PubDate" content="2025-03-02"></head><body><div class="nav"><a href="/">首页</a></div>
<div class="content"><h1>关于印发2025年工作要点的通知</h1>
<p>各市、县人民政府，省政府各部门：</p>
<p>现将《2025年工作要点》印发给你们，请认真贯彻落实。各地区要结合实际，细化工作举措。</p>
<h2>一、总体要求</h2>
<p>坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，着力推动高质量发展。</p>
<h3>（一）主要目标</h3>
<p>全省地区生产总值增长5.5%左右，一般公共预算收入增长5%。</p>
<table><tr><th>指标</th><th>单位</th><th>目标</th></tr>
<tr><td>地区生产总值增速</td><td>%</td><td>5.5</td></tr>
<tr><td>城镇新增就业</td><td>万人</td><td>60</td></tr></table>
<h2>二、重点任务</h2>
<ul><li>扩大有效投资，实施重大项目500个。</li><li>提振消费，社会消费品零售总额增长6%。</li></ul>
<p>某省发展和改革委员会<br>2025年3月2日</p>
</div></body></html>"""


def test_heading_tags_tables_lists_and_the_signature() -> None:
    article = extract_article(NOTICE, "http://fgw.example.gov.cn/zcfg/t20250302_1.html")
    assert article.title == "关于印发2025年工作要点的通知"
    assert article.published == datetime.date(2025, 3, 2)
    assert article.issuer == "某省发展和改革委员会"
    assert article.text.split("\n") == [
        "关于印发2025年工作要点的通知",
        "各市、县人民政府，省政府各部门：",
        "现将《2025年工作要点》印发给你们，请认真贯彻落实。各地区要结合实际，细化工作举措。",
        "一、总体要求",
        "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，着力推动高质量发展。",
        "（一）主要目标",
        "全省地区生产总值增长5.5%左右，一般公共预算收入增长5%。",
        "指标\t单位\t目标",
        "地区生产总值增速\t%\t5.5",
        "城镇新增就业\t万人\t60",
        "二、重点任务",
        "扩大有效投资，实施重大项目500个。",
        "提振消费，社会消费品零售总额增长6%。",
        "某省发展和改革委员会",
        "2025年3月2日",
    ]
    sections = {p.text: p.section for p in split_passages("d", article.text)}
    assert sections["扩大有效投资，实施重大项目500个。"] == ("二、重点任务",)
    assert sections["全省地区生产总值增长5.5%左右，一般公共预算收入增长5%。"] == (
        "一、总体要求",
        "（一）主要目标",
    )


def test_dates_from_the_url_or_none_and_quickly() -> None:
    """No meta, no 发布时间 line: the URL's date; without one, None (never a date the
    text mentions, and never the seconds-long full-text date search)."""
    lines = real_lines("city_zhoukou_2023_stat-bulletin.txt", 30)
    body = "".join(f"<p>{line}</p>" for line in lines)
    html = f"<html><head><title>统计公报</title></head><body>{body}</body></html>"
    dated = extract_article(html, "http://www.zhoukou.gov.cn/tjj/202403/t20240329_5.html")
    assert dated.published == datetime.date(2024, 3, 29)
    started = time.monotonic()
    undated = extract_article(html, "http://www.zhoukou.gov.cn/tjj/tjgb/5.html")
    assert undated.published is None
    assert time.monotonic() - started < 2


GOV_CN_LIST = """<html><body>
<div id="header"><ul class="menu"><li><a href="/zhengce/">政策</a></li>
<li><a href="/zhengce/zuixin/">最新政策文件汇编入口页</a></li></ul></div>
<div class="list list_1 list_2"><ul>
<li><h4><a href="./202501/t20250112_123.html" target="_blank">
国务院办公厅关于进一步优化政务服务提升行政效能的意见</a>
<span class="date">2025-01-12</span></h4></li>
<li><h4><a href="../content/2025-01/10/content_7000001.htm">
国务院关于印发《2025年政府工作报告》重点工作分工的意见</a>
<span class="date">2025-01-10</span></h4></li>
</ul></div>
<dl class="news"><dt><a href="/zhengce/202412/t20241230_99.html">
关于做好2025年元旦春节期间有关工作的通知</a></dt><dd>2024-12-30</dd></dl>
<div class="pages"><a href="index_1.htm">2</a> <a href="index_1.htm">下一页</a></div>
<div id="footer"><a href="/guanyu/">关于本网</a>
<a href="/zhengce/xxgk/index.htm">信息公开目录完整列表</a>
<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=1">京公网安备11000002000001号</a>
</div></body></html>"""


def test_a_gov_cn_style_list_with_headings_definition_lists_and_a_footer() -> None:
    links = list_links(GOV_CN_LIST, "https://www.gov.cn/zhengce/zuixin/index.htm")
    assert links == [
        Entry(
            "https://www.gov.cn/zhengce/zuixin/202501/t20250112_123.html",
            "国务院办公厅关于进一步优化政务服务提升行政效能的意见",
            datetime.date(2025, 1, 12),
        ),
        Entry(
            "https://www.gov.cn/zhengce/content/2025-01/10/content_7000001.htm",
            "国务院关于印发《2025年政府工作报告》重点工作分工的意见",
            datetime.date(2025, 1, 10),
        ),
        Entry(
            "https://www.gov.cn/zhengce/202412/t20241230_99.html",
            "关于做好2025年元旦春节期间有关工作的通知",
            datetime.date(2024, 12, 30),
        ),
    ]


def test_an_article_linking_related_articles_is_still_a_page() -> None:
    related = "".join(
        f'<li><a href="/zwgk/t2025010{n}_{n}.html">关于第{n}项重点工作的通知</a>'
        f"<span>2025-01-0{n}</span></li>"
        for n in range(1, 8)
    )
    body = "".join(f"<p>{line}</p>" for line in real_lines("national_china_2025_gwr.txt", 20))
    html = f"<html><body><h1>政府工作报告</h1>{body}<ul>{related}</ul></body></html>"
    page = Fetched("http://gov.example/zwgk/t1.html", 200, html.encode(), "text/html", None, None)
    assert len(list_links(html, page.url)) == 7
    assert sniff_kind(page, html) == "page"
    listing = replace(page, content=f"<html><body><ul>{related}</ul></body></html>".encode())
    assert sniff_kind(listing, None) == "list"


def test_the_title_is_not_the_logo() -> None:
    lines = real_lines(HUBEI_2026, 10)
    body = "".join(f"<p>{line}</p>" for line in lines)
    html = (
        "<html><head><title>2026年湖北省政府工作报告_湖北省人民政府</title></head><body>"
        "<h1 class='logo'><a href='/'>湖北省人民政府</a></h1>"
        f"<div><h1>2026年湖北省政府工作报告</h1>{body}</div></body></html>"
    )
    article = extract_article(html, "http://www.hubei.gov.cn/zwgk/a.html")
    assert article.title == "2026年湖北省政府工作报告"
    assert article.text.split("\n")[0] == "2026年湖北省政府工作报告"
