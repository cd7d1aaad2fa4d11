"""Key targets on the same documents written another way.

Users' documents do not all come one paragraph per line: PDF text layers are wrapped
at a width, web pages put blank lines between paragraphs or write figures in full
width, some texts put every sentence on a line of its own. This runs the extractor on
the real documents (a split of ``tests/data/real``) as they are and rewritten each
way, and prints how many records survive unchanged: the same figure (value and unit)
and the same name, kind, year and region.

    python -m bench.robustness [--split dev|test|all]

The gold is not used: the documents as written are the reference, so the test split
can be run without looking at any of its errors.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from bench.eval_targets import MAX_BYTES, PASSAGE_MAX_CHARS, predict
from bench.real_gold import REAL_DOCS, load_meta, split_docs
from bot.corpus.loader import load_document
from bot.targets.indicators import IndicatorTable

_FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


def _wrap(width: int) -> Callable[[str], str]:
    def wrap(text: str) -> str:
        out: list[str] = []
        for line in text.split("\n"):
            if len(line) > width and "\t" not in line:  # tables stay rows
                out.extend(line[i : i + width] for i in range(0, len(line), width))
            else:
                out.append(line)
        return "\n".join(out)

    return wrap


REWRITES: dict[str, Callable[[str], str]] = {
    "wrapped at 40 characters (a PDF text layer)": _wrap(40),
    "wrapped at 60 characters": _wrap(60),
    "blank line between paragraphs": lambda t: t.replace("\n", "\n\n"),
    "full-width digits and ％": lambda t: t.translate(_FULL_WIDTH),
    "one sentence per line": lambda t: re.sub(r"。(?=[^\n])", "。\n", t),
    "indented with ideographic spaces": lambda t: "\n".join(
        "\u3000\u3000" + line if line.strip() else line for line in t.split("\n")
    ),
    "CRLF line ends": lambda t: t.replace("\n", "\r\n"),
    "ASCII punctuation (, ; : ( ))": lambda t: t.translate(str.maketrans("，；：（）", ",;:()")),
}


def _records(root: Path, names: Sequence[str], table: IndicatorTable) -> Counter:
    docs = [
        load_document(root / n, root, max_bytes=MAX_BYTES, passage_max_chars=PASSAGE_MAX_CHARS)
        for n in names
    ]
    return Counter(
        (r["doc"], r["value"], r["unit"], r["indicator"], r["kind"], r["year"], r["region"])
        for r in predict(docs, table)
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    args = ap.parse_args(argv)
    meta = load_meta()
    names = split_docs(meta, args.split)
    table = IndicatorTable.load()
    reference = _records(REAL_DOCS, names, table)
    figures = Counter()
    for key, n in reference.items():
        figures[key[:3]] += n
    total = sum(reference.values())
    print(f"{len(names)} documents ({args.split}), {total} records as written")
    print(f"{'rewritten':<46} {'records':>8} {'figures kept':>13} {'unchanged':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for label, rewrite in REWRITES.items():
            for n in names:
                text = (REAL_DOCS / n).read_text(encoding="utf-8")
                (root / n).write_bytes(rewrite(text).encode("utf-8"))
            got = _records(root, names, table)
            got_figures = Counter()
            for key, n in got.items():
                got_figures[key[:3]] += n
            kept = sum((figures & got_figures).values())
            same = sum((reference & got).values())
            print(f"{label:<46} {sum(got.values()):>8} {kept / total:>12.1%} {same / total:>10.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
