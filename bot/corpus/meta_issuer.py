"""Who issued or delivered a document, as its opening or closing lines name it (a
statistics bureau, a government or its office, a department, a party committee, joint
bodies), or as its type and region imply (a work report's government)."""

from __future__ import annotations

import re

from bot.corpus.gazetteer import NATIONAL, default_gazetteer
from bot.corpus.meta_region import Region

_ISSUER_LINE_RE = re.compile(
    r"^(?P<who>[\u4e00-\u9fff]{1,30}?(?:人民政府(?:办公厅)?|统计局|委员会|办公厅|国务院|调查队))"
    r"(?:\s|$|[\u4e00-\u9fff]{1,4}长|主席|主任|总理)"
)
# A department of a province, city or county, a line of its own under the title (湖南省财政厅,
# 浙江省教育厅, 江州市发展和改革局); a headline ending in 开局, 布局, 大局 is no department.
_DEPARTMENT_LINE_RE = re.compile(
    r"^(?P<who>[\u4e00-\u9fff]{2,8}?[省市县区州盟旗][\u4e00-\u9fff]{1,10}?"
    r"(?:厅|(?<![开布格大全结当变新破棋残])局))$"
)
# A department's own report on a year's work names it first: 湖南省商务厅2025年上半年工作总结,
# 江州市发展和改革委员会2026年工作要点
_TITLE_DEPARTMENT_YEAR_RE = re.compile(
    r"^(?P<who>[\u4e00-\u9fff]{2,8}?[省市县区州盟旗][\u4e00-\u9fff]{1,10}?(?:厅|局|委员会))"
    r"(?:19|20)\d\d年"
)
_TITLE_ISSUER_RE = re.compile(
    r"^(?P<who>国务院|中共中央(?:\s*国务院)?|中共[\u4e00-\u9fff]{2,12}?[省市县区州盟旗]委|"
    r"[\u4e00-\u9fff]{2,24}?"
    r"(?:人民政府(?:办公厅)?|委员会|办公室|办公厅|部(?:等[一二三四五六七八九十]+部门)?|局))关于"
)
# A speaker's line under a speech's title: 江西省委书记, 中共江州市委书记 → the party
# committee, named as titles name it (中共…省委)
_SECRETARY_LINE_RE = re.compile(
    r"^(?:中共)?(?P<who>[\u4e00-\u9fff]{2,10}?[省市县区州盟旗]委)(?:副)?书记(?:\s|$|[\u4e00-\u9fff]{2,3}$)"
)
# A joint document's title names its bodies one after another with a space between
# (工业和信息化部 国家发展改革委 财政部关于印发…): all of them issued it
_BODY = r"[\u4e00-\u9fff]{2,16}?(?:部|委|局|署|行|办公厅|人民政府|委员会|国务院|中共中央)"
_JOINT_TITLE_ISSUER_RE = re.compile(rf"^(?P<who>{_BODY}(?: {_BODY})+)关于")
# The government a work report's own title names: 柏加镇人民政府工作报告 (a township the
# gazetteer does not hold, so no region gives it)
_GWR_TITLE_ISSUER_RE = re.compile(r"^(?P<who>[\u4e00-\u9fff]{2,20}?人民政府)工作报告$")
# a province's survey team is a 调查总队 (国家统计局新疆调查总队), a city's a 调查队
_STAT_ISSUER_RE = re.compile(
    r"^[\u4e00-\u9fff]{2,12}统计局(?:\s+国家统计局[\u4e00-\u9fff]{2,8}调查总?队)?"
)


def infer_issuer(lines: list[str], region: Region | None, doc_type: str | None) -> str | None:
    """Who issued or delivered the document, as the text names it; ``None`` if unsaid."""
    for raw in lines:
        line = re.sub(r"\s+", " ", raw.strip())
        if not line:
            continue
        m = _STAT_ISSUER_RE.match(line)
        if m:
            nxt = lines[lines.index(raw) + 1].strip() if raw in lines[:-1] else ""
            issuer = m.group()
            if "调查" not in issuer and re.fullmatch(
                r"国家统计局[\u4e00-\u9fff]{2,8}调查总?队", nxt
            ):
                issuer += " " + nxt
            return issuer
        m = _TITLE_ISSUER_RE.match(line) or _JOINT_TITLE_ISSUER_RE.match(line)
        if m:
            return m.group("who")
        m = _DEPARTMENT_LINE_RE.match(line) or _TITLE_DEPARTMENT_YEAR_RE.match(line)
        if m:
            return m.group("who")
        m = _ISSUER_LINE_RE.match(line.replace(" ", " "))
        if m:
            who = m.group("who")
            if who.startswith(("省人民政府", "市人民政府", "区人民政府", "县人民政府")) and region:
                who = full_name(region) + who[1:]
            return who
        m = _SECRETARY_LINE_RE.match(line)
        if m and doc_type == "讲话":
            return "中共" + m.group("who")
        if line in ("中共中央 国务院", "中共中央国务院"):
            return "中共中央 国务院"
        m = _GWR_TITLE_ISSUER_RE.match(line)
        if m:
            return m.group("who")
    if doc_type == "党代会报告":
        m = re.search(  # 在中国共产党…第十五次代表大会上, or the title's own name
            r"(?:在|^)(中国共产党[\u4e00-\u9fff]{0,12}?)第[一二三四五六七八九十]+次",
            "\n".join(lines),
            re.MULTILINE,
        )
        if m:
            return _committee(m.group(1))
    if doc_type == "政府工作报告" and region is not None:
        if region.name == NATIONAL:
            return "国务院"
        if any(_OFFICE_RE.search(line) for line in lines):
            return full_name(region) + "行政公署"
        return full_name(region) + "人民政府"
    return None


# 中国共产党贵州省 (第十三次代表大会): a local congress's report is its committee's, named
# as titles and speakers' lines name it (中共贵州省委, 中共安吉县委); the national
# congress's is the party's (中国共产党).
_LOCAL_PARTY_RE = re.compile(
    r"中国共产党(?P<place>[\u4e00-\u9fff]{1,12}?(?:自治区|省|市|州|县|区|盟|旗))"
)


# A league (盟) or a prefecture (地区) is governed by an office of the region, not a people's
# government: its report says so (我代表盟行政公署向大会报告工作; 锡林郭勒, 兴安).
_OFFICE_RE = re.compile(r"代表(?:盟|地区)?(?:行政公署|行署)")


def _committee(party: str) -> str:
    m = _LOCAL_PARTY_RE.fullmatch(party)
    if not m:
        return party
    place = m.group("place")
    return f"中共{place}委员会" if place.endswith("自治区") else f"中共{place}委"


def full_name(region: Region) -> str:
    g = default_gazetteer()
    for place in g.lookup(region.name):
        if place.short == region.name and g.path(place) == region.path:
            return place.name
    return region.name
