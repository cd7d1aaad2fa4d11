"""People or firms counted after 为, then what was done for them: named by what they got.

Reports count the people a service reached by putting them between 为 and the act::

    为2万名失能老年人提供上门照护服务      -> 获上门照护服务的失能老年人
    为800户困难家庭发放取暖补贴和救助金    -> 获发取暖补贴和救助金的困难家庭
    为1000家以上企业提供政策咨询服务和重点企业…技术服务 -> 获政策咨询服务的企业
    为6.2万名农民工解决了拖欠工资问题      -> 解决拖欠工资农民工
    为8万名60岁以上老年人免费开展眼病筛查  -> 获眼病筛查的60岁以上老年人
    为3600名60岁以上老年人免费体检        -> 获免费体检的60岁以上老年人
    为1.1万名独居、高龄老人安装智能呼叫设备 -> 安装智能呼叫设备独居、高龄老人
    为3.5万名困难群众发放临时救助资金1.2亿元 -> 获发临时救助资金的困难群众

The count is of those served, not of all such people (a county's elderly are more than
the two ten-thousands who got the service): the name says what they got. A thing given
(提供, 发放 + a service or a payment; 开展 + a check, a training, a service, free or not;
免费 + a check, no verb) makes them those who got it (获…的; 获发…的 for a payment
issued); any other act is put before them with its verb, as statistics name a set by
its activity (解决拖欠工资农民工, as 技改工业企业 in
:mod:`~bot.targets.naming.activities`), a closing 问题 dropped. Those served may be
a list (独居、高龄老人) and follow a scope (全县, 全镇, 辖区). A long object
split by 和 is its first part (what follows is for others). Only a count written right
after 为 (a hedge or a scope between) and a clause that ends with the act are read:
为…提供了有力支撑 names no set. A service the indicator table knows by its people (残疾人托养服务,
残疾儿童康复救助) keeps the table's name; a table name carried from a clause before the count
does not.

The count may come last (为农村学生提供营养餐18万人 -> 获营养餐的农村学生), a free service
without its verb too (为老年人免费体检3万人 -> 获免费体检的老年人): 免费 after the verb or
without one is part of what they got; a scope may stand before them there too (为全县65岁
以上老年人免费体检3.8万人次). A payment may be followed by its own amount (发放…资金1.2亿元):
the count before is still of those who got it. A check given (体检, which the dictionary tags a
verb) is a thing given like a meal.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.clauses import clause_start
from bot.targets.naming.clean import _QUOTE_TABLE
from bot.targets.naming.needs import needs
from bot.targets.naming.words import _segmenter

if TYPE_CHECKING:
    from bot.targets.indicators import IndicatorTable
    from bot.targets.naming.sentence import Named

# 为 (for) right before the count: a scope or a hedge may come between
_FOR_BEFORE_RE = re.compile(r"为(?:全[省市区县州旗镇乡]|辖区)?(?:约|近|超过|逾)?$")
# who is counted, then the act done for them, to the clause's end
_SERVED_RE = re.compile(
    r"^(?:多|余|以上)?名?(?P<who>(?:\d{1,3}周?岁(?:及)?以[上下])?[\u4e00-\u9fff](?:、?[\u4e00-\u9fff]){1,11}?)"
    r"(?:免费|无偿)?(?P<verb>提供|送去|送上|解决|办理|落实|追回|兑现|发放|开展|安装)了?"
    r"(?P<what>[^，。；：、\d]{2,30}?)(?=[，。；：]|$|(?<=[金款费贴])\d)"
)
# the same said with the count last (为农村义务教育学生提供营养餐18万人): 为, who, the act
# done for them (a free service may stand without its verb: 为…老年人免费健康体检42万人)
_WHO = (
    r"为(?:全[省市区县州旗镇乡]|辖区)?"
    r"(?P<who>(?:\d{1,3}周?岁(?:及)?以[上下])?[\u4e00-\u9fff]{2,10}?)"
)
_SERVED_BEFORE_RES = (
    re.compile(
        _WHO + r"(?:免费|无偿)?(?P<verb>提供|送去|送上|发放|开展)了?(?P<what>[\u4e00-\u9fff]{2,12})"
    ),
    re.compile(_WHO + r"(?P<verb>)(?P<what>(?:免费|无偿)[\u4e00-\u9fff]{2,10})"),
)
# those a count after the act is of
_PEOPLE_UNITS = ("人", "人次", "名", "户", "家", "家次")
# who is counted, then a service they got free, said without a verb (为2300名老年人免费体检)
_FREE_SERVICE_RE = re.compile(
    r"^(?:多|余|以上)?(?P<who>(?:\d{1,3}周?岁(?:及)?以[上下])?[\u4e00-\u9fff]{2,10}?)"
    r"(?P<what>(?:免费|无偿)[\u4e00-\u9fff]{2,8}?)(?=[，。；：]|$)"
)
# those a service is done for: people, households, firms, bodies
_WHO_END_RE = re.compile(
    r"(?:人|人员|者|工|民|群众|学生|儿童|老人|妇女|患者|家庭|户|企业|主体|单位|机构|商户|职工|员工)$"
)
# what people get when it is 开展 for them: a check, a training, a service, aid
_RECEIVED_RE = re.compile(r"(?:体检|筛查|检查|培训|服务|诊疗|义诊|救助|帮扶|指导|咨询|接种)$")
# the things given, and how those who got them are said (获…服务的, 获发…补贴的)
_GIVING = {"提供": "获", "送去": "获", "送上": "获", "发放": "获发", "开展": "获"}


@needs("为")
def served_by_the_act(sentence: str, named: list[Named], table: IndicatorTable) -> list[Named]:
    """``named`` with counts of those served named by what they got (see the module
    docstring)."""
    if "为" not in sentence:
        return named
    out: list[Named] = []
    for n in named:
        fig = n.figure
        if (
            fig.unit_class == "count"
            and _FOR_BEFORE_RE.search(sentence, 0, fig.start)
            and not _named_by_the_table(
                n.indicator, sentence[: fig.start], sentence[fig.end :], table
            )
        ):
            name = _served_name(sentence[fig.end :])
            if name:
                n = replace(n, indicator=name, confidence=0.75)
        elif (
            fig.unit_class == "count"
            and fig.unit.removeprefix("万") in _PEOPLE_UNITS
            and not table.canonical(n.indicator)
        ):
            name = _served_before(sentence[clause_start(sentence, fig.start) : fig.num_start])
            if name:
                n = replace(n, indicator=name, confidence=0.75)
        out.append(n)
    return out


def _served_before(clause: str) -> str:
    """Who a count after ``clause`` is of, named by what they got (为…学生提供营养餐 ->
    获营养餐的…学生); "" when the clause is no such act."""
    said = clause.strip("，、 ")
    m = next(filter(None, (r.fullmatch(said) for r in _SERVED_BEFORE_RES)), None)
    if m is None or not _WHO_END_RE.search(m["who"]):
        return ""
    what = m["what"].translate(_QUOTE_TABLE)
    tags = _segmenter().tag(what, True)
    if not tags or (tags[-1][1] not in ("n", "vn", "nz", "l") and not _RECEIVED_RE.search(what)):
        return ""
    return _GIVING.get(m["verb"] or "提供", "获") + what + "的" + m["who"]


def _named_by_the_table(name: str, before: str, after: str, table: IndicatorTable) -> bool:
    """Whether ``name`` is the table's name of the service done for those counted
    (为…提供托养服务 -> 残疾人托养服务), not a table name carried from a clause before the
    count (新建村卫生室4个，为3600名老年人免费体检 -> 村卫生室), which is none of theirs."""
    if not table.canonical(name):
        return False
    carried = name in before and name not in re.split(r"[，。；：]", after, maxsplit=1)[0]
    return not carried


def _served_name(after: str) -> str:
    """What those counted right before ``after`` got, then who they are; "" when the
    clause does not say an act done for them."""
    m = _SERVED_RE.match(after)
    if m is None:
        free = _FREE_SERVICE_RE.match(after)
        if free and _WHO_END_RE.search(free["who"]) and _RECEIVED_RE.search(free["what"]):
            return "获" + free["what"] + "的" + free["who"]  # 免费体检: a check they got
        return ""
    who, verb = m["who"], m["verb"]
    what = m["what"].translate(_QUOTE_TABLE)
    if len(what) > 12:
        what = re.split(r"[和及与]", what)[0]  # …服务和重点企业…技术服务: the first
    what = what.removesuffix("问题").removesuffix("难题")
    if not _WHO_END_RE.search(who) or not 2 <= len(what) <= 12:
        return ""
    # 提供免费健康体检: the check is what they got, free or not
    tags = _segmenter().tag(re.sub(r"^(?:免费|无偿)", "", what), True)
    if not tags or tags[0][1] in ("p", "c", "r", "d", "uj") or tags[-1][1] == "uj":
        return ""  # 为…提供了有力支撑: no thing given
    if verb == "开展" and not _RECEIVED_RE.search(what):
        return ""  # 为企业开展调研: an act done with them, nothing they got
    if (
        verb in _GIVING
        and verb != "开展"
        and tags[-1][1] not in ("n", "vn", "nz", "l")
        and not _RECEIVED_RE.search(what)  # 提供免费健康体检: 体检 is tagged a verb
    ):
        return ""
    return _GIVING[verb] + what + "的" + who if verb in _GIVING else verb + what + who
