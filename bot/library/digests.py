"""Digests of the library: what subscribers with a filter get now."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from bot.config import Settings
from bot.corpus.gazetteer import default_gazetteer
from bot.digest import Digest, DigestFilter, compose_digest, parse_filter
from bot.i18n import DEFAULT_LANGUAGE
from bot.search.index import CompiledIndex


class DigestsMixin:
    """:class:`~bot.library.Engine`'s digests (key targets composed by ``bot.digest``)."""

    settings: Settings
    index: CompiledIndex

    def digest(
        self,
        filter: DigestFilter | str = "",
        *,
        now: datetime | None = None,
        since: float | None = None,
        only_new: bool = True,
        cap: int | None = None,
        group_by: Literal["indicator", "document"] = "indicator",
        more_command: str = "/targets",
        lang: str = DEFAULT_LANGUAGE,
    ) -> Digest:
        """The digest subscribers with ``filter`` get now (raises FilterError on bad input).

        ``since`` is the time of their last digest: with ``only_new`` only documents
        indexed after it contribute; either way those documents are marked new. ``lang``
        is the language of the digest's frame (its figures stay as the documents say them).
        """
        flt = parse_filter(filter) if isinstance(filter, str) else filter
        docs = {d.doc_id: d for d in self.index.docs}
        read = [d for d in self.index.docs if not (only_new and since) or d.indexed_at > since]
        return compose_digest(
            self.iter_targets(docs=read),
            docs,
            flt,
            now=now or datetime.now().astimezone(),
            since=since,
            only_new=only_new,
            cap=cap or self.settings.digest_cap,
            group_by=group_by,
            table=self.indicator_table,
            more_command=more_command,
            synonyms=self.searcher.synonyms,
            gazetteer=default_gazetteer(),
            lang=lang,
        )
