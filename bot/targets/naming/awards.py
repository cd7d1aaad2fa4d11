"""Awards and subsidies a plan promises: ``对新认定的国家级专精特新“小巨人”企业，给予
一次性奖励100万元``.

Action plans and implementation opinions state their support as money given to whom
(``对…的X，给予每人最高2000元的一次性补贴``, ``对首次入选的企业给予最高50万元奖励``).
The clause before the money holds only the giving (``给予每人最高``, or the award said as
the verb: ``对…的X，一次性奖励50万元``): the money is the
award, named by its kind and by who receives it (``国家级专精特新小巨人企业一次性奖励``,
``养老护理员一次性补贴``), or by its kind alone when the receivers are only ``企业``; a
cap per single unit said with no receiver keeps the unit (``单个项目奖励不超过5000万元`` ->
``单个项目奖励``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.lexicon import GENERIC_NAMES
from bot.targets.naming.needs import needs
from bot.targets.naming.words import CLAUSE_MARKS, _is_name, after_mark

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_KINDS = r"奖励|补贴|补助|奖补|资助|扶持资金|补助资金|奖励资金"
_CAP = (
    r"(?:每人|每户|每家|每个|每项|每年|单个项目|单家企业|单个企业)?(?:最高|不超过|最多|最高不超过)?"
)
# a cap per single unit, said where no receiver is: the award of one (单个项目奖励)
_SINGLE_RE = re.compile(r"单个项目|单家企业|单个企业")
# the giving, with who receives it in the same clause or not: (对…)给予每人最高(一次性)(奖励)
_GIVING_RE = re.compile(
    rf"(?:对(?P<who>[^，。；：]{{2,30}}?))?(?P<give>给予)?{_CAP}(?P<once>一次性)?{_CAP}"
    rf"(?P<kind>{_KINDS})?{_CAP}$"
)
_KIND_RE = re.compile(_KINDS)
# the award said after the money: (的)(一次性)补贴
_KIND_AFTER_RE = re.compile(rf"的?(?P<once>一次性)?(?P<kind>{_KINDS})")
# who receives it, said in the clause before: 对…的X，
_WHO_BEFORE_RE = re.compile(r"对(?P<who>[^，。；：]{2,30})[，,]$")


def _receiver(who: str) -> str:
    """The head of ``who`` (新认定的国家级…企业 -> 国家级…企业), ``""`` when it says
    nothing of its own (企业)."""
    head = who.rsplit("的", 1)[-1].strip("“”")
    head = head.split("给予", 1)[0]  # 对…技改项目给予补助，单个…: who, not the giving
    head = head.replace("“", "").replace("”", "")
    return head if _is_name(head) and head not in GENERIC_NAMES and len(head) > 2 else ""


@needs("给予", "奖励", "补贴", "补助", "奖补", "资助", "扶持资金")
def name_awards(sentence: str, named: list[Named]) -> list[Named]:
    """Money given as an award or a subsidy is named by its kind and its receivers."""
    if "给予" not in sentence and not _KIND_RE.search(sentence):
        return list(named)  # nothing given
    out: list[Named] = []
    for n in named:
        fig = n.figure
        start = after_mark(sentence, fig.start, CLAUSE_MARKS)
        giving = _GIVING_RE.search(sentence, start, fig.start)
        if (
            fig.unit_class == "money"
            and giving
            and giving.start() == start
            and (giving["give"] or giving["kind"])  # 给予, or the award as the verb
        ):
            after = _KIND_AFTER_RE.match(sentence, fig.end)
            kind = giving["kind"] or (after["kind"] if after else "")
            once = giving["once"] or (after["once"] if after else "")
            if kind:
                who = giving["who"]
                if not who:
                    before = _WHO_BEFORE_RE.search(sentence, 0, start)
                    who = before["who"] if before else ""
                receiver = _receiver(who or "")
                single = _SINGLE_RE.search(giving.group()) if not receiver else None
                # 中央财政…给予奖励，单个项目奖励不超过5000万元: the cap of one project's
                receiver = single.group() if single else receiver
                name = receiver + (once or "") + kind
                n = replace(n, indicator=name, confidence=max(n.confidence, 0.75))
        out.append(n)
    return out
