"""Figures written in Chinese numerals with their measure word.

``一百零五万亿元``, ``九亿八千万人``, ``四点五个百分点``, ``八千多万``, ``十件``; not the
enumerations of policy prose (``两个确立``, ``三大攻坚战``), articles (``一个``),
idioms (``千家万户``) or session ordinals (``十二届二次会议``).
"""

from __future__ import annotations

import re

from bot.targets.numbers.cn_numerals import cn_to_number
from bot.targets.numbers.figure import Figure
from bot.targets.numbers.hedges import _POST_QUALIFIER_RE, _pre_qualifier
from bot.targets.numbers.not_figures import (
    _UNIT_AFTER_BLOCK_RE,
    _in_short_quote,
    _is_baseline,
    _is_threshold,
    _not_a_quantity,
)
from bot.targets.numbers.units import (
    _MAGNITUDE_ONLY,
    _UNIT_ALT,
    _UNIT_TABLE,
    _unit_blocked,
    months_after_a_cut,
)
from bot.targets.numbers.unsaid_units import _PEOPLE_NOUN_RE, _unsaid_unit
from bot.targets.regex_gate import gated

_CN_CHARS = "零〇○一二两三四五六七八九十百千"
_CN_INT = rf"[{_CN_CHARS}]+(?:[万亿][{_CN_CHARS}]+)*"
_CN_FIGURE_RE = re.compile(
    rf"(?<![{_CN_CHARS}万亿第初周星])(?P<num>{_CN_INT}(?:点[零〇○一二三四五六七八九]+)?)"
    rf"(?P<approx>多|余)?(?P<mag>万亿|亿|万)?(?P<approx2>多|余)?(?P<unit>{_UNIT_ALT})?"
)
_CN_IDIOMS = frozenset({"百家争鸣", "三座大山", "百花齐放"})
# 建成省级现代农业园区两个，: a count written after its noun ends the clause, where a
# slogan's 两个 (两个确立, 两个维护) always leads a noun; 两个千亿级产业集群: a count of a
# scale class.
_SCALE_CLASS_RE = re.compile(r"(?:[十百千万]|百亿|千亿|万亿)级")
_COUNT_AFTER_NOUN_RE = re.compile(r"[，。；、）)]|$|" + _SCALE_CLASS_RE.pattern)
# 千家万户, 一家一户, 三番五次: idioms, not counts.
_CN_IDIOM_AFTER_RE = re.compile(rf"[{_CN_CHARS}万亿]")
# 四个意识, 三个重要抓手, 五个必须: small counts that name a slogan or a list.
_CN_LIST_HEAD_RE = re.compile(
    r"(?:方面|必须|坚持|重要|意识|自信|维护|确立|务必|代表|不摘|环节|层面|统筹|聚焦|原则|全面|着力"
    r"|一流|优先|支撑|关键|主要|基本|突出|更加|中心|字|步|点|规定|制度|部分|大文章|文章)"
)
# 十七届人大二次会议, 省委十二届二次全会: session ordinals.
_SESSION_RE = re.compile(r"(?:[^，。；]{0,8}?(?:会议|全会|全体会议|代表大会|党代会))|产业")
# 召开七次全会, 先后举行五次全会: meetings held are counted, not an ordinal
_HELD_BEFORE_RE = re.compile(r"(?:召开|举行|开了)$")
_MAGNITUDE_OF = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "": 1.0}
# a word going on after a unit (千亩|高产片), not a qualifier (以上, 左右, 多) or the end
_CJK_NOUN_START_RE = re.compile(r"(?![以左多余上下])[\u4e00-\u9fff]")


def _cn_figures(sentence: str, quotes: list[tuple[int, int]]) -> list[Figure]:
    """``一百零五万亿元``, ``九亿八千万人``, ``四点五个百分点``, ``八千多万``, ``十件``.

    The value keeps the magnitude written before the measure word in the unit
    (``三万六千亿元`` is 36000 亿元), like Arabic figures. A lone ``一`` is an article
    (``一个``, ``一批``), not a count.
    """
    out: list[Figure] = []
    for m in _CN_FIGURE_RE.finditer(sentence):
        num, mag, unit_s = m.group("num"), m.group("mag") or "", m.group("unit")
        approx = m.group("approx") or m.group("approx2") or ""
        end = m.end()
        unsaid: tuple[str, str] | None = None
        if unit_s is None:
            # 八千多万农业转移人口: the people are the unit (万人)
            if mag in ("万", "亿") and _PEOPLE_NOUN_RE.match(sentence, end):
                unit_s = "人"
            elif unsaid := _unsaid_unit(sentence, m.start(), end, mag):
                unit_s = unsaid[0]  # GDP首次超过三万亿，: 元 left unsaid, as after 3万亿
            else:
                continue
        if (
            num in ("一", "两")
            and not mag
            and (num == "一" or unit_s in ("个", "条"))
            and not (num == "两" and _COUNT_AFTER_NOUN_RE.match(sentence, end))
        ):
            continue  # 一个, 两个确立: an article or a slogan
        if unit_s == "个" and months_after_a_cut(sentence, m.start(), end):
            unit_s, end = "个月", end + 1  # 周期缩短至十一个月: a time limit's level
            unsaid = ("个月", "days")  # (no unit of the table: only a cut's level)
        elif (
            _CN_IDIOM_AFTER_RE.match(sentence, end) and not _SCALE_CLASS_RE.match(sentence, end)
        ) or (unit_s and _unit_blocked(sentence, unit_s, end)):
            continue
        if unit_s == "日":
            continue  # 二十九日: a day of the month, never a number of days
        if _not_a_quantity(sentence, m.start(), end) or sentence.startswith("每", m.start() - 1):
            continue
        if (
            num in ("百", "千")
            and not mag
            and unit_s in ("亩", "户")
            and _CJK_NOUN_START_RE.match(sentence, end)
        ):
            continue  # 粮油千亩高产片, 西江千户苗寨: a class of field or village
        if unit_s == "轮" and num in ("二", "两"):
            continue  # 二轮土地承包: the second round, an ordinal
        if unit_s in ("期", "P", "回", "届"):
            continue  # 二期工程: a phase; 回/P in Chinese numerals are no counts
        if (
            sentence[m.start() : end + 2] in _CN_IDIOMS
            or sentence[m.start() : end + 1] in _CN_IDIOMS
        ):
            continue
        if _in_short_quote(m.start(), quotes, sentence) or _UNIT_AFTER_BLOCK_RE.match(
            sentence, end
        ):
            continue
        unit_norm, unit_class = unsaid or _UNIT_TABLE[unit_s]
        if unit_s in _MAGNITUDE_ONLY and not mag:
            continue
        if unit_class == "count" and not mag and _CN_LIST_HEAD_RE.match(sentence, end):
            continue
        if unit_s == "个" and sentence.startswith(("方面", "月"), end):
            continue
        if unit_s == "次" and (
            sentence[max(0, m.start() - 1) : m.start()] == "届"
            or (
                _SESSION_RE.match(sentence, end)
                # 党中央召开七次全会: plenums held, counted; 十二届二次全会 is the second
                and not _HELD_BEFORE_RE.search(sentence, max(0, m.start() - 4), m.start())
            )
        ):
            continue
        total = cn_to_number(num + mag if not m.group("approx") else num)
        if total is None:
            continue
        value = total / _MAGNITUDE_OF[mag] if not m.group("approx") else total
        if unit_class in ("percent", "points", "times"):
            if mag:
                continue
            unit = unit_norm
        else:
            unit = mag + unit_norm
        if _is_baseline(sentence, m.start(), end):
            continue
        if unit_class == "money" and _is_threshold(sentence, end):
            continue
        post = ""
        pm = _POST_QUALIFIER_RE.match(sentence, end)
        if pm and not (pm.group() == "多" and approx):
            post = pm.group()
            end = pm.end()
        pre = _pre_qualifier(sentence, m.start())
        num_end = m.end("mag") if mag else m.end("approx") if m.group("approx") else m.end("num")
        out.append(
            Figure(
                start=m.start() - len(pre),
                end=end,
                num_start=m.start(),
                num_end=num_end,
                value=float(f"{value:.10g}"),
                value_max=None,
                value_text=sentence[m.start() : num_end],
                unit=unit,
                unit_class=unit_class,
                qualifier=pre or post or approx,
                masked=False,
                pre=pre,
            )
        )
    return out


# Scanned over every sentence: gated by the characters their matches open with (see
# regex_gate).
_CN_FIGURE_RE = gated(_CN_FIGURE_RE)
