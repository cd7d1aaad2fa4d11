"""A UTF-16 text file without a byte-order mark is read (little- or big-endian), and
binary content with NUL bytes is still refused."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import pytest

from bot.corpus.reader import UnreadableDocument, decode_bytes
from tests.test_admin_documents_e2e import (  # noqa: F401  (fixtures)
    Bot,
    ask,
    bot,
    database,
    engine,
    settings,
    upload,
)

# Invented: no document of the corpus says it.
TEXT = (
    "某县2031年乡村振兴工作要点\n\n"
    "一、总体要求\n\n"
    "全年粮食播种面积稳定在12万亩以上，农村居民人均可支配收入增长7%左右。\n\n"
    "二、重点任务\n\n"
    "（一）改善农村人居环境。新建改建农村公路60公里，完成“厕所革命”户厕改造2000户。\n"
)
PATH = Path("要点.txt")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_is_read(encoding: str) -> None:
    decoded = decode_bytes(TEXT.encode(encoding), PATH)
    assert decoded.text == TEXT and decoded.encoding == encoding


def test_utf16_of_ascii_only_is_read_in_its_byte_order() -> None:
    text = "GDP growth target: about 5%\nEmployment: 1.2 million new urban jobs\n"
    assert decode_bytes(text.encode("utf-16-le"), PATH).text == text
    assert decode_bytes(text.encode("utf-16-be"), PATH).text == text


@pytest.mark.parametrize(
    "data",
    [
        bytes(4096),  # NUL padding
        random.Random(7).randbytes(8192),
        gzip.compress(TEXT.encode("utf-8") * 20),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(3).randbytes(4000),
        bytes(range(256)) * 16,
        TEXT.encode("utf-16-le")[:-1],  # an odd length is no UTF-16
    ],
)
def test_binary_with_nul_bytes_is_still_refused(data: bytes) -> None:
    with pytest.raises(UnreadableDocument) as refused:
        decode_bytes(data, PATH)
    assert refused.value.code == "not_text"


async def test_an_uploaded_utf16_file_without_a_mark_is_added(bot: Bot) -> None:  # noqa: F811
    added = await upload(bot, "xiangcun-yaodian-2031.txt", TEXT.encode("utf-16-le"))
    said = added.message["text"]
    assert said.startswith("✅"), said
    found = (await ask(bot, bot.admin, "/search 户厕改造")).message["text"]
    assert "xiangcun-yaodian-2031" in found or "乡村振兴工作要点" in found, found
