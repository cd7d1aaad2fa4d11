"""Programmes counted inside their own name: ``实施自然灾害防治九项重点工程``.

Plans write the topic of a set of programmes before the count and the kind of
programme after it (``实施城市更新5项重点工程``, ``开展农村人居环境整治三项重点行动``).
The count names the kind, and the kind alone (``重点工程``) does not say which: the
topic before the count is part of the name (``自然灾害防治重点工程``). Policy packages
(``30条政策措施``) are named elsewhere; ``十大工程`` sets are no figures.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.lexicon import SCOPE_RE
from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the kind of programme a count names (重点工程, 专项行动, 改革任务)
_PROGRAMME_RE = re.compile(
    r"(?:重点|重大|专项|攻坚|示范)?(?:工程|行动|计划|任务|改革|试点|专项行动)"
)
# a verb that launches programmes, then their topic, right before the count
_LAUNCH_TOPIC_RE = re.compile(
    r"(?:组织实施|深入实施|全面实施|实施|开展|推进|启动|部署)(?P<topic>[\u4e00-\u9fff“”]{2,14})$"
)
_UNITS = ("项", "个", "类")


@needs("工程", "行动", "计划", "任务", "改革", "试点")
def with_programme_topic(sentence: str, named: list[Named]) -> list[Named]:
    """Counts of a kind of programme take the topic written before the count."""
    out: list[Named] = []
    for n in named:
        fig = n.figure
        m = _LAUNCH_TOPIC_RE.search(sentence, 0, fig.start)
        if fig.unit in _UNITS and m and _PROGRAMME_RE.fullmatch(n.indicator):
            topic = m["topic"].strip("“”")
            scope = SCOPE_RE.match(topic)
            topic = topic[scope.end() :] if scope else topic
            if _is_name(topic) and not n.indicator.startswith(topic):
                n = replace(n, indicator=topic + n.indicator)
        out.append(n)
    return out
