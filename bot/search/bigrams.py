"""Per-passage signatures of character bigrams: which passages cannot hold a text.

A phrase check asks whether a passage's normalised text holds a string (``bytes.find``
on the mapped text). A passage holding ``abcd`` holds each of its bigrams ``ab``, ``bc``,
``cd``; so when a passage's signature lacks one of them, the text cannot be there and is
not read. The signature is a Bloom filter: every bigram of the passage sets
:data:`HASHES` bits of a bit array sized to the passage (:data:`BITS_PER_BIGRAM` bits a
bigram, rounded up to a power of two), so it never says "absent" of a text that is
present (answers stay exact: the texts it lets through are still read), and says
"maybe" of an absent bigram a few times in a hundred.

Why this and not positions of terms: the phrase semantics are the text's (a word found
inside a longer word, across the segmenter's boundaries), which term positions would
change; and bigram signatures cost ~1.4 bytes a character of text, built in one pass
over the texts already in hand.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

BITS_PER_BIGRAM = 8
HASHES = 2
CHUNK_CHARS = 1 << 18  # characters of passages signed at a time (~10 MB of work arrays)
_CODE_SPAN = np.uint64(0x110000)  # code points are below this
_MULT = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: high bits mix every input bit
_SHIFTS = (np.uint64(40), np.uint64(16))  # one hash each, from different bits of the product
# The same constants as Python integers, for needles (see needle_hashes).
_SPAN, _MULT_INT, _SHIFTS_INT = int(_CODE_SPAN), int(_MULT), tuple(int(s) for s in _SHIFTS)
_MASK64 = (1 << 64) - 1
_SIX, _LOW6 = np.uint64(6), np.uint64(63)
assert HASHES == len(_SHIFTS) == 2  # may_hold tests the two bits of a bigram as a pair


def _codes(text: str) -> np.ndarray:
    """The code points of ``text`` (UTF-32, so a character is one element)."""
    return np.frombuffer(text.encode("utf-32-le"), dtype="<u4").astype(np.uint64)


def _hashes(first: np.ndarray, second: np.ndarray) -> list[np.ndarray]:
    """:data:`HASHES` 64-bit hashes of each bigram (``first[i]``, ``second[i]``)."""
    product = (first * _CODE_SPAN + second) * _MULT  # wraps modulo 2**64 on purpose
    return [product >> s for s in _SHIFTS]


@lru_cache(maxsize=4096)
def needle_hashes(needle: bytes, known: tuple[str, ...] = ()) -> np.ndarray:
    """The hashes of the bigrams of ``needle`` (UTF-8), one row of :data:`HASHES` per
    bigram, without those inside one of the ``known`` strings (words every passage
    checked holds anyway, which would rule nothing out: the bigrams where two words meet
    decide). No rows for a single character. The same values as :func:`_hashes`, computed on
    Python integers: a needle has a few bigrams, and numpy's fixed cost per call was most
    of a phrase check's. Memoised (read-only arrays): a query's phrases are checked
    several times."""
    text = needle.decode("utf-8")
    inside = {w[i : i + 2] for w in known for i in range(len(w) - 1)}
    rows: list[list[int]] = []
    for i in range(len(text) - 1):
        pair = text[i : i + 2]
        if pair in inside:
            continue
        inside.add(pair)  # each bigram once
        product = ((ord(pair[0]) * _SPAN + ord(pair[1])) * _MULT_INT) & _MASK64
        rows.append([product >> s for s in _SHIFTS_INT])
    hashes = np.asarray(rows, dtype=np.uint64).reshape(-1, HASHES)
    hashes.flags.writeable = False
    return hashes


def signature_words(n_chars: np.ndarray) -> np.ndarray:
    """64-bit words of the signature of passages of ``n_chars`` characters: a power of
    two (so a bit is a hash masked, no division), at least one."""
    bits = np.maximum(n_chars.astype(np.int64) - 1, 1) * BITS_PER_BIGRAM
    words = np.ceil(bits / 64).astype(np.int64)
    return (1 << np.ceil(np.log2(words)).astype(np.int64)).astype(np.int64)


def signatures(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(words per passage, the signatures' words concatenated as uint64) of ``texts``
    (one document's passages, normalised), computed :data:`CHUNK_CHARS` characters of
    passages at a time: the work arrays take ~40 bytes a character, so a very long
    document must not be done in one go (the build's memory goal)."""
    parts: list[tuple[np.ndarray, np.ndarray]] = []
    lo, size = 0, 0
    for hi, text in enumerate(texts, 1):
        size += len(text)
        if size >= CHUNK_CHARS or hi == len(texts):
            parts.append(_signatures(texts[lo:hi]))
            lo, size = hi, 0
    if not parts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype="<u8")
    return np.concatenate([w for w, _ in parts]), np.concatenate([p for _, p in parts])


def _signatures(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """:func:`signatures` of a few passages, all at once."""
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    words = signature_words(lengths)
    starts = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(words, out=starts[1:])
    bits = np.zeros(int(starts[-1]) * 64, dtype=bool)
    codes = _codes("".join(texts))
    if codes.size > 1:
        passage = np.repeat(np.arange(len(texts)), lengths)
        inside = passage[:-1] == passage[1:]  # a bigram does not straddle two passages
        owner = passage[:-1][inside]
        mask = (words[owner] * 64 - 1).astype(np.uint64)
        base = starts[owner] * 64
        for h in _hashes(codes[:-1][inside], codes[1:][inside]):
            bits[base + (h & mask).astype(np.int64)] = True
    packed = np.packbits(bits, bitorder="little").view("<u8")
    return words, packed


def may_hold(
    sig: np.ndarray, masks: np.ndarray, offsets: np.ndarray, pids: np.ndarray, hashes: np.ndarray
) -> np.ndarray:
    """For each of ``pids``, False when its signature (words ``offsets[p]`` on of ``sig``,
    ``masks[p] + 1`` bits) proves it lacks one of the bigrams of ``hashes`` (rows of
    :func:`needle_hashes`), else True (maybe: read the text). One bigram at a time over
    the passages still in doubt: the first bigram where two words meet usually rules out
    nearly all. Written for few numpy calls: on a few hundred passages their fixed cost
    (~1 µs each) is most of the time."""
    at = np.asarray(pids, dtype=np.intp)
    if not hashes.size or not at.size:
        return np.ones(at.size, dtype=bool)
    alive = np.arange(at.size)
    mask = masks[at][:, None]
    base = (offsets[at].astype(np.uint64) << _SIX)[:, None]  # the signature's first bit
    for row in hashes:
        bit = base + (row & mask)  # the bits' numbers in all of ``sig``
        word = sig[(bit >> _SIX).astype(np.intp)] >> (bit & _LOW6)
        held = (word[:, 0] & word[:, 1] & np.uint64(1)).astype(bool)
        alive, mask, base = alive[held], mask[held], base[held]
        if not alive.size:
            break
    out = np.zeros(at.size, dtype=bool)
    out[alive] = True
    return out


def holders(
    sig: np.ndarray, masks: np.ndarray, bases: np.ndarray, hashes: np.ndarray
) -> np.ndarray:
    """The ids of the passages (all of them: ``masks`` and ``bases``, the signatures'
    first bits, are per passage) that :func:`may_hold` the bigrams of ``hashes``,
    ascending: the same passages as ``np.flatnonzero(may_hold(..., np.arange(n), ...))``
    with no gather of every passage's offsets and masks first, and one hash at a time
    (a 2-D array of every passage's bits cost as much again). For a test of every
    passage: ~2.5 times as fast at 174,000 passages."""
    alive: np.ndarray | None = None
    for row in hashes:
        mask = masks if alive is None else masks[alive]
        base = bases if alive is None else bases[alive]
        held = np.ones(mask.size, dtype=bool)
        for h in row:
            bit = np.bitwise_and(mask, h)
            bit += base
            word = sig[(bit >> _SIX).astype(np.intp)]
            word >>= bit & _LOW6
            held &= (word & np.uint64(1)).astype(bool)
        alive = np.flatnonzero(held) if alive is None else alive[held]
        if not alive.size:
            break
    return np.arange(masks.size) if alive is None else alive
