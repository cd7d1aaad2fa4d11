"""Decoding a plain-text file (.txt, .md): a byte-order mark, binary sniffing, UTF-16
without a mark, strict UTF-8, GB18030 checked against the common characters of Chinese,
and charset-normalizer as a last resort; and the share of junk characters that tells a
mis-decoded or binary "text"."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from bot.corpus.read_result import DecodedText, UnreadableDocument, empty, not_text
from bot.text.han import HAN_CLASS, han_chars

# How much of the start of a file is sniffed for binary content.
SNIFF_BYTES = 64 * 1024
# Above this share of control characters a "text" is really binary or mis-decoded.
MAX_JUNK_RATIO = 0.05

# Byte-order marks, longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# C0 controls other than tab, newlines, form feed and ESC (ISO-2022 uses ESC), and DEL.
_CONTROL_BYTES = bytes(
    [*range(0x00, 0x09), 0x0E, 0x0F, *range(0x10, 0x1B), *range(0x1C, 0x20), 0x7F]
)

# The ~500 most frequent characters of modern Chinese. Correctly decoded Chinese
# text is dominated by them; Big5 or Latin-1 bytes that happen to decode as
# GB18030 give rare characters instead, which is how such a mis-decoding is caught.
_COMMON_HANZI = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工"
    "也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物"
    "现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全"
    "表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无"
    "系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基"
    "资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取"
    "据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权"
    "收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离"
    "华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低"
    "持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历"
    "市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却"
    "专状育厂京识适属圆包火住调满县局照参红细引听该铁价严推创服优质务施围绕"
)
_MIN_HANZI_FOR_CHECK = 20
_MIN_COMMON_RATIO = 0.3


_JUNK_RE = re.compile("[\ufffd\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def junk_ratio(text: str) -> float:
    """Share of replacement, control and surrogate characters (tab/newlines excluded)."""
    sample = text[:SNIFF_BYTES]
    if not sample:
        return 0.0
    # A regex counts in C; a per-character unicodedata loop cost ~20 ms per document.
    return len(_JUNK_RE.findall(sample)) / len(sample)


def decode_plain(data: bytes, path: Path) -> DecodedText:
    """Decode a plain-text file.

    Order: a byte-order mark decides (UTF-8/16/32); otherwise NUL or many
    control bytes mean binary, unless the file reads as UTF-16 without a mark
    (:func:`_utf16_without_bom`); then strict UTF-8, strict GB18030 (a superset
    of GBK and GB2312) when the result reads like Chinese, and charset-normalizer
    as a last resort.
    """
    if not data:
        raise empty(path)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                raise UnreadableDocument(
                    path,
                    f"invalid {encoding.upper()} text",
                    "invalid_encoding",
                    encoding=encoding.upper(),
                ) from None
    if _looks_binary(data[:SNIFF_BYTES]):
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise not_text(path, "binary content")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        if _reads_like_chinese(text):
            return DecodedText(text, "gb18030")
    return _decode_guess(data, path)


def _looks_binary(sniff: bytes) -> bool:
    """NUL bytes never occur in text without a UTF-16/32 BOM; many control bytes rarely do."""
    if b"\x00" in sniff:
        return True
    controls = len(sniff) - len(sniff.translate(None, _CONTROL_BYTES))
    return controls > MAX_JUNK_RATIO * len(sniff)


# What a UTF-16 text of Chinese documents is written in: tab and newlines, ASCII, Latin-1,
# general punctuation, letterlike and number forms, arrows and maths, enclosed numbers
# (①), box drawing and shapes, CJK symbols and punctuation (、。《》), Han characters
# (bot.text.han), private use, full-width forms.
_TEXT_RANGES = re.compile(
    "[\t\n\r\x0c\x20-\x7e\xa0-\xff\u2000-\u22ff\u2460-\u25ff\u3000-\u30ff"
    f"{HAN_CLASS}\ue000-\uf8ff\uff00-\uffef]"
)
# The share of a UTF-16 reading's characters that must be text for it to be taken.
_MIN_UTF16_TEXT = 0.95


def _utf16_without_bom(data: bytes) -> DecodedText | None:
    """``data`` read as UTF-16 without a byte-order mark, if it is that: ASCII in UTF-16
    puts a NUL byte beside every character, on the odd bytes in little-endian and on the
    even ones in big-endian. The order with more NULs is tried first, then the other; a
    reading is taken when nearly all its characters are text (:data:`_TEXT_RANGES`:
    random or NUL-padded binary decodes to control characters and scattered scripts)."""
    if len(data) % 2:
        return None
    sniff = data[:SNIFF_BYTES]
    odd, even = sniff[1::2].count(0), sniff[0::2].count(0)
    orders = ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")
    for encoding in orders:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[: SNIFF_BYTES // 2]
        if sample and len(_TEXT_RANGES.findall(sample)) >= _MIN_UTF16_TEXT * len(sample):
            return DecodedText(text, encoding)
    return None


def _reads_like_chinese(text: str) -> bool:
    hanzi = han_chars(text)
    if len(hanzi) < _MIN_HANZI_FOR_CHECK:
        # Too little to judge; a strict GB18030 decode of short text is the best bet.
        return True
    common = sum(1 for ch in hanzi if ch in _COMMON_HANZI)
    return common / len(hanzi) >= _MIN_COMMON_RATIO


def _decode_guess(data: bytes, path: Path) -> DecodedText:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnreadableDocument(
            path, "unknown text encoding (not UTF-8 or GB18030)", "unknown_encoding"
        )
    text = str(best)
    if junk_ratio(text) > MAX_JUNK_RATIO:
        raise not_text(path, "undecodable content")
    try:
        encoding = codecs.lookup(best.encoding).name
    except LookupError:
        encoding = best.encoding
    return DecodedText(text, encoding)
