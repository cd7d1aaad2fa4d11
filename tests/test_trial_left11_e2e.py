"""What the eleventh user trial (a financial journalist, ``bench/RESULTS.md``
``user-trial11``) left, through the fake Bot API server (the real Application, as
``tests/e2e.py`` drives it) over the bundled library: a value condition on ``/compare``
and ``/targets`` (which regions set GDP growth above 5%?)."""

from __future__ import annotations

from fake_telegram import FakeBotApi
from tests.e2e import ask, ask_text, buttons, running


async def test_compare_keeps_the_figures_above_a_threshold(server: FakeBotApi, engine) -> None:
    """``/compare GDP`` listed every figure and she compared them by eye; ``>=6``,
    ``不低于6%`` and ``at least 6%`` keep those at 6% or more and say the condition."""
    reporter = server.add_user("林记者")
    async with running(server, engine):
        every = await ask_text(server, reporter, reporter, "/compare GDP")
        assert "增长 5.5%左右" in every and "增长 6.5%左右" in every
        for typed in ("/compare GDP >=6", "/compare GDP 不低于6%", "/compare GDP at least 6%"):
            said = await ask_text(server, reporter, reporter, typed)
            heading, line = said.split("\n")[:2]
            assert heading.startswith("📊 对比：GDP"), said
            assert line.startswith("条件：不低于 6") and "条不满足，未列出" in line
            assert "增长 6.5%左右" in said and "增长 5.5%左右" not in said


async def test_compare_a_year_lists_the_regions_passing(server: FakeBotApi, engine) -> None:
    reporter = server.add_user("林记者")
    async with running(server, engine):
        said = await ask_text(server, reporter, reporter, "/compare GDP 2024 高于5%")
        assert said.startswith("📊 GDP · 2024年各地区目标与最近实绩")
        assert "条件：高于 5%" in said and "烟台" in said
        said = await ask_text(server, reporter, reporter, "/compare GDP 2024 高于6%")
        assert said == "“GDP”有 1 条数据，没有满足条件“高于 6%”的。"


async def test_a_malformed_condition_is_said_not_looked_up(server: FakeBotApi, engine) -> None:
    """``/compare GDP >`` looked for an indicator "GDP >"; now the forms are said."""
    reporter = server.add_user("林记者")
    async with running(server, engine):
        said = await ask_text(server, reporter, reporter, "/compare GDP >")
        assert said.startswith("看不懂数值条件“>”") and ">=5%" in said
        said = await ask_text(server, reporter, reporter, "/targets GDP 高于")
        assert said.startswith("看不懂数值条件“高于”")
        said = await ask_text(server, reporter, reporter, "/compare GDP >5 <8")
        assert said.startswith("一次只能给一个数值条件")


async def test_targets_with_a_condition_says_it_in_the_heading(server: FakeBotApi, engine) -> None:
    reporter = server.add_user("林记者")
    async with running(server, engine):
        said = await ask_text(server, reporter, reporter, "/targets GDP above 6%")
        assert said.split("\n")[0].startswith("🎯 指标：GDP · 高于 6%")
        assert "增长 6.5%左右" in said and "增长 5.5%左右" not in said
        await ask_text(server, reporter, reporter, "/lang en")
        said = await ask_text(server, reporter, reporter, "/targets GDP 高于6%")
        assert said.split("\n")[0].startswith("🎯 Indicator: GDP · above 6%")


async def test_a_threshold_question_points_to_the_command_that_filters(
    server: FakeBotApi, engine
) -> None:
    """``哪些地区GDP增长目标高于5%`` pointed to ``/compare 地区生产总值 …`` listing all;
    the command offered now carries the condition, and it works."""
    reporter = server.add_user("林记者")
    async with running(server, engine):
        said = await ask_text(server, reporter, reporter, "哪些地区GDP增长目标高于5%")
        first = said.split("\n")[0]
        assert first.startswith("📊 各地区并列：/compare 地区生产总值") and ">5%（" in first
        command = first.split("：", 1)[1].split("（")[0]
        reply = await ask(server, reporter, reporter, command)
        assert "条件：高于 5%" in reply.message["text"]
        assert not buttons(reply.message)  # the table's exports are of every region


async def test_csv_is_the_export_command(server: FakeBotApi, engine) -> None:
    """``/csv GDP`` answered 未知命令; it sends the file ``/export GDP`` sends."""
    reporter = server.add_user("林记者")
    async with running(server, engine):
        for typed in ("/export GDP above 6%", "/csv GDP above 6%"):
            await server.send_message(reporter, reporter, typed)
            call = await server.next_call("sendDocument", chat=reporter)
            sent = call.messages[0]
            assert sent["document"]["file_name"] == "GDP.csv"
            assert sent["caption"].startswith("🎯 指标：GDP · 高于 6%：1 条")
        said = await ask_text(server, reporter, reporter, "/help csv")
        assert said.startswith("用法：/targets") and "/csv GDP" in said


async def test_add_with_a_link_says_links_are_not_opened(server: FakeBotApi, engine) -> None:
    """``/add https://…`` answered 未知命令, where the link sent alone is told it is not
    opened; ``/add`` alone says how a document is added."""
    reporter = server.add_user("林记者")
    async with running(server, engine):
        plain = await ask_text(server, reporter, reporter, "https://www.example.gov.cn/a.html")
        said = await ask_text(server, reporter, reporter, "/add https://www.example.gov.cn/a.html")
        assert said == plain and said.startswith("🔗 我不打开链接")
        said = await ask_text(server, reporter, reporter, "/add")
        assert ".docx" in said and "发给我" in said and "未知" not in said
