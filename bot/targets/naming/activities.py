"""Things counted by what they carry out: ``推动6000家工业企业开展技改`` -> ``技改工业企业``.

A count is often of the things that take part in an activity, written after them with a
light verb (开展, 实现) or bare: those are a set of their own, named by the activity before
the noun, as statistics name them (技改工业企业, 数字化转型规模以上工业企业):

    推动6000家工业企业开展技改                   -> 技改工业企业
    300家商超开展以水果类、蔬菜类为主的快速检测     -> 快速检测商超 (the examples dropped)
    1.5万家规上工业企业实现数字化转型             -> 数字化转型规模以上工业企业
    800个自然村完成农村生活污水治理工作            -> 农村生活污水治理自然村

A known stock (规模以上工业企业, a name of the indicator table) is never the name of the
part of it that did something, whatever the verb; another noun keeps the clause after it
unless 开展 says the things carry it out (120个农贸市场升级改造 counts the markets,
:mod:`~bot.targets.naming.counted` keeps the noun alone). An activity that is only
progress (发展, 建设, 提升) or that lists examples (开展性能测定等工作) names no set.
A generic thing the naming fallback kept only for its act (9家企业完成…工作: 企业, not
confident) is shown once the act names it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.lexicon import GENERIC_NAMES
from bot.targets.naming.clauses import clause_end
from bot.targets.naming.clean import _QUOTE_TABLE
from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name, _segmenter, word_bounds

if TYPE_CHECKING:
    from bot.targets.indicators import IndicatorTable
    from bot.targets.naming.sentence import Named

# the light verbs that say the things carry the activity out (开展技改, 实现数字化转型)
_LIGHT_RE = re.compile(r"^(?:开展|实现)")
# 完成 + a work + 工作: the things that did the work (完成农村生活污水治理工作)
_DONE_WORK_RE = re.compile(r"(?:全部|均|已)?完成(?P<work>[^，。；、\d的等]{2,12}?)工作")
# a modifier listing what the activity is mostly of (以蔬菜类、肉类为主的…检测)
_MOSTLY_OF_RE = re.compile(r"以[^，。；]{1,30}?为主的")
# not an activity: examples (等), a clause (的), a figure, a measure, a whole programme
_NOT_AN_ACTIVITY_RE = re.compile(
    r"[等的\d、和及]|工作$|任务$|营收|营业收入|产值|收入|增加值|利润|投资|全部|均"
)
# progress, not an activity that sets the things apart
_PROGRESS = frozenset({"发展", "建设", "提升", "运行", "运营", "投产", "开工", "落地", "壮大"})
# acts the dictionary files as nouns or abbreviations (转型, 技改, 上云)
_ACT_END_RE = re.compile(r"(?:转型|技改|上云|用云|改造|升级|检测|认证|诊断)$")
# people are counted by what they are, not by what they take part in (脱贫人口)
_PEOPLE_UNIT_RE = re.compile(r"^(?:万|亿)?(?:人|名|人次)$")
_ACT_IN_RE = re.compile(r"转型|技改|上云|改造|升级|检测|认证|诊断")
# the count's noun after the figure: a hedge or 多 first
_HEDGE_RE = re.compile(r"(?:多|余|以上|左右)?")


# 在 + the count (在18个省辖市…, 在制造、能源等10个重点领域…): where an activity is carried out
_IN_BEFORE_RE = re.compile(r"在(?:[^，。；：\d]{1,30}?等)?$")
_WHERE_RE = re.compile(r"开展(?P<act>[^，。；：\d的等]{2,16})")
_NOT_A_PLACE_ACT_RE = re.compile(r"工作$|任务$")


def _activity(tail: str) -> tuple[str, bool] | None:
    """(the activity ``tail`` names, whether a light verb opened it), or None."""
    text = _MOSTLY_OF_RE.sub("", tail.translate(_QUOTE_TABLE))
    done = _DONE_WORK_RE.fullmatch(text)
    if done:
        return _activity("开展" + done["work"])  # 完成…治理工作: the work is the activity
    light = _LIGHT_RE.match(text)
    act = text[light.end() :] if light else text
    if not 2 <= len(act) <= 12 or _NOT_AN_ACTIVITY_RE.search(act) or act in _PROGRESS:
        return None
    if not light and not _ACT_END_RE.search(act):
        return None  # with no light verb, only an act that sets things apart (…数字化转型)
    tags = _segmenter().tag(act, True)
    if not tags or not (tags[-1][1] in ("v", "vn") or _ACT_END_RE.search(act)):
        return None  # 技改, 数字化转型, 快速检测: an act, said as one
    if any(t in ("p", "c", "uj", "r", "m") for _, t in tags) or tags[0][1] in ("d", "ad"):
        # 在主板上市, 面向市民开放: where or for whom; 全面展开: how far, not what
        return None
    return act, bool(light)


@needs("开展", "实现", "工作", "转型", "技改", "上云", "改造", "升级", "检测", "认证", "诊断")
def by_activity(sentence: str, named: list[Named], table: IndicatorTable) -> list[Named]:
    """``named`` with counts of things that carry out an activity named by it (see the
    module docstring)."""
    if (
        "开展" not in sentence
        and "实现" not in sentence
        and "工作" not in sentence
        and not _ACT_IN_RE.search(sentence)
    ):
        return named
    out: list[Named] = []
    for n in named:
        fig = n.figure
        if fig.unit_class != "count" or _PEOPLE_UNIT_RE.match(fig.unit):
            out.append(n)
            continue
        start = _HEDGE_RE.match(sentence, fig.end).end()
        known = table.canonical(n.indicator) == n.indicator
        if known:
            # the alias that ends at a word (规模以上工业企业|数字化转型, not …企业数|字化…)
            bounds = word_bounds(sentence[start : start + 40])
            match = next(
                (
                    m
                    for m in table.matches_at(sentence, start)
                    if m.canonical == n.indicator and m.end - start in bounds
                ),
                None,
            )
            if match is None:
                out.append(n)
                continue
            noun_end = match.end
        else:
            # as written: the name, or with 规模以上 said short (规上企业)
            written = next(
                (w for w in (n.indicator, n.indicator.replace("规模以上", "规上", 1))
                 if sentence.startswith(w, start)),
                None,
            )  # fmt: skip
            if written is None:
                out.append(n)
                continue
            noun_end = start + len(written)
        tail = sentence[noun_end : clause_end(sentence, noun_end)]
        where = _WHERE_RE.fullmatch(tail.translate(_QUOTE_TABLE))
        if where and _IN_BEFORE_RE.search(sentence, max(0, fig.start - 40), fig.start):
            # 在18个省辖市开展低空应急救援、医疗转运服务, 在制造、能源等10个重点领域开展“人工智能+”
            # 行动: the places or fields where it is carried out, named by it with 的 (the
            # golds: round22, round26 2, round32 2)
            name = where.group() + "的" + n.indicator
            if _is_name(where["act"]) and not _NOT_A_PLACE_ACT_RE.search(where["act"]):
                out.append(replace(n, indicator=name, confidence=min(max(n.confidence, 0.75), 0.9)))
                continue
        found = _activity(tail)
        # a bare act after a known name (村庄规模化供水|改造) is the work done to it
        if found is not None and (found[1] or (known and len(found[0]) >= 3)):
            name = found[0] + n.indicator
            if _is_name(name):
                # a generic thing the fallback kept for its act (企业, 项目) is named now
                low = 0.75 if n.indicator in GENERIC_NAMES else 0.0
                n = replace(n, indicator=name, confidence=min(max(n.confidence, low), 0.9))
        out.append(n)
    return out
