"""The test processes' httpx clients share one default SSL context (tests/conftest.py,
``share_default_ssl_context``): the saving holds only while the patch is in effect, and a
client asking for anything else still gets a context of its own."""

from __future__ import annotations

import ssl

import httpx


def _context(client: httpx.AsyncClient) -> ssl.SSLContext:
    return client._transport._pool._ssl_context  # httpcore's pool keeps the one it was given


async def test_default_clients_share_one_context_with_certifis_bundle():
    async with httpx.AsyncClient() as a, httpx.AsyncClient() as b:
        assert _context(a) is _context(b)
        assert _context(a).verify_mode == ssl.CERT_REQUIRED and _context(a).check_hostname
        assert _context(a).cert_store_stats()["x509_ca"] > 0  # the CA bundle loaded


async def test_a_client_that_does_not_verify_gets_its_own_context():
    async with httpx.AsyncClient() as default, httpx.AsyncClient(verify=False) as loose:
        assert _context(loose) is not _context(default)
        assert _context(loose).verify_mode == ssl.CERT_NONE
        assert _context(default).verify_mode == ssl.CERT_REQUIRED
