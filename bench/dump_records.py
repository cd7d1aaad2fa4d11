"""Dump every record (all fields) the extractor finds on the dev real documents, the
bundled corpus and every probe set, one JSON line each, to compare a refactor's output
byte for byte: ``python -m bench.dump_records OUT`` before and after, then ``cmp``.

Test-split documents are never read (their split is taken from ``docs.toml``).
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

from bench.eval_targets import MAX_BYTES, PASSAGE_MAX_CHARS, load_corpus
from bot.corpus.loader import load_document
from bot.targets import extract_targets

REAL = Path("tests/data/real/docs")


def main(out_path: str) -> int:
    meta = tomllib.loads(Path("tests/data/real/docs.toml").read_text(encoding="utf-8"))
    dev = sorted(n for n, m in meta.items() if m.get("split") == "dev")
    folders = [Path("corpus"), *sorted(p for p in Path("tests/data/probes").glob("*/docs"))]
    with open(out_path, "w", encoding="utf-8") as out:
        for name in dev:
            doc = load_document(
                REAL / name, REAL, max_bytes=MAX_BYTES, passage_max_chars=PASSAGE_MAX_CHARS
            )
            for r in extract_targets(doc):
                line = json.dumps(r.to_dict(), ensure_ascii=False, sort_keys=True)
                out.write(f"real/{name}\t{line}\n")
        for folder in folders:
            for doc in load_corpus(folder):
                for r in extract_targets(doc):
                    line = json.dumps(r.to_dict(), ensure_ascii=False, sort_keys=True)
                    out.write(f"{folder}\t{line}\n")
    print(f"{len(dev)} dev documents, {len(folders)} folders")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
