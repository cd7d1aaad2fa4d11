"""A cheap gate in front of a regular expression that is searched a lot.

Python's ``re`` skips ahead quickly only when a pattern starts with a literal or a plain
character class. A long alternation whose branches open with a lookbehind or an optional
word (``(?<![为除])了|已经|…``, ``(?:到|至)?(19|20)\\d\\d年``) is instead tried branch by
branch at every position of the text. :func:`gated` puts a lookahead of the characters a
match can start with in front (``(?=[了已…])``): one class test rejects most positions.
The matches are the same, so is everything found through them.
"""

from __future__ import annotations

import _sre
import re
from collections.abc import Iterator
from re import _compiler, _parser
from re import _constants as C  # the parser's opcodes

_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_WORD: r"\w", C.CATEGORY_SPACE: r"\s"}
_ZERO_WIDTH = (C.ASSERT, C.ASSERT_NOT, C.AT)


class _Open(Exception):
    """A match may start with any character (``.``, a negated class…): no gate."""


def _class_items(items: list) -> list[str]:
    out: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is C.RANGE:
            out.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        elif op is C.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:
            raise _Open  # NEGATE, another category
    return out


def _first(seq) -> tuple[list[str], bool]:
    """The class items a match of ``seq`` can start with, and whether it can be empty."""
    out: list[str] = []
    for op, av in seq:
        if op is C.LITERAL:
            return [*out, re.escape(chr(av))], False
        if op is C.IN:
            return out + _class_items(av), False
        if op in _ZERO_WIDTH:
            continue  # a lookaround or an anchor consumes nothing
        if op is C.SUBPATTERN:
            if av[1] & re.IGNORECASE:
                raise _Open  # (?i:pm): a gate would be case-sensitive
            items, empty = _first(av[3])
        elif op is C.BRANCH:
            parts = [_first(branch) for branch in av[1]]
            items = [item for part in parts for item in part[0]]
            empty = any(part[1] for part in parts)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            items, empty = _first(av[2])
            empty = empty or av[0] == 0
        else:
            raise _Open  # ANY, NOT_LITERAL, a back reference…
        out += items
        if not empty:
            return out, False
    return out, True


def gated(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a lookahead of its possible first characters in front (same
    matches, same groups); ``pattern`` itself when a match may start anywhere or be empty,
    or when it opens with a literal or a plain class (``re`` scans for those in C)."""
    if pattern.flags & re.IGNORECASE:
        return pattern
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        if _compiler._get_literal_prefix(parsed, pattern.flags)[0] or (
            _compiler._get_charset_prefix(parsed, pattern.flags)
        ):
            return pattern  # re skips ahead to its first characters itself, faster than a gate
        items, empty = _first(parsed)
    except (_Open, AttributeError, TypeError, ValueError):
        # (a Python whose private parser differs: no gate, the pattern as it is)
        return pattern
    if empty or not items:
        return pattern
    gate = "".join(dict.fromkeys(items))
    looked = f"(?=[{gate}])(?:{pattern.pattern})"
    try:
        return skipping(looked, pattern.flags) or re.compile(looked, pattern.flags)
    except re.error:  # inline global flags (?x) must open the pattern
        return pattern


def skipping(looked: str, flags: int = 0) -> re.Pattern[str] | None:
    """``looked`` (``(?=[gate])(?:…)``) compiled with its gate as the search's set of first
    characters, so that ``search`` and ``finditer`` skip in C to the positions the gate admits.

    ``re`` gives a pattern such a set only when it opens with a plain class or literals; one
    opening with a lookahead is entered at every position of the text (~20–35 ns a character
    for the gates here). The matching code is ``re``'s own for ``looked``, unchanged: the set
    only spares the positions where the lookahead fails anyway, so the matches are the same
    (and ``match`` at a given position still gets the lookahead's quick refusal). Built with
    ``re``'s private compiler: ``None`` when the code is laid out otherwise than expected.
    """
    parsed = _parser.parse(looked, flags)
    try:
        code = _compiler._code(parsed, flags)
        body = 1 + code[1]  # after the information block
        charset: list | None = None
        lookahead = code[body] == C.ASSERT and code[body + 2] == 0  # (0: not a lookbehind)
        # no set or prefix of its own, never empty, the gate first
        if code[0] == C.INFO and code[2] == 0 and code[3] >= 1 and lookahead:
            first = body + 3
            if code[first] == C.IN:  # its class, compiled, to FAILURE
                charset = code[first + 2 : first + 1 + code[first + 1]]
            elif code[first] == C.LITERAL:  # a gate of one character
                charset = [C.LITERAL, code[first + 1], C.FAILURE]
    except (AttributeError, IndexError, TypeError):
        # a Python whose private compiler is named or laid out otherwise: the pattern as
        # re compiles it (same matches, scanned position by position), never an error
        return None
    if not charset or charset[-1] != C.FAILURE:
        return None
    try:
        info = [C.INFO, 4 + len(charset), C.SRE_INFO_CHARSET, code[3], code[4], *charset]
        indexgroup = [None] * parsed.state.groups
        for name, index in parsed.state.groupdict.items():
            indexgroup[index] = name
        return _sre.compile(
            looked,
            flags | parsed.state.flags,
            info + code[body:],
            parsed.state.groups - 1,
            parsed.state.groupdict,
            tuple(indexgroup),
        )
    # RuntimeError: re's check of the code refused it, a layout not foreseen; the others:
    # a parser state or an _sre.compile of another signature
    except (RuntimeError, AttributeError, IndexError, TypeError):
        return None


def _needles(seq) -> frozenset[str] | None:
    """Strings one of which every match of ``seq`` holds, or ``None`` when none is known.

    A run of literals the sequence must match is one (``分之``); a group or a repeat of at
    least one adds its own; a branch holds one of its branches' (``翻番|倍增``). Of the
    candidates, the set whose shortest string is the longest (the rarest, as a rule).
    """
    candidates: list[frozenset[str]] = []
    run = ""
    for op, av in seq:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append(frozenset({run}))
            run = ""
        if op is C.SUBPATTERN:
            if av[1] & re.IGNORECASE:
                return None
            inner = _needles(av[3])
        elif op is C.BRANCH:
            parts = [_needles(branch) for branch in av[1]]
            inner = None if any(p is None for p in parts) else frozenset().union(*parts)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = _needles(av[2])
        else:
            inner = None  # a class, a lookaround, an optional part: no string it must hold
        if inner:
            candidates.append(inner)
    if run:
        candidates.append(frozenset({run}))
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


class _Needled:
    """A pattern whose :meth:`finditer` first asks whether the text holds one of the
    strings every match holds: ``in`` is a C scan several times faster than the regular
    expression's own attempt at every position, and most sentences hold none."""

    __slots__ = ("classes", "needles", "pattern")

    def __init__(
        self,
        pattern: re.Pattern[str],
        needles: tuple[str, ...],
        classes: tuple[tuple[str, ...], ...] = (),
    ) -> None:
        self.pattern = pattern
        self.needles = needles
        # each a class of characters one of which every match holds too (see _class_needles)
        self.classes = classes

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        for needle in self.needles:
            if needle in text:
                break
        else:
            return iter(())
        for chars in self.classes:
            if not any(c in text for c in chars):
                return iter(())
        return self.pattern.finditer(text)


def needled(pattern: re.Pattern[str]) -> _Needled | re.Pattern[str]:
    """``pattern`` for scanning whole sentences with :meth:`finditer`, behind a test of the
    strings one of which every match must hold (see :func:`_needles`); ``pattern`` itself
    when no such string is known. Same matches; only ``finditer(text)`` is offered."""
    if pattern.flags & re.IGNORECASE:
        return pattern
    try:
        needles = _needles(_parser.parse(pattern.pattern, pattern.flags))
    except (AttributeError, TypeError, ValueError):
        return pattern
    if not needles:
        return pattern
    # 万亿 holds 万: a text without 万 holds neither
    kept = sorted(n for n in needles if not any(o != n and o in n for o in needles))
    return _Needled(pattern, tuple(kept), _class_needles(_parser.parse(pattern.pattern)))


# A class of a few literal characters (the colon of 2.52∶1, the slash of 9.8/10万) is
# rarer in a sentence than the common character the needle test settles on (1, 万, 比):
# asked second, it spares the scan most sentences that pass the first test.
_CLASS_NEEDLE_MAX = 4


def _class_needles(seq) -> tuple[tuple[str, ...], ...]:
    """The small classes of literals every match of ``seq`` must hold a character of
    (outside lookarounds, branches and optional parts), each as its characters."""
    out: list[tuple[str, ...]] = []
    for op, av in seq:
        if op is C.IN:
            if len(av) <= _CLASS_NEEDLE_MAX and all(o is C.LITERAL for o, _ in av):
                out.append(tuple(sorted(chr(c) for _, c in av)))
        elif op is C.SUBPATTERN and not av[1] & re.IGNORECASE:
            out.extend(_class_needles(av[3]))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            out.extend(_class_needles(av[2]))
    return tuple(out)


def any_may_match(*scans: _Needled | re.Pattern[str]) -> re.Pattern[str]:
    """One search that finds nothing in a text none of ``scans`` (each from :func:`needled`)
    can match: the strings each requires, as one alternation.

    Each needled scan is already cheap to ask of a text without its strings, but asking
    is a Python call; a few scans whose strings are rare (分之, 一半, 倍差, the colon of a
    ratio) are skipped together on one C search, and only then asked one by one. Of a
    scan, the string it settles on, or, when that is one character and it asks a class
    too (1 and the colon of 2.52∶1), the class: the rarer as a rule. A scan with no
    string it must hold raises ``ValueError``: nothing tells when it cannot match.
    """
    required: set[str] = set()
    for scan in scans:
        if not isinstance(scan, _Needled):
            raise ValueError(f"no string every match must hold: {scan!r}")
        single = all(len(n) == 1 for n in scan.needles)
        required.update(scan.classes[0] if single and scan.classes else scan.needles)
    return re.compile("|".join(map(re.escape, sorted(required, key=lambda s: (-len(s), s)))))
