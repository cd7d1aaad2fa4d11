"""The document's own place as the topic of a sentence, not part of a name.

``深圳2022年重大项目计划共安排项目883个，…年度计划完成2241.3亿元`` and
``深圳安排市政府投资项目522个`` open with the place the whole story is about, followed by
a time or a verb: the place is the sentence's topic (the record's region says it), and
the name is what comes after it (``重大项目年度计划投资``, ``市政府投资项目``). A place
followed by a noun (``云南企业经中老铁路进出口货值``, ``海南新记录``) is part of the name.
"""

from __future__ import annotations

import re

from bot.targets.naming.clean import clean_name
from bot.targets.naming.words import _is_name

# what follows a place that is a sentence's topic: a time, or what the place does
_TOPIC_AFTER_RE = re.compile(
    r"(?:市|省|区|县|州)?(?:(?:19|20)\d\d年|今年|全年|去年|明年|年内|将|要|安排|计划|已)"
)


def without_topic_place(indicator: str, region: str, sentence: str) -> str:
    """``indicator`` without the document's place ``region`` it opens with when the
    sentence writes that place as its topic; ``""`` when it does not."""
    if not region or not indicator.startswith(region):
        return ""
    at = sentence.find(region)
    while at >= 0 and not _TOPIC_AFTER_RE.match(sentence, at + len(region)):
        at = sentence.find(region, at + 1)  # 深圳市发改委…，深圳安排…: the place as topic
    if at < 0:
        return ""
    rest = indicator.removeprefix(region)
    if rest[:1] in ("省", "市", "区", "县", "州") and sentence.startswith(region + rest[:1], at):
        rest = rest[1:]  # 深圳市去年本级…: the 市 is the place's
    rest = clean_name(rest)
    return rest if _is_name(rest) and len(rest) >= 2 else ""
