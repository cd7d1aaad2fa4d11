"""What reading a file gives: its text (:class:`DecodedText`) or a refusal saying why
(:class:`UnreadableDocument`), and the refusals every file kind shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class DecodedText:
    """The text of a file and how it was obtained.

    ``encoding`` is the codec name for text files (``utf-8``, ``utf-8-sig``,
    ``gb18030``, ``utf-16``, ...) and ``docx``, ``pdf`` or ``html`` for those formats.
    ``meta`` holds what the file itself says of its title, ``date`` (ISO) and
    ``issuer`` (a web page's meta tags and 发布时间/来源 lines), in the form of a
    ``.meta.toml`` sidecar's overrides; a real sidecar overrides them in turn.
    """

    text: str
    encoding: str
    meta: dict[str, str] = field(default_factory=dict)


class UnreadableDocument(Exception):
    """A file that cannot be turned into text; ``str(exc)`` is ``"<path>: <reason>"``.

    ``reason`` is English (logs, the command line); ``code`` and ``params`` say the same
    for an interface that translates (``empty``, ``too_large`` with ``size`` and
    ``limit`` …; ``unreadable`` with ``detail`` for anything else).
    """

    def __init__(
        self, path: str | Path, reason: str, code: str = "unreadable", **params: str
    ) -> None:
        self.path = Path(path)
        self.reason = reason
        self.code = code
        self.params = params if code != "unreadable" or params else {"detail": reason}
        super().__init__(f"{path}: {reason}")


def skip_reason(exc: UnreadableDocument, document: Path) -> str:
    """The reason to show next to ``document``: without repeating its path, but naming
    another file (a bad sidecar) when that is the culprit."""
    return exc.reason if exc.path == document else str(exc)


def empty(path: Path) -> UnreadableDocument:
    return UnreadableDocument(path, "empty file", "empty")


def not_text(path: Path, what: str) -> UnreadableDocument:
    return UnreadableDocument(path, f"not a text file ({what})", "not_text")
