"""Things counted, then the way of working they reach, quoted: the way names their kind.

Reports of government services count the items and close the clause with the quoted
name of the way they are now handled (a service mode, a slogan of reform)::

    120项高频事项“跨省通办、省内通办”        -> 跨省通办、省内通办高频事项
    30项政务服务在边境口岸“一窗受理”          -> 一窗受理政务服务
    40项企业服务事项实现“一网通办”           -> 一网通办企业服务事项
    85项居民服务事项长三角“一卡通办”         -> 长三角一卡通办居民服务事项

The quoted words say which of the things are counted (the items that reach it), so they
lead the name as a kind does (GOLD_GUIDELINES §6.3: the name is a noun phrase; the clause
order, things then what they reach, is not one). What stands between the things and the
quote: a verb of reaching (实现, 推行) is left out, and so is a 在-phrase (where it is
done); a bare place (长三角) is part of the way's own name and is kept with it. Only a
quote that ends its clause: 纳入“白名单”管理 or a quoted title after 获评 or 入选 (an
award, a list: their own passes) are not ways of working.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name, _is_verb, _segmenter

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the things counted, (a verb of reaching | a 在-phrase)?, the quoted way, the clause's end
_QUOTED_WAY_RE = re.compile(
    r"(?P<things>[^，。；：、“”\d]{2,14}?)"
    r"(?:实现|推行|(?P<where>在[^，。；：、“”\d]{1,10}?))?"
    r"“(?P<way>[^”，。；：“\d个项]{2,16})”(?=[，。；！？]|$)"
)
_PLACE_TAGS = frozenset({"ns", "j"})  # 长三角, 港澳地区, 粤港澳
# the words of things counted (高频|事项, 政务|服务): nouns, nouns of acts, attributes
_NOUN_TAGS = frozenset({"n", "nz", "nt", "ng", "vn", "an", "b", "l"}) | _PLACE_TAGS


def _split_place(things: str) -> tuple[str, str] | None:
    """``things`` and the place said last before the quote (居民服务事项|长三角); None
    unless they are nouns alone (企业|获评: an award, no way of working)."""
    words = _segmenter().tag(things, True)
    if not words or any(t not in _NOUN_TAGS or _is_verb(w) for w, t in words):
        return None  # 单位|荣获|首届, 高职学校|入选|国家: an award or a list, not a way
    if len(words) >= 2 and words[-1][1] in _PLACE_TAGS:
        place = words[-1][0]
        return things[: -len(place)], place
    return things, ""


def _an_act(way: str) -> bool:
    """Whether the quoted words say a way of acting (一窗受理, 一网通办, 跨省通办, 最多跑一次),
    not a thing (一刻钟便民生活圈: 20个高品质“一刻钟便民生活圈” counts the circles)."""
    if way.endswith(("办", "批", "理")):
        return True  # 通办 is read as an abbreviation (j)
    return any(t == "v" or _is_verb(w) for w, t in _segmenter().tag(way, True))


@needs("”")
def named_by_the_way(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with counted things that reach a quoted way of working named by it (see
    the module docstring)."""
    if "”" not in sentence:
        return named
    out: list[Named] = []
    for n in named:
        fig = n.figure
        m = _QUOTED_WAY_RE.match(sentence, fig.end) if fig.unit_class == "count" else None
        if m and _an_act(m["way"]):
            split = _split_place(m["things"])
            things, place = (m["things"], "") if m["where"] and split else split or ("", "")
            name = place + m["way"] + things
            if _is_name(things) and _is_name(m["way"]) and len(name) <= 24:
                n = replace(n, indicator=name, confidence=max(n.confidence, 0.75))
        out.append(n)
    return out
