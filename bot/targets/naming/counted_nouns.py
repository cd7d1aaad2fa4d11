"""The things a count counts (:class:`_CountedNouns`, a mixin of the sentence namer):
the noun after the figure its measure word goes with, narrowed by what its clause says
they did.
"""

from __future__ import annotations

import re

from bot.targets.naming.clauses import (
    _MEMBERSHIP_VERBS,
    _ONE_CHARACTER_PLACES,
    _after_noun,
    clause_end,
    predicated,
)
from bot.targets.naming.clean import clean_name
from bot.targets.naming.words import _is_name, word_bounds
from bot.targets.numbers import Figure

# The nouns a measure word goes with (量词搭配), at the end of a name
_CLASSIFIER_KINDS = {
    "条": re.compile(
        r"(?:道路|路|线|航线|线路|河|河道|管网|管道|通道|廊道|政策|措施|意见|街|巷|隧道)$"
    ),
    "座": re.compile(r"(?:桥|桥梁|厂|站|馆|水库|场馆|电站|公厕|城市|大楼|塔)$"),
    "张": re.compile(r"(?:床位|床|证|卡)$"),
}
_MEMBERSHIP_VERB_RE = re.compile(_MEMBERSHIP_VERBS)


class _CountedNouns:
    """The things a count counts, read after the figure.

    A mixin of :class:`~bot.targets.naming.sentence._SentenceNamer`: the methods use the
    namer's state (``self.s``, ``self.figs``, ``self.table``, ``self.context``,
    ``self.out``, ``self.last_subject`` …) and the other mixins' methods.
    """

    def classifier_noun(self, fig: Figure, name: str, after: str) -> tuple[str, int] | None:
        """``棚户区改造20条配套道路``: the measure word (条) goes with the noun after the
        figure (道路), not with the name before it (棚户区 is counted in 户, 套): the thing
        counted is the noun after."""
        kinds = _CLASSIFIER_KINDS.get(fig.unit)
        if kinds is None or fig.unit_class != "count" or kinds.search(name):
            return None
        noun, n = _after_noun(after)
        noun = clean_name(noun)
        if not _is_name(noun) or not kinds.search(noun):
            return None
        return noun, fig.end + n

    def _narrowed(self, fig: Figure, name: str, consumed: int) -> str:
        """``name``, the things a count counts, narrowed by what its clause says they did
        (see :func:`predicated`): said after the noun read after the figure, or right
        after the figure when the noun is carried (31个工业行业大类中有18个实现正增长)."""
        if consumed == fig.end and not re.search(r"中有|其中$", self.s[: fig.start]):
            return name
        narrowed = predicated(name, self.s[consumed : clause_end(self.s, consumed)])
        if narrowed:
            return narrowed
        # the noun read after the figure ran on into its predicate (16个国家签署…备忘录)
        for m in _MEMBERSHIP_VERB_RE.finditer(name):
            noun = name[: m.start()]
            # a one-character place (8个市下放…) is a word whatever the segmenter says
            if (len(noun) == 1 and noun in _ONE_CHARACTER_PLACES) or (
                len(noun) >= 2
                # 建制村|通油路: a place's unit ends a noun whatever the segmenter says (村通)
                and (m.start() in word_bounds(name) or noun[-1] in _ONE_CHARACTER_PLACES)
            ):
                return predicated(noun, name[m.start() :]) or name
        return name
