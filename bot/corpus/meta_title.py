"""A document's title from its first lines: a heading or title line before the body, a
title quoted in an opening that starts with a number or an addressee, a title broken over
two lines or put under its issuing organ; an addressee run into it cut off, a place's
name that lost its first glyph made whole, shortened to :data:`MAX_TITLE_CHARS`."""

from __future__ import annotations

import re

from bot.corpus.line_kinds import _has_letters, is_salutation
from bot.corpus.meta_issuer import full_name
from bot.corpus.meta_region import Region
from bot.corpus.meta_type import quoted_titles

MAX_TITLE_CHARS = 60

# what follows a place's name at the head of an official document: its government, its
# people's congress, a committee, a department
_ORGAN_AFTER_PLACE_RE = re.compile(
    r"(?:人民政府|人民代表大会|政府|政协|党委|[\u4e00-\u9fff]{0,12}?(?:委员会|办公厅|办公室|厅|局))"
)


def unclipped(line: str, region: Region | None) -> str:
    """A head line that lost the first characters of its place's name, a glyph the text
    extraction dropped (``海市人民政府办公厅关于…`` in a document about 上海), with the
    name whole again: only when the place is the one the whole text is about, the part
    kept starts inside its proper name (not a bare 自治区 or 市) and a government organ
    follows, so a line that merely starts like the tail of a name is left alone."""
    if region is None or not line:
        return line
    full = full_name(region)
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


def shorten(title: str, limit: int = MAX_TITLE_CHARS) -> str:
    title = title.strip().rstrip("。！？；!?;，,、：:")
    if len(title) <= limit:
        return title
    cut = max(title.rfind(ch, limit // 2, limit) for ch in "，。；、 ")
    return title[:cut] + "…" if cut > 0 else title[: limit - 1] + "…"


def _first_meaningful_line(text: str) -> str | None:
    for line in text.split("\n"):
        s = line.strip().lstrip("#").strip()
        if _has_letters(s):
            return s
    return None


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
GENERIC_TITLES = ("政府工作报告", "工作报告", "报告")


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


def title_of(text: str, paras: list, headings: list, opening: str) -> str:
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
    if re.sub(r"[ \t\u3000]", "", following) in GENERIC_TITLES:
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
        quoted = quoted_titles(opening)
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
