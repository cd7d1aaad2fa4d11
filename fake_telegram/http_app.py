"""The HTTP face of the fake: aiohttp routes shaped like api.telegram.org.

``/bot<token>/<method>`` accepts GET or POST with a query string, JSON, form-urlencoded or
multipart body; ``/file/bot<token>/<file_path>`` serves files after getFile.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from aiohttp import web

from fake_telegram.errors import TOKEN_NOT_FOUND, UNAUTHORIZED, ApiError, bad_request
from fake_telegram.params import UploadedFile

if TYPE_CHECKING:
    from fake_telegram.backend import Backend

# Bots may upload up to 50 MB; a little headroom covers the multipart framing.
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
_TOKEN_SHAPE = re.compile(r"^\d+:[A-Za-z0-9_-]+$")


def _json_response(status: int, body: dict[str, Any]) -> web.Response:
    return web.json_response(body, status=status, dumps=lambda o: json.dumps(o, ensure_ascii=False))


def _token_error(token: str, expected: str) -> ApiError | None:
    if token == expected:
        return None
    # Telegram answers 401 for a well-formed but unknown token, 404 for a malformed one.
    return UNAUTHORIZED if _TOKEN_SHAPE.match(token) else TOKEN_NOT_FOUND


async def _read_params(request: web.Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query)
    if not request.can_read_body:
        return params
    if request.content_type == "application/json":
        raw = await request.read()
        if raw.strip():
            try:
                body = json.loads(raw)
            except ValueError:
                raise bad_request("can't parse JSON object") from None
            if not isinstance(body, dict):
                raise bad_request("JSON object expected")
            params.update(body)
        return params
    if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.post()
        for name, value in form.items():
            if isinstance(value, web.FileField):
                params[name] = UploadedFile(
                    name, value.filename, value.content_type, value.file.read()
                )
            else:
                params[name] = value
    return params


def build_app(backend: Backend) -> web.Application:
    """The aiohttp application serving ``backend``."""

    async def handle_method(request: web.Request) -> web.Response:
        error = _token_error(request.match_info["token"], backend.token)
        if error is not None:
            await backend.record(request.match_info["method"], dict(request.query), None, error)
            return _json_response(error.error_code, error.to_api())
        try:
            raw = await _read_params(request)
        except web.HTTPRequestEntityTooLarge:
            error = ApiError(413, "Request Entity Too Large")
            return _json_response(error.error_code, error.to_api())
        except ApiError as exc:
            return _json_response(exc.error_code, exc.to_api())

        def client_alive() -> bool:
            transport = request.transport
            return transport is not None and not transport.is_closing()

        status, body = await backend.dispatch(
            request.match_info["method"], raw, client_alive=client_alive
        )
        return _json_response(status, body)

    async def handle_file(request: web.Request) -> web.StreamResponse:
        error = _token_error(request.match_info["token"], backend.token)
        if error is not None:
            return _json_response(error.error_code, error.to_api())
        stored = backend.world.file_by_path(request.match_info["file_path"])
        if stored is None:
            return _json_response(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        backend.downloads.append(stored.file_path or "")
        return web.Response(
            body=stored.data, content_type=stored.mime_type or "application/octet-stream"
        )

    app = web.Application(client_max_size=MAX_UPLOAD_BYTES + 1024 * 1024)
    app.router.add_route("*", "/bot{token}/{method}", handle_method)
    app.router.add_get("/file/bot{token}/{file_path:.+}", handle_file)
    return app
