"""Titles of notices in the layouts a text extraction leaves (trial-left7 #4): a title
line, a document number line and an addressee line in any order, run together, or with
the first glyph of the place lost. Invented openings only."""

from __future__ import annotations

import pytest

from bot.corpus.meta import infer_meta

TITLE = "江苏省人民政府办公厅关于加快发展海洋装备产业的通知"
NUMBER = "苏政办发〔2024〕12号"
ADDRESSEE = "各设区市人民政府，各县（市、区）人民政府，省各委办厅局，省各直属单位："
BODY = (
    "为加快发展海洋装备产业，经省人民政府同意，现通知如下：\n"
    "一、总体要求\n到2027年，产业规模达到3000亿元。\n"
)


@pytest.mark.parametrize(
    "opening",
    [
        f"{TITLE}\n{NUMBER}\n{ADDRESSEE}\n",  # title, number, addressee
        f"{NUMBER}\n{TITLE}\n{ADDRESSEE}\n",  # the number first
        f"{TITLE}\n{ADDRESSEE}\n",  # no number: the addressee right under the title
        f"{TITLE}{ADDRESSEE}\n",  # the line break lost: the addressee runs on
        f"{TITLE}\n\n{NUMBER}\n\n{ADDRESSEE}\n\n",  # blank lines between
    ],
)
def test_the_title_of_a_notice_in_each_layout(opening: str) -> None:
    meta = infer_meta(opening + BODY, "x.txt")
    assert meta.title == TITLE
    assert meta.issuer == "江苏省人民政府办公厅"


@pytest.mark.parametrize(
    "addressee",
    [
        "各区人民政府，市政府各委、办、局：",
        "各县（市、区）人民政府，各部门：",
        "各有关单位：",
        "有关单位：",
        "各委办局，各直属机构:",
    ],
)
def test_an_addressee_run_into_the_title_is_never_part_of_it(addressee: str) -> None:
    title = "关于做好2025年度城市更新工作的意见"
    meta = infer_meta(f"{title}{addressee}\n为推进城市更新，提出如下意见。\n", "y.txt")
    assert meta.title == title


def test_a_title_that_names_units_itself_keeps_them() -> None:
    """各区 inside a title, before its kind word, is the title's own (no colon follows)."""
    title = "关于表彰各区优秀基层单位的决定"
    meta = infer_meta(f"{title}\n各区人民政府：\n现将表彰名单公布如下。\n", "z.txt")
    assert meta.title == title


def test_the_first_glyph_of_the_place_lost_is_put_back() -> None:
    """海市… in a text about 上海 (its first glyph dropped by the extraction): the title
    and the issuer name 上海市 again."""
    text = (
        "海市人民政府办公厅关于印发《上海市促进低空经济发展行动方案》的通知\n"
        "沪府办发〔2024〕3号\n各区人民政府，市政府各委、办、局：\n"
        "现将《上海市促进低空经济发展行动方案》印发给你们，请认真按照执行。\n"
        "上海市人民政府办公厅\n2024年3月1日\n"
    )
    meta = infer_meta(text, "s.txt")
    assert meta.title.startswith("上海市人民政府办公厅关于印发《上海市促进低空经济")
    assert meta.issuer == "上海市人民政府办公厅"


def test_a_line_that_only_looks_like_a_clipped_name_is_left_alone() -> None:
    """海市蜃楼 in a text about 上海 starts like 上海市 clipped, but no government organ
    follows: it is the title as written."""
    title = "海市蜃楼般的滨江夜景提升三年行动方案"
    text = f"{title}\n为提升上海市滨江夜景，制定本方案。\n到2026年，新增景观灯光20处。\n"
    meta = infer_meta(text, "b.txt")
    assert meta.region == "上海" and meta.title == title


def test_a_letter_spaced_report_title_is_named_after_its_place_and_year() -> None:
    """政 府 工 作 报 告 over a delivery line and 向大会作工作报告: the report is named,
    not its first numbered heading."""
    text = (
        "政 府 工 作 报 告\n"
        "——2024年1月10日在宜丰县第十七届人民代表大会第三次会议上\n"
        "宜丰县人民政府县长　　王某某\n"
        "各位代表：\n"
        "现在，我代表宜丰县人民政府向大会作工作报告，请予审议。\n"
        "一、2023年工作回顾\n"
        "全县地区生产总值增长6%。\n"
    )
    meta = infer_meta(text, "q.txt")
    assert (meta.doc_type, meta.title) == ("政府工作报告", "宜丰县2024年政府工作报告")
