"""A name completed from what the sentence said before it (:class:`_NamesFromBefore`,
a mixin of the sentence namer): a part of the previous figure's name, a thing said in full
in an earlier clause, a size or a quantity of the things just counted, a park named
before, firms bounded by a scope.
"""

from __future__ import annotations

import re

from bot.targets.lexicon import SCOPE_RE
from bot.targets.naming.clauses import clause_start
from bot.targets.naming.clean import clean_name, strip_noise
from bot.targets.naming.figure_words import _OBJECT_TAGS
from bot.targets.naming.part_measures import PARTS_RE
from bot.targets.naming.words import _is_name, _one_word_tag, _segmenter
from bot.targets.numbers import Figure

_ANAPHOR_HEADS = ("园区",)
_PARK_RE = re.compile(r"([\u4e00-\u9fff]{1,8}?)(园区|产业园)")
_DETERMINERS_RE = re.compile(r"^(每个|各个|该|这些|其他|个|家|所|这|各|每)")

# Firms bounded by a scope, said before the verb of their sector's measure, with or
# without their count between (规模以上工业企业57家，实现工业总产值)
_SCOPED_FIRMS_BEFORE_RE = re.compile(
    r"(?P<scope>规模以上|限额以上)(?P<sector>[\u4e00-\u9fff]{1,6}?)企业"
    r"(?:[\d.]+家[，,]?)?(?:共|累计)?(?:完成|实现)(?P<measure>[\u4e00-\u9fff]{2,10}?)"
    r"(?:达到|达|为)?$"
)


# Character tests before a strip and a search (strip_noise only removes characters, and
# puts back a trailing alternate's brackets): a text without a character every match
# holds is neither stripped nor searched. Written out, the rarer characters first: as a
# generator over the characters the test alone was 2.6 % of the namer's time (sampled).


def _may_name_scoped_firms(before: str) -> bool:
    """Whether :data:`_SCOPED_FIRMS_BEFORE_RE` may match ``strip_noise(before)``: every
    match holds 规模以上 or 限额以上, 企业, and 完成 or 实现."""
    return (
        (("规" in before and "模" in before) or ("限" in before and "额" in before))
        and "企" in before
        and "业" in before
        and "以" in before
        and "上" in before
        and (("完" in before and "成" in before) or ("实" in before and "现" in before))
    )


# between a count and the length or amount of the same things (23条、163公里)
_SIZE_AFTER_COUNT_RE = re.compile(r"、(?:近|约|超|共|计)?")
_SIZE_WORD_END_RE = re.compile(r"(?:里程|长度|金额|额|投资|资金|收入|支出|规模)$")
# Quantities said bare, that are always some thing's (出口量, 保有量), and the quantities
# of a thing a figure before them may name (工业机器人产量, 新能源汽车市场渗透率)
# rates said bare after a count of the things or people they are the rate of
_BARE_RATE_RE = re.compile(r"(?:市场)?(?:渗透率|普及率|占有率)")
_BARE_QUANTITY_RE = re.compile(r"(?:出口量|进口量|保有量|销量|出口额|进口额)(?:全国排名)?")
_OWNER_QUANTITY_RE = re.compile(
    r"(?:总产量|产量|产值|增加值|出口量|进口量|出口额|进口额|保有量|销量|销售额"
    r"|市场渗透率|渗透率|市场占有率|占有率)$"
)
_RANK_TAIL_RE = re.compile(r"(?:全国|全省|全市|全区|全州|全县|西部|中部|东部|全球|世界)?排名$")


class _NamesFromBefore:
    """A name completed from the figures and clauses before it in the sentence.

    A mixin of :class:`~bot.targets.naming.sentence._SentenceNamer`: the methods use the
    namer's state (``self.s``, ``self.figs``, ``self.table``, ``self.context``,
    ``self.out``, ``self.last_subject`` …) and the other mixins' methods.
    """

    def part_of_previous(self, name: str, fig: Figure) -> str:
        """``企业职工基本养老保险参保105.55万人，参保在职职工81.33万人``: a name opening with
        a word of the previous figure's name is a part of it, under the same head
        (企业职工基本养老保险参保在职职工人数)."""
        last = self.out[-1] if self.out else None
        if last is not None:
            before, before_unit = last.indicator, last.figure.unit
        elif self.context.whole and PARTS_RE.search(self.s[: fig.start]):
            # 参保人数142.3万人；其中，参保职工103.6万人: the whole said before the ；
            before, before_unit = self.context.whole, self.context.whole_unit
        else:
            return name
        if name in self.table or before_unit != fig.unit:
            return name
        if not fig.unit.endswith(("人", "人次")):
            return name  # the people of a programme (参保, 享受): not any list of things
        words = _segmenter().cut(name, True)
        first = words[0] if words else ""
        if _one_word_tag(first) not in ("v", "vn"):
            return name
        at = before.find(first) if len(first) >= 2 else -1
        if at <= 0 or len(words) < 2 or before.startswith(name):
            return name
        head = before[:at]
        if len(head) < 2 or head in name or not _is_name(head):
            return name
        tail_word = _segmenter().cut(head, True)[-1]
        if _one_word_tag(tail_word) not in ("n", "nz", "vn", "j", "l"):
            return name  # 失业人员再|就业: the head ends in an adverb, not a programme
        return head + name

    def size_of_counted(self, name: str, fig: Figure) -> str:
        """``修建村村通道路23条、163公里``, ``完成并购重组397起、1767.8亿元``: a length or an
        amount listed right after a count of things, with no words of its own, is theirs
        (村村通道路里程, 并购重组金额), not a second count of them."""
        last = self.out[-1] if self.out else None
        measure = {"length": "里程", "money": "金额"}.get(fig.unit_class)
        if (
            measure is None
            or last is None
            or last.indicator != name
            or last.figure.unit_class != "count"
            or not _SIZE_AFTER_COUNT_RE.fullmatch(self.s[last.figure.end : fig.start])
            or _SIZE_WORD_END_RE.search(name)
        ):
            return name
        return name + measure

    def owned_quantity(self, name: str) -> str:
        """``工业机器人产量增长35.3%、出口量居全国第2位``: a quantity said bare (出口量,
        保有量) after a figure of some thing's quantity in the same sentence is that
        thing's (工业机器人出口量全国排名; 新能源汽车市场渗透率全国第一，保有量突破…)."""
        bare = _BARE_QUANTITY_RE.fullmatch(name)
        last = self.out[-1] if self.out else None
        if (
            last is not None
            and _BARE_RATE_RE.fullmatch(name)
            and last.figure.unit_class == "count"
            and _is_name(last.indicator)
            and self.s[last.figure.end : last.figure.end + 1] in "，、,"
        ):
            # 5G用户达到3500万户，渗透率超过60%: the users'; 保有量…，市场渗透率: the cars'
            owner = _OWNER_QUANTITY_RE.sub("", last.indicator)
            return (owner if len(owner) >= 2 and _is_name(owner) else last.indicator) + name
        if not bare or last is None:
            return name
        owner = _OWNER_QUANTITY_RE.sub("", _RANK_TAIL_RE.sub("", last.indicator))
        if owner == last.indicator or len(owner) < 2 or not _is_name(owner):
            return name
        return owner + name

    def named_in_full_before(self, name: str, fig: Figure) -> str:
        """``把农业现代化示范区作为抓手，…创建500个示范区``: a count's one-word head said in
        full in an earlier clause of the sentence is that thing (农业现代化示范区)."""
        if fig.unit_class != "count" or name in self.table or len(name) > 4:
            return name
        if any(n.indicator == name for n in self.out):
            return name  # 年末全国人口…，减少210万人: the sentence already calls it so
        words = _segmenter().tag(name, True)
        if len(words) != 1 or words[0][1] != "n":
            return name
        upto = clause_start(self.s, fig.start)
        at = self.s.rfind(name, 0, upto)
        if at < 2:
            return name
        lo = clause_start(self.s, at)
        tagged = _segmenter().tag(self.s[lo:at], True)
        lead = ""
        for word, tag in reversed(tagged):
            if tag not in _OBJECT_TAGS or len(lead) + len(word) > 10:
                break
            lead = word + lead
        lead = SCOPE_RE.sub("", lead)  # 全国, 全市: the document's scope, not the thing's
        if len(lead) < 2 or not _is_name(lead + name):
            return name
        return lead + name

    def antecedent(self, name: str, upto: int) -> str | None:
        """``园区总产值`` after ``推动省级经济园区…`` -> ``省级经济园区总产值``."""
        head = next((h for h in _ANAPHOR_HEADS if name.startswith(h)), None)
        if head is None:
            return None
        rest = name[len(head) :]
        best = None
        for m in _PARK_RE.finditer(self.s, 0, upto):
            prefix = _DETERMINERS_RE.sub("", clean_name(m.group(1)) if len(m.group(1)) > 1 else "")
            if len(prefix) >= 2:
                best = prefix + m.group(2)
        if best is None:
            return None
        base = self.table.canonical(best) or best
        for cand in (best + rest, base + rest):
            canonical = self.table.canonical(cand)
            if canonical:
                return canonical
        return best + rest

    def scoped_firms(self, name: str, fig: Figure) -> tuple[str, str, str] | None:
        """``规模以上工业企业（57家，）完成工业总产值`` right before the figure, ``name`` the
        measure said: the scope (规模以上), the sector's measure (工业总产值) and the
        firms' noun (工业企业); ``None`` when the figure's words say no such firms."""
        before = self.s[: fig.start]
        if not _may_name_scoped_firms(before):
            return None  # (most sentences: the whole sentence before is not stripped)
        m = _SCOPED_FIRMS_BEFORE_RE.search(strip_noise(before))
        if not m or not m["measure"].startswith(m["sector"]):
            return None
        if name != m["measure"] and self.table.canonical(m["measure"]) != name:
            return None
        return m["scope"], m["measure"], m["sector"] + "企业"
