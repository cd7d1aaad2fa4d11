"""A short alternate inside a word keeps its brackets in the name, as written
(``执业（助理）医师``, ``毕（结）业生``, ``乡镇（街道）社会工作服务站``).

:func:`~bot.targets.naming.clean.strip_noise` lets the alternate through without its
brackets so that the namers read one word (``执业助理医师``); the name a reader sees
(and the golds, by the majority of documents: guidelines §6.6) writes it as the text
does. Last, so that no pass reads the brackets. A verb's alternate is another act, not
another name of the thing (``既有住宅加装（更新）电梯``: 加装 电梯), and goes.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.clean import _ALTERNATE_RE
from bot.targets.naming.needs import needs
from bot.targets.naming.words import _one_word_tag

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named


# one-character place units a bracketed alternate follows at a name's opening (市（州）)
_PLACE_UNITS = frozenset("省市县区镇乡州旗盟村")


@needs("（", "(")
def alternates_as_written(sentence: str, named: list[Named]) -> list[Named]:
    """Each name holding ``A B C`` of a written ``A（B）C`` writes it so."""
    if "（" not in sentence and "(" not in sentence:
        return list(named)
    spans = [
        (
            sentence[max(0, m.start() - 2) : m.start()],
            m.group(),
            m[1],
            sentence[m.end() : m.end() + 2],
        )
        for m in _ALTERNATE_RE.finditer(sentence)
    ]
    if not spans:
        return list(named)
    out: list[Named] = []
    for n in named:
        name = n.indicator
        for before, written, inner, after in spans:
            if written in name:
                continue
            plain = before + inner + after
            if plain in name:
                as_written = (
                    before + after if _one_word_tag(before) == "v" else before + written + after
                )
                name = name.replace(plain, as_written, 1)
            elif before[-1:] in _PLACE_UNITS and name.startswith(
                opening := before[-1:] + inner + after
            ):
                # 市（州）中心城市新增人口, 镇（街道）一般公共预算收入: the name opens with the
                # place unit the alternate follows (the character before it, 时期市…, 全市镇…,
                # is no part of the name)
                name = before[-1:] + written + after + name[len(opening) :]
        out.append(replace(n, indicator=name) if name != n.indicator else n)
    return out
