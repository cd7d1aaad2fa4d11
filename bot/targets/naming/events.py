"""Who took part in an event: counts named by the event and the taking part.

Reports count the countries, athletes or firms an event drew, the event in the clause
before or at the head of the clause, the taking part at its end::

    精心筹办江州运动会，86个国家和地区近3000名运动员参赛
        -> 江州运动会参赛国家和地区, 江州运动会参赛运动员
    第三届江州茶叶博览会首次实现18个国家、全国25个省区市全部参展
        -> 江州茶叶博览会参展国家, 江州茶叶博览会参展省区市

``国家和地区`` alone would be every country; the figure is those that took part. When
the clause names two events (…博览会和…大赛共有50多个国家参会), the count is of both
and only the taking part names it (参会国家).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.clauses import clause_end, clause_start
from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name, _segmenter

if TYPE_CHECKING:
    from bot.targets.indicators import IndicatorTable
    from bot.targets.naming.sentence import Named

# what took part did, at the end of the counted clause
_TOOK_PART_RE = re.compile(r"(?:全部|共同|踊跃|积极|均)?(?P<verb>参赛|参会|参展|与会)$")
_TOOK_PART_ANY_RE = re.compile(r"参赛|参会|参展|与会")  # a sentence with none: no event
# between the counted noun and the taking part: nothing, a list going on (、25个省区市和…),
# or another count (86个国家和地区近3000名运动员参赛); not another noun (65个国家和地区
# 客商参展: the merchants took part, the countries are where they came from)
_TOOK_PART_THEMSELVES_RE = re.compile(r"|[、和及].*|.*\d.*")
# the last word of an event's name
_EVENT_HEADS = (
    "博览会", "运动会", "世运会", "奥运会", "亚运会", "全运会", "冬奥会", "残奥会", "交易会",
    "展览会", "洽谈会", "交流会", "推介会", "论坛", "峰会", "大会", "大赛", "比赛", "大奖赛",
    "锦标赛", "联赛", "马拉松", "赛事", "展会", "进博会", "广交会", "服贸会", "消博会",
    "文博会", "农博会",
)  # fmt: skip
# the words an event's name is made of, before its head
_EVENT_WORD_TAGS = frozenset({"n", "ns", "nz", "nt", "nr", "j", "f", "vn", "eng"})


def events_in(text: str) -> list[str]:
    """The events ``text`` names, in order (``精心筹办江州运动会`` -> ``["江州运动会"]``;
    ordinals such as 第三届 are no part of them)."""
    words = _segmenter().tag(text, True)
    out: list[str] = []
    for i, (word, tag) in enumerate(words):
        if not word.endswith(_EVENT_HEADS) or tag not in _EVENT_WORD_TAGS:
            continue
        k = i
        while k > 0 and words[k - 1][1] in _EVENT_WORD_TAGS:
            k -= 1
        event = "".join(w for w, _t in words[k : i + 1])
        if len(event) > len(word) and event not in out:
            out.append(event)
    return out


@needs("参赛", "参会", "参展", "与会")
def named_by_event(sentence: str, named: list[Named], table: IndicatorTable) -> list[Named]:
    """``named`` with the counts of those who took part in an event named so (see the
    module docstring)."""
    if not _TOOK_PART_ANY_RE.search(sentence):
        return list(named)
    out: list[Named] = []
    for n in named:
        fig = n.figure
        end = clause_end(sentence, fig.end)
        took = _TOOK_PART_RE.search(sentence[fig.end : end])
        noun = n.indicator
        if took is not None and noun.endswith(took["verb"]):
            noun = noun.removesuffix(took["verb"])  # 1200家企业参展: the firms
        if (
            fig.unit_class != "count"
            or took is None
            or table.canonical(noun)
            or len(noun) < 2
            or not _is_name(took["verb"] + noun)
            or took["verb"] in noun
            or not sentence.startswith(noun, fig.end)  # the noun right after it
            or not _TOOK_PART_THEMSELVES_RE.fullmatch(
                sentence[fig.end + len(noun) : fig.end + took.start()]
            )
        ):
            out.append(n)
            continue
        lo = clause_start(sentence, fig.start)
        before = clause_start(sentence, max(0, lo - 1)) if lo > 0 else lo
        events = events_in(sentence[before : fig.start])
        event = events[-1] if len(events) == 1 else ""
        out.append(replace(n, indicator=event + took["verb"] + noun))
    return out


# 党中央召开七次全会, 省委先后召开五次全会: a committee's plenums, named by the committee
_PLENUM_HOLDER_RE = re.compile(
    r"(?P<who>党中央|中央|省委|市委|县委|区委)(?:先后|共|累计)?(?P<act>召开|举行)"
)
_HOLDER_NAME = {"党中央": "中央", "中央": "中央"}


def plenums_of_the_committee(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with a count of plenums (``全会``) named by the committee holding them."""
    out: list[Named] = []
    for n in named:
        if n.indicator == "全会" and n.figure.unit == "次":
            # the last holder before the count
            m = next(reversed(list(_PLENUM_HOLDER_RE.finditer(sentence, 0, n.figure.start))), None)
            if m:
                who = m.group("who")
                # the holding is the change: plenums held over the years a report reviews
                n = replace(
                    n, indicator=_HOLDER_NAME.get(who, who) + "全会", change=n.change or m["act"]
                )
        out.append(n)
    return out


# A 。-sentence that opens on an event (第四届中非经贸博览会期间，签约项目120个，签约金额103
# 亿美元; 第134届广交会线下展面积155万平方米，展位总数7.4万个，境外采购商到会19.8万人;
# 第十四届河南省运动会，周口市代表团共夺得31枚金牌; 今年春运，预计全社会跨区域人员流动量90
# 亿人次；其中，铁路客运量…): what it counts after is the event's, as the press conferences
# of three offices and a bulletin's gold name it, though no clause says it again. After a
# speaker's label (商务部负责同志：) and a time (今年, 2024年); the event said as one (its
# ordinal 第四届, or 期间, or a season of travel 春运), never an act on it (精心筹办成都世运会，
# 举办创业安徽大赛等系列活动，获…大赛金牌).
_NOT_IN_AN_EVENT = "在办获参对举与和的是为将等及"
_OPENING_EVENT_RE = re.compile(
    r"^(?:[^：:。，；\n]{1,24}[：:])?\s*(?:今年|去年|(?:19|20)\d\d年)?[，,]?"
    r"(?P<ordinal>第[\d一二三四五六七八九十百]+届|首届)?"
    rf"(?P<event>(?:(?![{_NOT_IN_AN_EVENT}])[\u4e00-\u9fff]){{0,10}}?"
    r"(?:" + "|".join(_EVENT_HEADS) + r")|春运)"
    # (第二届江州论坛和首届江州马拉松共有…: two events, neither is the figures' alone)
    r"(?![和与及、])(?P<during>期间|举办期间)?(?P<comma>[，,])?"
)
_EVENT_ORDINAL_RE = re.compile(r"^(?:第[\d一二三四五六七八九十百]+届|首届)")


def counted_at_the_event(opening: str, named: list[Named]) -> list[Named]:
    """``named`` with the figures of a 。-sentence that opens on an event (``opening``: the
    。-sentence up to this part's end) named by it: 签约项目 -> 中非经贸博览会签约项目."""
    m = _OPENING_EVENT_RE.match(opening)
    if m is None or not (
        (m["comma"] and (m["ordinal"] or m["during"] or m["event"] == "春运"))
        or (m["ordinal"] and not m["during"])  # 第134届广交会线下展面积…: its subject
    ):
        return named
    event = m["event"]
    out: list[Named] = []
    for n in named:
        name = _EVENT_ORDINAL_RE.sub("", n.indicator)  # 第134届广交会…: no ordinal
        if event not in name:
            name = event + name
        out.append(n if name == n.indicator else replace(n, indicator=name))
    return out
