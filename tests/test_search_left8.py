"""Three reply problems a user trial left (lane search-left8): the understood line names
the indicator of the card that answers, an ambiguous English or pinyin place name is
said with its candidates, and "did you mean" offers only terms near a word the index
lacks. Invented queries and texts only."""

from __future__ import annotations

import pytest

from bot.library.understood import understood_line
from tests.conftest import engine_over

# A country's report and a province's newer one, both setting a growth target.
COUNTRY = (
    "2024年国务院政府工作报告\n一、2024年发展主要预期目标\n"
    "今年发展主要预期目标是：国内生产总值增长5%左右；居民消费价格涨幅3%左右。\n"
)
PROVINCE = (
    "青海省2026年政府工作报告\n一、2026年主要预期目标\n"
    "全省地区生产总值增长6.5%左右，粮食产量稳定在110万吨以上，粮食产量再创新高。\n"
    "粮食产量连续增长，粮食产量保持稳定，农产品产量稳步提高。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    docs = {"country.txt": COUNTRY, "province.txt": PROVINCE}
    return engine_over(tmp_path_factory.mktemp("left8"), docs)


# -- 1: the understood line names the card's indicator ------------------------------------
@pytest.mark.parametrize("query", ["经济增长 目标", "经济增长目标是多少"])
def test_the_understood_line_names_the_indicator_of_the_card_that_answers(engine, query):
    response = engine.search(query, page_size=5)
    card = response.answer
    assert (card.region, card.indicator) == ("全国", "国内生产总值")
    assert response.understood.indicator == "国内生产总值"
    line = understood_line(response.understood, "zh")
    assert "国内生产总值" in line and "地区生产总值" not in line


def test_a_region_asked_keeps_its_own_indicator_in_the_line(engine):
    response = engine.search("青海 经济增长 目标", page_size=5)
    assert (response.answer.region, response.answer.indicator) == ("青海", "地区生产总值")
    assert response.understood.indicator == "地区生产总值"


# -- 3: suggestions only near a word the index lacks --------------------------------------
@pytest.mark.parametrize("query", ["量子通信 多少", "量子通信", "星际航行"])
def test_nothing_found_offers_no_term_that_only_shares_a_character(engine, query):
    response = engine.search(query, page_size=5)
    assert response.total == 0
    assert response.suggestions == ()


def test_a_mistyped_word_still_gets_its_near_term(engine):
    response = engine.search("粮食产良", page_size=5, correct=False)
    assert "粮食产量" in response.suggestions or "产量" in response.suggestions


# -- 2: an ambiguous English or pinyin place name is said with its candidates -------------
@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Suzhou GDP target", [("Suzhou", {("苏州", "江苏"), ("宿州", "安徽")})]),
        ("taizhou city 2025", [("taizhou", {("泰州", "江苏"), ("台州", "浙江")})]),
        ("Fuzhou-Yichun rail", [("Fuzhou", {("福州", "福建"), ("抚州", "江西")}),
                                ("Yichun", {("伊春", "黑龙江"), ("宜春", "江西")})]),
        ("Yulin and yulin", [("Yulin", {("榆林", "陕西"), ("玉林", "广西")})]),  # once
        ("Chengdu GDP", []),  # one place: named, not ambiguous
        ("Suzhouxyz 苏州", []),  # no such word; Chinese needs no candidates
    ],
)  # fmt: skip
def test_ambiguous_latin_names_are_found_with_their_candidates(text, said):
    from bot.corpus.gazetteer import ambiguous_latin_places

    got = [(name, set(places)) for name, places in ambiguous_latin_places(text)]
    assert got == said


def test_every_ambiguous_reading_names_no_place_and_two_or_more_candidates():
    from bot.corpus.gazetteer import ambiguous_latin_names, latin_names

    table = ambiguous_latin_names()
    assert {"suzhou", "fuzhou", "taizhou", "yichun", "yulin"} <= set(table)
    for latin, places in table.items():
        assert latin not in latin_names() and len(places) >= 2


@pytest.mark.parametrize("query", ["Suzhou 经济增长 目标", "粮食产量 suzhou"])
def test_a_search_naming_an_ambiguous_place_says_its_candidates(engine, query):
    response = engine.search(query, page_size=5)
    notes = [n for n in response.notes if n.code == "ambiguous_place"]
    assert len(notes) == 1
    params = dict(notes[0].params)
    assert params["name"].lower() == "suzhou"
    assert "苏州（江苏）" in params["places"] and "宿州（安徽）" in params["places"]
    assert "苏州（江苏）" in response.message
    # the search itself goes on: the other words are still searched
    assert response.hits


def test_a_search_naming_no_ambiguous_place_has_no_such_note(engine):
    response = engine.search("Qinghai 经济增长 目标", page_size=5)
    assert not [n for n in response.notes if n.code == "ambiguous_place"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_reply_says_the_candidates_in_both_languages(engine, lang):
    from handlers.format.search import search_page

    response = engine.search("Suzhou 粮食产量", page_size=5)
    text = search_page(response, key="k", lang=lang)[0]
    assert "Suzhou" in text and "苏州（江苏）" in text and "宿州（安徽）" in text
    assert ("中文地名" in text) == (lang == "zh")
    assert ("in Chinese" in text) == (lang == "en")


def test_a_comparison_keeps_the_indicator_asked_in_its_line(engine):
    # two regions named: cards of two members of the family may stand side by side, so
    # the line keeps the name asked; one region: the card's own name
    from bot.models import SearchResponse, Understood

    def said(understood: Understood) -> str | None:
        resp = SearchResponse("q", (), 0, 1, 5, understood=understood)
        return engine._said_as_answered(resp, "国内生产总值").understood.indicator

    assert said(Understood(indicator="地区生产总值", regions=("全国", "青海"))) == "地区生产总值"
    assert said(Understood(indicator="地区生产总值", years=(2024, 2025))) == "地区生产总值"
    assert said(Understood(indicator="地区生产总值")) == "国内生产总值"
    # another family is never renamed (a card of another indicator answering)
    assert said(Understood(indicator="城镇调查失业率")) == "城镇调查失业率"


async def test_the_three_replies_through_the_bot(server, engine):
    from tests.e2e import ask_text, running

    ann = server.add_user("Ann")
    eve = server.add_user("Eve", language_code="en")
    async with running(server, engine):
        said = await ask_text(server, ann, ann, "经济增长 目标")
        line = next(x for x in said.splitlines() if x.startswith("理解为"))
        assert line == "理解为：指标 国内生产总值"
        said = await ask_text(server, ann, ann, "Yulin 粮食产量")
        assert "Yulin" in said and "榆林（陕西）" in said and "玉林（广西）" in said
        said = await ask_text(server, eve, eve, "Yulin 粮食产量")
        assert "榆林（陕西）" in said and "retype it in Chinese" in said
        said = await ask_text(server, ann, ann, "量子通信 多少")
        assert "没有找到相关结果" in said and "您是不是要找" not in said


def test_an_ambiguous_place_noted_still_leaves_the_facets_said_when_nothing_is_found(engine):
    # the note must not hide what was understood: a year no document is of is still said
    response = engine.search("Suzhou 2019 量子通信", page_size=5)
    assert response.total == 0
    # 量子通信, words no passage holds, are said too (understanding-left19)
    assert [n.code for n in response.notes] == ["ambiguous_place", "word_unfound_known"]
    assert response.understood.year == 2019 and response.understood.unmatched == ("year",)
