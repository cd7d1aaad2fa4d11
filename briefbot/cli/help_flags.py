"""``--help`` shows a flag as it is typed: ``--json``, never ``--json <bool>``.

Typer's rich help (``rich_markup_mode="rich"``) fills the type column of every option
from ``TyperOption.display_type_rich``, which since Typer 0.2x gives a flag its Python
type too (``<bool>``, ``--help`` included), as if it took a value; its plain help leaves
a flag's type out. :func:`install` makes the rich help do the same: a flag (no value to
type) has an empty type column; options that take a value keep theirs (``<str>``,
``<path>``, a metavar). Installed once, when the Typer application is made.
"""

from __future__ import annotations

import click
from typer.core import TyperOption

_MARK = "_briefbot_flags_typeless"


def install() -> None:
    """Leave the type column of flags empty in rich help (idempotent)."""
    original = TyperOption.display_type_rich
    if getattr(original, _MARK, False):
        return

    def display_type_rich(self: TyperOption, ctx: click.Context) -> str | None:
        if self.is_flag and self.metavar is None:
            return None
        return original(self, ctx)

    setattr(display_type_rich, _MARK, True)
    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]
