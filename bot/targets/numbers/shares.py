"""Shares, ratios and ranks written without a measure word.

``三分之一`` and ``1/3`` (33.33 %), ``八成``, ``一半`` (50 %), ``全国前三`` (a rank),
``倍差为1.78``, ``2.52∶1``, ``9.8/10万`` (a rate per population) and the years of
schooling or of life expectancy (``平均受教育年限提升至10.2年``).
"""

from __future__ import annotations

import re

from bot.targets.numbers.cn_numerals import _CN_DIGITS, cn_to_number
from bot.targets.numbers.figure import Figure
from bot.targets.numbers.hedges import _POST_QUALIFIER_RE, _pre_qualifier
from bot.targets.numbers.not_figures import _is_baseline
from bot.targets.regex_gate import any_may_match, gated, needled

_FRACTION_CN_RE = re.compile(r"(?P<d>[二三四五六七八九十]+)分之(?P<n>[一二三四五六七八九]+)")
_FRACTION_AR_RE = re.compile(r"(?<![\d./])(?P<n>\d)/(?P<d>\d{1,2})(?![\d./])")
# 达到七成以上, 保持在三成以上, 提高至四成: a level verb's 到/在/至/为 before it too;
# a change verb's own tenths too (增长一成左右, 增加四成以上: by so many tenths)
_TENTHS_RE = re.compile(
    r"(?:(?<=[超近约逾达占的，、])|(?<=[达高升长增]到|[保稳持]在|[高升长增降]至)"
    r"|(?<=增长|增加|提高|下降|降低|减少)|^)"
    r"(?P<n>[一二两三四五六七八九])成(?=以上|左右|多|[的，。；、]|$)"
)
# 比重超过一半, 近一半的企业, 减少一半: half as a share (50 %); 过半 alone is vague (no record)
_HALF_RE = re.compile(r"(?<=[过近约逾达占是为少低，、])一半(?=以上|左右|多|[的，。；、]|$)")
_TOP_RANK_RE = re.compile(
    r"(?P<scope>全(?:国|省|市|区|县)|世界|全球)前(?P<n>[二三四五六七八九十]|\d{1,2})(?![\d位名列茅沿])"
)
_RATIO_NEXT_RE = re.compile(
    r"(?:缩小|扩大|下降|降低|降|提高|提升|上升)(?:至|到)(?P<n>\d+(?:\.\d+)?)\s*[：:∶]\s*1(?![\d.])"
)
_RATIO_PAIR_RE = re.compile(r"(?:比|之比)[^，。；]{0,8}?(?P<n>\d+(?:\.\d+)?)\s*[：:∶]\s*1(?![\d.])")
_YEARS_ANCHOR_RE = re.compile(r"受教育年限|预期寿命")
_YEARS_VALUE_RE = re.compile(r"(?<![\d.])(?P<n>\d{1,2}(?:\.\d+)?)(?P<u>年|岁)(?![\d.])")
_RATIO_RE = re.compile(
    r"(?:倍差|收入比|比值|指数|系数|效率|PUE|死亡率)[^，。；]{0,6}?(?:为|达到|达|降至|降到"
    # 城乡居民收入比(由2.31)缩小到2.12: a level narrowed to, as 降至 is (round20, round29)
    r"|缩小到|缩小至|扩大到|扩大至|下降到|下降至|缩小|扩大|下降"
    # 农田灌溉水有效利用系数提高到0.58以上 (round6's bulletin says 为0.528): a level raised to,
    # its hedge after it
    r"|提高到|提高至|提升到|提升至)"
    r"(?P<n>\d+\.\d+)(?:(?=以上|左右|以下|以内)|(?![\d.%％‰/／\u4e00-\u9fffA-Za-z]))"
)
# 倍差为1.78，比上年缩小0.03: the ratio's change said right after it, as bare as the ratio
# (a gap between two ratios, not a percentage); only in the clause that follows the ratio
_RATIO_DELTA_RE = re.compile(
    r"[，,]\s*(?:比|较)(?:上年|去年|上年末|上年同期|(?:19|20)\d\d年(?:末)?)?"
    r"(?:缩小|扩大|下降|降低|减少|提高|上升|增加)(?P<n>\d+(?:\.\d+)?)"
    r"(?![\d.%％‰/／\u4e00-\u9fffA-Za-z])"
)
# 孕产妇死亡率为9.8/10万, 发病率12.5/10万: a rate per so many people, its base the unit
_PER_POPULATION_RE = re.compile(
    r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)\s*[/／]\s*(?P<per>(?:1|10|100|十|百)?万)(?![\d.\u4e00-\u9fff])"
)


def _fraction_figures(sentence: str) -> list[Figure]:
    """三分之一 (33.33 %), 1/3, 八成 (8 成), 全国前三 (rank 3), 倍差为1.78 (no unit)."""
    out: list[Figure] = []

    def add(start: int, end: int, value: float, text: str, unit: str, uc: str, form: str) -> None:
        post = _POST_QUALIFIER_RE.match(sentence, end)
        post_s = post.group() if post else ""
        pre = _pre_qualifier(sentence, start)
        qualifier = pre or post_s or ("强" if sentence.startswith("强", end) else "")
        out.append(
            Figure(start - len(pre), end + len(post_s), start, start + len(text), value, None,
                   text, unit, uc, qualifier, False, form=form, pre=pre)
        )  # fmt: skip

    # one search for the rare forms' strings (分之, /, 一半, 倍差…): most sentences hold none
    rare = _RARE_FORMS_RE.search(sentence) is not None
    if rare:
        for m in _FRACTION_CN_RE.finditer(sentence):
            d, n = cn_to_number(m.group("d")), cn_to_number(m.group("n"))
            if d and n and n < d:
                add(m.start(), m.end(), round(n / d * 100, 2), m.group(), "%", "percent", "number")
        for m in _FRACTION_AR_RE.finditer(sentence):
            d, n = int(m.group("d")), int(m.group("n"))
            if 0 < n < d <= 10:
                add(m.start(), m.end(), round(n / d * 100, 2), m.group(), "%", "percent", "number")
    for m in _TENTHS_RE.finditer(sentence):
        add(m.start("n"), m.end(), float(_CN_DIGITS[m.group("n")]), m.group("n"), "成", "percent",
            "number")  # fmt: skip
    if rare:
        for m in _HALF_RE.finditer(sentence):
            add(m.start(), m.end(), 50.0, m.group(), "%", "percent", "number")
    for m in _TOP_RANK_RE.finditer(sentence):
        n = m.group("n")
        value = float(n) if n.isdigit() else cn_to_number(n)
        if value:
            out.append(
                Figure(m.start(), m.end(), m.start("n"), m.end("n"), value, None, n, "位", "rank",
                       "前", False, form="rank", scope=m.group("scope"))
            )  # fmt: skip
    if rare:
        for m in _RATIO_RE.finditer(sentence):
            add(m.start("n"), m.end("n"), float(m.group("n")), m.group("n"), "", "ratio", "number")
            if delta := _RATIO_DELTA_RE.match(sentence, m.end("n")):
                add(delta.start("n"), delta.end("n"), float(delta.group("n")), delta.group("n"), "",
                    "ratio", "number")  # fmt: skip
        for m in _PER_POPULATION_RE.finditer(sentence):
            add(m.start("n"), m.end(), float(m.group("n")), m.group("n"), "/" + m.group("per"),
                "percent", "number")  # fmt: skip
        for m in _RATIO_PAIR_RE.finditer(sentence):  # 城乡居民收入比缩小至2.52∶1
            nxt = _RATIO_NEXT_RE.match(sentence, m.end())
            if sentence[max(0, m.start("n") - 1) : m.start("n")] not in ("由", "从") or not nxt:
                add(m.start("n"), m.end(), float(m.group("n")), sentence[m.start("n") : m.end()],
                    "", "ratio", "number")  # fmt: skip
            if nxt:  # 由2.9∶1缩小至2.52∶1: the first is where it started, the second the figure
                add(nxt.start("n"), nxt.end(), float(nxt.group("n")),
                    sentence[nxt.start("n") : nxt.end()], "", "ratio", "number")  # fmt: skip
        for anchor in _YEARS_ANCHOR_RE.finditer(sentence):  # 平均受教育年限提升至10.2年
            stop = min((k for k in (sentence.find(c, anchor.end()) for c in "，。；") if k >= 0),
                       default=len(sentence))  # fmt: skip
            unit = "年" if anchor.group() == "受教育年限" else "岁"
            for m in _YEARS_VALUE_RE.finditer(sentence, anchor.end(), stop):
                if m.group("u") == unit and not _is_baseline(sentence, m.start(), m.end()):
                    add(m.start("n"), m.end(), float(m.group("n")), m.group("n"), unit, "time",
                        "number")  # fmt: skip
    return out


# Scanned over every sentence: gated by the characters their matches open with (see
# regex_gate), and each scan skipped when the sentence holds none of the strings every
# match must hold (分之, 成, 第…: regex_gate.needled).
_FRACTION_AR_RE = needled(gated(_FRACTION_AR_RE))
_TENTHS_RE = needled(gated(_TENTHS_RE))
_HALF_RE = needled(gated(_HALF_RE))
_FRACTION_CN_RE = needled(gated(_FRACTION_CN_RE))
_TOP_RANK_RE = needled(_TOP_RANK_RE)
_RATIO_RE = needled(_RATIO_RE)
_PER_POPULATION_RE = needled(_PER_POPULATION_RE)
_RATIO_PAIR_RE = needled(_RATIO_PAIR_RE)
_YEARS_ANCHOR_RE = needled(_YEARS_ANCHOR_RE)
# the scans above whose strings are rare, skipped together (regex_gate.any_may_match)
_RARE_FORMS_RE = any_may_match(
    _FRACTION_CN_RE,
    _FRACTION_AR_RE,
    _HALF_RE,
    _RATIO_RE,
    _PER_POPULATION_RE,
    _RATIO_PAIR_RE,
    _YEARS_ANCHOR_RE,
)
