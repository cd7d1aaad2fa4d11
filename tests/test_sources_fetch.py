"""The live-source fetcher against the fixture site over real loopback HTTP (issue 15)."""

from __future__ import annotations

import asyncio
import socket
import time
import tracemalloc
import zlib

import httpx
import pytest

from bot.sources import urls
from bot.sources.decode import decode_html, looks_binary
from bot.sources.fetch import Fetcher
from bot.sources.models import DEFAULT_USER_AGENT, FetchError, FetchPolicy
from bot.sources.urls import check_url, is_private_host, is_private_ip
from tests.fixture_site import (
    BINARY_PATH,
    BOMB_PATH,
    ERROR_PATH,
    GBK_LINES,
    GBK_SLUG,
    HUGE_DECLARED_PATH,
    HUGE_PATH,
    LIST_PATH,
    LOOP_PATH,
    NOT_FOUND_PATH,
    PDF_PATH,
    PRIVATE_PATH,
    SLOW_PATH,
    UTF8_SLUG,
    UTF8_TITLE,
    WRONG_HEADER_PATH,
    FixtureSite,
    fixture_site_fixture,  # noqa: F401 - the fixture_site fixture
)

LOCAL = FetchPolicy(allow_private=True, host_gap_s=0, retries=0, timeout_s=2, retry_wait_s=0.01)


def policy(**changes) -> FetchPolicy:
    from dataclasses import replace

    return replace(LOCAL, **changes)


class FakeClock:
    """Real monotonic time plus what was 'slept': sleeps are recorded, never waited."""

    def __init__(self) -> None:
        self.sleeps: list[float] = []
        self.offset = 0.0

    def monotonic(self) -> float:
        return time.monotonic() + self.offset

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.offset += seconds


async def fetch_error(fetcher: Fetcher, url: str, **kwargs) -> FetchError:
    with pytest.raises(FetchError) as info:
        await fetcher.get(url, **kwargs)
    return info.value


# -- URLs and addresses ------------------------------------------------------------------


def test_urls_are_normalised_and_only_http_is_accepted() -> None:
    assert check_url("HTTP://Example.COM") == "http://example.com/"
    assert check_url("https://www.gov.cn:443/zhengce/#top") == "https://www.gov.cn/zhengce/"
    assert check_url("http://127.0.0.1:8080/a?b=1") == "http://127.0.0.1:8080/a?b=1"
    assert check_url("https://例子.中国/x") == "https://xn--fsqu00a.xn--fiqs8s/x"
    encoded = "http://gov.example/%E6%94%BF%E7%AD%96/a.html?q=%E6%8A%A5%E5%91%8A&p=1"
    assert check_url("http://gov.example/政策/a.html?q=报告&p=1") == encoded
    assert check_url(encoded) == encoded
    for bad in ("ftp://example.com/", "file:///etc/passwd", "javascript:alert(1)", "http://",
                "example.com/page", "http://exa mple.com/", "http://x:99999/", ""):  # fmt: skip
        with pytest.raises(FetchError) as info:
            check_url(bad)
        assert info.value.code == "bad_url", bad
        assert "not an http(s) URL" in str(info.value)


def test_private_addresses_are_recognised() -> None:
    for private in ("127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.5.4", "169.254.169.254",
                    "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1",
                    "224.0.0.1"):  # fmt: skip
        assert is_private_ip(private), private
    assert not is_private_ip("93.184.216.34")
    assert not is_private_ip("2606:2800:220:1:248:1893:25c8:1946")
    assert is_private_host("localhost")
    assert is_private_host("[::1]")
    assert is_private_host("printer.local")
    assert not is_private_host("8.8.8.8")


async def test_loopback_is_refused_unless_allowed_and_nothing_is_requested(fixture_site):
    async with Fetcher(policy(allow_private=False)) as fetcher:
        error = await fetch_error(fetcher, fixture_site.url(LIST_PATH))
        assert error.code == "private_address"
        assert error.params["host"] == "127.0.0.1"
        url = fixture_site.url(LIST_PATH).replace("127.0.0.1", "localhost")
        assert (await fetch_error(fetcher, url)).code == "private_address"
    assert fixture_site.hits == {}


async def test_a_redirect_to_a_private_address_is_refused_before_it_is_requested():
    """Each hop is checked: a public page redirecting into the bot's network is refused.

    (No public server here: a mock transport plays the public site and a fake resolver
    says where the names point.)
    """
    requested: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(302, headers={"Location": "http://10.1.2.3/admin"})

    async def resolve(host: str, port: int) -> list[str]:
        return {"public.example": ["93.184.216.34"]}[host]

    fetcher = Fetcher(
        policy(allow_private=False), transport=httpx.MockTransport(handler), resolve=resolve
    )
    async with fetcher:
        error = await fetch_error(fetcher, "http://public.example/news")
    assert error.code == "private_address"
    assert error.params["host"] == "10.1.2.3"
    assert requested == ["http://public.example/robots.txt", "http://public.example/news"]


async def test_a_name_resolving_public_then_connecting_to_loopback_is_caught(
    fixture_site, monkeypatch
):
    """DNS rebinding: the check before connecting is fooled, the peer address is not.

    ("localhost" plays a public name here: its shortcut is removed and the resolver lies.)
    """
    monkeypatch.setattr(urls, "_LOCAL_NAMES", ())

    async def resolve(host: str, port: int) -> list[str]:
        return ["93.184.216.34"]

    url = fixture_site.url(LIST_PATH).replace("127.0.0.1", "localhost")
    async with Fetcher(policy(allow_private=False, respect_robots=False), resolve=resolve) as f:
        error = await fetch_error(f, url)
    assert error.code == "private_address"
    assert error.params["host"] == "127.0.0.1"


async def test_bad_urls_are_refused_without_a_request(fixture_site):
    async with Fetcher(LOCAL) as fetcher:
        for bad in ("ftp://127.0.0.1/x", "not a url", "http:///nohost"):
            assert (await fetch_error(fetcher, bad)).code == "bad_url"
    assert fixture_site.hits == {}


# -- fetching ----------------------------------------------------------------------------


async def test_a_page_is_fetched_with_its_validators_and_the_user_agent(fixture_site):
    url = fixture_site.url(f"/zwgk/{UTF8_SLUG}.html")
    async with Fetcher(LOCAL) as fetcher:
        page = await fetcher.get(url)
    assert page.url == url
    assert page.status == 200
    assert not page.not_modified
    assert page.content_type == "text/html; charset=utf-8"
    assert page.etag is not None and page.etag.startswith('"')
    assert page.last_modified == "Sun, 12 Jan 2025 08:00:00 GMT"
    assert f"<h1>{UTF8_TITLE}</h1>" in page.content.decode()
    assert [path for path, _ in fixture_site.requests] == ["/robots.txt", f"/zwgk/{UTF8_SLUG}.html"]
    assert all(h["User-Agent"] == DEFAULT_USER_AGENT for _, h in fixture_site.requests)


async def test_conditional_get_gives_304_until_the_page_changes(fixture_site):
    url = fixture_site.url(LIST_PATH)
    async with Fetcher(LOCAL) as fetcher:
        first = await fetcher.get(url)
        again = await fetcher.get(url, etag=first.etag, last_modified=first.last_modified)
        assert again.not_modified and again.status == 304 and again.content == b""
        assert (again.etag, again.last_modified) == (first.etag, first.last_modified)
        by_date = await fetcher.get(url, last_modified=first.last_modified)
        assert by_date.not_modified
        fixture_site.add_article("t20250301_1003", "关于新文件的通知", ["通知正文。"])
        changed = await fetcher.get(url, etag=first.etag, last_modified=first.last_modified)
    assert not changed.not_modified and changed.status == 200
    assert changed.etag != first.etag
    assert "关于新文件的通知" in changed.content.decode()
    sent = [h for path, h in fixture_site.requests if path == LIST_PATH]
    assert sent[1]["If-None-Match"] == first.etag
    assert sent[1]["If-Modified-Since"] == first.last_modified


async def test_redirects_are_followed_to_the_final_url(fixture_site):
    async with Fetcher(LOCAL) as fetcher:
        page = await fetcher.get(fixture_site.url("/redirect/3"))
        assert page.url == fixture_site.url(f"/zwgk/{UTF8_SLUG}.html")
        too_many = await fetch_error(fetcher, fixture_site.url("/redirect/9"))
        assert too_many.code == "too_many_redirects"
        assert too_many.params["limit"] == "5"
        loop = await fetch_error(fetcher, fixture_site.url(LOOP_PATH))
        assert loop.code == "redirect_loop"
        assert loop.params["url"] == fixture_site.url(LOOP_PATH)
    assert fixture_site.hits["/redirect/9"] == 1
    assert fixture_site.hits["/redirect/3"] == 1
    assert fixture_site.hits["/redirect/4"] == 1  # the sixth hop is never requested
    assert fixture_site.hits["/redirect/3"] + fixture_site.hits["/loop/a"] == 2


async def test_http_errors_carry_their_status_and_are_not_retried_when_final(fixture_site):
    async with Fetcher(policy(retries=2)) as fetcher:
        missing = await fetch_error(fetcher, fixture_site.url(NOT_FOUND_PATH))
    assert (missing.code, missing.params["status"]) == ("http_status", "404")
    assert str(missing) == f"the server answered HTTP 404 for {fixture_site.url(NOT_FOUND_PATH)}"
    assert fixture_site.hits[NOT_FOUND_PATH] == 1


async def test_5xx_is_retried_with_exponential_backoff_then_reported(fixture_site):
    clock = FakeClock()
    async with Fetcher(policy(retries=2), clock=clock) as fetcher:
        error = await fetch_error(fetcher, fixture_site.url(ERROR_PATH))
    assert (error.code, error.params["status"]) == ("http_status", "500")
    assert fixture_site.hits[ERROR_PATH] == 3
    assert clock.sleeps == [0.01, 0.02]


async def test_a_flaky_page_succeeds_after_retries_honouring_retry_after(fixture_site):
    fixture_site.flaky(LIST_PATH, 2, status=503, retry_after="7")
    fixture_site.flaky(f"/zwgk/{UTF8_SLUG}.html", 1, status=429, retry_after="3600")
    clock = FakeClock()
    async with Fetcher(policy(retries=3), clock=clock) as fetcher:
        page = await fetcher.get(fixture_site.url(LIST_PATH))
        assert page.status == 200
        assert clock.sleeps == [7, 7]
        await fetcher.get(fixture_site.url(f"/zwgk/{UTF8_SLUG}.html"))
    assert clock.sleeps == [7, 7, 60]  # Retry-After capped at retry_after_cap_s
    assert fixture_site.hits[LIST_PATH] == 3


async def test_a_slow_page_times_out(fixture_site):
    started = time.monotonic()
    async with Fetcher(policy(timeout_s=0.3)) as fetcher:
        error = await fetch_error(fetcher, fixture_site.url(SLOW_PATH))
    assert error.code == "timeout"
    assert error.params["seconds"] == "0.3"
    assert 0.25 < time.monotonic() - started < 2.5


async def test_a_refused_connection_is_a_network_error():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    async with Fetcher(policy(respect_robots=False)) as fetcher:
        error = await fetch_error(fetcher, f"http://127.0.0.1:{port}/")
    assert error.code == "network"


async def test_a_50_mb_page_is_cut_off_at_the_size_limit(fixture_site):
    async with Fetcher(policy(max_bytes=1024 * 1024)) as fetcher:
        streamed = await fetch_error(fetcher, fixture_site.url(HUGE_PATH))
        declared = await fetch_error(fetcher, fixture_site.url(HUGE_DECLARED_PATH))
    assert (streamed.code, streamed.params["limit_mb"]) == ("too_large", "1")
    assert (declared.code, declared.params["limit_mb"]) == ("too_large", "1")
    # The client stopped reading: the server wrote a fraction of the 50 MB.
    assert fixture_site.bytes_sent[HUGE_PATH] < 20 * 1024 * 1024
    assert fixture_site.bytes_sent[HUGE_DECLARED_PATH] < 20 * 1024 * 1024


async def test_the_default_limit_is_10_mb_and_a_request_may_set_its_own(fixture_site):
    async with Fetcher(LOCAL) as fetcher:
        error = await fetch_error(fetcher, fixture_site.url(HUGE_PATH))
        assert (error.code, error.params["limit_mb"]) == ("too_large", "10")
        assert "larger than 10 MB" in str(error)
        small = await fetch_error(fetcher, fixture_site.url(PDF_PATH), max_bytes=1000)
        assert (small.code, small.params["limit_mb"]) == ("too_large", "0.000954")
        pdf = await fetcher.get(fixture_site.url(PDF_PATH), max_bytes=20 * 1024 * 1024)
        assert pdf.content.startswith(b"%PDF-")


async def test_attachments_come_back_as_bytes(fixture_site):
    async with Fetcher(LOCAL) as fetcher:
        pdf = await fetcher.get(fixture_site.url(PDF_PATH))
    assert pdf.content.startswith(b"%PDF-")
    assert pdf.content_type == "application/pdf"


# -- robots.txt --------------------------------------------------------------------------


async def test_robots_txt_is_obeyed_and_read_once_per_fetcher(fixture_site):
    async with Fetcher(LOCAL) as fetcher:
        error = await fetch_error(fetcher, fixture_site.url(PRIVATE_PATH))
        assert error.code == "robots"
        await fetcher.get(fixture_site.url(LIST_PATH))
        await fetcher.get(fixture_site.url(f"/zwgk/{UTF8_SLUG}.html"))
    assert fixture_site.hits["/robots.txt"] == 1
    assert fixture_site.hits[PRIVATE_PATH] == 0
    async with Fetcher(policy(respect_robots=False)) as fetcher:
        assert (await fetcher.get(fixture_site.url(PRIVATE_PATH))).status == 200


async def test_a_missing_robots_txt_allows_everything(fixture_site):
    fixture_site.robots = 404
    async with Fetcher(LOCAL) as fetcher:
        assert (await fetcher.get(fixture_site.url(PRIVATE_PATH))).status == 200


async def test_a_failing_robots_txt_means_try_later(fixture_site):
    fixture_site.robots = 503
    async with Fetcher(policy(retries=1), clock=FakeClock()) as fetcher:
        error = await fetch_error(fetcher, fixture_site.url(LIST_PATH))
        assert (error.code, error.params["status"]) == ("robots_unavailable", "503")
        assert fixture_site.hits[LIST_PATH] == 0
        fixture_site.robots = "User-agent: *\nDisallow:\n"
        assert (await fetcher.get(fixture_site.url(LIST_PATH))).status == 200
    assert fixture_site.hits["/robots.txt"] == 3  # two tries, then asked again


async def test_robots_rules_for_our_agent_apply(fixture_site):
    fixture_site.robots = (
        "User-agent: PolicyBriefBot\nDisallow: /zwgk/\n\nUser-agent: *\nAllow: /\n"
    )
    async with Fetcher(LOCAL) as fetcher:
        assert (await fetch_error(fetcher, fixture_site.url(LIST_PATH))).code == "robots"
        assert (await fetcher.get(fixture_site.url(PDF_PATH))).status == 200


# -- politeness --------------------------------------------------------------------------


async def test_requests_to_one_host_keep_the_minimum_gap(fixture_site):
    """robots.txt, then two pages: two gaps of 0.15 s on the real clock (bounded)."""
    started = time.monotonic()
    async with Fetcher(policy(host_gap_s=0.15)) as fetcher:
        await fetcher.get(fixture_site.url(LIST_PATH))
        await fetcher.get(fixture_site.url(PDF_PATH))
    elapsed = time.monotonic() - started
    assert 0.3 <= elapsed < 2.0


async def test_the_gap_is_waited_on_the_injected_clock(fixture_site):
    clock = FakeClock()
    async with Fetcher(policy(host_gap_s=2.0), clock=clock) as fetcher:
        await fetcher.get(fixture_site.url(LIST_PATH))
        await fetcher.get(fixture_site.url(PDF_PATH))
    assert len(clock.sleeps) == 2
    assert all(1.8 < s <= 2.0 for s in clock.sleeps)


async def test_one_request_at_a_time_per_host(fixture_site):
    fixture_site.slow_delay_s = 0.05
    async with Fetcher(LOCAL) as fetcher:
        pages = await asyncio.gather(
            *(fetcher.get(fixture_site.url(f"{SLOW_PATH}?n={n}")) for n in range(4))
        )
    assert [p.status for p in pages] == [200] * 4
    assert fixture_site.max_in_flight == 1
    assert fixture_site.hits["/robots.txt"] == 1  # read once, the others waited for it


async def test_crawl_delay_of_robots_txt_raises_the_gap(fixture_site):
    fixture_site.robots = "User-agent: *\nCrawl-delay: 5\nDisallow: /private/\n"
    clock = FakeClock()
    async with Fetcher(policy(host_gap_s=0.5), clock=clock) as fetcher:
        await fetcher.get(fixture_site.url(LIST_PATH))
    assert len(clock.sleeps) == 1 and 4.5 < clock.sleeps[0] <= 5


# -- text or not -------------------------------------------------------------------------


async def test_gbk_pages_decode_with_and_without_a_wrong_header(fixture_site):
    async with Fetcher(LOCAL) as fetcher:
        plain = await fetcher.get(fixture_site.url(f"/zwgk/{GBK_SLUG}.html"))
        wrong = await fetcher.get(fixture_site.url(WRONG_HEADER_PATH))
    assert plain.content_type == "text/html"
    assert wrong.content_type == "text/html; charset=utf-8"
    for page in (plain, wrong):
        text = decode_html(page.content, page.content_type)
        assert GBK_LINES[-1] in text  # 镕 is GBK, not GB2312: decoded as GB18030
        assert "charset=gb2312" in text


def test_decoding_order_and_boms() -> None:
    body = "<p>政府工作报告</p>"
    assert decode_html(body.encode("gb18030"), "text/html; charset=GBK") == body
    assert decode_html(body.encode("utf-8"), "text/html; charset=gb2312") == body  # not GBK
    assert decode_html(b"\xef\xbb\xbf" + body.encode(), None) == body
    assert decode_html(b"\xff\xfe" + body.encode("utf-16-le"), None) == body
    assert decode_html(body.encode("gbk"), "text/html; charset=iso-8859-1") == body
    long_gbk = ("<html><body>" + "各地区各部门要认真贯彻落实。" * 20 + "</body></html>").encode(
        "gbk"
    )
    assert "认真贯彻落实" in decode_html(long_gbk, None)


async def test_binary_served_as_html_is_not_text(fixture_site):
    async with Fetcher(LOCAL) as fetcher:
        page = await fetcher.get(fixture_site.url(BINARY_PATH))
    assert page.content_type == "text/html; charset=utf-8"
    with pytest.raises(FetchError) as info:
        decode_html(page.content, page.content_type, url=page.url)
    assert info.value.code == "not_text"
    assert info.value.params["url"] == page.url
    assert looks_binary(b"PK\x03\x04rest") and looks_binary(b"abc\x00def")
    assert not looks_binary("正文".encode()) and not looks_binary(b"")


def test_fetch_errors_survive_pickling() -> None:
    import pickle

    error = FetchError("too_large", url="http://x/", limit_mb=10)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.code, copy.params, str(copy)) == (error.code, error.params, str(error))


def test_the_fixture_site_starts_and_stops_from_sync_code() -> None:
    with FixtureSite() as site:
        assert httpx.get(site.url(LIST_PATH)).status_code == 200
    assert site.hits[LIST_PATH] == 1


async def test_the_fixture_site_breaks_and_is_repaired(fixture_site):
    async with Fetcher(LOCAL) as fetcher:
        fixture_site.break_site()
        for path in (LIST_PATH, "/rss.xml", "/atom.xml"):
            error = await fetch_error(fetcher, fixture_site.url(path))
            assert (error.code, error.params["status"]) == ("http_status", "500")
        assert (await fetcher.get(fixture_site.url(f"/zwgk/{UTF8_SLUG}.html"))).status == 200
        fixture_site.repair()
        assert (await fetcher.get(fixture_site.url(LIST_PATH))).status == 200
        fixture_site.remove_article(UTF8_SLUG)
        gone = await fetch_error(fetcher, fixture_site.url(f"/zwgk/{UTF8_SLUG}.html"))
        assert gone.params["status"] == "404"
        url = fixture_site.set_page("/custom.html", "<p>自定义页面</p>")
        assert (await fetcher.get(url)).content == "<p>自定义页面</p>".encode()


async def test_compressed_pages_are_inflated_within_the_limit(fixture_site):
    """Pages come gzipped when asked; 50 MB gzipped into 50 KB is cut at the limit, and
    never inflated whole in memory (httpx's own decoder would inflate a chunk at once)."""
    gzip_bomb_ready = fixture_site.url(BOMB_PATH)
    async with Fetcher(policy(max_bytes=1024 * 1024)) as fetcher:
        page = await fetcher.get(fixture_site.url(LIST_PATH))
        assert page.content.decode().startswith("<!DOCTYPE html>")
        tracemalloc.start()
        try:
            error = await fetch_error(fetcher, gzip_bomb_ready)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert (error.code, error.params["limit_mb"]) == ("too_large", "1")
    assert peak < 8 * 1024 * 1024
    sent = [h for path, h in fixture_site.requests if path == LIST_PATH]
    assert "gzip" in sent[0]["Accept-Encoding"]


async def test_deflate_bodies_zlib_wrapped_or_raw_are_read(fixture_site):
    body = "<html><body><p>政府工作报告全文。</p></body></html>".encode()
    raw = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    raw_body = raw.compress(body) + raw.flush()
    wrapped = fixture_site.set_page("/z.html", zlib.compress(body), headers=_deflate)
    bare = fixture_site.set_page("/raw.html", raw_body, headers=_deflate)
    broken = fixture_site.set_page("/broken.html", b"not compressed at all", headers=_deflate)
    async with Fetcher(LOCAL) as fetcher:
        assert (await fetcher.get(wrapped)).content == body
        assert (await fetcher.get(bare)).content == body
        assert (await fetch_error(fetcher, broken)).code == "network"


_deflate = {"Content-Encoding": "deflate"}
