"""The misses the target evaluations list (``--verbose``): one printer for the bundled
report and the real-gold one, so both say them alike."""

from __future__ import annotations

import io

from bench.eval_targets import print_report, score


def record(indicator: str, value: float, *, kind: str = "target") -> dict:
    return {
        "doc": "invented_2031.txt",
        "kind": kind,
        "indicator": indicator,
        "value": value,
        "value_text": str(value),
        "unit": "%",
        "sentence": f"到2031年，{indicator}达到{value}%。",
    }


def test_the_verbose_report_lists_what_was_found_wrongly_then_what_was_missed():
    pred = [record("森林覆盖率", 30), record("城镇化率", 70)]
    gold = [record("森林覆盖率", 30), record("污水处理率", 95)]
    out = io.StringIO()
    print_report(score(pred, gold), verbose=True, out=out)
    text = out.getvalue()
    tail = text[text.index("false positives") :].splitlines()
    assert tail[0] == "false positives (1):"
    assert "城镇化率 = 70 %" in tail[1]
    assert tail[2] == "false negatives (1):"
    assert "污水处理率 = 95 %" in tail[3] and len(tail) == 4
    quiet = io.StringIO()
    print_report(score(pred, gold), verbose=False, out=quiet)
    assert "false positives" not in quiet.getvalue()
