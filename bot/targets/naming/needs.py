"""What a pass needs to change anything: declared beside the pass, read by the dispatcher.

:func:`~bot.targets.naming.passes.run_passes` runs 94 passes on every sentence with
figures, and almost all of them only look and leave (over the 10 MB tier, 300 of 1.14 M
calls changed anything). A pass that cannot act unless its sentence holds some word
declares it::

    @needs("吞吐量")
    def throughput_of_the_port(sentence, named): ...

    @needs("倍", figures=2)  # a multiple of the figure before: two figures at least
    def multiple_of_the_figure_before(sentence, named): ...

The declaration is a promise, kept by the pass's own first test: unless at least one of
the ``words`` occurs in the sentence's text, in a figure's name or in a figure's unit, and
unless the sentence has ``figures`` named figures or more, the pass returns the figures
as given (the same objects, in the same order). No words declared: the words never stop
it. The dispatcher tests every declaration of a sentence with one search
(:func:`key_chars`), so a pass it skips costs nothing; ``tests/test_targets_pass_needs.py``
runs each skipped pass anyway over the probe documents and checks that it changes nothing.
Declare only what the pass's code tests first; when a pass's test changes, change its
declaration with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

F = TypeVar("F", bound=Callable[..., object])

# the commonest characters of the bundled corpus, most common first: a word is keyed by
# one of its characters not among them (rarer, so its test skips more), else its last
_COMMON = (
    "新业建发展市的化大全国设力产实区动推高城中进加海和创作强一会能人工提持体生上造平成代政"
    "现等治务民经以合重开党行质在坚升级为增个心主面改快用社制深量地施色济家要领"
)


def key_char(word: str) -> str:
    """The one character of ``word`` the dispatcher looks for: a text without it cannot
    hold the word."""
    return max(word, key=lambda c: _COMMON.find(c) if c in _COMMON else len(_COMMON))


def needs(*words: str, figures: int = 1) -> Callable[[F], F]:
    """Mark a pass with what it needs to change anything (see the module docstring)."""
    if any(not w for w in words):
        raise ValueError("an empty word is no need")

    def mark(f: F) -> F:
        f.needs_words = tuple(words)  # type: ignore[attr-defined]
        f.needs_figures = figures  # type: ignore[attr-defined]
        return f

    return mark


def key_chars(words: Iterable[str]) -> frozenset[str]:
    """The characters keying ``words``: a text holding none of them holds none of them."""
    return frozenset(key_char(w) for w in words)


def chars_search(keys: Iterable[str]) -> Callable[[str], list[str]]:
    """One search finding every occurrence of any of ``keys`` in a text (its findall)."""
    chars = "".join(re.escape(c) for c in sorted(set(keys)))
    return re.compile(f"[{chars}]").findall if chars else lambda _: []
