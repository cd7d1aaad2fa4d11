"""No test may use a document of the held-out test split of the key-target gold.

tests/data/real/docs.toml splits the real documents into ``dev`` (extraction rules may be
tuned on them) and ``test`` (scored by hand with ``python -m bench.eval_targets --real
--split test``, never tuned on). A test that copies a test-split document into a corpus and
asserts on the targets or links extracted from it ends up tuning the extractor on the test
split, so tests use dev documents or short invented ones (tests/data/analytics) instead.

Here: no tests/*.py file names a test-split document in its code or strings (comments may,
to explain this rule), the list being derived from docs.toml.
"""

from __future__ import annotations

import io
import tokenize
import tomllib
from collections.abc import Iterable
from pathlib import Path

TESTS = Path(__file__).resolve().parent
DOCS_TOML = TESTS / "data" / "real" / "docs.toml"
# The files that may name a test-split document: the scorer's own tests, to check that the
# split exists and is scored (never to gate what the extractor finds in it). The checking
# scripts under tests/data (check_real_gold.py, ...) read the whole gold and are not tests.
ALLOWED = frozenset({"test_targets_gold.py"})
_SKIPPED = (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)


def test_split_stems() -> list[str]:
    """The test-split documents, without their extension (which also catches gold files)."""
    meta = tomllib.loads(DOCS_TOML.read_text(encoding="utf-8"))
    return sorted(Path(name).stem for name, m in meta.items() if m["split"] == "test")


test_split_stems.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


def named_in_code(source: str, stems: Iterable[str]) -> list[tuple[int, str]]:
    """(line, stem) for every stem named in code or in a string of ``source``, not in comments."""
    # a token's text is a piece of the source: a source naming no stem anywhere has no
    # token naming one, and most files are passed over without being tokenized
    stems = tuple(stem for stem in stems if stem in source)
    if not stems:
        return []
    hits = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type in _SKIPPED:
            continue
        hits += [(token.start[0], stem) for stem in stems if stem in token.string]
    return hits


def test_the_test_split_is_known():
    stems = test_split_stems()
    assert len(stems) >= 5, "docs.toml lost its test split"
    real = DOCS_TOML.parent
    for stem in stems:  # the names checked below are those of real files
        assert (real / "docs" / f"{stem}.txt").is_file(), stem
        assert (real / "gold" / f"{stem}.jsonl").is_file(), stem


def test_the_check_sees_code_and_strings_but_not_comments():
    stems = ["city_x_2020_gwr"]
    assert named_in_code('NAME = "city_x_2020_gwr.txt"\n', stems) == [(1, "city_x_2020_gwr")]
    assert named_in_code('gold = f"{d}/city_x_2020_gwr.jsonl"\n', stems) == [(1, "city_x_2020_gwr")]
    assert named_in_code('def f():\n    """Reads city_x_2020_gwr."""\n', stems) == [
        (2, "city_x_2020_gwr")
    ]
    assert named_in_code("x = 1  # not city_x_2020_gwr.txt: the rule\n", stems) == []
    assert named_in_code('NAME = "city_x_2021_gwr.txt"\n', stems) == []


def test_no_test_names_a_test_split_document():
    stems = test_split_stems()
    found = {
        path.name: hits
        for path in sorted(TESTS.glob("*.py"))
        if path.name not in ALLOWED
        and (hits := named_in_code(path.read_text(encoding="utf-8"), stems))
    }
    assert not found, (
        "tests name documents of the key-target test split (tests/data/real/docs.toml), "
        f"which no test may use; use a dev document or an invented one instead: {found}"
    )


def test_the_name_audit_refuses_the_test_split(capsys):
    """``bench.eval_targets --names`` is read to find rules: it never reads test documents."""
    from bench.eval_targets import main

    for split in ("test", "all"):
        assert main(["--names", "--split", split]) == 2
        assert "dev documents only" in capsys.readouterr().err
