"""Figures in words rather than a number with its unit.

Rankings (``第3位``, ``全省第一``), multiples (``翻一番``, ``倍增``), scale labels
(``千亿级产业集群``), bare magnitudes (``过百亿元``, ``百万辆``, ``突破百亿。``),
``百分之五``, comparisons without a number (``增速高于全省平均水平``, ``与经济增长同步``;
:func:`gap_follows`), and the shares of :mod:`bot.targets.numbers.shares`.
"""

from __future__ import annotations

import re

from bot.targets.numbers.cn_numerals import cn_to_number
from bot.targets.numbers.figure import Figure, _is_masked
from bot.targets.numbers.hedges import _POST_QUALIFIER_RE, _pre_qualifier
from bot.targets.numbers.not_figures import (
    _UNIT_AFTER_BLOCK_RE,
    _in_short_quote,
    _is_baseline,
    _is_threshold,
    _not_a_quantity,
)
from bot.targets.numbers.shares import _fraction_figures
from bot.targets.numbers.units import _MAGNITUDES, _UNIT_TABLE
from bot.targets.numbers.unsaid_units import _MONEY_BEFORE_RE
from bot.targets.regex_gate import any_may_match, gated, needled

_RANK_RE = re.compile(r"第(?P<n>\d+|[xX]+|[一二三四五六七八九十]+)(?P<u>位|名)")
_FIRSTS_COUNTED_RE = re.compile(r"[一二三四五六七八九十两\d]+个“?$")
_RANK_SCOPE_RE = re.compile(
    r"(?P<scope>全(?:国|省|市|区|县)|西北|西部|中西部|东部|中部|西南|东北|华北|华东|华南|长江经济带"
    r"|长三角|内地|世界|全球)(?P<mid>[^，。；、\s]{0,6}?)第(?P<n>\d+|[一二三四五六七八九十]+)"
    r"(?=的|，|。|；|、(?![一二三四五六七八九十])|”|）|$)"  # 全县第一、二、三产业: sectors
)
# the scope written right before 第 (居全国第2位); a region of the country said with 地区
# (居中部地区第1位, 居西部地区第4位) and the nation said over its provinces (居全国各省区第1位,
# 全国各省份第3位: the nation's ranking) are scopes too
_RANK_SCOPE_BEFORE_RE = re.compile(
    r"(全(?:国|省|市|区|县)|(?:中西|西|东|中)部地区)(?:各省(?:区市|市区|区|份|市))?$"
)
_RANK_MORE_RE = re.compile(
    r"[、和]第(?P<n>\d+|[一二三四五六七八九十]+)(?=的|，|。|；|、|和|”|）|$)"
)
_RANK_BLOCK_BEFORE = ("放在", "摆在", "放到", "摆到", "作为")
_RANK_BASELINE_RE = re.compile(r"[从由](?:(?:19|20)\d\d年(?:底|末)?的?)?[^，。；第]{0,6}$")
_RANK_MOVE_RE = re.compile(
    r"[^，。；]{0,4}?(?:升至|跃升至|跃居|提升至|上升至|进至|提高到|升到|跃升到|降至|前移至|前移到|上升到)"
)
_MULTIPLE_RE = re.compile(r"翻了?一番|翻了?两番|翻番|倍增")
# 倍增计划, “…倍增”行动: a programme's name, not a figure
_MULTIPLE_AFTER_BLOCK = re.compile(
    r"[”’」』]?(?:计划|行动|工程)|为|导向|目标|战略|的|式|型|效应|长"
)
_MULTIPLE_BEFORE_OK = ("实现", "力争", "确保", "将", "基本", "要", "可", "能")
_SCALE_RE = re.compile(
    r"(?P<num>[xX]|\d+(?:\.\d+)?)?(?P<mag>千亿|百亿|万亿|千万千瓦|百万千瓦|千万吨|百万吨)级"
)
_SCALE_HEAD_RE = re.compile(r"[^，。；、“”]{0,12}?(集群|产业规模|基地)")
# the count right after a scaled thing: 千亿级产业集群5个, 百亿级产业基地3个以上
_COUNT_AFTER_HEAD_RE = re.compile(r"[\d一二三四五六七八九十两]+[个家座]")
_SCALE_HEAD_BLOCK = re.compile(r"[^，。；]{0,6}?(行动|计划|工程|城市|园区)")
# no numeral before a bare magnitude (上万, 数百 are vague); the 上 of a verb (迈上, 跃上,
# 登上, 站上万亿元台阶) is no numeral
_NO_NUMERAL_BEFORE = r"(?<![\d一二三四五六七八九十两几数每xX*.])(?<!(?<![迈跃登站踏])上)"
_BARE_RE = re.compile(
    rf"{_NO_NUMERAL_BEFORE}(?P<mag>万亿|千亿|百亿|百万|千万|百|千|(?<=[超近逾过])万)"
    r"(?P<unit>亿元|万元|元|辆|项|千瓦|吨|人次|人|户|套|台|件|亩|次)"
)
# counted in these only after a magnitude of 万 or more: 百万亩, 超万亩, 百亿次 (千亩高产片,
# 百次 are a class of field and a manner of speaking)
_BARE_LARGE_ONLY = frozenset({"亩", "次"})
# 林下经济产值突破百亿。: a bare magnitude of money whose 元 is left unsaid
_BARE_MONEY_RE = re.compile(rf"{_NO_NUMERAL_BEFORE}(?P<mag>万亿|千亿|百亿)(?=[，。；、）)]|$)")
# counted in these only after 百万 or 千万 (千万人次); 千家万户, 百人计划 are no figures
_BARE_BIG_ONLY = frozenset({"千瓦", "吨", "人次", "人", "户", "套", "台", "件"})
_PERCENT_CN_RE = re.compile(
    r"百分之(?P<n>[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)"
)
_COMPARISON_RE = re.compile(
    r"(?P<lead>增速|增幅|增长|涨幅)?(?P<q>高于|快于|好于|优于|不低于|超过|跑赢)"
    r"(?P<bench>全国、全省|全国和全省|全省、全国|全省和全国|全国|全省|全市|全区|全州|全县|同期|同类城市)?"
    # 脱贫人口收入增速高于全省农民平均水平, …高于全县农民收入平均增速: the farmers' average
    r"(?P<what>(?:农民(?:收入)?)?(?:平均水平|平均增速)|平均(?!水平)|经济增长速度|经济增速|经济增长"
    r"|(?:地区|国内)生产总值增(?:速|长)"
    r"|GDP增速|(?:城镇|农村)?居民(?:人均可支配)?收入增(?:长|速)|城镇居民|城镇|东部地区|名义经济增速"
    r"|全部投资增速|货物贸易)"
    r"(?![\d一二三四五六七八九十百xX*])"
)
# 高于城镇居民收入增速3.2个百分点: the benchmark is followed by the gap, a figure of its
# own; the comparison is then no figure without a number (see :func:`gap_follows`).
_GAP_AFTER_RE = re.compile(
    r"[^，。；\d]{0,12}?(?:\d+(?:\.\d+)?|[一二三四五六七八九十点]+)\s*(?:个百分点|百分点|%|％)"
)


_SYNC_RE = re.compile(
    r"(?:与|和|同)(?P<what>经济增长|(?:地区|国内)生产总值增长|GDP增长|经济发展|劳动生产率提高"
    r"|名义经济增速)(?:基本)?(?:保持)?(?P<q>同步|匹配)"
)


# 在经济增长的同时实现居民收入同步增长, 在劳动生产率提高的同时实现劳动报酬同步提高: the
# same comparison said the other way round, the thing compared between 实现 and 同步
_SYNC_WHILE_RE = re.compile(
    r"在(?:经济增长|(?:地区|国内)生产总值增长|经济发展|劳动生产率提高)的同时(?:实现|做到)?"
    r"[^，。；、]{2,10}?(?P<q>同步)(?=增长|提高)"
)


def _special_figures(sentence: str, quotes: list[tuple[int, int]]) -> list[Figure]:
    out: list[Figure] = []
    for m in _RANK_RE.finditer(sentence):
        if sentence[max(0, m.start() - 2) : m.start()] in _RANK_BLOCK_BEFORE:
            continue
        if _RANK_BASELINE_RE.search(sentence, max(0, m.start() - 16), m.start()) and (
            _RANK_MOVE_RE.match(sentence, m.end())
        ):
            continue  # 从全国第13位升至第9位: the rank it started from
        n = m.group("n")
        masked = _is_masked(n)
        value = None if masked else (float(n) if n.isdigit() else cn_to_number(n))
        scope_m = _RANK_SCOPE_BEFORE_RE.search(sentence[: m.start()])
        out.append(
            Figure(
                m.start(),
                m.end(),
                m.start("n"),
                m.end("n"),
                value,
                None,
                n,
                "位",
                "rank",
                "",
                masked,
                form="rank",
                scope=scope_m.group(1) if scope_m else "",
            )
        )
    for m in _RANK_SCOPE_RE.finditer(sentence):
        if _FIRSTS_COUNTED_RE.search(sentence, max(0, m.start() - 5), m.start()):
            continue  # 取得“十个全国第一”: a count of firsts, not a rank
        # 分别居全国第二、第七、第九: the later ranks share the scope
        spans = [(m.start("n"), m.end("n"), m.end())]
        for more in _RANK_MORE_RE.finditer(sentence, m.end()):
            if more.start() != spans[-1][2]:
                break
            spans.append((more.start("n"), more.end("n"), more.end()))
        for n_start, n_end, end in spans:
            n = sentence[n_start:n_end]
            value = float(n) if n.isdigit() else cn_to_number(n)
            out.append(
                Figure(
                    n_start - 1,
                    end,
                    n_start,
                    n_end,
                    value,
                    None,
                    n,
                    "位",
                    "rank",
                    "",
                    False,
                    form="rank",
                    scope=m.group("scope"),
                )
            )
    for m in _MULTIPLE_RE.finditer(sentence):
        if _MULTIPLE_AFTER_BLOCK.match(sentence, m.end()):
            continue
        before = sentence[: m.start()]
        if before.endswith("成"):
            continue  # 成倍增长: vague
        if not before.endswith(_MULTIPLE_BEFORE_OK) and (
            not before or before[-1] in "式的性型，、。；“”" or before[-1].isdigit()
        ):
            continue
        word = m.group()
        out.append(
            Figure(
                m.start(),
                m.end(),
                m.start(),
                m.end(),
                4.0 if word.endswith("两番") else 2.0,
                None,
                word,
                "倍",
                "times",
                "",
                False,
                form="multiple",
            )
        )
    for m in _SCALE_RE.finditer(sentence):
        if re.search(r"(?:更多|一批|若干|多个|一些)$", sentence[max(0, m.start() - 2) : m.start()]):
            continue  # 培育更多百亿级产业集群: a class, no count
        if not _SCALE_HEAD_RE.match(sentence, m.end()) or _SCALE_HEAD_BLOCK.match(
            sentence, m.end()
        ):
            continue
        if re.search(r"[一二三四五六七八九十\d]大[“]?$", sentence[: m.start()]):
            continue  # 三大千亿级园区: an enumeration, not a scale
        if re.search(
            r"[一二三四五六七八九十两\d][个家座](?:以上|左右|多|余)?$",
            sentence[max(0, m.start() - 5) : m.start()],
        ):
            # 2个百亿级产业集群, 3个以上千亿级产业集群: the count is the figure, the scale
            # its class
            continue
        if re.search(
            r"[一二三四五六七八九十两\d][个家座](?:以上|左右|多|余)?(?:[万千百]亿级、)+$",
            sentence[max(0, m.start() - 16) : m.start()],
        ) or _COUNT_AFTER_HEAD_RE.match(sentence, _SCALE_HEAD_RE.match(sentence, m.end()).end()):
            # 12个以上万亿级、千亿级产业集群 (classes listed after one count) and
            # 培育千亿级产业集群5个 (the count after the thing): the scale is a class
            continue
        if re.search(r"首个$", sentence[max(0, m.start() - 2) : m.start()]):
            continue  # 成为首个千亿级…集群: a first, not a target
        if _in_short_quote(m.start(), quotes, sentence):
            continue
        mag = m.group("mag")
        num = m.group("num") or ""
        masked = _is_masked(num)
        base, unit = {
            "千亿": (1000.0, "亿元"),
            "百亿": (100.0, "亿元"),
            "万亿": (1.0, "万亿元"),
            "千万千瓦": (1000.0, "万千瓦"),
            "百万千瓦": (100.0, "万千瓦"),
            "千万吨": (1000.0, "万吨"),
            "百万吨": (100.0, "万吨"),
        }[mag]
        text_mag = mag.removesuffix("千瓦").removesuffix("吨")
        value = None if masked else base * (float(num) if num else 1.0)
        start = m.start()
        out.append(
            Figure(
                start,
                m.end(),
                start,
                start + len(num) + len(text_mag),
                value,
                None,
                num + text_mag,
                unit,
                "money" if unit.endswith("元") else "power" if "千瓦" in unit else "weight",
                "级",
                masked,
                form="scale",
            )
        )
    for m in _BARE_MONEY_RE.finditer(sentence):
        if not _MONEY_BEFORE_RE.search(sentence, max(0, m.start() - 14), m.start()):
            continue
        mult, mag_unit = _MAGNITUDES[m.group("mag")]
        pre = _pre_qualifier(sentence, m.start())
        out.append(
            Figure(
                m.start() - len(pre),
                m.end(),
                m.start(),
                m.end(),
                float(mult),
                None,
                m.group("mag"),
                mag_unit + "元",
                "money",
                pre,
                False,
                form="number",
                pre=pre,
            )
        )
    for m in _BARE_RE.finditer(sentence):
        if _in_short_quote(m.start(), quotes, sentence) or _UNIT_AFTER_BLOCK_RE.match(
            sentence, m.end()
        ):
            continue
        if _not_a_quantity(sentence, m.start(), m.end()):
            continue
        mag, unit_s = m.group("mag"), m.group("unit")
        if unit_s in _BARE_BIG_ONLY and mag not in ("百万", "千万"):
            continue
        if (unit_s in _BARE_LARGE_ONLY and mag in ("百", "千")) or (mag == "万" and unit_s != "亩"):
            continue  # 百万亩, 超万亩 (an extent), 百亿次; 超万元 is left to the numbers
        mult, mag_unit = _MAGNITUDES.get(mag, (1.0, ""))
        if mag in ("百", "千"):
            mult, mag_unit = (100.0 if mag == "百" else 1000.0), ""
        if unit_s in ("亿元", "万元"):
            # 百亿元 is read as 百亿 + 元 so that the value is 100 亿元
            continue
        unit = mag_unit + _UNIT_TABLE.get(unit_s, (unit_s, "count"))[0]
        unit_class = _UNIT_TABLE.get(unit_s, (unit_s, "count"))[1]
        if unit_class == "money" and _is_threshold(sentence, m.end()):
            continue
        pre = _pre_qualifier(sentence, m.start())
        post_m = _POST_QUALIFIER_RE.match(sentence, m.end())
        post = post_m.group() if post_m and post_m.group() != "多" else ""
        out.append(
            Figure(
                m.start() - len(pre),
                m.end() + len(post),
                m.start(),
                m.end("mag"),
                float(mult),
                None,
                mag,
                unit,
                unit_class,
                pre or post,
                False,
                form="number",
                pre=pre,
            )
        )
    out.extend(_fraction_figures(sentence))
    # one search for their strings (百分之, 高于, 同步 after 经济增长…): most sentences hold none
    if _RARE_FORMS_RE.search(sentence):
        for m in _PERCENT_CN_RE.finditer(sentence):
            value = cn_to_number(m.group("n"))
            if value is None or _is_baseline(sentence, m.start(), m.end()):
                continue
            post_m = _POST_QUALIFIER_RE.match(sentence, m.end())
            post = post_m.group() if post_m and post_m.group() != "多" else ""
            pre = _pre_qualifier(sentence, m.start())
            out.append(
                Figure(
                    m.start() - len(pre),
                    m.end() + len(post),
                    m.start(),
                    m.end(),
                    value,
                    None,
                    m.group(),
                    "%",
                    "percent",
                    pre or post,
                    False,
                    pre=pre,
                )
            )
        for m in _COMPARISON_RE.finditer(sentence):
            start = m.start("q") if m.group("lead") is None else m.start()
            out.append(_comparison(start, m.end(), m.group("q")))
        for m in _SYNC_RE.finditer(sentence):
            out.append(_comparison(m.start(), m.end(), m.group("q")))
        for m in _SYNC_WHILE_RE.finditer(sentence):
            out.append(_comparison(m.start("q"), m.end(), m.group("q")))
    return out


def _comparison(start: int, end: int, qualifier: str) -> Figure:
    """A statement compared with another figure, without a value of its own (高于全国平均水平,
    与经济增长同步)."""
    return Figure(
        start, end, end, end, None, None, "", "", "none", qualifier, False, form="comparison"
    )


def gap_follows(sentence: str, fig: Figure) -> bool:
    """A comparison whose benchmark is followed by the size of the gap (``高于城镇居民收入
    增速3.2个百分点``): the gap is the record; the comparison only helps name it."""
    return fig.form == "comparison" and bool(_GAP_AFTER_RE.match(sentence, fig.end))


# Scanned over every sentence: gated by the characters their matches open with (see
# regex_gate).
_SCALE_RE = needled(gated(_SCALE_RE))
_COMPARISON_RE = needled(gated(_COMPARISON_RE))
_BARE_RE = needled(gated(_BARE_RE))
_BARE_MONEY_RE = needled(gated(_BARE_MONEY_RE))
# …and each scan skipped when the sentence holds none of the strings every match must hold
# (第, 百分之, 翻番…: regex_gate.needled)
_RANK_RE = needled(_RANK_RE)
_RANK_SCOPE_RE = needled(_RANK_SCOPE_RE)
_MULTIPLE_RE = needled(_MULTIPLE_RE)
_PERCENT_CN_RE = needled(_PERCENT_CN_RE)
_SYNC_RE = needled(_SYNC_RE)
_SYNC_WHILE_RE = needled(_SYNC_WHILE_RE)
# the last scans, skipped together (regex_gate.any_may_match)
_RARE_FORMS_RE = any_may_match(_PERCENT_CN_RE, _COMPARISON_RE, _SYNC_RE, _SYNC_WHILE_RE)
