"""The relevance set keeps its own rules: ``tests/data/real/check_relevance.py``'s checks,
run in this process (no subprocess), must find no problem.

The validator is a tool for whoever edits the set, and batches had left it failing for
days (≈100 ``contains`` strings outside 15-40 characters, typo notes without their intended
form, the typo share and the test split just under their floors, eleven answerable target
questions counted as unanswerable) because nothing ran it. This test makes CI run it.
It reads the set and the documents only; it does not print any query.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "check_relevance", ROOT / "tests" / "data" / "real" / "check_relevance.py"
)
assert _spec and _spec.loader
check_relevance = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_relevance)


def test_the_relevance_set_passes_its_validator(capsys):
    docs = check_relevance.load_docs()
    assert len(docs) >= 35
    problems: list[str] = []
    notices: list[str] = []
    check_relevance.check(docs, problems, notices)
    capsys.readouterr()  # the summary it prints is for a person, not for the test log
    assert problems == []


def test_a_short_contains_is_allowed_only_as_a_whole_table_row():
    docs = {"d.txt": ["居民消费价格指数\t100.0", "全年全市生猪出栏量745.02 万头，增长2.7%"]}
    problems: list[str] = []
    # the whole row, shorter than 15 characters: the only reference that line allows
    assert check_relevance.locate(
        "w", {"doc": "d.txt", "contains": docs["d.txt"][0]}, docs, problems
    )
    assert problems == []
    # a part of a short row, or a short part of a long line, breaks the convention
    check_relevance.locate("w", {"doc": "d.txt", "contains": "居民消费价格指数"}, docs, problems)
    check_relevance.locate("w", {"doc": "d.txt", "contains": "生猪出栏量"}, docs, problems)
    assert len(problems) == 2 and all("want 15-40" in p for p in problems)
    # and it must still name exactly one line
    problems.clear()
    where = {"doc": "d.txt", "contains": "0"}
    assert check_relevance.locate("w", where, docs, problems) is None
    assert problems and "occurs in 2 lines" in problems[-1]
