"""Core results as Telegram messages: HTML text, inline keyboards, message splitting.

Pure functions, no I/O: the handlers call the core, pass its results here and send
what comes back. Conventions:

- ``parse_mode=HTML``; every piece of document or user text goes through :func:`escape`
  (``&``, ``<``, ``>``), one piece at a time, and only ``<b>``, ``<i>`` and ``<code>``
  are used.
- A tag never spans a line break, so :func:`split_html` can cut any text at line
  boundaries into messages of at most 4096 UTF-16 code units (Telegram's measure).
- Callback data is ASCII, ``:``-separated and at most 64 bytes (:func:`page_data`,
  :func:`passage_data`); it names a saved search by its short key, never by its text,
  so buttons keep working after a restart.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.digest.compose import format_value, short_title
from bot.digest.filters import KIND_LABELS
from bot.models import Document, DocumentInfo, DocumentMeta, Passage, SearchHit, SearchResponse
from bot.render import LEVEL_LABELS
from bot.targets.records import TargetRecord
from bot.text.html_lines import TELEGRAM_LIMIT, cut_html_line, utf16_len

__all__ = [
    "CALLBACK_LIMIT",
    "COMPARE_USAGE",
    "DOC_USAGE",
    "PAGE_PATTERN",
    "PASSAGE_PATTERN",
    "SEARCH_USAGE",
    "TELEGRAM_LIMIT",
    "compare_messages",
    "doc_facts",
    "doc_messages",
    "docs_messages",
    "document_not_found",
    "escape",
    "help_html",
    "hidden_note",
    "highlight_html",
    "no_targets",
    "page_data",
    "passage_data",
    "passage_messages",
    "search_page",
    "split_html",
    "target_line",
    "targets_messages",
    "utf16_len",
]

CALLBACK_LIMIT = 64
"""Telegram's limit for ``callback_data``, in bytes."""

# p:<query key>:<page>:<1 = with typo correction | 0 = as typed>
PAGE_PATTERN = r"^p:([^:]{1,40}):(\d{1,6}):([01])$"
# t:<doc id>:<passage ordinal>
PASSAGE_PATTERN = r"^t:([0-9A-Za-z_-]{1,40}):(\d{1,9})$"

HITS_PER_ROW = 5
SUGGESTIONS_PER_ROW = 3
BUTTON_QUERY_CHARS = 16
DOC_TARGETS_SHOWN = 10
TARGETS_SHOWN = 40
MIN_SNIPPET_CHARS = 20
_WS = re.compile(r"\s+")

SEARCH_USAGE = (
    "用法：/search 关键词\n例如：/search 乡村振兴 或 /search GDP 增长\nUsage: /search keywords"
)
DOC_USAGE = (
    "用法：/doc 文件编号或文件名\n例如：/doc 004（/docs 查看全部文件）\nUsage: /doc document-id"
)
COMPARE_USAGE = (
    "用法：/compare 指标 [all]\n例如：/compare GDP（国内与地区生产总值）或 /compare CPI\n"
    "加 all 也显示低可信度数据。\nUsage: /compare indicator [all]"
)
ALL_WORDS = frozenset({"all", "全部", "所有"})
"""Words that ask /targets and /compare for every record, the unsure ones too."""


# -- basics ------------------------------------------------------------------------------------
def escape(text: str | None) -> str:
    """Plain text → Telegram HTML (``&``, ``<``, ``>``; quotes may stay)."""
    return html.escape(text or "", quote=False)


def _one_line(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def _cut(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1] + "…"


MIN_PIECE = 64  # a line is not cut to fill less than this at the end of a message


def split_html(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Cut HTML into messages of at most ``limit`` UTF-16 code units, at line boundaries.

    Every line must be balanced HTML (no tag across a line break). A line longer than
    a message is cut between characters, filling the current message first. Blank
    lines at the start or end of a message are dropped. Lengths are measured on the
    HTML, which is never shorter than the text Telegram counts, so a message may be
    cut a little early but is never too long.
    """
    if limit < 2 * MIN_PIECE:
        raise ValueError("limit is too small for a message")
    messages: list[str] = []
    current: list[str] = []
    size = 0  # UTF-16 units of "\n".join(current)

    def flush() -> None:
        nonlocal current, size
        while current and not current[-1].strip():
            current.pop()
        while current and not current[0].strip():
            current.pop(0)
        if current:
            messages.append("\n".join(current))
        current, size = [], 0

    for line in text.split("\n"):
        width = utf16_len(line)
        gap = 1 if current else 0
        if size + gap + width <= limit:
            current.append(line)
            size += gap + width
            continue
        if width <= limit:
            flush()
            current, size = [line], width
            continue
        room = limit - size - gap
        if room < MIN_PIECE:
            flush()
            room = limit
        *full, last = cut_html_line(line, limit, first=room)
        for piece in full:
            current.append(piece)
            flush()
        current, size = [last], utf16_len(last)
    flush()
    return messages


class _Span(Protocol):
    start: int
    end: int


def highlight_html(text: str, spans: Iterable[_Span | tuple[int, int]]) -> str:
    """``text`` with the character ranges ``spans`` in ``<b>``, each piece escaped alone.

    Spans are clipped to the text and merged where they touch or overlap; line breaks
    become spaces (one for one, so the offsets stay right) to keep tags on one line.
    """
    text = text.replace("\r", " ").replace("\n", " ")
    ranges: list[tuple[int, int]] = []
    for span in spans:
        start, end = span if isinstance(span, tuple) else (span.start, span.end)
        start, end = max(0, start), min(len(text), end)
        if start < end:
            ranges.append((start, end))
    ranges.sort()
    merged: list[list[int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[str] = []
    pos = 0
    for start, end in merged:
        out.append(escape(text[pos:start]))
        out.append(f"<b>{escape(text[start:end])}</b>")
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


# -- callback data -----------------------------------------------------------------------------
def _checked(data: str) -> str:
    if len(data.encode("utf-8")) > CALLBACK_LIMIT:
        raise ValueError(f"callback data longer than {CALLBACK_LIMIT} bytes: {data!r}")
    return data


def page_data(key: str, page: int, correct: bool = True) -> str:
    """A button that shows ``page`` of the search saved under ``key``."""
    if not key or ":" in key:
        raise ValueError(f"not a usable query key: {key!r}")
    return _checked(f"p:{key}:{max(1, page)}:{int(correct)}")


def passage_data(doc_id: str, ordinal: int) -> str:
    """A button that shows passage ``ordinal`` of document ``doc_id`` in full."""
    return _checked(f"t:{doc_id}:{ordinal}")


# -- search ------------------------------------------------------------------------------------
def _hit_html(number: int, hit: SearchHit, snippet_chars: int | None) -> str:
    snippet, spans = hit.snippet, list(hit.highlights)
    if snippet_chars is not None and len(snippet) > snippet_chars:
        snippet = snippet[: snippet_chars - 1] + "…"
        spans = [(h.start, min(h.end, snippet_chars - 1)) for h in spans]
    where = [f"📄 <code>{escape(hit.filename)}</code>"]
    if hit.section:
        where.append(escape(" › ".join(_one_line(s) for s in hit.section)))
    return "\n".join(
        (
            f"<b>{number}. {escape(_one_line(hit.title) or hit.filename)}</b>",
            " · ".join(where),
            highlight_html(snippet, spans),
        )
    )


def _search_text(
    resp: SearchResponse, correct: bool, snippet_chars: int | None
) -> tuple[str, list[SearchHit]]:
    shown = resp.corrected_query if (correct and resp.corrections) else resp.query
    lines = [f"🔎 <b>{escape(_one_line(shown))}</b>"]
    if resp.corrections:
        fixes = "，".join(
            f"{escape(c.original)} → <b>{escape(c.corrected)}</b>" for c in resp.corrections
        )
        lines.append(f"已更正：{fixes}")
    if resp.message:
        lines.append(f"<i>{escape(resp.message)}</i>")
    hits = list(resp.hits)
    if hits:
        lines.append(f"共 {resp.total} 条结果 · 第 {resp.page}/{resp.pages} 页")
        first = (resp.page - 1) * resp.page_size + 1
        for number, hit in enumerate(hits, first):
            lines.append("")
            lines.append(_hit_html(number, hit, snippet_chars))
    elif resp.total:
        lines.append(f"第 {resp.page} 页没有结果（共 {resp.pages} 页）。")
    elif resp.query.strip() and not resp.message:
        lines.append("没有找到相关结果。")
    if resp.suggestions:
        lines.append("")
        lines.append("您是不是要找：" + "、".join(escape(s) for s in resp.suggestions))
    return "\n".join(lines), hits


def search_page(
    resp: SearchResponse,
    *,
    key: str,
    correct: bool = True,
    suggestion_keys: Mapping[str, str] | None = None,
    limit: int = TELEGRAM_LIMIT,
) -> tuple[str, InlineKeyboardMarkup | None]:
    """One page of results as (HTML, keyboard); the page is always one message.

    ``key`` is the saved search (its buttons page through it, ``correct`` says whether
    typo correction is on); ``suggestion_keys`` maps each suggestion to its saved key
    (suggestions without a key get no button). When the page would be longer than
    ``limit``, snippets are shortened until it fits.
    """
    snippet_chars: int | None = None
    text, hits = _search_text(resp, correct, snippet_chars)
    longest = max((len(h.snippet) for h in hits), default=0)
    while utf16_len(text) > limit and longest > MIN_SNIPPET_CHARS:
        longest = max(MIN_SNIPPET_CHARS, longest * 2 // 3)
        text, hits = _search_text(resp, correct, longest)
    if utf16_len(text) > limit:
        text = split_html(text, limit)[0]

    rows: list[list[InlineKeyboardButton]] = []
    first = (resp.page - 1) * resp.page_size + 1
    full = [
        InlineKeyboardButton(f"全文 {n}", callback_data=passage_data(h.doc_id, h.passage_ordinal))
        for n, h in enumerate(hits, first)
    ]
    rows.extend(full[i : i + HITS_PER_ROW] for i in range(0, len(full), HITS_PER_ROW))
    nav: list[InlineKeyboardButton] = []
    if resp.page > 1 and resp.total:
        back = min(resp.page - 1, resp.pages)
        nav.append(InlineKeyboardButton("◀ 上一页", callback_data=page_data(key, back, correct)))
    if resp.page < resp.pages:
        forward = resp.page + 1
        nav.append(InlineKeyboardButton("下一页 ▶", callback_data=page_data(key, forward, correct)))
    if nav:
        rows.append(nav)
    if correct and resp.corrections:
        typed = _cut(_one_line(resp.query), BUTTON_QUERY_CHARS)
        rows.append(
            [InlineKeyboardButton(f"按原文搜索“{typed}”", callback_data=page_data(key, 1, False))]
        )
    offered = [
        InlineKeyboardButton(f"🔍 {_cut(s, BUTTON_QUERY_CHARS)}", callback_data=page_data(k, 1))
        for s in resp.suggestions
        if (k := (suggestion_keys or {}).get(s))
    ]
    rows.extend(
        offered[i : i + SUGGESTIONS_PER_ROW] for i in range(0, len(offered), SUGGESTIONS_PER_ROW)
    )
    return text, (InlineKeyboardMarkup(rows) if rows else None)


def passage_messages(document: Document, passage: Passage) -> list[str]:
    """A whole passage ("全文") with its document and section, split if long."""
    head = [f"<b>{escape(_one_line(document.title) or document.filename)}</b>"]
    where = [f"📄 <code>{escape(document.filename)}</code>"]
    if passage.section:
        where.append(escape(" › ".join(_one_line(s) for s in passage.section)))
    head.append(" · ".join(where))
    return split_html("\n".join([*head, "", escape(passage.text)]))


# -- documents ---------------------------------------------------------------------------------
def doc_facts(meta: DocumentInfo | DocumentMeta) -> list[str]:
    """Escaped short facts of a document: region, level, type, year (those known)."""
    bits = []
    if meta.region:
        bits.append(escape(meta.region))
    if meta.level and meta.level != "national":  # 全国 already says it
        bits.append(escape(LEVEL_LABELS.get(meta.level, meta.level)))
    if meta.doc_type:
        bits.append(escape(meta.doc_type))
    if meta.year:
        bits.append(f"{meta.year}年")
    return bits


def docs_messages(infos: Sequence[DocumentInfo]) -> list[str]:
    """The document list."""
    if not infos:
        return ["文库中还没有文件。"]
    lines = [f"<b>📚 文件列表</b>（共 {len(infos)} 份）"]
    for n, info in enumerate(infos, 1):
        lines.append("")
        lines.append(f"<b>{n}. {escape(_one_line(info.title) or info.filename)}</b>")
        bits = [f"<code>{escape(info.doc_id)}</code>", escape(info.filename)]
        bits.extend(doc_facts(info))
        bits.append(f"{info.passages} 段")
        lines.append(" · ".join(bits))
    lines.append("")
    example = escape(infos[0].doc_id)
    lines.append(f"查看详情：/doc 编号或文件名，例如 <code>/doc {example}</code>")
    return split_html("\n".join(lines))


def doc_messages(
    document: Document,
    targets: Sequence[TargetRecord],
    *,
    shown: int = DOC_TARGETS_SHOWN,
    hidden: int = 0,
) -> list[str]:
    """One document: title, file, id, region, level, type, year, issuer, date, sections
    and its first key targets (``hidden``: key targets left out for low confidence)."""
    meta = document.meta
    lines = [f"<b>📄 {escape(_one_line(document.title) or document.filename)}</b>"]
    lines.append(f"文件：<code>{escape(document.filename)}</code>")
    lines.append(f"编号：<code>{escape(document.doc_id)}</code>")
    facts = []
    if meta.region:
        where = " › ".join(meta.region_path) if len(meta.region_path) > 1 else meta.region
        facts.append(f"地区：{escape(where)}")
    if meta.level:
        facts.append(f"级别：{escape(LEVEL_LABELS.get(meta.level, meta.level))}")
    if meta.doc_type:
        facts.append(f"类型：{escape(meta.doc_type)}")
    if meta.year:
        facts.append(f"年份：{meta.year}")
    facts.append(f"段落：{len(document.passages)}")
    lines.append(" · ".join(facts))
    issued = []
    if meta.issuer:
        issued.append(f"发布：{escape(_one_line(meta.issuer))}")
    if meta.date:
        issued.append(f"日期：{escape(meta.date)}")
    if issued:
        lines.append(" · ".join(issued))
    seen: set[tuple[str, ...]] = set()
    sections: list[tuple[str, ...]] = []
    for passage in document.passages:
        if passage.section and passage.section not in seen:
            seen.add(passage.section)
            sections.append(passage.section)
    if sections:
        lines.append("")
        lines.append("<b>章节</b>")
        for section in sections:
            indent = "\u2003" * (len(section) - 1)
            lines.append(f"{indent}• {escape(_one_line(section[-1]))}")
    lines.append("")
    if targets:
        head = f"<b>重点目标</b>（共 {len(targets)} 条"
        head += f"，显示前 {shown} 条）" if len(targets) > shown else "）"
        lines.append(head)
        lines.extend(target_line(r, show_region=False) for r in targets[:shown])
        lines.append(f"全部数据：<code>/targets {escape(document.doc_id)}</code>")
    else:
        lines.append("这份文件中没有提取到重点目标。")
    if hidden:
        lines.append(hidden_note(hidden, f"/targets {document.doc_id} all"))
    return split_html("\n".join(lines))


def document_not_found(ref: str, detail: str = "") -> str:
    """The answer to ``/doc`` with an unknown (or ambiguous) reference."""
    text = f"找不到文件“{escape(ref)}”。发送 /docs 查看全部文件。"
    return text + (f"\n<i>{escape(detail)}</i>" if detail else "")


# -- targets -----------------------------------------------------------------------------------
def hidden_note(hidden: int, command: str) -> str:
    """The line saying how many low-confidence records were left out and how to see them."""
    return f"<i>另有 {hidden} 条低可信度数据未显示，全部显示：</i><code>{escape(command)}</code>"


def _year(year: str) -> str:
    year = _one_line(year)
    return f"{year}年" if year.isdigit() else year


def _figure(record: TargetRecord) -> str:
    value = format_value(record)
    if record.value is None and not record.masked:  # a comparison: the wording has the verb
        return value
    return " ".join(p for p in (_one_line(record.change), value) if p)


def target_line(record: TargetRecord, *, show_kind: bool = True, show_region: bool = True) -> str:
    """``• 〔目标〕<b>地区生产总值</b> 增长 5.5%左右 · 2024年 · 烟台`` (HTML, one line)."""
    parts = ["• "]
    if show_kind:
        parts.append(f"〔{KIND_LABELS.get(record.kind, record.kind)}〕")
    parts.append(f"<b>{escape(_one_line(record.indicator))}</b>")
    figure = _figure(record)
    if figure:
        parts.append(" " + escape(figure))
    meta = [_year(record.year)]
    if show_region:
        meta.append(_one_line(record.region))
    meta = [m for m in meta if m]
    if meta:
        parts.append(" · " + " · ".join(escape(m) for m in meta))
    return "".join(parts)


class DocTargetLike(Protocol):
    """What :meth:`Engine.targets` yields (``bot.search.engine.DocTarget``)."""

    doc_id: str
    record: TargetRecord


def _doc_title(doc_id: str, record: TargetRecord, docs: Mapping[str, DocumentInfo]) -> str:
    info = docs.get(doc_id)
    if info is not None:
        return _one_line(info.title) or info.filename
    return record.doc or doc_id


def targets_messages(
    rows: Sequence[DocTargetLike],
    docs: Mapping[str, DocumentInfo],
    *,
    heading: str,
    shown: int = TARGETS_SHOWN,
    hidden: int = 0,
    all_command: str = "/targets all",
) -> list[str]:
    """Target records (``DocTarget``-like: ``doc_id``, ``record``) grouped by document.

    ``heading`` is plain text (escaped here). At most ``shown`` lines are listed; a last
    line says how many more there are and how to narrow the list. ``hidden`` records
    were left out for low confidence; a line says so, with ``all_command``.
    """
    items = list(rows)
    lines = [f"<b>🎯 {escape(heading)}</b>（共 {len(items)} 条）"]
    if hidden:
        lines.append(hidden_note(hidden, all_command))
    current = None
    for item in items[:shown]:
        if item.doc_id != current:
            current = item.doc_id
            lines.append("")
            lines.append(f"📄 <b>{escape(_doc_title(item.doc_id, item.record, docs))}</b>")
        lines.append(target_line(item.record))
    if len(items) > shown:
        lines.append("")
        lines.append(
            f"<i>……另有 {len(items) - shown} 条未列出。可用 /targets 指标 或 /targets 文件编号"
            " 缩小范围。</i>"
        )
    return split_html("\n".join(lines))


def _year_order(year: str) -> tuple[int, int]:
    year = _one_line(year)
    return (0, -int(year)) if year.isdigit() else (1 if year else 2, 0)


def compare_messages(
    indicator: str,
    rows: Sequence[DocTargetLike],
    docs: Mapping[str, DocumentInfo],
    *,
    hidden: int = 0,
    family: Sequence[str] = (),
) -> list[str]:
    """One indicator across regions and years: per indicator, per region, newest first.

    ``family`` lists the canonical indicators ``indicator`` stands for (shown when more
    than one); ``hidden`` records were left out for low confidence.
    """
    items = list(rows)
    by_indicator: dict[str, dict[str, list[DocTargetLike]]] = {}
    for item in items:
        rec = item.record
        info = docs.get(item.doc_id)
        region = _one_line(rec.region) or (info.region if info and info.region else "") or ""
        by_indicator.setdefault(_one_line(rec.indicator), {}).setdefault(region, []).append(item)
    lines = [f"<b>📊 对比：{escape(indicator)}</b>（共 {len(items)} 条）"]
    if len(family) > 1:
        lines.append("包括：" + "、".join(escape(f) for f in family))
    if hidden:
        lines.append(hidden_note(hidden, f"/compare {indicator} all"))
    for name in sorted(by_indicator, key=lambda n: (n != indicator, len(n), n)):
        regions = by_indicator[name]
        if len(by_indicator) > 1:
            lines.append("")
            lines.append(f"<b>{escape(name)}</b>")
        for region in sorted(regions, key=lambda r: (not r, r)):
            lines.append("")
            lines.append(f"【{escape(region) if region else '未注明地区'}】")
            for item in sorted(regions[region], key=lambda i: _year_order(i.record.year)):
                rec = item.record
                year = _year(rec.year) or "年份不详"
                kind = KIND_LABELS.get(rec.kind, rec.kind)
                source = short_title(_doc_title(item.doc_id, rec, docs))
                lines.append(
                    f"• {escape(year)} 〔{kind}〕 {escape(_figure(rec))} — 《{escape(source)}》"
                )
    return split_html("\n".join(lines))


def no_targets(
    text: str, similar: Sequence[str] = (), *, hidden: int = 0, all_command: str = ""
) -> str:
    """The answer when ``/targets`` or ``/compare`` finds nothing (``hidden``: records
    that matched but were left out for low confidence; ``all_command`` shows them)."""
    lines = [f"没有找到“{escape(text)}”的目标数据。" if text else "还没有提取到目标数据。"]
    if hidden:
        lines.append(hidden_note(hidden, all_command or f"/targets {text} all".replace("  ", " ")))
    if similar:
        lines.append("相近的指标：" + "、".join(escape(s) for s in similar))
    lines.append("例如：/targets GDP 或 /compare CPI")
    return "\n".join(lines)


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
        from bot.telegram_format_admin import admin_help_html  # it imports this module

        lines += ["", admin_help_html()]
    return "\n".join(lines)
