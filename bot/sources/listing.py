"""Article links on a list page (政策文件, 政府工作报告, 统计公报 columns).

Government list pages are ``<ul><li><a>title</a><span>2025-01-12</span></li></ul>`` or
table rows, among navigation, breadcrumbs, sidebars, pagination and footers. The
heuristics are general, not per site, because sites are redesigned: a link counts as
an article when it stays on the site, is not inside navigation, does not point at a
column index or a page of the list, has a title-length text, and has a date next to it,
an article-like URL (``/t20250112_123.html``, ``/2025-01/12/content_…``) or a long
title. The date in the list item becomes ``published``.
"""

from __future__ import annotations

import datetime
import re
from urllib.parse import urljoin, urlsplit

import lxml.html

from bot.corpus.webpage import find_date, parse_html, url_date
from bot.sources.models import Entry, FetchError
from bot.sources.urls import check_url, url_host

_ARTICLE_URL_RE = re.compile(
    r"(/t\d{8}_\d+\.s?html?$)|(content_\d+)|(/art/\d{4}/)|(/\d{4}-?\d{2}/\d{2}/)"
    r"|(/\d{6}/[^/]+\.s?html?$)|(\d{5,}\.s?html?$)|(\.(pdf|docx?|wps|txt)$)",
    re.I,
)
_INDEX_RE = re.compile(r"/(index|default|list)(_\d+)?\.(s?html?|jsp|php|aspx?)$", re.I)
_SKIP_EXT_RE = re.compile(r"\.(css|js|png|jpe?g|gif|svg|ico|zip|rar|mp4|mp3|xml)$", re.I)
_NAV_WORDS = {
    "首页",
    "上一页",
    "下一页",
    "尾页",
    "末页",
    "更多",
    "更多>>",
    "more",
    "返回",
    "返回顶部",
    "网站地图",
    "联系我们",
    "网站声明",
    "关于我们",
    "english",
    "登录",
    "注册",
}
_NAV_CLASS_RE = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|footer|foot|header|crumbs?|breadcrumbs?|position|"
    r"pagination|pager|share|toolbar|friend|links)([\s_-]|\d|$)",
    re.I,
)
_NAV_TAGS = {"nav", "header", "footer", "aside"}
_ITEM_TAGS = {"li", "tr", "dd", "dt", "p"}
_MIN_TEXT = 5
_LONG_TEXT = 10
_COUNTRY_SLDS = {"gov", "com", "org", "edu", "net", "ac", "mil"}


def registrable_host(host: str) -> str:
    """The site a host belongs to: ``www.sh.gov.cn`` → ``sh.gov.cn``, ``a.b.com`` →
    ``b.com``; an IP address is itself. No public-suffix list: the two-letter country
    domains with gov/com/org/edu/net/ac/mil below them are what Chinese sites use."""
    host = host.lower().rstrip(".")
    if not host or host.replace(".", "").isdigit() or ":" in host:
        return host
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _COUNTRY_SLDS:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def same_site(url: str, base_url: str) -> bool:
    return registrable_host(url_host(url)) == registrable_host(url_host(base_url))


def _in_navigation(a: lxml.html.HtmlElement) -> bool:
    for el in a.iterancestors():
        if not isinstance(el.tag, str):
            continue
        if el.tag in _NAV_TAGS:
            return True
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        if marks.strip() and _NAV_CLASS_RE.search(marks):
            return True
    return False


def _item_date(a: lxml.html.HtmlElement) -> datetime.date | None:
    """A date written beside the link in its list item or table row (not in its text)."""
    el = a
    for _ in range(3):
        parent = el.getparent()
        if parent is None or parent.tag in ("ul", "ol", "table", "tbody", "body"):
            break
        el = parent
        if el.tag in _ITEM_TAGS:
            break
    if el is a:
        return find_date(a.tail or "")
    parts = []
    for node in el.iter():
        if node is a:
            parts.append(a.tail or "")
            continue
        if any(anc is a for anc in node.iterancestors()):
            continue
        parts.append(node.text or "")
        if node is not el:
            parts.append(node.tail or "")
    return find_date(" ".join(parts))


def _anchor_text(a: lxml.html.HtmlElement) -> str:
    text = " ".join(a.text_content().split())
    title = " ".join((a.get("title") or "").split())
    # Lists cut long titles ("关于…的通…"); the title attribute has them whole.
    if len(title) > len(text.rstrip(".…")) and (not text or title.startswith(text[:4])):
        return title
    return text


def _matches(match: str | None, entry: Entry) -> bool:
    if not match:
        return True
    haystacks = [entry.title or "", entry.url]
    if len(match) > 2 and match.startswith("/") and match.endswith("/"):
        try:
            pattern = re.compile(match[1:-1])
        except re.error:
            raise FetchError("bad_match", match=match) from None
        return any(pattern.search(h) for h in haystacks)
    needle = match.casefold()
    return any(needle in h.casefold() for h in haystacks)


def list_links(html: str, base_url: str, match: str | None = None) -> list[Entry]:
    """Article links of a list page, in page order (see the module docstring).

    ``match`` keeps the links whose text or URL contains it (a plain substring), or
    matches it as a regular expression when written ``/…/``; a bad expression is
    :class:`FetchError` ``bad_match``.
    """
    tree = parse_html(html)
    if tree is None:
        return []
    base_el = tree.find(".//base[@href]")
    base = urljoin(base_url, base_el.get("href")) if base_el is not None else base_url
    try:
        page = check_url(base_url)
    except FetchError:
        page = base_url
    found: dict[str, Entry] = {}
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        try:
            url = check_url(urljoin(base, href))
        except FetchError:
            continue
        if url == page or not same_site(url, base_url) or url in found:
            continue
        path = urlsplit(url).path
        text = _anchor_text(a)
        if (
            path.endswith("/")
            or _INDEX_RE.search(path)
            or _SKIP_EXT_RE.search(path)
            or len(text) < _MIN_TEXT
            or text.casefold() in _NAV_WORDS
            or _in_navigation(a)
        ):
            continue
        published = _item_date(a)
        article_like = bool(_ARTICLE_URL_RE.search(path))
        if not (published or article_like or len(text) >= _LONG_TEXT):
            continue
        entry = Entry(url, text, published or url_date(url), None)
        if _matches(match, entry):
            found[url] = entry
    return list(found.values())
