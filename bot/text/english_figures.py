"""Figures typed in English written as the reports write them: ``3 trillion yuan`` ->
``3万亿元``, ``5.5 percent`` -> ``5.5%``, ``0.3 percentage points`` -> ``0.3个百分点``,
``566 billion yuan`` -> ``5660亿元``, ``12 million`` -> ``1200万``.

Chinese counts in 万 (10⁴), 亿 (10⁸) and 万亿 (10¹²), English in thousands, millions,
billions and trillions: a figure read word by word (3, trillion, yuan) found neither the
figure nor its unit, and the dictionary read ``percent`` as 百分 and ``trillion`` as 兆.
A figure is rewritten only when a magnitude or a unit word follows it (a year or a bare
count stays as typed); the value is then said in the largest Chinese magnitude it
reaches, as the reports do (5660亿元, not 0.566万亿元; 1.3万亿元; 1200万人).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_MAGNITUDES = {
    "trillion": Decimal(10) ** 12,
    "tn": Decimal(10) ** 12,
    "billion": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "million": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "thousand": Decimal(10) ** 3,
}
# The Chinese magnitudes, largest first.
_CHINESE = ((Decimal(10) ** 12, "万亿"), (Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万"))

_FIGURE_RE = re.compile(
    r"(?<![\w.])(?P<cur>(?:RMB|CNY|US\$|\$)\s*)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<mag>trillion|billion|million|thousand|tn|bn|mn)(?![A-Za-z]))?"
    r"(?:\s*(?P<unit>"
    r"percentage[\s-]+points?|pct[\s-]+points?|ppts?(?![A-Za-z])"
    r"|percent(?![A-Za-z])|per[\s-]+cent(?![A-Za-z])|pct(?![A-Za-z])"
    r"|(?:RMB\s+)?yuan(?![A-Za-z])|RMB(?![A-Za-z])|renminbi(?![A-Za-z])"
    r"|(?:US\s+)?dollars?(?![A-Za-z])|USD(?![A-Za-z])"
    r"))?",
    re.IGNORECASE,
)


def _unit(word: str | None, currency: str | None) -> str:
    word = (word or "").lower()
    if word.startswith(("percentage", "pct ", "pct-", "ppt")):
        return "个百分点"
    if word.startswith(("percent", "per", "pct")):
        return "%"
    if word.startswith(("us", "dollar")) or (currency or "").strip().endswith("$"):
        return "美元"
    if word or currency:
        return "元"
    return ""


def _said(value: Decimal) -> str:
    """``value`` in the largest Chinese magnitude it reaches (5660亿, 1.3万亿, 1200万)."""
    for size, name in _CHINESE:
        if value >= size:
            return _plain(value / size) + name
    return _plain(value)


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _figure(m: re.Match[str]) -> str:
    magnitude, unit, currency = m.group("mag"), m.group("unit"), m.group("cur")
    if not (magnitude or unit or currency):
        return m.group()
    try:
        value = Decimal(m.group("num").replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits digits only
        return m.group()
    if magnitude:
        said = _said(value * _MAGNITUDES[magnitude.lower()])
    elif "," in m.group("num"):
        said = _said(value)  # 10,000 US dollars: the reports' 1万美元
    else:
        said = m.group("num")
    return said + _unit(unit, currency)


def with_chinese_figures(text: str) -> str:
    """``text`` with each English figure (a number with a magnitude or unit word) written
    as the reports write it; a text without Latin letters or such a figure unchanged."""
    if not any("a" <= c.lower() <= "z" or c == "$" for c in text):
        return text
    return _FIGURE_RE.sub(_figure, text)
