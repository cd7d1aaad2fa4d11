"""A bare measure of schools or hospitals takes the subject its section's heading names.

Education bulletins (and the education and health parts of statistical bulletins) head a
section by the stage of schooling or the kind of institution it is about, then list its
figures with the measure alone::

    二、义务教育
    全市共有义务教育阶段学校320所。招生9.6万人，在校生52.1万人。   -> 义务教育招生, 义务教育在校生

    （三）乡镇卫生院
    床位0.8万张，卫生技术人员1.1万人。                                  -> 乡镇卫生院床位

A reader names them with the heading's subject. Only a name that is exactly one of a
closed list of measures of schools (学校, 招生, 在校生, 毕业生, 专任教师, 教职工) or of
institutions (床位, 卫生技术人员, 诊疗人次, 出院人数, 病床使用率, 平均住院日) takes it:
these are never said of anything but the schools or institutions of the section. A clause
that names its own subject (普通高中在校生, 医院床位) has a longer name and is left alone,
as is one after other schools or institutions the sentence names (技工学校18所，在校生…:
the sentence's own, which the paragraph's frame completes), and one in a clause about
the whole area (全市卫生技术人员…, 各级各类学校…). A 学校 carried onto a measure
(学校42所，招生… -> 学校招生) takes the subject too (中等职业学校招生, never …学校学校).
The heading must be a subject: a stage of schooling (学前教育, 义务教育, 高等教育 …) or a
kind of school or institution (普通高中, 中等职业学校, 乡镇卫生院); a theme (一、综合,
五、卫生健康, 教育和科技) or a sentence is none. Schooling's rates and ratios (生师比,
毛入学率) are left: the sections' wording of them (高中阶段毛入学率 under 高中阶段教育)
is not the subject's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.corpus.line_kinds import without_numbering

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# measures said of a section's schools, and of its institutions
_SCHOOL_MEASURES = frozenset(
    {"学校", "招生", "招生数", "在校生", "在校生数", "在校学生", "毕业生", "毕业生数",
     "毕结业生", "专任教师", "教职工"}
)  # fmt: skip
_INSTITUTION_MEASURES = frozenset(
    {"床位", "床位数", "实有床位", "编制床位", "卫生技术人员", "诊疗人次", "总诊疗人次",
     "入院人数", "出院人数", "病床使用率", "平均住院日"}
)  # fmt: skip
# a subject that is itself schools: its 学校 is the subject alone (中等职业学校, not …学校学校)
_SCHOOLS_RE = re.compile(r"(?:学校|院校|高校|大学)$")

# a stage of schooling: 学前教育, 义务教育, 高中阶段教育, 中等职业教育, 普通高等教育 …
_STAGE_RE = re.compile(
    r"^(?:学前|义务|高中阶段|普通高中|高中|初中|小学|中等职业|职业|高等职业|高等|普通高等|特殊|成人|继续|研究生|民办)教育$"
)
# a kind of school or of institution: 普通高中, 中等职业学校, 本科院校, 乡镇卫生院 …
_SCHOOL_RE = re.compile(
    r"^[\u4e00-\u9fff（）()]{0,8}(?:小学|初中|高中|中学|幼儿园|学校|院校|高校|大学)$"
)
_INSTITUTION_RE = re.compile(
    r"^[\u4e00-\u9fff（）()]{0,8}(?:医院|卫生院|卫生机构|医疗机构|卫生服务中心|养老机构|福利机构)$"
)
# what the sentence says before a figure that names whose the figure is (学校…所，在校生…)
_SCHOOL_SAID_RE = re.compile(r"小学|初中|高中|中学|幼儿园|学校|院校|高校|大学|教育")
_INSTITUTION_SAID_RE = re.compile(r"医院|卫生院|机构|中心|养老院")
# a clause about the whole area (全市卫生技术人员…), not the section's schools or institutions
_WHOLE_AREA_RE = re.compile(r"\s*(?:全[国省市县区州镇乡]|各级各类)")
# a theme or a list of subjects is no one subject
_NOT_ONE_RE = re.compile(r"[和与及、，,；;：:。]|事业|工作|情况|发展|建设|资源")


@lru_cache(maxsize=256)
def heading_subject(title: str) -> tuple[str, str]:
    """The subject a section heading names and its kind ("school" or "institution"),
    else ``("", "")``."""
    text = without_numbering(title)
    if not text or len(text) > 12 or _NOT_ONE_RE.search(text):
        return "", ""
    if _STAGE_RE.match(text) or _SCHOOL_RE.match(text):
        return text, "school"
    if _INSTITUTION_RE.match(text):
        return text, "institution"
    return "", ""


def subject_of_the_section(sentence: str, heading: str, named: list[Named]) -> list[Named]:
    """``named`` with each bare measure of schools or institutions named with the
    subject of its section's ``heading`` (see the module docstring), unless the sentence
    names other schools or institutions before its clause (普通高中120所，在校生…: the
    sentence's own)."""
    subject, kind = heading_subject(heading) if heading else ("", "")
    if not subject:
        return named
    said = _SCHOOL_SAID_RE if kind == "school" else _INSTITUTION_SAID_RE
    out: list[Named] = []
    for n in named:
        name = _with_subject(n.indicator, subject, kind)
        start = _clause_start(sentence, n.figure.start)
        if (
            name
            and not _others_said(sentence[:start], subject, said)
            and not _WHOLE_AREA_RE.match(sentence, start)
        ):
            n = replace(n, indicator=name, confidence=max(n.confidence, 0.75))
        out.append(n)
    return out


def _with_subject(name: str, subject: str, kind: str) -> str:
    """``name`` with ``subject``, when it is a bare measure of its kind, else ``""``."""
    schools = bool(_SCHOOLS_RE.search(subject))
    if kind == "institution":
        return subject + name if name in _INSTITUTION_MEASURES else ""
    if name == "学校":
        return subject if schools else subject + name
    if name.startswith("学校") and name[2:] in _SCHOOL_MEASURES:
        # 学校42所，招生…: the measure carried from the bare 学校 before
        return (subject if schools else subject + "学校") + name[2:]
    return subject + name if name in _SCHOOL_MEASURES else ""


def _clause_start(sentence: str, at: int) -> int:
    """Where the clause holding position ``at`` starts."""
    return max(sentence.rfind(mark, 0, at) for mark in "，,；;：:") + 1


def _others_said(before: str, subject: str, said: re.Pattern[str]) -> bool:
    """Whether ``before`` names schools or institutions other than ``subject``."""
    return bool(said.search(before.replace(subject, "")))
