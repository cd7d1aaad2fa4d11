"""Print every module of the project with the first sentence of its docstring.

The module-by-module map of the code, generated so that it cannot go stale:
``docs/ARCHITECTURE.md`` keeps to the layers, the flows and where state lives, and points
here for the detail. ``python scripts/module_map.py [PACKAGE ...]`` (default: every
package of the program).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers", "mcp_server", "briefbot", "fake_telegram")


def first_sentence(doc: str) -> str:
    """The docstring's first paragraph up to its first full stop, on one line."""
    para = " ".join(doc.strip().split("\n\n", 1)[0].split())
    for stop in (". ", "。"):
        at = para.find(stop)
        if at != -1:
            return para[: at + len(stop)].strip()
    return para


def module_docs(package: str) -> list[tuple[str, str]]:
    """(dotted module name, first sentence of its docstring) for each module under ``package``."""
    rows: list[tuple[str, str]] = []
    for path in sorted((ROOT / package).rglob("*.py")):
        if "_bundled" in path.parts:
            continue
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        dotted = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        rows.append((dotted.removesuffix(".__init__"), first_sentence(doc) if doc else ""))
    return rows


def main(argv: list[str]) -> int:
    for package in argv or PACKAGES:
        for name, sentence in module_docs(package):
            if sentence:
                print(f"{name}: {sentence}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
