"""Key targets on the same text in the layouts users' files really come in: a metamorphic
check that needs no gold.

A user's document is rarely the clean one-paragraph-per-line text of
``tests/data/real/docs``: it is a PDF's text layer (lines cut at 30–45 characters inside
words and figures, a running header and a page number such as ``— 12 —`` between
pages), a copy of a web page (every line indented with full-width spaces, a blank line
between paragraphs, stray ``&nbsp;``), a Word export (bullets, numbered headings on
lines of their own, CRLF line ends), full-width figures and letters (``５．５％``,
``ＧＤＰ``), a table's rows with their cells apart by runs of spaces. A fault in reading
one such layout spoils every record of a document (``probes-round27b``: a bulletin of
tables reflowed as prose, precision 0.28), the worst a user can meet.

For each dev real document (never the test split's: :func:`documents` refuses them by
the split list ``bench.eval_targets --real`` uses) and the bundled corpus, this renders
the clean text in each layout of :data:`LAYOUTS` (pure functions of the text, seeded by
the file name, so every run writes the same files), writes it to a file and loads it
through :func:`bot.corpus.uploads.read_upload` (the path a user's upload takes: reader,
figure folding, reflow, passages), extracts the records and compares them with the
clean text's: per layout, the records kept identical (value, unit, indicator, kind,
year, qualifier, change, region), lost, added and changed (a clean record and a layout
record of the same figure paired, and which fields differ).

    python -m bench.layout_invariance [--layouts a,b] [--docs dev|bundled|both|probes] [-v]
    python -m bench.layout_invariance --dump DIR   # the rendered texts, to look at
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # also runnable as `python bench/layout_invariance.py`
    sys.path.insert(0, str(ROOT))

from bench.eval_targets import MAX_BYTES, PASSAGE_MAX_CHARS  # noqa: E402
from bench.real_gold import REAL_DOCS, load_meta  # noqa: E402
from bot.corpus.uploads import read_upload  # noqa: E402
from bot.targets import IndicatorTable, extract_targets  # noqa: E402

BUNDLED = ROOT / "corpus"
PROBES = ROOT / "tests" / "data" / "probes"
# What a record is, for this check: the figure and everything said of it. The sentence
# and section are left out: a layout may cut a sentence differently without changing
# what is read from it.
FIELDS = ("indicator", "kind", "year", "qualifier", "change", "region")
FIGURE = ("value", "value_max", "unit")

Layout = Callable[[str, random.Random], str]


# --- layouts: each a pure function of the clean text and a seeded generator -------------

_HEADING_RE = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇\d]+[编篇章节部]|[一二三四五六七八九十]+、|"
    r"[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.．、](?!\d))"
)
_FULL = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}
_FULL_FIGURES = str.maketrans(
    {c: _FULL[c] for c in "0123456789.%" + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"}
)


def _paragraphs(text: str) -> list[str]:
    return text.split("\n")


def _is_row(line: str) -> bool:
    return "\t" in line


def _wrap_lines(line: str, width: int, indent: str) -> list[str]:
    """A paragraph as a PDF lays it out: its first line indented, every line ``width``
    characters, cut wherever the width falls (inside a word, inside 5.5%)."""
    s = indent + line
    return [s[i : i + width] for i in range(0, len(s), width)] or [""]


def _pages(lines: list[str], rng: random.Random, header: str | None) -> list[str]:
    """Page breaks every 35–45 lines: a page number (``— 12 —``, ``-3-``, ``第 4 页``)
    at each page's foot, and a running header at each new page's top."""
    style = rng.choice(("— {} —", "-{}-", "- {} -", "{}", "第 {} 页"))
    out: list[str] = []
    page, count, size = 1, 0, rng.randint(35, 45)
    for line in lines:
        out.append(line)
        count += 1
        if count >= size:
            out.append(style.format(page))
            page += 1
            if header:
                out.append(header)
            count, size = 0, rng.randint(35, 45)
    return out


def _title(text: str) -> str:
    first = next((s.strip() for s in text.split("\n") if s.strip()), "")
    return first[:30]


def _row_with_spaces(line: str, rng: random.Random) -> str:
    gap = rng.choice(("  ", "   ", "    ", "\u3000\u3000", " \u3000 "))
    return gap.join(cell.strip() for cell in line.split("\t"))


def pdf_wrapped(text: str, rng: random.Random) -> str:
    """A PDF's text layer: each paragraph indented by two full-width spaces and cut at a
    width of 30–45 characters; table rows kept as rows, cells apart by spaces."""
    width = rng.randint(30, 45)
    return "\n".join(_set_lines(text, rng, width, _wrap_lines, "\u3000\u3000")) + "\n"


def _set_lines(
    text: str,
    rng: random.Random,
    width: int,
    wrap: Callable[[str, int, str], list[str]],
    indent: str,
    *,
    headings: bool = True,
) -> list[str]:
    """The lines a PDF's text layer sets: each paragraph cut by ``wrap`` at ``width`` after
    ``indent``; table rows kept as rows, cells apart by spaces; a markdown heading, and with
    ``headings`` a numbered heading that fits the width, a line of its own."""
    lines: list[str] = []
    for line in _paragraphs(text):
        if not line.strip():
            continue
        if _is_row(line):
            lines.append(_row_with_spaces(line, rng))
        elif line.startswith("#") or (headings and _HEADING_RE.match(line) and len(line) <= width):
            lines.append(line)
        else:
            lines.extend(wrap(line, width, indent))
    return lines


def _wrap_display(line: str, width: int, indent: str) -> list[str]:
    """A paragraph cut as a PDF sets it: by printed width, a figure's or a Latin word's
    half-width characters two to a full-width one's place, so lines holding figures
    hold more characters than lines of Han text."""
    s = indent + line
    out: list[str] = []
    cur, used = "", 0
    for ch in s:
        w = 1 if ch.isascii() else 2
        if used + w > 2 * width:
            out.append(cur)
            cur, used = "", 0
        cur += ch
        used += w
    out.append(cur)
    return out


def pdf_ragged(text: str, rng: random.Random) -> str:
    """:func:`pdf_pages`, its lines cut by printed width (:func:`_wrap_display`)."""
    width = rng.randint(30, 45)
    lines = _set_lines(text, rng, width, _wrap_display, "\u3000\u3000")
    header = _title(text) if rng.random() < 0.7 else None
    return "\n".join(_pages(lines, rng, header)) + "\n"


def pdf_pages(text: str, rng: random.Random) -> str:
    """:func:`pdf_wrapped` with page numbers and a running header between pages."""
    lines = pdf_wrapped(text, rng).rstrip("\n").split("\n")
    header = _title(text) if rng.random() < 0.7 else None
    return "\n".join(_pages(lines, rng, header)) + "\n"


def pdf_plain(text: str, rng: random.Random) -> str:
    """A PDF's text layer cut at 30–45 characters without indentation, a blank line
    between pages and the page number alone."""
    width = rng.randint(30, 45)
    lines = _set_lines(text, rng, width, _wrap_lines, "", headings=False)
    out: list[str] = []
    for k, line in enumerate(lines, 1):
        out.append(line)
        if k % 40 == 0:
            out.extend(("", f"- {k // 40} -", ""))
    return "\n".join(out) + "\n"


def web_copy(text: str, rng: random.Random) -> str:
    """A web page copied as text: every line indented by full-width spaces, a blank line
    after every paragraph and table row, ``&nbsp;`` left here and there, table cells apart
    by spaces."""
    out: list[str] = []
    for line in _paragraphs(text):
        if not line.strip():
            continue
        if _is_row(line):
            out.extend((_row_with_spaces(line, rng), ""))
            continue
        s = "\u3000\u3000" + line
        r = rng.random()
        if r < 0.1:
            s = "&nbsp;&nbsp;" + line
        elif r < 0.15:
            s = s + "&nbsp;"
        out.append(s)
        out.append("")
    return "\n".join(out)


def word_export(text: str, rng: random.Random) -> str:
    """A Word document saved as text: CRLF line ends, a numbered heading run into its
    paragraph (``（一）坚持稳中求进。全年…``) put on a line of its own, list items
    (paragraphs under a heading, shorter than 120 characters) opened by a bullet."""
    bullet = rng.choice(("●", "•", "■", "◆", "▪", "·"))
    out: list[str] = []
    for line in _paragraphs(text):
        m = _HEADING_RE.match(line)
        if m and "。" in line[:60] and not _is_row(line):
            cut = line.index("。") + 1
            if cut < len(line):
                out.extend((line[:cut], line[cut:]))
                continue
        if (
            line.strip()
            and not m
            and not _is_row(line)
            and 15 <= len(line) < 120
            and "。" in line
            and rng.random() < 0.3
        ):
            out.append(bullet + " " + line)
            continue
        out.append(line)
    return "\r\n".join(out)


def full_width(text: str, rng: random.Random) -> str:
    """Digits, Latin letters, ``.`` and ``%`` in full width (``５．５％``, ``ＧＤＰ``)."""
    return text.translate(_FULL_FIGURES)


def spaced_tables(text: str, rng: random.Random) -> str:
    """Table rows copied from a web page or a PDF: cells apart by runs of spaces."""
    return "\n".join(
        _row_with_spaces(line, rng) if _is_row(line) else line for line in _paragraphs(text)
    )


def pdf_full_width(text: str, rng: random.Random) -> str:
    """A PDF of full-width figures, with pages: :func:`pdf_pages` over :func:`full_width`."""
    return pdf_pages(full_width(text, rng), rng)


LAYOUTS: dict[str, Layout] = {
    "pdf_wrapped": pdf_wrapped,
    "pdf_pages": pdf_pages,
    "pdf_plain": pdf_plain,
    "pdf_full_width": pdf_full_width,
    "pdf_ragged": pdf_ragged,
    "web_copy": web_copy,
    "word_export": word_export,
    "full_width": full_width,
    "spaced_tables": spaced_tables,
}


def render(layout: str, text: str, name: str) -> str:
    """``text`` in ``layout``, the same every run for the same file name."""
    rng = random.Random(zlib.crc32(f"{layout}:{name}".encode()))
    return LAYOUTS[layout](text, rng)


# --- documents ------------------------------------------------------------------------


def documents(which: str) -> list[Path]:
    """The clean texts to render: dev real documents, the bundled corpus, both, or the
    probe sets' documents. The test split is never read: its names are refused by
    ``docs.toml``'s split list."""
    paths: list[Path] = []
    if which in ("dev", "both"):
        meta = load_meta()
        paths += [REAL_DOCS / n for n in sorted(meta) if meta[n].get("split") == "dev"]
    if which in ("bundled", "both"):
        paths += sorted(BUNDLED.glob("*.txt"))
    if which == "probes":  # the invented probe sets: short documents of every kind
        paths += sorted(PROBES.glob("*/docs/*.txt"))
    return [refuse_test(p) for p in paths]


def refuse_test(path: Path) -> Path:
    meta = load_meta()
    if (
        path.parent.resolve() == REAL_DOCS.resolve()
        and meta.get(path.name, {}).get("split") != "dev"
    ):
        raise SystemExit(f"refused: {path.name} is not a dev document")
    return path


# --- records and their comparison -----------------------------------------------------

Rec = dict


def records_of(path: Path, table: IndicatorTable) -> list[Rec]:
    """The records of a file loaded as an upload is."""
    doc = read_upload(path, max_bytes=MAX_BYTES, passage_max_chars=PASSAGE_MAX_CHARS)
    return [r.to_dict() for r in extract_targets(doc, table)]


def _figure(r: Rec) -> tuple:
    return tuple(r.get(k) for k in FIGURE)


def _whole(r: Rec) -> tuple:
    return _figure(r) + tuple(r.get(k) for k in FIELDS)


@dataclass
class Diff:
    clean: int = 0
    identical: int = 0
    lost: int = 0
    added: int = 0
    changed: int = 0
    fields: Counter = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    def add(self, other: Diff) -> None:
        self.clean += other.clean
        self.identical += other.identical
        self.lost += other.lost
        self.added += other.added
        self.changed += other.changed
        self.fields.update(other.fields)
        self.examples += other.examples


def compare(clean: Sequence[Rec], got: Sequence[Rec], *, examples: int = 0) -> Diff:
    """Identical records one to one; of the rest, a clean and a layout record of the same
    figure (value, unit) are the same figure read differently (changed, and in which
    fields); what is left is lost (clean only) or added (layout only)."""
    same = Counter(map(_whole, clean)) & Counter(map(_whole, got))
    d = Diff(clean=len(clean), identical=sum(same.values()))
    left_a, left_b = Counter(same), Counter(same)
    rest_a = [r for r in clean if _take(left_a, r)]
    rest_b = [r for r in got if _take(left_b, r)]
    by_fig: dict[tuple, list[Rec]] = {}
    for r in rest_b:
        by_fig.setdefault(_figure(r), []).append(r)
    for r in rest_a:
        pool = by_fig.get(_figure(r))
        if pool:
            # the layout record most like this one (most fields agreeing)
            best = max(pool, key=lambda o: sum(o.get(k) == r.get(k) for k in FIELDS))
            pool.remove(best)
            d.changed += 1
            diff = [k for k in FIELDS if best.get(k) != r.get(k)]
            d.fields.update(diff)
            if len(d.examples) < examples:
                d.examples.append(
                    f"changed {r['value_text']}{r['unit']} "
                    + "; ".join(f"{k}: {r.get(k)!r} -> {best.get(k)!r}" for k in diff)
                    + f"  | {r['sentence'][:60]}"
                )
        else:
            d.lost += 1
            if len(d.examples) < examples:
                d.examples.append(
                    f"lost {r['indicator']} {r['value_text']}{r['unit']}  | {r['sentence'][:60]}"
                )
    for pool in by_fig.values():
        d.added += len(pool)
        for r in pool[: max(0, examples - len(d.examples))]:
            d.examples.append(
                f"added {r['indicator']} {r['value_text']}{r['unit']}  | {r['sentence'][:60]}"
            )
    return d


def _take(same: Counter, r: Rec) -> bool:
    """Whether ``r`` is left over once the identical ones are matched (consumes one)."""
    key = _whole(r)
    if same[key] > 0:
        same[key] -= 1
        return False
    return True


# --- the run --------------------------------------------------------------------------


def run(
    paths: Sequence[Path], layouts: Sequence[str], *, verbose: int, dump: Path | None = None
) -> dict[str, dict[str, Diff]]:
    """Per layout, per document: the comparison with the clean text's records."""
    table = IndicatorTable.load()
    out: dict[str, dict[str, Diff]] = {name: {} for name in layouts}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for path in paths:
            clean_text = path.read_text(encoding="utf-8")
            clean = records_of(path, table)
            for name in layouts:
                folder = root / name
                folder.mkdir(exist_ok=True)
                target = folder / path.name
                target.write_bytes(render(name, clean_text, path.name).encode("utf-8"))
                if dump is not None:
                    (dump / name).mkdir(parents=True, exist_ok=True)
                    (dump / name / path.name).write_bytes(target.read_bytes())
                got = records_of(target, table)
                out[name][path.name] = compare(clean, got, examples=verbose)
    return out


def report(results: dict[str, dict[str, Diff]], *, per_doc: bool) -> dict:
    total = Diff()
    summary: dict[str, dict] = {}
    print(
        f"{'layout':<16} {'records':>7} {'identical':>9} {'lost':>6} {'added':>6}"
        f" {'changed':>7}  fields changed"
    )
    for name, docs in results.items():
        d = Diff()
        for doc in docs.values():
            d.add(doc)
        total.add(d)
        n = d.clean or 1
        fields = ", ".join(f"{k} {v}" for k, v in d.fields.most_common())
        print(
            f"{name:<16} {d.clean:>7} {d.identical / n:>9.1%} {d.lost / n:>6.1%}"
            f" {d.added / n:>6.1%} {d.changed / n:>7.1%}  {fields}"
        )
        summary[name] = {
            "records": d.clean,
            "identical": d.identical,
            "lost": d.lost,
            "added": d.added,
            "changed": d.changed,
            "fields": dict(d.fields),
            "docs": {
                doc: [x.clean, x.identical, x.lost, x.added, x.changed] for doc, x in docs.items()
            },
        }
        if per_doc:
            for doc, x in sorted(docs.items(), key=lambda kv: kv[1].identical / (kv[1].clean or 1)):
                if x.identical < x.clean or x.added:
                    share = x.identical / (x.clean or 1)
                    print(
                        f"    {doc[:44]:<44} {x.clean:>5} identical {share:.1%}"
                        f" lost {x.lost} added {x.added} changed {x.changed}"
                    )
                    for e in x.examples:
                        print(f"        {e}")
    n = total.clean or 1
    print(
        f"{'total':<16} {total.clean:>7} {total.identical / n:>9.1%} {total.lost / n:>6.1%}"
        f" {total.added / n:>6.1%} {total.changed / n:>7.1%}"
    )
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--layouts", default=",".join(LAYOUTS), help="comma-separated")
    ap.add_argument("--docs", choices=("dev", "bundled", "both", "probes"), default="both")
    ap.add_argument("--only", help="one file name (a dev or bundled document)")
    ap.add_argument("-v", "--verbose", action="count", default=0, help="per document, examples")
    ap.add_argument("--json", type=Path, help="write the per-layout figures here")
    ap.add_argument("--dump", type=Path, help="write the rendered texts under this folder")
    args = ap.parse_args(argv)
    layouts = [x for x in args.layouts.split(",") if x]
    unknown = set(layouts) - set(LAYOUTS)
    if unknown:
        ap.error(f"unknown layouts: {sorted(unknown)}")
    paths = documents(args.docs)
    if args.only:
        paths = [p for p in paths if p.name == args.only]
    results = run(paths, layouts, verbose=args.verbose * 5, dump=args.dump)
    summary = report(results, per_doc=args.verbose > 0)
    if args.json:
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
