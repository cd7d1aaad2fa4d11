"""trial21's documents: a county 发改局 office head correcting what the bot read of a
document she added. The real application against the fake Bot API server (the fixtures
of the live document tests); no sleeps."""

from __future__ import annotations

import pytest

from tests.test_admin_documents_e2e import (  # noqa: F401  (fixtures)
    Bot,
    ask,
    bot,
    database,
    engine,
    settings,
    upload,
)
from tests.test_corpus_reader import make_cjk_pdf

# -- a year or place read wrong, corrected from the chat ---------------------------------------
PLAN = (
    "湄潭县茶产业高质量发展规划\n"
    "——2021年9月印发\n\n"
    "到2025年，全县茶园面积稳定在60万亩，茶产业综合产值达到300亿元。\n"
)


async def test_a_documents_year_and_place_are_corrected_from_the_chat(bot: Bot) -> None:  # noqa: F811
    """She could see the year (or place) read wrong in the upload's reply, and had no way to
    correct it from the chat: ``年份应该是2025`` was searched, ``/setyear`` was unknown.
    ``/meta 编号 年份 2025 地区 凤冈县`` corrects both, the document is filed again (its
    targets under the new place), it survives a restart (a sidecar beside the file), a
    bad value is refused in words, and a non-admin changes nothing."""
    reply = await upload(bot, "茶产业规划.txt", PLAN.encode("utf-8"))
    info = bot.engine.find_document("茶产业规划.txt")
    assert (info.region, info.year) == ("湄潭", 2021), (info.region, info.year)
    assert f"/meta {info.doc_id} 年份 2025" in reply.message["text"]
    said = (await ask(bot, bot.admin, f"/meta {info.doc_id} 年份 2025 地区 凤冈县")).message["text"]
    assert said.startswith("✅ 已更正：湄潭县茶产业高质量发展规划"), said
    assert "原为：贵州 › 遵义 › 湄潭 · 县级" in said and "2021年" in said, said
    assert "现为：贵州 › 遵义 › 凤冈 · 县级" in said and "2025年" in said, said
    now = bot.engine.find_document(info.doc_id)
    assert (now.region, now.year, now.level) == ("凤冈", 2025, "county")
    assert {t.record.region for t in bot.engine.targets(doc=info.doc_id)} == {"凤冈"}
    targets = (await ask(bot, bot.admin, "/targets 凤冈")).message["text"]
    assert "茶园面积" in targets, targets
    # refused in words, nothing changed
    said = (await ask(bot, bot.admin, f"/meta {info.doc_id} 年份 去年")).message["text"]
    assert said.startswith("未更正：“去年”不是年份"), said
    said = (await ask(bot, bot.admin, f"/meta {info.doc_id} 地区 火星县")).message["text"]
    assert "地名库中没有“火星县”" in said, said
    said = (await ask(bot, bot.admin, f"/meta {info.doc_id}")).message["text"]
    assert said.startswith("未更正：没有写要更正什么"), said
    said = (await ask(bot, bot.admin, "/meta")).message["text"]
    assert said.startswith("用法：/meta 文件编号或文件名 年份 2025"), said
    said = (await ask(bot, bot.user, f"/meta {info.doc_id} 年份 2020")).message["text"]
    assert said.startswith("⛔ 只有机器人管理员可以管理文件"), said
    said = (await ask(bot, bot.admin, f"/setyear {info.doc_id} 2025")).message["text"]
    assert "/meta" in said, said
    # a restart (the index read again from the corpus folder) keeps the correction
    await bot.services.run(bot.engine.refresh, rebuild=True)
    again = bot.engine.find_document(info.doc_id)
    assert (again.region, again.year) == ("凤冈", 2025)


# -- a picture or a PDF under a .txt name -------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        (
            "扫描件.txt",
            b"\x89PNG\r\n\x1a\n" + bytes(300),
            "❌ 这个 .txt 文件里其实是一张图片（PNG），没有文字，未添加。扫描件或照片要先做",
        ),
        (
            "公报.txt",
            make_cjk_pdf(["万年县2024年统计公报"]),
            "❌ 文件内容是 .pdf 文件，文件名却以 .txt 结尾：请改名为 公报.pdf 后重新发送。",
        ),
    ],
    ids=["png", "pdf"],
)
async def test_a_picture_or_a_pdf_named_txt_is_refused_with_what_to_do(
    bot: Bot,  # noqa: F811
    name: str,
    data: bytes,
    said: str,
) -> None:
    """A scan saved as .txt was refused with "文件内容不是文本（PNG image），请发送 .txt 文本
    文件": English in a Chinese sentence, and advice to send the .txt she had sent. Now
    what it is and what to do (recognise the text; give the PDF its extension)."""
    reply = await upload(bot, name, data)
    assert reply.message["text"].startswith(said), reply.message["text"]
    assert "image" not in reply.message["text"]


async def test_a_correction_typed_to_doc_names_meta(bot: Bot) -> None:  # noqa: F811
    """She first typed /doc 茶产业规划.txt 年份 2025: "找不到文件" (the whole line taken
    as a file name). Now the /meta command to send, as she typed it; a region's listing
    (/doc 四川 年度报告) is not taken for one."""
    await upload(bot, "茶产业规划.txt", PLAN.encode("utf-8"))
    said = (await ask(bot, bot.admin, "/doc 茶产业规划.txt 年份 2025")).message["text"]
    assert "请发送 /meta 茶产业规划.txt 年份 2025" in said, said
    said = (await ask(bot, bot.admin, "/doc 茶产业规划.txt 年度 总结")).message["text"]
    assert "/meta" not in said, said
