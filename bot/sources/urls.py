"""Which URLs a source may name, and which hosts are off limits.

A source URL is typed by an admin and redirects are chosen by remote servers, so both
are checked: only http(s), and no host that resolves to the bot's own machine or
network (loopback, private, link-local, reserved ranges) unless the configuration
allows it. Every address a name resolves to is checked, not only the first, since the
connection may use any of them.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import quote, urlsplit, urlunsplit

from bot.sources.models import FetchError

_DEFAULT_PORTS = {"http": 80, "https": 443}
_SAFE_PATH = "/%:@!$&'()*+,;=-._~"
_SAFE_QUERY = _SAFE_PATH + "?"
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")


def check_url(url: str) -> str:
    """``url`` normalised (scheme and host lower-cased, IDNA host, default port and
    fragment dropped, empty path ``/``, non-ASCII in path and query percent-encoded as
    UTF-8), or :class:`FetchError` ``bad_url``.

    Normalising makes the same page one key for de-duplication and redirect-loop
    detection; refusing anything but http(s) keeps ``file:``, ``ftp:`` and the like out.
    """
    raw = (url or "").strip()
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        raise FetchError("bad_url", url=raw) from None
    scheme = parts.scheme.lower()
    host = parts.hostname
    if scheme not in _DEFAULT_PORTS or not host or any(ch.isspace() for ch in raw):
        raise FetchError("bad_url", url=raw)
    try:
        host = host.rstrip(".")
        if _is_ip(host):
            ip = ipaddress.ip_address(host)
            host_text = f"[{ip.compressed}]" if ip.version == 6 else ip.compressed
        else:
            host_text = host.encode("idna").decode("ascii").lower()
    except (UnicodeError, ValueError):
        raise FetchError("bad_url", url=raw) from None
    if not host_text:
        raise FetchError("bad_url", url=raw)
    netloc = host_text
    if parts.username is not None:  # credentials in a source URL: kept, not our business
        userinfo = parts.username + (f":{parts.password}" if parts.password is not None else "")
        netloc = f"{userinfo}@{netloc}"
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    # Non-ASCII and spaces percent-encoded, existing escapes kept: one spelling per URL.
    path = quote(parts.path or "/", safe=_SAFE_PATH)
    query = quote(parts.query, safe=_SAFE_QUERY)
    return urlunsplit((scheme, netloc, path, query, ""))


def url_host(url: str) -> str:
    """The host of a (checked) URL, without brackets or port."""
    return (urlsplit(url).hostname or "").rstrip(".")


def origin(url: str) -> str:
    """``scheme://host[:port]``: the unit of robots.txt and of per-host politeness."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1]}"


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def is_private_ip(address: str) -> bool:
    """Whether an IP address is anything but a global unicast address.

    ``not is_global`` covers loopback, RFC 1918, link-local, carrier-grade NAT, the
    documentation and benchmarking ranges and the reserved ones; multicast is refused
    too. An IPv4 address mapped into IPv6 (``::ffff:127.0.0.1``) is judged as IPv4.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return True  # not an address we understand: not one we connect to
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def _literal_private(host: str) -> bool | None:
    """Decided without DNS: an IP literal or a local name; ``None`` when DNS must say."""
    host = host.strip("[]").rstrip(".").lower()
    if _is_ip(host):
        return is_private_ip(host)
    if host in _LOCAL_NAMES or host.endswith((".localhost", ".local", ".internal")):
        return True
    return None


def is_private_host(host: str) -> bool:
    """Whether ``host`` is, or resolves to, any non-public address (blocking DNS).

    A name that does not resolve is not private (the fetch then fails as a network
    error). For async code the fetcher resolves with the event loop's resolver instead
    (:func:`resolve_is_private`).
    """
    literal = _literal_private(host)
    if literal is not None:
        return literal
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return False
    return any(is_private_ip(str(info[4][0])) for info in infos)


async def resolve_addresses(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, with the event loop's resolver (no blocking)."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


async def resolve_is_private(host: str, port: int, resolve=resolve_addresses) -> bool:
    """:func:`is_private_host` without blocking the loop; ``resolve`` is injectable.

    Raises :class:`FetchError` ``network`` when the name does not resolve.
    """
    literal = _literal_private(host)
    if literal is not None:
        return literal
    try:
        addresses = await resolve(host, port)
    except (OSError, UnicodeError) as exc:
        raise FetchError("network", url=host, reason=f"cannot resolve {host}: {exc}") from None
    return not addresses or any(is_private_ip(a) for a in addresses)
