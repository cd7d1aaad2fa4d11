"""Worst-case search messages: long runs of homophone typos of the corpus's own words.

Issue 14 (#1): a 200-character message of one four-character homophone typo repeated
fifty times cost 3 to 7 s of typo correction, and changing one character defeated the
cache. The correction now tries a text once however often it is typed, so the costliest
message is one of *different* typos: each is a word of the index with one character
swapped for a common character of the same reading (乡村振兴 → 乡村振星), run
together without spaces so that the whole message is one part of the query.

Usage (prints each message's cost with and without the budget)::

    .venv/bin/python -m bench.adversary [--corpus corpus] [--n 5]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.text.pinyin import first_syllables  # noqa: E402


def homophone_typos(terms: Sequence[str], rng: random.Random, *, size: int = 4) -> list[str]:
    """One typo per ``size``-character term: a character swapped for another of the
    same most common reading, taken from the terms themselves (so a common one)."""
    by_sound: dict[str, list[str]] = {}
    for term in terms:
        for ch, syl in zip(term, first_syllables(term), strict=True):
            group = by_sound.setdefault(syl, [])
            if ch not in group:
                group.append(ch)
    known = set(terms)
    out: list[str] = []
    for term in terms:
        if len(term) != size:
            continue
        i = rng.randrange(size)
        others = [c for c in by_sound.get(first_syllables(term[i])[0], ()) if c != term[i]]
        if not others:
            continue
        typo = term[:i] + rng.choice(others) + term[i + 1 :]
        if typo not in known:
            out.append(typo)
    return out


def adversarial_messages(
    terms: Sequence[str], *, count: int, chars: int = 200, seed: int = 14
) -> list[str]:
    """``count`` messages of ``chars`` characters, each a run of different typos."""
    rng = random.Random(seed)
    typos = homophone_typos(sorted(terms), rng)
    rng.shuffle(typos)
    if not typos:
        raise ValueError("no four-character terms to make typos of")
    out = []
    k = 0
    for _ in range(count):
        text = ""
        while len(text) < chars:
            text += typos[k % len(typos)]
            k += 1
        out.append(text[:chars])
    return out


def main(argv: list[str] | None = None) -> int:
    from bot.config import get_settings
    from bot.library import Engine
    from bot.search.budget import UNLIMITED, Budget

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--n", type=int, default=5, help="messages")
    ap.add_argument("--chars", type=int, default=200)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        settings = get_settings(
            data_dir=Path(tmp), corpus_dir=args.corpus, max_query_chars=max(200, args.chars)
        )
        engine = Engine.open(settings)
        engine.search("乡村振兴")
        terms = engine.searcher.lexicon.terms
        messages = adversarial_messages(terms, count=args.n, chars=args.chars)
        for text in messages:
            row = []
            for label, budget in (("budget", Budget()), ("unlimited", Budget(UNLIMITED))):
                engine.searcher.clear_memo()
                t = time.perf_counter()
                resp = engine.search(text, budget=budget)
                row.append(
                    f"{label} {time.perf_counter() - t:6.3f} s {budget.used} "
                    f"cut={budget.exhausted} notes={[n.code for n in resp.notes]}"
                )
            print(text[:24] + "…")
            for line in row:
                print("   ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
