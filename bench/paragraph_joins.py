"""List the paragraphs the parser makes out of more than one line, per document.

A paragraph with a line break inside was joined by :func:`bot.corpus.parse._paragraphs`
(the earlier line stopped without sentence punctuation). In a text written one
paragraph per line each such join is suspect: a title run into its addressee, a task
item ending with its owner note run into the next item. Texts the loader reflows
(:func:`bot.corpus.layout.reflow_wrapped`) are marked ``reflowed``.

    python -m bench.paragraph_joins FILE_OR_DIR ... [--max-lines N]

Never pass the test split of ``tests/data/real/docs`` (see ``--exclude``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.corpus.parse import _paragraphs, has_markdown_headings, is_hard_wrapped, reflow_wrapped
from bot.text.normalize import fold_figures


def joined_paragraphs(text: str) -> tuple[bool, list[list[str]]]:
    """(reflowed, lines of every paragraph made of more than one line) as the loader sees it."""
    text = fold_figures(text)
    wrapped = is_hard_wrapped(text)
    text = reflow_wrapped(text)
    allow_plain = not has_markdown_headings(text)
    out = []
    for para in _paragraphs(text, allow_plain=allow_plain):
        body = text[para.start : para.end]
        if "\n" in body:
            out.append([line.strip() for line in body.split("\n") if line.strip()])
    return wrapped, out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--exclude", action="append", default=[], help="stem to skip")
    ap.add_argument("--max-lines", type=int, default=4)
    ap.add_argument("--summary", action="store_true", help="counts only")
    args = ap.parse_args()
    files: list[Path] = []
    for p in args.paths:
        files.extend(sorted(p.glob("*.txt")) + sorted(p.glob("*.md")) if p.is_dir() else [p])
    for f in files:
        if any(x in f.name for x in args.exclude):
            continue
        wrapped, paras = joined_paragraphs(f.read_text(encoding="utf-8", errors="replace"))
        print(f"== {f} reflowed={wrapped} joined={len(paras)}")
        if args.summary:
            continue
        for lines in paras:
            shown = lines[: args.max_lines]
            cut = [s[-40:] if i < len(shown) - 1 else s[:40] for i, s in enumerate(shown)]
            print("  --", " ⏎ ".join(cut))


if __name__ == "__main__":
    main()
