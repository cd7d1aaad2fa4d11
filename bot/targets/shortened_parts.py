"""A part of a list named short: what its sibling or its whole leaves unsaid.

Lists of counted things name a part once in full and the next one short::

    特级和一级资质建筑业企业…，二级资质企业…   -> 二级资质建筑业企业
    自然保护区…，其中国家级保护区…             -> 国家级自然保护区
    二级医院…，其中中医医院…                   -> 二级中医医院

Read by :class:`bot.targets.frames.Frame` when it names a part. Pure: no I/O.
"""

from __future__ import annotations

import re

_LEVEL_RE = re.compile(r"(?:国家|省|市|州|县|区)级|[一二三]级(?:甲等|乙等)?")


def like_sibling(part: str, sibling: str) -> str:
    """``二级资质企业`` after ``特级和一级资质建筑业企业`` in one list: the sibling's kind of
    firm, written once (``二级资质建筑业企业``); ``""`` when the part is not so shortened."""
    k = 0
    while k < min(len(part), len(sibling)) and part[-1 - k] == sibling[-1 - k]:
        k += 1
    head, sib_head = part[: len(part) - k], sibling[: len(sibling) - k]
    if k < 2 or not 3 <= len(head) <= 6 or re.search(r"[及和、与或]", head):
        return ""
    if sib_head.startswith(head):
        return ""  # 社区服务中心 beside 社区服务指导中心: another kind, not a shortened one
    for j in range(len(head) - 2, -1, -1):
        tail = head[j:]
        at = sib_head.rfind(tail)
        if at > 0:
            inserted = sib_head[at + len(tail) :]
            if 2 <= len(inserted) <= 4:
                return head + inserted + part[len(part) - k :]
            return ""
    return ""


def with_level(part: str, whole: str) -> str:
    """A part and the count it is of, one of them named by its level: ``国家级保护区`` of
    ``自然保护区`` is ``国家级自然保护区``; ``中医医院`` of ``二级医院`` is ``二级中医医院``."""
    k = 0
    while k < min(len(part), len(whole)) and part[-1 - k] == whole[-1 - k]:
        k += 1
    if k < 2:
        return ""
    head_part, head_whole = part[: len(part) - k], whole[: len(whole) - k]
    if not head_part or not head_whole:
        return ""
    if _LEVEL_RE.fullmatch(head_part) and not _LEVEL_RE.search(head_whole):
        return head_part + whole
    if _LEVEL_RE.fullmatch(head_whole) and not _LEVEL_RE.search(head_part):
        return head_whole + part
    return ""
