"""The opening of a document: the first lines, where an official document says what it
is (title, delivery line, issuer, document number)."""

from __future__ import annotations

import re

OPENING_LINES = 8
OPENING_CHARS = 800
# Title, delivery, issuer and number lines are short; longer lines are body text.
MAX_HEAD_LINE = 120

FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FULLWIDTH_DIGIT_RE = re.compile("[０-９]")


def fold_digits(text: str) -> str:
    """``text.translate(FULLWIDTH_DIGITS)``, without the per-character lookup of a whole
    document when it has no full-width digit (the usual case)."""
    return text.translate(FULLWIDTH_DIGITS) if _FULLWIDTH_DIGIT_RE.search(text) else text


DOC_NUMBER_RE = re.compile(
    r"([\u4e00-\u9fff]{1,10})\s*[〔［\[]\s*((?:19|20)\d\d)\s*[〕］\]]\s*\d+\s*号"
)


def opening_lines(text: str) -> str:
    """The first non-empty lines of ``text`` (at most ``OPENING_LINES`` of them, or
    ``OPENING_CHARS`` characters), stripped."""
    lines: list[str] = []
    size = 0
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            continue
        lines.append(s)
        size += len(s)
        if len(lines) >= OPENING_LINES or size >= OPENING_CHARS:
            break
    return "\n".join(lines)
