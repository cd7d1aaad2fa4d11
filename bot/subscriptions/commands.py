"""Pure: reading ``/subscribe`` arguments.

``/subscribe [@channel] [filter …] [schedule] [tz=Area/City] [quiet]``

The schedule is at the end (``08:00``, ``每天 8:00``, ``周一 09:00``, ``cron 0 8 * * 1-5``
or five bare cron fields), or first; a day word (周一, 每天, 工作日) and a time of day
among the words join it as one schedule (``周一 GDP 9:00 就业``: Mondays at 9:00), two
days or two times are refused. Everything else is the filter (keywords, ``+must``,
``!not``, ``indicator:`` …, see ``bot.digest.filters``). Options may stand anywhere:
``tz=`` / ``时区=`` sets the time zone, ``quiet`` / ``静默`` keeps a digest with nothing new
silent. A first word ``@name`` or ``-100…`` names a channel (bot admins only).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.corpus.gazetteer import (
    Gazetteer,
    Place,
    chinese_place,
    default_gazetteer,
    nicknamed_place,
)
from bot.digest.filters import FilterError, format_filter, parse_filter
from bot.subscriptions.schedule import (
    WEEKLY_WORDS,
    Schedule,
    ScheduleError,
    check_timezone,
    looks_like_time,
    parse_schedule,
)
from bot.subscriptions.spoken_time import glue_part_of_day
from bot.targets.conditions import ConditionError, split_condition
from bot.text.english import english_terms
from bot.text.years import read_year

_TOKEN = re.compile(r'(?:[^\s"“”]+|"[^"]*"|“[^”]*”)+')
_TZ_OPTION = re.compile(r"^(?:tz|timezone|时区)[=:：](.+)$", re.IGNORECASE)
_QUIET = frozenset({"quiet", "静默", "silent"})
_CHANNEL = re.compile(r"^(@[A-Za-z][A-Za-z0-9_]{3,31}|-100\d{5,15})$")
# A public channel's link, as "copy link" gives it; a private one (t.me/+…, joinchat) has
# no name the bot can use.
_CHANNEL_LINK = re.compile(r"(?:https?://)?(?:t|telegram)\.me/([A-Za-z][A-Za-z0-9_]{3,31})/?")
_CHANNEL_LIKE = re.compile(r"^(?:@|(?:https?://)?(?:t|telegram)\.me/)", re.IGNORECASE)
_CRON_FIELD = re.compile(r"^[\d*,/\-]+$")
_CRON_DOW = re.compile(r"^[\d*,/\-a-z]+$")
# A weekday word with a number that is no weekday (周八, 星期0, 每周十 09:00): a schedule
# mistyped, never a keyword to filter on (周边, 周转, 周期 are words, not numbers).
_NOT_A_WEEKDAY = re.compile(r"(?:每?周|每?星期|礼拜)[八九十零〇\d]")

_SCHEDULE_WORD = re.compile(r"^(?:每个?月|每年|每季度?|每隔|每两|每半|隔周|双周|工作日)")

MAX_FILTER_CHARS = 300


@dataclass(frozen=True, slots=True)
class SubscribeRequest:
    """What ``/subscribe`` asked for; ``None`` fields take the chat's or the bot's default."""

    channel: str | None
    filter_text: str
    schedule: Schedule
    schedule_given: bool
    timezone: str | None
    quiet: bool
    # the forum topic the command was typed in (the chat's, never typed): digests go there
    thread_id: int | None = None
    topic_name: str | None = None  # that topic's name, when Telegram said it


_ID_SEPARATORS = re.compile(r"[\s,，、;；]+")


def subscription_ids(text: str) -> list[int] | None:
    """The subscription numbers of ``/unsubscribe 1 2``, ``1,2``, ``#1、#2`` (each once, in
    the order typed); None when ``text`` is not only numbers."""
    words = [w.lstrip("#＃") for w in _ID_SEPARATORS.split(text.strip()) if w.strip("#＃")]
    if not words or not all(w.isdecimal() for w in words):  # not isdigit: int("²") fails
        return None
    return list(dict.fromkeys(int(w) for w in words))


def channel_ref(token: str) -> str | None:
    """``@name`` or ``-100…`` as typed, if ``token`` names a channel; a link to it
    (``https://t.me/name``, ``t.me/name``, what Telegram's "copy link" gives) as ``@name``."""
    if _CHANNEL.match(token):
        return token
    link = _CHANNEL_LINK.fullmatch(token)
    return "@" + link.group(1) if link else None


def check_channel_word(token: str) -> None:
    """Refuse a first word that is meant to name a channel and cannot: ``@`` and the
    channel's title (``@苍溪政策速递``) or a private invitation link. Read as a keyword, it
    subscribed the chat it was typed in, not the channel."""
    if _CHANNEL_LIKE.match(unicodedata.normalize("NFKC", token)):
        raise ScheduleError(
            f"“{token}”不是频道的用户名 / {token!r} is no channel username",
            "channel.not_a_username",
            word=token,
        )


def _try_schedule(text: str, default_time: str) -> Schedule | None:
    try:
        return parse_schedule(text, default_time=default_time)
    except ScheduleError:
        return None


def _split_schedule(tokens: list[str], default_time: str) -> tuple[list[str], Schedule | None]:
    """(filter tokens, schedule) with the schedule taken from the end of ``tokens``; a
    schedule word left before it (``GDP 08:00 08:30``, ``GDP weekly``, ``GDP 每周 08:00``)
    is refused, never filtered on."""
    rest, schedule = _schedule_at_end(tokens, default_time)
    if rest and schedule is not None:
        last = unicodedata.normalize("NFKC", rest[-1]).lower()
        # weekly mon 09:00, every monday; every day 9am (read as "day 9am")
        if last == "every" or (schedule.kind == "weekly" and last in WEEKLY_WORDS):
            rest = rest[:-1]
    if rest:
        last = unicodedata.normalize("NFKC", rest[-1]).lower()
        if last in WEEKLY_WORDS:
            parse_schedule(last, default_time=default_time)  # raises: which day?
        if schedule is not None and _try_schedule(last, default_time) is not None:
            said = " ".join(tokens[len(rest) :])
            raise ScheduleError(
                f"只能写一个推送时间，收到“{rest[-1]}”和“{said}” / one schedule only, "
                f"got {rest[-1]!r} and {said!r}",
                "schedule.two_schedules",
                first=rest[-1],
                second=said,
            )
    return rest, schedule


def _schedule_at_end(tokens: list[str], default_time: str) -> tuple[list[str], Schedule | None]:
    """(filter tokens, schedule) with the schedule taken from the end of ``tokens``."""
    lowered = [unicodedata.normalize("NFKC", t).lower() for t in tokens]
    if "cron" in lowered:
        at = lowered.index("cron")
        fields = tokens[at + 1 :]
        schedule = parse_schedule("cron " + " ".join(fields), default_time=default_time)
        return tokens[:at], schedule
    if len(tokens) >= 5:
        tail = lowered[-5:]
        if all(_CRON_FIELD.match(t) for t in tail[:4]) and _CRON_DOW.match(tail[4]):
            schedule = _try_schedule(" ".join(tail), default_time)
            if schedule is not None:
                return tokens[:-5], schedule
    if len(tokens) >= 2:
        schedule = _try_schedule(" ".join(lowered[-2:]), default_time)
        if schedule is not None:
            return tokens[:-2], schedule
    # "周八 08:00": the time alone would be the schedule and 周八 a keyword; say instead
    # that the day is unknown (parse_schedule raises it).
    if len(tokens) >= 2 and _NOT_A_WEEKDAY.fullmatch(lowered[-2]):
        parse_schedule(" ".join(lowered[-2:]), default_time=default_time)
    if tokens and _NOT_A_WEEKDAY.match(lowered[-1]):
        parse_schedule(lowered[-1], default_time=default_time)
    if tokens:
        schedule = _try_schedule(lowered[-1], default_time)
        if schedule is not None:
            return tokens[:-1], schedule
        # A token that looks like a time but is not one: say so instead of filtering on it.
        if looks_like_time(tokens[-1]):
            parse_schedule(tokens[-1], default_time=default_time)
        # A schedule word the bot does not read (每年, 每两周, 每季度): refused, never a
        # keyword (每月1号 was one, and the digest came daily).
        if _SCHEDULE_WORD.match(lowered[-1]):
            parse_schedule(lowered[-1], default_time=default_time)
    return _schedule_at_start(tokens, lowered, default_time)


def without_at(tokens: list[str]) -> list[str]:
    """The words with an English ``at`` before a time taken out (``every monday at 9:00``,
    ``daily at 7:30``): the schedule reader knows the time without it, and kept, it left
    the time a keyword (``at``, ``9:00``) and the digest at the default hour."""
    return [
        t
        for i, t in enumerate(tokens)
        if t.lower() != "at" or i + 1 >= len(tokens) or not looks_like_time(tokens[i + 1])
    ]


def _schedule_at_start(
    tokens: list[str], lowered: list[str], default_time: str
) -> tuple[list[str], Schedule | None]:
    """A schedule said first (``每天早上8点 四川``, ``周一 09:00 GDP``): people say when
    before what; it was read as keywords and the digest came daily at the default time."""
    for size in (3, 2, 1):  # weekly monday 9:00: the time is the schedule's, not a keyword
        if len(tokens) > size:
            schedule = _try_schedule(" ".join(lowered[:size]), default_time)
            if schedule is not None:
                return tokens[size:], schedule
    if tokens and _SCHEDULE_WORD.match(lowered[0]):
        parse_schedule(lowered[0], default_time=default_time)  # raises: not a schedule read
    return tokens, None


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _is_day_word(token: str, default_time: str) -> bool:
    """Whether ``token`` is a day said alone or with its time glued on (周一, 每周一, 每天,
    工作日, 周一9:00). Only a Chinese one among the filter's words: an English word there
    (monday, daily, sun) may be a term of the documents, as it was before."""
    return (
        not looks_like_time(token)
        and _CJK.search(token) is not None
        and _try_schedule(token, default_time) is not None
    )


def _when_among_words(
    tokens: list[str], words: list[str], schedule: Schedule | None, default_time: str
) -> tuple[list[str], Schedule | None]:
    """A day word or a time of day among the filter's ``words`` (``GDP 9:00 就业``, ``周一 GDP
    9:00 就业``) is no keyword (no figure is found by the hour or the weekday; the digest
    came at the default hour): with the schedule said elsewhere (``schedule``, from
    ``tokens`` outside ``words``) it makes one schedule, a day and a time wherever they
    stand, as a user means it. Two days or two times are refused as two schedules, and a
    time that is none (``25:00``) as no time of day."""
    times = [t for t in words if looks_like_time(t)]
    days = [t for t in words if _is_day_word(t, default_time)]
    if not times and not days:
        return words, schedule
    for said in times:
        parse_schedule(said, default_time=default_time)  # raises: 25:00 is no time of day
    said_before = " ".join(t for t in tokens if t not in words) if schedule else ""
    mine = [t for t in words if t in days or t in times]
    # the day before the time, as the schedule reader takes them (周一 9:00)
    pieces = sorted(mine + ([said_before] if said_before else []), key=looks_like_time)
    joined = _try_schedule(" ".join(pieces), default_time) if len(pieces) <= 2 else None
    if joined is None:
        first, other = (mine[0], said_before or mine[1])
        if said_before and len(mine) == 2:  # 周一 9:00 GDP 10:00: a whole one, then another
            ordered = " ".join(sorted(mine, key=looks_like_time))
            first = ordered if _try_schedule(ordered, default_time) else first
        outside = [i for i, t in enumerate(tokens) if t not in words]
        if said_before and outside and outside[0] < tokens.index(mine[0]):
            first, other = said_before, mine[0]  # as typed: the schedule said first
        raise ScheduleError(
            f"只能写一个推送时间，收到“{first}”和“{other}” / one schedule only, "
            f"got {first!r} and {other!r}",
            "schedule.two_schedules",
            first=first,
            second=other,
        )
    return [t for t in words if t not in mine], joined


def parse_subscribe(text: str, *, default_time: str) -> SubscribeRequest:
    """Read ``/subscribe`` arguments; ``ScheduleError`` / ``FilterError`` (user-facing, with
    a ``code`` and ``params`` for interfaces that translate) if bad."""
    tokens = without_at(_TOKEN.findall(glue_part_of_day(text or "")))
    channel = None
    if tokens and (channel := channel_ref(tokens[0])):
        tokens.pop(0)
    elif tokens:
        check_channel_word(tokens[0])
    timezone: str | None = None
    quiet = False
    rest: list[str] = []
    for token in tokens:
        option = _TZ_OPTION.match(unicodedata.normalize("NFKC", token))
        if option:
            timezone = check_timezone(option.group(1))
        elif token.lower() in _QUIET:
            quiet = True
        else:
            rest.append(token)
    if len(rest) > 1 and rest[0].lower() in _EDIT_WORDS and _SUB_NUMBER.match(rest[1]):
        # /subscribe edit 2 region:贵州 GDP subscribed to the keywords edit and 2: there is
        # no editing in place, so say the two commands that do it
        raise ScheduleError(
            "订阅不能直接修改 / a subscription cannot be edited",
            "subscription.edit",
            id=rest[1].lstrip("#"),
            filter=" ".join(rest[2:]) or "…",
        )
    filter_tokens, schedule = _split_schedule(rest, default_time)
    filter_tokens, schedule = _when_among_words(rest, filter_tokens, schedule, default_time)
    given = schedule is not None
    if given and len(filter_tokens) == 1 and _retimed(filter_tokens[0]):
        # /subscribe 1 08:00 (as /schedule 1 08:00 was once answered): subscription #1 at
        # another time, not a new one to the keyword 1
        raise ScheduleError(
            "改推送时间请用 /reschedule / use /reschedule to change a time",
            "subscription.retime",
            id=filter_tokens[0].lstrip("#"),
            target=" ".join(filter(None, (channel, filter_tokens[0].lstrip("#")))),
            schedule=" ".join(t for t in rest if t != filter_tokens[0]),
        )
    if schedule is None:
        schedule = parse_schedule(default_time, default_time=default_time)
    filter_text = " ".join(typed_filter_words(filter_tokens)).strip()
    if len(filter_text) > MAX_FILTER_CHARS:
        raise ScheduleError(
            f"筛选条件太长（最多 {MAX_FILTER_CHARS} 字） / filter too long "
            f"(at most {MAX_FILTER_CHARS} characters)",
            "filter.too_long",
            limit=MAX_FILTER_CHARS,
        )
    filter_text = format_filter(parse_filter(filter_text))
    return SubscribeRequest(channel, filter_text, schedule, given, timezone, quiet)


@dataclass(frozen=True, slots=True)
class RescheduleRequest:
    """What ``/reschedule`` asked for: subscription ``id`` to go out at ``schedule`` (in
    ``timezone`` when one is given, else its own)."""

    channel: str | None
    id: int
    schedule: Schedule
    timezone: str | None


def parse_reschedule(text: str, *, default_time: str) -> RescheduleRequest:
    """Read ``/reschedule [@channel] ID schedule [tz=…]``: the subscription's number, then a
    schedule as ``/subscribe`` reads one (``每周五 17:00``, ``08:00``, ``cron …``). Anything
    else (no number, no schedule, keywords) raises ``ScheduleError`` with the code
    ``subscription.reschedule_usage``: a filter is not changed here."""
    usage = ScheduleError(
        "用法：/reschedule 编号 时间，如 /reschedule 1 每周五 17:00 / "
        "usage: /reschedule ID time, e.g. /reschedule 1 fri 17:00",
        "subscription.reschedule_usage",
    )
    tokens = without_at(_TOKEN.findall(glue_part_of_day(text or "")))
    channel = None
    if tokens and (channel := channel_ref(tokens[0])):
        tokens.pop(0)
    timezone: str | None = None
    rest: list[str] = []
    for token in tokens:
        option = _TZ_OPTION.match(unicodedata.normalize("NFKC", token))
        if option:
            timezone = check_timezone(option.group(1))
        else:
            rest.append(token)
    if len(rest) < 2 or not _SUB_NUMBER.match(rest[0]):
        raise usage
    words, schedule = _split_schedule(rest[1:], default_time)
    words, schedule = _when_among_words(rest[1:], words, schedule, default_time)
    if schedule is None or words:
        raise usage
    return RescheduleRequest(channel, int(rest[0].lstrip("#")), schedule, timezone)


def _retimed(word: str) -> bool:
    """Whether a filter's only word is a subscription's number (``1``, ``#3``), not a year."""
    return bool(_SUB_NUMBER.match(word)) and read_year(word.lstrip("#")) is None


_EDIT_WORDS = frozenset({"edit", "change", "modify", "update", "修改", "更改", "改", "编辑"})
_SUB_NUMBER = re.compile(r"^#?\d{1,9}$")
_PLACE_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")
_COUNTRY_WORDS = frozenset({"全国", "全國"})


def typed_filter(text: str) -> str:
    """A filter as a user typed it, read as ``/subscribe`` stores it: a bare year as
    ``year:``, a bare province or city as ``region:``, an English phrase the glossary
    knows as one quoted term (:func:`typed_filter_words`). ``/digest 2025`` and the
    command line's ``digest 2025`` read 2025 as a keyword while ``/subscribe 2025``
    delivered the year: one reading for all three. A stored filter is never read again
    (it is already so written)."""
    return " ".join(typed_filter_words(_TOKEN.findall(text or ""))).strip()


def typed_filter_words(tokens: list[str]) -> list[str]:
    """:func:`typed_filter` on the filter's words, as :func:`parse_subscribe` splits them."""
    return english_phrases(years_as_filters(places_as_regions(conditions_as_values(tokens))))


# a word the filter reads itself: quoted, required/excluded, or key:value
_NOT_PLAIN = re.compile(r'^(?:["“+＋!！\-－]|(?:[A-Za-z_]+|[\u4e00-\u9fff]+)[:：])')


def conditions_as_values(tokens: list[str]) -> list[str]:
    """The filter's words with a value condition written as ``value:`` (``GDP 高于5%`` ->
    ``GDP value:>5%``; ``>5``, ``>= 5%``, ``above 5%``, ``5%以上`` too), read by the
    reader ``/compare`` uses (:func:`~bot.targets.conditions.split_condition`): as a
    keyword, ``>5`` was looked for in what a figure measures and the digest held nothing
    (or, with another keyword, every figure). Quoted, signed and ``key:`` words are left
    as typed. A condition the reader cannot read (``高于``, ``>abc``) or a second one
    raises :class:`~bot.digest.filters.FilterError` with the condition's code, so it is
    said as ``/compare`` says it and nothing is stored."""
    out: list[str] = []
    found: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if not run:
            return
        try:
            words, condition = split_condition(run)
        except ConditionError as exc:
            raise FilterError(str(exc)).coded_as(exc) from exc
        out.extend(words)
        if condition is not None:
            found.append(condition.typed)
            out.append(f"value:{condition.typed}")
        run.clear()

    for token in tokens:
        if _NOT_PLAIN.match(token):
            flush()
            out.append(token)
        else:
            run.append(token)
    flush()
    if len(found) > 1:  # GDP >5 region:四川 <8: one condition, as /compare takes it
        error = ConditionError(
            f"只能给一个数值条件 / one value condition only: {found[1]}",
            "condition.two",
            typed=found[1],
        )
        raise FilterError(str(error)).coded_as(error)
    return out


def places_as_regions(tokens: list[str], gazetteer: Gazetteer | None = None) -> list[str]:
    """The filter's words with a bare province or city name written as ``region:`` (``四川
    GDP`` -> ``region:四川 GDP``).

    A keyword is matched against what a figure measures, so ``/subscribe 四川 GDP``
    delivered every province's GDP (a place is no indicator's name and the other keyword
    matched alone). A word is taken as a place only when written in Chinese characters and
    the gazetteer's first place of that name is a province or city (``长安``, ``鼓楼``:
    districts and words, left as typed); quoted, ``+``/``!`` or ``key:`` words are left
    alone, and so is a province typed after ``region:`` one of its places to say where
    that place lies (``region:苏州 江苏`` is one place, not two); after a place typed bare
    it is a second place (``蓬溪县 四川``: the county and the province, both asked for).
    A province or city typed in English or pinyin is read so too, written in Chinese
    (``Sichuan GDP`` ->
    ``region:四川 GDP``), and so is a county in pinyin (``Kaili GDP`` -> ``region:凯里
    GDP``), and so is a county written whole with its suffix (``蓬溪县 GDP`` ->
    ``region:蓬溪县 GDP``); a name two places share (Suzhou, Gulou, 长安区) stays a word.
    全国 is the country's figures (``region:全国``): as a keyword it was looked for in what a figure
    measures, so ``/subscribe 全国 四川`` delivered nothing national."""
    gazetteer = gazetteer or default_gazetteer()
    out: list[str] = []
    read = -1  # where the last place read here (not typed region:) is in ``out``
    for token in tokens:
        if token in _COUNTRY_WORDS:
            out.append("region:全国")
            continue
        key, _, value = out[-1].partition(":") if out else ("", "", "")
        after_region = key.lower() in ("region", "地区") and bool(_LATIN_WORD.match(value))
        if _LATIN_WORD.match(token) and after_region:
            out.append(token)  # region:Suzhou Jiangsu: where it lies, as the filter reads it
            continue
        latin = bool(_LATIN_WORD.match(token))
        word = chinese_place(token) if latin else (nicknamed_place(token) or token)
        places = gazetteer.lookup(word) if word and _PLACE_WORD.match(word) else []
        # a county read from pinyin (Kaili) is a place already: the pinyin reader keeps
        # the readings that are words (heping, dean) out unless capitalised, which the
        # Chinese 长安 cannot show. One of a name several counties carry (Gulou) stays.
        county = latin and len(places) == 1
        # a county written whole with its suffix (蓬溪县, 射洪市, 安居区) names one place;
        # its bare name (安居, 大英) is a word as often, and a name without a suffix
        # (东区, 矿区) or one several counties carry (长安区, 鼓楼区) stays as typed.
        # A two-character county (攸县, 沛县) keeps 县 in its short name: written so, whole.
        whole = places[0].short != word or word.endswith("县") if places else False
        county = county or (len(places) == 1 and places[0].name == word and whole)
        # a province after region:蓬溪县 typed so says where that lies; after a place
        # typed bare (蓬溪县 四川), it is the second of two places asked for
        typed_before = out[-1] if out and read != len(out) - 1 else ""
        if (
            places
            and (places[0].level in ("provincial", "city") or county)
            and not _says_where(typed_before, places[0], gazetteer)
        ):
            read = len(out)
            out.append(f"region:{word}")
        else:
            out.append(token)
    return out


def years_as_filters(tokens: list[str]) -> list[str]:
    """The filter's words with a bare year written as ``year:`` (``2025`` -> ``year:2025``,
    ``2025年`` too): as a keyword it was looked for in what a figure measures and its
    section, so ``/subscribe 2025`` got the 2025 targets of sections titled with the year
    only (a plan's 到2025年 goals under 主要目标 were left out). A quoted, signed or
    ``key:`` word is left as typed; 今年 too (a subscription outlives the year)."""
    out: list[str] = []
    for token in tokens:
        year = read_year(token) if token[:1].isdigit() or token[:1] in "一二〇零" else None
        out.append(f"year:{year}" if year is not None else token)
    return out


_LATIN_WORD = re.compile(r"^[A-Za-z][A-Za-z'’-]*$")


def english_phrases(tokens: list[str]) -> list[str]:
    """The filter's English words that the glossary reads as one term kept together,
    quoted (``unemployment rate`` -> ``“unemployment rate”``): two keywords, unemployment
    and rate, were said back and matched apart, rate matching nothing of its own."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and _LATIN_WORD.match(tokens[j]):
            j += 1
        if j - i < 2:
            out.append(tokens[i])
            i += 1
            continue
        run = tokens[i:j]
        text = " ".join(run)
        starts = [sum(len(t) + 1 for t in run[:n]) for n in range(len(run))]
        k = 0
        for lo, hi, _ in english_terms(text):
            if lo not in starts:
                continue  # a form inside a hyphened word: left as typed
            first = starts.index(lo)
            last = max(n for n, at in enumerate(starts) if at < hi)
            out += run[k:first]
            out.append(f"“{text[lo:hi]}”" if last > first else run[first])
            k = last + 1
        out += run[k:]
        i = j
    return out


def _says_where(before: str, place: Place, gazetteer: Gazetteer) -> bool:
    """Whether ``place`` holds the place the ``region:`` word ``before`` names."""
    key, _, value = before.partition(":")
    if key.lower() not in ("region", "地区") or not value:
        return False
    return any(
        place.code == outer.code
        for named in gazetteer.lookup(value.split(",")[-1])
        for outer in gazetteer.ancestors(named)
    )


def kept_on_place(filters: list[tuple[int, str]], names: tuple[str, ...]) -> list[int]:
    """The ids among ``filters`` (id, filter text) whose ``region:`` names one of ``names``
    (a chat's former place and the divisions around it: 苍溪县, 苍溪, 广元, 四川).

    A subscription written with 我县/本省 holds the place the chat had then (read when
    subscribing, written as ``region:…``), so ``/region`` set to another place leaves it
    on the old one; these are the ones to name when that happens. A filter that does not
    parse is skipped (it names no place this can tell)."""
    wanted = {n for n in names if n}
    kept = []
    for sub_id, text in filters:
        try:
            regions = parse_filter(text, check_places=False).regions
        except ValueError:
            continue
        if wanted.intersection(regions):
            kept.append(sub_id)
    return kept


def subscriptions_naming(filters: list[tuple[int, str]], words: str) -> list[int]:
    """The ids among ``filters`` (id, filter text) whose filter holds every word of
    ``words`` (``/unsubscribe 云南``: the subscriptions about 云南), compared as the filter
    shows them (full width and case folded)."""
    wanted = unicodedata.normalize("NFKC", words).lower().split()
    found = []
    for sub_id, text in filters:
        said = unicodedata.normalize("NFKC", text).lower()
        if wanted and all(w in said for w in wanted):
            found.append(sub_id)
    return found
