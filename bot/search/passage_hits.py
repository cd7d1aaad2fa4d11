"""A passage made a hit: its document's title, region and year, its text, its snippet and
the highlights of the words found; and the passages holding a sentence as hits (where an
answer card's sentence was said).
"""

from __future__ import annotations

from bot.models import SearchHit
from bot.search.hits import SCAN_LIMIT
from bot.search.snippets import find_spans, make_snippet
from bot.text.normalize import normalize


class PassageHits:
    """The hits of :class:`~bot.search.searcher.Searcher`: a mixin of it, reading its index,
    postings and snippet width."""

    def passages_containing(self, text: str, *, doc_id: str | None = None, limit: int = 5):
        """Hits for the passages whose text contains ``text`` (a bounded scan), optionally
        of one document: where a sentence was said (the answer card's passage)."""
        ix = self.index
        pids = self._hits.scan(normalize(text), limit=SCAN_LIMIT)
        out: list[SearchHit] = []
        for pid in pids.tolist():
            if doc_id is not None and ix.docs[int(ix.p_doc[pid])].doc_id != doc_id:
                continue
            out.append(self._hit(int(pid), 0.0, [normalize(text)]))
            if len(out) >= limit:
                break
        return out

    def _hit(self, pid: int, score: float, needles: list[str]) -> SearchHit:
        ix = self.index
        info = ix.docs[int(ix.p_doc[pid])]
        text = self.passage_text(pid)
        # the passage's normalised text as the index holds it (normalising is one code
        # point for one, so a passage's slice of its normalised document is the passage
        # normalised): decoded, ~1 µs, where normalising it again cost ~4.6 µs a hit
        norm = ix.passage_norm_bytes(pid).decode("utf-8") if ix.norm_mmap is not None else ""
        spans = find_spans(norm if len(norm) == len(text) else normalize(text), needles)
        snippet, highlights = make_snippet(text, spans, width=self.snippet_chars)
        return SearchHit(
            doc_id=info.doc_id,
            filename=info.filename,
            title=info.title,
            section=ix.sections[int(ix.p_section[pid])],
            passage_ordinal=int(ix.p_ord[pid]),
            text=text,
            snippet=snippet,
            highlights=highlights,
            score=round(score, 4),
            region=info.region,
            year=info.year,
            url=info.extra.get("url"),
        )
