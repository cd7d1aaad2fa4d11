"""The industry a sector plan is about, as the owner of its bare measures.

An action plan or a plan written for one industry (``江南省新能源汽车产业高质量发展行动
方案（2025—2027年）``, ``关于加快低空经济发展的实施意见``) says its size without naming
the industry again: ``到2027年，…产业规模突破5000亿元``. A measure said bare (``产业
规模``, ``营业收入``, ``总产值``) is the industry's: ``新能源汽车产业规模``. A measure
with an owner of its own (``空间信息产业规模``, ``食品工业产值``) stands as written.
"""

from __future__ import annotations

import re

# the industry a title names, after its place and the verbs of policy
_TITLE_LEAD_RE = re.compile(
    r"^(?:关于)?(?:[\u4e00-\u9fff]{2,8}?(?:省|市|自治区|区|县|州))?"
    r"(?:(?:加快|推动|推进|促进|支持|培育|发展壮大|打造|提升|实施|做大做强|高质量发展)+)?"
)
_INDUSTRY_RE = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{2,10}?(?:产业|经济))")
# measures said bare, that need an owner
_BARE_MEASURES = frozenset(
    {
        "产业规模",
        "产业总规模",
        "总规模",
        "规模",
        "产业产值",
        "产值",
        "总产值",
        "产业总产值",
        "营业收入",
        "产业营业收入",
        "主营业务收入",
        "增加值",
        "产业增加值",
    }
)
# the plan a notice issues
_ISSUED_RE = re.compile(r"《([^》]{4,60})》")
# what a plan does to an industry, never part of its name (食品科技创新赋能产业发展)
_ACTION_WORD_RE = re.compile(r"赋能|创新|建设|推进|促进|加快|打造|提升|转型|融合")
# words a title's 产业/经济 ends that name no industry (实体经济, 经济社会)
_NOT_AN_INDUSTRY_RE = re.compile(r"^(?:实体|国民|区域|县域|城市|经济)")


def plan_industry(title: str) -> str:
    """The industry ``title`` is about (``新能源汽车产业``, ``低空经济``), ``""`` when it
    names none. A notice that issues the plan (``关于印发《…行动方案》的通知``) is about
    the plan it issues."""
    inner = _ISSUED_RE.search(title)
    rest = inner.group(1) if inner else title.strip()
    rest = rest[rest.find("关于") :] if "关于" in rest else rest
    rest = _TITLE_LEAD_RE.sub("", rest, count=1)
    m = _INDUSTRY_RE.match(rest)
    if not m or _NOT_AN_INDUSTRY_RE.match(m.group(1)) or _ACTION_WORD_RE.search(m.group(1)):
        return ""
    return m.group(1)


def owned_by_industry(name: str, industry: str) -> str:
    """``name``, or the industry's when it is a bare measure (see the module docstring)."""
    if not industry or name not in _BARE_MEASURES:
        return name
    if industry.endswith("产业"):
        return industry + name.removeprefix("产业")
    return industry + name
