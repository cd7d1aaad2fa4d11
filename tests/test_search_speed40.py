"""A phrase's count of the passages on every list, kept for reading (speed40): the answer
and the flags of ``Hits._counted`` are those of counting ``on_every_list``, at limits
around the count, with the last list read in parts across every part's edge."""

from __future__ import annotations

import random

import numpy as np


def test_counted_is_the_count_and_the_flags_of_on_every_list(bundled_engine, monkeypatch) -> None:
    from bot.search import hits as hits_module

    hits = bundled_engine.searcher._hits
    ix = hits.index
    rng = random.Random(40)
    common = sorted(range(len(ix.vocab)), key=ix.df, reverse=True)[:60]
    monkeypatch.setattr(hits_module, "_COUNT_PART", 16)  # parts much shorter than the lists
    for _ in range(120):
        ids = tuple(rng.sample(common, rng.randint(2, 4)))
        if rng.random() < 0.15:
            ids = ids + ids[:1]  # a piece twice
        if rng.random() < 0.05:
            ids = ids[:1] * 2  # one piece only, twice
        rarest = min(ids, key=ix.df)
        pids = ix.raw_postings(rarest)[0]
        on = hits.on_every_list(pids, ids, taken_from=rarest)
        count = int(np.count_nonzero(on))
        for limit in {0, max(count - 1, 0), count, count + 1, rng.randint(0, pids.size)}:
            monkeypatch.setattr(hits_module, "PHRASE_CHECK_LIMIT", limit)
            more, flags = hits._counted(pids, ids, rarest)
            assert more == (count > limit), (ids, limit)
            if flags is not None:
                assert flags.tolist() == on.tolist(), (ids, limit)
            # the flags are kept whenever reading may need them: three pieces, too few
            assert (flags is None) == (more or len(set(ids) - {rarest}) == 1)
