"""What a subscription receives for a slot: its digest as Telegram HTML messages.

Runs on the core thread (it reads the engine). Many subscriptions share a filter and
are due at the same minute, so composed messages are cached by everything that
decides them: the filter, which documents count as new, the local date in the title,
the language of the frame and the index they were read from. 10,000 subscriptions
with a handful of distinct filters compose a handful of digests, not 10,000.

The footer of a digest cut short points to ``/targets`` with an indicator and a region
(``digest.more_targets``: the chat command takes them, ``/targets GDP 山东``).

A subscription's digest is said in its chat's language (``language(chat_id)``: the chat's
``/lang chat`` choice, else Chinese); a preview in the language of whoever asked.
"""

from __future__ import annotations

import html
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from bot.corpus.gazetteer import default_gazetteer
from bot.corpus.regions import regions_beside
from bot.digest.compose import DigestLine, Span
from bot.digest.filters import DigestFilter, describe, format_filter, names_document, parse_filter
from bot.digest.render import render_html
from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES, tr
from bot.library import Engine
from bot.subscriptions.commands import typed_filter
from bot.subscriptions.records import Subscription
from bot.targets.conditions import condition_text
from bot.text.echo import said_back


def no_new_message(sub: Subscription, lang: str = DEFAULT_LANGUAGE) -> str:
    """The short line sent instead of an empty digest (unless the subscription is quiet).

    A subscription no digest reached yet is not told "nothing new since the last digest"
    (its channel's first push said so of a digest it never had, user-trial17): nothing
    in the library matches yet, and one will come when new documents do."""
    text = describe(sub.filter, lang)
    about = tr(lang, "digest.no_new_about", filter=html.escape(text, quote=False)) if text else ""
    if sub.last_delivered_at is None:
        return tr(lang, "digest.none_yet", about=about)
    return tr(lang, "digest.no_new", about=about)


Unmatched = Literal["kinds", "value", "nothing"]


# A push later than this after its slot says it is late (a slot's 10,000 deliveries go out
# within minutes; a slot sent by the start-up recovery hours after it is another thing).
LATE_AFTER = timedelta(minutes=30)
# Missed slots a digest names by date (the newest); more are counted.
MISSED_NAMED = 3

# What :func:`unmatched` found, per engine, per filter text, for the library as it was
# (:func:`corpus_state`): /subscribe asks it, and a scheduled run reads it back instead of
# paying seconds on a large library; after the library changes the first empty digest
# of that filter asks again, once for every subscription sharing it.
_KNOWN: weakref.WeakKeyDictionary[Engine, dict[str, tuple[tuple, Unmatched | None]]] = (
    weakref.WeakKeyDictionary()
)
_KNOWN_LOCK = threading.Lock()


def corpus_state(engine: Engine) -> tuple[int, float]:
    """The library as of now: a document added, replaced or removed changes it."""
    docs = engine.index.docs
    return (len(docs), max((d.indexed_at for d in docs), default=0.0))


def unmatched(engine: Engine, filter: DigestFilter | str) -> Unmatched | None:
    """Why no record of the documents passes ``filter`` (:meth:`Engine.filter_unmatched`):
    ``kinds``, ``value``, ``nothing``, or None when one passes. Seconds on a 100 MB library when
    nothing passes: asked by a person (``/subscribe``), and kept for the scheduled runs
    (:func:`known_unmatched`)."""
    state = corpus_state(engine)
    why = engine.filter_unmatched(filter)
    with _KNOWN_LOCK:
        _KNOWN.setdefault(engine, {})[_stored(filter)] = (state, why)
    return why


def _stored(filter: DigestFilter | str) -> str:
    """A filter as a subscription stores it (``/subscribe`` asks with the text typed)."""
    if isinstance(filter, str):
        try:
            filter = parse_filter(filter, check_places=False)
        except ValueError:
            return filter
    return format_filter(filter)


def known_unmatched(engine: Engine, filter_text: str) -> Unmatched | None:
    """:func:`unmatched` of ``filter_text`` for the library as it is, asked once per filter
    and library state (kept from ``/subscribe`` or the last scheduled run that asked)."""
    with _KNOWN_LOCK:
        known = _KNOWN.get(engine, {}).get(_stored(filter_text))
    if known is not None and known[0] == corpus_state(engine):
        return known[1]
    return unmatched(engine, filter_text)


def names_no_document(engine: Engine, filter: DigestFilter) -> bool:
    """Whether ``filter`` names documents by ``doc:`` and none of them is in the library
    any more (removed): it can match nothing. One pass over the document list, cheap
    enough for a scheduled run, unlike :func:`unmatched`."""
    return bool(filter.docs) and not any(names_document(filter, d) for d in engine.index.docs)


def beside_note(filter_text: str, lang: str = DEFAULT_LANGUAGE) -> str | None:
    """The line ``/subscribe`` adds when a region of the filter is named beside a place
    inside it (``region:蓬溪县 region:四川``): the digest keeps that region's own targets
    and the place's (:func:`~bot.corpus.regions.regions_beside`), which ``地区：蓬溪县、四川``
    alone does not say; None otherwise."""
    try:
        regions = parse_filter(filter_text, check_places=False).regions
    except ValueError:
        return None
    beside = regions_beside(regions, default_gazetteer())
    return (
        "\n".join(
            tr(lang, "subscriptions.regions_beside", region=region, inside=inside)
            for region, inside in beside.items()
        )
        or None
    )


def undocumented_places(engine: Engine, filter_text: str) -> list[str]:
    """The places a filter of several names that no document of the library is about
    (``region:成都 region:重庆 region:深圳``: 重庆): its digests hold none of their
    targets until a document about them is added, which the digest never says (it counts
    the documents it read). One place alone is said by :func:`unmatched` (nothing matches)."""
    try:
        regions = parse_filter(filter_text, check_places=False).regions
    except ValueError:
        return []
    if len(regions) < 2:
        return []
    return [r for r in regions if not engine.documents_in(region=r)]


def _value_said(filter: DigestFilter, lang: str) -> dict[str, str]:
    """What a ``value`` reason says: the rest of the filter (``关键词：GDP``) and its
    condition (``高于 9``), for the catalogue's ``matches_value`` lines."""
    rest = describe(replace(filter, value=None), lang) or tr(lang, "digest.filter.everything")
    said = condition_text(filter.value, lang) if filter.value is not None else ""
    return {"rest": rest, "condition": said}


def unmatched_note(why: Unmatched, filter_text: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The line ``/subscribe`` adds when its filter matches no target (``why`` from
    :func:`unmatched`), in ``lang``: a value condition that leaves out every target the
    words find is named as the reason, not a misspelt word."""
    if why == "kinds":
        return tr(lang, "subscriptions.matches_other_kinds")
    if why == "value":
        return tr(
            lang, "subscriptions.matches_value", **_value_said(parse_filter(filter_text), lang)
        )
    return tr(lang, "subscriptions.matches_nothing")


def _matches_nothing_message(
    sub: Subscription, why: Unmatched, lang: str = DEFAULT_LANGUAGE
) -> str:
    text = describe(sub.filter, lang)
    about = tr(lang, "digest.no_new_about", filter=html.escape(text, quote=False)) if text else ""
    if why == "kinds":
        return tr(lang, "digest.matches_other_kinds", about=about)
    if why == "value":
        said = {k: html.escape(v, quote=False) for k, v in _value_said(sub.filter, lang).items()}
        return tr(lang, "digest.matches_value", about=about, **said)
    return tr(lang, "digest.matches_nothing", about=about)


def _since(sub: Subscription) -> float | None:
    return sub.last_delivered_at.timestamp() if sub.last_delivered_at else None


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def delivery_notes(
    sub: Subscription, slot: datetime, now: datetime, lang: str = DEFAULT_LANGUAGE
) -> tuple[str, ...]:
    """What a digest says of its own delivery (plain text lines, in ``lang``):

    - sent ``LATE_AFTER`` or more after its slot (the start-up recovery sends a slot
      missed while the bot was down, hours late): ``⏰ 本期送达晚于计划的 08:00。``, so
      that a reader who forwards it knows it was not the 08:00 digest;
    - slots recorded missed since the last one sent (``sub.missed``: the bot down beyond
      the grace): the digest has everything new since the last one sent, and says it
      covers them: ``🗓 本期涵盖 2 期：2027年1月4日的推送未能送达。``
    """
    notes: list[str] = []
    tz = ZoneInfo(sub.timezone)
    if _utc(now) - _utc(slot) >= LATE_AFTER:
        notes.append(tr(lang, "digest.late", time=f"{slot.astimezone(tz):%H:%M}"))
    if sub.missed:
        days = [s.astimezone(tz) for s in sub.missed[-MISSED_NAMED:]]
        dates = tr(lang, "common.list_sep").join(
            tr(lang, "digest.date", year=d.year, month=d.month, day=d.day) for d in days
        )
        if len(sub.missed) > MISSED_NAMED:
            dates = tr(lang, "digest.missed_more", dates=dates, n=len(sub.missed))
        notes.append(tr(lang, "digest.covers", n=len(sub.missed) + 1, dates=dates))
    return tuple(notes)


def subscription_digest(
    engine: Engine,
    sub: Subscription,
    now: datetime,
    lang: str = DEFAULT_LANGUAGE,
    notes: Sequence[str] = (),
) -> list[str]:
    """What is new for ``sub`` since its last digest, as HTML messages; [] if nothing.
    ``notes`` (:func:`delivery_notes`) follow the title."""
    digest = engine.digest(
        sub.filter,
        now=now,
        since=_since(sub),
        only_new=True,
        more_command=tr(lang, "digest.more_targets"),
        lang=lang,
        first=sub.last_delivered_at is None,
    )
    if digest.empty:
        return []
    if notes:
        said = tuple(DigestLine("summary", (Span(note, "i"),)) for note in notes)
        digest = replace(digest, lines=(digest.lines[0], *said, *digest.lines[1:]))
    return render_html(digest)


def _with_notes(message: str, notes: Sequence[str]) -> str:
    return "\n".join([message, *(f"<i>{html.escape(n, quote=False)}</i>" for n in notes)])


class DigestComposer:
    """``composer(sub, slot) -> messages | None`` (None: nothing new and the sub is quiet).

    ``language(chat_id)`` is the language of the chat's digests (default: Chinese); it is
    called on the core thread, so it must not block (the Telegram layer's in-memory
    ``/lang chat`` choices).
    """

    def __init__(
        self,
        engine: Engine,
        *,
        cache_size: int = 256,
        language: Callable[[int], str] | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.engine = engine
        self.language = language or (lambda _chat_id: DEFAULT_LANGUAGE)
        # when a digest is composed (the scheduler's clock), so that a slot sent late says
        # so; without one (a preview, a benchmark) no digest is said to be late
        self.clock = clock
        self.cache_size = cache_size
        self._cache: OrderedDict[tuple, list[str]] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, sub: Subscription, slot: datetime) -> list[str] | None:
        engine = self.engine
        since = _since(sub)
        local = slot.astimezone(ZoneInfo(sub.timezone))
        docs = engine.index.docs
        new_docs = (
            frozenset(d.doc_id for d in docs if d.indexed_at > since) if since is not None else None
        )
        # The corpus as of now: a document added, replaced or removed changes it.
        corpus = (len(docs), max((d.indexed_at for d in docs), default=0.0))
        lang = self.language(sub.chat_id)
        notes = delivery_notes(sub, slot, self.clock() if self.clock else slot, lang)
        key = (
            sub.filter_text,
            new_docs,
            local.date(),
            corpus,
            engine.settings.digest_cap,
            lang,
            notes,
        )
        with self._lock:
            messages = self._cache.get(key)
            if messages is not None:
                self._cache.move_to_end(key)
        if messages is None:
            messages = subscription_digest(engine, sub, local, lang, notes)
            with self._lock:
                self._cache[key] = messages
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        if messages:
            return list(messages)
        # the row alone says it (notices told before it kept them: migration 0012)
        told = sub.nothing_told_filter == sub.filter_text
        if names_no_document(engine, sub.filter) and not told:
            # the documents its doc: names were removed: "nothing new" would hide that the
            # subscription can never deliver again. Said until it reaches the chat (a
            # quiet subscription too, or it would never learn: see told_filter), then the
            # usual line; sent and recorded as any digest.
            return [_matches_nothing_message(sub, "nothing", lang)]
        if sub.quiet_when_empty:
            return None
        if known_unmatched(engine, sub.filter_text) == "kinds":
            # region:河南 of a library holding 河南's bulletins only: its channel was told
            # "nothing new" every week, never why (user-trial17)
            return [_with_notes(_matches_nothing_message(sub, "kinds", lang), notes)]
        return [_with_notes(no_new_message(sub, lang), notes)]

    @staticmethod
    def told_filter(sub: Subscription, messages: Sequence[str]) -> str | None:
        """The filter whose matches-nothing notice ``messages`` are, or None: what the
        deliverer keeps on the subscription (``nothing_told_filter``) in the transaction
        that records them sent. Not when it is composed: a send that fails leaves it to
        be told at the next slot."""
        return sub.filter_text if messages and messages[0] in _notices(sub) else None


def _notices(sub: Subscription) -> frozenset[str]:
    """The matches-nothing notice of ``sub``'s filter in every language a chat may have."""
    return frozenset(_matches_nothing_message(sub, "nothing", lang) for lang in LANGUAGES)


def preview_messages(
    engine: Engine,
    *,
    filter_text: str = "",
    sub: Subscription | None = None,
    tz: str,
    lang: str = DEFAULT_LANGUAGE,
) -> list[str]:
    """``/digest``: the next digest of ``sub`` (what is new since its last one), or the full
    digest of ``filter_text`` when no subscription is named, in ``lang``. Raises
    ``FilterError``."""
    now = datetime.now(ZoneInfo(tz))
    if sub is not None:
        messages = subscription_digest(engine, sub, now, lang)
        if messages:
            return messages
        if why := unmatched(engine, sub.filter):
            # "nothing new since the last digest" hid a filter that matches nothing at
            # all: a document it names removed, a misspelt word, a region with no target
            return [_matches_nothing_message(sub, why, lang)]
        return [no_new_message(sub, lang)]
    filter_text = typed_filter(filter_text)  # /digest 2025 as /subscribe 2025 reads it
    digest = engine.digest(
        filter_text,
        now=now,
        only_new=False,
        more_command=tr(lang, "digest.more_targets"),
        lang=lang,
    )
    if digest.empty:
        shown = html.escape(said_back(filter_text), quote=False)
        return [tr(lang, "digest.no_match", filter=shown)]
    return render_html(digest)
