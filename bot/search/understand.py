"""What a query asks about besides its words: a region, a year, a kind of document.

``山东 2024 GDP 增长目标`` is a question about Shandong's 2024 documents; the words
``山东`` and ``2024`` are not terms to find in the text but the documents to look in.
:func:`understand` finds them, so the searcher can rank the documents whose metadata
match first (a strong preference, not a filter: a query still answers when no document
matches) and the reply can say what was understood.

Pure: the known places (the regions of the indexed documents and every province) and
the gazetteer are given; nothing is read here but the table of the places' English and
pinyin names (:func:`bot.corpus.gazetteer.latin_places`, loaded once).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from bot.corpus.gazetteer import COUNTRY_RE, Gazetteer, Mention, with_chinese_places
from bot.models import DocumentInfo, Understood

# the slip reader's own names (and readings), read from here by the reference reading of
# tests/test_search_speed21.py
from bot.search.misspelt_places import _CJK_WORD_RE as _CJK_WORD_RE
from bot.search.misspelt_places import _PLACE_SUFFIX_RE as _PLACE_SUFFIX_RE
from bot.search.misspelt_places import _provinces as _provinces
from bot.search.misspelt_places import misspelt_region

# the plan periods' readers, imported from here by the searcher, the corrector and answers
from bot.search.plan_periods import PERIOD_NAME_RE, YEAR_SPAN_RE, name_periods
from bot.search.plan_periods import asks_past_period as asks_past_period
from bot.search.plan_periods import named_period as named_period
from bot.search.plan_periods import period_spans_named as period_spans_named
from bot.search.plan_periods import periods_named as periods_named
from bot.search.plan_periods import plan_period as plan_period
from bot.search.plan_periods import plan_period_spans as plan_period_spans
from bot.search.query import excluded_spans
from bot.text.normalize import normalize
from bot.text.pinyin import readings as readings
from bot.text.years import RELATIVE_YEARS, YEAR_RE, year_of

_misspelt_region = misspelt_region  # (the name tests/test_search_speed21.py calls)

NATIONAL = "全国"
# Words that name the whole country as the region asked about: 全国 anywhere (全国粮食
# 产量), the others only as a word of their own (国家 CPI, not 国家公园 or 中国式现代化);
# 我国 also opening a question typed as one run (我国数字经济发展存在哪些问题: "our country"
# is no word of anything else, and typed apart it is read so).
_NATIONAL_RE = re.compile(r"全国|(?:国家|中央|我国|中国)(?![\u3400-\u9fff])|^我国")
# The words that name the whole country typed alone (-全国 excludes its documents).
NATIONAL_WORDS = frozenset({"全国", "国家", "中央", "我国", "中国"})
# The same words anywhere: 国家和四川的目标, 四川与国家 (joined to a place, 国家 is the
# country even glued to the joiner).
_NATIONAL_WORD_RE = re.compile(r"全国|国家|中央|我国|中国")
# 全国 as the yardstick of a place's rank or level (安徽 增速 全国排第几, 居全国前列,
# 高于全国平均): the place named is the one asked about, not the country.
_NATIONAL_YARDSTICK_RE = re.compile(
    r"(?:居|在|于|占|比|高于|低于|领先|位居|位列|名列)全国|全国(?:排|第|前列|前|平均|领先|首|同类|位次)"
)
# Document kinds a user names, mapped to the types of ``bot.corpus.meta.TYPES``.
_TYPE_WORDS: tuple[tuple[str, str], ...] = (
    ("政府工作报告", "政府工作报告"),
    ("工作报告", "政府工作报告"),
    ("统计公报", "统计公报"),
    ("国民经济和社会发展统计公报", "统计公报"),
    ("党代会报告", "党代会报告"),
    ("党代会", "党代会报告"),
    ("规划纲要", "规划纲要"),
    ("行动方案", "实施意见/行动方案"),
    ("实施意见", "实施意见/行动方案"),
    ("行动计划", "实施意见/行动方案"),
    ("讲话", "讲话"),
    # the budget and plan reports beside the work report, by the name users give them or
    # by the matter of their titles; a bare 预算 or 计划 is a topic (预算绩效管理), no type
    ("预算报告", "预算报告"),
    ("预算执行情况", "预算报告"),
    ("预算草案", "预算报告"),
    ("决算报告", "预算报告"),
    ("计划报告", "计划报告"),
    ("计划执行情况", "计划报告"),
    ("计划草案", "计划报告"),
)
# The country's English names (China's 5G base stations, PRC): read as 中国, which names the
# national facet as the places' English names name theirs (the gazetteer's COUNTRY_RE).
_TYPE_RE = re.compile(
    "|".join(re.escape(w) for w, _ in sorted(_TYPE_WORDS, key=lambda x: -len(x[0])))
)
_TYPE_OF = dict(_TYPE_WORDS)
# The national party congress a query names (十九大, 党的二十大报告): its report, of the
# year it met. Congresses meet every five years: the 16th in 2002.
# Typed together with the words asked (十九大中医药怎么发展) it is the congress too, unless
# the 大 opens a word of its own (二十大型企业, 十九大类), a time after the congress is
# asked (十九大以来: what was done since, not the report) or its spirit (学习贯彻二十大
# 精神: what the other documents say of studying it).
_CONGRESS_RE = re.compile(
    r"(?<![一二三四五六七八九十百千])(?:党的)?(十[六七八九]|二十[一二]?)大(?:报告)?"
    r"(?!以来|以后|之后|后|期间|精神|[型类项批件户家学厦楼]|中型|中小|城市)"
)
_CONGRESS_YEAR = {"十六": 2002, "十七": 2007, "十八": 2012, "十九": 2017, "二十": 2022,
                  "二十一": 2027, "二十二": 2032}  # fmt: skip
# The central No. 1 document (中央一号文件, 一号文件): each year's is an opinion of the
# party centre and the State Council on rural work (关于…的意见), a national opinion. The
# kind asked is the document itself (NO1_DOCUMENT): an opinion of those issuers on
# 乡村, 农业, 农村 or 三农 (is_no1_document), not any national opinion.
_NO1_DOC_RE = re.compile(r"(?:中央)?一[号號]文件")
NO1_DOCUMENT = "中央一号文件"
NO1_TYPE = "实施意见/行动方案"
_NO1_ISSUER_RE = re.compile(r"(?:中共中央|党中央).{0,4}国务院")
_NO1_TOPIC_RE = re.compile(r"乡村|农业|农村|三农|农民")
# Years said relative to today (今年 GDP 目标), as the one year reader knows them.
_RELATIVE_YEAR_RE = re.compile("|".join(RELATIVE_YEARS))
RELATIVE_YEAR_WORDS: tuple[str, ...] = tuple(RELATIVE_YEARS)
# Quotation marks around a name typed (“互联网+”行动计划): the type word inside them or
# right after them is part of the name, not the kind of document asked (《…》 names the
# document itself, whose kind it is).
_QUOTE_PAIRS = {'"': '"', "“": "”", "「": "」", "『": "』", "‘": "’", "'": "'"}
# The end of a name with a plus sign (互联网+, 人工智能＋) right before a type word.
_PLUS_NAME_RE = re.compile(r"[+＋]\s*$")
_SUFFIX_RE = re.compile(r"特别行政区|自治区|自治州|省|市|州|区|县|盟|旗")


# Years a text names in words: the middle of the century is 2050 in every plan that
# sets a goal for it (本世纪中叶建成社会主义现代化强国).
_YEAR_WORDS = {2050: ("本世纪中叶",)}


def year_forms(year: int) -> tuple[str, ...]:
    """How a text writes ``year``: ``2035年``, ``二〇三五年`` and ``二○三五年`` (the
    party congress reports write the zero as a circle), and ``本世纪中叶`` for 2050."""
    digits = "〇一二三四五六七八九"
    cn = "".join(digits[int(c)] for c in str(year))
    forms = [f"{year}年", f"{cn}年"]
    if "〇" in cn:
        forms.append(cn.replace("〇", "○") + "年")
    # 零 for 〇 is rare in official texts; each form is a scan of the corpus
    return (*forms, *_YEAR_WORDS.get(year, ()))


@dataclass(frozen=True)
class Understanding:
    """The facets of a query (:class:`~bot.models.Understood`) and the text left to
    search for: the query without the words taken as facets."""

    facets: Understood
    rest: str


def understand(
    query: str,
    *,
    gazetteer: Gazetteer,
    known_regions: Collection[str],
    this_year: int | None = None,
    unwritten: Callable[[str], bool] | None = None,
) -> Understanding:
    """The region, year and document type named in ``query``.

    A place counts when it is a province, a region some indexed document is about (or
    lies in), or written with its suffix (``宜宾市``): a two-character place name that
    is also a plain word (中山, 和平) is left alone unless the corpus knows it. Every
    place named beside another (山东 江苏 GDP 目标, 成都和重庆) is asked about
    (``Understood.regions``, the first one ``region``); a place inside one named before
    narrows it (四川 成都), one around it only says where it is (成都 四川). The first
    year and kind win; a query that is nothing but facets keeps its words to
    search (``2024`` alone still finds text). With ``this_year``, ``今年``, ``去年``,
    ``上一年`` and ``明年`` are years too (a year written out wins over them), and
    ``过去五年`` is searched as the plan period that ended last year. ``全国`` as the
    yardstick of a rank (安徽 增速 全国排第几) is no region: the place named is, if any.
    With ``unwritten`` (whether no passage writes a word), a name the query opens with typed
    with one character of another shape (安微 for 安徽) is the place too, when no passage
    writes what was typed and one place alone is that near.
    A place written in English or pinyin (Sichuan, Inner Mongolia) is its Chinese name;
    a word excluded (-上海) is no facet.
    A span of years (2021-2025, 2021至2025年) names no single year: the span of a plan
    period is searched as the period (十四五), any other span as its words.
    """
    # Sichuan, Inner Mongolia, Chengdu Shi: the places' English and pinyin names are
    # read as their Chinese names (before normalising: a capital can decide, as in Ali)
    typed = name_periods(normalize(COUNTRY_RE.sub("中国", with_chinese_places(query))), this_year)
    # a word excluded (新质生产力 -上海) names no facet: it is read as blanks, and kept in
    # the text left to search, where it still excludes
    text = _blanked(typed, excluded_spans(typed))
    spans: list[tuple[int, int]] = []
    region: str | None = None
    # 全国 joined to a place (全国和广东 GDP 目标, 广东与全国): both are asked about
    national_at: int | None = None
    places = [
        mention for mention in gazetteer.mentions(text) if _counts(mention, known_regions, text)
    ]
    for m in _NATIONAL_WORD_RE.finditer(text):
        if _yardstick(text, m.start()):
            continue  # 安徽 … 全国排第几: 安徽 is asked about; alone, no region is
        alone = _NATIONAL_RE.match(text, m.start()) is not None
        # joined by a conjunction or a list comma, not a space (四川 全国 占比: the
        # place's share of the country's; 四川 国家级开发区: a word of its own)
        joined = any(_joined(text, m.span(), (p.start, p.end), spaced=False) for p in places)
        if not (joined or alone):
            continue  # 国家公园, 中国式现代化, 四川 国家级: a word of its own
        if not joined and any(p.end <= m.start() for p in places):
            continue  # 四川 水电装机 全国… : the first facet wins, the place named before
        region = NATIONAL
        spans.append(m.span())
        if joined:
            national_at = m.start()
        break
    regions: list[str] = []
    if region is None or national_at is not None:
        # the places that count, found above (the text read for them once, not twice)
        for mention in places:
            place = mention.place
            # 四川县域经济: 县域 is another's suffix, not a 四川县 (a province takes 省)
            suffix, own = _suffix_of(text, mention)
            span = (mention.start, suffix.end() if suffix and own else mention.end)
            if any(gazetteer.covers(place.short, r) for r in regions):
                spans.append(span)  # 成都 四川: the province only says where 成都 is
                continue
            spans.append(span)
            inside = [k for k, r in enumerate(regions) if gazetteer.covers(r, place.short)]
            if inside:
                # 四川 成都: the narrower place inside the one before is what is asked
                regions[inside[0]] = place.short
            else:
                # 山东 江苏 GDP 目标: a place beside the first is asked about too
                regions.append(place.short)
        # a slip past the first word only when no place is named (海南 千兆自贸岗 万兆: 万兆 is
        # no 万载)
        misspelt = misspelt_region(
            text, gazetteer, known_regions, unwritten, later=not regions and national_at is None
        )
        if misspelt and misspelt[0] not in regions and not _overlaps(misspelt[1], spans):
            # 贵洲 四川: the misspelt name the query opens with is the first place asked
            at = sum(1 for lo, _ in spans if lo < misspelt[1][0])
            regions.insert(min(at, len(regions)), misspelt[0])
            spans.append(misspelt[1])
        if national_at is not None:
            # in the order typed: 全国和广东 (全国 first), 广东与全国 (广东 first)
            first = min((p.start for p in places), default=national_at)
            regions.insert(0 if national_at < first else len(regions), NATIONAL)
        region = regions[0] if regions else None
    year: int | None = None
    years: list[int] = []
    year_word = ""
    in_spans = [m.span() for m in YEAR_SPAN_RE.finditer(text)]
    for m in YEAR_RE.finditer(text):
        if any(lo <= m.start() < hi for lo, hi in in_spans):
            continue  # 2021-2025: a span of years, no one year of it
        found = year_of(m)
        if year is not None and not _joined(text, spans[-1], m.span()):
            break  # 2024年 … 比2020年: only years typed side by side are each asked
        if found not in years:
            years.append(found)
        year = years[0] if years else None
        spans.append(m.span())
    if year is None and this_year is not None:
        rel = _RELATIVE_YEAR_RE.search(text)
        if rel and not quotes_a_sentence(text, rel.end()):
            year = this_year + RELATIVE_YEARS[rel.group()]
            year_word = rel.group()
            spans.append(rel.span())
    doc_type: str | None = None
    quoted = _quoted_spans(text)
    for m in _TYPE_RE.finditer(text):
        if any(lo <= m.start() <= hi for lo, hi in quoted):
            # “互联网+”行动计划, "脑机接口行动方案": a name quoted, the type word part of it
            continue
        if _PLUS_NAME_RE.search(text[: m.start()]):
            # 互联网+行动计划 typed without the quotation marks: a name all the same
            continue
        doc_type = _TYPE_OF[m.group()]
        spans.append(m.span())
        break
    congress = _CONGRESS_RE.search(text)
    if congress and doc_type in (None, "党代会报告"):
        # 十九大 社会主要矛盾: the 2017 report; the year a query writes out still wins
        doc_type = "党代会报告"
        if year is None:
            year = _CONGRESS_YEAR[congress.group(1)]
        if region is None:
            region = NATIONAL
        spans.append(congress.span())
    no1 = _NO1_DOC_RE.search(text)
    if no1 and doc_type is None:
        # 一号文件 种业: the national opinion on rural work, of the year if one is named.
        # 一号文件 is its nickname, which no line of it writes: the document asked, not
        # words to find (another opinion's line saying 文件 ranked above the No. 1
        # document's own); 中央 stays, the issuer its opening line names (中共中央 国务院)
        doc_type = NO1_DOCUMENT
        if region is None:
            region = NATIONAL
        spans.append((no1.end() - 4, no1.end()))
    spans.sort()
    rest = _without(typed, spans)
    left = re.sub(r"[\W_]+", "", _without(text, spans))
    if not left or _FOLLOW_UP_RE.fullmatch(left):
        # only facets (or facets asked again, 上饶市呢, 那2024年的呢): search their words too
        rest = typed
    several = tuple(regions) if len(regions) > 1 else ()
    both = tuple(years) if len(years) > 1 and years[0] == year else ()
    return Understanding(
        Understood(
            region,
            year,
            doc_type,
            regions=several,
            years=both,
            year_word=year_word,
            year_base=this_year if year_word else None,
        ),
        rest.strip(),
    )


# What a follow-up question adds to the place or year it asks about (上饶市呢 replying to the
# answer about 万年县, 那2024年的呢, 江西吗): nothing to search. Searched as the word 呢, a
# follow-up found nothing (admin-trial19).
_FOLLOW_UP_RE = re.compile(r"(?:那么?|还有)?的?(?:呢|吗|嘛|啊|呀|吧)?")


# A sentence of a document typed whole (or half remembered) as the query: one unbroken run
# of characters, long, asking nothing, with a figure or a clause mark as sentences have
# (海南上一年社会消费品零售总额 is a name asked, no sentence). Its 今年 is the document's
# word for the document's year, not the asker's: read as the current year it sent the
# report holding the sentence word for word behind this year's reports
# (今年赤字率拟按4%左右安排).
QUOTE_CHARS = 10
_AFTER_CHARS = 6  # a clause after 今年, not 今年GDP目标
_ASKS_RE = re.compile(r"多少|几|什么|啥|怎么|怎样|如何|哪|吗|是否|有无|[?？]|目标|预期")
_HAN_RE = re.compile(r"[\u3400-\u9fff]")
_SENTENCE_MARK_RE = re.compile(r"[0-9，。；,;]")


def quotes_a_sentence(text: str, after: int) -> bool:
    """Whether ``text`` reads as a quoted sentence rather than a question: no space, at
    least :data:`QUOTE_CHARS` characters, a figure or a clause mark (，。；), no word
    asking (多少, 如何, 吗, 目标 …) and a clause of at least six Chinese characters after
    position ``after`` (where 今年 ends)."""
    stripped = text.strip()
    if len(stripped) < QUOTE_CHARS or re.search(r"\s", stripped):
        return False
    if _SENTENCE_MARK_RE.search(stripped) is None:
        return False
    if _ASKS_RE.search(stripped):
        return False
    return len(_HAN_RE.findall(text[after:])) >= _AFTER_CHARS


def excludes_nation(query: str) -> bool:
    """Whether ``query`` excludes the country (GDP 目标 -全国): no national answer then."""
    text = normalize(query)
    return any(
        text[lo:hi].lstrip("-－—").strip("\"“”「」『』‘’'") in NATIONAL_WORDS
        for lo, hi in excluded_spans(text)
    )


def is_no1_document(doc: DocumentInfo) -> bool:
    """Whether ``doc`` is a central No. 1 document: an opinion (its type) of the party
    centre and the State Council together (its issuer) on rural work (its title)."""
    return (
        doc.doc_type == NO1_TYPE
        and _NO1_ISSUER_RE.search(doc.issuer or "") is not None
        and _NO1_TOPIC_RE.search(doc.title or "") is not None
    )


def _counts(mention: Mention, known_regions: Collection[str], text: str) -> bool:
    """Whether a place ``mention`` counts as a region asked about: a province, a region
    some indexed document is about (or lies in), or a name written with its own suffix
    (宜宾市). Another place's suffix is a word's end: 合作区 (a cooperation zone) is no
    合作市, 横琴粤澳深度合作区 named no region."""
    place = mention.place
    known = place.short in known_regions or place.name in known_regions
    if place.level == "provincial" or known:
        return True
    if not mention.suffixed:
        return False
    suffix, own = _suffix_of(text, mention)
    return suffix is None or own


def _suffix_of(text: str, mention: Mention) -> tuple[re.Match[str] | None, bool]:
    """The suffix word written right after ``mention`` (市, 区, 县域 …), if any, and whether
    it is the place's own (宜宾市; not 四川县域, not 合作区 of the place 合作市)."""
    suffix = _SUFFIX_RE.match(text, mention.end)
    return suffix, suffix is not None and mention.place.name.endswith(suffix.group())


# What joins two facets typed side by side (全国和广东, 2024年与2025年, 山东、江苏, 四川vs云南):
# a conjunction, a list comma, a slash or a space, and nothing else between them.
_JOINER_RE = re.compile(r"\s*(?:和|与|及|以及|跟|同|、|/|,|，|vs\.?|对比|比较)?\s*", re.IGNORECASE)


def _joined(text: str, a: tuple[int, int], b: tuple[int, int], *, spaced: bool = True) -> bool:
    """Whether the spans ``a`` and ``b`` of ``text`` are joined by a joiner alone (or,
    with ``spaced``, by a space alone)."""
    lo, hi = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    if lo > hi or _JOINER_RE.fullmatch(text, lo, hi) is None:
        return False
    return spaced or bool(text[lo:hi].strip())


def _yardstick(text: str, at: int) -> bool:
    """Whether the 全国 at ``at`` is the yardstick of a comparison (居全国前列)."""
    return any(m.start() <= at < m.end() for m in _NATIONAL_YARDSTICK_RE.finditer(text))


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` inside quotation marks, each from its opening mark to the
    end of its closing one (so a word right after the closing mark starts at its end);
    a plan period quoted as the documents write it (“十四五”) is no name."""
    out: list[tuple[int, int]] = []
    if not any(mark in text for mark in _QUOTE_PAIRS):
        return out  # most queries: no character to look at one by one
    i = 0
    while i < len(text):
        close = _QUOTE_PAIRS.get(text[i])
        end = text.find(close, i + 1) if close else -1
        if end < 0:
            i += 1
            continue
        if not PERIOD_NAME_RE.fullmatch(text[i + 1 : end]):
            out.append((i, end + 1))  # “十四五”规划纲要: the period is quoted, not a name
        i = end + 1
    return out


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(lo < span[1] and span[0] < hi for lo, hi in spans)


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each of ``spans`` blanked out, its length kept (offsets stay valid)."""
    for lo, hi in spans:
        text = text[:lo] + " " * (hi - lo) + text[hi:]
    return text


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    out: list[str] = []
    pos = 0
    for lo, hi in spans:
        if lo < pos:
            continue
        out.append(text[pos:lo])
        out.append(" ")
        pos = hi
    out.append(text[pos:])
    return re.sub(r"\s+", " ", "".join(out))
