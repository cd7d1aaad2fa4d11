"""Annotation aid: every sentence of a real document that may hold a figure.

Prints ``L<line>: <sentence>`` for each sentence (cut as in GOLD_GUIDELINES.md §2) that
holds a digit, a percent sign or a Chinese numeral followed by a measure word. It knows
nothing of the extractor: it only saves scrolling. Annotators still read the whole
document (Chinese-numeral figures in odd forms are easy to miss here).

Usage: .venv/bin/python tests/data/real/list_sentences.py DOC.txt [--all]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent / "docs"
_SENTENCE_RE = re.compile(r"[^。！？；]*(?:[。！？；]+[”’」』）]*|$)")
_CN = "零〇○一二两三四五六七八九十百千万亿"
_MAYBE_RE = re.compile(
    rf"[0-9０-９%％‰]|百分之|翻[一两]?番|倍增|[{_CN}]+(?:点[{_CN}]+)?"
    r"(?:个百分点|倍|万|亿|元|人|个|家|项|所|座|条|吨|亩|斤|公里|千瓦|户|名|次|件|场)"
    r"|数[十百千万]|上[百千万]|几[十百千万]"
)


def sentences(line: str) -> list[str]:
    return [m.group() for m in _SENTENCE_RE.finditer(line) if m.group()]


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    path = Path(argv[0])
    if not path.exists():
        path = DOCS / argv[0]
    show_all = "--all" in argv
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        for s in sentences(line):
            if show_all or _MAYBE_RE.search(s):
                print(f"L{n}: {s}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
