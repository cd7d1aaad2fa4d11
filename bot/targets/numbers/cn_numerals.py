"""Chinese numerals as numbers: ``三百零五`` 305, ``二〇三五`` 2035, ``九点六亿``.

:func:`cn_to_number` reads a numeral written in Chinese characters (cn2an for the
general case; bare unit characters such as ``百``, digit-by-digit years and decimals
before a magnitude read here).
"""

from __future__ import annotations

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_NUMERAL_CHARS = "零〇○一二两三四五六七八九十百千万亿"


def cn_to_number(text: str) -> float | None:
    """Convert a Chinese numeral: ``五`` 5, ``十一`` 11, ``三百零五`` 305, ``二〇三五`` 2035,
    ``五点五`` 5.5, ``一万二千`` 12000, ``九亿八千万`` 980000000. ``None`` if ``text``
    is not a numeral.

    The conversion is cn2an's; it does not take a bare unit character (``百``, ``千``,
    ``万``), which policy prose uses for round numbers (``百项``, ``千家``), so those are
    read here.
    """
    if not text or any(c not in _CN_NUMERAL_ALL for c in text):
        return None
    if text in _BARE_UNITS:
        return float(_BARE_UNITS[text])
    head, mag = _split_magnitude(text)
    if mag and "点" in head:
        # 九点六亿, 二点三万, 一点二万亿: a decimal before its magnitude (cn2an reads
        # the magnitude only after a whole number)
        value = cn_to_number(head)
        return None if value is None else value * _MAGNITUDE_VALUE[mag]
    if len(text) > 1 and all(c in _CN_DIGITS for c in text):
        # digit by digit: 二〇三五 -> 2035 (cn2an reads 二〇 as an error)
        return float("".join(str(_CN_DIGITS[c]) for c in text))
    import cn2an  # here, not at the top: it takes ~0.3 s to import (and a place-name
    # package with it), paid by every process that imports the extractor, most never reaching it

    try:
        # 两 is 二 before a unit (两千, 两万); cn2an's strict mode wants 二
        value = cn2an.cn2an(text.replace("○", "〇").replace("两", "二"), "strict")
    except (ValueError, KeyError):
        return None
    return float(value)


_CN_NUMERAL_ALL = frozenset("零〇○一二两三四五六七八九十百千万亿点")
_MAGNITUDE_VALUE = {"万亿": 1e12, "亿": 1e8, "万": 1e4}


def _split_magnitude(text: str) -> tuple[str, str]:
    """``九点六亿`` -> (``九点六``, ``亿``); (``text``, ``""``) without a magnitude at its end."""
    for mag in ("万亿", "亿", "万"):
        if text.endswith(mag) and len(text) > len(mag):
            return text[: -len(mag)], mag
    return text, ""


_BARE_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
