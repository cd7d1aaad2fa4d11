"""An article page to a document (a page a source fetched, or one saved in the corpus
folder): its text with headings and paragraphs, and metadata.

The text is what the corpus parser reads (``bot.corpus.parse``): one paragraph or
heading per line, headings exactly as the page writes them ("一、2024年工作回顾",
"（一）…"), tables as tab-separated rows. trafilatura finds the main content (its XML
output keeps headings, paragraphs, lists and tables apart); when it finds nothing
useful, the biggest text block of the page is taken with lxml. Share, print and close
links, font-size switches and the like are dropped. Title, date and issuer come from
the page's meta tags (government sites' ``ArticleTitle``, ``PubDate``,
``ContentSource``), from lines like "发布时间：2025-01-12" and "来源：XX人民政府", the
date in the URL (``/t20250112_…``) and the signature (the issuing body over the date).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

DATE_RE = re.compile(
    r"((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)\s*日?"
)
_URL_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_/]?(\d{2})[-_/]?(\d{2})(?!\d)")


def parse_html(html: str) -> lxml.html.HtmlElement | None:
    """An lxml tree of a page, or ``None`` for nothing parseable."""
    if not html or not html.strip():
        return None
    text = re.sub(r"^\s*<\?xml[^>]*>", "", html)  # lxml refuses str with an encoding decl
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None


def find_date(text: str) -> datetime.date | None:
    """The first plausible date written in ``text`` (2025-01-12, 2025年1月12日 …)."""
    for m in DATE_RE.finditer(text):
        try:
            return datetime.date(*map(int, m.groups()))
        except ValueError:
            continue
    return None


def url_date(url: str) -> datetime.date | None:
    """The date an article URL carries (``/t20250112_…``, ``/2025-01/12/…``)."""
    for m in _URL_DATE_RE.finditer(urlsplit(url).path):
        try:
            day = datetime.date(*map(int, m.groups()))
        except ValueError:
            continue
        if 1990 <= day.year <= 2100:
            return day
    return None


MIN_CJK = 50
"""An article with fewer characters of text (CJK characters, or Latin words) is empty."""


class EmptyPage(ValueError):
    """A page with under :data:`MIN_CJK` characters of main text besides its title."""

    def __init__(self, chars: int) -> None:
        self.chars = chars
        super().__init__(f"no article text (only {chars} characters)")


@dataclass(frozen=True, slots=True)
class WebPage:
    """The main text of a page (one paragraph or heading per line, tables as
    tab-separated rows, the title first) and the metadata the page gives."""

    title: str
    text: str
    published: datetime.date | None = None
    issuer: str | None = None


_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORD_RE = re.compile(r"[A-Za-z0-9]+")
_PROSE_RE = re.compile(r"[。，；！？、]|[a-z][.;,] [A-Za-z]")
_SPACES_RE = re.compile(r"[ \u00a0\u2002\u2003\u3000\u200b\ufeff]+")
# Wide East Asian characters other than Hangul (CJK punctuation, kana, Han, full-width
# forms): a line break of the markup between two of them is no space (CSS Text 3,
# segment break transformation), while HTML's whitespace collapsing would make it one
# and cut "地区生产\n总值" in two for search.
_WIDE = (
    r"\u2e80-\u303e\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\uffe0-\uffe6"
)
_WIDE_BREAK_RE = re.compile(f"(?<=[{_WIDE}])[ \t]*\r?\n[ \t\r\n]*(?=[{_WIDE}])")
_SIGNATURE_RE = re.compile(
    r"^[\u4e00-\u9fff（）()]{2,30}(人民政府|人民代表大会常务委员会|委员会|办公厅|办公室|"
    r"统计局|局|厅|部|委|院|政府|中心)$"
)
_BOILERPLATE_RE = re.compile(
    r"分享到|打印本页|打印此页|【打印】|关闭窗口|【关闭】|字体[：:]|字号[：:]|【字体|"
    r"扫一扫|微信扫|收藏本页|加入收藏|责任编辑|浏览次数|阅读次数|点击数[：:]|访问量|"
    r"网站地图|ICP备|版权所有|主办单位|承办单位|技术支持|当前位置|您现在的位置|"
    r"上一篇|下一篇|相关链接|相关文章|【我要纠错】|^附件[：:]?$",
)
_META_LINE_RE = re.compile(
    r"^(发布时间|发布日期|发文日期|日期|时间|来源|信息来源|文章来源|稿件来源|发布机构|"
    r"发布单位|作者|索引号|浏览量)\s*[:：]"
)
_ISSUER_RE = re.compile(
    r"(?:发布机构|发文机关|发布单位|信息来源|文章来源|稿件来源|来源)\s*[:：]\s*"
    r"([^\s:：|【】\[\]（）()]{2,40}?)(?=\s|$|发布|浏览|时间|日期|【|\[|字号|字体|作者|点击|\|)"
)
_PUBLISHED_RE = re.compile(
    r"(?:发布时间|发布日期|发文日期|成文日期|日期|时间)\s*[:：]\s*" + DATE_RE.pattern
)
_TITLE_METAS = ("ArticleTitle", "og:title", "twitter:title", "title", "dc.title")
_DATE_METAS = (
    "PubDate",
    "pubdate",
    "publishdate",
    "firstpublishedtime",
    "article:published_time",
    "og:article:published_time",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "date",
    "OriginalPublishDate",
)
_ISSUER_METAS = ("ContentSource", "source", "dc.publisher", "publisher")
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "div", "td", "pre", "br"}
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form")


def _clean_line(line: str) -> str:
    if "\t" in line:  # a table row: cells cleaned, tabs kept
        return "\t".join(_SPACES_RE.sub(" ", cell).strip() for cell in line.split("\t"))
    return _SPACES_RE.sub(" ", line).strip()


def _significant(text: str) -> int:
    return len(_CJK_RE.findall(text)) + len(_WORD_RE.findall(text))


def _is_boilerplate(line: str) -> bool:
    if line.count("|") >= 2 or line.count(" > ") >= 2:  # menus and breadcrumbs
        return True
    if len(line) > 80:
        return False
    if _BOILERPLATE_RE.search(line) or _META_LINE_RE.match(line):
        return True
    return not any(ch.isalnum() for ch in line)


def _prose_chars(lines: list[str]) -> int:
    """Characters of text in lines that read as prose (sentence punctuation) or tables:
    what counts against ``MIN_CJK``. A page of menus, bylines and buttons has none."""
    return sum(_significant(line) for line in lines if "\t" in line or _PROSE_RE.search(line))


# -- trafilatura's XML to lines ---------------------------------------------------------


_XML_BLOCKS = ("p", "head", "list", "table", "quote")


def _inline_text(el: etree._Element) -> str:
    """The text of a block with its ``<lb/>`` line breaks as newlines."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        else:
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _xml_lines(el: etree._Element, out: list[str]) -> None:
    for child in el:
        tag = child.tag
        if tag in ("head", "p", "quote", "code"):
            out.extend(_inline_text(child).split("\n"))
        elif tag == "list":
            for item in child.iter("item"):
                out.extend(_inline_text(item).split("\n"))
        elif tag == "table":
            for row in child.iter("row"):
                cells = list(row.iter("cell"))
                if any(c.find(t) is not None for c in cells for t in _XML_BLOCKS):
                    for cell in cells:  # a layout table: its cells hold paragraphs
                        _xml_lines(cell, out)
                else:  # a data table: one tab-separated line per row, as in the corpus
                    row_text = "\t".join(" ".join(_inline_text(c).split()) for c in cells)
                    out.append(row_text.rstrip("\t"))  # cells padded to the widest row
        elif tag in ("graphic", "ref", "comments"):
            continue
        else:
            _xml_lines(child, out)
        if child.tail and child.tail.strip():
            out.append(child.tail)


def _trafilatura_lines(html: str, url: str) -> list[str]:
    import trafilatura  # here: ~0.4 s to import, only for web pages

    try:
        xml = trafilatura.extract(
            html,
            url=url,
            output_format="xml",
            include_formatting=True,
            include_tables=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            favor_recall=True,
            deduplicate=False,
        )
    except Exception:  # trafilatura on hostile HTML: fall back rather than fail the page
        return []
    if not xml:
        return []
    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return []
    main = root.find("main")
    out: list[str] = []
    _xml_lines(main if main is not None else root, out)
    return out


# -- the fallback: the largest text block -----------------------------------------------


def _block_lines(el: lxml.html.HtmlElement, out: list[str]) -> None:
    """Lines of ``el``: block elements and ``<br>`` start new lines."""
    buf: list[str] = []

    def flush() -> None:
        if buf:  # HTML whitespace: runs of spaces and newlines are one space
            out.append(" ".join("".join(buf).split()))
            buf.clear()

    def walk(node: lxml.html.HtmlElement) -> None:
        if not isinstance(node.tag, str):
            return
        block = node.tag in _BLOCK_TAGS
        if block:
            flush()
        if node.tag == "tr":
            cells = [" ".join(c.text_content().split()) for c in node if c.tag in ("td", "th")]
            out.append("\t".join(cells))
        else:
            buf.append(node.text or "")
            for child in node:
                walk(child)
                buf.append(child.tail or "")
        if block:
            flush()

    walk(el)
    flush()


def _fallback_lines(tree: lxml.html.HtmlElement) -> list[str]:
    body = tree.find("body")
    if body is None:
        return []
    body = lxml.html.fromstring(lxml.html.tostring(body))  # a copy we may cut
    for el in list(body.iter(*_DROP_TAGS)):
        el.drop_tree()
    best, best_score = body, -1
    for el in body.iter("div", "article", "section", "td", "main"):
        own = sum(_significant(p.text_content()) for p in el.findall("p"))
        if own > best_score:
            best, best_score = el, own
    if best_score <= 0:
        best = body
    out: list[str] = []
    _block_lines(best, out)
    return out


# -- metadata ---------------------------------------------------------------------------


def _metas(tree: lxml.html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").strip()
        value = " ".join((meta.get("content") or "").split())
        if key and value:
            found.setdefault(key.lower(), value)
    return found


def _title(tree: lxml.html.HtmlElement, metas: dict[str, str]) -> str | None:
    for key in _TITLE_METAS:
        value = metas.get(key.lower())
        if value and len(value) >= 4:
            return value
    page_title = " ".join((tree.findtext(".//title") or "").split())
    headings = [
        (h.tag, text)
        for h in tree.iter("h1", "h2")
        if 4 <= len(text := " ".join(h.text_content().split())) <= 200
    ]
    # A heading the <title> repeats, the longest (a logo's h1 is the site's shorter name)…
    in_title = [text for _, text in headings if page_title and text in page_title]
    if in_title:
        return max(in_title, key=len)
    # …else the first h1.
    first_h1 = next((text for tag, text in headings if tag == "h1"), None)
    if first_h1:
        return first_h1
    if page_title:
        # "标题_示例市人民政府" / "标题 - 网站": the piece the page repeats, else the first
        pieces = [p.strip() for p in re.split(r"\s[-|–—]\s|_|\|", page_title) if p.strip()]
        body = tree.find("body")
        lines = {" ".join(t.split()) for t in body.itertext()} if body is not None else set()
        for piece in pieces:
            if piece in lines:
                return piece
        return pieces[0] if pieces else page_title
    return None


def _parse_date(value: str) -> datetime.date | None:
    day = find_date(value)
    if day is not None:
        return day
    m = re.match(r"((?:19|20)\d{2})(\d{2})(\d{2})", value.strip())
    if m:
        try:
            return datetime.date(*map(int, m.groups()))
        except ValueError:
            return None
    return None


def _published(html: str, url: str, page_text: str, metas: dict[str, str]) -> datetime.date | None:
    for key in _DATE_METAS:
        value = metas.get(key.lower())
        if value:
            day = _parse_date(value)
            if day is not None:
                return day
    m = _PUBLISHED_RE.search(page_text)
    if m:
        try:
            return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    day = url_date(url)
    if day is not None:
        return day
    # htmldate (trafilatura's) on the markup only: its extensive search runs dateparser
    # over the text, seconds per page, and takes any date the text mentions.
    import htmldate  # here, as trafilatura

    try:
        found = htmldate.find_date(html, extensive_search=False, original_date=True, url=url)
    except Exception:  # metadata is a bonus, never a failure
        found = None
    return _parse_date(found) if found else None


def _issuer(page_text: str, metas: dict[str, str], lines: list[str]) -> str | None:
    for key in _ISSUER_METAS:
        value = metas.get(key.lower())
        if value and _CJK_RE.search(value) and len(value) <= 40:
            return value
    m = _ISSUER_RE.search(page_text)
    if m:
        return m.group(1).strip()
    # The signature of an official document: the body that issues it, then the date.
    tail = lines[-4:]
    for line, after in pairwise(tail):
        if _SIGNATURE_RE.match(line) and DATE_RE.fullmatch(after):
            return line
    return None


# -- the article ------------------------------------------------------------------------


def _finish(lines: list[str], title: str) -> list[str]:
    out: list[str] = []
    for raw in lines:
        line = _clean_line(raw)
        if not line or _is_boilerplate(line):
            continue
        if out and line == out[-1]:
            continue
        out.append(line)
    if title and (not out or out[0] != title):
        out.insert(0, title)
    return out


def join_wide_breaks(html: str) -> str:
    """``html`` without the line breaks (and the indentation around them) that stand
    between two wide East Asian characters: a browser shows none there."""
    return _WIDE_BREAK_RE.sub("", html)


def extract_page(html: str, url: str = "") -> WebPage:
    """The article on a page (see the module docstring); ``url`` (where it was fetched,
    if it was) may date it.

    Raises :class:`EmptyPage` when the page has under ``MIN_CJK`` characters of text
    besides its title (a page of navigation, a video, a login wall): better a clear
    failure than an empty document in the library.
    """
    original = parse_html(html)
    if original is None:
        raise EmptyPage(0)
    joined = join_wide_breaks(html)
    tree = parse_html(joined) if joined != html else original
    if tree is None:
        tree = original
    metas = _metas(tree)
    # 发布时间/来源 lines are searched as the markup breaks them: a joined break would
    # run the issuer into the next words
    body = original.find("body")
    page_text = "\n".join(
        _clean_line(line) for line in (body.text_content() if body is not None else "").split("\n")
    )
    title = _title(tree, metas) or ""
    skip = 1 if title else 0  # the title line, first when there is a title
    lines = _finish(_trafilatura_lines(joined, url), title)
    if _prose_chars(lines[skip:]) < MIN_CJK:
        fallback = _finish(_fallback_lines(tree), title)
        if _prose_chars(fallback[skip:]) > _prose_chars(lines[skip:]):
            lines = fallback
    chars = _prose_chars(lines[skip:])
    if chars < MIN_CJK:
        raise EmptyPage(chars)
    return WebPage(
        title=title or lines[0][:100],
        text="\n".join(lines),
        published=_published(html, url, page_text, metas),
        issuer=_issuer(page_text, metas, lines),
    )
