"""What a prefecture city's 政策研究室 researcher met comparing her city with its peers
(`trial20`, ``bench/RESULTS.md``): through the fake Bot API server (the real
Application, as ``tests/e2e.py`` drives it) over the bundled corpus, and unit cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.library import Engine
from bot.library.compared_places import compared_places
from bot.text.across import asks_side_by_side
from bot.text.tokenize import Tokenizer
from fake_telegram import FakeBotApi
from tests.e2e import ask, ask_text, build_template, engine_copy, press, running

# an invented statistics bulletin: a city's results, no target
BULLETIN = """2023年周口市国民经济和社会发展统计公报

周口市统计局

一、综合

初步核算，全年全市地区生产总值同比增长4.8%。全年固定资产投资比上年增长5.2%。

二、人民生活

全年城镇新增就业5.6万人。全年社会消费品零售总额比上年增长6.1%。
"""


@pytest.fixture
def engine(bundled_template: Path, tmp_path: Path, tokenizer: Tokenizer) -> Engine:
    """A private copy of the bundled corpus and its index: the records these tests read
    stay held by this engine, never the session's (``test_bot_e2e`` counts those)."""
    return engine_copy(bundled_template, tmp_path, tokenizer)


# -- a comparison keeps every place typed, in the order typed ----------------------------------
def test_compared_places_keep_the_typed_order_and_say_the_missing() -> None:
    documented = {"四川", "云南"}
    found = compared_places(
        ["云南", "重庆", "四川"], ["四川", "成都", "云南"], documented.__contains__
    )
    assert found.missing == (("重庆", False),)
    assert [found.rank(r) for r in ("云南", "四川", "成都", "贵州")] == [0, 2, 2, 3]
    # a place with documents but none of the indicator's figures
    assert compared_places(["四川", "云南"], ["云南"], documented.__contains__).missing == (
        ("四川", True),
    )
    # one place is no comparison: its "none about" reply is another
    assert compared_places(["重庆"], [], documented.__contains__).missing == ()
    # words that are no place (a second indicator typed) are told apart, not "places"
    mixed = compared_places(
        ["投资", "四川", "重庆"], ["四川"], documented.__contains__, None, lambda w: w != "投资"
    )
    assert (mixed.places, mixed.missing, mixed.unread) == (
        ("四川", "重庆"),
        (("重庆", False),),
        ("投资",),
    )


async def test_a_compared_place_without_figures_is_said_not_dropped(
    server: FakeBotApi, engine: Engine
) -> None:
    """/compare GDP 成都 重庆 深圳 周口 listed three cities: 重庆, with no document in
    the library, was dropped without a word, and the regions came sorted by their
    characters, not as typed. Now the places keep the typed order and a place without a
    row is said, and why (no document about it, or none of its documents gives the
    indicator), in the list and in the one-row-a-region table of a year."""
    zhou = server.add_user("周研究员")
    async with running(server, engine):
        said = await ask_text(server, zhou, zhou, "/compare GDP 青岛 重庆 烟台")
        assert said.index("【烟台】") < said.index("【青岛】") < said.index("【重庆】"), said
        assert "【重庆】\n• 文库里还没有关于重庆的文件" in said, said
        assert "【青岛】\n• 文库里关于青岛的文件中没有“GDP”的数据" in said, said
        # the records of each place, years mixed: the one-line-a-place table is offered
        hint = (
            "📊 每个地区一行（目标与最近实绩，可导出 CSV、Excel）：/compare GDP 2024 青岛 重庆 烟台"
        )
        assert said.endswith(hint), said
        said = await ask_text(server, zhou, zhou, "/compare 固定资产投资 青岛 烟台")
        assert "文库里关于青岛的文件中没有“固定资产投资”的数据" in said, said
        said = await ask_text(server, zhou, zhou, "/compare GDP 2024 重庆 烟台 青岛")
        lines = said.splitlines()
        assert lines[-3].startswith("• 烟台 地区生产总值：目标 增长5.5%左右"), said
        assert lines[-2] == "• 重庆：文库里还没有关于重庆的文件（/docs 查看文库里有哪些地区的文件）"
        assert lines[-1] == "• 青岛：文库里关于青岛的文件中没有“GDP”的数据"
        # several indicators typed: the others are said left out, not read as places
        said = await ask_text(server, zhou, zhou, "/compare GDP 投资 就业 烟台 青岛")
        assert "关于投资" not in said and "【投资】" not in said, said
        assert (
            "“投资、就业”不是地名，这次没有用上：/compare 一次对比一个指标，"
            "例如 /compare 投资 烟台 青岛"
        ) in said, said


# -- a follow-up the next morning --------------------------------------------------------------
async def test_a_follow_up_the_next_morning_does_not_go_on_from_yesterday(
    server: FakeBotApi, engine: Engine
) -> None:
    """那投资呢？ sixteen hours after 烟台2024年GDP增长目标 went on from it without a word
    about its age: the chat's last question never expired (in a group a member's
    week-old question steered a search). Now a question older than a working day is not
    gone on from; the reply says so and gives the whole question to send. Within the
    day it is gone on from as before."""
    zhou = server.add_user("周研究员")
    start = server.world.clock()
    async with running(server, engine):
        await ask_text(server, zhou, zhou, "烟台2024年GDP增长目标")
        server.world.clock = lambda: start + 3 * 3600  # the same afternoon
        said = await ask_text(server, zhou, zhou, "那就业呢？")
        assert said.startswith("↪️ 接上一问“烟台2024年GDP增长目标”"), said
        server.world.clock = lambda: start + 19 * 3600  # the next morning
        said = await ask_text(server, zhou, zhou, "那投资呢？")
        first = said.splitlines()[0]
        assert first == (
            "ℹ️ 上一问“烟台 2024年 就业 目标”是 16 小时前问的，这次没有接着它，按原文搜索。"
            "要接着问，请发送：烟台 2024年 投资 目标"
        ), said
        assert "↪️" not in said
        # the stale question is replaced: the next follow-up goes on from this one
        said = await ask_text(server, zhou, zhou, "去年呢？")
        assert said.startswith("↪️ 接上一问“那投资呢？”"), said


# -- the documents of her province ----------------------------------------------------------------
async def test_docs_lists_a_regions_documents(server: FakeBotApi, engine: Engine) -> None:
    """/docs 四川 listed all the library's documents, the words ignored: the researcher
    looking for her province's had to read them all. Now a place lists the documents
    about it and the places in it (type and year on each), a place without any is said,
    and words that are no place are said before the whole list."""
    zhou = server.add_user("周研究员")
    async with running(server, engine):
        said = await ask_text(server, zhou, zhou, "/docs 山东")
        assert said.startswith("📚 关于山东的文件（共 3 份，文库共 5 份：/docs 查看全部）"), said
        assert "烟台市2024年政府工作报告" in said and "烟台 · 市级 · 政府工作报告 · 2024年" in said
        assert "2023年讲话" not in said  # a document of no place
        said = await ask_text(server, zhou, zhou, "/docs 重庆")
        assert said.startswith("文库里还没有关于重庆的文件（文库共 5 份：/docs 查看全部）"), said
        said = await ask_text(server, zhou, zhou, "/docs 报告")
        assert said.startswith("“报告”不是地名：/docs 只能按地区筛选"), said
        assert "📚 文件列表（共 5 份）" in said


# -- a weekly digest of peer cities, one with no document -----------------------------------------
async def test_subscribing_to_places_says_the_one_without_documents(
    server: FakeBotApi, engine: Engine
) -> None:
    """/subscribe region:成都 region:重庆 region:深圳 subscribed without a word, and the
    digests read "共 49 条目标，来自 1 份文件": that 重庆 had no document, so none of its
    targets would ever come until one was added, was said nowhere."""
    zhou = server.add_user("周研究员")
    async with running(server, engine):
        said = await ask_text(server, zhou, zhou, "/subscribe region:烟台 region:重庆 每周一 08:00")
        assert said.startswith("✅ 已订阅"), said
        assert ("ℹ️ 文库里还没有关于重庆的文件：加入后，推送里才会有重庆的目标。") in said
        said = await ask_text(server, zhou, zhou, "/subscribe region:烟台 region:青岛 每周一 09:00")
        assert "还没有关于" not in said, said


# -- a free question comparing places ---------------------------------------------------
@pytest.mark.parametrize(
    ("query", "asks"),
    [
        ("成都和重庆今年GDP目标对比", True),
        ("四川与云南比较", True),
        ("Sichuan vs Yunnan GDP", True),
        ("四川和云南今年GDP目标", False),
        ("比例", False),
    ],
)
def test_asks_side_by_side(query: str, asks: bool) -> None:
    assert asks_side_by_side(query) is asks


async def test_a_question_comparing_places_points_to_their_comparison(
    server: FakeBotApi, engine: Engine
) -> None:
    """成都和重庆今年GDP目标对比 answered with passages of 成都 and "没有找到目标", nothing
    laid side by side and no word of /compare. A question naming places and asking them
    compared now opens with the /compare command of those places."""
    zhou = server.add_user("周研究员")
    async with running(server, engine):
        said = await ask_text(server, zhou, zhou, "烟台和重庆GDP目标对比")
        first = said.splitlines()[0]
        assert first.startswith("📊 这几个地区并列对比"), said
        assert first.endswith("：/compare 地区生产总值 烟台 重庆"), said
        said = await ask_text(server, zhou, zhou, "烟台和重庆GDP目标")
        assert "/compare" not in said, said


# -- 全文 on a long passage ---------------------------------------------------------------------
async def test_a_passage_shown_whole_says_it_is_one_paragraph_of_the_document(
    server: FakeBotApi, engine: Engine
) -> None:
    """全文 under a hit showed one paragraph, headed by the document's title only: read as
    the whole document, the researcher waited for the rest. It now says which paragraph
    of how many it is, and the command of the whole document's sections and targets."""
    zhou = server.add_user("周研究员")
    hit = engine.search("乡村振兴").hits[0]
    document = engine.document(hit.doc_id)
    async with running(server, engine):
        results = (await ask(server, zhou, zhou, "/search 乡村振兴")).message
        await press(server, results, "全文 1", zhou)
        whole = (await server.next_call("sendMessage", chat=zhou)).message["text"]
        n, total = hit.passage_ordinal + 1, len(document.passages)
        said = (
            f"第 {n} 段，共 {total} 段（只显示这一段）"
            f"· 整份文件的章节和重点目标：/doc {document.doc_id}"
        )
        assert said in whole.splitlines()[:3], whole
        assert hit.text in whole


# -- a peer city whose only document is a bulletin -------------------------------------
async def test_a_region_with_results_only_says_it_has_no_targets(
    server: FakeBotApi, tmp_path: Path, tokenizer: Tokenizer
) -> None:
    """/targets 周口 (a statistics bulletin its only document) listed its results under
    "🎯 地区：周口", the same heading as a region's targets; only each line's 〔实绩〕 told
    that the city's targets were in no document. It now says so under the heading."""
    corpus = tmp_path / "bulletin"
    corpus.mkdir()
    (corpus / "zhoukou_2023_bulletin.txt").write_text(BULLETIN, encoding="utf-8")
    root = build_template(tmp_path / "lib", corpus, tokenizer)
    engine = engine_copy(root, tmp_path / "copy", tokenizer)
    zhou = server.add_user("周研究员")
    async with running(server, engine):
        said = await ask_text(server, zhou, zhou, "/targets 周口")
        heading, line = said.splitlines()[:2]
        assert heading.startswith("🎯 地区：周口"), said
        assert line == (
            "ℹ️ 文库里关于周口的文件没有提出目标（例如只有统计公报）：下面是实绩等数据。"
            "有哪些文件：/docs 周口"
        ), said
        said = await ask_text(server, zhou, zhou, "/targets 周口 kind:实绩")
        assert "没有提出目标" not in said  # achievements asked for
