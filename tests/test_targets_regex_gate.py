"""The lookahead gate in front of hot regular expressions: same matches, faster scans."""

from __future__ import annotations

import re
from collections.abc import Callable
from re import _compiler

import pytest

from bot.targets import regex_gate
from bot.targets.numbers import shares, special_forms
from bot.targets.regex_gate import _Needled, gated, needled, skipping

_TEXTS = [
    "力争到2030年全市新增就业岗位5万个，已建成示范园区十二个。",
    "过去五年来，城乡居民收入比由2.9∶1缩小至2.5∶1，年均增长百分之六点五。",
    "奋斗目标是二〇二八年前实现翻一番，第3位升至全国前三。",
    "",
    "abc 123 x/y",
]

_PATTERNS = [
    r"(?<![为除])了(?!解)|已经|(?<!而)已(?![，。；])|[一二三四五]年来",
    r"(?:到|至)?((?:19|20)\d\d)年(?:底|末)?|(今年|全年)|(过去[一二三四五六七八九十两\d]+年)",
    r"(?:(?<=[超近约])|^)(?P<n>[一二三四五六七八九])成",
    r"(?P<f>力争|确保|奋斗目标)|(?P<p>已经|过去)",
    r"(?:[xX]|\d)+万?个",
    r"\d+(?:\.\d+)?\s*[：:∶]\s*1",  # a repeat first: re does not scan for its class
]


@pytest.mark.parametrize("source", _PATTERNS)
def test_gated_finds_what_the_pattern_finds(source: str) -> None:
    plain = re.compile(source)
    gate = gated(plain)
    assert gate.pattern.startswith("(?=[")  # the gate is in front
    for text in _TEXTS:
        assert [(m.span(), m.groups(), m.lastgroup) for m in gate.finditer(text)] == [
            (m.span(), m.groups(), m.lastgroup) for m in plain.finditer(text)
        ]
        assert gate.sub("#", text) == plain.sub("#", text)


@pytest.mark.parametrize("source", _PATTERNS)
def test_a_gated_pattern_searches_with_its_gate_as_first_characters(source: str) -> None:
    # re enters a pattern opening with a lookahead at every position; the gate compiled as
    # the search's set of first characters skips to the admitted ones, same matches
    gate = gated(re.compile(source))
    assert skipping(gate.pattern) is not None  # the layout is the one expected: a set
    looked = re.compile(gate.pattern)  # the lookahead alone, as re compiles it
    for text in _TEXTS:
        for pos in range(len(text) + 1):
            found = gate.search(text, pos)
            same = looked.search(text, pos)
            assert (found and (found.span(), found.groups())) == (
                same and (same.span(), same.groups())
            )
            assert bool(gate.match(text, pos)) == bool(looked.match(text, pos))


def test_a_gate_of_one_character_and_named_groups_keep_their_matches() -> None:
    gate = skipping(r"(?=[了])(?:(?<![为除])(?P<v>了)(?!解)|(?<!而)了经)")
    assert gate is not None
    assert gate.groupindex == {"v": 1}
    text = "为了了解了经济，了"
    assert [(m.span(), m.group("v")) for m in gate.finditer(text)] == [
        ((4, 5), "了"),
        ((8, 9), "了"),
    ]


def test_no_first_characters_for_a_pattern_that_is_not_gated() -> None:
    assert skipping(r"(?<=[为])了") is None  # a lookbehind first, not a gate
    assert skipping(r"(?=[了])(?:了?)") is None  # may match the empty string


def test_first_characters_through_optional_parts_and_lookbehinds() -> None:
    # 到/至 may open a match, and so may the year's first digit when they are left out
    gate = gated(re.compile(r"(?<!\d)(?:到|至)?(?:19|20)\d\d年"))
    assert re.fullmatch(r"\(\?=\[[^\]]*\]\).*", gate.pattern)
    head = gate.pattern[4 : gate.pattern.index("]")]
    assert set("到至12") <= set(head)
    assert "年" not in head
    assert [m.group() for m in gate.finditer("至2025年，1999年")] == ["至2025年", "1999年"]


@pytest.mark.parametrize(
    "source",
    [
        r".{2}增长",  # any character may open a match
        r"[^，。]+率",  # a negated class
        r"(?:增长)?",  # may match the empty string
        r"(?i)gdp",  # case folded
        r"(?i:pm)2\.5浓度",  # case folded in part
        r"受教育年限|预期寿命",  # literals first: re scans for them in C
        r"[一二三]大工程",  # a plain class first, likewise
        r"第(?P<n>\d+)位",
    ],
)
def test_no_gate_where_a_match_may_start_anywhere_or_re_scans_itself(source: str) -> None:
    pattern = re.compile(source)
    assert gated(pattern) is pattern


@pytest.mark.parametrize(
    ("source", "needles"),
    [
        (r"(?P<d>[二三四]+)分之(?P<n>[一二三]+)", ("分之",)),  # a run of literals
        (r"翻了?一番|翻番|倍增", ("一番", "倍增", "翻番")),  # one of each branch
        (r"(?:地区|国内)生产总值增长", ("生产总值增长",)),  # the longer of two must-haves
        (r"(?P<mag>万亿|千亿|百|千|万)(?:元|吨)", ("万", "千", "百")),  # 万亿 holds 万
        (r"(?:\d+)个(?:项目|工程)+", ("工程", "项目")),  # a repeat of one or more: its own
        (r"(?<=[超近])(?P<n>[一二三])成(?=以上|左右)", ("成",)),  # lookarounds hold nothing
    ],
)
def test_needles_every_match_must_hold(source: str, needles: tuple[str, ...]) -> None:
    scan = needled(re.compile(source))
    assert isinstance(scan, _Needled)
    assert scan.needles == needles


@pytest.mark.parametrize(
    "source",
    [
        r"[一二三]+",  # a class only
        r"(?:增长)?率?",  # nothing it must match
        r"(?i)gdp",  # case folded
        r"增长|\d+",  # a branch that holds no string
    ],
)
def test_no_needle_when_no_string_must_be_there(source: str) -> None:
    pattern = re.compile(source)
    assert needled(pattern) is pattern


def test_a_needled_scan_finds_what_the_pattern_finds() -> None:
    for source in (
        *_PATTERNS,
        r"翻了?一番|倍增",
        r"(?P<d>[二三四五六七八九十]+)分之(?P<n>[一二三四五六七八九]+)",
    ):
        plain = re.compile(source)
        scan = needled(gated(plain))
        for text in (*_TEXTS, "人口的三分之一，总量翻了一番。", "倍增计划"):
            assert [(m.span(), m.groups()) for m in scan.finditer(text)] == [
                (m.span(), m.groups()) for m in plain.finditer(text)
            ]


# Sentences holding a match of each whole-sentence scan of the figure finder, and some
# holding a near miss (a needle without the match, a match without the gate's class).
_FIGURE_TEXTS = [
    "城区人口占全市三分之一，1/3的乡镇完成改造，八成以上企业上云，近一半的村通公交。",
    "主要指标居全国前三，城乡居民收入倍差为1.78，孕产妇死亡率为9.8/10万。",
    "城乡居民收入比由2.9∶1缩小至2.52∶1，平均受教育年限提升至10.2年，人均预期寿命达到79.5岁。",
    "经济总量居全省第3位，增速位居全国第二，排名从第9名升至第5名，第一、二产业。",
    "力争到2030年实现翻一番，居民收入倍增，打造3个千亿级产业集群、百万千瓦级基地。",
    "建成超百亿元项目，新增百万人次，投资千亿，年均增长百分之六点五。",
    "增速高于全国平均水平1.2个百分点，居民收入增长与经济增长基本同步。",
    "第",
    "前后分之成一半万千百PUE系数",
    "",
]


@pytest.mark.parametrize("module", [shares, special_forms])
def test_the_figure_finders_needled_scans_find_what_their_patterns_find(module) -> None:
    scans = [v for v in vars(module).values() if isinstance(v, _Needled)]
    assert len(scans) >= 5  # the scans over every sentence are needled
    found = 0
    for scan in scans:
        for text in _FIGURE_TEXTS:
            expected = [(m.span(), m.groups()) for m in scan.pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in scan.finditer(text)] == expected
            found += len(expected)
    assert found >= 10  # the texts hold matches, so the comparison says something


def test_the_goal_year_pattern_opens_on_its_verb_and_keeps_the_dates_out() -> None:
    """``_BY_YEAR_RE`` reads 到/至 first and looks behind for 截/截止 after (so re scans for
    its first class in C): the same matches as the lookbehinds first, on invented text."""
    from bot.targets.extract import _BY_YEAR_RE

    first = re.compile(r"(?<!截)(?<!截止)(?:到|至)\s*((?:19|20)\d\d)\s*年")
    texts = [
        "力争到2027年，全县新增市场主体800户；截至2025年底已建成12个。",
        "截止到2030年的数据，至 2031 年完成，截到2029年，止到2028年",
        "到到2026年、至至2033年，截截至2034年，截止至2035年，由2020年提高到2040年",
        "到二〇二五年，到1999年，至20256年",
        "",
    ]
    for text in texts:
        want = [(m.span(), m.groups()) for m in first.finditer(text)]
        assert [(m.span(), m.groups()) for m in _BY_YEAR_RE.finditer(text)] == want
    assert [m[1] for m in _BY_YEAR_RE.finditer(texts[0])] == ["2027"]
    assert [m[1] for m in _BY_YEAR_RE.finditer(texts[1])] == ["2031", "2028"]  # 截到 is a date too


@pytest.mark.parametrize(
    ("source", "classes"),
    [
        (r"(?:比|之比)[^，。]{0,8}?(?P<n>\d+)\s*[：:∶]\s*1", ((":", "∶", "："),)),  # not 1
        (r"(?P<n>\d+)\s*[/／]\s*(?P<per>十?万)", (("/", "／"),)),
        (r"(?:增长(?P<r>[一二]))+倍", (("一", "二"),)),  # inside a repeat of one or more
        (r"增长[一二三四五六七八九]倍", ()),  # too many characters to be rarer than 增长
        (r"增长[^一二]倍|增长(?:[一二])?倍|(?<=[超近])倍", ()),  # negated, optional, looked at
    ],
)
def test_a_small_class_every_match_holds_is_asked_too(
    source: str, classes: tuple[tuple[str, ...], ...]
) -> None:
    scan = needled(re.compile(source))
    assert isinstance(scan, _Needled)
    assert scan.classes == tuple(tuple(sorted(c)) for c in classes)


def test_a_text_without_the_class_is_not_scanned() -> None:
    plain = re.compile(r"(?:比|之比)[^，。；]{0,8}?(?P<n>\d+(?:\.\d+)?)\s*[：:∶]\s*1(?![\d.])")
    scan = needled(plain)
    assert isinstance(scan, _Needled) and scan.classes

    class Counting:
        """The pattern, counting the scans it is asked for."""

        calls = 0

        def finditer(self, text: str):
            Counting.calls += 1
            return plain.finditer(text)

    scan.pattern = Counting()  # type: ignore[assignment]
    texts = ("比上年增长1.5%，占比1成。", "男女比例为1.05∶1。", "两者之比约为3:1，比值上升。")
    for text in texts:
        assert [(m.span(), m.groups()) for m in scan.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)
        ]
    assert Counting.calls == 2  # the first text holds 比 and 1 but no colon


def test_the_written_year_pattern_opens_on_its_digits_and_keeps_longer_numbers_out() -> None:
    """``kinds._YEAR_RE`` checks "no digit before" after its first two digits (so re scans
    for a 1 or a 2 in C): the same matches as the lookbehind first, on invented text."""
    from bot.targets.kinds import _YEAR_RE

    first = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
    texts = [
        "2019年全县新增企业120家，到2027年力争达到300家，1998年以来累计12019年",
        "３2020年，12020年，x2021年，2022年2023年，1999年底，2199年，201年",
        "截至2024年6月，2025年上半年，二〇二五年，20 25年",
        "",
    ]
    for text in texts:
        want = [(m.span(), m.groups()) for m in first.finditer(text)]
        assert [(m.span(), m.groups()) for m in _YEAR_RE.finditer(text)] == want
        assert _YEAR_RE.findall(text) == first.findall(text)
    assert _YEAR_RE.findall(texts[0]) == ["2019", "2027", "1998"]
    assert _YEAR_RE.findall(texts[1]) == ["2021", "2022", "2023", "1999"]


def test_a_paragraph_without_a_month_or_quarter_holds_no_ended_part() -> None:
    """``cue_marks`` scans for an ended part of the year only in a paragraph holding one of
    ``_ENDED_PART_NEEDLES``: every match of the pattern holds one (invented text)."""
    from bot.targets.kinds import _ENDED_PART_NEEDLES, _ENDED_PART_RE, cue_marks

    texts = [
        "上半年全市地区生产总值增长5.1%，前三季度增长5.3%，一季度增长4.8%，第二季度回升",
        "1—6月规模以上工业增加值增长6%，1-11月增长5%，1至3月，1~2月，1 - 10 月",
        "前两季度和三季度，全年增长5%，2024年一二三季度",
    ]
    found = 0
    for text in texts:
        for m in _ENDED_PART_RE.finditer(text):
            found += 1
            assert any(needle in m.group() for needle in _ENDED_PART_NEEDLES)
    assert found >= 10
    # without any of them: no ended part, though the gate's first characters are there
    plain = "一是上级下达12个项目，前期工作上线，第三批1个"
    assert not any(needle in plain for needle in _ENDED_PART_NEEDLES)
    assert list(_ENDED_PART_RE.finditer(plain)) == []
    assert cue_marks(plain, 2024) == ([], [])
    # with one: the ended part is a mark, as before
    assert cue_marks("上半年增长5%", 2024) == ([], [(3, "achievement")])


def test_one_search_finds_nothing_where_none_of_its_scans_can_match() -> None:
    """``any_may_match``: the strings each scan requires, its class when its needle is one
    common character; a text it finds nothing in is one no scan matches (invented text)."""
    from bot.targets.regex_gate import any_may_match

    ratio = needled(re.compile(r"(?:比|之比)[^，。；]{0,8}?(?P<n>\d+)\s*[：:∶]\s*1(?![\d.])"))
    half = needled(re.compile(r"(?<=[过近约])一半(?=以上|左右|[的，。]|$)"))
    years = needled(re.compile(r"受教育年限|预期寿命"))
    test = any_may_match(ratio, half, years)
    # the ratio's class, not its needle 1 (in nearly every sentence with a figure)
    assert sorted(test.pattern.split("|")) == sorted(
        ["一半", "受教育年限", "预期寿命", ":", "∶", "："]
    )
    texts = [
        "城乡居民收入比缩小至2.52∶1，比上年下降0.04",
        "全县新增企业1200家，增长11%，第1批",
        "覆盖近一半的村，人均预期寿命达到79.2岁",
        "平均受教育年限11年",
        "男女之比为1.05:1",
        "比上年提高1个百分点。",
        "",
    ]
    for text in texts:
        found = [m.group() for scan in (ratio, half, years) for m in scan.finditer(text)]
        if test.search(text) is None:
            assert found == []
        else:
            assert any(s in text for s in ("∶", ":", "：", "一半", "受教育年限", "预期寿命"))
    assert test.search(texts[1]) is None and test.search(texts[5]) is None
    assert all(test.search(t) for t in (texts[0], texts[2], texts[3], texts[4]))
    with pytest.raises(ValueError):
        any_may_match(half, re.compile(r"\d+"))  # no string every match holds


def test_the_figure_finders_rare_scans_skipped_together_find_what_they_would() -> None:
    """The rare forms of ``shares`` and ``special_forms``, asked only when their one search
    finds something: the same figures as each scan asked alone (invented sentences)."""
    groups = [
        (
            shares._RARE_FORMS_RE,
            [
                shares._FRACTION_CN_RE,
                shares._FRACTION_AR_RE,
                shares._HALF_RE,
                shares._RATIO_RE,
                shares._PER_POPULATION_RE,
                shares._RATIO_PAIR_RE,
                shares._YEARS_ANCHOR_RE,
            ],
        ),
        (
            special_forms._RARE_FORMS_RE,
            [special_forms._PERCENT_CN_RE, special_forms._COMPARISON_RE, special_forms._SYNC_RE],
        ),
    ]
    texts = [
        "全市三分之一的企业，占比近一半，1/3的村，城乡收入比缩小至2.3∶1",
        "每10万人口拥有医生28.5人，孕产妇死亡率为8.2/10万，PUE值降至1.25",
        "人均预期寿命达到80.1岁，平均受教育年限提升至11.2年，基尼系数为0.46",
        "增速高于全省平均水平，与经济增长同步，不低于百分之五十",
        "全县新增企业1200家，增长11%，完成投资80亿元，第1批，前三季度",
        "比上年提高1个百分点，形成10个典型案例。",
    ]
    asked = 0
    for test, scans in groups:
        for text in texts:
            found = [m.span() for scan in scans for m in scan.finditer(text)]
            if test.search(text) is None:
                assert found == []
            else:
                asked += 1
    assert asked >= 4  # the texts hold rare forms, so the comparison says something


class _OtherCompiler:
    """``re``'s private compiler as a later Python might have it: its code laid out
    otherwise (``relaid``: the real code -> another), or ``_code`` gone (``None``)."""

    def __init__(self, relaid: Callable[[list], list] | None = None) -> None:
        self.relaid = relaid

    def __getattr__(self, name: str):
        if name != "_code":
            return getattr(_compiler, name)
        if self.relaid is None:
            raise AttributeError(name)
        relaid = self.relaid
        return lambda parsed, flags: relaid(_compiler._code(parsed, flags))


class _RefusingSre:
    """``_sre`` whose check refuses hand-built code (``RuntimeError``), counting calls."""

    def __init__(self) -> None:
        self.calls = 0

    def compile(self, *args: object) -> re.Pattern[str]:
        self.calls += 1
        raise RuntimeError("invalid SRE code")


@pytest.mark.parametrize(
    "compiler",
    [
        pytest.param(_OtherCompiler(lambda code: code[1 + code[1] :]), id="no-info-block"),
        pytest.param(_OtherCompiler(lambda code: [*code[:2], 1, *code[3:]]), id="info-flags"),
        pytest.param(_OtherCompiler(lambda code: code[:3]), id="short-code"),
        pytest.param(_OtherCompiler(), id="no-_code"),
        pytest.param(None, id="sre-refuses"),
    ],
)
def test_a_layout_not_foreseen_falls_back_to_re_with_the_same_matches(
    monkeypatch: pytest.MonkeyPatch, compiler: _OtherCompiler | None
) -> None:
    """Where the hand-built code cannot be made (a Python whose ``re`` internals differ),
    :func:`gated` returns ``re``'s own compilation of the gated pattern: the same matches,
    so the same records, and never an error."""
    sre = _RefusingSre()
    if compiler is None:
        monkeypatch.setattr(regex_gate, "_sre", sre)  # the layout passes, _sre refuses it
    else:
        monkeypatch.setattr(regex_gate, "_compiler", compiler)
    for source in _PATTERNS:
        plain = re.compile(source)
        gate = gated(plain)
        assert gate.pattern.startswith("(?=[")  # still gated
        assert skipping(gate.pattern, plain.flags) is None  # no hand-built code
        assert gate is re.compile(gate.pattern, plain.flags)  # re's own, from its cache
        for text in (*_TEXTS, *_FIGURE_TEXTS):
            assert [(m.span(), m.groups(), m.lastgroup) for m in gate.finditer(text)] == [
                (m.span(), m.groups(), m.lastgroup) for m in plain.finditer(text)
            ]
    assert sre.calls == (2 * len(_PATTERNS) if compiler is None else 0)
