"""The sizes of the magnitudes figures are written with (万亿, 亿, 万 …), in a module of its
own: the extractor's unit reading and the English figure (``bot.digest.english``) share the
one table, and importing it must not load the number readers (a digest or ``briefbot --help``
does not extract)."""

from __future__ import annotations

# The one table of magnitudes: each as a figure writes it, and its size. The extractor
# reads every one (:data:`_MAGNITUDES`, :func:`without_magnitude`); a record's unit keeps
# only those of :data:`KEPT_MAGNITUDES` (3千亿元 is kept as 3000 亿元), the ones an English
# figure says (bot.digest.english: 4.4万亿元 is 4.4 trillion yuan). Longer before shorter,
# as the patterns try them (万亿 before 万).
MAGNITUDE_SIZES: dict[str, int] = {
    "万亿": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "十亿": 10**9,
    "亿": 10**8,
    "千万": 10**7,
    "百万": 10**6,
    "十万": 10**5,
    "万": 10**4,
    "千": 10**3,
}
# The magnitudes a record's unit keeps, the largest first (a unit is read by its first).
KEPT_MAGNITUDES: tuple[str, ...] = ("万亿", "亿", "万")
