"""The generated module map (``scripts/module_map.py``) that docs/ARCHITECTURE.md points to."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("module_map", ROOT / "scripts" / "module_map.py")
assert _spec and _spec.loader
module_map = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(module_map)


def test_every_module_says_its_job() -> None:
    # The architecture document no longer lists modules one by one: a module without a
    # docstring would be missing from the only map of the code.
    missing = [
        name
        for package in module_map.PACKAGES
        for name, sentence in module_map.module_docs(package)
        if not sentence
        and not name.endswith("__main__")
        and "." in name
        and not (ROOT / Path(*name.split("."))).is_dir()
    ]
    assert missing == []


def test_first_sentence_is_one_line_up_to_the_first_stop() -> None:
    doc = "The flood limit: a token bucket\nper chat. Checked first.\n\nMore detail."
    assert module_map.first_sentence(doc) == "The flood limit: a token bucket per chat."
    assert module_map.first_sentence("一个模块。第二句。") == "一个模块。"
    assert module_map.first_sentence("No stop at all") == "No stop at all"


def test_the_map_names_modules_with_their_sentence(capsys) -> None:
    assert module_map.main(["bot"]) == 0
    lines = capsys.readouterr().out.splitlines()
    blocking = next(line for line in lines if line.startswith("bot.blocking: "))
    assert blocking.startswith("bot.blocking: The one boundary for blocking work")
    assert blocking.endswith(".")
    assert all(": " in line for line in lines)
    assert not any(line.startswith("handlers.") for line in lines)
