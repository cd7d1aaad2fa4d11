"""Pure: a word the documents write as the whole a share is taken of (占GDP比重), or as
the second term of a ratio (与GDP的比率).

A line giving a share names the whole after 占 (数字经济核心产业增加值占国内生产总值比重达到
10%, 四大主导产业占GDP比重, 研发经费支出占地区生产总值2.9%): the line is about the part, and
its figure is no figure of the whole. Asked about the whole (海南 2025年 GDP, 全国 2024年
经济总量), such lines matched the indicator as well as the line giving GDP itself and came
first in five documents (the national 2015 and 2025 reports, Guangdong 2022, Guizhou and
Hainan 2026, the Shenzhen news). A passage whose every mention of a word is such a whole
keeps a share of that word's score (:data:`WHOLE_SHARE`), so that it ranks after the
passages of the same words that name the word itself. A query asking a share itself (占,
比重, 占比) is left alone: there the whole is what is asked.
"""

from __future__ import annotations

import re

# What may stand between 占 and the whole (占全省地区生产总值, 占全国GDP, and 占国内 before
# the 生产总值 of a query's GDP): a scope, then a kind, each optional
_SCOPES = ("全国", "全省", "全市", "全州", "全区", "全县")
_KINDS = ("国内", "地区")
_BETWEEN_RE = re.compile(f"(?:{'|'.join(_SCOPES)})?(?:{'|'.join(_KINDS)})?")
# Every text _BETWEEN_RE matches whole, written out: what may stand between 占 and a whole
# (``CompiledIndex.followed_by`` finds the passages where a form follows so, unread)
BETWEENS = tuple(a + b for a in ("", *_SCOPES) for b in ("", *_KINDS))
# The share of a word's score a passage keeps when it names the word only as a whole
WHOLE_SHARE = 0.3
# A query asking a share or a ratio: the whole is then what it asks about
_ASKS_SHARE_RE = re.compile(
    r"占|比重|比例|份额|比率|之比|比值|share|proportion|ratio", re.IGNORECASE
)


def asks_share(query: str) -> bool:
    """Whether ``query`` asks a share (占, 比重, 占比 …): wholes are then meant."""
    return _ASKS_SHARE_RE.search(query) is not None


# The character a share's whole follows: only passages holding it are read
SHARE_MARK = "占"
# A ratio names its second term after 与 and says so after it (社会物流总费用与GDP的比率:
# Anhui, Guizhou and Yunnan 2026; 研究与试验发展经费支出与国内生产总值之比: the national 2015
# report): the line is about the first term, as a share's is about its part
RATIO_MARK = "与"
_RATIO_AFTER_RE = re.compile(r"的?(?:比率|之比|比值)")
MARKS = (SHARE_MARK, RATIO_MARK)
# What a passage naming a ratio's second term must hold besides 与: the words after the
# term (比率, 之比, 比值) all write 比. A passage holding 与 but not 比 names a word only as a
# whole when every mention follows 占, which the 占 passages already hold; 与 is in a sixth
# of the passages, 与 with 比 in far fewer.
ALSO_HELD = {RATIO_MARK: "比"}


def only_as_whole(text: str, forms: tuple[str, ...]) -> bool:
    """Whether ``text`` names ``forms`` (normalised, as the passage's normalised text) only
    as the whole of a share or the second term of a ratio: at least once after 占 (or
    after 与 and before 的比率, 之比), and never elsewhere."""
    seen = False
    for form in forms:
        at = text.find(form)
        while at >= 0:
            before = text[max(0, at - 5) : at]
            if not (_after(before, SHARE_MARK) or (
                _after(before, RATIO_MARK) and _RATIO_AFTER_RE.match(text, at + len(form))
            )):  # fmt: skip
                return False
            seen = True
            at = text.find(form, at + len(form))
    return seen


def _after(before: str, mark: str) -> bool:
    """Whether ``before`` (the text just before a form) ends with ``mark`` and what may
    stand between it and a whole."""
    at = before.rfind(mark)
    return at >= 0 and _BETWEEN_RE.fullmatch(before[at + 1 :]) is not None
