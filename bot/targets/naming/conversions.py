"""A verb of conversion opening a name is no part of it.

A measure is often given again in another unit, opened by 折合 or 折算 ("equivalent
to")::

    全市平均降水量1200毫米，折合降水总量85亿立方米      -> 降水总量, not 折合降水总量
    消费能源1.2亿吨标准煤，折算原煤1.7亿吨              -> 原煤

The verb says how the figure was worked out, not what is measured.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the verb (折合为, 折算成 too), and what is left a name of two characters at least
_CONVERSION_RE = re.compile(r"^(?:折合|折算)(?:成|为)?(?P<rest>[\u4e00-\u9fffA-Za-z0-9.]{2,})$")
# what the conversion itself has (折算系数, 折合率, 折算标准): the name is the conversion's
_OF_THE_CONVERSION_RE = re.compile(r"(?:系数|率|比例|比率|标准|价格|单价|方法|口径)$")


@needs("折合", "折算")
def without_conversion_verb(named: list[Named]) -> list[Named]:
    """``named`` with 折合 / 折算 dropped from the names that open with it (see the module
    docstring)."""
    out: list[Named] = []
    for n in named:
        m = _CONVERSION_RE.match(n.indicator)
        if m and not _OF_THE_CONVERSION_RE.fullmatch(m.group("rest")):
            n = replace(n, indicator=m.group("rest"))
        out.append(n)
    return out
