"""Search results as Telegram messages: a page of hits with its buttons, a passage.

Callback data: ``p:<key>:<page>:<1|0>`` (a page of a saved search, typo correction on
or off) and ``t:<doc_id>:<ordinal>`` (a passage in full), each at most 64 bytes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.digest.english import figure, said_indicator, said_place
from bot.library.understood import understood_line
from bot.models import (
    AnswerCard,
    Document,
    Note,
    SearchHit,
    SearchResponse,
)
from handlers.format.html import (
    CALLBACK_LIMIT,
    TELEGRAM_LIMIT,
    checked,
    cut,
    escape,
    highlight_html,
    one_line,
    shown,
    split_html,
    utf16_len,
)
from handlers.i18n import DEFAULT_LANGUAGE, tr

# p:<query key>:<page>:<mode>[:<topic>]: 1 = typo correction and understanding (region,
# year …), 0 = as typed (neither), 2 = corrected but every word searched literally
PAGE_PATTERN = r"^p:([^:]{1,40}):(\d{1,6}):([012])(?::(\d{1,10}))?$"
# t:<doc id>:<passage ordinal>[:<topic>]
PASSAGE_PATTERN = r"^t:([0-9A-Za-z_-]{1,40}):(\d{1,9})(?::(\d{1,10}))?$"

HITS_PER_ROW = 5
SUGGESTIONS_PER_ROW = 3
BUTTON_QUERY_CHARS = 16
MIN_SNIPPET_CHARS = 20
# a Chinese character: a query without one that finds nothing is told the documents' language
_HAN_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


# -- callback data -----------------------------------------------------------------------------
def page_data(key: str, page: int, correct: bool = True, understand: bool = True) -> str:
    """A button that shows ``page`` of the search saved under ``key``, with typo
    correction (``correct``) and region/year understanding (``understand``) on or off."""
    if not key or ":" in key:
        raise ValueError(f"not a usable query key: {key!r}")
    return checked(f"p:{key}:{max(1, page)}:{search_mode(correct, understand)}")


def search_mode(correct: bool, understand: bool) -> str:
    """The mode digit of a page button (see :data:`PAGE_PATTERN`)."""
    if not correct:
        return "0"
    return "1" if understand else "2"


def mode_flags(mode: str) -> tuple[bool, bool]:
    """``(correct, understand)`` of a page button's mode digit."""
    return mode != "0", mode == "1"


def in_topic(
    keyboard: InlineKeyboardMarkup | None, topic: int | None
) -> InlineKeyboardMarkup | None:
    """``keyboard`` with the forum topic it is shown in written into its page and 全文
    buttons (``:<topic>``, where it fits in a button's data): a button pressed on a message
    the bot can no longer edit comes back without the message, and so without its topic
    (an ``InaccessibleMessage``), and its answer went to General (group-trial17)."""
    if keyboard is None or not topic:
        return keyboard
    rows = [[_with_topic(button, topic) for button in row] for row in keyboard.inline_keyboard]
    return InlineKeyboardMarkup(rows)


def _with_topic(button: InlineKeyboardButton, topic: int) -> InlineKeyboardButton:
    data = button.callback_data
    if not isinstance(data, str) or not data.startswith(("p:", "t:")):
        return button
    longer = f"{data}:{topic}"
    if len(longer.encode("utf-8")) > CALLBACK_LIMIT:
        return button  # as before: answered in the chat's main thread if it comes to that
    return InlineKeyboardButton(button.text, callback_data=longer)


def passage_data(doc_id: str, ordinal: int) -> str:
    """A button that shows passage ``ordinal`` of document ``doc_id`` in full."""
    return checked(f"t:{doc_id}:{ordinal}")


# -- search ------------------------------------------------------------------------------------
def _hit_title(hit: SearchHit, lang: str) -> str:
    """A hit's title, with its place when the title does not say it: 云南's report is
    titled 2026年政府工作报告, 青岛's speeches by their slogans; a list of them read as
    from nowhere (the national documents, 全国, say their issuer in the title)."""
    title = one_line(hit.title) or hit.filename
    if not hit.region or hit.region == "全国" or hit.region in title:
        return title
    return tr(lang, "search.hit_place", title=title, place=said_place(hit.region, lang))


def _hit_html(number: int, hit: SearchHit, snippet_chars: int | None, lang: str) -> str:
    snippet, spans = hit.snippet, list(hit.highlights)
    if snippet_chars is not None and len(snippet) > snippet_chars:
        snippet = snippet[: snippet_chars - 1] + "…"
        spans = [(h.start, min(h.end, snippet_chars - 1)) for h in spans]
    where = [f"📄 <code>{escape(hit.filename)}</code>"]
    if hit.section:
        where.append(escape(" › ".join(one_line(s) for s in hit.section)))
    lines = [f"<b>{number}. {escape(_hit_title(hit, lang))}</b>", " · ".join(where)]
    if hit.url:  # a document from a live source: where it was published
        lines.append(f"🔗 {escape(hit.url)}")
    lines.append(highlight_html(snippet, spans))
    return "\n".join(lines)


def _card_kind(kind: str, lang: str) -> str:
    """What a card's figure is: a target, or a result when years are compared."""
    if kind == "achievement":
        return tr(lang, "search.kind_achievement")
    return tr(lang, "search.kind_target")


def card_words(a: AnswerCard, lang: str) -> tuple[str, str, str, str]:
    """An answer card's place and year, indicator, change and figure as plain text in
    ``lang``: in English the place, the indicator and the figure in English where they can
    be said (``Sichuan 2026``, ``GDP``, ``""``, ``growth of about 5.5%``; english-trial18),
    in Chinese as the document writes them. The card's message and its inline title."""
    said = (
        figure(a.value_text, a.unit, a.qualifier, a.change, masked=a.masked)
        if lang == "en"
        else None
    )
    where = said_place(a.region or "", lang)
    if a.year.isdigit():
        where = f"{where} {tr(lang, 'search.answer_year', year=a.year)}".lstrip()
    elif a.year:
        where = f"{where} {a.year} ".lstrip()
    if lang == "en" and where and not where.endswith(" "):
        where += " "  # Sichuan GDP, never SichuanGDP (Chinese writes 四川地区生产总值)
    indicator = said_indicator(a.indicator, lang)
    return where, indicator, "" if said else a.change, said or a.figure


def answer_head_html(a: AnswerCard, lang: str) -> str:
    """An answer card's figure (🎯 the key target asked for) as HTML, with the note that
    it is a place's inside the region asked when it is: the search reply's card and an
    inline result's message open with it."""
    where, indicator, change, said = card_words(a, lang)
    head = tr(
        lang,
        "search.answer",
        where=escape(where),
        indicator=escape(indicator),
        kind=_card_kind(a.kind, lang),
        change=escape(change),
        figure=escape(said),
    )
    if a.asked_region:
        # a place's figure inside the region asked: never to be read as the region's own
        inside = tr(
            lang, "search.answer_inside", asked=escape(a.asked_region), place=escape(a.region or "")
        )
        return f"{head}\n<i>{inside}</i>"
    return head


def _answer_html(a: AnswerCard, lang: str) -> str:
    # the document by its title, as one cites it (a file's name, province_sichuan_2026_gwr.txt,
    # is no source a reader can quote); the file's name only when there is no title
    title = one_line(a.title)
    source = escape(title) if title else f"<code>{escape(a.filename)}</code>"
    if a.section:
        source += f" › {escape(one_line(a.section))}"
    return f"{answer_head_html(a, lang)}\n📄 {source}"


def _note(note: Note, lang: str) -> str:
    return tr(lang, f"search.{note.code}", **dict(note.params))


def _search_text(
    resp: SearchResponse,
    correct: bool,
    snippet_chars: int | None,
    lang: str,
    understand: bool = True,
) -> tuple[str, list[SearchHit]]:
    asked = resp.corrected_query if (correct and resp.corrections) else resp.query
    # said back cut, as every argument is: a 4,000-letter query must not fill the reply
    lines = [f"🔎 <b>{shown(asked)}</b>"]
    if not correct:  # a view a button asked for: say which
        lines.append(f"<i>{tr(lang, 'search.mode_as_typed')}</i>")
    elif not understand:
        lines.append(f"<i>{tr(lang, 'search.mode_literal')}</i>")
    if resp.corrections:
        fixes = tr(lang, "common.comma").join(
            f"{escape(c.original)} → <b>{escape(c.corrected)}</b>" for c in resp.corrections
        )
        lines.append(tr(lang, "search.corrected", fixes=fixes))
    if resp.home_unset:  # 我县 with no /region: the words were left out, say how to set it
        lines.append(f"<i>ℹ️ {escape(tr(lang, 'region.hint'))}</i>")
    if understood := understood_line(resp.understood, lang, quote=escape):
        lines.append(f"<i>{understood}</i>")
    if resp.page == 1:
        # a comparison's cards, one per region and year named (山东 江苏 GDP 目标)
        for answer in resp.all_answers:
            lines.append("")
            lines.append(_answer_html(answer, lang))
        if resp.answers_cut:
            lines.append(f"<i>{tr(lang, 'search.answers_cut', count=resp.answers_cut)}</i>")
        if resp.several_places and resp.all_answers:
            first = resp.all_answers[0]
            hint = tr(
                lang, "search.several_places", place=first.region or "", indicator=first.indicator
            )
            lines.append(f"<i>ℹ️ {escape(hint)}</i>")
        if resp.unanswered:
            names = tr(lang, "search.region_sep").join(escape(u) for u in resp.unanswered)
            lines.append(f"<i>{tr(lang, 'search.answer_none', names=names)}</i>")
        if newest := resp.place_newest:  # 成都今年: none of 2026, its newest said
            place = escape(said_place(newest.region, lang))
            said = tr(
                lang,
                "search.place_newest",
                region=place,
                year=newest.year,
                newest=newest.newest_year,
                title=escape(newest.title),
                command=f"/targets {place}",
            )
            lines.append(f"<i>ℹ️ {said}</i>")
    if resp.by_document and resp.hits:
        lines.append(f"<i>{tr(lang, 'search.by_document')}</i>")
    if resp.notes:
        notes = tr(lang, "search.note_sep").join(_note(n, lang) for n in resp.notes)
        lines.append(f"<i>{escape(notes)}</i>")
    elif resp.message:
        lines.append(f"<i>{escape(resp.message)}</i>")
    hits = list(resp.hits)
    if hits:
        lines.append(tr(lang, "search.total", total=resp.total, page=resp.page, pages=resp.pages))
        first = (resp.page - 1) * resp.page_size + 1
        for number, hit in enumerate(hits, first):
            lines.append("")
            lines.append(_hit_html(number, hit, snippet_chars, lang))
    elif resp.total:
        lines.append(tr(lang, "search.page_empty", page=resp.page, pages=resp.pages))
    elif resp.query.strip() and not resp.nothing_searched:
        # a note on a query searched (cut to its first 200 characters …) is no answer
        lines.append(tr(lang, "search.no_results"))
        if not _HAN_RE.search(resp.query):  # rural revitalization, <b>bold</b>
            lines.append(tr(lang, "search.chinese_words"))
    if resp.suggestions:
        lines.append("")
        suggestions = tr(lang, "common.list_sep").join(escape(s) for s in resp.suggestions)
        lines.append(tr(lang, "search.did_you_mean", suggestions=suggestions))
    return "\n".join(lines), hits


def search_page(
    resp: SearchResponse,
    *,
    key: str,
    correct: bool = True,
    understand: bool = True,
    suggestion_keys: Mapping[str, str] | None = None,
    limit: int = TELEGRAM_LIMIT,
    lang: str = DEFAULT_LANGUAGE,
) -> tuple[str, InlineKeyboardMarkup | None]:
    """One page of results as (HTML, keyboard); the page is always one message.

    ``key`` is the saved search (its buttons page through it, ``correct`` and
    ``understand`` say whether typo correction and region/year understanding are on);
    what was understood and the answer card (page 1) open the page, with a button to
    search the words literally; ``suggestion_keys`` maps each suggestion to its saved key
    (suggestions without a key get no button). When the page would be longer than
    ``limit``, snippets are shortened until it fits. Texts and buttons are in ``lang``.
    """
    snippet_chars: int | None = None
    text, hits = _search_text(resp, correct, snippet_chars, lang, understand)
    longest = max((len(h.snippet) for h in hits), default=0)
    while utf16_len(text) > limit and longest > MIN_SNIPPET_CHARS:
        longest = max(MIN_SNIPPET_CHARS, longest * 2 // 3)
        text, hits = _search_text(resp, correct, longest, lang, understand)
    if utf16_len(text) > limit:
        text = split_html(text, limit)[0]

    rows: list[list[InlineKeyboardButton]] = []
    first = (resp.page - 1) * resp.page_size + 1
    full = [
        InlineKeyboardButton(
            tr(lang, "search.full_text", n=n),
            callback_data=passage_data(h.doc_id, h.passage_ordinal),
        )
        for n, h in enumerate(hits, first)
    ]
    rows.extend(full[i : i + HITS_PER_ROW] for i in range(0, len(full), HITS_PER_ROW))
    nav: list[InlineKeyboardButton] = []
    if resp.page > 1 and resp.total:
        back = min(resp.page - 1, resp.pages)
        nav.append(
            InlineKeyboardButton(
                tr(lang, "search.previous"),
                callback_data=page_data(key, back, correct, understand),
            )
        )
    if resp.page < resp.pages:
        forward = resp.page + 1
        nav.append(
            InlineKeyboardButton(
                tr(lang, "search.next"),
                callback_data=page_data(key, forward, correct, understand),
            )
        )
    if nav:
        rows.append(nav)
    if correct and resp.corrections:
        typed = cut(one_line(resp.query), BUTTON_QUERY_CHARS)
        rows.append(
            [
                InlineKeyboardButton(
                    tr(lang, "search.as_typed", typed=typed), callback_data=page_data(key, 1, False)
                )
            ]
        )
    if understand and resp.understood is not None and resp.understood.any:
        rows.append(
            [
                InlineKeyboardButton(
                    tr(lang, "search.literal"), callback_data=page_data(key, 1, correct, False)
                )
            ]
        )
    offered = [
        InlineKeyboardButton(f"🔍 {cut(s, BUTTON_QUERY_CHARS)}", callback_data=page_data(k, 1))
        for s in resp.suggestions
        if (k := (suggestion_keys or {}).get(s))
    ]
    rows.extend(
        offered[i : i + SUGGESTIONS_PER_ROW] for i in range(0, len(offered), SUGGESTIONS_PER_ROW)
    )
    return text, (InlineKeyboardMarkup(rows) if rows else None)


def passage_messages(document: Document, ordinal: int, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """A whole passage ("全文") with its document and section, split if long; which
    paragraph of how many it is, and the command of the whole document: the button's
    全文 read as the whole document, and a reader waited for the rest of it."""
    passage = document.passages[ordinal]
    head = [f"<b>{escape(one_line(document.title) or document.filename)}</b>"]
    where = [f"📄 <code>{escape(document.filename)}</code>"]
    if passage.section:
        where.append(escape(" › ".join(one_line(s) for s in passage.section)))
    head.append(" · ".join(where))
    position = tr(
        lang,
        "search.passage_position",
        n=ordinal + 1,
        total=len(document.passages),
        doc_id=escape(document.doc_id),
    )
    head.append(f"<i>{position}</i>")
    return split_html("\n".join([*head, "", escape(passage.text)]))


def passage_keyboard(document: Document, ordinal: int, lang: str) -> InlineKeyboardMarkup | None:
    """◀ the passage before, ▶ the one after, under a passage shown whole: a snippet's
    context read on, paragraph by paragraph, without leaving the chat (a reporter checks a
    figure's sentence against what comes before and after it before quoting it)."""
    row = []
    if ordinal > 0:
        row.append(
            InlineKeyboardButton(
                tr(lang, "search.passage_before"),
                callback_data=passage_data(document.doc_id, ordinal - 1),
            )
        )
    if ordinal + 1 < len(document.passages):
        row.append(
            InlineKeyboardButton(
                tr(lang, "search.passage_after"),
                callback_data=passage_data(document.doc_id, ordinal + 1),
            )
        )
    return InlineKeyboardMarkup([row]) if row else None
