"""Digest composition: filters, composing, Telegram HTML and plain-text rendering."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from html.parser import HTMLParser

import pytest

from bot.config import PROJECT_ROOT
from bot.corpus.loader import load_document
from bot.digest import (
    DigestFilter,
    FilterError,
    compose_digest,
    describe,
    format_filter,
    matches,
    parse_filter,
    render_html,
    render_text,
)
from bot.digest.compose import format_value, group_label, short_title
from bot.digest.render import TELEGRAM_LIMIT, utf16_len
from bot.models import DocumentInfo
from bot.targets.extract import extract_targets
from bot.targets.indicators import GROUPS, IndicatorTable, default_table
from bot.targets.records import KINDS, TargetRecord
from bot.text.synonyms import Synonyms
from tests.factories import document_info, target_record

NOW = datetime(2026, 11, 23, 8, 0)
CORPUS = PROJECT_ROOT / "corpus"


# -- builders ------------------------------------------------------------------------


def rec(indicator: str = "地区生产总值", **kw) -> TargetRecord:
    value = kw.pop("value", 5.5)
    data = {
        "doc": "a.txt",
        "section": "二、2024年主要目标",
        "value": value,
        "value_text": "5.5" if value is not None else "",
        "region": "烟台",
    }
    data.update(kw)
    return target_record(indicator, **data)


def info(doc_id: str, filename: str, title: str, *, region=None, indexed_at=100.0, year=2024):
    return document_info(
        doc_id, filename=filename, title=title, region=region, year=year, indexed_at=indexed_at
    )


DOC_A = info("aaaa111111", "a.txt", "烟台市2024年政府工作报告", region="烟台", indexed_at=100.0)
DOC_B = info("bbbb222222", "b.txt", "山东省2024年政府工作报告", region="山东", indexed_at=200.0)
DOCS = {d.doc_id: d for d in (DOC_A, DOC_B)}


@pytest.fixture(scope="module")
def table() -> IndicatorTable:
    return default_table()


@pytest.fixture(scope="module")
def synonyms() -> Synonyms:
    return Synonyms.from_files([PROJECT_ROOT / "config" / "dictionaries" / "synonyms.txt"])


def compose(records, docs=DOCS, filt=None, **kw):
    kw.setdefault("now", NOW)
    kw.setdefault("table", default_table())
    return compose_digest(records, docs, filt, **kw)


class _HTMLCheck(HTMLParser):
    """Collects problems: tags other than <b>/<i>, attributes, unbalanced tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.data: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ("b", "i") or attrs:
            self.errors.append(f"tag <{tag}> {attrs}")
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> with {self.stack}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.data.append(data)


_ENTITY_OK = re.compile(r"&(?:amp|lt|gt|quot|#\d+|#x[0-9a-fA-F]+);")


def check_html(chunk: str) -> str:
    """Assert ``chunk`` is valid Telegram HTML; return its text content."""
    parser = _HTMLCheck()
    parser.feed(chunk)
    parser.close()
    assert not parser.errors, parser.errors
    assert not parser.stack, f"unclosed {parser.stack}"
    # every & starts an entity, every < starts one of our tags
    for m in re.finditer("&", chunk):
        assert _ENTITY_OK.match(chunk, m.start()), chunk[m.start() : m.start() + 12]
    assert not re.search(r"<(?!/?[bi]>)", chunk)
    assert not re.search(r"<(b|i)></\1>", chunk), "empty tag pair"
    return "".join(parser.data)


# -- filter parsing ------------------------------------------------------------------


def test_empty_filter_is_default():
    for text in ("", "   ", "\u3000"):
        f = parse_filter(text)
        assert f == DigestFilter()
        assert f.kinds == ("target",)
        assert f.is_default
    assert describe(DigestFilter()) == ""


def test_parse_each_element():
    f = parse_filter(
        "GDP 投资 +烟台 !estimate -预计 kind:all region:青岛 doc:004 indicator:地区生产总值"
    )
    assert f.keywords == ("GDP", "投资")
    assert f.required == ("烟台",)
    assert f.excluded == ("estimate", "预计")
    assert f.kinds == KINDS
    assert f.regions == ("青岛",)
    assert f.docs == ("004",)
    assert f.indicators == ("地区生产总值",)


def test_parse_fullwidth_chinese_keys_lists_and_quotes():
    f = parse_filter("＋烟台 ！预计 地区：青岛,烟台 类型:预计 文件:“my doc.txt” 指标:'规上 工业'")
    assert f.required == ("烟台",)
    assert f.excluded == ("预计",)
    assert f.regions == ("青岛", "烟台")
    assert f.kinds == ("estimate",)
    assert f.docs == ("my doc.txt",)
    assert f.indicators == ("规上 工业",)
    # quoted words keep spaces and leading signs; unquoted lists split on 、，,
    f = parse_filter('"碳 达峰" "-5%" GDP、投资 kind:target,achievement kind:目标')
    assert f.keywords == ("碳 达峰", "-5%", "GDP", "投资")
    assert f.kinds == ("target", "achievement")
    # a colon after something that is not a key word is an ordinary keyword
    assert parse_filter("10:30").keywords == ("10:30",)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("foo:bar", "foo"),
        ("GDP source:x", "source"),
        ("region:", "region"),
        ('region:""', "region"),
        ("kind:future", "future"),
        ('"unclosed', "引号"),
        ("+", "+"),
        ("GDP !", "!"),
        ("!region:青岛", "region"),
    ],
)
def test_parse_errors_are_clear(text, needle):
    with pytest.raises(FilterError) as err:
        parse_filter(text)
    assert needle in str(err.value)


def test_unknown_key_message_lists_the_keys():
    # year: is a key since trial-left10 (year:2025): an unknown one is still refused
    with pytest.raises(FilterError, match=r"indicator:.*region:.*doc:.*year:.*kind:"):
        parse_filter("colour:2024")


def test_filter_dataclass_validates_and_normalises():
    assert DigestFilter(kinds=("all",)).kinds == KINDS
    assert DigestFilter(kinds=("estimate", "target")).kinds == ("target", "estimate")
    assert DigestFilter(keywords=("a", "a", " ")).keywords == ("a",)
    with pytest.raises(FilterError):
        DigestFilter(kinds=("nope",))
    with pytest.raises(FilterError):
        DigestFilter(kinds=())
    with pytest.raises(AttributeError):
        DigestFilter().keywords = ("x",)  # frozen


@pytest.mark.parametrize(
    "text",
    [
        "GDP +烟台 !estimate kind:all region:青岛 doc:004 indicator:地区生产总值",
        '"碳 达峰" "+x" "region:x" kind:estimate',
        "region:“西海岸 新区” doc:a,b",
        "",
    ],
)
def test_format_filter_round_trips(text):
    f = parse_filter(text)
    assert parse_filter(format_filter(f)) == f


def test_describe():
    f = parse_filter("GDP +烟台 !estimate kind:all region:青岛 doc:004 indicator:地区生产总值")
    text = describe(f)
    for part in ("关键词：GDP", "须含：烟台", "排除：estimate", "地区：青岛", "文件：004"):
        assert part in text
    assert "指标：地区生产总值" in text and "类型：全部" in text
    assert describe(parse_filter("kind:预计")) == "类型：预计"


# -- matching ------------------------------------------------------------------------


def test_keywords_match_indicator_sentence_or_section():
    r = rec(sentence="全市地区生产总值增长5.5%左右。", section="（一）稳增长")
    assert matches(r, DOC_A, parse_filter("地区生产总值"))
    assert matches(r, DOC_A, parse_filter("全市"))  # sentence
    assert matches(r, DOC_A, parse_filter("稳增长"))  # section
    assert matches(r, DOC_A, parse_filter("无关 稳增长"))  # any of
    assert not matches(r, DOC_A, parse_filter("出口"))
    # normalisation: full-width, case and traditional characters
    assert matches(r, DOC_A, parse_filter("地區生產總值"))
    r2 = rec("研发经费投入强度", sentence="R&D投入强度达到3%。")
    assert matches(r2, DOC_A, parse_filter("ｒ&ｄ"))


def test_keyword_synonyms(synonyms):
    r = rec(sentence="地区生产总值增长5.5%左右。")
    assert not matches(r, DOC_A, parse_filter("GDP"))
    assert matches(r, DOC_A, parse_filter("GDP"), synonyms)
    assert matches(r, DOC_A, parse_filter("gdp"), synonyms)
    assert matches(rec("规模以上工业增加值"), DOC_A, parse_filter("规上"), synonyms)
    assert matches(r, DOC_A, parse_filter("indicator:GDP"), synonyms)


def test_required_and_excluded_use_metadata_too():
    target = rec()
    estimate = rec(kind="estimate")
    f = parse_filter("+烟台 !estimate kind:all")
    assert matches(target, DOC_A, f)  # 烟台 is the record's region
    assert not matches(estimate, DOC_A, f)  # estimate: excluded by kind name
    assert not matches(estimate, DOC_A, parse_filter("!预计 kind:all"))  # Chinese label
    assert not matches(replace(target, region=""), DOC_B, f)  # 山东 document, no 烟台
    assert matches(replace(target, region=""), DOC_A, f)  # 烟台 in the document title
    assert not matches(target, DOC_A, parse_filter("+烟台 +出口"))  # all required
    assert not matches(target, DOC_A, parse_filter("!左右"))  # excluded word in sentence


def test_kinds_filter():
    assert matches(rec(), DOC_A, DigestFilter())
    assert not matches(rec(kind="achievement"), DOC_A, DigestFilter())
    assert matches(rec(kind="achievement"), DOC_A, parse_filter("kind:all"))
    assert matches(rec(kind="estimate"), DOC_A, parse_filter("kind:estimate"))
    assert not matches(rec(), DOC_A, parse_filter("kind:estimate"))


def test_region_matches_record_or_document():
    district = rec(region="西海岸新区")
    qd = info("q", "q.txt", "踔厉奋发", region="青岛")
    assert matches(district, qd, parse_filter("region:青岛"))  # the document's region
    assert matches(district, qd, parse_filter("region:西海岸"))  # part of the record's
    assert matches(rec(region="烟台"), DOC_A, parse_filter("region:烟台市"))  # 市 ignored
    assert not matches(rec(region="烟台"), DOC_A, parse_filter("region:青岛"))
    assert matches(rec(region="烟台"), DOC_A, parse_filter("region:青岛,烟台"))


def test_docs_match_id_filename_stem_or_prefix():
    d = info("ed82847100", "004_f9b1766ae33f6aa2.txt", "烟台市2024年政府工作报告")
    r = rec(doc="004_f9b1766ae33f6aa2.txt")
    for ref in ("ed82847100", "ED8284", "004_f9b1766ae33f6aa2.txt", "004_f9b1766ae33f6aa2", "004"):
        assert matches(r, d, parse_filter(f"doc:{ref}")), ref
    assert not matches(r, d, parse_filter("doc:003"))
    assert matches(r, None, parse_filter("doc:004"))  # unknown document: record.doc


# -- composing -------------------------------------------------------------------------


def target_texts(digest) -> list[str]:
    return [line.text for line in digest.target_lines]


def test_title_summary_and_line_layout():
    d = compose([("aaaa111111", rec())], filt=parse_filter("region:烟台"))
    assert d.title == "📊 重点目标简报 · 2026年11月23日 · 地区：烟台"
    assert d.lines[0].text == d.title and d.lines[0].kind == "title"
    assert d.date == "2026年11月23日"
    assert (d.shown, d.total, d.empty) == (1, 1, False)
    [line] = target_texts(d)
    assert line == "• 地区生产总值 增长 5.5%左右 · 2024年 — 《烟台市2024年政府工作报告》"
    entry = d.entries[0]
    assert (entry.indicator, entry.change, entry.value, entry.year) == (
        "地区生产总值",
        "增长",
        "5.5%左右",
        "2024年",
    )
    assert entry.region == ""  # 烟台 is already in the source title
    assert "共 1 条目标，来自 1 份文件" in d.text


def test_value_formats():
    assert format_value(rec(value=673.9, value_text="673.9亿", unit="亿元", qualifier="")) == (
        "673.9亿元"
    )
    assert format_value(rec(value=1, value_text="1万", unit="万场", qualifier="多")) == "1万多场"
    assert format_value(rec(value=40, value_text="40", unit="支", qualifier="余")) == "40余支"
    # 20多万 carries its 多 already (issue 11: it was shown as 20多万多人)
    assert (
        format_value(rec(value=20, value_text="20多万", unit="万人", qualifier="多")) == "20多万人"
    )
    assert (
        format_value(rec(value=10, value_text="10余万", unit="万人", qualifier="余")) == "10余万人"
    )
    assert (
        format_value(rec(value=100, value_text="百亿", unit="亿元", qualifier="过")) == "过百亿元"
    )
    assert format_value(rec(value=1000, value_text="千亿", unit="亿元", qualifier="级")) == "千亿级"
    assert format_value(rec(value=1000, value_text="千万", unit="万千瓦", qualifier="级")) == (
        "千万千瓦级"
    )
    assert format_value(rec(value=3, value_text="3", unit="位", qualifier="")) == "第3位"
    assert format_value(rec(value=1, value_text="一", unit="位", qualifier="")) == "第一"
    assert format_value(rec(value=1, value_max=2, value_text="1-2", unit="个", qualifier="")) == (
        "1-2个"
    )
    assert format_value(rec(value=5, value_text="百分之五", unit="%", qualifier="")) == "百分之五"
    doubling = rec(value=2, value_text="翻番", unit="倍", qualifier="", change="翻番")
    assert format_value(doubling) == ""
    written = rec(value=2, value_text="翻一番", unit="倍", qualifier="", change="翻番")
    assert format_value(written) == ""  # it was 翻一番倍
    quadrupling = rec(value=4, value_text="翻两番", unit="倍", qualifier="", change="翻番")
    assert format_value(quadrupling) == "翻两番"
    assert short_title("烟台市2024年政府工作报告") == "烟台市2024年政府工作报告"
    assert short_title(
        "全面贯彻党的二十大精神，奋力开创新时代社会主义现代化国际大都市建设新局面"
    ) == ("全面贯彻党的二十大精神…")
    assert len(short_title("一" * 40)) == 16


def test_masked_values_are_never_numbers():
    masked = rec(value=None, value_text="x.x", masked=True)
    # even an inconsistent record carrying a number: the number is never shown
    sneaky = rec("一般公共预算收入", value=4.25, value_text="x.xx", masked=True, unit="%")
    hidden_amount = rec(
        "人均地区生产总值", value=None, value_text="x.xx万", unit="万元", qualifier="", masked=True
    )
    d = compose([("aaaa111111", r) for r in (masked, sneaky, hidden_amount)])
    text = render_text(d)
    assert "地区生产总值 增长 x.x%左右（原文隐去）" in text
    assert "x.xx%左右（原文隐去）" in text
    assert "人均地区生产总值 增长 x.xx万元（原文隐去）" in text
    assert "4.25" not in text and "None" not in text
    lines = target_texts(d)
    assert all(not re.search(r"\d", line.split("·")[0]) for line in lines)
    assert all(e.masked for e in d.entries)
    assert "（原文隐去）" in "".join(render_html(d))


def test_masked_values_are_not_merged_across_documents():
    masked = rec(value=None, value_text="x.x", masked=True)
    d = compose([("aaaa111111", masked), ("bbbb222222", masked)])
    assert d.total == 2
    assert all(len(e.sources) == 1 for e in d.entries)


def test_value_null_comparisons_use_their_wording():
    sentence = (
        "今年主要预期目标是：地区生产总值增长5.5%左右，社会消费品零售总额增速高于全省平均水平，"
        "外贸进出口量稳质升。"
    )
    r = rec(
        "社会消费品零售总额",
        sentence=sentence,
        value=None,
        value_text="",
        unit="",
        qualifier="高于",
        change="增长",
    )
    income = rec(
        "居民人均可支配收入",
        sentence="就业水平进入全国前列，居民收入增长高于经济增长速度，城乡差距进一步缩小。",
        value=None,
        value_text="",
        unit="",
        qualifier="高于",
        change="增长",
        year="未来五年",
    )
    d = compose([("aaaa111111", r), ("aaaa111111", income)])
    lines = target_texts(d)
    assert (
        "• 社会消费品零售总额 增速高于全省平均水平 · 2024年 — 《烟台市2024年政府工作报告》" in lines
    )
    assert (
        "• 居民人均可支配收入 增长高于经济增长速度 · 未来五年 — 《烟台市2024年政府工作报告》"
        in lines
    )
    assert all(e.comparison for e in d.entries)
    assert "None" not in d.text


def test_headline_groups_come_first_in_config_order(table):
    names = {
        "gdp": "地区生产总值",
        "budget": "一般公共预算收入",
        "industry": "规模以上工业增加值",
        "investment": "固定资产投资",
        "consumption": "社会消费品零售总额",
        "income": "居民人均可支配收入",
    }
    for group, name in names.items():
        assert table.group(name) == group
    unknown = rec("某某奇怪指标")  # not in the table: group "other", last
    records = [unknown] + [rec(n) for n in reversed(names.values())]
    d = compose([("aaaa111111", r) for r in records])
    assert [e.indicator for e in d.entries] == [*names.values(), "某某奇怪指标"]
    headings = [line.text for line in d.lines if line.kind == "heading"]
    expected = [f"【{group_label(g)}】" for g in (*names, "other")]
    assert headings == expected
    order = [GROUPS.index(e.group) for e in d.entries]
    assert order == sorted(order)


def test_group_by_document():
    records = [
        ("aaaa111111", rec("一般公共预算收入")),
        ("aaaa111111", rec("地区生产总值")),
        ("bbbb222222", rec("固定资产投资", region="山东")),
    ]
    d = compose(records, group_by="document")
    headings = [line.text for line in d.lines if line.kind == "heading"]
    # newest document first (indexed_at 200 > 100)
    assert headings == [
        "📄 山东省2024年政府工作报告 · 山东 · 2024年",
        "📄 烟台市2024年政府工作报告 · 烟台 · 2024年",
    ]
    assert target_texts(d) == [
        "• 固定资产投资 增长 5.5%左右 · 2024年",
        "• 地区生产总值 增长 5.5%左右 · 2024年",  # headline order inside a document
        "• 一般公共预算收入 增长 5.5%左右 · 2024年",
    ]
    with pytest.raises(ValueError):
        compose(records, group_by="region")


def test_duplicates_across_documents_are_merged():
    same_a = rec(sentence="地区生产总值增长5.5%左右。")
    same_b = rec(doc="b.txt", sentence="全省地区生产总值增长5.5%左右，努力争取更好结果。")
    other_year = rec(year="2025")
    d = compose([("aaaa111111", same_a), ("bbbb222222", same_b), ("bbbb222222", other_year)])
    assert d.total == 2
    merged = d.entries[0]
    assert [s.doc_id for s in merged.sources] == ["bbbb222222", "aaaa111111"]
    assert len(merged.records) == 2
    assert target_texts(d)[0] == (
        "• 地区生产总值 增长 5.5%左右 · 2024年 · 烟台"
        " — 《山东省2024年政府工作报告》、《烟台市2024年政府工作报告》"
    )
    # different region or kind: not merged
    d = compose([("aaaa111111", same_a), ("bbbb222222", replace(same_b, region="山东"))])
    assert d.total == 2
    d = compose(
        [("aaaa111111", same_a), ("bbbb222222", replace(same_b, kind="estimate"))],
        filt=parse_filter("kind:all"),
    )
    assert d.total == 2
    assert "〔预计〕" in d.text and "〔目标〕" in d.text
    # by document: the line sits under the first source and names the others
    d = compose([("aaaa111111", same_a), ("bbbb222222", same_b)], group_by="document")
    assert target_texts(d) == [
        "• 地区生产总值 增长 5.5%左右 · 2024年 · 烟台（亦见《烟台市2024年政府工作报告》）"
    ]


def test_since_only_new_and_new_marker():
    records = [("aaaa111111", rec("地区生产总值")), ("bbbb222222", rec("固定资产投资"))]
    # only_new: only the document indexed after `since` contributes
    d = compose(records, since=150.0)
    assert [e.indicator for e in d.entries] == ["固定资产投资"]
    assert [s.doc_id for s in d.new_documents] == ["bbbb222222"]
    assert d.entries[0].new
    # its one new document is named once above, not again on every line (user-trial17)
    assert "🆕" not in target_texts(d)[0] and "《" not in target_texts(d)[0]
    assert "🆕 新文件：《山东省2024年政府工作报告》" in d.text
    # not only_new: both, only the new one marked
    d = compose(records, since=150.0, only_new=False)
    assert d.total == 2
    marks = {e.indicator: e.new for e in d.entries}
    assert marks == {"地区生产总值": False, "固定资产投资": True}
    lines = target_texts(d)
    assert "🆕" not in lines[0] and "🆕" in lines[1]
    d = compose(records, since=150.0, only_new=False, group_by="document")
    headings = [line.text for line in d.lines if line.kind == "heading"]
    assert headings[0].endswith("🆕") and not headings[1].endswith("🆕")
    # no digest delivered yet: everything contributes, nothing is marked
    d = compose(records)
    assert d.total == 2 and not d.new_documents and "🆕" not in d.text
    # nothing new since the last digest
    d = compose(records, since=500.0)
    assert d.empty and d.total == 0
    assert "没有符合条件的新目标" in d.text


def test_record_forms_and_unknown_documents():
    class DocTarget:  # like bot.library.DocTarget
        def __init__(self, doc_id, record):
            self.doc_id, self.record = doc_id, record

    bare = rec("地区生产总值", doc="a.txt")  # resolved by file name
    obj = DocTarget("bbbb222222", rec("固定资产投资", doc="b.txt"))
    stray = rec("一般公共预算收入", doc="unknown_doc.txt")
    d = compose([bare, obj, stray])
    by_ind = {e.indicator: e.sources[0] for e in d.entries}
    assert by_ind["地区生产总值"].doc_id == "aaaa111111"
    assert by_ind["固定资产投资"].doc_id == "bbbb222222"
    assert by_ind["一般公共预算收入"].title == "unknown_doc"
    # an unknown document cannot be new
    d = compose([bare, stray], since=50.0)
    assert [e.indicator for e in d.entries] == ["地区生产总值"]
    with pytest.raises(TypeError):
        compose(["not a record"])


def test_cap_and_more_line():
    names = [n for n in default_table().names()][:12]
    records = [("aaaa111111", rec(n)) for n in names]
    d = compose(records, cap=5)
    assert (d.shown, d.total, d.hidden) == (5, 12, 7)
    assert len(d.target_lines) == 5
    assert d.lines[-1].kind == "more"
    assert d.lines[-1].text == "……另有 7 条未列出，查看全部请用 /targets"
    assert "显示其中 5 条" in d.text
    d = compose(records, cap=5, more_command="briefbot targets")
    assert "briefbot targets" in d.lines[-1].text
    d = compose(records, cap=12)
    assert d.shown == 12 and all(line.kind != "more" for line in d.lines)
    with pytest.raises(ValueError):
        compose(records, cap=0)


def test_empty_digest():
    d = compose([("aaaa111111", rec())], filt=parse_filter("出口"))
    assert d.empty and d.shown == d.total == 0 and not d.entries
    assert [line.kind for line in d.lines] == ["title", "empty"]
    assert "没有符合条件的新目标" in d.text
    d = compose([], only_new=False)
    assert d.empty and "没有符合条件的目标" in d.text
    [message] = render_html(d)
    check_html(message)
    assert "没有符合条件的目标" in message


# -- rendering -------------------------------------------------------------------------

NASTY_TITLE = '<script>alert("1")</script> 报告 & 附件'


def nasty_digest(**kw):
    docs = {"x": info("x", "x.txt", NASTY_TITLE, region="烟&台")}
    records = [
        (
            "x",
            rec(
                "地区生产总值<b>增长</b>", sentence="地区生产总值<b>增长</b>5%&更多", region="烟&台"
            ),
        ),
        (
            "x",
            rec(
                "R&D<i>经费</i>",
                sentence="R&D<i>经费</i>增速<b>高于</b>全省&全国平均水平。",
                value=None,
                value_text="",
                unit="",
                qualifier="高于",
            ),
        ),
    ]
    return compose(records, docs, parse_filter("kind:all +&"), **kw)


@pytest.mark.parametrize("group_by", ["indicator", "document"])
def test_html_escapes_document_text(group_by):
    d = nasty_digest(group_by=group_by)
    [message] = render_html(d)
    text = check_html(message)
    assert "<script>" not in message and "&lt;script&gt;" in message
    assert "地区生产总值&lt;b&gt;增长&lt;/b&gt;" in message
    assert "R&amp;D&lt;i&gt;经费&lt;/i&gt;" in message
    assert "增速&lt;b&gt;高于&lt;/b&gt;全省&amp;全国平均水平" in message
    assert '"' in message and "&quot;" not in message  # quote=False: quotes untouched
    # the HTML says exactly what the plain text says
    assert text == render_text(d)
    assert set(re.findall(r"</?[a-z]+>", message)) <= {"<b>", "</b>", "<i>", "</i>"}


def test_plain_text_form():
    d = nasty_digest()
    text = render_text(d)
    assert text == d.text
    assert "《<script>alert(" in text  # as written, shortened
    assert "&amp;" not in text and "&lt;" not in text
    assert "R&D<i>经费</i> 增速<b>高于</b>全省&全国平均水平" in text
    assert text.splitlines()[0] == d.title


def many_records(n: int):
    names = list(default_table().names())
    docs = {
        f"d{i}": info(f"d{i}", f"{i:03d}.txt", f"第{i}号🆕文件 <附件> & 说明", indexed_at=float(i))
        for i in range(8)
    }
    records = []
    for i in range(n):
        records.append(
            (
                f"d{i % 8}",
                rec(
                    names[i % len(names)],
                    value=float(i),
                    value_text=str(i),
                    year=str(2000 + i % 30),
                ),
            )
        )
    return records, docs


@pytest.mark.parametrize("group_by", ["indicator", "document"])
def test_html_split_at_line_boundaries(group_by):
    records, docs = many_records(400)
    d = compose(records, docs, cap=400, since=3.5, only_new=False, group_by=group_by)
    messages = render_html(d)
    assert len(messages) > 1
    plain_lines: list[str] = []
    heading = None
    for n, message in enumerate(messages):
        assert utf16_len(message) <= TELEGRAM_LIMIT
        text = check_html(message)
        lines = text.split("\n")
        assert lines[0] and lines[-1]  # no blank first/last line
        assert not lines[-1].startswith(("【", "📄")), "a heading ended a message"
        # a message never starts under no heading: a section going on says its heading
        # again (user-trial17)
        assert not lines[0].startswith("• ")
        if n and lines[0] == heading and lines[1].startswith("• "):
            lines = lines[1:]
        heading = next((x for x in reversed(lines) if x.startswith(("【", "📄"))), heading)
        plain_lines.extend(lines)
    # nothing lost, order kept (blank separators aside)
    expected = [line.text for line in d.lines if line.kind != "blank"]
    assert [line for line in plain_lines if line] == expected
    # emoji count two UTF-16 units: 🆕 is outside the BMP
    assert utf16_len("🆕") == 2 and len("🆕") == 1


def test_html_split_with_a_small_limit():
    records, docs = many_records(60)
    d = compose(records, docs, cap=60)
    messages = render_html(d, limit=200)
    assert len(messages) > 10
    for message in messages:
        assert utf16_len(message) <= 200
        check_html(message)
    with pytest.raises(ValueError):
        render_html(d, limit=10)


@pytest.mark.parametrize("limit", [TELEGRAM_LIMIT, 333, 97])
def test_very_long_single_line_is_cut_safely(limit):
    title = ("超长标题&<b>😀" * 1200) + "结尾"
    docs = {"long": info("long", "long.txt", title)}
    d = compose([("long", rec())], docs, group_by="document")
    heading = next(line for line in d.lines if line.kind == "heading")
    assert utf16_len(heading.text) > TELEGRAM_LIMIT
    messages = render_html(d, limit=limit)
    assert len(messages) >= 2
    pieces = []
    for message in messages:
        assert utf16_len(message) <= limit
        pieces.append(check_html(message))
    # the cut pieces put back together give the line again
    joined = "".join(pieces).replace("\n", "")
    assert heading.text in joined
    assert "• 地区生产总值 增长 5.5%左右 · 2024年" in joined


def test_real_digest_bundled_corpus(table, synonyms):
    paths = sorted(CORPUS.glob("*.txt"))
    assert len(paths) == 5
    docs: dict[str, DocumentInfo] = {}
    records = []
    for i, path in enumerate(paths):
        doc = load_document(path, CORPUS, max_bytes=10_000_000, passage_max_chars=400)
        meta = doc.meta
        docs[doc.doc_id] = info(
            doc.doc_id,
            doc.filename,
            meta.title,
            region=meta.region,
            year=meta.year,
            indexed_at=1000.0 + i,
        )
        records += [(doc.doc_id, r) for r in extract_targets(doc, table)]
    by_name = {d.filename[:3]: d for d in docs.values()}
    yantai = by_name["004"]

    d = compose_digest(records, docs, None, now=NOW, table=table, cap=30)
    assert not d.empty and d.shown == 30 and d.total > 30
    assert d.entries[0].indicator == "地区生产总值" and d.entries[0].group == "gdp"
    assert "• 地区生产总值 增长 5.5%左右 · 2024年 — 《烟台市2024年政府工作报告》" in d.text
    assert d.lines[-1].text.endswith("/targets")
    order = [GROUPS.index(e.group) for e in d.entries]
    assert order == sorted(order)
    # a hidden figure of 002 tells nothing: the cap takes every group's shown figures
    # first (user-trial17); with room for all, they are shown as masked
    assert not any(e.masked for e in d.entries)
    d_all = compose_digest(records, docs, None, now=NOW, table=table, cap=1000)
    assert d_all.shown == d_all.total
    masked = [e for e in d_all.entries if e.masked]
    assert masked and all("（原文隐去）" in e.value for e in masked)
    for message in render_html(d):
        assert utf16_len(message) <= TELEGRAM_LIMIT
        check_html(message)

    # since: only 004 (indexed last) is new
    d = compose_digest(
        records,
        docs,
        parse_filter("GDP kind:all"),
        now=NOW,
        since=1003.5,
        table=table,
        synonyms=synonyms,
        cap=100,
    )
    assert {s.doc_id for e in d.entries for s in e.sources} == {yantai.doc_id}
    assert [s.doc_id for s in d.new_documents] == [yantai.doc_id]
    # trial-left7: the main-targets sentence names 地区生产总值 among eight indicators;
    # its retail-sales record is not a GDP figure
    assert "社会消费品零售总额" not in d.text
    assert "〔预计〕地区生产总值 增长 6.5%左右 · 2023年" in d.text

    # regions and documents
    d = compose_digest(
        records,
        docs,
        parse_filter("region:青岛 kind:all"),
        now=NOW,
        table=table,
        cap=500,
        group_by="document",
    )
    sources = {s.filename[:3] for e in d.entries for s in e.sources}
    assert sources == {"001", "003"}
    assert "西海岸新区" in d.text
    d = compose_digest(records, docs, parse_filter("doc:004"), now=NOW, table=table, cap=500)
    assert {s.filename[:3] for e in d.entries for s in e.sources} == {"004"}
    d = compose_digest(records, docs, parse_filter("doc:004 region:青岛"), now=NOW, table=table)
    assert d.empty

    # the plain text never shows a number for a masked figure of 002
    d = compose_digest(
        records, docs, parse_filter("doc:002 kind:all"), now=NOW, table=table, cap=500
    )
    masked = [e for e in d.entries if e.masked]
    assert len(masked) > 20
    for e in masked:
        assert all(r.value is None for r in e.records)
        assert not re.search(r"\d", e.value.replace("（原文隐去）", "")), e.value


# -- issue 11: regions with hierarchy, indicator families, confidence, groups ---------------

SD_YANTAI = replace(DOC_A, region_path=("山东", "烟台"), level="city")
HUBEI = replace(
    info("hhhh333333", "h.txt", "湖北省政府工作报告", region="湖北"),
    region_path=("湖北",),
    level="provincial",
)
NATION = replace(info("nnnn444444", "n.txt", "政府工作报告", region="全国"), level="national")


def test_region_filter_includes_cities_and_counties():
    from bot.corpus.gazetteer import default_gazetteer

    gz = default_gazetteer()
    f = parse_filter("region:山东")
    assert matches(rec(), SD_YANTAI, f)  # 烟台 is in 山东 (the document's region path)
    assert matches(rec(region=""), SD_YANTAI, f)
    assert not matches(rec(region="武汉"), HUBEI, f)
    # a figure about 武汉 in a 湖北 report is inside 湖北, and about 武汉
    wuhan = rec("地区生产总值", region="武汉")
    assert matches(wuhan, HUBEI, parse_filter("region:湖北"), gazetteer=gz)
    assert matches(wuhan, HUBEI, parse_filter("region:武汉"), gazetteer=gz)
    assert not matches(rec(region="湖北"), HUBEI, parse_filter("region:武汉"), gazetteer=gz)


def test_region_national_means_national_figures():
    f = parse_filter("地区:全国")
    assert matches(rec("国内生产总值", region="全国"), NATION, f)
    assert matches(rec("国内生产总值", region=""), NATION, f)
    assert not matches(rec(), SD_YANTAI, f)
    assert not matches(rec(region="全国"), HUBEI, parse_filter("region:湖北"))


def test_indicator_families_in_filters(table):
    national = rec("国内生产总值", region="全国", sentence="国内生产总值增长5%左右。")
    cpi = rec("居民消费价格", sentence="居民消费价格涨幅2%左右。", change="涨幅")
    assert matches(national, NATION, parse_filter("indicator:GDP"), table=table)
    assert matches(rec(), SD_YANTAI, parse_filter("indicator:GDP"), table=table)
    assert matches(cpi, NATION, parse_filter("indicator:CPI"), table=table)
    assert matches(cpi, NATION, parse_filter("CPI"), table=table)  # a keyword too
    assert not matches(cpi, NATION, parse_filter("CPI"))  # without the table: a word
    per_capita = rec("人均地区生产总值", sentence="人均地区生产总值达到10万元。")
    assert not matches(per_capita, SD_YANTAI, parse_filter("indicator:国内生产总值"), table=table)
    # a synonym's characters (生产总值) do not make another known indicator one of the family
    marine = rec("海洋生产总值", sentence="海洋生产总值增长6%。")
    synonyms = Synonyms.from_files([PROJECT_ROOT / "config" / "dictionaries" / "synonyms.txt"])
    wanted = parse_filter("indicator:地区生产总值")
    assert not matches(marine, SD_YANTAI, wanted, synonyms, table=table)
    assert matches(rec(), SD_YANTAI, wanted, synonyms, table=table)
    # a name the table does not know still matches when it holds the term as written
    assert matches(rec("烟台地区生产总值"), SD_YANTAI, wanted, synonyms, table=table)


def test_confidence_filter_parses_formats_and_describes():
    f = parse_filter("GDP confidence:all")
    assert f.show_all and f.keywords == ("GDP",)
    assert parse_filter("可信度:全部").show_all
    assert not parse_filter("GDP").show_all
    assert parse_filter(format_filter(f)) == f
    assert "可信度：全部" in describe(f)
    with pytest.raises(FilterError, match="可信度"):
        parse_filter("confidence:maybe")


def test_low_confidence_records_are_hidden_and_counted():
    sure = rec()
    unsure = rec("总投资", value=560, unit="亿元", confidence=0.35, sentence="总投资560亿元。")
    digest = compose([("aaaa111111", sure), ("aaaa111111", unsure)])
    assert [e.indicator for e in digest.entries] == ["地区生产总值"]
    assert digest.low_confidence == 1
    summary = next(line.text for line in digest.lines if line.kind == "summary")
    assert "另有 1 条低可信度数据未显示" in summary and "confidence:all" in summary
    everything = compose(
        [("aaaa111111", sure), ("aaaa111111", unsure)], filt=parse_filter("confidence:all")
    )
    assert {e.indicator for e in everything.entries} == {"地区生产总值", "总投资"}
    assert everything.low_confidence == 0
    only_unsure = compose([("aaaa111111", unsure)])
    assert only_unsure.empty and "另有 1 条低可信度数据未显示" in only_unsure.text


def test_groups_follow_the_families():
    lines = compose(
        [
            (
                "aaaa111111",
                rec("粮食产量", value=1.4, unit="万亿斤", sentence="粮食产量1.4万亿斤。"),
            ),
            ("aaaa111111", rec("赤字率", value=4, sentence="赤字率拟按4%左右安排。")),
            ("aaaa111111", rec("地方政府专项债券", value=4.4, unit="万亿元")),
        ]
    ).text
    assert "【农业农村】\n• 粮食产量" in lines
    assert "【财政】\n• 赤字率" in lines and "地方政府专项债券" in lines
    assert group_label("agriculture") == "农业农村" and group_label("budget") == "财政"
    assert group_label("budget", "en") == "Public finance"
    for group in GROUPS:  # every group has a label in both languages
        assert group_label(group, "zh") and group_label(group, "en")


# -- language ------------------------------------------------------------------------


def test_english_frame_with_the_documents_figures():
    records = [
        ("aaaa111111", rec("地区生产总值")),
        ("bbbb222222", rec("地区生产总值")),  # the same figure: one line, two sources
        ("aaaa111111", rec("粮食产量", value=1200, unit="万吨", qualifier="以上", region="")),
        ("aaaa111111", rec("一般公共预算收入", confidence=0.35)),
    ]
    filt = parse_filter("kind:all +烟台")
    en = compose(records, filt=filt, since=150.0, only_new=False, cap=1, lang="en")
    zh = compose(records, filt=filt, since=150.0, only_new=False, cap=1)
    assert en.title == "📊 Key targets digest · 2026-11-23 · must contain: 烟台; kinds: all"
    assert zh.title == "📊 重点目标简报 · 2026年11月23日 · 须含：烟台；类型：全部"
    summary = [line.text for line in en.lines if line.kind == "summary"]
    assert summary == [
        "Figures: 2, from 2 documents, 1 of them shown; 1 low-confidence figure not shown"
        " (add confidence:all to the filter to see them)"
    ]
    assert [line.text for line in en.lines if line.kind == "heading"] == ["[Economic output]"]
    assert [line.text for line in en.lines if line.kind == "new_docs"] == [
        "🆕 New documents: 《山东省2024年政府工作报告》"
    ]
    # The indicator, the figure and the place in English words (english-trial18), the titles
    # the documents' own; the year written as English writes it (2024, not 2024年).
    (target,) = (line.text for line in en.lines if line.kind == "target")
    assert target.startswith("• [target] GDP growth of about 5.5% · 2024 · Yantai — ")
    assert "《山东省2024年政府工作报告》🆕, 《烟台市2024年政府工作报告》" in target
    (zh_target,) = (line.text for line in zh.lines if line.kind == "target")
    assert zh_target.startswith("• 〔目标〕地区生产总值 增长 5.5%左右 · 2024年")
    assert en.lines[-1].text == "… 1 more not listed; see them all with /targets"
    assert zh.lines[-1].text == "……另有 1 条未列出，查看全部请用 /targets"
    # Nothing of the Chinese frame is left in the English digest.
    for word in ("重点目标简报", "共 ", "新文件", "经济总量", "另有", "条未列出", "〔目标〕"):
        assert word not in en.text, word


def test_english_empty_digest_and_document_sections():
    en = compose([("aaaa111111", rec())], since=500.0, lang="en")
    assert en.empty and en.lines[1].text == "No new targets match."
    by_doc = compose([("aaaa111111", rec())], group_by="document", lang="en", only_new=False)
    (heading,) = (line.text for line in by_doc.lines if line.kind == "heading")
    assert heading == "📄 烟台市2024年政府工作报告 · 烟台 · 2024"
    low = compose([("aaaa111111", rec(confidence=0.35))], only_new=False, lang="en")
    assert low.empty and low.lines[-1].text.startswith("1 low-confidence figure not shown")


def test_a_negative_rise_is_shown_as_a_fall():
    from bot.digest.values import change_and_value, signed_change

    # a table's 比上年增长 column holds a signed figure; a reader says 下降0.9%
    fall = rec("居民消费价格", value=-0.9, value_text="-0.9", qualifier="", change="上涨")
    assert change_and_value(fall) == "下降0.9%"
    assert signed_change("增加", "-12亿元") == ("减少", "12亿元")
    assert change_and_value(rec()) == "增长5.5%左右"  # a positive figure as it is
    assert signed_change("下降", "-1.2%") == ("下降", "-1.2%")  # no rise: left alone
    digest = compose([("d1", fall)])
    assert "下降 0.9%" in digest.text and "-0.9" not in digest.text


def test_a_comparison_is_read_with_its_base_and_one_verb():
    from bot.digest.values import change_and_value

    in_step = rec(
        "居民人均可支配收入",
        value=None,
        unit="",
        qualifier="同步",
        sentence="居民收入增长和经济增长基本同步，农村居民收入增长快于城镇居民。",
    )
    assert change_and_value(in_step) == "与经济增长基本同步"  # not 增长增长同步
    faster = replace(in_step, indicator="农村居民人均可支配收入", qualifier="快于")
    assert change_and_value(faster) == "增长快于城镇居民"


def test_a_comparison_named_in_another_form_is_read_in_its_own_clause():
    """The record's name is the table's; the sentence writes a longer form of it, after
    another indicator's comparison: the wording is its own clause's, not the first one's."""
    from bot.digest.values import change_and_value

    sentence = (
        "主要预期目标是：全员劳动生产率增速高于全区生产总值增速，城镇常住居民人均可支配收入"
        "增速高于全国平均水平，农村常住居民人均可支配收入增速快于城镇居民。"
    )
    urban = rec(
        "城镇居民人均可支配收入", value=None, value_text="", unit="", qualifier="高于",
        sentence=sentence,
    )  # fmt: skip
    assert change_and_value(urban) == "高于全国平均水平"  # not 高于全区生产总值增速
    rural = replace(urban, indicator="农村居民人均可支配收入", qualifier="快于")
    assert change_and_value(rural) == "快于城镇居民"
    assert change_and_value(rec()) == "增长5.5%左右"


def test_a_digest_looks_the_filters_indicators_up_once_not_per_record(table, monkeypatch):
    """``indicator:`` and keyword terms are looked up in the indicator table once per
    digest; the records only bring their own indicator names (a few hundred in a
    library of tens of thousands of figures)."""
    asked: list[str] = []
    known_name = IndicatorTable.known_name

    def counting(self: IndicatorTable, text: str) -> str | None:
        asked.append(text)
        return known_name(self, text)

    monkeypatch.setattr(IndicatorTable, "known_name", counting)
    records = [
        *(
            rec(sentence=f"地区生产总值增长{n}%。", value=n, value_text=f"{n}")
            for n in range(1, 21)
        ),
        *(rec("城镇新增就业", sentence=f"新增就业{n}万人。", value=n) for n in range(1, 21)),
    ]
    digest = compose(
        [("aaaa111111", r) for r in records], filt=parse_filter("indicator:GDP 增长"), table=table
    )
    assert len(target_texts(digest)) == 20  # every GDP figure, no employment one
    assert sorted(asked) == ["GDP", "增长"]
