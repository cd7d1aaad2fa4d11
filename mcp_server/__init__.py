"""The library as Model Context Protocol tools for AI assistants (``briefbot mcp``).

An interface layer beside the Telegram layer (``handlers/``): it imports the core
(``bot``) and the official ``mcp`` SDK, never Telegram. :func:`build_server` puts the
tools (search, get_passage, list_documents, get_document_outline, targets, compare),
the ``doc://`` resources and the briefing prompt on an engine; :func:`serve_http`
serves it over streamable HTTP (stdio is the SDK's ``run_stdio_async``). The command
line (``briefbot/cli/mcp_command.py``) opens the engine read-only and wires them.

Named ``mcp_server``, not ``mcp``, which would shadow the SDK.
"""

from mcp_server.http import TOKEN_ENV, BindError, check_bind, parse_bind, serve_http
from mcp_server.server import build_server

__all__ = ["TOKEN_ENV", "BindError", "build_server", "check_bind", "parse_bind", "serve_http"]
