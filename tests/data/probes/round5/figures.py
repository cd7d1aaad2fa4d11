"""The real-document scorer (``bench.real_gold.score_real``) over a probe set: figures
matched on document, line, value and unit whatever their names, then naming (strict and
lenient), kind, year and change of the matched. Run from the checkout:

    .venv/bin/python -m tests.data.probes.round5.figures round5 [-v]
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.eval_targets import load_corpus, load_gold, predict
from bench.real_gold import attach_lines, name_close, name_matches, score_real
from bot.targets.indicators import IndicatorTable


def main(name: str, verbose: bool) -> None:
    folder = Path(__file__).resolve().parent.parent / name
    table = IndicatorTable.load()
    texts = {p.name: p.read_text(encoding="utf-8") for p in (folder / "docs").glob("*.txt")}
    pred = attach_lines(predict(load_corpus(folder / "docs"), table), texts)
    gold = attach_lines(load_gold(folder / "gold.jsonl"), texts)
    r = score_real(pred, gold, {}, table.canonical)
    t = r.total
    print(
        f"figures P {t.precision:.3f} R {t.recall:.3f}"
        f" (tp {t.tp}, pred {t.n_pred}, gold {t.n_gold});"
        f" of the found: naming {t.share('named'):.3f} (lenient {t.share('close'):.3f})"
        f" kind {t.share('kind_ok'):.3f} year {t.share('year_ok'):.3f}"
        f" change {t.share('change_ok'):.3f}"
    )
    if not verbose:
        return
    for p, g in r.pairs:
        bad = []
        if not name_matches(p["indicator"], g, table.canonical):
            close = "~" if name_close(p["indicator"], g, table.canonical) else ""
            bad.append(f"name{close} {p['indicator']} / {g['indicator']}")
        for f in ("kind", "year"):
            if str(p.get(f, "")) != g[f]:
                bad.append(f"{f} {p.get(f)} / {g[f]}")
        if p.get("region", "") != g.get("region", ""):
            bad.append(f"region {p.get('region')} / {g.get('region')}")
        if bad:
            print(f"  {g['doc'][:18]} {g['value_text']}{g['unit']}: " + "; ".join(bad))
    for g in r.false_negatives:
        print(f"  FN {g['doc'][:18]} {g['indicator']} {g['value_text']}{g['unit']}")
    for p in r.false_positives:
        print(f"  FP {p['doc'][:18]} {p['indicator']} {p.get('value')}{p['unit']}")


if __name__ == "__main__":
    main(sys.argv[1], "-v" in sys.argv)
