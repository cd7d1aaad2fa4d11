"""Serving the MCP server over streamable HTTP (the SDK's app, run by uvicorn).

Bound to loopback by default. Any other address needs a bearer token, read from the
environment (:data:`TOKEN_ENV`; never an option, which would show in ``ps``); with a
token set every request must carry ``Authorization: Bearer <token>``, on loopback too.
The token is compared in constant time, given to the log redaction
(:func:`bot.tokens.install_log_redaction`) and never logged.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import socket
from collections.abc import Callable

import uvicorn
from mcp.server.auth.provider import AccessToken
from mcp.server.auth.settings import AuthSettings
from mcp.server.mcpserver import MCPServer

from bot.tokens import MCP_TOKEN_ENV

log = logging.getLogger(__name__)

TOKEN_ENV = MCP_TOKEN_ENV
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
PATH = "/mcp"
ISSUER = "http://127.0.0.1"


class BindError(ValueError):
    """An address that cannot be served: malformed, or not loopback without a token."""


def parse_bind(value: str) -> tuple[str, int]:
    """``HOST:PORT``, ``[IPv6]:PORT``, ``HOST`` or ``:PORT`` (port 0: any free port)."""
    text = value.strip()
    host, port = text, str(DEFAULT_PORT)
    if text.startswith("["):
        end = text.find("]")
        if end < 0:
            raise BindError(f"{value!r}: an IPv6 address is written [::1]:8765")
        host, rest = text[1:end], text[end + 1 :]
        if rest:
            if not rest.startswith(":"):
                raise BindError(f"{value!r}: expected [ADDRESS]:PORT")
            port = rest[1:]
    elif text.count(":") == 1:
        host, port = text.split(":")
    elif text.count(":") > 1:
        raise BindError(f"{value!r}: write an IPv6 address in brackets: [::1]:8765")
    host = host or DEFAULT_HOST
    if not port.isdigit() or not 0 <= int(port) <= 65535:
        raise BindError(f"{value!r}: the port must be a number from 0 to 65535")
    return host, int(port)


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class StaticTokenVerifier:
    """The SDK's :class:`~mcp.server.auth.provider.TokenVerifier` for one shared secret."""

    def __init__(self, token: str) -> None:
        self._token = token.encode("utf-8")

    async def verify_token(self, token: str) -> AccessToken | None:
        if hmac.compare_digest(token.encode("utf-8"), self._token):
            return AccessToken(token="bearer", client_id="briefbot-mcp", scopes=[])
        return None


def bearer_auth(token: str) -> tuple[AuthSettings, StaticTokenVerifier]:
    """The SDK's bearer-token settings for ``token``: every request to the MCP endpoint
    must carry it. There is no OAuth server; the issuer named is a placeholder the SDK
    requires and no route serves."""
    return AuthSettings(issuer_url=ISSUER, resource_server_url=None), StaticTokenVerifier(token)


TOKEN_MIN_CHARS = 16
"""The shortest token accepted on an address other machines reach: the one secret
between the library and the network (``abc`` or ``test`` was accepted, and guessed)."""


def check_bind(host: str, token: str | None) -> None:
    """Refuse a non-loopback address without a token, or with one too short to be a
    secret (:class:`BindError`)."""
    if is_loopback(host):
        return
    if not token:
        raise BindError(
            f"refusing to serve on {host}: it is reachable from other machines. Set "
            f"{TOKEN_ENV} to a long random secret (clients send it as a bearer token), or "
            f"bind to {DEFAULT_HOST}."
        )
    if len(token) < TOKEN_MIN_CHARS:
        raise BindError(
            f"refusing to serve on {host}: {TOKEN_ENV} is {len(token)} characters, too short "
            f"for an address other machines reach; use at least {TOKEN_MIN_CHARS} random "
            "characters (python -c 'import secrets; print(secrets.token_urlsafe(32))')."
        )


class _Server(uvicorn.Server):
    """uvicorn's server, saying where it listens once it does."""

    def __init__(self, config: uvicorn.Config, ready: Callable[[str], None]) -> None:
        super().__init__(config)
        self._ready = ready
        self.url = ""

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started and sockets:
            host, port = sockets[0].getsockname()[:2]
            shown = f"[{host}]" if ":" in host else host
            self.url = f"http://{shown}:{port}{PATH}"
            self._ready(self.url)


async def serve_http(
    server: MCPServer,
    host: str,
    port: int,
    *,
    token: str | None,
    ready: Callable[[str], None] = lambda url: None,
) -> None:
    """Serve ``server`` at ``http://host:port/mcp`` until interrupted (SIGINT, SIGTERM).

    ``ready(url)`` is called once the socket listens (with the port chosen, for port 0).
    """
    check_bind(host, token)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise BindError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    if token and server.settings.auth is None:
        raise BindError("the server was built without the token (build_server(token=…))")
    app = server.streamable_http_app(streamable_http_path=PATH, host=host)
    config = uvicorn.Config(
        app,
        log_config=None,  # uvicorn's loggers go to the root handlers: stderr, redacted
        access_log=False,
        log_level="warning",
        lifespan="on",
    )
    try:
        await _Server(config, ready).serve(sockets=[sock])
    finally:
        sock.close()
