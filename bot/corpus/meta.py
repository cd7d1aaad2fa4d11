"""Document metadata inferred from the text: title, region, level, type, year, issuer, date.

A user's documents arrive without metadata, yet filters and digests need to know *where*
and *when* a document is about and *what kind* of document it is. The opening lines of a
Chinese official document say most of it:

* the title (``2022年成都市国民经济和社会发展统计公报``, ``关于印发《…行动方案》的通知``);
* the delivery line (``——2026年1月27日在湖北省第十四届人民代表大会第四次会议上``);
* the issuer and document number (``省人民政府省长 王清宪``, ``沪府办发〔2024〕3号``).

The body is used only when the opening is silent (a news story, an untitled speech), and
the file's name only for a year the text never gives.
Everything here is pure string work; the gazetteer (:mod:`bot.corpus.gazetteer`) is the
only data it reads.

Year: the year the document is *about*. A bulletin reports on the year in its title
(published the next spring); a work report delivered in year N sets the targets of N; a
plan or policy is dated by its delivery or document number, never by a horizon
(``到2035年``) or a year it merely mentions.

The region is inferred by :mod:`bot.corpus.meta_region`; the opening lines are cut by
:mod:`bot.corpus.opening`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.corpus.doc_types import TARGET_STATING_TYPES, states_targets  # noqa: F401 (re-exported)
from bot.corpus.gazetteer import NATIONAL, default_gazetteer
from bot.corpus.meta_region import (
    Region,
    infer_place,
    region_named,
)
from bot.corpus.opening import DOC_NUMBER_RE, FULLWIDTH_DIGITS, fold_digits, opening_lines
from bot.corpus.parse import _has_letters, _paragraphs, has_markdown_headings, is_salutation
from bot.i18n import tr
from bot.models import DocumentMeta

MAX_TITLE_CHARS = 60
# How much of a document counts as its opening (title, delivery line, issuer).
TYPES = (
    "政府工作报告",
    "预算报告",
    "计划报告",
    "党代会报告",
    "统计公报",
    "规划纲要",
    "实施意见/行动方案",
    "讲话",
    "新闻",
)
# Catalogue keys of the types (``docs.types.<key>``): their names in a reply's language.
TYPE_KEYS: dict[str, str] = {
    "政府工作报告": "work_report",
    "预算报告": "budget_report",
    "计划报告": "plan_report",
    "党代会报告": "congress_report",
    "统计公报": "bulletin",
    "规划纲要": "plan_outline",
    "实施意见/行动方案": "policy",
    "讲话": "speech",
    "新闻": "news",
}


def type_label(doc_type: str, lang: str) -> str:
    """``预算报告`` → 预算报告 / budget report; a type set by a sidecar outside
    :data:`TYPES` is shown as written."""
    key = TYPE_KEYS.get(doc_type)
    return tr(lang, f"docs.types.{key}") if key else doc_type


# The target-stating types live in bot.corpus.doc_types (re-exported here): the commands
# ask them of every document without inferring any metadata.


# The reports delivered beside the work report at a people's congress: the finance
# department's on the budget, the development and reform commission's on the plan. Like
# the work report they review the year past and set the figures of the year ahead.
CONGRESS_REPORT_TYPES = frozenset({"预算报告", "计划报告"})

_YEAR = r"(?<![0-9])((?:19|20)[0-9]{2})"
_YEAR_RE = re.compile(_YEAR + r"(?=\s*年)")
_DATE_RE = re.compile(_YEAR + r"\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
# 发布时间：2025-07-18, 2025/7/18: a web page's publication date, in its opening only.
_ISO_DATE_RE = re.compile(_YEAR + r"([-/.])(\d{1,2})\2(\d{1,2})(?![\d])")
_TITLE_RANGE_RE = re.compile(
    r"[（(]\s*((?:19|20)\d\d)\s*[—–\-－~～至到]+\s*(?:19|20)\d\d\s*年?\s*[)）]"
)
# Target horizons ("到2035年", "至2025年") say little about when a text was written.
_HORIZON_RE = re.compile(r"(?:到|至)\s*$")
_PLAN_RE = re.compile(
    _YEAR
    + r"\s*年[^。！？；\n]{0,30}?(?:主要预期目标|预期目标|重点工作|工作安排|主要任务|工作任务)"
)
_REPORT_KINDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"政府向大会报告工作|人民政府.{0,6}(?:报告工作|作工作报告)|政府工作报告"
            r"|代表国务院.{0,6}报告"
        ),
        "政府工作报告",
    ),
    (re.compile(r"委员会向大会作报告|党代会报告|党代表大会上的报告"), "党代会报告"),
)

# --- document type ------------------------------------------------------------------------

# Kinds that make a title with a place and a year (烟台市2023年讲话); a news story or an
# action plan named so would read oddly, and keeps its file name.
_TITLED_KINDS = frozenset(
    {"讲话", "政府工作报告", "预算报告", "计划报告", "党代会报告", "统计公报", "规划纲要"}
)

# A year's status bulletin (生态环境状况公报, 国土绿化状况公报, 水资源公报) reports the year
# in its title as a statistical bulletin does: its results, published the next year.
BULLETIN_WORDS = r"统计公报|国民经济和社会发展统计|状况公报|水资源公报"
_TYPE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(BULLETIN_WORDS), "统计公报"),
    (
        re.compile(r"政府工作报告|政府向大会报告工作|人民政府.{0,6}报告工作|代表国务院.{0,6}报告"),
        "政府工作报告",
    ),
    (
        re.compile(
            r"(?:中国共产党|党的?|党委|党员).{0,20}代表大会上的报告|党代会报告|委员会向大会作报告"
            # the report as a title of its own: 中国共产党蓬溪县第十五次代表大会报告
            r"|中国共产党[\u4e00-\u9fff]{2,16}第[一二三四五六七八九十]+次(?:党员)?代表大会报告"
        ),
        "党代会报告",
    ),
)
# A party committee's proposal for a five-year plan, the plan's first draft, by its own
# title only (中共…市委关于制定…第十五个五年规划的建议); a text that cites the proposal
# (贯彻…关于制定…规划的建议) is not one.
_PLAN_PROPOSAL_RE = re.compile(r"关于制定.{0,50}?五年规划.{0,20}?的建议")
_PLAN_WORD_RE = re.compile(r"(规划纲要|纲要|规划|远景目标)$")
_POLICY_WORD_RE = re.compile(
    r"(实施意见|指导意见|意见|行动方案|行动计划|实施方案|建设方案|工作方案|方案|计划|若干措施|措施|办法|决定|通知)$"
)
_SPEECH_RE = re.compile(r"讲话|致辞|发言|在.{2,30}(?:会议|大会|论坛|座谈会)上的(?:讲话|报告)")
_NEWS_RE = re.compile(r"记者|来源[：:]|新华社.{0,12}电|日电|报道|编辑[：:|｜]")
# A reporter's byline: a line of its own (记者|张三, 本报记者 李四, 文/王五) or a bracket
# after the dateline (（记者 张三）), or the paper's own 本报讯.
_BYLINE_RE = re.compile(
    r"^(?:本报)?(?:记者|文|撰文|作者)\s*[|｜:：/／]\s*[\u4e00-\u9fff·]{2,6}"
    r"|^本报记者\s*[\u4e00-\u9fff]{2,4}"
    r"|[（(](?:本报|新华社|中新社)?记者[\u4e00-\u9fff、\s]{2,20}[)）]"
    r"|^本报讯",
    re.MULTILINE,
)
# A report on one matter to a people's congress or its standing committee (the budget, the
# plan, a sector): typed as a speech, like any address to the congress that is not the
# government's work report (caught before).
_REPORT_TO_CONGRESS_RE = re.compile(
    r"关于[^\n]{2,60}?的报告[^\n]*\n(?:[^\n]*\n){0,2}[^\n]*(?:人民代表大会|常务委员会)"
    r"|(?:常务委员会)[\s\S]*关于.{2,40}的报告|关于.{2,40}的报告[\s\S]*常务委员会"
)
# A budget or plan report by its own title: 关于X年预算执行情况和Y年预算草案的报告,
# 关于X年市级决算的报告, 关于X年国民经济和社会发展计划执行情况与Y年计划草案的报告,
# 关于X年上半年计划执行情况的报告, or so without 关于 (江州市2026年预算报告). The budget
# or the plan is the subject of the report; an audit of it (审计工作报告) is not one, nor
# a report on a sector's own 行动计划.
_BUDGET_SUBJECT = r"预算执行|预算草案|预算调整|决算|预算(?=报告)"
_PLAN_SUBJECT = (
    r"(?:国民经济和社会发展|经济社会发展|(?:19|20)\d\d年(?:上半年|度)?)计划(?:执行|草案)"
    r"|计划草案"
)
_CONGRESS_REPORT_TITLE_RE = re.compile(
    rf"^(?:(?!审计)[^\n]){{0,80}}?(?:(?P<budget>{_BUDGET_SUBJECT})|(?P<plan>{_PLAN_SUBJECT}))"
    r"(?:(?!审计)[^\n]){0,70}?的?报告(?:[（(][^）)\n]*[)）])?$"
)
# The report's own voice when no title line says it: 受市人民政府委托，现将全市2025年
# 预算执行情况和2026年预算草案提请…审议 (a speech that mentions the report does not say so).
_CONGRESS_REPORT_OPENING_RE = re.compile(
    rf"受[^\n，,]{{2,20}}委托[，,]?现将[^\n]{{0,60}}?(?:(?P<budget>{_BUDGET_SUBJECT})|(?P<plan>{_PLAN_SUBJECT}))"
    r"[^\n]{0,60}?提请"
)
_INNER_TITLE_RE = re.compile(r"印发[^《]{0,12}《(.+?)》")
# 关于印发2026年民生实事项目的通知: a notice that issues a year's list of projects or
# tasks (民生实事项目, 重点项目, 工作要点, 任务清单) without quoting its title; the list
# is the document, forward-looking as an action plan is.
_ISSUED_LIST_RE = re.compile(r"关于印发([^《》]{4,40})的通知$")
_LIST_WORD_RE = re.compile(r"(?:实事|项目|工作要点|清单)$")
# 宜昌市2022年十件民生实事: a year's list titled as itself, as the notice issuing one
# (关于印发2026年民生实事项目的通知) names it; a report on one (…完成情况的报告) is not
_YEAR_LIST_TITLE_RE = re.compile(r"(?:19|20)\d\d年[^，。：:《》]{0,12}(?:民生实事|民生实事项目)$")
_QUOTED_TITLE_RE = re.compile(r"《([^《》]{6,80})》")
_TRAILING_BRACKETS_RE = re.compile(r"[（(][^（）()]*[)）]\s*$")


def infer_type(title: str, opening: str) -> str | None:
    """One of :data:`TYPES`, or ``None`` when neither the title nor the opening says.

    A reporter's byline makes a story news even when its opening names the report it is
    about (``代表市政府向大会作政府工作报告``), unless the title itself is a document's; an
    agency's dateline alone does not, since agencies republish reports and plans whole
    (``新华社北京2月21日电`` above a No. 1 document)."""
    if _BYLINE_RE.search(opening) and not _type_of_own_title(title):
        return "新闻"
    if _PLAN_PROPOSAL_RE.search(title.replace(" ", "")):
        return "规划纲要"
    kind = _congress_report_type(title)
    if kind:
        return kind
    head = (title + "\n" + opening).replace(" ", "").replace("\u3000", "")
    kind = _ruled_type(head)
    if kind:
        return kind
    m = _CONGRESS_REPORT_OPENING_RE.search(head)
    if m:
        return "预算报告" if m.group("budget") else "计划报告"
    for text in (title, *_quoted_titles(opening)):
        kind = _type_of_title(text)
        if kind:
            return kind
    if _SPEECH_RE.search(head) or _REPORT_TO_CONGRESS_RE.search(head):
        return "讲话"
    if _NEWS_RE.search(head):
        return "新闻"
    return None


def _type_of_own_title(title: str) -> str | None:
    """The type a title alone gives, by the same rules as :func:`infer_type`."""
    flat = title.replace(" ", "").replace("\u3000", "")
    return (
        _congress_report_type(title)
        or _ruled_type(flat)
        or _type_of_title(title)
        or ("讲话" if _SPEECH_RE.search(flat) else None)
    )


def _congress_report_type(title: str) -> str | None:
    """``预算报告`` or ``计划报告`` when the title is such a report's own (the first of the
    two subjects named decides: a budget report cites the plan, and the other way)."""
    flat = title.replace(" ", "").replace("\u3000", "").strip().rstrip("。")
    m = _CONGRESS_REPORT_TITLE_RE.search(flat)
    if not m:
        return None
    return "预算报告" if m.group("budget") else "计划报告"


def _ruled_type(text: str) -> str | None:
    """The type the first of :data:`_TYPE_RULES` that ``text`` holds gives."""
    return next((kind for pattern, kind in _TYPE_RULES if pattern.search(text)), None)


def _type_of_title(title: str) -> str | None:
    issued = _ISSUED_LIST_RE.search(title)
    if issued and _LIST_WORD_RE.search(issued.group(1)):
        return "实施意见/行动方案"
    if _YEAR_LIST_TITLE_RE.search(title.strip()):
        return "实施意见/行动方案"
    inner = _INNER_TITLE_RE.search(title)
    t = inner.group(1) if inner else title
    t = t.strip().rstrip("。")
    for _ in range(2):
        t = _TRAILING_BRACKETS_RE.sub("", t).strip()
    if _PLAN_WORD_RE.search(t):
        return "规划纲要"
    if _POLICY_WORD_RE.search(t):
        if t.endswith("通知") and not inner:
            return None  # a plain notice: its type is what it announces
        return "实施意见/行动方案"
    return None


def _quoted_titles(opening: str) -> list[str]:
    """``现将《X行动方案（2025-2030年）》印发给你们``: titles quoted in the opening."""
    return [m.group(1) for m in _QUOTED_TITLE_RE.finditer(opening)]


# --- year, date, issuer -----------------------------------------------------------------------


def infer_year(
    text: str,
    headings: Iterable[str] = (),
    *,
    title: str = "",
    opening: str = "",
    closing: str = "",
    congress: bool = False,
) -> int | None:
    """The year a document is about (see the module docstring). First match wins:

    1. the year of a statistical bulletin's title (``2022年成都市…统计公报``);
    2. the year of a work report's title (``2024年政府工作报告``), of the draft a budget
       or plan report's title (``…和2026年预算草案的报告``) or own delivery line
       (``受…委托，现将…2026年预算草案提请…审议``) puts forward, or of the
       accounts a final-accounts report closes (``关于2024年市级决算的报告``);
    3. the delivery date in the opening (``——2026年1月27日在…``, ``（2017年10月18日）``);
    4. the year of the document number (``国发〔2021〕36号``);
    5. the first year of a period in the title (``（2022－2035年）``);
    6. the date the text is signed with, a line of its own among the last (``2021年9月18日``);
    7. the latest year in a heading (``三、2024年重点工作``), a planning phrase
       (``2024年……主要预期目标``), then the most frequent year not used as a horizon.

    A party congress report (``congress``) whose only years are its horizons (``到2026年``,
    ``到2035年``) and that no date places is not dated by them: ``None``.
    """
    text = fold_digits(text)
    title = title.translate(FULLWIDTH_DIGITS)
    opening = opening.translate(FULLWIDTH_DIGITS)
    head = title + "\n" + opening
    m = re.search(_YEAR + rf"\s*年[^\n]{{0,30}}?(?:{BULLETIN_WORDS})", head)
    if m:
        return int(m.group(1))
    m = re.search(_YEAR + r"\s*年[^\n]{0,20}?政府工作报告", head)
    if m:
        return int(m.group(1))
    delivery = _CONGRESS_REPORT_OPENING_RE.search(opening.replace(" ", ""))
    m = (
        _DRAFT_YEAR_RE.search(title)
        or _FINAL_ACCOUNTS_YEAR_RE.search(title)
        or (_DRAFT_YEAR_RE.search(delivery.group()) if delivery else None)
    )
    if m:
        return int(m.group(1))
    date = _DATE_RE.search(opening)
    if date:
        return int(date.group(1))
    number = DOC_NUMBER_RE.search(head.replace(" ", ""))
    if number:
        return int(number.group(2))
    span = _TITLE_RANGE_RE.search(head)
    if span:
        return int(span.group(1))
    signed = _SIGNED_DATE_RE.search(closing.translate(FULLWIDTH_DIGITS))
    if signed:
        return int(signed.group(1))
    if _PRESS_TITLE_RE.search(title):
        own = {int(m.group(1)) for m in _TITLE_YEAR_RE.finditer(title)}
        if len(own) == 1:
            return own.pop()
    return _year_from_body(text, headings, horizons=not congress)


# A year the text never gives (a news story's 今年以来 with no dateline, a speech with no
# date) is the one its file's name carries, where users and archives write it
# (2025年常州外贸运行情况.docx, city_changzhou_2025_trade-news.txt). A name holding two
# years (规划2021-2035) gives none: which one the text is about is not said.
_FILE_NAME_YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


def year_of_file_name(filename: str) -> int | None:
    """The one year a file's name carries (``2025年…``, ``…_2025_…``), else ``None``."""
    years = set(_FILE_NAME_YEAR_RE.findall(Path(filename).stem))
    return int(years.pop()) if len(years) == 1 else None


# A press conference is held in, and about, the year its title names (云川省2026年“两会”
# 首场新闻发布会实录, 郑州市2025年一季度经济运行情况新闻发布会实录), though the figures
# its officials review are of the year before and may be written more often; a horizon
# (到2027年, 2030年前) or a span (2021-2035年) is no year of its own.
_PRESS_TITLE_RE = re.compile(r"新闻发布会|发布会实录|发布会文字实录")
_TITLE_YEAR_RE = re.compile(
    r"(?<![0-9到至—–\-－~～])((?:19|20)[0-9]{2})(?=\s*年)(?!\s*年(?:前|底前|以前))"
)
# The year a budget or plan report sets the figures of, as a work report does its own:
# 关于2025年预算执行情况和2026年预算草案的报告 -> 2026.
_DRAFT_YEAR_RE = re.compile(_YEAR + r"\s*年[^\n年]{0,30}?(?:预算|计划)草案")
# A final-accounts report is about the year it closes, as a bulletin is about its year.
_FINAL_ACCOUNTS_YEAR_RE = re.compile(_YEAR + r"\s*年度?[^\n]{0,12}?决算")
# The date a text is signed with: a closing line that is a date and nothing else (a
# deadline, 2025年12月31日前完成, is not one)
_SIGNED_DATE_RE = re.compile(
    r"^\s*[（(]?" + _YEAR + r"\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[)）]?\s*$", re.MULTILINE
)


def _year_from_body(text: str, headings: Iterable[str], *, horizons: bool = True) -> int | None:
    heading_years = [
        int(y) for h in headings for y in _YEAR_RE.findall(h.translate(FULLWIDTH_DIGITS))
    ]
    if heading_years:
        return max(heading_years)
    planned = [int(m.group(1)) for m in _PLAN_RE.finditer(text)]
    if planned:
        return max(planned)
    written: Counter[int] = Counter()
    dated: Counter[int] = Counter()
    for m in _YEAR_RE.finditer(text):
        year = int(m.group(1))
        written[year] += 1
        if not _HORIZON_RE.search(text, max(0, m.start() - 3), m.start()):
            dated[year] += 1
    for counts in (dated, written) if horizons else (dated,):
        if counts:
            return max(counts, key=lambda y: (counts[y], y))
    return None


def infer_date(opening: str, closing: str = "") -> str | None:
    """The delivery or publication date as ISO text (``2026-01-27``, ``2023-05``)."""
    for text in (opening, closing):
        m = _DATE_RE.search(text.translate(FULLWIDTH_DIGITS))
        if m:
            year, month, day = m.group(1), int(m.group(2)), m.group(3)
            if not 1 <= month <= 12:
                continue
            return f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")
    m = _ISO_DATE_RE.search(opening.translate(FULLWIDTH_DIGITS))
    if m and 1 <= int(m.group(3)) <= 12 and 1 <= int(m.group(4)) <= 31:
        return f"{m.group(1)}-{int(m.group(3)):02d}-{int(m.group(4)):02d}"
    return None


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
_STAT_ISSUER_RE = re.compile(
    r"^[\u4e00-\u9fff]{2,12}统计局(?:\s+国家统计局[\u4e00-\u9fff]{2,8}调查队)?"
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
            if "调查队" not in issuer and re.fullmatch(
                r"国家统计局[\u4e00-\u9fff]{2,8}调查队", nxt
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
                who = _full_name(region) + who[1:]
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
            return m.group(1)
    if doc_type == "政府工作报告" and region is not None:
        if region.name == NATIONAL:
            return "国务院"
        return _full_name(region) + "人民政府"
    return None


def _full_name(region: Region) -> str:
    g = default_gazetteer()
    for place in g.lookup(region.name):
        if place.short == region.name and g.path(place) == region.path:
            return place.name
    return region.name


# --- title ----------------------------------------------------------------------------------

# what follows a place's name at the head of an official document: its government, its
# people's congress, a committee, a department
_ORGAN_AFTER_PLACE_RE = re.compile(
    r"(?:人民政府|人民代表大会|政府|政协|党委|[\u4e00-\u9fff]{0,12}?(?:委员会|办公厅|办公室|厅|局))"
)


def _unclipped(line: str, region: Region | None) -> str:
    """A head line that lost the first characters of its place's name, a glyph the text
    extraction dropped (``海市人民政府办公厅关于…`` in a document about 上海), with the
    name whole again: only when the place is the one the whole text is about, the part
    kept starts inside its proper name (not a bare 自治区 or 市) and a government organ
    follows, so a line that merely starts like the tail of a name is left alone."""
    if region is None or not line:
        return line
    full = _full_name(region)
    if line.startswith(full):
        return line
    for cut in range(1, min(len(region.name), len(full) - 1)):
        tail = full[cut:]
        if line.startswith(tail) and _ORGAN_AFTER_PLACE_RE.match(line, len(tail)):
            return full[:cut] + line
    return line


_NUMBER_LINE_RE = re.compile(
    r"^[（(]?[\u4e00-\u9fff]{1,12}\s*[〔［\[]\s*\d{4}\s*[〕］\]]\s*\d+\s*号[）)]?$"
)
_ADDRESSEE_RE = re.compile(r"^[^。]{2,80}[：:]$")


def _shorten(title: str, limit: int = MAX_TITLE_CHARS) -> str:
    title = title.strip().rstrip("。！？；!?;，,、：:")
    if len(title) <= limit:
        return title
    cut = max(title.rfind(ch, limit // 2, limit) for ch in "，。；、 ")
    return title[:cut] + "…" if cut > 0 else title[: limit - 1] + "…"


def _region_with_suffix(text: str, region: str) -> str:
    """``烟台`` -> ``烟台市`` when the text mostly writes it that way."""
    suffixes = Counter(re.findall(re.escape(region) + r"(市|省)", text))
    return region + suffixes.most_common(1)[0][0] if suffixes else region


def _first_meaningful_line(text: str) -> str | None:
    for line in text.split("\n"):
        s = line.strip().lstrip("#").strip()
        if _has_letters(s):
            return s
    return None


def _closing(text: str, n: int = 6) -> str:
    lines = [s.strip() for s in text.split("\n") if s.strip()]
    return "\n".join(lines[-n:])


def infer_meta(text: str, filename: str, *, places: Iterable[str] | None = None) -> DocumentMeta:
    """All metadata guessed from the text (a sidecar may override any of it).

    Title, first match wins, at most 60 characters:

    1. a markdown heading or title-like line before the first body paragraph;
    2. a title quoted in the opening when the document opens with its number or
       addressee (``沪科〔2025〕5号`` / ``各有关单位：`` / ``现将《…行动方案》印发``);
    3. if the text does not open with a salutation (同志们：, 各位代表：), its first
       meaningful line;
    4. for a recognisable report "<region><year>年<kind>", e.g. "烟台市2024年政府工作报告";
    5. the first numbered heading; 6. the file name without its extension.

    An addressee run into the title (``……的通知各区人民政府，市政府各委、办、局：``) is
    cut off, and a head line that lost the first glyph of the document's place
    (``海市人民政府办公厅…`` about 上海) gets it back, in the title and for the issuer.
    """
    allow_plain = not has_markdown_headings(text)
    paras = list(_paragraphs(text, allow_plain=allow_plain))
    headings = [p.heading for p in paras if p.heading is not None]
    opening = opening_lines(text)
    region = infer_place(text, opening, extra_places=places or ())
    title = _title(text, paras, headings, opening)
    doc_type = infer_type(title, opening)
    year = infer_year(
        text,
        [h.title for h in headings],
        title=title,
        opening=opening,
        closing=_closing(text),
        congress=doc_type == "党代会报告",
    )
    if year is None:
        year = year_of_file_name(filename)
    if title.replace(" ", "").replace("\u3000", "") in _GENERIC_TITLES:
        title = ""  # 政 府 工 作 报 告: named below after its region and year
    if not title:
        # spaces out: a title set letter-spaced (政 府 工 作 报 告) names the kind too
        head = re.sub(r"[ \t\u3000]", "", "\n".join(text[p.start : p.end] for p in paras[:4]))
        for pattern, kind in _REPORT_KINDS:
            if pattern.search(head):
                where = _full_name(region) if region else ""
                if where == NATIONAL:
                    where = "国务院"
                title = f"{where}{year}年{kind}" if year else f"{where}{kind}"
                break
    if not title and doc_type in CONGRESS_REPORT_TYPES:
        # 各位代表：受市人民政府委托，现将…: named as an untitled work report is
        where = _full_name(region) if region and region != NATIONAL else ""
        title = f"{where}{year}年{doc_type}" if year else f"{where}{doc_type}"
    if not title:
        title = next((h.title for h in headings if h.numbered), "")
    if not title and doc_type in _TITLED_KINDS and (region or year):
        # A speech opening with 同志们： has no title line; its kind, place and year say
        # more to a reader than a file name (2023年讲话, 烟台市2023年讲话).
        where = _full_name(region) if region and region != NATIONAL else ""
        title = f"{where}{year}年{doc_type}" if year else f"{where}{doc_type}"
    if not title:
        title = Path(filename).stem
    title = _unclipped(title, region)
    head_lines = opening.split("\n")
    head_lines[0] = _unclipped(head_lines[0], region)
    issuer = infer_issuer(head_lines + _closing(text).split("\n"), region, doc_type)
    date = infer_date(opening, _closing(text))
    return DocumentMeta(
        title=_shorten(title),
        region=region.name if region else None,
        year=year,
        level=region.level if region and region.level else None,
        doc_type=doc_type,
        issuer=issuer,
        date=date,
        region_path=region.path if region else (),
    )


_DATELINE_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}社[\u4e00-\u9fff]{2,6}\d{1,2}月\d{1,2}日电")
_SELF_TITLE_RE = re.compile(
    r"(?:现将|编制了?|制定了?|印发)《(.+?)》(?=[^》]*$|[^《]*(?:印发|，|。))"
)
# a policy document's title line, with or without its issuer before 关于
_POLICY_TITLE_RE = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,30}?(?:人民政府|办公厅|办公室|委员会|政府|厅|局|委|部|署))?"
    r"关于.{4,60}的(?:意见|通知|决定|方案|办法|规定|报告)$"
)
# An addressee run into the title (a layout that lost the line break): the words after
# a document's kind that name whom it is sent to, up to the colon: ……的通知各区人民政府，
# 市政府各委、办、局：. The addressee line is never part of a title.
_ADDRESSEE_RUN_IN_RE = re.compile(
    r"(?<=通知|意见|决定|方案|办法|规定|报告|批复|通报|计划|规划|纲要)"
    r"(?:各|有关|市政府|省政府|区政府|县政府)[^。；《》\n]{0,80}?[：:]"
)
_GENERIC_TITLES = ("政府工作报告", "工作报告", "报告")


# The issuing organ alone on the first line, above the title (the layout of a notice
# issued by a government office: 某县人民政府办公室 / 关于做好…的通知).
_ORGAN_LINE_RE = re.compile(
    r"^[\u4e00-\u9fff]{2,30}?(?:人民政府办公室|人民政府办公厅|人民政府|办公厅|办公室|委员会"
    r"|政府|厅|局|委)$"
)

# A line that is a document's name by its kind (…工作方案, …实施细则（试行）), no sentence.
_KIND_TITLE_RE = re.compile(
    r"^[^。，；：:,;]{4,60}(?:意见|通知|决定|方案|办法|规定|报告|计划|规划|纲要|通报|批复|公告"
    r"|通告|细则)(?:[（(][^）)]{1,20}[）)])?$"
)


def _title(text: str, paras: list, headings: list, opening: str) -> str:
    return _after_issuer_line(
        _without_addressee(_title_line(text, paras, headings, opening)), opening
    )


def _after_issuer_line(title: str, opening: str) -> str:
    """``某县人民政府办公室`` above ``关于做好…的通知``: the title is the document's own,
    with its issuer (``某县人民政府办公室关于做好…的通知``), not the organ's name."""
    if not _ORGAN_LINE_RE.match(title):
        return title
    lines = [line.strip() for line in opening.split("\n") if line.strip()]
    if title not in lines or lines.index(title) + 1 >= len(lines):
        return title
    following = lines[lines.index(title) + 1]
    if re.sub(r"[ \t\u3000]", "", following) in _GENERIC_TITLES:
        # a report's cover: 某县人民政府 / 政 府 工 作 报 告 (letter-spaced): the kind
        # alone, which infer_meta names after the place and year, not the organ's name
        return following
    if not (_POLICY_TITLE_RE.match(following) or _KIND_TITLE_RE.match(following)):
        return title
    return title + following if following.startswith("关于") else following


def _without_addressee(title: str) -> str:
    """``……的通知各区人民政府，市政府各委、办、局：`` -> ``……的通知``."""
    found = _ADDRESSEE_RUN_IN_RE.search(title)
    return title[: found.start()] if found else title


def _title_line(text: str, paras: list, headings: list, opening: str) -> str:
    for para in paras:  # a title heads the text: look only before the first body paragraph
        if para.heading is not None and not para.heading.numbered:
            return _complete(para.heading.title, opening)
        if para.heading is None and not is_salutation(text[para.start : para.end]):
            break
    first = _first_meaningful_line(text)
    if first is not None and (head := _without_addressee(first)) != first and head:
        return _complete(head, opening)  # 关于…的通知各区人民政府，…： on one line
    if first is not None and (
        _NUMBER_LINE_RE.match(first) or _ADDRESSEE_RE.match(first) or _DATELINE_RE.match(first)
    ):
        for line in opening.split("\n")[1:]:
            if _POLICY_TITLE_RE.match(line.strip()):
                return line.strip()
        own = _SELF_TITLE_RE.search(opening)
        if own:
            return own.group(1)
        quoted = _quoted_titles(opening)
        if quoted:
            return quoted[0]
    if first is not None and not is_salutation(first):
        return _complete(first, opening)
    return ""


def _complete(title: str, opening: str) -> str:
    """``国务院关于印发`` + ``“十四五”国家应急体系规划的通知``: a title broken over two lines."""
    if title.endswith(("关于印发", "关于", "印发")):
        lines = opening.split("\n")
        for k, line in enumerate(lines[:-1]):
            if line.strip() == title:
                return title + lines[k + 1].strip()
    return title


def merge_meta(inferred: DocumentMeta, overrides: dict[str, Any]) -> DocumentMeta:
    """``inferred`` with the sidecar ``overrides`` applied (extra keys are merged).

    A region set by the sidecar brings its own hierarchy and level (unless the sidecar
    sets the level too), so a filter on the province still finds the document.
    """
    if not overrides:
        return inferred
    keys = ("title", "region", "year", "level", "doc_type", "issuer", "date")
    changes: dict[str, Any] = {k: overrides[k] for k in keys if k in overrides}
    if "region" in overrides:
        if overrides["region"]:
            region = region_named(overrides["region"])
            changes["region_path"] = region.path
            changes.setdefault("level", region.level or None)
        else:
            changes["region_path"] = ()
            changes.setdefault("level", None)
    if "extra" in overrides:
        changes["extra"] = {**inferred.extra, **overrides["extra"]}
    return replace(inferred, **changes)
