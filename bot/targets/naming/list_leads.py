"""What a list of measured things says once, before its first item, for all of them.

Plans and bulletins write a list of measures with one lead that belongs to every item,
then the figures one by one (``分别``):

* a partner, with ``与``/``同``/``对``: ``全省与其他RCEP国家货物贸易、对外投资和实际利用
  外资分别占比达30%、20%和10%`` measures the trade, the investment and the foreign
  capital *with those countries*: ``与其他RCEP国家对外投资占比``, not ``对外投资占比``;
* a channel, with ``通过…实现``: ``限额以上单位通过公共网络实现商品零售额、餐饮收入
  分别增长…`` measures the online sales and the online catering: ``限额以上单位通过公共
  网络实现餐饮收入``, not ``餐饮收入``.

A first item of all kinds (``各类事故、较大事故和重特大事故起数``) keeps its ``各类``: the
items after it are classes of the same thing, and it is all of them.

Items that each open with a partner of their own (``对日本、韩国进出口总额``) are each
with their own.
"""

from __future__ import annotations

import re

from bot.targets.dict_words import dict_words
from bot.targets.lexicon import SCOPE_RE

# a partner the first item opens with: places (日本, 香港), blocs, ``…国家/地区``
_PARTNER_END_RE = re.compile(
    r"^[^、，。；]{0,10}(?:国家|地区|经济体|成员国|伙伴|东盟|欧盟|非盟)(?=[\u4e00-\u9fff]{2})"
)
_PARTNER_WORDS = ("与", "同", "对")
# all the kinds of a thing, as the first item of a list of its classes
ALL_KINDS = ("各类", "各种")
# the channel of a measure and who used it: 限额以上单位通过公共网络实现(的)
_CHANNEL_RE = re.compile(r"^[\u4e00-\u9fff（）()]{0,12}?通过[\u4e00-\u9fff]{2,10}?实现")


def _partner(item: str) -> str:
    """The partner an item opens with, ``""`` when it names none."""
    m = _PARTNER_END_RE.match(item)
    if m:
        return m.group()
    places = dict_words("ns")
    for n in (4, 3, 2):
        if len(item) >= n + 2 and item[:n] in places:
            return item[:n]
    return ""


def _lead_before(head: str, subject: str) -> str:
    """What ``head`` (the list as written, noise stripped) says before ``subject``."""
    at = head.rfind(subject)
    if at < 0:
        return ""
    lead = head[:at].strip("，、 ")
    lead = re.sub(r"^.*[，。；]", "", lead)
    while True:
        m = SCOPE_RE.match(lead)
        if not m or not m.group():
            return lead
        lead = lead[m.end() :]


def shared_lead(head: str, subject: str, items: list[str]) -> list[str]:
    """``items`` of the list ``subject`` written in ``head``, each with the partner or the
    channel said before the first one (see the module docstring); ``items`` as given when
    the list has neither."""
    if len(items) < 2 or not items[0] or not subject:
        return items
    lead = _lead_before(head, subject)
    if lead in ALL_KINDS and all(p.endswith(items[0]) and p != items[0] for p in items[1:]):
        # 各类事故、较大事故和重特大事故起数: all of them, beside the classes listed after
        return [lead + items[0], *items[1:]]
    if lead in _PARTNER_WORDS:
        partner = _partner(items[0])
        if not partner:
            return items
        if all(_partner(p) for p in items[1:]):
            return [lead + p for p in items]  # 对日本、韩国进出口总额: each its own partner
        if any(_partner(p) for p in items[1:]):
            return items
        return [lead + items[0]] + [lead + partner + p for p in items[1:]]
    channel = _CHANNEL_RE.match(items[0])
    if channel and len(items[0]) - channel.end() >= 2:
        lead = channel.group()
        return [items[0]] + [p if p.startswith(lead) else lead + p for p in items[1:]]
    return items
