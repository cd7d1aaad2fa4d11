"""A document's type, one of :data:`TYPES`, from its title and opening lines: a
statistical bulletin, a work report, a budget or plan report to the people's congress, a
party congress report, a plan outline, a policy (an action plan, an implementation
opinion), a speech or a news story; and its name in a reply's language."""

from __future__ import annotations

import re

from bot.i18n import tr

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


# The reports delivered beside the work report at a people's congress: the finance
# department's on the budget, the development and reform commission's on the plan. Like
# the work report they review the year past and set the figures of the year ahead.
CONGRESS_REPORT_TYPES = frozenset({"预算报告", "计划报告"})

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
_NEWS_RE = re.compile(
    r"记者|来源[：:]|新华社.{0,12}电|日电|报道|编辑[：:|｜]"
    # a press conference's transcript: its title, or the host who opens it
    r"|新闻发布会|发布会(?:文字)?实录|^主持人[：:]",
    re.MULTILINE,
)
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
CONGRESS_REPORT_OPENING_RE = re.compile(
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
    m = CONGRESS_REPORT_OPENING_RE.search(head)
    if m:
        return "预算报告" if m.group("budget") else "计划报告"
    for text in (title, *quoted_titles(opening)):
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


def quoted_titles(opening: str) -> list[str]:
    """``现将《X行动方案（2025-2030年）》印发给你们``: titles quoted in the opening."""
    return [m.group(1) for m in _QUOTED_TITLE_RE.finditer(opening)]
