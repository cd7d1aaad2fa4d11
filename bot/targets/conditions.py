"""A value condition on key targets, as a user types it: ``>5``, ``>=5%``, ``高于5%``,
``不低于 5%``, ``5%以上``, ``above 5%``, ``at least 5%``.

``/compare GDP 2026 >5`` and ``/targets GDP 高于5%`` (and the command line's
``--value``) keep the records whose figure passes; before, a journalist asking which
provinces set GDP growth above 5% had to compare the table by eye. Read in one place
for every interface (:func:`split_condition`), beside the other words of a key-target
request (:mod:`bot.library.arguments`). Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.errors import CodedError
from bot.i18n import DEFAULT_LANGUAGE, tr

# operator words, longest first so 不低于 is not read as 低于
_WORDS: tuple[tuple[str, str], ...] = (
    ("不低于", ">="),
    ("不少于", ">="),
    ("不小于", ">="),
    ("至少", ">="),
    ("不高于", "<="),
    ("不超过", "<="),
    ("不大于", "<="),
    ("不多于", "<="),
    ("至多", "<="),
    ("最多", "<="),
    ("高于", ">"),
    ("大于", ">"),
    ("超过", ">"),
    ("多于", ">"),
    ("低于", "<"),
    ("小于", "<"),
    ("少于", "<"),
    (">=", ">="),
    ("=>", ">="),
    ("≥", ">="),
    ("<=", "<="),
    ("=<", "<="),
    ("≤", "<="),
    (">", ">"),
    ("<", "<"),
)
_ENGLISH: tuple[tuple[tuple[str, ...], str], ...] = (
    (("at", "least"), ">="),
    (("no", "less", "than"), ">="),
    (("not", "below"), ">="),
    (("at", "most"), "<="),
    (("no", "more", "than"), "<="),
    (("not", "above"), "<="),
    (("more", "than"), ">"),
    (("greater", "than"), ">"),
    (("higher", "than"), ">"),
    (("less", "than"), "<"),
    (("lower", "than"), "<"),
    (("above",), ">"),
    (("over",), ">"),
    (("below",), "<"),
    (("under",), "<"),
)
_SUFFIXES = {"以上": ">=", "及以上": ">=", "以下": "<=", "及以下": "<="}
_UNITS = (
    "个百分点",
    "%",
    "万亿元",
    "亿元",
    "万元",
    "元",
    "万人",
    "人",
    "万吨",
    "吨",
    "percent",
    "pct",
)
_UNIT_WORDS = {"percent": "%", "pct": "%"}
_FULL_WIDTH = str.maketrans("＞＜＝％．０１２３４５６７８９", "><=%.0123456789")
_SYMBOL_OPS = "".join(sorted({c for w, _ in _WORDS for c in w if not c.isalpha()}))
_OP = "|".join(re.escape(w) for w, _ in _WORDS)
_UNIT = "|".join(re.escape(u) for u in _UNITS)
_NUMBER = r"\d+(?:\.\d+)?"
# 高于5%, >=5, GDP增长目标高于5% (the words before it stay words)
_WITH_OP = re.compile(rf"(?P<op>{_OP})\s*(?P<num>{_NUMBER})\s*(?P<unit>{_UNIT})?$")
# 5%以上, 5以下
_WITH_SUFFIX = re.compile(rf"^(?P<num>{_NUMBER})\s*(?P<unit>{_UNIT})?(?P<op>及?以[上下])$")
_NUMBER_UNIT = re.compile(rf"^(?P<num>{_NUMBER})\s*(?P<unit>{_UNIT})?$")
_OPS_ONLY = re.compile(rf"^(?:{_OP})$")
_IN_TEXT = re.compile(rf"(?P<op>{_OP})\s*(?P<num>{_NUMBER})\s*(?P<unit>{_UNIT})?")
_SUFFIX_IN_TEXT = re.compile(
    rf"(?<![\d.])(?P<num>{_NUMBER})\s*(?P<unit>{_UNIT})?(?P<op>及?以[上下])"
)
_ENGLISH_OPS = {" ".join(ws): op for ws, op in _ENGLISH}
_ENGLISH_IN_TEXT = re.compile(
    rf"\b(?P<words>{'|'.join(' +'.join(ws) for ws, _ in _ENGLISH)}) +"
    rf"(?P<num>{_NUMBER}) *(?P<unit>{_UNIT})?",
    re.IGNORECASE,
)


class ConditionError(CodedError):
    """A value condition that cannot be read (``>``, ``高于`` without a number, ``>abc``)."""


@dataclass(frozen=True)
class ValueCondition:
    """``op`` one of ``>``, ``>=``, ``<``, ``<=``; ``unit`` '' when none was typed (then a
    figure in any unit is compared)."""

    op: str
    value: float
    unit: str = ""

    @property
    def typed(self) -> str:
        """As a command takes it: ``>5%``, ``<=3``."""
        return f"{self.op}{self.number}"

    @property
    def number(self) -> str:
        """The value as typed back: ``5``, ``5.5``, ``5%``."""
        shown = f"{self.value:g}"
        return f"{shown}{self.unit}"

    def passes(self, value: float | None, value_max: float | None, unit: str) -> bool:
        """Whether a figure passes: its unit the one typed (if any), and for a range
        (5%-5.5%) the whole range, so "above 5%" is never a range starting at 4%.
        A hidden figure (x.x%) or one without a number passes nothing."""
        if value is None:
            return False
        scale = 1.0
        if self.unit and _unit(unit) != self.unit:
            # 1200万人 passes >1000000人 and 4.4万亿元 >10000亿元: the same measure in
            # another multiple (an analyst's "above 1 million jobs" against a work
            # report's 万人); a unit of another measure (%, 亿元 against 万人) passes nothing
            scale = _scale(_unit(unit), self.unit)
            if scale is None:
                return False
        low = round(value * scale, 6)
        high = round((value_max if value_max is not None else value) * scale, 6)
        if self.op == ">":
            return low > self.value
        if self.op == ">=":
            return low >= self.value
        if self.op == "<":
            return high < self.value
        return high <= self.value


_CONDITION_KEYS = {">": "gt", ">=": "ge", "<": "lt", "<=": "le"}


def condition_text(condition: ValueCondition, lang: str = DEFAULT_LANGUAGE) -> str:
    """A value condition said back in ``lang`` (``高于 5%``, ``above 5%``), for the line
    saying what was understood."""
    key = _CONDITION_KEYS[condition.op]
    return tr(lang, f"targets.condition_{key}", number=condition.number)


_MULTIPLES: tuple[dict[str, float], ...] = (
    {"元": 1.0, "万元": 1e4, "亿元": 1e8, "万亿元": 1e12},
    {"人": 1.0, "万人": 1e4},
    {"吨": 1.0, "万吨": 1e4},
)
"""Units of one measure in different multiples, with their size in the smallest."""


def _scale(have: str, want: str) -> float | None:
    """The factor turning a figure in ``have`` into ``want`` (万人 into 人: 10000), or
    None when they measure different things."""
    for sizes in _MULTIPLES:
        if have in sizes and want in sizes:
            return sizes[have] / sizes[want]
    return None


def _unit(unit: str) -> str:
    unit = (unit or "").translate(_FULL_WIDTH).strip()
    return _UNIT_WORDS.get(unit.lower(), unit)


def _condition(op: str, number: str, unit: str | None) -> ValueCondition:
    op = dict(_WORDS).get(op, _SUFFIXES.get(op, op))
    return ValueCondition(op, float(number), _unit(unit or ""))


def _malformed(typed: str) -> ConditionError:
    return ConditionError(
        f"看不懂的数值条件 / cannot read the value condition: {typed}",
        "condition.malformed",
        typed=typed,
    )


def split_condition(args: Sequence[str] | None) -> tuple[list[str], ValueCondition | None]:
    """The words without a value condition, and the condition (``None`` when none).

    ``GDP 2026 >5`` -> (``GDP 2026``, > 5); ``GDP 高于 5%`` and ``GDP高于5%`` alike (the
    words before the operator stay: GDP); ``above 5%``, ``at least 5``; ``5%以上``.
    An operator with no number after it (``>``, ``高于``, ``above``), a symbol operator
    before something else (``>abc``) or two conditions raise :class:`ConditionError`:
    said plainly rather than looked up as an indicator. A Chinese operator inside a
    word that no number follows (``增速高于全国``) is a word like any.
    """
    words = [w.translate(_FULL_WIDTH) for w in args or ()]
    out: list[str] = []
    found: ValueCondition | None = None

    def take(cond: ValueCondition, typed: str) -> None:
        nonlocal found
        if found is not None:  # >5 <8: one condition at a time
            raise ConditionError(
                f"只能给一个数值条件 / one value condition only: {typed}",
                "condition.two",
                typed=typed,
            )
        found = cond

    i = 0
    while i < len(words):
        word = words[i]
        lower = word.lower()
        english = next(
            (
                (len(ws), op)
                for ws, op in _ENGLISH
                if [w.lower() for w in words[i : i + len(ws)]] == list(ws)
            ),
            None,
        )
        if english is not None:
            n, op = english
            after = words[i + n] if i + n < len(words) else ""
            match = _NUMBER_UNIT.match(after)
            if match is None:
                if n == 1 and lower in ("over", "under"):  # a word (turnover is one token)
                    out.append(word)
                    i += 1
                    continue
                raise _malformed(" ".join(words[i : i + n + 1]))
            unit = match["unit"]
            if unit is None and _unit(words[i + n + 1] if i + n + 1 < len(words) else "") == "%":
                unit, n = "%", n + 1  # above 5 percent
            take(_condition(op, match["num"], unit), " ".join(words[i : i + n + 1]))
            i += n + 1
            continue
        if _OPS_ONLY.match(word):  # > 5, 高于 5%: the number is the next word
            after = words[i + 1] if i + 1 < len(words) else ""
            match = _NUMBER_UNIT.match(after)
            if match is None:
                raise _malformed(f"{word} {after}".strip())
            take(_condition(word, match["num"], match["unit"]), f"{word}{after}")
            i += 2
            continue
        match = _WITH_OP.search(word)
        if match is not None:
            before = word[: match.start()]
            if before and before[-1] in _SYMBOL_OPS:  # >>5, =>=5
                raise _malformed(word)
            take(_condition(match["op"], match["num"], match["unit"]), word[match.start() :])
            if before:
                out.append(before)
            i += 1
            continue
        match = _WITH_SUFFIX.match(word)
        if match is not None:
            take(_condition(match["op"].lstrip("及"), match["num"], match["unit"]), word)
            i += 1
            continue
        if word and word[0] in _SYMBOL_OPS:  # >abc, <5x, =5
            raise _malformed(word)
        out.append(word)
        i += 1
    return out, found


def condition_in(text: str) -> ValueCondition | None:
    """The value condition a question holds, if any (``哪些省份GDP增长目标高于5%`` -> > 5%,
    ``which provinces set GDP growth above 5%``, ``增长6%以上的地区``), for a reply that
    offers the command doing it (``/compare 地区生产总值 2026 >5%``); a text with none
    or with two is None."""
    text = (text or "").translate(_FULL_WIDTH)
    found: list[ValueCondition] = []
    for m in _IN_TEXT.finditer(text):
        found.append(_condition(m["op"], m["num"], m["unit"]))
    for m in _SUFFIX_IN_TEXT.finditer(text):
        found.append(_condition(m["op"].lstrip("及"), m["num"], m["unit"]))
    for m in _ENGLISH_IN_TEXT.finditer(text):
        op = _ENGLISH_OPS[" ".join(m["words"].lower().split())]
        found.append(_condition(op, m["num"], m["unit"]))
    return found[0] if len(found) == 1 else None
