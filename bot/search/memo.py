"""Bounded memo tables shared by threads: ``remember`` a value, the oldest entry evicted.

The searcher's memos (byte scans, checked texts, facets) are plain dictionaries whose
single operations are atomic; a table that evicts takes a lock, since eviction iterates
the dictionary.
"""

from __future__ import annotations

import threading


def remember(memo: dict, key, value, size: int, lock: threading.Lock) -> None:
    """``memo[key] = value``, first evicting the oldest entry when ``memo`` holds ``size``
    (under ``lock``: eviction iterates the dictionary)."""
    with lock:
        if len(memo) >= size:
            memo.pop(next(iter(memo)), None)
        memo[key] = value
