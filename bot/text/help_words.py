"""Whether the words after a command ask for its usage (``/subscribe --help``).

Pure. People try a command's usage the ways other programs taught them: ``help``,
``--help``, ``-h``, ``?``, ``帮助``, ``用法``. Read as arguments, ``-h`` and ``--help`` were
an exclusion filter and subscribed the chat to a daily digest (``排除：h``).
"""

from __future__ import annotations

from bot.text.normalize import normalize

__all__ = ["asks_for_help", "named_command"]

# Latin words no policy document is searched for; the Chinese ones are words of the
# documents too (帮助企业纾困), so a search does not take them as a request for help.
_LATIN = frozenset({"help", "-h", "-help", "--help", "/help", "?", "/?", "-?"})
_CHINESE = frozenset({"帮助", "用法", "说明", "怎么用"})


def asks_for_help(text: str, *, chinese_words: bool = True) -> bool:
    """Whether ``text``, all of a command's arguments, is a request for its usage.

    ``chinese_words``: 帮助 and 用法 count too (not for a search, where they are words
    to look for). Full-width forms count (？, －ｈ)."""
    said = normalize(text.strip()).lower()
    if said in _LATIN:
        return True
    return chinese_words and said in _CHINESE


def named_command(text: str) -> str | None:
    """The command ``/help`` is asked about (``subscribe``, ``/subscribe``,
    ``/subscribe@bot``, ``SUBSCRIBE``), lower case; None for anything else."""
    words = text.split()
    if len(words) != 1:
        return None
    name = words[0].removeprefix("/").partition("@")[0].lower()
    return name if name.isascii() and name.replace("_", "").isalpha() else None
