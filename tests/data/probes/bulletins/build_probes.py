"""Build the bulletin probe set from its annotated sources.

Each ``source/<name>.txt`` is an invented bulletin excerpt written line by line, its gold
records under the line they come from (``> indicator | value_text | unit | qualifier |
change [| value]``; a first line ``#meta year=… region=…``). This writes the plain text to
``docs/<name>.txt`` and every record, in the bundled gold format, to ``gold.jsonl``:

    python tests/data/probes/bulletins/build_probes.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
_SENTENCE_RE = re.compile(r"[^。！？；]*[。！？；]?[”’」』）]*")
_HEADING_RE = re.compile(r"^[一二三四五六七八九十]+、")
_MAGNITUDE_RE = re.compile(r"(万亿|亿|万)$")


def _sentences(line: str) -> list[str]:
    return [s for s in _SENTENCE_RE.findall(line) if s]


def _value(text: str) -> float:
    return float(_MAGNITUDE_RE.sub("", text))


def build(source: Path) -> tuple[str, list[dict]]:
    lines = source.read_text(encoding="utf-8").splitlines()
    meta = dict(part.split("=", 1) for part in lines[0].removeprefix("#meta ").split())
    doc = source.name
    text: list[str] = []
    records: list[dict] = []
    section = ""
    sentences: list[str] = []
    at = 0
    for line in lines[1:]:
        if not line.startswith(">"):
            text.append(line)
            if _HEADING_RE.match(line):
                section = line
            sentences, at = _sentences(line), 0
            continue
        fields = [f.strip() for f in line[1:].split("|")]
        indicator, value_text, unit, qualifier, change = fields[:5]
        value = float(fields[5]) if len(fields) > 5 and fields[5] else _value(value_text)
        while value_text not in sentences[at]:
            at += 1
        records.append(
            {
                "doc": doc,
                "section": section,
                "sentence": sentences[at],
                "indicator": indicator,
                "value": value,
                "value_text": value_text,
                "unit": unit,
                "qualifier": qualifier,
                "change": change,
                "year": meta["year"],
                "region": meta["region"],
                "kind": "achievement",
                "masked": False,
            }
        )
    return "\n".join(text) + "\n", records


def main() -> None:
    docs = HERE / "docs"
    docs.mkdir(exist_ok=True)
    gold: list[dict] = []
    for source in sorted((HERE / "source").glob("*.txt")):
        text, records = build(source)
        (docs / source.name).write_text(text, encoding="utf-8")
        gold.extend(records)
    with (HERE / "gold.jsonl").open("w", encoding="utf-8") as out:
        for rec in gold:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(gold)} records")


if __name__ == "__main__":
    main()
