"""The fetcher: one HTTP client, polite to every host and defensive against every page.

Why it follows redirects itself: each hop is a new URL chosen by a remote server, and
each must pass the same checks as the first (http(s) only, no private address, no
loop, a bounded count). Why one lock per host (name; http and https alike): a poll of two hundred
sources must not open a burst of requests to one government site, so requests to a host
go one at a time, at least ``host_gap_s`` apart (or the robots.txt ``Crawl-delay``, capped).
Bodies are streamed and reading stops at ``max_bytes``, so a 50 MB page costs 10 MB at
most; the whole of one request (headers and body) is bounded by ``timeout_s``.
Retries (tenacity) cover what may pass: timeouts, connection errors, 5xx and 429, with
exponential backoff, or the server's ``Retry-After`` up to a cap.

Private addresses are refused twice: before connecting (every address the name resolves
to, with the loop's resolver) and after (the address actually connected to, when the
transport tells it), so a name that resolves differently the second time (DNS
rebinding) is still caught.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
import urllib.robotparser
import zlib
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol
from urllib.parse import urljoin, urlsplit

import httpx
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt

from bot.sources.models import Fetched, FetchError, FetchPolicy
from bot.sources.urls import (
    check_url,
    is_private_ip,
    origin,
    resolve_addresses,
    resolve_is_private,
    url_host,
)

_REDIRECTS = {301, 302, 303, 307, 308}
_ROBOTS_MAX_BYTES = 512 * 1024  # what Google reads of a robots.txt
_CRAWL_DELAY_CAP_S = 30.0
_CHUNK = 64 * 1024

Resolver = Callable[[str, int], Awaitable[list[str]]]
_Response = tuple[int, httpx.Headers, bytes]  # status, headers, body


class Clock(Protocol):
    """Time as the fetcher sees it: injectable so tests never sleep for real."""

    def monotonic(self) -> float: ...

    async def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """The real clock: ``time.monotonic`` and ``asyncio.sleep``."""

    def monotonic(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


@dataclass
class _Host:
    """Politeness state of one host name: its turn, when its last request ended, and
    the Crawl-delay its robots.txt asks for."""

    lock: asyncio.Lock
    last_end: float | None = None
    crawl_delay: float | None = None


@dataclass
class _Robots:
    """robots.txt of one origin (scheme, host, port: RFC 9309), read once."""

    lock: asyncio.Lock
    parser: urllib.robotparser.RobotFileParser | None = None
    read: bool = False


class _Transient(FetchError):
    """A failure worth another try; carries the server's Retry-After, if any."""

    def __init__(self, code: str, retry_after: float | None = None, **params: object) -> None:
        super().__init__(code, **params)
        self.retry_after = retry_after


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class Fetcher:
    """Fetch pages and feeds under a :class:`FetchPolicy` (see the module docstring).

    Use as ``async with Fetcher(policy) as fetcher: await fetcher.get(url)``, on one
    event loop. ``transport`` replaces the network (tests); ``clock`` replaces time
    (tests check the gap and the backoff without real waits); ``resolve`` replaces DNS
    (tests of the private-address checks).
    """

    def __init__(
        self,
        policy: FetchPolicy,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Clock | None = None,
        resolve: Resolver | None = None,
    ) -> None:
        self.policy = policy
        self._clock: Clock = clock or SystemClock()
        self._resolve: Resolver = resolve or resolve_addresses
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, _Robots] = {}
        self._client = httpx.AsyncClient(
            transport=transport,
            follow_redirects=False,
            timeout=httpx.Timeout(policy.timeout_s),
            headers={"User-Agent": policy.user_agent, "Accept-Encoding": "gzip, deflate"},
            trust_env=False,  # no proxy from the environment: the checks are on the real host
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    # -- the one public call ---------------------------------------------------------

    async def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
    ) -> Fetched:
        """GET ``url``: the final response within the policy, or :class:`FetchError`.

        ``etag`` / ``last_modified`` from an earlier :class:`Fetched` make the request
        conditional; an unchanged resource comes back with ``not_modified`` and no
        content. Any status other than 2xx and 304 is ``http_status``. ``max_bytes``
        overrides the policy's size cap for this request (attachments may be larger
        than pages).
        """
        current = check_url(url)
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen = {current}
        for _hop in range(self.policy.max_redirects + 1):
            if self.policy.respect_robots:
                await self._check_robots(current)
            status, resp_headers, content = await self._with_retries(
                current, headers, limit=max_bytes
            )
            if status in _REDIRECTS and resp_headers.get("location"):
                target = check_url(urljoin(current, resp_headers["location"]))
                if target in seen:
                    raise FetchError("redirect_loop", url=target)
                seen.add(target)
                current = target
                continue
            return self._result(current, status, resp_headers, content, etag, last_modified)
        raise FetchError("too_many_redirects", url=url, limit=self.policy.max_redirects)

    # -- pieces ----------------------------------------------------------------------

    def _result(
        self,
        url: str,
        status: int,
        headers: httpx.Headers,
        content: bytes,
        etag: str | None,
        last_modified: str | None,
    ) -> Fetched:
        if status == 304:
            return Fetched(
                url=url,
                status=status,
                content=b"",
                content_type=headers.get("content-type"),
                etag=headers.get("etag") or etag,
                last_modified=headers.get("last-modified") or last_modified,
                not_modified=True,
            )
        if not 200 <= status < 300:
            raise FetchError("http_status", url=url, status=status)
        return Fetched(
            url=url,
            status=status,
            content=content,
            content_type=headers.get("content-type"),
            etag=headers.get("etag"),
            last_modified=headers.get("last-modified"),
            not_modified=False,
        )

    def _host(self, url: str) -> _Host:
        key = url_host(url)
        host = self._hosts.get(key)
        if host is None:
            host = self._hosts[key] = _Host(asyncio.Lock())
        return host

    async def _with_retries(
        self, url: str, headers: dict[str, str], *, limit: int | None = None
    ) -> _Response:
        """One hop with its retries; what still fails is a plain :class:`FetchError`."""
        policy = self.policy

        def wait(retry_state) -> float:
            exc = retry_state.outcome.exception() if retry_state.outcome else None
            after = getattr(exc, "retry_after", None)
            if after is not None:
                return min(after, policy.retry_after_cap_s)
            return policy.retry_wait_s * 2 ** (retry_state.attempt_number - 1)

        retrying = AsyncRetrying(
            stop=stop_after_attempt(policy.retries + 1),
            wait=wait,
            retry=retry_if_exception(lambda exc: isinstance(exc, _Transient)),
            sleep=self._clock.sleep,
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    status, resp_headers, content = await self._polite(url, headers, limit=limit)
                    if status >= 500 or status == 429:
                        raise _Transient(
                            "http_status",
                            _retry_after(resp_headers.get("retry-after")),
                            url=url,
                            status=status,
                        )
                    return status, resp_headers, content
        except _Transient as exc:
            raise FetchError(exc.code, **exc.params) from None
        raise AssertionError("unreachable")  # pragma: no cover

    async def _polite(
        self, url: str, headers: dict[str, str], *, limit: int | None = None
    ) -> _Response:
        """One request, its host's turn taken and its gap kept."""
        host = self._host(url)
        async with host.lock:
            gap = self.policy.host_gap_s
            if host.crawl_delay:
                gap = max(gap, min(host.crawl_delay, _CRAWL_DELAY_CAP_S))
            if host.last_end is not None and gap > 0:
                wait = host.last_end + gap - self._clock.monotonic()
                if wait > 0:
                    await self._clock.sleep(wait)
            try:
                return await self._request(url, headers, limit or self.policy.max_bytes)
            finally:
                host.last_end = self._clock.monotonic()

    async def _request(self, url: str, headers: dict[str, str], limit: int) -> _Response:
        policy = self.policy
        if not policy.allow_private:
            parts = urlsplit(url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
            host = url_host(url)
            if await resolve_is_private(host, port, self._resolve):
                raise FetchError("private_address", url=url, host=host)
        try:
            async with asyncio.timeout(policy.timeout_s):
                async with self._client.stream("GET", url, headers=headers) as response:
                    if not policy.allow_private:
                        self._check_peer(response, url)
                    content = await self._read(response, url, limit)
                    return response.status_code, response.headers, content
        except TimeoutError:
            raise _Transient("timeout", url=url, seconds=policy.timeout_s) from None
        except httpx.TimeoutException:
            raise _Transient("timeout", url=url, seconds=policy.timeout_s) from None
        except httpx.TooManyRedirects:  # pragma: no cover - redirects are ours
            raise FetchError("too_many_redirects", url=url, limit=policy.max_redirects) from None
        except httpx.InvalidURL:
            raise FetchError("bad_url", url=url) from None
        except (httpx.TransportError, httpx.DecodingError) as exc:
            reason = str(exc) or type(exc).__name__
            if isinstance(exc, httpx.DecodingError):
                raise FetchError("network", url=url, reason=reason) from None
            raise _Transient("network", url=url, reason=reason) from None

    def _check_peer(self, response: httpx.Response, url: str) -> None:
        stream = response.extensions.get("network_stream")
        if stream is None:
            return
        try:
            peer = stream.get_extra_info("server_addr")
        except Exception:  # a transport that cannot tell
            return
        if peer and is_private_ip(str(peer[0])):
            raise FetchError("private_address", url=url, host=str(peer[0]))

    async def _read(self, response: httpx.Response, url: str, limit: int) -> bytes:
        """The body, at most ``limit`` bytes once decompressed.

        Read raw and inflated here with a bound on each step's output: httpx's own
        decoder inflates a whole chunk at once, and 64 KiB of gzip can hold 64 MB.
        """
        if response.status_code in _REDIRECTS or response.status_code == 304:
            return b""
        too_large = FetchError("too_large", url=url, limit_mb=_mb(limit))
        declared = response.headers.get("content-length")
        encoding = (response.headers.get("content-encoding") or "identity").strip().lower()
        plain = encoding in ("identity", "")
        if plain and declared and declared.isdigit() and int(declared) > limit:
            raise too_large
        if response.is_stream_consumed:  # an in-memory response (mock transports)
            if len(response.content) > limit:
                raise too_large
            return response.content
        inflate = _Inflater(encoding, url)
        chunks: list[bytes] = []
        size = 0
        async for raw in response.aiter_raw(_CHUNK):
            for piece in inflate.feed(raw, limit - size + 1):
                size += len(piece)
                if size > limit:
                    raise too_large
                chunks.append(piece)
        for piece in inflate.flush(limit - size + 1):
            size += len(piece)
            if size > limit:
                raise too_large
            chunks.append(piece)
        return b"".join(chunks)

    async def _check_robots(self, url: str) -> None:
        key = origin(url)
        robots = self._robots.get(key)
        if robots is None:
            robots = self._robots[key] = _Robots(asyncio.Lock())
        if not robots.read:
            async with robots.lock:  # concurrent first requests: one reads, all wait
                if not robots.read:
                    robots.parser = await self._read_robots(url)
                    robots.read = True
                    delay = (
                        robots.parser.crawl_delay(self.policy.user_agent) if robots.parser else None
                    )
                    if delay:
                        self._host(url).crawl_delay = float(delay)
        parser = robots.parser
        if parser is not None and not parser.can_fetch(self.policy.user_agent, url):
            raise FetchError("robots", url=url, host=url_host(url))

    async def _read_robots(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        """The host's robots.txt; ``None`` (all allowed) when it has none.

        4xx: no rules (RFC 9309). 5xx after retries: the site is in trouble, so we do not
        guess; ``robots_unavailable`` now, asked again next time. A robots.txt that
        redirects is followed within the same limits (to other hosts too, as crawlers do).
        """
        current = origin(url) + "/robots.txt"
        seen = {current}
        for _hop in range(self.policy.max_redirects + 1):
            try:
                status, headers, content = await self._robots_try(current)
            except FetchError as exc:
                if exc.code == "too_large":
                    return None
                if exc.code == "http_status":
                    raise FetchError(
                        "robots_unavailable",
                        url=url,
                        host=url_host(url),
                        status=exc.params.get("status", ""),
                    ) from None
                raise
            if status in _REDIRECTS and headers.get("location"):
                target = check_url(urljoin(current, headers["location"]))
                if target in seen:
                    return None
                seen.add(target)
                current = target
                continue
            if 400 <= status < 500:
                return None
            parser = urllib.robotparser.RobotFileParser(current)
            parser.parse(content.decode("utf-8", errors="replace").splitlines())
            return parser
        return None

    async def _robots_try(self, url: str) -> _Response:
        return await self._with_retries(url, {}, limit=_ROBOTS_MAX_BYTES)


class _Inflater:
    """gzip / deflate decoding whose every output is bounded (see ``Fetcher._read``)."""

    def __init__(self, encoding: str, url: str) -> None:
        self._url = url
        self._raw_retry = False
        if encoding in ("identity", "", "none"):
            self._z = None
        elif encoding in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._z = zlib.decompressobj()  # zlib-wrapped; raw deflate is retried below
            self._raw_retry = True
        else:
            raise FetchError("network", url=url, reason=f"unsupported Content-Encoding {encoding}")
        self._first = True

    def feed(self, data: bytes, room: int) -> Iterator[bytes]:
        if self._z is None:
            yield data
            return
        try:
            out = list(self._inflate(data, room))  # at most ``room`` bytes
        except zlib.error:
            if not (self._first and self._raw_retry):
                raise self._corrupt() from None
            self._z = zlib.decompressobj(-zlib.MAX_WBITS)  # "deflate" sent as raw deflate
            try:
                out = list(self._inflate(data, room))
            except zlib.error:
                raise self._corrupt() from None
        self._first = False
        yield from out

    def _corrupt(self) -> FetchError:
        return FetchError("network", url=self._url, reason="corrupt compressed body")

    def _inflate(self, data: bytes, room: int) -> Iterator[bytes]:
        assert self._z is not None
        while True:
            out = self._z.decompress(data, max(room, 1))
            if out:
                room -= len(out)
                yield out
            data = self._z.unconsumed_tail
            if not data or room <= 0:
                return  # all consumed, or the caller is over its limit already

    def flush(self, room: int) -> Iterator[bytes]:
        if self._z is None:
            return
        try:
            out = self._z.flush()
        except zlib.error:
            raise self._corrupt() from None
        if out:
            yield out[: max(room, 1)]


def _mb(limit: int) -> str:
    mb = limit / (1024 * 1024)
    return f"{round(mb, 1):g}" if mb >= 1 else f"{mb:.3g}"
