"""A counted set of projects or firms said after the verb that funds it is named by the set.

Budget and plan texts say what money went to, then the count::

    用好超长期特别国债资金486亿元，支持“两重”建设项目312个   -> “两重”建设项目
    专项资金安排21.5亿元，支持重大技术改造项目180个            -> 重大技术改造项目
    支持社会资本参与建设项目500个以上                          -> 社会资本参与建设项目

支持 is the act done to the things counted (the change), not part of their name, as
新增 or 实施 are not. A bare 项目 (支持项目216个) says nothing of which projects and is left
as written, for the passes that name it by the money before it; so is a policy counted in
articles (支持…发展“19条”), whose title the 支持 belongs to.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_SUPPORTED_RE = re.compile(
    r"^支持(?P<set>[\u4e00-\u9fff“”（）]{2,}(?:项目|企业|园区|基地|平台|载体))$"
)
# things counted one by one, not articles of a policy (条) nor money
_COUNT_UNITS = frozenset({"个", "万个", "家", "万家", "项", "处"})


@needs("支持")
def supported_set(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with the verb that funds a counted set left out of its name (see the
    module docstring)."""
    out: list[Named] = []
    for n in named:
        m = _SUPPORTED_RE.match(n.indicator)
        if m and n.figure.unit in _COUNT_UNITS:
            n = replace(n, indicator=m["set"])
        out.append(n)
    return out
