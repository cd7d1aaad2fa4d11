"""The /help and /start text (with the admin commands for admins)."""

from __future__ import annotations

from handlers.format.admin import admin_help_html
from handlers.format.html import escape


# -- help --------------------------------------------------------------------------------------
def help_html(bot_username: str | None, *, welcome: bool = False, admin: bool = False) -> str:
    """The /help (and /start) text; every example works on the bundled corpus.

    ``admin``: the sender is a bot admin (checked by user id); their help ends with the
    admin commands, which nobody else is shown.
    """
    mention = f"@{escape(bot_username)}" if bot_username else "@机器人"
    lines = []
    if welcome:
        lines += ["👋 您好！我是<b>政策简报机器人</b>。", ""]
    lines += [
        "<b>政策简报机器人</b>：检索政策文件（政府工作报告、党代会报告等），"
        "查看其中的重点目标和指标。",
        "",
        "<b>搜索</b>",
        "/search 乡村振兴 — 关键词检索，按相关度排序，命中处加粗",
        "/search GDP 增长 — 多个关键词；错别字会自动更正",
        '支持 "短语" 和 -排除词。私聊时直接发送关键词即可；'
        f"在群组中请用 /search 或 {mention} 关键词。",
        "",
        "<b>文件</b>",
        "/docs — 文件列表",
        "/doc 004 — 文件详情：标题、地区、级别、类型、年份、章节和重点目标",
        "",
        "<b>目标与指标</b>",
        "/targets GDP — 某项指标的目标与数据（也可写文件编号，如 /targets 004）",
        "/compare GDP — 同一指标在全国、各地区、各年份的对比（/compare CPI 居民消费价格）",
        "默认只显示可信度高的数据；末尾加 all 显示全部，如 /targets GDP all",
        "",
        "<b>定时推送</b>",
        "/subscribe GDP 08:30 — 每天 08:30 推送 GDP 相关的新重点目标"
        "（/subscribe help 查看筛选与时间写法：周一 09:00、cron、tz=时区、quiet）",
        "/subscriptions — 本聊天的订阅和下次推送时间；/unsubscribe 编号|all 取消",
        "/digest — 立即预览推送内容；/timezone Asia/Shanghai — 本聊天的时区",
        "群组中只有群管理员可以更改订阅。群内 @ 提及机器人需要关闭隐私模式或设机器人为管理员。",
        "",
        "<i>Policy Brief Bot searches Chinese policy documents and lists their key targets. "
        "Send keywords to search; /help shows this text.</i>",
    ]
    if admin:
        lines += ["", admin_help_html()]
    return "\n".join(lines)
