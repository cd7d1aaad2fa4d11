"""A year in a reply is written in the reader's language: ``2031年`` in Chinese, ``2031``
in English (an English line with a Chinese year form in it read as half translated).
Periods that are no plain year (``2026-2030``, ``十五五``) are shown as written, and so
are document titles, which are the documents' own words."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from bot.digest.compose import compose_digest
from bot.digest.render import render_html, render_text
from bot.digest.values import format_year
from bot.targets.indicators import default_table
from handlers.format.targets import compare_messages, target_line
from tests.factories import document_info, target_record

NOW = datetime(2030, 3, 1, 8, 0)  # the digest is dated; another year
DOC = document_info("doc0000001", filename="a.txt", title="某市政府工作报告", region="某市")
RECORD = target_record(
    "地区生产总值", doc="a.txt", year="2031", value=6.0, value_text="6", region="某市"
)


@pytest.mark.parametrize(
    ("year", "lang", "shown"),
    [
        ("2031", "zh", "2031年"),
        ("2031", "en", "2031"),
        ("2026-2030", "en", "2026-2030"),
        ("十五五", "en", "十五五"),
    ],
)
def test_a_year_is_said_in_the_readers_language(year, lang, shown):
    assert format_year(year, lang) == shown


def test_a_digest_in_english_writes_the_year_as_english_does():
    def digest(lang: str) -> str:
        found = compose_digest(
            [RECORD], {DOC.doc_id: DOC}, None, table=default_table(), now=NOW, lang=lang
        )
        return render_text(found) + "\n".join(render_html(found))

    assert "2031年" in digest("zh")
    english = digest("en")
    assert "2031" in english and not re.search(r"\d{4}年", english)


def test_target_lines_and_compare_rows_in_english_write_the_year_as_english_does():
    assert "2031年" in target_line(RECORD, lang="zh")
    line = target_line(RECORD, lang="en")
    assert "2031" in line and "年" not in line

    class Row:
        doc_id = DOC.doc_id
        record = RECORD

    english = "\n".join(compare_messages("地区生产总值", [Row()], {DOC.doc_id: DOC}, lang="en"))
    assert "2031" in english and not re.search(r"\d{4}年", english)
    chinese = "\n".join(compare_messages("地区生产总值", [Row()], {DOC.doc_id: DOC}, lang="zh"))
    assert "2031年" in chinese
