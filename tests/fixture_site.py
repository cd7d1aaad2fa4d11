"""A local government-style web site for the live-source tests (issue 15).

README. An aiohttp app served on 127.0.0.1 (port 0: a free one) from a thread with its
own event loop, so the same site works from plain (sync) tests and from pytest-asyncio
tests, and requests from the test's loop travel over real loopback HTTP. Use it through
the ``fixture_site`` pytest fixture (import it into the test module:
``from tests.fixture_site import fixture_site_fixture  # noqa: F401``; tests then
take ``fixture_site``) or as a context manager
(``with FixtureSite() as site:``). It is mutable while it runs:

* ``site.url(path)``: the absolute URL of a path;
* ``site.add_article(slug, title, body_lines, encoding=, date=, attachments=, issuer=)``
  publishes ``/zwgk/<slug>.html``: it appears on the list page and in both feeds;
  ``site.remove_article(slug)`` takes it down again;
* ``site.break_site()`` / ``site.repair()``: the list page and the feeds answer 500;
* ``site.flaky(path, failures, status=503, retry_after=None)``: the next ``failures``
  requests to ``path`` fail;
* ``site.robots``: the robots.txt text, or a status to answer it with (404, 503);
* ``site.hits[path]``: requests per path (a Counter), ``site.requests``: (path,
  headers) of every request, ``site.bytes_sent[path]``: body bytes written (streams),
  ``site.max_in_flight``: the most requests it served at once.

Pages (``LIST_PATH``, ``RSS_PATH`` … below): a list page with dated ``ul/li`` links
among navigation, footer, pagination and off-site links; a UTF-8 article with a PDF
and a DOCX attachment (generated at start, no new dependency); a GBK article (no
charset in the header, ``gb2312`` in its meta); a GBK page whose header wrongly says
UTF-8; RSS 2.0 and Atom feeds; ETag + Last-Modified with 304 on every page and file;
robots.txt disallowing ``/private/``; and the misbehaving pages: 404, 500, a slow page
(``slow_delay_s``, awaited server-side and cut short when the site stops), a redirect
loop, a redirect chain, a 50 MB page streamed lazily (chunked, and with a declared
Content-Length), 50 MB gzipped into 50 KB (``BOMB_PATH``), binary bytes served as
text/html, a "feed" that is HTML, an article without text. Pages are gzipped for
clients that accept it.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import hashlib
import io
import threading
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from email.utils import format_datetime, parsedate_to_datetime
from functools import cache
from html import escape

import pytest
from aiohttp import web

# the one PDF builder of the tests (a CJK text layer, no font embedded)
from tests.test_corpus_reader import make_cjk_pdf as _make_cjk_pdf

SITE_NAME = "示例市人民政府"
ROBOTS_TXT = "User-agent: *\nDisallow: /private/\n\nSitemap: /sitemap.xml\n"
LIST_PATH = "/zwgk/index.html"
RSS_PATH = "/rss.xml"
ATOM_PATH = "/atom.xml"
PDF_PATH = "/files/report.pdf"
DOCX_PATH = "/files/plan.docx"
UTF8_SLUG = "t20250112_1001"
GBK_SLUG = "t20250210_1002"
WRONG_HEADER_PATH = "/zwgk/gbk-wrong-header.html"
PRIVATE_PATH = "/private/secret.html"
SLOW_PATH = "/slow"
LOOP_PATH = "/loop/a"
HUGE_PATH = "/huge"
HUGE_DECLARED_PATH = "/huge-declared"
BINARY_PATH = "/binary.html"
NOT_FEED_PATH = "/not-feed.xml"
EMPTY_PATH = "/empty.html"
NOT_FOUND_PATH = "/status/404"
ERROR_PATH = "/status/500"
BOMB_PATH = "/bomb.html"
HUGE_BYTES = 50 * 1024 * 1024
_EPOCH = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)

UTF8_TITLE = "示例市2025年政府工作报告"
UTF8_LINES = (
    "各位代表：",
    "现在，我代表市人民政府，向大会报告政府工作，请予审议，并请市政协委员提出意见。",
    "一、2024年工作回顾",
    "过去一年，全市经济运行稳中有进，地区生产总值增长5.6%，一般公共预算收入增长6.1%，"
    "城镇新增就业5.2万人，居民人均可支配收入增长5.8%。",
    "（一）产业转型升级步伐加快",
    "新认定高新技术企业320家，战略性新兴产业增加值占规模以上工业比重提高到38%。"
    "数字经济核心产业增加值增长12%。",
    "（二）民生保障持续加强",
    "新建改扩建中小学12所，新增学位1.5万个；城乡居民基本养老保险参保率稳定在95%以上。",
    "二、2025年主要目标和重点任务",
    "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，"
    "一般公共预算收入增长5%，城镇调查失业率控制在5.5%以内，居民消费价格涨幅3%左右。",
    "（一）着力扩大有效需求",
    "实施重大项目200个，完成投资1200亿元以上，社会消费品零售总额增长6%。",
    "（二）着力推进科技创新",
    "全社会研发经费投入强度达到2.8%，高新技术企业数量突破2000家。",
)
GBK_TITLE = "示例市2024年国民经济和社会发展统计公报"
GBK_LINES = (
    "一、综合",
    "初步核算，全年全市地区生产总值达到5320亿元，比上年增长5.6%。"
    "其中，第一产业增加值210亿元，增长3.2%；第二产业增加值2150亿元，增长6.0%。",
    "全年居民消费价格比上年上涨0.4%，其中食品烟酒类价格下降0.8%。",
    "二、农业",
    "全年粮食种植面积410万亩，粮食总产量165万吨，比上年增长1.2%。",
    "三、工业和建筑业",
    "全年规模以上工业增加值比上年增长7.1%，高技术制造业增加值增长11.5%。",
    "镕铁工业园区完成技改投资42亿元。",
)
PDF_LINES = (
    "一、2025年重点工作",
    "地区生产总值增长5.5%左右。",
    "示例市推动绿色低碳高质量发展。",
)
DOCX_LINES = (
    "示例市“十五五”规划纲要（草案）",
    "一、发展目标",
    "到2030年，全市地区生产总值突破8000亿元，研发经费投入强度达到3%。",
    "二、重点任务",
    "建设现代化产业体系，培育新兴产业集群。",
)

# A small PNG header followed by binary noise: served as text/html on BINARY_PATH.
BINARY_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8


@dataclass
class FixtureArticle:
    slug: str
    title: str
    body_lines: tuple[str, ...]
    encoding: str = "utf-8"
    date: datetime.date | None = None
    attachments: tuple[str, ...] = ()  # paths on the site
    issuer: str | None = SITE_NAME
    order: int = 0

    @property
    def path(self) -> str:
        return f"/zwgk/{self.slug}.html"


@dataclass
class _Page:
    body: bytes
    content_type: str
    modified: datetime.datetime
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


class FixtureSite:
    """The site (see the module docstring). Start with :meth:`start` or ``with``."""

    def __init__(self, *, slow_delay_s: float = 3.0) -> None:
        self.slow_delay_s = slow_delay_s
        self.hits: Counter[str] = Counter()
        self.bytes_sent: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.broken = False
        self.robots: str | int = ROBOTS_TXT
        """robots.txt: its text, or a status to answer with (404: none, 503: trouble)."""
        self.in_flight = 0
        self.max_in_flight = 0
        self.port = 0
        self._articles: dict[str, FixtureArticle] = {}
        self._files: dict[str, tuple[bytes, str]] = {}
        self._pages: dict[str, _Page] = {}
        self._flaky: dict[str, tuple[int, int, str | None]] = {}
        self._changed = _EPOCH
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._error: BaseException | None = None
        self._publish_defaults()

    # -- running ---------------------------------------------------------------------

    def start(self, timeout: float = 10.0) -> FixtureSite:
        self._thread = threading.Thread(target=self._run, name="fixture-site", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise RuntimeError(f"the fixture site did not start within {timeout} s")
        if self._error is not None:
            raise RuntimeError("the fixture site failed to start") from self._error
        return self

    def stop(self, timeout: float = 10.0) -> None:
        if self._loop is not None and self._stop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                raise RuntimeError(f"the fixture site did not stop within {timeout} s")

    def __enter__(self) -> FixtureSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._serve())
        except BaseException as exc:  # reported to start()
            self._error = exc
            self._ready.set()
        finally:
            loop.close()

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        runner = web.AppRunner(
            app, access_log=None, handler_cancellation=True, shutdown_timeout=1.0
        )
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        self.port = runner.addresses[0][1]
        self._ready.set()
        try:
            await self._stop.wait()
        finally:
            await runner.cleanup()

    # -- what tests change -----------------------------------------------------------

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add_article(
        self,
        slug: str,
        title: str,
        body_lines: Iterable[str],
        *,
        encoding: str = "utf-8",
        date: datetime.date | None = None,
        attachments: Iterable[str | tuple[str, bytes]] = (),
        issuer: str | None = SITE_NAME,
    ) -> str:
        """Publish an article at ``/zwgk/<slug>.html``: its URL.

        ``attachments``: paths of files on the site (``PDF_PATH``) or ``(name, bytes)``
        pairs published as ``/files/<name>``. The list page and the feeds change (new
        ETag and Last-Modified); the newest date comes first on them.
        """
        paths = []
        for item in attachments:
            if isinstance(item, tuple):
                name, data = item
                path = f"/files/{name}"
                self._files[path] = (data, _file_type(name))
                paths.append(path)
            else:
                paths.append(item)
        with self._lock:
            article = FixtureArticle(
                slug,
                title,
                tuple(body_lines),
                encoding,
                date,
                tuple(paths),
                issuer,
                order=len(self._articles),
            )
            self._articles[slug] = article
            self._touch()
        return self.url(article.path)

    def remove_article(self, slug: str) -> None:
        with self._lock:
            self._articles.pop(slug, None)
            self._touch()

    def articles(self) -> list[FixtureArticle]:
        """Newest first, as the list page shows them."""
        with self._lock:
            items = list(self._articles.values())
        return sorted(items, key=lambda a: (a.date or datetime.date.min, a.order), reverse=True)

    def set_page(
        self,
        path: str,
        body: bytes | str,
        content_type: str = "text/html; charset=utf-8",
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> str:
        """Serve ``body`` at ``path`` (any page of the tests' making): its URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        with self._lock:
            self._touch()
            self._pages[path] = _Page(data, content_type, self._changed, status, headers or {})
        return self.url(path)

    def break_site(self) -> None:
        """The list page and the feeds answer 500 until :meth:`repair`."""
        self.broken = True

    def repair(self) -> None:
        self.broken = False

    def flaky(
        self, path: str, failures: int, *, status: int = 503, retry_after: str | None = None
    ) -> None:
        """The next ``failures`` requests to ``path`` answer ``status``."""
        self._flaky[path] = (failures, status, retry_after)

    def _touch(self) -> None:
        # Last-Modified has a resolution of one second: every change moves it by one.
        self._changed += datetime.timedelta(seconds=1)

    def _publish_defaults(self) -> None:
        self._files[PDF_PATH] = (make_cjk_pdf(PDF_LINES), "application/pdf")
        self._files[DOCX_PATH] = (make_docx(DOCX_LINES), _file_type("plan.docx"))
        self.add_article(
            UTF8_SLUG,
            UTF8_TITLE,
            UTF8_LINES,
            date=datetime.date(2025, 1, 12),
            attachments=(PDF_PATH, DOCX_PATH),
        )
        self.add_article(
            GBK_SLUG,
            GBK_TITLE,
            GBK_LINES,
            encoding="gbk",
            date=datetime.date(2025, 2, 10),
            issuer="示例市统计局",
        )

    # -- serving ---------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        self.hits[path] += 1
        self.requests.append((path, dict(request.headers)))
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            return await self._respond(request, path)
        finally:
            self.in_flight -= 1

    async def _respond(self, request: web.Request, path: str) -> web.StreamResponse:
        flaky = self._flaky.get(path)
        if flaky and flaky[0] > 0:
            left, status, retry_after = flaky
            self._flaky[path] = (left - 1, status, retry_after)
            headers = {"Retry-After": retry_after} if retry_after is not None else {}
            return web.Response(status=status, text="try later", headers=headers)
        special = {
            "/robots.txt": self._robots,
            SLOW_PATH: self._slow,
            "/loop/a": lambda r: _redirect("/loop/b"),
            "/loop/b": lambda r: _redirect("/loop/a"),
            HUGE_PATH: lambda r: self._huge(r, declared=False),
            HUGE_DECLARED_PATH: lambda r: self._huge(r, declared=True),
            ERROR_PATH: lambda r: web.Response(status=500, text="internal error"),
            BOMB_PATH: lambda r: web.Response(
                body=gzip_bomb(), headers={"Content-Encoding": "gzip", "Content-Type": "text/html"}
            ),
        }.get(path)
        if special is not None:
            result = special(request)
            return await result if asyncio.iscoroutine(result) else result
        if path.startswith("/redirect/"):
            return self._redirect_chain(path)
        page = self._page(path)
        if page is None:
            return web.Response(status=404, text="404 Not Found")
        if page.status != 200:
            return web.Response(
                status=page.status, body=page.body, content_type=None, headers=page.headers
            )
        return _conditional(request, page)

    def _page(self, path: str) -> _Page | None:
        with self._lock:
            custom = self._pages.get(path)
            if custom is not None:
                return custom
            changed = self._changed
            articles = list(self._articles.values())
        if path in (LIST_PATH, "/zwgk/", RSS_PATH, ATOM_PATH) and self.broken:
            return _Page(b"internal error", "text/plain", changed, status=500)
        if path in (LIST_PATH, "/zwgk/"):
            return _Page(self._list_html().encode(), "text/html; charset=utf-8", changed)
        if path == RSS_PATH:
            return _Page(self._rss().encode(), "application/rss+xml; charset=utf-8", changed)
        if path == ATOM_PATH:
            return _Page(self._atom().encode(), "application/atom+xml", changed)
        if path in self._files:
            data, kind = self._files[path]
            return _Page(data, kind, _EPOCH)
        for article in articles:
            if path == article.path:
                modified = datetime.datetime.combine(
                    article.date or _EPOCH.date(), datetime.time(8), datetime.UTC
                )
                content_type = "text/html"
                if article.encoding.lower().replace("-", "") in ("utf8",):
                    content_type = "text/html; charset=utf-8"
                return _Page(article_html(article).encode(article.encoding), content_type, modified)
        fixed = _fixed_pages().get(path)
        if fixed is not None:
            return _Page(fixed[0], fixed[1], _EPOCH)
        return None

    async def _robots(self, request: web.Request) -> web.Response:
        if isinstance(self.robots, int):
            return web.Response(status=self.robots, text="no robots.txt here")
        return web.Response(text=self.robots, content_type="text/plain")

    async def _slow(self, request: web.Request) -> web.Response:
        assert self._stop is not None
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stop.wait(), self.slow_delay_s)
        return web.Response(text="<html><body><p>终于到了。</p></body></html>")

    def _redirect_chain(self, path: str) -> web.Response:
        try:
            n = int(path.rsplit("/", 1)[1])
        except ValueError:
            return web.Response(status=404)
        if n <= 0:
            return _redirect(f"/zwgk/{UTF8_SLUG}.html")
        return _redirect(f"/redirect/{n - 1}")

    async def _huge(self, request: web.Request, *, declared: bool) -> web.StreamResponse:
        """50 MB of HTML, written chunk by chunk (never held in memory)."""
        assert self._stop is not None
        response = web.StreamResponse(headers={"Content-Type": "text/html; charset=utf-8"})
        if declared:
            response.content_length = HUGE_BYTES
        await response.prepare(request)
        chunk = (b"<p>" + "政府工作报告".encode() * 3640)[: 64 * 1024]
        chunk = chunk.ljust(64 * 1024, b" ")
        try:
            for _ in range(HUGE_BYTES // len(chunk)):
                if self._stop.is_set():
                    break
                await response.write(chunk)
                self.bytes_sent[request.path] += len(chunk)
        except ConnectionError:  # the client stopped reading: what it should do
            pass
        return response

    def _list_html(self) -> str:
        items = "\n".join(
            f'<li><a href="{a.slug}.html" target="_blank" title="{escape(a.title)}">'
            f"{escape(a.title)}</a><span>{a.date.isoformat() if a.date else ''}</span></li>"
            for a in self.articles()
        )
        return LIST_TEMPLATE.format(site=SITE_NAME, items=items)

    def _rss(self) -> str:
        items = "\n".join(
            f"<item><title>{escape(a.title)}</title><link>{self.url(a.path)}</link>"
            f"<guid>{self.url(a.path)}</guid>"
            + (f"<pubDate>{_http_date(a.date)}</pubDate>" if a.date else "")
            + f"<description>{escape(a.body_lines[0] if a.body_lines else '')}</description>"
            "</item>"
            for a in self.articles()
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>{SITE_NAME} 政策文件</title><link>{self.url(LIST_PATH)}</link>"
            f"<description>政策文件</description>\n{items}\n</channel></rss>"
        )

    def _atom(self) -> str:
        entries = "\n".join(
            f'<entry><title>{escape(a.title)}</title><link href="{self.url(a.path)}"/>'
            f"<id>{self.url(a.path)}</id>"
            + (f"<updated>{a.date.isoformat()}T08:00:00+08:00</updated>" if a.date else "")
            + f"<summary>{escape(a.body_lines[0] if a.body_lines else '')}</summary></entry>"
            for a in self.articles()
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{SITE_NAME} 政策文件</title><id>{self.url(ATOM_PATH)}</id>"
            f"<updated>2025-02-10T08:00:00+08:00</updated>\n{entries}\n</feed>"
        )


def _redirect(location: str) -> web.Response:
    return web.Response(status=302, headers={"Location": location})


def _conditional(request: web.Request, page: _Page) -> web.Response:
    """ETag and Last-Modified on every page, 304 when the client has it already."""
    etag = '"' + hashlib.sha1(page.body).hexdigest()[:16] + '"'
    modified = page.modified.replace(microsecond=0)
    headers = {"ETag": etag, "Last-Modified": format_datetime(modified, usegmt=True)}
    headers.update(page.headers)
    if_none_match = request.headers.get("If-None-Match")
    if_modified = request.headers.get("If-Modified-Since")
    unchanged = False
    if if_none_match is not None:
        unchanged = etag in [tag.strip() for tag in if_none_match.split(",")]
    elif if_modified is not None:
        try:
            unchanged = modified <= parsedate_to_datetime(if_modified)
        except (TypeError, ValueError):
            unchanged = False
    if unchanged:
        return web.Response(status=304, headers=headers)
    headers["Content-Type"] = page.content_type
    response = web.Response(body=page.body, headers=headers)
    if "Content-Encoding" not in headers:
        response.enable_compression()  # gzip or deflate when the client accepts it
    return response


def _http_date(day: datetime.date) -> str:
    when = datetime.datetime.combine(day, datetime.time(0), datetime.UTC)
    return format_datetime(when, usegmt=True)


def _file_type(name: str) -> str:
    return {
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "doc": "application/msword",
        "txt": "text/plain; charset=utf-8",
    }.get(name.rsplit(".", 1)[-1].lower(), "application/octet-stream")


LIST_TEMPLATE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>政策文件_{site}</title></head>
<body>
<div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> |
<a href="/hdjl/">互动交流</a> | <a href="/english/">English</a> |
<a href="/wzdt.html">网站地图</a> | <a href="https://www.gov.cn/">中国政府网</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt;
<a href="/zwgk/">政务公开</a> &gt; 政策文件</div>
<div class="sidebar"><ul>
<li><a href="/zwgk/tzgg/">通知公告</a></li>
<li><a href="/zwgk/zcjd/">政策解读</a></li>
<li><a href="/zwgk/ghjh/">规划计划</a></li>
</ul></div>
<div class="list">
<ul class="news_list">
{items}
</ul>
<div class="page"><a href="index.html">首页</a> <a href="index_1.html">下一页</a>
<a href="index_9.html">尾页</a></div>
</div>
<div class="related"><ul>
<li><a href="https://www.gov.cn/zhengce/content/2025-01/10/content_7000001.htm">国务院关于进一步优化营商环境的意见（外站）</a><span>2025-01-10</span></li>
</ul></div>
<div class="footer"><a href="/wzsm.html">网站声明</a> | <a href="/lxwm.html">联系我们</a> |
<a href="/about.html">关于本站</a><br>主办：{site}办公室 京ICP备12345678号</div>
</body></html>
"""

ARTICLE_TEMPLATE = """<!DOCTYPE html>
<html><head>
{charset}
<title>{title}_{site}</title>
<meta name="ArticleTitle" content="{title}">
{pubdate_meta}
{source_meta}
</head>
<body>
<div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> |
<a href="/hdjl/">互动交流</a> | <a href="/wzdt.html">网站地图</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 正文</div>
<div class="article">
<h1>{title}</h1>
<div class="info">{info}【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
<div class="TRS_Editor" id="zoom">
{paragraphs}
</div>
{attachments}
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div class="tools"><a href="javascript:window.print()">打印本页</a>
<a href="javascript:window.close()">关闭窗口</a></div>
</div>
<div class="footer"><a href="/wzsm.html">网站声明</a> | <a href="/lxwm.html">联系我们</a><br>
主办：{site}办公室 京ICP备12345678号</div>
</body></html>
"""


def _is_heading_line(line: str) -> bool:
    from bot.corpus.parse import parse_heading

    heading = parse_heading(line, allow_plain=False)
    return heading is not None and not heading.run_in


def article_html(article: FixtureArticle) -> str:
    """An article page as government sites write them: headings as bold paragraphs,
    tab-separated lines as rows of a table."""
    if article.encoding.lower().replace("-", "") in ("utf8",):
        charset = '<meta charset="utf-8">'
    else:  # GBK pages declare gb2312, as such sites do
        charset = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    blocks: list[str] = []
    rows: list[str] = []
    for line in [*article.body_lines, ""]:
        if "\t" in line:  # tab-separated lines are table rows, as in the corpus
            cells = "".join(f"<td>{escape(cell)}</td>" for cell in line.split("\t"))
            rows.append(f"<tr>{cells}</tr>")
            continue
        if rows:
            blocks.append('<table border="1">' + "".join(rows) + "</table>")
            rows.clear()
        if not line:
            continue
        if _is_heading_line(line):
            blocks.append(f'<p style="text-align: center;"><strong>{escape(line)}</strong></p>')
        else:
            blocks.append(f'<p style="text-indent: 2em;">{escape(line)}</p>')
    paragraphs = "\n".join(blocks)
    info = []
    if article.date:
        info.append(f"发布时间：{article.date.isoformat()}")
    if article.issuer:
        info.append(f"来源：{escape(article.issuer)}")
    attachments = ""
    if article.attachments:
        links = "\n".join(
            f'<li><a href="{path}">{escape(path.rsplit("/", 1)[-1])}</a></li>'
            for path in article.attachments
        )
        attachments = f'<div class="fujian">附件：<ul>\n{links}\n</ul></div>'
    pubdate = (
        f'<meta name="PubDate" content="{article.date.isoformat()} 10:00">' if article.date else ""
    )
    source = (
        f'<meta name="ContentSource" content="{escape(article.issuer)}">' if article.issuer else ""
    )
    return ARTICLE_TEMPLATE.format(
        charset=charset,
        title=escape(article.title),
        site=SITE_NAME,
        pubdate_meta=pubdate,
        source_meta=source,
        info="&nbsp;&nbsp;".join(info),
        paragraphs=paragraphs,
        attachments=attachments,
    )


@cache
def _fixed_pages() -> dict[str, tuple[bytes, str]]:
    wrong = FixtureArticle("gbk-wrong-header", GBK_TITLE, GBK_LINES, "gbk", issuer="示例市统计局")
    empty = FixtureArticle("empty", "空白页面", (), date=datetime.date(2025, 3, 1))
    secret = FixtureArticle("secret", "内部资料", UTF8_LINES)
    not_feed = (
        "<!DOCTYPE html><html><head><title>页面已迁移</title></head><body>"
        "<p>本栏目已迁移，请访问新版网站。</p></body></html>"
    )
    return {
        # GBK bytes, a header that says UTF-8 and a meta that says gb2312
        WRONG_HEADER_PATH: (article_html(wrong).encode("gbk"), "text/html; charset=utf-8"),
        EMPTY_PATH: (article_html(empty).encode(), "text/html; charset=utf-8"),
        PRIVATE_PATH: (article_html(secret).encode(), "text/html; charset=utf-8"),
        BINARY_PATH: (BINARY_BYTES, "text/html; charset=utf-8"),
        NOT_FEED_PATH: (not_feed.encode(), "application/rss+xml; charset=utf-8"),
    }


@cache
def gzip_bomb() -> bytes:
    """50 MB of HTML gzipped into about 50 KB (compressed chunk by chunk, never whole)."""
    z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b" " * (1024 * 1024)
    parts = [z.compress(b"<html><body><p>")]
    parts += [z.compress(chunk) for _ in range(HUGE_BYTES // len(chunk))]
    parts.append(z.flush())
    return b"".join(parts)


@cache
def make_docx(lines: tuple[str, ...]) -> bytes:
    """A .docx whose paragraphs are ``lines`` (python-docx, a project dependency)."""
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


make_cjk_pdf = cache(_make_cjk_pdf)
"""The tests' PDF builder (tests/test_corpus_reader.py), built once per set of lines."""


@pytest.fixture(name="fixture_site")
def fixture_site_fixture() -> Iterator[FixtureSite]:
    """A fresh fixture site per test (sync or async tests alike), stopped afterwards."""
    with FixtureSite() as site:
        yield site
