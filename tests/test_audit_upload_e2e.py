"""/audit says an upload as fields (file name, size, result) in the admin's language, not
as raw ``key=value`` data."""

from __future__ import annotations

import re

from tests.test_admin_documents_e2e import (  # noqa: F401  (fixtures)
    Bot,
    ask,
    bot,
    database,
    engine,
    settings,
    upload,
)

TEXT = (
    "某市2031年促进就业工作方案\n\n"
    "一、总体目标\n\n"
    "全年城镇新增就业3.2万人以上，城镇调查失业率控制在5.5%以内。\n\n"
    "二、重点任务\n\n"
    "（一）扩大就业容量。支持中小微企业吸纳就业，开发公益性岗位800个。\n\n"
    "（二）加强技能培训。全年开展职业技能培训1.5万人次。\n"
)


async def test_audit_says_an_upload_as_fields_in_the_admins_language(bot: Bot) -> None:  # noqa: F811
    data = TEXT.encode("utf-8")
    added = await upload(bot, "jiuye-fangan-2031.txt", data)
    assert "jiuye-fangan-2031" in added.message["text"]
    await bot.server.send_document(bot.admin, bot.admin, "材料.zip", b"PK\x03\x04zz")
    await bot.server.next_call("sendMessage", chat=bot.admin)

    await ask(bot, bot.admin, "/lang zh")
    zh = (await ask(bot, bot.admin, "/audit 3")).message["text"]
    size = f"{len(data)} B"
    assert f"文件 jiuye-fangan-2031.txt · 大小 {size} · 已加入为 " in zh, zh
    assert re.search(r"已加入为 \S+（\d+ 段，\d+ 条目标）", zh), zh
    # why it was refused in the reader's words, not the refusal's internal name
    assert "文件 材料.zip · 大小 " in zh and "已拒收（压缩包）" in zh, zh

    await ask(bot, bot.admin, "/lang en")
    en = (await ask(bot, bot.admin, "/audit 3")).message["text"]
    assert f"file jiuye-fangan-2031.txt · size {size} · added as " in en, en
    assert re.search(r"added as \S+ \(\d+ passages?, \d+ targets?\)", en), en
    assert "file 材料.zip · size " in en and "refused (an archive)" in en, en
    for said in (zh, en):
        assert "code=" not in said and "passages=" not in said and "{" not in said
