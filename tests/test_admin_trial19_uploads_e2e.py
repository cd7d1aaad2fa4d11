"""admin-trial19's uploads: a county official's own documents into the library. The real
application against the fake Bot API server (the fixtures of the live document tests); no
sleeps."""

from __future__ import annotations

import io

import docx

from tests.test_admin_documents_e2e import (  # noqa: F401  (fixtures)
    Bot,
    ask,
    bot,
    database,
    engine,
    settings,
    upload,
)

PLAN = (
    "上饶市万年县“十四五”现代农业发展规划",
    "一、发展目标",
    "到2025年，全县粮食综合生产能力稳定在35万吨以上，高标准农田面积达到40万亩。",
    "二、重点任务",
    "新建高标准农田5万亩，对新认定的省级龙头企业给予一次性奖励20万元。",
)


def word_file(lines: tuple[str, ...]) -> bytes:
    """A .docx as Word saves one: the title in the Title style, then paragraphs."""
    document = docx.Document()
    document.add_heading(lines[0], level=0)
    for line in lines[1:]:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


async def test_a_word_plan_titled_with_its_city_and_county_is_the_countys(
    bot: Bot,  # noqa: F811
) -> None:
    """A .docx titled 上饶市万年县“十四五”…规划 was filed under 上饶 (a city) — its records
    said · 上饶 and /targets 万年县 left them out: the title's place was read only on a
    title line without the ``# `` a Word title is read with. Now the county's, as the same
    title in a .txt was."""
    reply = await upload(bot, "万年县十四五现代农业发展规划.docx", word_file(PLAN))
    text = reply.message["text"]
    assert "粮食综合生产能力 稳定在 35万吨以上 · 2025年 · 万年" in text, text
    info = bot.engine.find_document("万年县十四五现代农业发展规划.docx")
    assert (info.region, info.level) == ("万年", "county")
    targets = await ask(bot, bot.user, "/targets 万年县")
    assert "上饶市万年县“十四五”现代农业发展规划" in targets.message["text"]
