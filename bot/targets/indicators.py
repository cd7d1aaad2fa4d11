"""Canonical indicator names: aliases, groups and longest-alias matching.

The table lives in ``config/indicators.toml``::

    [indicators."规模以上工业增加值"]
    group = "industry"
    aliases = ["规模以上工业增加值", "规上工业增加值"]

    [indicators."地区生产总值"]
    group = "gdp"
    family = "生产总值"
    national = "国内生产总值"
    aliases = ["地区生产总值", "GDP", "全省生产总值", "全市生产总值"]

* ``family``: indicators of one family answer the same question at different levels or
  in other words (地区生产总值 and 国内生产总值 are both GDP); ``compare GDP`` lists the
  whole family. An indicator without ``family`` is a family of its own, named after it.
  Per-capita, sub-category and urban/rural figures are never in the family of the total.
* ``national`` (on the regional entry): the name of the same statistic for the whole
  country; :meth:`IndicatorTable.national_variant` and
  :meth:`IndicatorTable.regional_variant` read it both ways.

Loading it is the only I/O in :mod:`bot.targets`; everything else is pure. The table
is an aid, not a closed list: names it does not know are kept as the extractor built
them from the document's own words.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bot.config import PROJECT_ROOT

DEFAULT_PATH = PROJECT_ROOT / "config" / "indicators.toml"

GROUPS: tuple[str, ...] = (
    "gdp",
    "budget",
    "industry",
    "agriculture",
    "investment",
    "consumption",
    "trade",
    "employment",
    "income",
    "energy_emissions",
    "innovation",
    "social",
    "environment",
    "other",
)

# Quotes and brackets are noise for matching: “四新”经济增加值 and 四新经济增加值 are
# the same alias. They are removed from keys, never from the document.
_NOISE_CHARS = "“”‘’\"'「」『』《》 \u3000\t\u200b\u200c\u200d\u2060\ufeff"
_NOISE = str.maketrans("", "", _NOISE_CHARS)

# What a name measures, from its last characters. Used to refuse an alias that cannot
# carry the unit of a figure (a count of projects is not "项目完成投资").
_AMOUNT_RE = re.compile(
    r"(投资|总投资|产值|总产值|总额|收入|营业额|资金|贷款|规模|贸易额|零售额|增加值|生产总值"
    r"|成交额|投融资额|支出|税收|利润|金额|交易额|销售额|出口|进口|赤字)$"
)
_RATIO_RE = re.compile(r"(率|占比|比重|比例|强度|满意度|占全市|占全省|占全国)$")
_AREA_RE = re.compile(r"面积$")
_RANK_RE = re.compile(r"排名$")
_CAPACITY_RE = re.compile(r"(容量|产能|能力|吞吐量|产量)$")


def name_class(name: str) -> str:
    """``amount``, ``ratio``, ``area``, ``rank``, ``capacity`` or ``count`` for a name."""
    if _RANK_RE.search(name):
        return "rank"
    if _RATIO_RE.search(name):
        return "ratio"
    if _AREA_RE.search(name):
        return "area"
    if _AMOUNT_RE.search(name):
        return "amount"
    if _CAPACITY_RE.search(name):
        return "capacity"
    return "count"


def _key(text: str) -> str:
    return text.translate(_NOISE)


@dataclass(frozen=True, slots=True)
class AliasMatch:
    """An alias found in a text: ``text[start:end]`` (original offsets) is ``alias``."""

    start: int
    end: int
    alias: str
    canonical: str


@dataclass(slots=True, eq=False)  # hashed by identity: results can be cached per table
class IndicatorTable:
    """Alias -> canonical name and canonical name -> group, with matching helpers.

    Also the families (:meth:`family`, :meth:`family_members`) and the national and
    regional names of one statistic (:meth:`national_variant`, :meth:`regional_variant`).
    """

    groups: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # noise-free alias -> canonical
    _prefixes: frozenset[str] = frozenset()
    _first: frozenset[str] = frozenset()
    _parts: frozenset[str] = frozenset()  # every part of every alias (:meth:`in_an_alias`)
    families: dict[str, str] = field(default_factory=dict)  # canonical -> declared family
    national: dict[str, str] = field(default_factory=dict)  # regional -> national canonical
    _members: dict[str, tuple[str, ...]] = field(default_factory=dict)  # family -> canonicals
    _regional: dict[str, str] = field(default_factory=dict)  # national -> regional canonical
    # aliases that name the indicator in a report's sentences but are too broad to search
    # for it (经济增长 for 地区生产总值): left out of :meth:`synonym_groups`
    text_only: frozenset[str] = frozenset()
    # (word, group): a name the table does not know goes in the group of the word nearest
    # its end (农村公路 is a road, 公路; 新升规工业企业 an industrial firm); see :meth:`group`
    group_words: tuple[tuple[str, str], ...] = ()
    # words a group word is not read inside or across (生产能力 holds 产能, 居民生活 holds
    # 民生 across 居民|生活): see :meth:`group`
    group_word_masks: tuple[str, ...] = ()

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> IndicatorTable:
        """Build from the parsed TOML (``{"indicators": {name: {group, aliases, family,
        national}}}``)."""
        table = data.get("indicators", {})
        if not isinstance(table, Mapping):
            raise ValueError("indicators.toml: [indicators] must be a table")
        groups: dict[str, str] = {}
        aliases: dict[str, str] = {}
        families: dict[str, str] = {}
        national: dict[str, str] = {}
        text_only: list[str] = []
        for name, entry in table.items():
            if not isinstance(entry, Mapping):
                raise ValueError(f"indicators.toml: [{name}] is not a table")
            group = entry.get("group", "other")
            groups[name] = group if group in GROUPS else "other"
            text_aliases = [str(a) for a in entry.get("text_aliases", [])]
            text_only.extend(text_aliases)
            for alias in [name, *entry.get("aliases", []), *text_aliases]:
                key = _key(str(alias))
                if key:
                    aliases.setdefault(key, name)
            if entry.get("family"):
                families[name] = str(entry["family"])
            if entry.get("national"):
                national[name] = str(entry["national"])
        unknown = sorted(n for n in national.values() if n not in groups)
        if unknown:
            raise ValueError(f"indicators.toml: national names not in the table: {unknown}")
        words = data.get("group_words", {})
        if not isinstance(words, Mapping) or any(g not in GROUPS for g in words):
            raise ValueError(f"indicators.toml: [group_words] keys must be among {GROUPS}")
        return cls.build(
            groups,
            aliases,
            families=families,
            national=national,
            text_only=text_only,
            group_words=[(str(w), g) for g, ws in words.items() for w in ws],
            group_word_masks=[str(w) for w in data.get("group_word_masks", [])],
        )

    @classmethod
    def build(
        cls,
        groups: Mapping[str, str],
        aliases: Mapping[str, str],
        *,
        families: Mapping[str, str] | None = None,
        national: Mapping[str, str] | None = None,
        text_only: Iterable[str] = (),
        group_words: Iterable[tuple[str, str]] = (),
        group_word_masks: Iterable[str] = (),
    ) -> IndicatorTable:
        """A table from plain dicts (aliases are normalised; canonical names alias themselves).

        ``families`` maps a canonical name to its family (default: its own name);
        ``national`` maps a regional canonical name to the national one.
        """
        merged = {_key(a): c for a, c in aliases.items() if _key(a)}
        for name in groups:
            merged.setdefault(_key(name), name)
        prefixes = frozenset(a[:k] for a in merged for k in range(1, len(a) + 1))
        fams = {c: f for c, f in (families or {}).items() if f and f != c}
        members: dict[str, list[str]] = {}
        for name in groups:
            members.setdefault(fams.get(name, name), []).append(name)
        nat = dict(national or {})
        return cls(
            dict(groups),
            merged,
            prefixes,
            families=fams,
            national=nat,
            _members={f: tuple(m) for f, m in members.items()},
            _regional={n: r for r, n in nat.items()},
            text_only=frozenset(_key(a) for a in text_only),
            group_words=tuple(group_words),
            group_word_masks=tuple(group_word_masks),
        )

    @classmethod
    def load(cls, path: Path | str | None = None) -> IndicatorTable:
        """Load ``config/indicators.toml`` (or ``path``)."""
        path = Path(path) if path is not None else DEFAULT_PATH
        with path.open("rb") as fh:
            return cls.from_mapping(tomllib.load(fh))

    @classmethod
    def empty(cls) -> IndicatorTable:
        return cls.build({}, {})

    # -- lookups ---------------------------------------------------------------

    def canonical(self, name: str) -> str | None:
        """The canonical name for an exact alias (quotes ignored), else ``None``."""
        found = self.aliases.get(name)  # an alias as it is (keys have no quotes)
        return found if found is not None else self.aliases.get(_key(name))

    def group(self, name: str) -> str:
        """The group of a canonical name; for a name the table does not know, the group
        of the :attr:`group_words` word that ends nearest its end (a Chinese noun phrase
        ends with its head: 农村公路 is a road, 粮油千亩高产片 farmland), the longer word
        on a tie; ``other`` when no word is in it. A group word inside or across one of
        :attr:`group_word_masks` is not there (粮食综合生产能力 holds no 产能: it is a
        生产能力 of grain)."""
        known = self.groups.get(name)
        if known is not None:
            return known
        masked = self._masked(name)
        found = []
        for word, group in self.group_words:
            at = name.rfind(word)
            # an occurrence overlapping a mask's span without holding it whole is inside
            # or across that word: the one before it may still count
            while at >= 0 and any(
                at < e and at + len(word) > s and not (at <= s and at + len(word) >= e)
                for s, e in masked
            ):
                at = name.rfind(word, 0, at + len(word) - 1)
            if at >= 0:
                found.append((at + len(word), len(word), group))
        return max(found, key=lambda t: t[:2])[2] if found else "other"

    def _masked(self, name: str) -> list[tuple[int, int]]:
        """The spans of ``name`` where a mask word is (a group word may hold one whole,
        not overlap it otherwise)."""
        out: list[tuple[int, int]] = []
        for mask in self.group_word_masks:
            at = name.find(mask)
            while at >= 0:
                out.append((at, at + len(mask)))
                at = name.find(mask, at + 1)
        return out

    def family(self, name: str) -> str:
        """The family of a canonical name, an alias or a family name.

        ``family("GDP") == family("国内生产总值") == "生产总值"``. A name the table does
        not know is a family of its own (returned as given, stripped).
        """
        canonical = self.canonical(name)
        if canonical is not None:
            return self.families.get(canonical, canonical)
        key = _key(name)
        return key if key in self._members else name.strip()

    def family_members(self, name: str) -> list[str]:
        """The canonical indicators of the family of ``name`` (any alias or the family
        name), in table order; ``[]`` for a name the table does not know."""
        return list(self._members.get(self.family(name), ()))

    def known_name(self, text: str) -> str | None:
        """The form of a user's ``text`` the table knows (canonical name, alias or family
        name), trying it as typed, normalised (traditional, full-width), with ASCII in
        upper case (``gdp`` -> ``GDP``) and with English words as the Chinese terms of
        :mod:`bot.text.english` (``grain output`` -> 粮食产量); ``None`` if the table
        knows none of them."""
        from bot.text.english import with_chinese_terms  # pure; imported late as normalize
        from bot.text.normalize import normalize  # pure; imported late to keep this light

        norm = normalize(text.strip())
        # English words as the Chinese term (grain output -> 粮食产量), after the forms
        # typed: an English alias the table writes itself (GDP) stays as it is
        for candidate in (text.strip(), norm, norm.upper(), with_chinese_terms(norm)):
            if candidate and (self.canonical(candidate) or _key(candidate) in self._members):
                return candidate
        return None

    def synonym_groups(self) -> list[tuple[str, ...]]:
        """For search: per family, every alias of its indicators (GDP, 地区生产总值,
        国内生产总值, 全省生产总值 …), canonical names first; families with one name
        only are left out. Per-capita, urban and rural figures are families of their own
        in the table, so they never join the total's group."""
        names: dict[str, list[str]] = {}
        for alias, canonical in self.aliases.items():
            if alias not in self.text_only:
                names.setdefault(self.families.get(canonical, canonical), []).append(alias)
        out: list[tuple[str, ...]] = []
        for family, aliases in names.items():
            members = list(self._members.get(family, ()))
            group = tuple(dict.fromkeys([*members, *sorted(aliases, key=len)]))
            # a name holding a shorter one of the group finds nothing more (全省生产总值
            # contains 生产总值): left out, so a search checks fewer phrases
            group = tuple(
                a
                for a in group
                if len(a) >= 2 and (a in members or not any(b != a and b in a for b in group))
            )
            if len(group) >= 2:
                out.append(group)
        return out

    def same_family(self, a: str, b: str) -> bool:
        """Whether two names (canonical, alias or unknown) answer the same question."""
        return self.family(a) == self.family(b)

    def national_variant(self, name: str) -> str | None:
        """The national name of a regional statistic (地区生产总值 -> 国内生产总值).

        A national name gives itself; a name with no national form gives ``None``.
        ``name`` may be any alias.
        """
        canonical = self.canonical(name)
        if canonical is None:
            return None
        if canonical in self._regional:
            return canonical
        return self.national.get(canonical)

    def is_national(self, name: str) -> bool:
        """Whether ``name`` is the national name of a statistic that has a regional one
        (国内生产总值, 单位国内生产总值能耗): a figure of the whole country."""
        canonical = self.canonical(name)
        return canonical is not None and canonical in self._regional

    def regional_variant(self, name: str) -> str | None:
        """The regional name of a national statistic (国内生产总值 -> 地区生产总值).

        A regional name (one that declares ``national``) gives itself; otherwise ``None``.
        """
        canonical = self.canonical(name)
        if canonical is None:
            return None
        if canonical in self.national:
            return canonical
        return self._regional.get(canonical)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and (name in self.aliases or _key(name) in self.aliases)

    def matches_at(self, text: str, pos: int) -> list[AliasMatch]:
        """Every alias starting at ``text[pos]``, longest first.

        Quotes inside the text are skipped, so ``“四上”企业`` matches the alias 四上企业.
        Walks a prefix set one character at a time, so a miss costs one lookup.
        """
        out: list[AliasMatch] = []
        prefixes = self._prefixes
        key = ""
        for j in range(pos, len(text)):
            ch = text[j]
            if ch in _NOISE_CHARS:
                continue
            key += ch
            if key not in prefixes:
                break
            canonical = self.aliases.get(key)
            if canonical is not None:
                out.append(AliasMatch(pos, j + 1, key, canonical))
        out.reverse()
        return out

    def find_all(self, text: str) -> list[AliasMatch]:
        """Leftmost-longest, non-overlapping alias matches in ``text``."""
        out: list[AliasMatch] = []
        i = 0
        n = len(text)
        while i < n:
            if text[i] in self._prefixes or text[i] in _NOISE_CHARS:
                found = self.matches_at(text, i)
                if found:
                    out.append(found[0])
                    i = found[0].end
                    continue
            i += 1
        return out

    @property
    def first_chars(self) -> frozenset[str]:
        """Characters an alias match can start with (quote marks included)."""
        cached = self._first
        if not cached:
            cached = frozenset(k[0] for k in self.aliases) | frozenset(_NOISE_CHARS)
            self._first = cached
        return cached

    def in_an_alias(self, text: str) -> bool:
        """Whether ``text`` (quotes ignored) is a part of some alias: one set lookup that
        spares looking for an alias around a text no alias holds."""
        parts = self._parts
        if not parts:
            parts = self._parts = frozenset(
                a[i:j]
                for a in self.aliases
                for i in range(len(a))
                for j in range(i + 1, len(a) + 1)
            )
        key = _key(text)
        return not key or key in parts

    def names(self) -> Iterable[str]:
        return self.groups.keys()


@lru_cache(maxsize=4)
def _cached(path: str) -> IndicatorTable:
    return IndicatorTable.load(path)


def default_table() -> IndicatorTable:
    """The project's table, loaded once per process."""
    return _cached(str(DEFAULT_PATH))
