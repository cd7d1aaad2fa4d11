"""An aspect particle is no part of a name: ``19个旗市通了高速公路`` counts the places
that have the road, ``通高速公路的旗市``.

A name built from a clause (a count of the places or people that did something) keeps
the clause's verb, but the 了 after it says only that it is done, as a time word does:
``住上了安全房的群众`` is ``住上安全房的群众``. Only the particle as jieba tags it
(``ul``), never the 了 of a word (了解, 为了, 除了).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs
from bot.targets.naming.words import _segmenter

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named


@lru_cache(maxsize=1024)
def without_particle(name: str) -> str:
    """``name`` without the aspect particle 了 (jieba's ``ul``): 通了天然气的乡镇 ->
    通天然气的乡镇."""
    words = _segmenter().tag(name, True)
    kept = [w for i, (w, t) in enumerate(words) if not (w == "了" and t == "ul" and i > 0)]
    return "".join(kept)


@needs("了")
def without_aspect(named: list[Named]) -> list[Named]:
    """``named`` with the aspect particle 了 left out of names (see the module docstring)."""
    out: list[Named] = []
    for n in named:
        if "了" in n.indicator:
            name = without_particle(n.indicator)
            if len(name) >= 2:
                n = replace(n, indicator=name)
        out.append(n)
    return out
