"""How much a passage is body text: footnotes, captions and bare headings rank lower.

``search GDP`` should open with a paragraph about the economy, not with a bulletin's
footnote (``注：万元GDP能耗按2020年价格计算``), a table caption (``表2：2022年居民消费
价格指数``) or a heading that only repeats the words (``（一）经济发展``). The prior
multiplies a passage's score; body text keeps 1, the lines under a heading of goals a
little more. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Part of the index fingerprint: the priors are stored in a built index (p_prior.npy), so a
# change of any weight or rule below must rebuild it. 1: a table caption over its rows.
PRIORS_VERSION = 1
FOOTNOTE = 0.4
CAPTION = 0.5
# A caption over its own rows (a small table in one passage): above a bare caption, so a
# row asked by a word only the table holds is found, below body text, so a prose line
# stating the same figure stays first (on the dev set at 1.0 seven prose answers fell
# behind their tables; 0.75 and 0.6 moved none of the fit half down, 0.6 none of either).
TABLE = 0.6
HEADING = 0.6
COPY = 0.4  # a passage that a longer one of its document begins with
# Body text right under a heading of goals (一、主要目标, （三）主要目标): where a plan says
# in a few lines what it sets out to do, a little above the rest. Only the heading the
# passage stands under counts: the tasks below 二、“十五五”时期主要目标和重大任务 are
# not its goals. (On the dev relevance set 1.1 lifted three queries and moved none
# down, 1.2 moved three down; counting every heading above lost a bundled query.)
GOALS = 1.1
_COPY_PREFIX = 12

_FOOTNOTE_RE = re.compile(
    r"^\s*(?:[\[［【(（]?(?:注|注释|说明|附注|资料来源|数据来源)\s*[\d一二三四五六七八九十]*[\]］】)）]?\s*[:：]"
    r"|[\[［【]\s*\d{1,3}\s*[\]］】](?!\s*[，。])"
    r"|[①②③④⑤⑥⑦⑧⑨⑩]"
    r"|\d{1,2}[.．、]\s*(?:注|本公报|公报中|数据|部分数据)"
    r"|本公报|公报中"
    r")"
)
_CAPTION_RE = re.compile(r"^\s*(?:附?表|图)\s*[\d一二三四五六七八九十]+\s*[:：\s]")
_DIGIT_RE = re.compile(r"\d")
_LEAD_SENTENCE_RE = re.compile(r"[^，,；;。！？!?\t]+[。！!]")
_SENTENCE_RE = re.compile(r"[。；;！？!?]|[，,].*[，,]")


def passage_prior(text: str, section: Sequence[str] = ()) -> float:
    """1 for body text; less for a footnote (or any line of a 注释 section), a table or
    figure caption, or a heading standing alone (short, no sentence punctuation, no
    figures of a table row)."""
    head = text.lstrip()
    in_notes = bool(section) and is_notes_header(section[-1])
    if in_notes or _FOOTNOTE_RE.match(head):
        return FOOTNOTE
    if _CAPTION_RE.match(head):
        return TABLE if _holds_rows(head) else CAPTION
    if len(head) <= 30 and not _SENTENCE_RE.search(head) and "\t" not in head:
        return HEADING
    if _is_head_block(head):
        return HEADING
    if len(head) <= 20 and _LEAD_SENTENCE_RE.fullmatch(head) and not _DIGIT_RE.search(head):
        return HEADING  # 推进“双碳”工作。: a one-line lead, the paragraph is elsewhere
    return 1.0


def _holds_rows(text: str) -> bool:
    """A line after the first with a cell of figures (``谷物\t874.82\t-3.3``): a small
    table whose caption, header and rows are one passage is the table, not its caption;
    ranked as a caption, a question asking one of its rows lost to prose lines that only
    hold the measure word (周口 谷物产量: the rows' passage out of the first ten)."""
    return any("\t" in line and _DIGIT_RE.search(line) for line in text.split("\n")[1:])


def _is_head_block(text: str) -> bool:
    """Short lines without sentence punctuation, one under the other: a document's head
    (title, issuer, date) or a signature, kept apart from the body below it."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return (
        len(lines) >= 2
        and all(len(line) <= 60 and "\t" not in line for line in lines)
        and not any(_SENTENCE_RE.search(line) for line in lines)
    )


_NOTES_HEADER_RE = re.compile(r"\s*(?:注释|注|附注|说明|名词解释|资料来源|数据来源)\s*[:：]?\s*")


def is_notes_header(text: str) -> bool:
    """``注释：`` on a line of its own: the numbered lines after it are footnotes."""
    return _NOTES_HEADER_RE.fullmatch(text) is not None


def passage_priors(texts: Sequence[str], sections: Sequence[Sequence[str]]) -> list[float]:
    """:func:`passage_prior` of a document's passages in order, with everything from a
    notes header on (``注释：``, ``名词解释``, ``资料来源：`` as a line, alone or in a
    passage of short lines: ``附件2\n名词解释\n1.“两新”：…``) counted as footnotes
    until the section changes: the notes of a report or a bulletin stand at its end,
    numbered or not (a term on one line, its explanation on the next); body text right
    under a heading of goals has :data:`GOALS`. Computed once, when the index is built."""
    out: list[float] = []
    notes_section: tuple[str, ...] | None = None
    for text, section in zip(texts, sections, strict=True):
        prior = passage_prior(text, section)
        here = tuple(section)
        if any(is_notes_header(line) for line in text.splitlines()):
            notes_section = here
        elif notes_section is not None and here != notes_section:
            notes_section = None
        if notes_section is not None:
            prior = min(prior, FOOTNOTE)
        out.append(prior)
    for k, section in enumerate(sections):
        if out[k] == 1.0 and section and "目标" in section[-1]:
            out[k] = GOALS
    for k in _truncated_copies(texts):
        out[k] = min(out[k], COPY)
    return out


def _truncated_copies(texts: Sequence[str]) -> list[int]:
    """Positions of the passages another, longer passage of the document begins with: a
    truncated copy of a paragraph (web pages repeat one), a heading repeated as the
    lead of its paragraph."""
    by_start: dict[str, list[int]] = {}
    for k, text in enumerate(texts):
        by_start.setdefault(text.strip()[:_COPY_PREFIX], []).append(k)
    out = []
    for group in by_start.values():
        for k in group if len(group) > 1 else ():
            mine = texts[k].strip()
            if any(
                len(other := texts[j].strip()) > len(mine) and other.startswith(mine) for j in group
            ):
                out.append(k)
    return out
