"""Gold records from a probe set's compact hand annotation (``annotations.txt``): the
reports and forms sets' ``gold.jsonl`` are built by

    python tests/data/probes/annotation.py reports     # or: forms

Each record's line is named by a snippet of it; the sentence is the one of that line
holding the record's value_text (occurrences consumed in reading order), cut after 。！？；
as the guidelines say; a value_text written ``^99.8`` is the figure the record before it
read (one figure said once for two: ``均为99.8%``). A line ``@name|region`` opens a
document; an eleventh field, when present, is the record's region where it is not the
document's (a national figure a speech cites: 全国). Standard library only.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

NUMERAL = "[一二三四五六七八九十]+"
HEADING = re.compile(rf"^(?:{NUMERAL}、|（{NUMERAL}）|第{NUMERAL}章)")
SENT = re.compile(r"[^。！？；]*[。！？；]?[”’」』）]*")


def sentences(line: str) -> list[tuple[int, str]]:
    out = []
    for m in SENT.finditer(line):
        if m.group():
            out.append((m.start(), m.group()))
    return out


def section_of(lines: list[str], index: int) -> str:
    for line in reversed(lines[: index + 1]):
        if HEADING.match(line):
            head = line.split("。")[0] if "。" in line and len(line) > 40 else line
            return head.strip()
    return ""


def find_number(line: str, text: str, start: int) -> int:
    i = line.find(text, start)
    while i >= 0:
        before = line[i - 1] if i else ""
        after = line[i + len(text)] if i + len(text) < len(line) else ""
        if not re.match(r"[0-9.]", before) and not re.match(r"[0-9.]", after):
            return i
        i = line.find(text, i + 1)
    raise ValueError(f"{text!r} not found after {start} in {line[:30]}")


def build(here: Path) -> list[dict]:
    """The gold records of ``here/annotations.txt`` over ``here/docs``, in its order."""
    docs = here / "docs"
    records, doc, region, lines = [], "", "", []
    cursor_line, cursor = -1, 0
    for raw in (here / "annotations.txt").read_text(encoding="utf-8").splitlines():
        # a comment is `#` then a space; a table row's own `#` (`#工业 86.24`, a 其中 item) is a
        # snippet of the text
        if not raw or raw == "#" or raw.startswith("# "):
            continue
        if raw.startswith("@"):
            name, region = raw[1:].split("|")
            doc = f"{name}.txt"
            lines = (docs / doc).read_text(encoding="utf-8").splitlines()
            cursor_line = -1
            continue
        fields = raw.split("|")
        snip, ind, val, vmax, vtext, unit, qual, change, year, kind = fields[:10]
        own_region = fields[10] if len(fields) > 10 else region
        hits = [i for i, line in enumerate(lines) if snip in line]
        if len(hits) != 1:
            raise ValueError(f"{doc}: snippet {snip!r} on {len(hits)} lines")
        li = hits[0]
        line = lines[li]
        if li != cursor_line:
            cursor_line, cursor = li, 0
        if vtext.startswith("^"):
            # one figure said once for two records (`均为99.8%`): the last record's place
            vtext = vtext[1:]
        elif vtext:
            at = find_number(line, vtext, cursor)
            cursor = at + len(vtext)
        else:
            at = line.find(qual or ind, cursor)  # a comparison: its word
        sentence = next(s for start, s in sentences(line) if start <= at < start + len(s))
        rec = {
            "doc": doc,
            "section": section_of(lines, li),
            "sentence": sentence,
            "indicator": ind,
            "value": None if val == "null" else float(val) if "." in val else int(val),
            "value_text": vtext,
            "unit": unit,
            "qualifier": qual,
            "change": change,
            "year": year,
            "region": own_region,
            "kind": kind,
            "masked": False,
        }
        if vmax:
            rec["value_max"] = float(vmax) if "." in vmax else int(vmax)
        records.append(rec)
    return records


def as_jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main(folder: Path) -> None:
    records = build(folder)
    (folder / "gold.jsonl").write_text(as_jsonl(records), encoding="utf-8")
    print(f"{len(records)} records -> {folder / 'gold.jsonl'}")


if __name__ == "__main__":
    main(Path(__file__).resolve().parent / sys.argv[1])
