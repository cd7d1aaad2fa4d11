"""``--help`` shows a flag as it is typed: ``--json``, never ``--json <bool>``.

Typer's rich help (``rich_markup_mode="rich"``) fills the type column of every option
from ``TyperOption.display_type_rich``, which since Typer 0.2x gives a flag its Python
type too (``<bool>``, ``--help`` included), as if it took a value; its plain help leaves
a flag's type out. :func:`install` makes the rich help do the same: a flag (no value to
type) has an empty type column; options that take a value keep theirs (``<str>``,
``<path>``, a metavar). Installed once, when the Typer application is made.

Typer (0.29) has no public way to say this: the only public one is a ``metavar`` on each
flag, which every new flag would have to remember. ``display_type_rich`` is Typer's
own method, not a documented hook, so ``tests/test_cli_flags.py`` fails, naming this
module, if a Typer upgrade renames it or stops calling it (:data:`HOOK`); meanwhile the
command line still works (help shows ``<bool>`` again), it never fails to start.
"""

from __future__ import annotations

import logging

import click
from typer.core import TyperOption

# The method of TyperOption that typer.rich_utils asks for an option's type column.
HOOK = "display_type_rich"
_MARK = "_briefbot_flags_typeless"

log = logging.getLogger(__name__)


def installed() -> bool:
    """Whether the override is in place."""
    return bool(getattr(getattr(TyperOption, HOOK, None), _MARK, False))


def install() -> None:
    """Leave the type column of flags empty in rich help (idempotent)."""
    original = getattr(TyperOption, HOOK, None)
    if original is None:  # a Typer without the hook: help shows <bool>, the tests say so
        log.debug("typer.core.TyperOption.%s is gone; flags keep a type in --help", HOOK)
        return
    if getattr(original, _MARK, False):
        return

    def display_type_rich(self: TyperOption, ctx: click.Context) -> str | None:
        # a count (-v, -vv) is typed as a flag too
        if (self.is_flag or self.count) and self.metavar is None:
            return None
        return original(self, ctx)

    setattr(display_type_rich, _MARK, True)
    setattr(TyperOption, HOOK, display_type_rich)
