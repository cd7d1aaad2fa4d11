"""Chinese segmentation for indexing and queries.

jieba's dictionary and user-dictionary behaviour are the reference. The bulk work
is done by rjieba (a Rust port with the same dictionary and HMM), which yields the
same tokens on CJK text and is ~20x faster. The two differ only in how they split
runs of ASCII letters/digits/punctuation ("x.xx" vs "x" "." "xx"), so every token
goes through :func:`index_terms`, which re-splits non-CJK runs the same way for
both; the test suite checks the two agree on the bundled corpus.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from bot.text.han import HAN_CLASS, has_han
from bot.text.normalize import NORMALIZER_VERSION, normalize

# Bump when token rules change: persisted indexes are rebuilt.
# 2: a Han character is any ideograph block (bot.text.han), extensions B-I too.
TOKENIZER_VERSION = "2"

_CJK_RE = re.compile(f"^[{HAN_CLASS}]+$")
# Non-CJK tokens contribute letter runs and numbers (decimals kept whole).
_ASCII_PIECES_RE = re.compile(r"[a-z]+|\d+(?:\.\d+)?")

# Function words that carry no topic; dropping them keeps postings small.
STOPWORDS = frozenset("的了和与及是在等为对把将以之其并而或也于由着这那就都又被所从向让")


def is_cjk_word(token: str) -> bool:
    return bool(_CJK_RE.match(token))


def has_cjk(text: str) -> bool:
    return has_han(text)


class _CjkMemo(dict):
    """token -> whether it is an index term (a CJK word, not a stop word), computed on
    first sight, so the filter over a passage's tokens runs in C (``filter`` on
    ``__getitem__``): a Python loop per token was a tenth of the index build's own time."""

    def __missing__(self, tok: str) -> bool:
        ok = tok not in STOPWORDS and bool(_CJK_RE.match(tok))
        if len(self) < 500_000:  # bounded: a memo, not a leak
            self[tok] = ok
        return ok


_CJK_MEMO = _CjkMemo()


def cjk_terms(tokens: Iterable[str]) -> Iterator[str]:
    """The CJK words among raw segmenter tokens, minus stop words."""
    return filter(_CJK_MEMO.__getitem__, tokens)


def ascii_terms(normalized_text: str) -> list[str]:
    """Letter runs and numbers of normalised text, found by pattern rather than by the
    segmenter, because jieba and rjieba split such runs differently."""
    return _ASCII_PIECES_RE.findall(normalized_text)


def index_terms(tokens: Iterable[str], normalized_text: str) -> list[str]:
    """Index terms (a bag: order carries no meaning) of text and its segmenter tokens."""
    return [*cjk_terms(tokens), *ascii_terms(normalized_text)]


@dataclass(frozen=True)
class UserDictEntry:
    word: str
    freq: int | None
    tag: str | None


def read_user_dict(paths: Iterable[Path]) -> list[UserDictEntry]:
    """Parse jieba-format user dictionaries (``word [freq] [tag]``), skipping comments."""
    entries: list[UserDictEntry] = []
    for path in paths:
        for raw in path.read_text(encoding="utf-8-sig").splitlines():
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split()
            word = normalize(parts[0])
            freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
            tag = parts[2] if len(parts) > 2 else None
            entries.append(UserDictEntry(word, freq, tag))
    return entries


_DEFAULT_TAKEN = False
_DEFAULT_LOCK = threading.Lock()


def _base_segmenter():
    """An rjieba segmenter with jieba's dictionary alone, for one tokenizer's own words.

    ``import rjieba`` already loads one, the module's default behind ``rjieba.cut``
    (``rjieba._DEFAULT_JIEBA``), which nothing of the project uses: the first tokenizer
    of the process takes it rather than loading the dictionary again (0.16 s of CPU, a
    third of a reopened index's first query). It then holds that tokenizer's user words,
    so ``rjieba.cut`` must not be used for jieba's dictionary alone; every later
    tokenizer (and the long words' pieces) makes its own."""
    import rjieba

    global _DEFAULT_TAKEN
    with _DEFAULT_LOCK:
        default = getattr(rjieba, "_DEFAULT_JIEBA", None)
        if not _DEFAULT_TAKEN and default is not None:
            _DEFAULT_TAKEN = True
            return default
    return rjieba.Jieba()


class Tokenizer:
    """Segmenter with the project's user dictionary loaded into rjieba (and jieba lazily)."""

    def __init__(self, user_dict_paths: Iterable[Path] = ()) -> None:
        self.user_dict_paths = [Path(p) for p in user_dict_paths]
        self.entries = read_user_dict(p for p in self.user_dict_paths if p.is_file())

    @cached_property
    def _user_subwords(self) -> dict[str, list[str]]:
        """Base-dictionary pieces of long user-dictionary words.

        A user word such as 绿色低碳高质量发展先行区 is one token, and search mode
        only adds its in-dictionary 2/3-character parts, so 先行区 would be
        unfindable. Indexing the base segmentation too keeps every part reachable.
        They are cut by :attr:`_rj`'s segmenter before the user words go into it.
        """
        self._rj  # noqa: B018 - cuts them
        return self._base_pieces

    def _cut_base_pieces(self, base) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for e in self.entries:
            if len(e.word) >= 4 and is_cjk_word(e.word):
                out[e.word] = [w for w in base.cut(e.word) if w != e.word]
        return out

    def expand_user_words(self, tokens: Iterable[str]) -> list[str]:
        """``tokens`` plus the base pieces of any long user-dictionary word among them."""
        tokens = list(tokens)
        subwords = self._user_subwords
        if subwords.keys().isdisjoint(tokens):  # the usual case, checked in C
            return tokens
        extra = [piece for tok in tokens if tok in subwords for piece in subwords[tok]]
        return [*tokens, *extra] if extra else tokens

    @cached_property
    def _rj(self):
        # Loading the dictionary takes a moment; opening an index must not pay for it.
        rj = _base_segmenter()
        # The long words' pieces need jieba's dictionary alone: cut while it is (a few
        # dozen words, under a millisecond) rather than in a dictionary loaded again
        # for them (0.15 s and ~24 MB of a build).
        self._base_pieces = self._cut_base_pieces(rj)
        for e in self.entries:
            rj.add_word(e.word, e.freq, e.tag)
        return rj

    @cached_property
    def fingerprint(self) -> str:
        """Changes whenever segmentation output could change."""
        h = hashlib.sha256()
        h.update(f"tok{TOKENIZER_VERSION}|norm{NORMALIZER_VERSION}|".encode())
        from importlib.metadata import version

        h.update(f"rjieba {version('rjieba')}|".encode())
        for e in self.entries:
            h.update(f"{e.word}\t{e.freq}\t{e.tag}\n".encode())
        return h.hexdigest()[:16]

    def load(self) -> Tokenizer:
        """Load the segmenter (and the long user words' pieces, cut with it) now rather
        than on first use; returns self."""
        self._rj  # noqa: B018 - loads the segmenter
        return self

    def has_word(self, word: str) -> bool:
        """Whether ``word`` is in the segmenter's dictionary (jieba's, with the user
        words): a word typed right, not a typo to offer look-alikes for."""
        return bool(self._rj.has_word(word))

    def cut(self, normalized_text: str) -> list[str]:
        """Precise-mode tokens (for queries)."""
        return self._rj.cut(normalized_text)

    def cut_for_search(self, normalized_text: str) -> list[str]:
        """Search-mode tokens: words plus their in-dictionary sub-words (for indexing)."""
        return self._rj.cut_for_search(normalized_text)

    def terms(self, normalized_text: str) -> list[str]:
        """Index terms of normalised text."""
        tokens = self.expand_user_words(self._rj.cut_for_search(normalized_text))
        return index_terms(tokens, normalized_text)

    def reference_jieba(self):  # pragma: no cover - used by tests and benchmarks
        """A jieba.Tokenizer with the same user dictionary (the reference implementation)."""
        import jieba

        tk = jieba.Tokenizer()
        for e in self.entries:
            tk.add_word(e.word, e.freq, e.tag)
        return tk
