"""What a user typed read as the Chinese the documents write: English figures, places,
asking words, compounds and topic words (:mod:`bot.text.english`), and pinyin words as the
index's frequent terms (:mod:`.pinyin_words`); the English words misspelt from the
glossary's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property

from bot.corpus.gazetteer import (
    PROVINCE_ABBREVIATIONS,
    chinese_place,
    default_gazetteer,
    with_chinese_places,
    with_place_nicknames,
)
from bot.search.pinyin_words import may_hold_pinyin, pinyin_terms, with_pinyin_terms
from bot.search.query import (
    ParsedQuery,
    parse_query,
)
from bot.text.english import (
    english_terms,
    misspelled_words,
    singular,
    with_asking_words,
    with_chinese_terms,
)
from bot.text.english_fallback import with_compounds
from bot.text.english_figures import with_chinese_figures

# three letters in a row (a query typed in English)
_LATIN_RE = re.compile(r"[A-Za-z]{3}")

# A place's one-character abbreviation after 在/来/赴/驻 opening a word (在蓉高校, 来川 访问,
# 赴粤): reports write 在蓉, 在琼, 在黔, 来川, 在粤, 在沪 (Chengdu 2022, Hainan, Guizhou, Sichuan,
# Guangdong 2022, Shanghai 2023 …) and a reader types them so; the abbreviation alone inside a
# run is no place (皖企, 川渝). Read: the province abbreviations and two cities' (蓉 成都, 穗
# 广州); not 新 (在新时代), 青 (在青年中), 黑 (在黑土地), 吉, 甘 (common words' first
# character); not the first character of a place's name (在宁波, 在苏州, 在青岛: the gazetteer
# reads those) nor of two abbreviations (在川渝, 在京津冀: a region of several).
_AFTER_VERB_PLACES = {
    **{a: p for a, p in PROVINCE_ABBREVIATIONS.items() if a not in "新青黑吉甘"},
    "蓉": "成都",
    "穗": "广州",
}
_AFTER_VERB_RE = re.compile(
    "(?:(?<=[\\s,，、;；:：()（）])|^)[在来赴驻](["
    + "".join(sorted(_AFTER_VERB_PLACES))
    + "])(?=([\u3400-\u9fff]{0,2}))"
)


def with_places_after_verbs(text: str) -> str:
    """``text`` with the place an abbreviation after 在/来/赴/驻 names written before the
    word as a word of its own (``在蓉高校 统计口径`` -> ``成都 在蓉高校 统计口径``): the run
    stays as typed (reports write 在蓉高校), and the place is read as every typed place
    is (the facets, the region first). Not when the query writes the place's name already,
    and not 在宁波, 在川渝 (see :data:`_AFTER_VERB_PLACES`). Cost: one regex scan."""
    if not _AFTER_VERB_RE.search(text):
        return text
    found: list[tuple[int, str]] = []
    for m in _AFTER_VERB_RE.finditer(text):
        abbr, after = m.group(1), m.group(2)
        place = _AFTER_VERB_PLACES[abbr]
        if place in text or (after and after[0] in _AFTER_VERB_PLACES):
            continue
        if any(default_gazetteer().lookup(abbr + after[:k]) for k in (1, 2) if len(after) >= k):
            continue
        found.append((m.start(), place))
    for at, place in reversed(found):
        text = text[:at] + place + " " + text[at:]
    return text


class QueryReading:
    """The reading of a query for :class:`~bot.search.searcher.Searcher`: a mixin of it,
    reading its index, synonyms and postings."""

    def _english_fixes(self, query: str) -> list[tuple[str, str]]:
        """The English words of ``query`` misspelt from the glossary's (specal bonds ->
        special): none the bilingual dictionary, the gazetteer or the index's pinyin
        terms know (a place, jingji), which are read as they are."""
        if not _LATIN_RE.search(query):
            return []
        table = self.english_table()

        def known(word: str) -> bool:
            return (
                word in table
                or singular(word) in table
                or chinese_place(word) is not None
                or word in self.pinyin_terms
            )

        return misspelled_words(query, known)

    def _parse(self, query: str) -> ParsedQuery:
        """``query`` parsed with its English topic and indicator words read as the Chinese
        terms reports write (employment -> 就业, grain output -> 粮食产量:
        :mod:`bot.text.english`), then pinyin words as the index's frequent terms (jingji
        -> 经济: :mod:`.pinyin_words`); ``raw`` stays what was typed."""
        # figures typed in English first (3 trillion yuan -> 3万亿元, 5.5 percent -> 5.5%):
        # read word by word, the compound reader made percentage points 百分点
        # a province's abbreviation typed alone and a city's nickname (皖, 川, 蓉城) as the
        # place's name: the facets read names, and 皖 searched as a word found nothing
        # and an abbreviation after 在/来/赴 opening a word (在蓉高校) as its place too,
        # the run kept as typed (reports write 在蓉高校)
        text = with_chinese_figures(with_place_nicknames(with_places_after_verbs(query)))
        if _LATIN_RE.search(text):
            # places first (Zhoukou city -> 周口市): read as compounds, the dictionary's
            # sense of a place and its suffix word took the name alone (Zhoukou city ->
            # 周口 city), and the suffix was left a word to find (城市 lines first)
            text = with_chinese_places(text)
            # asking words (target, goal) as the Chinese question word, not the
            # dictionary's every sense of them (对象/指标/目标/瞄准/针对/目的)
            text = with_asking_words(text)
        if _LATIN_RE.search(text):
            # English words read together as the compound the corpus writes (rural
            # commercial bank -> 农村商业银行, industrial digitalization -> 产业数字化),
            # before the glossary and the dictionary read them word by word
            text = with_compounds(
                text, self.english_table(), self._writes, english_terms(text), self._how_often
            )
        parsed = parse_query(self.as_chinese(text), max_chars=self.max_query_chars)
        return replace(parsed, raw=query) if parsed.raw != query else parsed

    def _writes(self, word: str) -> bool:
        """Whether some passage writes the Chinese ``word`` or a synonym of it (农商行 for
        农村商业银行: rural commercial bank is then that compound, searched with its
        synonyms, not 农村, 商业 and 银行 apart): an index term, or its pieces in a
        passage as written."""
        return any(self._writes_as_typed(w) for w in self.synonyms.expand(word))

    def _how_often(self, word: str) -> int:
        """How many passages write the Chinese ``word`` as typed (a bounded scan)."""
        return int(self._hits.scan(word).size)

    def _writes_as_typed(self, word: str) -> bool:
        if word in self.index.term_ids:
            return True
        alt = self._alternative(word)
        return alt is not None and (not alt.verify or self._hits.phrase_present(alt, word))

    def as_chinese(self, text: str) -> str:
        """``text`` with its English topic and indicator words as the Chinese terms reports
        write (:mod:`bot.text.english`), then its pinyin words as the index's frequent
        terms (:mod:`.pinyin_words`): the one reading of what a user typed that the
        search, ``/targets``, ``/compare`` and the digest filters share. The gazetteer's
        latin names go first, as in :meth:`_parse`: read after, a place the index seldom
        writes stayed English (Shandong GDP) and a place's suffix word was left a word of
        its own (Zhoukou city -> 周口 city)."""
        text = with_chinese_figures(text)
        if _LATIN_RE.search(text):
            text = with_chinese_places(text)
        text = with_chinese_terms(text)
        if may_hold_pinyin(text):
            text = with_pinyin_terms(text, self.pinyin_terms)
        return text

    @cached_property
    def pinyin_terms(self) -> dict[str, str]:
        """The index's frequent terms by their joined pinyin (:mod:`.pinyin_words`)."""
        return pinyin_terms(self.index)
