"""Inline mode's answers (``@BriefBot 就业目标`` in any chat): a search as a list of
articles, each one a message ready to drop into the conversation.

Pure presentation, no I/O: :func:`inline_results` turns one page of a
:class:`~bot.models.SearchResponse` into ``InlineQueryResultArticle``s (the answer
cards first on the first page, then the passages); :func:`hint_button` and friends are
the button above the results that opens the bot's private chat (``/start inline``) when
there is nothing to list: a query too short, nothing found, the flood limit, an error.
Every piece of document text is escaped (:mod:`handlers.format.html`).
"""

from __future__ import annotations

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
)
from telegram.constants import ParseMode

from bot.digest.english import said_indicator, said_place
from bot.models import AnswerCard, SearchHit, SearchResponse, Understood
from handlers.format.html import (
    TELEGRAM_LIMIT,
    cut,
    escape,
    highlight_html,
    one_line,
    utf16_len,
)
from handlers.format.search import answer_head_html, card_words
from handlers.i18n import DEFAULT_LANGUAGE, tr

START_PARAMETER = "inline"
"""The deep link of the button above the results (``/start inline``): the bot's help."""

TITLE_CHARS = 120  # a client shows one or two lines of a title: the rest is never seen
DESCRIPTION_CHARS = 160
SECTION_CHARS = 60
BUTTON_QUERY_CHARS = 16  # what a button says back of the query, as the search buttons do
INLINE_QUERY_CHARS = 256  # Telegram's longest inline query: a "more" button's query too
RESULT_ID_BYTES = 64


# -- what was understood, in a title -------------------------------------------------------------
def understood_tag(u: Understood | None, lang: str) -> str | None:
    """``山东 · 2024 · 地区生产总值``: the region, year (or plan period) and indicator a
    query was understood as, short enough to open a result's title; None when the
    query named none of them. A region or year no document is about (火星, 2031) is left
    out: the results are not about it, and a title must not say they are."""
    if u is None:
        return None
    sep = tr(lang, "search.region_sep")
    regions = [] if "region" in u.unmatched else [r for r in u.all_regions if r not in u.absent]
    years = [] if "year" in u.unmatched else [str(y) for y in u.all_years]
    when = u.period.name if u.period else sep.join(years)
    if lang == "en":  # the place and the indicator in English (english-trial18)
        regions = [said_place(r, lang) for r in regions]
    indicator = said_indicator(u.indicator, lang) if u.indicator else ""
    parts = [p for p in (sep.join(regions), when, indicator) if p]
    return tr(lang, "search.facet_sep").join(parts) if parts else None


def _titled(title: str, tag: str | None, lang: str) -> str:
    if tag:
        title = tr(lang, "inline.understood_title", facets=tag, title=title)
    return cut(one_line(title), TITLE_CHARS)


# -- the results ---------------------------------------------------------------------------------
def _section(hit: SearchHit) -> str:
    return cut(" › ".join(one_line(s) for s in hit.section), SECTION_CHARS)


def _source_html(title: str, filename: str, section: str, url: str | None, lang: str) -> str:
    """📄 Source: <b>title</b> › section · <code>file</code> (and where it was published)."""
    where = f"<b>{escape(one_line(title) or filename)}</b>"
    if section:
        where += f" › {escape(section)}"
    where += f" · <code>{escape(filename)}</code>"
    line = tr(lang, "inline.source", source=where)
    return f"{line}\n🔗 {escape(url)}" if url else line


def _fitted(html: str, head: str) -> str:
    """``head`` + ``html`` in one message: a snippet is short, but a passage is never
    allowed to make the message Telegram refuses."""
    text = f"{html}\n\n{head}"
    if utf16_len(text) <= TELEGRAM_LIMIT:
        return text
    return head  # only a pathological snippet (thousands of characters) gets here


def _more_button(query: str, lang: str) -> InlineKeyboardMarkup:
    """Under a message sent: the same search again in this chat's inline mode."""
    typed = cut(one_line(query), BUTTON_QUERY_CHARS)
    button = InlineKeyboardButton(
        tr(lang, "inline.more", query=typed),
        switch_inline_query_current_chat=cut(one_line(query), INLINE_QUERY_CHARS),
    )
    return InlineKeyboardMarkup([[button]])


def _result_id(*parts: object) -> str:
    """A result's id: unique in one answer, at most 64 bytes (document ids are short)."""
    return ":".join(str(p) for p in parts)[:RESULT_ID_BYTES]


def _card_article(number: int, card: AnswerCard, query: str, lang: str) -> InlineQueryResultArticle:
    """🎯 the card: its title says the region, year and indicator itself."""
    if card.kind == "achievement":
        kind = tr(lang, "search.kind_achievement")
    else:
        kind = tr(lang, "search.kind_target")
    where, indicator, change, said = card_words(card, lang)
    title = tr(
        lang,
        "inline.card_title",
        where=where.strip(),
        indicator=indicator,
        kind=kind,
        change=change,
        figure=said,
    )
    source = one_line(card.title) or card.filename
    where_said = f"{source} › {card.section}" if card.section else source
    description = cut(one_line(where_said), DESCRIPTION_CHARS)
    html = answer_head_html(card, lang)
    if card.sentence:  # the sentence that states it: what a reader quotes
        quoted = tr(lang, "inline.sentence", sentence=escape(one_line(card.sentence)))
        html = f"{html}\n{quoted}"
    source = _source_html(card.title, card.filename, one_line(card.section), None, lang)
    return InlineQueryResultArticle(
        id=_result_id("c", number, card.doc_id),
        title=cut(one_line(title), TITLE_CHARS),
        description=description,
        input_message_content=InputTextMessageContent(
            _fitted(html, source), parse_mode=ParseMode.HTML
        ),
        reply_markup=_more_button(query, lang),
    )


def _hit_article(
    hit: SearchHit, query: str, tag: str | None, lang: str
) -> InlineQueryResultArticle:
    section = _section(hit)
    heading = one_line(hit.title) or hit.filename
    title = f"{heading} › {section}" if section else heading
    snippet = highlight_html(hit.snippet, hit.highlights)
    source = _source_html(hit.title, hit.filename, section, hit.url, lang)
    return InlineQueryResultArticle(
        id=_result_id("p", hit.doc_id, hit.passage_ordinal),
        title=_titled(title, tag, lang),
        description=cut(one_line(hit.snippet), DESCRIPTION_CHARS),
        input_message_content=InputTextMessageContent(
            _fitted(snippet, source), parse_mode=ParseMode.HTML
        ),
        reply_markup=_more_button(query, lang),
    )


def inline_results(
    resp: SearchResponse, lang: str = DEFAULT_LANGUAGE
) -> list[InlineQueryResultArticle]:
    """One page of a search as articles: on the first page the answer cards (the key
    targets a target-seeking query asked for), then the passages, best first. Each
    title opens with what the query was understood as (region, year, indicator); each
    message sent is the highlighted snippet (or the card and its sentence) with the
    document, section and file it came from, in ``lang``."""
    tag = understood_tag(resp.understood, lang)
    query = resp.corrected_query or resp.query
    cards = resp.all_answers if resp.page == 1 else ()
    results = [_card_article(n, c, query, lang) for n, c in enumerate(cards, 1)]
    seen = {r.id for r in results}
    for hit in resp.hits:
        article = _hit_article(hit, query, tag, lang)
        if article.id not in seen:  # one passage, one result: Telegram refuses a repeated id
            seen.add(article.id)
            results.append(article)
    return results


def next_offset(resp: SearchResponse, max_pages: int) -> str:
    """The ``next_offset`` that loads the next page as the user scrolls ("" at the last
    page, or at ``max_pages``: inline mode is for dropping a passage into a chat, the
    bot's own search pages through everything)."""
    if resp.page < min(resp.pages, max_pages) and resp.hits:
        return str(resp.page + 1)
    return ""


# -- the button above the results ----------------------------------------------------------------
def _button(text: str) -> InlineQueryResultsButton:
    return InlineQueryResultsButton(text=cut(one_line(text), 64), start_parameter=START_PARAMETER)


def hint_button(lang: str) -> InlineQueryResultsButton:
    """A query empty or too short: how to ask, and the way to the bot's help."""
    return _button(tr(lang, "inline.hint"))


def nothing_button(query: str, lang: str) -> InlineQueryResultsButton:
    """Nothing found: said so, the query said back short."""
    return _button(tr(lang, "inline.nothing", query=cut(one_line(query), BUTTON_QUERY_CHARS)))


def note_button(resp: SearchResponse, lang: str) -> InlineQueryResultsButton | None:
    """Above results, what the bot's reply would say first: 我县 / 本市 left out (no
    place set in the user's private chat with the bot), or the query corrected (the
    results are for 乡村振兴, not the 乡村振星 typed); None when there is nothing to say."""
    if resp.home_unset:
        return _button(tr(lang, "inline.home_unset"))
    if resp.corrections and (corrected := resp.corrected_query):
        return _button(tr(lang, "inline.corrected", corrected=cut(one_line(corrected), 24)))
    return None


def wait_button(wait: int, lang: str) -> InlineQueryResultsButton:
    """Over the flood limit: how long to wait."""
    return _button(tr(lang, "common.too_many", wait=wait))


def error_button(lang: str) -> InlineQueryResultsButton:
    """The search failed: an apology instead of a spinner that never stops."""
    return _button(tr(lang, "inline.error"))
