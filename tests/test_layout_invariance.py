"""The same excerpt of a dev document in the layouts users' files come in (a PDF's text
layer with page numbers and a running header, a web page's copy with ``&nbsp;``, a
Word export with bullets and CRLF, table cells apart by spaces) gives the records of its
clean text: the loader repairs the layout, and no record is lost, added or renamed.

The layouts are :mod:`bench.layout_invariance`'s (``python -m bench.layout_invariance``
runs them over every dev and bundled document).
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from bench.eval_targets import MAX_BYTES, PASSAGE_MAX_CHARS
from bench.layout_invariance import FIELDS, FIGURE, pdf_pages, spaced_tables, word_export
from bench.real_gold import REAL_DOCS
from bot.corpus.uploads import read_upload
from bot.targets import IndicatorTable, extract_targets

# (dev document, first line, last line): a work report's opening with its review heading,
# a bulletin's first section with its population table, a plan's indicator box
EXCERPTS = {
    "report": ("province_anhui_2026_gwr.txt", 1, 8),
    "bulletin": ("city_zhoukou_2023_stat-bulletin.txt", 1, 18),
    "plan": ("national_china_2021_14fyp-emergency-plan.txt", 30, 44),
}


def _web_copy(text: str, rng: random.Random) -> str:
    """Every paragraph opened by ``&nbsp;&nbsp;``, a blank line after each."""
    return "\n\n".join("&nbsp;&nbsp;" + line for line in text.split("\n") if line.strip())


LAYOUTS = {
    "pdf": pdf_pages,
    "web": _web_copy,
    "word": word_export,
    "tables": spaced_tables,
}


@pytest.fixture(scope="module")
def table() -> IndicatorTable:
    return IndicatorTable.load()


def _excerpt(name: str) -> str:
    path, first, last = EXCERPTS[name]
    lines = (REAL_DOCS / path).read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[first - 1 : last]) + "\n"


def _records(folder: Path, text: str, table: IndicatorTable) -> Counter:
    folder.mkdir()
    path = folder / "excerpt.txt"
    path.write_bytes(text.encode("utf-8"))
    doc = read_upload(path, max_bytes=MAX_BYTES, passage_max_chars=PASSAGE_MAX_CHARS)
    return Counter(
        tuple(getattr(r, k) for k in FIGURE + FIELDS) for r in extract_targets(doc, table)
    )


@pytest.mark.parametrize("excerpt", sorted(EXCERPTS))
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_layout_keeps_the_records(
    excerpt: str, layout: str, table: IndicatorTable, tmp_path: Path
) -> None:
    clean = _excerpt(excerpt)
    want = _records(tmp_path / "clean", clean, table)
    assert len(want) >= 5  # the excerpt holds figures to lose
    got = _records(tmp_path / layout, LAYOUTS[layout](clean, random.Random(7)), table)
    assert got == want


def test_page_numbers_go_and_a_lone_figure_stays() -> None:
    from bot.corpus.parse import strip_page_furniture

    prose = "全年地区生产总值增长5.5%。"
    # set apart by dashes, a page number is one alone, its running header beside it too
    paged = "\n".join(
        [
            "某市政府工作报告",
            prose,
            "— 1 —",
            "某市政府工作报告",
            prose,
            "- 2 -",
            "某市政府工作报告",
            prose,
        ]
    )
    assert strip_page_furniture(paged) == "\n".join(["某市政府工作报告", prose, prose, prose])
    # a bare number counts as a page only in a run that counts up; alone it is a figure
    assert strip_page_furniture(f"{prose}\n12\n{prose}") == f"{prose}\n12\n{prose}"
    counted = "\n".join([prose, "3", prose, "4", prose, "5", prose])
    assert strip_page_furniture(counted) == "\n".join([prose] * 4)


# A press conference's title, then its first lines (an invented probe text)
PRESS = (
    Path(__file__).parent / "data/probes/round19/docs/national_china_2025_miit-press-conference.txt"
)


def test_a_title_over_a_blank_line_is_read_as_the_title(
    table: IndicatorTable, tmp_path: Path
) -> None:
    """A web page's copy puts a blank line under the title: it became the section of the
    whole text, its 2025 a plan's year, and the office's results turned targets."""
    clean = "\n".join(PRESS.read_text(encoding="utf-8").split("\n")[:6]) + "\n"
    want = _records(tmp_path / "clean", clean, table)
    assert len(want) >= 5
    assert not any(key[4] == "target" for key in want)  # results the office reports
    got = _records(tmp_path / "web", _web_copy(clean, random.Random(7)), table)
    assert got == want


def _wrapped(paragraphs: list[str], width: int) -> str:
    """Paragraphs cut every ``width`` characters, no indentation (a PDF's plain text)."""
    return "\n".join(p[k : k + width] for p in paragraphs for k in range(0, len(p), width))


@pytest.mark.parametrize(
    "opening",
    [
        "3．森林消防应急物资：在成都、海拉尔等地建设7个中央级库，依托森林消防总队建设",
        "2.提升高校创新策源能力，支持高校建设一批前沿科学中心和交叉研究平台，推动成果",
        "表2 2023年规模以上工业主要产品产量",
    ],
)
def test_a_numbered_item_or_caption_after_a_sentence_at_the_width_opens_a_line(
    opening: str,
) -> None:
    """A sentence ending right at the wrap width goes on into the next line, except into
    a numbered item or a table's caption: those open a block of their own."""
    from bot.corpus.parse import reflow_wrapped

    width = 44
    prose = "全市新建5G基站共计一千二百个，覆盖城乡主要区域和重点场所，" * 3
    first = (prose * 2 + "建成二百二十七个地市级库。")[-(width * 3) :]  # ends at the width
    assert len(first) % width == 0
    lead = (prose * 4)[:300] + "。"  # a paragraph before: the text is read as wrapped
    text = _wrapped([lead, first, opening + "。" + prose[:40]], width)
    lines = reflow_wrapped(text).split("\n")
    assert lines[:2] == [lead, first]
    assert lines[2].startswith(opening)
    # prose after the sentence still goes on: the same line with no number joins
    joined = reflow_wrapped(_wrapped([lead, first, "全市" + prose[:40]], width)).split("\n")
    assert joined[0] == lead and joined[1].startswith(first) and len(joined) == 2
