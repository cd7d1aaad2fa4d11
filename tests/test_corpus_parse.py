"""bot.corpus.parse: headings, passages (with exact offsets), metadata and sidecars."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from bot.corpus.meta import infer_meta, infer_year, merge_meta
from bot.corpus.meta_region import infer_region
from bot.corpus.parse import (
    LEVEL_ARABIC,
    LEVEL_CN,
    LEVEL_CN_PAREN,
    LEVEL_PLAIN,
    Heading,
    MetadataError,
    has_markdown_headings,
    is_heading,
    is_salutation,
    load_sidecar,
    parse_heading,
    parse_sidecar,
    sentence_spans,
    sentence_windows,
    split_passages,
    without_numbering,
)
from bot.corpus.reader import UnreadableDocument
from bot.models import DocumentMeta, Passage

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
CORPUS_FILES = sorted(CORPUS.glob("*.txt"))


def corpus_text(prefix: str) -> str:
    (path,) = [p for p in CORPUS_FILES if p.name.startswith(prefix)]
    return path.read_text(encoding="utf-8")


def corpus_name(prefix: str) -> str:
    (path,) = [p for p in CORPUS_FILES if p.name.startswith(prefix)]
    return path.name


def assert_offsets(text: str, passages: tuple[Passage, ...]) -> None:
    for p in passages:
        assert text[p.start : p.start + len(p.text)] == p.text
        assert p.text == p.text.strip() and p.text


def test_the_corpus_is_there() -> None:
    assert [p.name[:3] for p in CORPUS_FILES] == ["000", "001", "002", "003", "004"]


# --- headings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("# 标题", 1),
        ("## 踔厉奋发，让二十大精神落地生根", 2),
        ("###### 六级", 6),
        ("##标题不带空格", 2),
        ("第一部分 总体要求", 1),
        ("第三章总则", 1),
        ("第二节 重点任务", 2),
        ("一、2023年工作回顾", LEVEL_CN),
        (
            "四、坚持和加强党的全面领导，不断推进党的建设新的伟大工程，为实现振兴发展新突破提供坚强政治保证",
            3,
        ),
        ("（一）着力建设现代化产业体系", LEVEL_CN_PAREN),
        ("(二)深化改革", LEVEL_CN_PAREN),
        ("1. 总体要求", LEVEL_ARABIC),
        ("12、主要目标", LEVEL_ARABIC),
        ("（3）加强监管", 6),
        ("市十七届人大二次会议隆重开幕", LEVEL_PLAIN),
        ("全面贯彻党的二十大精神，奋力开创新时代社会主义现代化国际大都市建设新局面", LEVEL_PLAIN),
    ],
)
def test_headings(line: str, level: int) -> None:
    assert is_heading(line) == level


@pytest.mark.parametrize(
    "line",
    [
        "",
        "   ",
        "同志们：",
        "各位代表，同志们：",
        "各位代表！",
        "未来五年奋斗目标是：",
        "发言完毕，不当之处，请同志们批评指正！谢谢！",
        "一要奋力推动党建引领发展新突破。党的二十大报告指出，全面建设社会主义现代化国家、"
        "全面推进中华民族伟大复兴，关键在党。",
        "一是在推动高质量发展上走在前。",  # list item wording, not a numbered heading
        "张元升说，站在新的历史起点，宏伟蓝图要变成现",  # a line broken mid-sentence
        "（观海新闻/青报全媒体 记者 刘成龙）",
        "——经济实力实现新跨越。经济发展好于全国平均水平。",
        "1. 我们要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，着力推动高质量发展。",
        "1.5%",
        "#话题#",
        "####### 七个井号",
        "2024",
        "一、" + "很长的标题没有标点" * 10,  # 90 characters: prose, not a heading
        "2024年5月7日",  # the date under a title: it opens no section
        "2024 年4 月29 日",
        "（2017年10月18日）",
        "二〇二四年五月七日",
    ],
)
def test_not_headings(line: str) -> None:
    assert is_heading(line) is None


def test_levels_order_by_numbering_style() -> None:
    levels = [is_heading(s) for s in ("第一章 总则", "一、总体要求", "（一）主要目标", "1. 指标")]
    assert levels == sorted(levels)
    assert len(set(levels)) == 4


def test_run_in_heading_keeps_lead_sentence_as_title() -> None:
    line = (
        "（一）着力建设现代化产业体系，培强高质量发展根基。大力实施产业链链长制，推动产业高端化。"
    )
    assert parse_heading(line) == Heading(
        LEVEL_CN_PAREN,
        "（一）着力建设现代化产业体系，培强高质量发展根基",
        run_in=True,
        numbered=True,
    )
    # The same heading without a body is an ordinary heading; its final 。 is dropped.
    assert parse_heading("（一）着力建设现代化产业体系。") == Heading(
        LEVEL_CN_PAREN, "（一）着力建设现代化产业体系", run_in=False, numbered=True
    )
    # A run-in lead sentence must be short.
    assert parse_heading("一、" + "很长" * 40 + "。正文。") is None


def test_markdown_title_has_no_marks() -> None:
    assert parse_heading("### 青岛各区(市)委书记谈学习贯彻党的二十大精神 ###") == Heading(
        3, "青岛各区(市)委书记谈学习贯彻党的二十大精神"
    )


def test_plain_titles_can_be_disabled() -> None:
    assert parse_heading("市十七届人大二次会议隆重开幕", allow_plain=False) is None
    assert parse_heading("一、总体要求", allow_plain=False) is not None


def test_salutations() -> None:
    for line in ("同志们：", "各位代表：", "各位代表，同志们：", "尊敬的各位来宾："):
        assert is_salutation(line)
    for line in (
        "一、2023年工作回顾",
        "未来五年奋斗目标是：",
        "各位代表！过去的一年，奋斗的脚步铿锵有力。",
    ):
        assert not is_salutation(line)


# --- passages on the real corpus ----------------------------------------------------------


@pytest.mark.parametrize("max_chars", [30, 120, 400, 100_000])
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name[:3])
def test_offsets_and_limits_hold_for_every_corpus_passage(path: Path, max_chars: int) -> None:
    text = path.read_text(encoding="utf-8")
    passages = split_passages("d", text, max_chars=max_chars)
    assert passages
    assert_offsets(text, passages)
    assert [p.ordinal for p in passages] == list(range(len(passages)))
    assert {p.doc_id for p in passages} == {"d"}
    assert all(len(p.text) <= max_chars for p in passages)
    starts = [p.start for p in passages]
    assert starts == sorted(starts)


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name[:3])
def test_every_non_heading_character_is_in_a_passage(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    covered = set()
    for p in split_passages("d", text, max_chars=120):
        covered.update(range(p.start, p.start + len(p.text)))
    pos = 0
    for line in text.split("\n"):
        heading = parse_heading(line, allow_plain=not has_markdown_headings(text))
        if line.strip() and (heading is None or heading.run_in):
            missing = [
                i for i in range(pos, pos + len(line)) if i not in covered and not text[i].isspace()
            ]
            assert not missing, line[:30]
        pos += len(line) + 1


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name[:3])
def test_corpus_paragraphs_are_single_lines(path: Path) -> None:
    # In these files every paragraph is one line; no passage spans a line break.
    text = path.read_text(encoding="utf-8")
    assert not any("\n" in p.text for p in split_passages("d", text, max_chars=100_000))


def test_prose_after_a_table_is_a_paragraph_of_its_own() -> None:
    # table rows end without punctuation, as hard-wrapped lines do; the prose line that
    # follows the table is not a piece of its last row
    text = (
        "表10\t2023年商品零售额增长速度\n"
        "指标名称\t单位\t比上年增长\n"
        "汽车类\t%\t-16.3\n"
        "据调查，全年居民消费价格比上年下降0.9%。\n"
        "全年城镇新增就业\n"
        "6万人，比上年增长2%。\n"
    )
    passages = split_passages("d", text)
    texts = [p.text for p in passages]
    assert texts[-2] == "据调查，全年居民消费价格比上年下降0.9%。"
    assert texts[-1] == "全年城镇新增就业\n6万人，比上年增长2%。"  # a wrapped line still joins
    # the numbered caption and its header apart, even in a table this short; the row
    # after them under the caption (query-left9: a row stating a figure is no caption)
    assert texts[:2] == [
        "表10\t2023年商品零售额增长速度\n指标名称\t单位\t比上年增长",
        "汽车类\t%\t-16.3",
    ]
    assert passages[1].section[-2:] == ("表10 2023年商品零售额增长速度", "指标名称 单位 比上年增长")


def sections_of(text: str, snippet: str) -> tuple[str, ...]:
    (passage,) = [p for p in split_passages("d", text) if p.text.startswith(snippet)]
    return passage.section


def test_work_report_sections() -> None:
    text = corpus_text("004")
    assert sections_of(text, "现在，我代表市人民政府") == ()
    assert sections_of(text, "2023年是全面贯彻党的二十大精神") == ("一、2023年工作回顾",)
    assert sections_of(text, "一年来，我们以主题教育为契机") == ("一、2023年工作回顾",)
    assert sections_of(text, "2024年是中华人民共和国成立75周年") == (
        "二、在绿色低碳高质量发展中奋力走在前",
    )
    assert sections_of(text, "围绕实现高质量发展") == ("三、2024年重点工作",)
    assert sections_of(text, "做强优势产业顶梁柱") == (
        "三、2024年重点工作",
        "（一）着力建设现代化产业体系，培强高质量发展根基",
    )
    assert sections_of(text, "筑牢安全发展基石") == (
        "三、2024年重点工作",
        "（十）着力保障和改善民生，扎实推进共同富裕",
    )
    # A new 一、-level heading closes the open （十） section.
    assert sections_of(text, "全市政府系统要牢记") == ("四、全面提升政府治理现代化水平",)


def test_run_in_heading_line_is_also_a_passage() -> None:
    text = corpus_text("004")
    (passage,) = [p for p in split_passages("d", text) if p.text.startswith("（一）着力建设")]
    assert passage.section == (
        "三、2024年重点工作",
        "（一）着力建设现代化产业体系，培强高质量发展根基",
    )
    assert passage.text.endswith("推动产业高端化、智能化、绿色化发展。")


def test_pure_heading_lines_are_not_passages() -> None:
    for prefix in ("002", "004"):
        texts = [p.text for p in split_passages("d", corpus_text(prefix))]
        assert not any(t.startswith(("一、", "二、", "三、", "四、")) for t in texts)


def test_party_report_subsections_restart_under_each_part() -> None:
    text = corpus_text("002")
    assert sections_of(text, "构建现代产业体系") == (
        "三、咬定目标、攻坚克难，奋力实现振兴发展新突破",
        "（一）做强综合实力，在加快壮大经济规模上实现新突破",
    )
    (part4,) = {
        p.section[0] for p in split_passages("d", text) if p.text.startswith("（一）深学笃行")
    }
    assert part4.startswith("四、坚持和加强党的全面领导")


def test_markdown_sections_drop_marks_and_nest() -> None:
    text = corpus_text("001")
    passages = split_passages("d", text)
    assert not any(p.text.startswith("#") for p in passages)
    assert all(not title.startswith("#") for p in passages for title in p.section)
    assert sections_of(text, "“市南区将深入学习贯彻") == (
        "踔厉奋发，让二十大精神落地生根",
        "青岛各区(市)委书记谈学习贯彻党的二十大精神",
        "市南区委书记王锋： 聚力强势，塑造市南区高质量发展新优势",
    )
    # Broken lines ("……宏伟蓝图要变成现") are passages, not guessed titles.
    assert sections_of(text, "张元升说") == sections_of(text, "“习近平总书记所作的报告")


def test_speech_list_paragraphs_are_passages_without_sections() -> None:
    passages = split_passages("d", corpus_text("000"), max_chars=100_000)
    assert all(p.section == () for p in passages)
    assert [p.text[:3] for p in passages if p.text[1] == "要"] == [
        f"{n}要奋" for n in "一二三四五六七八九十"
    ]


def test_news_headline_lines_are_headings() -> None:
    text = corpus_text("003")
    assert sections_of(text, "本报12月29日讯") == (
        "王鲁明主持 赵豪志作政府工作报告 表决通过有关选举办法",
    )
    assert sections_of(text, "（观海新闻/青报全媒体") == sections_of(text, "本报12月29日讯")


def test_heading_levels_pop_deeper_sections() -> None:
    text = "# A\n\n## B\n\n正文一。\n\n### C\n\n正文二。\n\n## D\n\n正文三。\n\n# E\n\n正文四。\n"
    assert [(p.text, p.section) for p in split_passages("x", text)] == [
        ("正文一。", ("A", "B")),
        ("正文二。", ("A", "B", "C")),
        ("正文三。", ("A", "D")),
        ("正文四。", ("E",)),
    ]


def test_whitespace_is_stripped_and_offsets_adjusted() -> None:
    text = "\n\n\u3000\u3000第一段正文。  \n\t第二段正文。\n"
    passages = split_passages("x", text)
    assert [p.text for p in passages] == ["第一段正文。", "第二段正文。"]
    assert passages[0].start == 4
    assert_offsets(text, passages)


def test_a_text_of_only_titles_still_has_passages() -> None:
    text = "# 乡村振兴\n\n## 产业兴旺\n"
    assert [(p.text, p.section) for p in split_passages("x", text)] == [
        ("# 乡村振兴", ()),
        ("## 产业兴旺", ("乡村振兴",)),
    ]
    text = "第一段没有标点\n\n第二段也没有"  # both are title-like lines
    assert [p.text for p in split_passages("x", text)] == ["第一段没有标点", "第二段也没有"]


def test_hard_wrapped_lines_are_joined_into_one_paragraph() -> None:
    # PDF text layers break lines mid-sentence; a line without final punctuation
    # continues on the next one, and a wrapped line is never taken for a title.
    text = (
        "各位代表：\n现在我代表市人民政府向大会\n报告工作请予审议\n并请市政协委员提出意见。\n"
        "下一段。\n"
    )
    passages = split_passages("x", text)
    assert [p.text for p in passages] == [
        "各位代表：",
        "现在我代表市人民政府向大会\n报告工作请予审议\n并请市政协委员提出意见。",
        "下一段。",
    ]
    assert all(p.section == () for p in passages)
    assert_offsets(text, passages)


def test_blank_line_ends_a_paragraph_even_without_punctuation() -> None:
    text = "第一段没有标点，但有逗号，还有逗号\n\n第二段也没有，逗号，很多"
    assert [p.text for p in split_passages("x", text)] == [
        "第一段没有标点，但有逗号，还有逗号",
        "第二段也没有，逗号，很多",
    ]


# --- windowing ------------------------------------------------------------------------------


def numbered_sentences(n: int, filler: str = "推动高质量发展取得新成效") -> list[str]:
    return [f"第{i}句{filler}。" for i in range(n)]


def test_sentence_spans_cover_the_text_and_keep_closing_quotes() -> None:
    s = "他说：“要坚持。”我们同意！真的吗？是的；好 end"
    spans = sentence_spans(s)
    assert "".join(s[a:b] for a, b in spans) == s
    assert [s[a:b] for a, b in spans] == [
        "他说：“要坚持。”",
        "我们同意！",
        "真的吗？",
        "是的；",
        "好 end",
    ]


def test_long_paragraph_is_windowed_by_whole_sentences_with_one_sentence_overlap() -> None:
    sentences = numbered_sentences(40)
    paragraph = "".join(sentences)
    text = "一、总体要求\n" + paragraph + "\n"
    max_chars = 100
    passages = split_passages("x", text, max_chars=max_chars)
    assert len(passages) > 5
    assert_offsets(text, passages)
    windows = []
    for p in passages:
        assert len(p.text) <= max_chars
        assert p.section == ("一、总体要求",)
        assert p.text.endswith("。")
        parts = [s for s in sentences if s in p.text]
        assert "".join(parts) == p.text  # whole sentences only
        windows.append(parts)
    for previous, current in itertools.pairwise(windows):
        assert current[0] == previous[-1]  # exactly one sentence of overlap
        assert current[1:] and current[1] not in previous
    covered = [s for w in windows for s in w]
    assert sorted(set(covered), key=sentences.index) == sentences


def test_a_match_across_a_window_boundary_is_not_lost() -> None:
    sentences = numbered_sentences(30)
    paragraph = "".join(sentences)
    passages = split_passages("x", paragraph, max_chars=90)
    for a, b in itertools.pairwise(sentences):
        phrase = a[-6:] + b[:6]  # spans the boundary between two sentences
        assert any(phrase in p.text for p in passages), phrase


def test_over_long_sentence_is_hard_split_preferring_commas() -> None:
    clause = "加快建设现代化产业体系"  # 11 chars
    sentence = "，".join([clause] * 60) + "。"
    passages = split_passages("x", sentence, max_chars=100)
    assert_offsets(sentence, passages)
    assert all(len(p.text) <= 100 for p in passages)
    assert "".join(p.text for p in passages) == sentence  # fragments do not overlap
    assert all(p.text.endswith("，") for p in passages[:-1])


def test_over_long_sentence_without_any_break_is_cut_at_the_limit() -> None:
    sentence = "字" * 250
    assert sentence_windows(sentence, 100) == [(0, 100), (100, 200), (200, 250)]


def test_short_sentences_around_a_long_one() -> None:
    s = "短句一。" + "长" * 150 + "。短句二。短句三。"
    windows = sentence_windows(s, 60)
    pieces = [s[a:b] for a, b in windows]
    assert all(len(p) <= 60 for p in pieces)
    assert pieces[0] == "短句一。"
    assert pieces[-1].endswith("短句三。")
    # The long sentence is cut at the limit; the short ones join its last piece.
    assert windows == [(0, 4), (4, 64), (64, 124), (124, len(s))]
    joined = pieces[0]
    for prev, cur in itertools.pairwise(windows):
        joined += s[max(prev[1], cur[0]) : cur[1]]
    assert joined == s


def test_split_passages_rejects_a_zero_limit() -> None:
    with pytest.raises(ValueError):
        split_passages("x", "正文。", max_chars=0)


def test_offsets_hold_on_random_documents() -> None:
    rng = random.Random(20240521)
    atoms = [
        "发展",
        "改革",
        "。",
        "，",
        "！",
        "？",
        "；",
        "”",
        "“",
        "\n",
        "\n\n",
        " ",
        "\u3000",
        "\t",
        "# ",
        "## ",
        "一、",
        "（二）",
        "1. ",
        "abc",
        "5.5%",
        "2024年",
        "\r",
        "——",
        "：",
    ]
    for _ in range(400):
        text = "".join(rng.choice(atoms) for _ in range(rng.randint(0, 120)))
        max_chars = rng.choice([1, 2, 5, 17, 60, 400])
        passages = split_passages("r", text, max_chars=max_chars)
        assert_offsets(text, passages)
        assert all(len(p.text) <= max_chars for p in passages)
        assert [p.ordinal for p in passages] == list(range(len(passages)))


# --- metadata --------------------------------------------------------------------------------


def test_meta_of_the_yantai_work_report() -> None:
    meta = infer_meta(corpus_text("004"), corpus_name("004"))
    assert meta == DocumentMeta(
        title="烟台市2024年政府工作报告",
        region="烟台",
        year=2024,
        level="city",
        doc_type="政府工作报告",
        issuer="烟台市人民政府",
        region_path=("山东", "烟台"),
    )


def test_meta_of_the_qingdao_markdown_article() -> None:
    meta = infer_meta(corpus_text("001"), corpus_name("001"))
    assert meta.title == "踔厉奋发，让二十大精神落地生根"
    assert meta.region == "青岛"


def test_meta_of_the_qingdao_news_article() -> None:
    meta = infer_meta(corpus_text("003"), corpus_name("003"))
    assert meta.title == "全面贯彻党的二十大精神，奋力开创新时代社会主义现代化国际大都市建设新局面"
    assert meta.region == "青岛"
    # A report given in Dec 2022 planning 2023: "2023年要扎实做好十二个方面重点工作".
    assert meta.year == 2023


def test_masked_documents_have_no_region() -> None:
    # 002 writes "xx市", 000 writes "**市".
    party = infer_meta(corpus_text("002"), corpus_name("002"))
    assert party.region is None
    assert party.year is None
    assert party.title == "党代会报告"
    speech = infer_meta(corpus_text("000"), corpus_name("000"))
    assert speech.region is None
    # a salutation and no heading: named by its kind and year, not by its file name
    assert speech.title == "2023年讲话"


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name[:3])
def test_titles_are_short_and_not_salutations(path: Path) -> None:
    title = infer_meta(path.read_text(encoding="utf-8"), path.name).title
    assert 0 < len(title) <= 60
    assert not is_salutation(title)
    assert not title.startswith("#")


def test_title_from_first_line_and_shortening() -> None:
    long_line = "关于进一步优化营商环境降低市场主体制度性交易成本的实施意见，" * 3 + "。"
    meta = infer_meta(long_line + "\n正文。", "x.txt")
    assert len(meta.title) <= 60
    assert meta.title.endswith("…")
    assert infer_meta("\n\n  关于加快发展的通知。\n正文。", "x.txt").title == "关于加快发展的通知"
    assert infer_meta("同志们：\n\n下面我讲三点意见。", "speech.docx").title == "speech"
    # A title-like line after the body has started is not the document title.
    assert infer_meta("正文第一段，内容。\n\n附件清单\n", "x.txt").title == "正文第一段，内容"
    assert infer_meta("同志们：\n\n总体要求\n\n正文。", "x.txt").title == "总体要求"


def test_region_needs_a_suffixed_mention() -> None:
    assert infer_region("要确保社会长治久安。各位来宾，朝阳产业。") is None
    assert infer_region("长治市推进改革。长治久安。") == "长治"
    assert infer_region("xx市、**市和XX省的发展。xx市。") is None


def test_region_counts_mentions_and_prefers_suffixed_ties() -> None:
    text = "山东省委要求。烟台市推动发展，烟台港、烟台经济；山东半岛。"
    assert infer_region(text) == "烟台"
    assert infer_region("青岛市和济南市。") == "青岛"  # tie: the earlier one
    assert infer_region("延边朝鲜族自治州的发展，延边。") == "延边"


def test_region_list_can_be_extended() -> None:
    # Districts are in the gazetteer; a development zone is not, unless the caller adds it.
    assert infer_region("崂山区委书记表示，崂山将加快发展。青岛市。") == "崂山"
    text = "西海岸新区工委书记表示，西海岸新区将加快发展。青岛市。"
    assert infer_region(text) == "青岛"
    assert infer_region(text, ["西海岸新区"]) == "西海岸新区"


def test_county_names_in_the_body_need_their_city_or_province() -> None:
    # 新增城区 holds the district name 增城区 (广州); without 广州 or 广东 it is a word.
    assert infer_region("新增城区绿地，新增城区面积。全市。") is None
    assert infer_region("增城区推进发展，增城区。广州市。") == "增城"


def test_year_rules() -> None:
    # 1. headings: the latest year
    assert infer_year("正文2022年。", ["一、2023年工作回顾", "三、2024年重点工作"]) == 2024
    # 2. planning phrases
    assert (
        infer_year("2022年是开局之年。2022年成绩显著。2023年要扎实做好十二个方面重点工作。") == 2023
    )
    assert infer_year("2024年经济社会发展的主要预期目标是：增长5%。2023年回顾。2023年。") == 2024
    # 3. most frequent, horizons ignored, amounts are not years
    assert infer_year("到2035年基本实现。到2035年。2022年产值。总投资2000亿元。") == 2022
    assert infer_year("2021年。2022年。2021年。") == 2021
    assert infer_year("2021年。2022年。") == 2022  # tie: the later
    # 4. only horizons
    assert infer_year("到2035年基本实现现代化。") == 2035
    assert infer_year("总投资2000亿元，1999个项目。") is None
    assert infer_year("") is None
    assert infer_year("２０２４年主要预期目标") == 2024  # full-width digits


def test_year_of_each_corpus_file() -> None:
    assert infer_meta(corpus_text("004"), "x").year == 2024  # from the headings
    assert infer_meta(corpus_text("000"), "x").year == 2023  # "结合2023年政府重要工作安排"


# --- sidecars --------------------------------------------------------------------------------


def test_parse_sidecar_known_and_extra_keys() -> None:
    overrides = parse_sidecar(
        'title = "烟台市政府工作报告"\nregion = "烟台"\nyear = "2024"\n'
        'source = "烟台日报"\npages = 12\ntags = ["报告", "2024"]\n[extra]\nauthor = "市政府"\n',
        source="r.txt.meta.toml",
    )
    assert overrides == {
        "title": "烟台市政府工作报告",
        "region": "烟台",
        "year": 2024,
        "extra": {"source": "烟台日报", "pages": "12", "tags": "报告, 2024", "author": "市政府"},
    }


def test_empty_region_clears_the_inferred_one() -> None:
    inferred = DocumentMeta("t", region="青岛", year=2023, extra={"a": "1"})
    merged = merge_meta(inferred, parse_sidecar('region = ""\n[extra]\nb = "2"', source="s"))
    assert merged == DocumentMeta("t", region=None, year=2023, extra={"a": "1", "b": "2"})
    assert merge_meta(inferred, {}) is inferred


@pytest.mark.parametrize(
    ("toml", "fragment"),
    [
        ('title = "unterminated', "invalid TOML"),
        ("title = = 1", "invalid TOML"),
        ('title = ""', "'title'"),
        ("title = 3", "'title'"),
        ("region = 1", "'region'"),
        ("year = 24", "'year'"),
        ('year = "twenty"', "'year'"),
        ("year = true", "'year'"),
        ("[nested]\nkey = 1", "'nested' is a table"),
    ],
)
def test_bad_sidecars_name_the_file(toml: str, fragment: str) -> None:
    with pytest.raises(MetadataError) as info:
        parse_sidecar(toml, source="corpus/report.txt.meta.toml")
    assert str(info.value).startswith("corpus/report.txt.meta.toml: ")
    assert fragment in info.value.reason
    assert isinstance(info.value, UnreadableDocument)


def test_load_sidecar_from_document_or_sidecar_path(tmp_path: Path) -> None:
    doc = tmp_path / "report.txt"
    doc.write_text("正文。", encoding="utf-8")
    assert load_sidecar(doc) == {}
    sidecar = tmp_path / "report.txt.meta.toml"
    sidecar.write_text('title = "覆盖标题"\nyear = 2021\n', encoding="utf-8")
    assert load_sidecar(doc) == {"title": "覆盖标题", "year": 2021}
    assert load_sidecar(sidecar) == load_sidecar(doc)


def test_load_sidecar_errors_name_the_sidecar(tmp_path: Path) -> None:
    doc = tmp_path / "report.txt"
    sidecar = tmp_path / "report.txt.meta.toml"
    sidecar.write_text("title = [unclosed", encoding="utf-8")
    with pytest.raises(MetadataError) as info:
        load_sidecar(doc)
    assert info.value.path == sidecar
    assert str(info.value).startswith(f"{sidecar}: invalid TOML")
    sidecar.write_bytes('title = "标题"'.encode("gbk"))
    with pytest.raises(MetadataError, match="not UTF-8"):
        load_sidecar(doc)


def test_table_rows_are_never_headings() -> None:
    assert parse_heading("#住宅\t万平方米\t2013.6\t-23.0") is None
    assert parse_heading("一、食品烟酒\t99.2") is None
    assert parse_heading("一、食品烟酒") is not None


def test_a_hard_wrapped_text_is_reflowed_into_paragraphs() -> None:
    from bot.corpus.parse import reflow_wrapped

    paragraph = (
        "全市地区生产总值增长5.5%，高新技术企业达到1200家，空气质量优良天数比例达到92%。" * 3
    )
    wrapped = "\n".join(paragraph[i : i + 29] for i in range(0, len(paragraph), 29))
    text = (
        "江州市2025年政府工作报告\n2025年1月20日\n一、2024年工作回顾\n"
        + wrapped
        + "\n指标\t2024年\t增长（%）\n"
        + wrapped.replace("全市", "全县")
        + "\n"
    )
    lines = reflow_wrapped(text).split("\n")
    # the title, the date, the heading and the table row stay lines of their own; each
    # wrapped paragraph is one line again (no word cut by a line end: 高\n新技术企业)
    assert lines == [
        "江州市2025年政府工作报告",
        "2025年1月20日",
        "一、2024年工作回顾",
        paragraph,
        "指标\t2024年\t增长（%）",
        paragraph.replace("全市", "全县"),
        "",
    ]
    one_per_line = "江州市2025年政府工作报告\n" + "\n".join([paragraph] * 12)
    assert reflow_wrapped(one_per_line) is one_per_line  # written one paragraph per line
    latin = "\n".join(["The quick brown fox jumps over the lazy dog and runs"] * 12)
    assert "runs The quick" in reflow_wrapped(latin)  # a break between words is a space


def test_a_headings_numbering_comes_off_its_title_and_nothing_else() -> None:
    assert without_numbering("二、义务教育") == "义务教育"
    assert without_numbering("（三）普通高中") == "普通高中"
    assert without_numbering("第二节 医疗卫生") == "医疗卫生"
    assert without_numbering("3. 中等职业教育") == "中等职业教育"
    assert without_numbering("（4）学前教育") == "学前教育"
    assert without_numbering("义务教育") == "义务教育"
    assert without_numbering("2.5万所学校") == "2.5万所学校"  # a number, not a numbering


# --- one paragraph per line: notices and plans whose lines end without a full stop ----


def test_a_bracket_inside_a_wrapped_sentence_does_not_end_the_line() -> None:
    # a wrapped line that stops on an abbreviation in brackets, or on a note that names
    # no owner, is still cut mid-sentence
    text = (
        "积极对接区域全面经济伙伴关系协定（RCEP）\n规则，帮助企业用好关税减让政策。\n"
        "全年新增外贸备案企业（含个体工商户）\n五百家以上。\n"
    )
    assert [p.text for p in split_passages("x", text)] == [
        "积极对接区域全面经济伙伴关系协定（RCEP）\n规则，帮助企业用好关税减让政策。",
        "全年新增外贸备案企业（含个体工商户）\n五百家以上。",
    ]


def test_a_notices_head_title_addressee_signature_and_date_are_separate() -> None:
    body = "为加快培育新兴产业，推动产业集群发展，结合本市实际，制定本行动方案。" * 2
    text = (
        "江州市人民政府办公厅关于印发《江州市新材料产业发展行动方案》的通知\n"
        "江府办发〔2025〕12号\n"
        "市政府各部门：\n"
        "《江州市新材料产业发展行动方案》已经市政府同意，现印发给你们，请认真贯彻落实。\n"
        "特此通知。\n"
        "江州市人民政府办公厅\n"
        "2025年3月8日\n"
        "江州市新材料产业发展行动方案\n" + body + "\n"
    )
    paras = [p.text for p in split_passages("x", text)]
    assert paras[:3] == [
        "江州市人民政府办公厅关于印发《江州市新材料产业发展行动方案》的通知\n江府办发〔2025〕12号",
        "市政府各部门：",
        "《江州市新材料产业发展行动方案》已经市政府同意，现印发给你们，请认真贯彻落实。",
    ]
    assert paras[3] == "特此通知。"
    assert "江州市人民政府办公厅\n2025年3月8日" in paras
    # the date closes the signature: the plan's title starts a paragraph of its own
    assert paras[-1] == "江州市新材料产业发展行动方案\n" + body


def test_an_addressee_line_is_not_the_wrap_of_a_title() -> None:
    for head, addressee in [
        ("关于开展安全生产大检查的通知", "各区县人民政府，市有关部门："),
        ("江州省有关单位名单", "省有关单位："),
    ]:
        text = f"{head}\n{addressee}\n现将有关事项通知如下。\n"
        assert [p.text for p in split_passages("x", text)][-2:] == [
            addressee,
            "现将有关事项通知如下。",
        ], head


def test_a_colon_line_that_continues_a_wrapped_sentence_still_joins() -> None:
    text = "为做好今年防汛工作，现将\n具体要求通知如下：\n一、压实责任。\n"
    assert split_passages("x", text)[0].text == ("为做好今年防汛工作，现将\n具体要求通知如下：")


def test_a_wrapped_notice_keeps_its_addressee_and_its_signature_date_apart() -> None:
    from bot.corpus.parse import reflow_wrapped

    # wrapped at 16 characters; the addressee and the date (spaced as PDF text layers
    # set it) are as long as a wrapped line, yet the addressee is a line of its own and
    # nothing runs on after the date
    paragraph = (
        "为加快培育新兴产业推动产业集群发展结合本市实际制定本行动方案请各单位认真贯彻落实。" * 4
    )
    wrapped = "\n".join(paragraph[i : i + 16] for i in range(0, len(paragraph), 16))
    addressee = "各区人民政府，市政府各委、办、局："
    date = "2025 年 12 月 22 日"
    text = f"关于印发行动方案的通知\n{addressee}\n{wrapped}\n江州市人民政府\n{date}\n{wrapped}\n"
    assert reflow_wrapped(text).split("\n") == [
        "关于印发行动方案的通知",
        addressee,
        paragraph,
        "江州市人民政府",
        date,
        paragraph,
        "",
    ]


def test_a_speech_salutation_stays_with_the_title_above_it() -> None:
    # 各位代表： opens with 各 like an addressee, but the title above it must not become
    # the heading of the whole speech
    text = "江州市2025年政府工作报告\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n"
    passages = split_passages("x", text)
    assert passages[0].text == "江州市2025年政府工作报告\n各位代表："
    assert all(p.section == () for p in passages)
