"""Build forms/gold.jsonl from its hand annotation (``annotations.txt``); the reading
rules are in ``tests/data/probes/annotation.py``.

    python tests/data/probes/forms/build_gold.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run as a script: the shared reader beside this folder

from annotation import as_jsonl, build  # noqa: E402


def main() -> None:
    records = build(HERE)
    (HERE / "gold.jsonl").write_text(as_jsonl(records), encoding="utf-8")
    print(f"{len(records)} records -> {HERE / 'gold.jsonl'}")


if __name__ == "__main__":
    main()
