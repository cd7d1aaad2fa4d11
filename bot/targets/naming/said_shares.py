"""A part's share said with a bare ``占`` (``高新技术企业占到三分之一``, ``占60%以上``).

The clause names the part, then ``占`` and the share with no whole after it: the figure
is the part's share, not the part. It is the part's ``占比``, or, when the sentence
opened on the whole it is a part of (``规模以上工业企业中，高新技术企业占到三分之一``),
its share of that whole (``高新技术企业占规模以上工业企业比重``), as a share that names
its whole after ``占`` is named (``naming.sentence._SentenceNamer._share``).
Fractions in words and percentages alike.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.clean import clean_name
from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the clause up to the figure: a part, 占 and at most an aspect or a hedge
_BARE_ZHAN_RE = re.compile(r"(?P<part>[^，,；;。、：:]{2,})占(?:到|了)?(?:约|近|将近|超过|逾|达)?$")
# 规模以上工业企业中，… : the whole a clause after it takes its parts of
_WHOLE_LEAD_RE = re.compile(r"(?:^|[。；;])(?P<whole>[^，,；;。、：:\d]{2,24})中[，,]$")
_SHARE_NAME_RE = re.compile(r"占|比重|占比|比例|份额|比率|率$")


@needs("占")
def share_said_bare(sentence: str, named: list[Named]) -> list[Named]:
    """``Y占<share>`` named ``Y`` is ``Y占比``, or ``Y占X比重`` after ``X中，``."""
    if "占" not in sentence:
        return list(named)
    out: list[Named] = []
    for n in named:
        fig = n.figure
        head = sentence[: fig.start]
        clause_start = max(head.rfind(c) for c in "，,；;。：:") + 1
        m = _BARE_ZHAN_RE.search(head, clause_start)
        if (
            fig.unit == "%"
            and m
            and m.start() == clause_start
            and n.indicator
            and not _SHARE_NAME_RE.search(n.indicator)
            and n.indicator in m["part"]
        ):
            lead = _WHOLE_LEAD_RE.search(head, 0, clause_start)
            whole = clean_name(lead["whole"]) if lead and not lead["whole"].endswith("其") else ""
            if whole and whole != n.indicator and _is_name(whole):
                n = replace(n, indicator=n.indicator + "占" + whole + "比重")
            else:
                n = replace(n, indicator=n.indicator + "占比")
        out.append(n)
    return out
