"""How much of a query an extracted name holds: its words found in the name
(:func:`named_in`, :func:`named_loosely`, :func:`named_partly`), its characters
(:func:`covering`), and what a name defined in its sentence stands for
(:func:`spelled_out`). Split out of :mod:`bot.library.answers`: the library ranks the
records a question may name by these.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.text.normalize import normalize


def named_in(words: Iterable[str], indicator: str) -> int:
    """How much of a query an extracted name repeats (医疗器械 第三类 注册证 in
    首次获批境内第三类医疗器械注册证): the characters of the query's words (two or more
    characters, question words and facets left out) found in the name; 0 unless that is
    at least three characters and half of the words."""
    name = normalize(indicator)
    content = [w for w in words if len(w) >= 2 and w.lower() not in _QUESTION_WORDS]
    total = sum(len(w) for w in content)
    found = sum(_named_length(w, name) for w in content)
    if found == total == 2 and name.endswith(content[0]):
        # one two-character word that is what the name counts (海南 今年 投资 增长目标:
        # 固定资产投资), not a qualifier of it (投资 in 投资占比)
        return found
    return found if found >= 3 and found * 2 >= total else 0


# What is done to the thing a task counts, typed glued to it (城中村改造, 老旧小区改造,
# 充电桩建设): a record names the thing (城中村和城市危旧房, with the verb its change:
# 改造城中村和城市危旧房6000套), so the word is named by the thing alone.
_TASK_VERBS = ("改造", "建设", "新建", "改建", "整治", "治理")


def _named_length(word: str, name: str) -> int:
    """The characters of ``word`` that ``name`` holds: all of them, or of a thing typed
    with what is done to it (城中村改造), the thing's (at least two characters)."""
    if word in name:
        return len(word)
    for verb in _TASK_VERBS:
        thing = word.removesuffix(verb)
        if thing != word and len(thing) >= 2 and thing in name:
            return len(thing)
    return 0


# Characters that join or ask (的, 了, 和, 多少): no part of what a figure measures.
_FUNCTION_CHARS = frozenset("的了和与及是有在吗呢么个几多少")


def covering(words: Iterable[str], facets: Iterable[str], name: str) -> int:
    """How many of a query's characters an extracted name holds, beyond :func:`named_in`:
    those of its words other than question words and facets, and of a facet word the name
    holds whole (苗族 of 黔东南苗族人口 names the region and 苗族人口). A name holding only
    the part two names share (中老铁路 of 中老铁路发送旅客 and 中老铁路运输货物, 人口 of 常住人口
    and 苗族人口) holds less of 中老铁路运了多少货 than the one the other word asks."""
    text = normalize(name).lower()
    asked: set[str] = set()
    for word in words:
        low = word.lower()
        if low not in _QUESTION_WORDS:
            asked.update(low)
    for word in facets:
        low = word.lower()
        if len(low) >= 2 and low in text:
            asked.update(low)
    return len((asked - _FUNCTION_CHARS) & set(text))


def spelled_out(indicator: str, sentence: str) -> str:
    """What a name defined in its sentence stands for: the text before the definition
    (研制并获批3—5种新食品原料、食品添加剂新品种…（以下简称“三新食品”）), a question asking
    in its long words (新食品原料 获批数量); empty when the sentence defines no such name."""
    text = normalize(sentence)
    at = text.find(f"以下简称“{normalize(indicator)}”")
    return text[:at].rstrip("(（") if at > 0 else ""


def named_partly(words: Iterable[str], indicator: str) -> int:
    """The length of the longest word of a query (three or more characters, question
    words left out) found in an extracted name: the measure a question asks for when its
    other words say whose it is in words the report does not use (农村老人 养老金 for
    城乡居民基础养老金最低标准); 0 when none is."""
    name = normalize(indicator)
    return max(
        (len(w) for w in words if len(w) >= 3 and w not in _QUESTION_WORDS and w in name),
        default=0,
    )


_QUESTION_WORDS = frozenset(
    {"目标", "多少", "预期", "计划", "力争", "情况", "指标", "要求", "任务",
     # how a figure moves or is held, not what it measures (投资 要增长多少, 占比 要保持在)
     "增长", "增速", "增幅", "提高", "下降", "降低", "预计", "保持", "达到", "控制", "年均",
     "比重", "比例",
     # the same asked in English (employment target Guizhou), as answers._SEEKS_TARGET_RE reads it
     "target", "targets", "goal", "goals"}
)  # fmt: skip


def named_loosely(words: Iterable[str], indicator: str) -> int:
    """The characters of a query's words (two or more characters, question words left
    out) found in an extracted name, however few: how a count asked in its measure word
    (多少颗卫星) names the record counted in it (商业卫星年产能)."""
    name = normalize(indicator)
    return sum(
        _named_length(w, name) for w in words if len(w) >= 2 and w.lower() not in _QUESTION_WORDS
    )
