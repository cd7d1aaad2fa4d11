"""The name of a count read after it: :meth:`_CountNamesAfter._after_name`
(``新增1家国家级工业设计中心``, ``45个县（市、区）``, ``100所海拔1500米以上农村中小学``), a
mixin of the sentence namer that :meth:`~bot.targets.naming.forms_number._NumberForm.number`
calls for a count.
"""

from __future__ import annotations

import re

from bot.targets.lexicon import GENERIC_NAMES, PEOPLE_NOUNS, VERB_RE
from bot.targets.naming.clauses import _after_noun, clause_end
from bot.targets.naming.clean import _QUOTE_TABLE, clean_name
from bot.targets.naming.resolve import _after_alias, _enlisted, compatible, lookup
from bot.targets.naming.words import _is_name, _is_verb, _noun_end, _segmenter
from bot.targets.numbers import Figure

# people named right after a count in 名 (青年志愿者, 困难群众)
_PEOPLE_NOUN_RE = re.compile("|".join(PEOPLE_NOUNS))


def _people_named(noun: str) -> str:
    """The people ``noun`` opens with (青年志愿者 of 青年志愿者到欠发达地区…), up to the
    last people noun of its first ten characters; ``""`` when it names none."""
    ends = [m.end() for m in _PEOPLE_NOUN_RE.finditer(noun[:10])]
    return noun[: max(ends)] if ends else ""


_ADMIN_UNITS_RE = re.compile(r"[县市区乡镇]（[县市区乡镇州、]{1,6}）")


def _joined_after(noun: str, known: str) -> bool:
    """Whether ``noun`` is two nouns joined by 和 and the known name ``known`` only ends the
    second (省级市域产教联合体和行业产教融合共同体)."""
    k = noun.find("和")
    return k >= 2 and noun.endswith(known) and len(noun) - len(known) > k and _is_name(noun)


def _field_of_projects(noun: str, known: str) -> bool:
    """Whether ``noun`` is the known name ``known`` after the field its things are of (a
    noun phrase of two words or more, no verb at its head, no figure)."""
    field = noun.removesuffix(known)
    if field == noun or len(field) < 2 or re.search(r"\d|的", field):
        return False
    words = _segmenter().cut(field, True)
    return len(words) >= 1 and not _is_verb(words[0]) and not VERB_RE.match(field)


# A level or a place in front of a known name that makes it a narrower set (a level
# selects, GOLD_GUIDELINES 6.8.40: 自治区级, 州级, 区级 as 省级, 市级, 县级 do).
_QUALIFIED_RE = re.compile(
    r"(?:国家级|国家|省级|省|自治区级|市级|州级|县级|区级|中央级|境内|境外)(?:重点)?"
)
# the cities a statistic is taken over, counted before it: 9个中心城市环境空气质量优良天数比例
_CITY_SET_RE = re.compile(
    r"(?:地级及以上|设区的?|地级|县级及以上|中心|重点)?城市(?=[\u4e00-\u9fffA-Za-z])"
)
# right after a count: a short attribute and its threshold (海拔1500米以上, 面积500亩以上)
_THRESHOLD_ATTRIBUTE_RE = re.compile(
    r"[\u4e00-\u9fff]{1,4}\d+(?:\.\d+)?[万亿千百]?[^\d，。；、的\s]{1,4}?(?:及)?以[上下](?=[\u4e00-\u9fff])"
)


class _CountNamesAfter:
    """The names read after a count.

    A mixin of :class:`~bot.targets.naming.sentence._SentenceNamer`: the method uses the
    namer's state (``self.s``, ``self.table``).
    """

    def _after_name(
        self, fig: Figure, after: str, change: str, before_alias: str | None, cleaned: str
    ) -> tuple[str | None, int]:
        """The name of a count read after it (``新增1家国家级工业设计中心``)."""
        units = _ADMIN_UNITS_RE.match(self.s, fig.end)
        if units:
            # 45个县（市、区）整县建设…: counties, cities and districts, read as 县市区
            admin = re.sub(r"[（）、]", "", units.group())
            noun, n = _after_noun(self.s[units.end() :])
            if (
                2 <= len(noun) <= 6
                and re.match(r"[，。；、和及）)]|$", self.s[units.end() + n : units.end() + n + 1])
                and _is_name(noun)
                and _noun_end(noun) == len(noun)
                and not VERB_RE.match(noun)
                and not _is_verb(noun[-2:])
            ):
                return admin + noun, units.end() + n  # 11个市（州）分岛: the branches
            end = clause_end(self.s, units.end())
            doing = self.s[units.end() : end]
            if 4 <= len(doing) <= 20 and VERB_RE.search(doing[:4]) and _is_name(clean_name(doing)):
                # 16个县（市、区）整县建成美丽乡村: the counties that do, not all of them
                return doing + "的" + units.group(), end
            return admin, units.end()
        threshold = _THRESHOLD_ATTRIBUTE_RE.match(after)
        if threshold:
            # 100所海拔1500米以上农村中小学: the class is part of what is counted
            head, n = _after_noun(after[threshold.end() :])
            head = clean_name(head)
            if _is_name(head):
                return threshold.group() + head, fig.end + threshold.end() + n
        cities = _CITY_SET_RE.match(after)
        if cities and self.table.matches_at(self.s, fig.end + cities.end()):
            # 9个中心城市环境空气质量优良天数比例平均为98.6%: the count is of the cities;
            # the statistic after them is the next figure's name, not the count's
            return cities.group(), fig.end + cities.end()
        first, last = _after_alias(self.table, after, fig)
        noun, n = _after_noun(after)
        noun_name = clean_name(noun)
        rest = after[n:]
        if re.search(r"[和及]其[他它]", noun) and _is_name(noun_name):
            return noun_name, fig.end + n  # 农业转移人口和其他常住人口: not 常住人口 alone
        if first is None:
            first = lookup(self.table, noun_name, fig, change)
        if first is None and rest:
            # 为2000名以上残疾儿童提供康复救助 -> 残疾儿童康复救助
            obj = VERB_RE.sub("", rest, count=1).translate(_QUOTE_TABLE)
            obj = re.split(r"[，。；、]", obj)[0]
            for cand in (noun_name + obj, noun + obj):
                canonical = self.table.canonical(cand)
                if canonical and compatible(fig, canonical):
                    first = canonical
                    break
        if first:
            return first, fig.end + n
        if last and _is_name(noun_name) and _QUALIFIED_RE.fullmatch(noun_name.removesuffix(last)):
            return noun_name, fig.end + n  # 5个国家先进制造业集群: not every 先进制造业集群
        if last and _joined_after(noun_name, last):
            # 8个省级市域产教联合体和行业产教融合共同体: the count is of both kinds joined
            # by 和 (see after_count._coordinated_end), not of the known name that ends the second
            return noun_name, fig.end + n
        if (
            last
            and last.endswith("项目")
            and _is_name(noun_name)
            and _field_of_projects(noun_name, last)
        ):
            # 6个百万羽蛋鸡养殖重点项目 (guizhou), 146个省市重点项目 (round33), 26个规划重大
            # 项目 (round25): the projects of one field or list, not all the known name's
            return noun_name, fig.end + n
        people = _people_named(noun_name) if fig.unit in ("名", "万名") else ""
        if last and people and last not in people:
            # 4000名青年志愿者到…从事乡村振兴志愿服务: the people counted by 名 are the
            # noun after the figure, not a known name later in the clause
            return people, fig.end + n
        if last:
            return last, fig.end + n
        if (
            _is_name(noun_name)
            and fig.unit.endswith("人")
            and "人" not in self.s[fig.start : fig.end]
        ):
            # 1500多万市场主体、7000万劳动者: the people after the figure are its unit and
            # what it counts, whatever the list named before
            return noun_name, fig.end + n
        if before_alias:
            return before_alias, fig.end
        if _is_name(noun_name):
            return noun_name, fig.end + n
        if noun_name in GENERIC_NAMES or len(noun_name) == 2:
            enlisted = _enlisted(self.table, noun_name, self.s[fig.end + n :])
            if enlisted:
                return enlisted, fig.end + n
        return None, fig.end
