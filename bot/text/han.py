"""What a Han character (a Chinese ideograph) is: the one definition that the
tokenizer's index terms, the reader's check of a GB18030 decoding and the check that an
upload is written in Chinese share.

The ranges are every block of ideographs Unicode has, not only the unified block
(U+4E00-U+9FFF) of everyday text:

- Extension A (U+3400-U+4DBF): rare characters of names and old texts, in GBK and
  GB18030 already.
- Compatibility ideographs (U+F900-U+FAFF): what a conversion from Big5 or a Korean
  encoding writes for some ideographs; they normalise to unified ones but are Han as
  written.
- Extensions B to I, with the compatibility supplement (U+2F800-U+2FA1F), all in the
  one span U+20000-U+323AF: rare characters of place and person names (GB18030-2022
  requires a few hundred of them: 𬌗, 𬬻, 𫐐), which a document of a county or a list of
  officials writes. The span's few unassigned code points never occur in text, so one
  span is as good as nine.

Radicals (U+2E80-U+2FDF), strokes and ideographic description characters are not
characters of a word and are left out; so is the ideographic space and punctuation
(U+3000-U+303F).
"""

from __future__ import annotations

import re

# (first, last) code points, inclusive.
HAN_RANGES: tuple[tuple[int, int], ...] = (
    (0x3400, 0x4DBF),  # Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # Compatibility Ideographs
    (0x20000, 0x323AF),  # Extensions B-I and the compatibility supplement
)

# The ranges as the inside of a regular-expression class: ``f"[{HAN_CLASS}]"``.
HAN_CLASS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in HAN_RANGES)

_HAN_RE = re.compile(f"[{HAN_CLASS}]")


def is_han(ch: str) -> bool:
    """Whether the one character ``ch`` is a Han ideograph (:data:`HAN_RANGES`)."""
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in HAN_RANGES)


def has_han(text: str) -> bool:
    """Whether ``text`` holds at least one Han character."""
    return _HAN_RE.search(text) is not None


def han_chars(text: str) -> list[str]:
    """The Han characters of ``text``, in order."""
    return _HAN_RE.findall(text)
