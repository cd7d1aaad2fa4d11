"""``briefbot mcp``: the library as MCP tools, tested through the SDK's own client against
the command run as a subprocess, over stdio and over streamable HTTP, on the bundled corpus.

Every wait is bounded (``anyio.fail_after``) and waits for an event (a line on stderr,
a response), never a sleep. Traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
import httpx2
import pytest
from mcp import Client, MCPError, StdioServerParameters
from mcp.client.streamable_http import streamable_http_client
from mcp_types.version import HANDSHAKE_PROTOCOL_VERSIONS
from typer.testing import CliRunner

from bot.library import Engine
from bot.search.indexer import IndexPaths, index_lock
from bot.text.english_fallback import keep_installed_table
from briefbot.cli import app
from mcp_server.http import BindError, StaticTokenVerifier, is_loopback, parse_bind
from mcp_server.records import Record, Result
from tests.conftest import BUNDLED_CORPUS, make_settings

TIMEOUT = 60  # seconds: bounds every wait for the server (start-up builds nothing)
YANTAI = "004_f9b1766ae33f6aa2.txt"
YANTAI_ID = "ed82847100"
RECORD_KEYS = set(Record.model_fields)
MAX_RESULT_CHARS = 64_000  # the largest page of any tool stays under this
RESULT_KEYS = set(Result.model_fields)


@pytest.fixture(scope="module")
def data_dir(built_data) -> Path:
    """A data folder with the bundled corpus indexed (by a writer, as the bot would) and
    the English table kept beside the index, as ``briefbot index`` leaves it: the servers
    started on it read that, not the dictionary (a second of each process; a fresh folder,
    in test_stdio_stdout_carries_protocol_messages_only, still reads the dictionary). The
    index is a private copy of the test run's one of the bundled corpus (``built_data``:
    ``Engine.open`` over the same folder and settings, as this fixture did on each worker)."""
    corpus, data = built_data(BUNDLED_CORPUS)
    engine = Engine.open(make_settings(corpus, data))
    assert engine.last_refresh is None  # the run's index, found fresh
    assert keep_installed_table(engine.searcher.english_cache) is not None
    return data


def server_env(data: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFBOT_")}
    env.update(
        BRIEFBOT_DATA_DIR=str(data), BRIEFBOT_CORPUS_DIR=str(BUNDLED_CORPUS), PYTHONUNBUFFERED="1"
    )
    env.update(extra)
    return env


COMMAND = [sys.executable, "-m", "briefbot", "mcp"]


def result_of(call) -> dict:
    """The structured result of a successful tool call, checked for the fixed shape."""
    assert not call.is_error, call.content
    data = call.structured_content
    assert set(data) == RESULT_KEYS
    for rec in data["records"]:
        assert set(rec) == RECORD_KEYS
        assert rec["doc"] and rec["title"] and rec["citation"]
        assert rec["doc"] in rec["citation"]
    # the text content carries the same JSON for clients without structured content
    assert json.loads(call.content[0].text) == data
    assert len(json.dumps(data, ensure_ascii=False)) < MAX_RESULT_CHARS
    return data


def error_text(call) -> str:
    assert call.is_error
    return call.content[0].text


# -- stdio -------------------------------------------------------------------------------------
@pytest.mark.heavy
async def test_stdio_tools_resources_and_prompt(data_dir, tmp_path):
    params = StdioServerParameters(
        command=COMMAND[0], args=COMMAND[1:], env=server_env(data_dir), cwd=str(tmp_path)
    )
    with anyio.fail_after(TIMEOUT):
        async with Client(params) as client:
            await check_tools(client)
            await check_resources_and_prompt(client)


async def check_tools(client: Client) -> None:
    tools = {t.name: t for t in (await client.list_tools()).tools}
    assert set(tools) == {
        "search",
        "get_passage",
        "list_documents",
        "get_document_outline",
        "targets",
        "compare",
        "scorecard",
        "changes",
    }
    for tool in tools.values():
        assert len(tool.description) > 80  # something an assistant can act on
        assert tool.output_schema["type"] == "object"
        assert set(tool.output_schema["properties"]) == RESULT_KEYS
        assert tool.annotations.read_only_hint is True
        for name, prop in tool.input_schema["properties"].items():
            assert prop.get("description"), (tool.name, name)
    assert tools["search"].input_schema["required"] == ["query"]
    assert set(tools["search"].input_schema["properties"]) >= {"region", "year", "doc", "page"}
    assert tools["compare"].input_schema["required"] == ["indicator"]

    # search: a typo corrected, real passages with citations
    found = result_of(await client.call_tool("search", {"query": "营商环竟", "page_size": 3}))
    assert any("营商环境" in n for n in found["notes"])
    assert found["total"] >= 3 and found["page"] == 1 and found["next_page"] == 2
    assert all("营商环境" in r["text"] for r in found["records"])
    # the Yantai report's paragraph among the first (a paragraph under another report's
    # heading 聚焦营商环境优化 may come before it), cited with its document's metadata
    first = next(r for r in found["records"] if r["doc"] == YANTAI)
    assert first["region"] == "烟台" and first["year"] == 2024
    assert first["citation"].startswith("《烟台市2024年政府工作报告》（烟台，2024）")
    assert first["citation"].endswith(f"[{YANTAI}#p{first['passage']}]")

    # a question for a target: the key target that answers it, in the notes
    asked = result_of(
        await client.call_tool("search", {"query": "烟台 2024 GDP 增长目标", "page_size": 1})
    )
    assert any(
        n.startswith("Understood as: region Yantai (烟台) · year 2024") for n in asked["notes"]
    )
    assert any(
        n.startswith("answer: 烟台 2024 地区生产总值 target: 增长5.5%左右") for n in asked["notes"]
    )

    # filters: region, year, doc
    only = result_of(await client.call_tool("search", {"query": "乡村振兴", "region": "烟台"}))
    assert only["records"] and {r["doc"] for r in only["records"]} == {YANTAI}
    by_year = result_of(await client.call_tool("search", {"query": "就业", "year": 2023}))
    assert by_year["records"] and {r["year"] for r in by_year["records"]} == {2023}
    in_doc = result_of(await client.call_tool("search", {"query": "就业", "doc": "003"}))
    assert {r["doc"] for r in in_doc["records"]} == {"003_b51e96c497ba4061.txt"}

    # get_passage: the hit's passage in full, with its neighbours
    around = result_of(
        await client.call_tool(
            "get_passage", {"doc": first["doc_id"], "passage": first["passage"], "context": 1}
        )
    )
    assert [r["passage"] for r in around["records"]] == [
        first["passage"] - 1,
        first["passage"],
        first["passage"] + 1,
    ]
    assert around["records"][1]["text"] == first["text"]

    # list_documents: every document of the corpus, filterable by region and year
    docs = result_of(await client.call_tool("list_documents", {}))
    assert sorted(r["doc"] for r in docs["records"]) == sorted(
        p.name for p in BUNDLED_CORPUS.iterdir()
    )
    assert docs["total"] == 5
    yantai = result_of(await client.call_tool("list_documents", {"region": "山东", "year": 2024}))
    assert [(r["doc"], r["doc_id"], r["doc_type"]) for r in yantai["records"]] == [
        (YANTAI, YANTAI_ID, "政府工作报告")
    ]

    # get_document_outline: headings with the passage each starts at
    outline = result_of(await client.call_tool("get_document_outline", {"doc": "004"}))
    heads = {r["section"]: r["passage"] for r in outline["records"]}
    assert heads["一、2023年工作回顾"] == 2
    assert "三、2024年重点工作" in heads
    assert all(r["text"] == r["section"].split(" > ")[-1] for r in outline["records"])

    # targets: the digest filter syntax, the year explicit
    gdp = result_of(
        await client.call_tool(
            "targets", {"filter": "region:烟台 indicator:地区生产总值", "year": 2024}
        )
    )
    target = gdp["records"][0]
    figure = target["target"]
    assert figure["indicator"] == "地区生产总值" and figure["figure"] == "增长5.5%左右"
    assert (figure["year_from"], figure["year_to"], figure["kind"]) == (2024, 2024, "target")
    assert figure["value"] == 5.5 and figure["unit"] == "%" and figure["qualifier"] == "左右"
    assert "地区生产总值增长5.5%左右" in target["text"]
    stated = result_of(
        await client.call_tool("get_passage", {"doc": YANTAI, "passage": target["passage"]})
    )
    assert target["text"] in stated["records"][0]["text"]
    every = result_of(await client.call_tool("targets", {"page_size": 30}))
    assert every["total"] > 30 and every["pages"] > 1 and every["next_page"] == 2
    assert {r["target"]["kind"] for r in every["records"]} == {"target"}  # the default kind
    assert any("kind:all" in n for n in every["notes"])
    kinds = result_of(await client.call_tool("targets", {"filter": "kind:all", "page_size": 30}))
    assert kinds["total"] > every["total"] and not any("kind:all" in n for n in kinds["notes"])
    # value:, as /compare reads a condition: only the figures passing it
    gdp_all = {"filter": "kind:all indicator:地区生产总值", "page_size": 30}
    passing = {"filter": "kind:all indicator:地区生产总值 value:>5%", "page_size": 30}
    every_gdp = result_of(await client.call_tool("targets", gdp_all))
    above = result_of(await client.call_tool("targets", passing))
    assert 0 < above["total"] < every_gdp["total"]
    assert all(r["target"]["value"] > 5 and r["target"]["unit"] == "%" for r in above["records"])
    for rec in every["records"]:
        f = rec["target"]
        # years are numbers or, when the document gives none, the words as written
        assert (f["year_from"] is None) == bool(f["period_as_written"]) or not f["year_from"]
        assert len(json.dumps(rec, ensure_ascii=False)) < 4000
    # the largest pages stay bounded
    result_of(await client.call_tool("search", {"query": "发展", "page_size": 20}))
    result_of(await client.call_tool("get_passage", {"doc": "002", "passage": 40, "context": 3}))
    result_of(await client.call_tool("get_document_outline", {"doc": "002", "page_size": 100}))
    last = result_of(await client.call_tool("targets", {"page": every["pages"], "page_size": 30}))
    assert last["next_page"] is None

    # compare: one indicator family across documents, the year explicit
    cmp = result_of(await client.call_tool("compare", {"indicator": "GDP", "year": 2024}))
    assert any("地区生产总值" in n and "国内生产总值" in n for n in cmp["notes"])
    assert [
        (r["region"], r["target"]["figure"], r["target"]["year_from"]) for r in cmp["records"]
    ] == [("烟台", "增长5.5%左右", 2024)]
    all_years = result_of(await client.call_tool("compare", {"indicator": "GDP"}))
    years = [r["target"]["year_from"] for r in all_years["records"]]
    known = [y for y in years if y is not None]
    assert known == sorted(known) and 2023 in known and 2024 in known
    unknown = result_of(await client.call_tool("compare", {"indicator": "火星移民人数"}))
    assert unknown["records"] == [] and unknown["total"] == 0
    assert any("no records" in n for n in unknown["notes"])

    # bad arguments: tool errors with a message that says what to do
    assert "no document matches 'nope'" in error_text(
        await client.call_tool("get_passage", {"doc": "nope", "passage": 0})
    )
    assert "there is no passage 999" in error_text(
        await client.call_tool("get_passage", {"doc": YANTAI, "passage": 999})
    )
    assert "page" in error_text(await client.call_tool("search", {"query": "就业", "page": 0}))
    assert "past the last page" in error_text(
        await client.call_tool("search", {"query": "就业", "page": 999})
    )
    assert "bad filter" in error_text(await client.call_tool("targets", {"filter": "kind:明年"}))
    assert "page_size" in error_text(await client.call_tool("targets", {"page_size": 500}))
    assert "query" in error_text(await client.call_tool("search", {}))
    assert "Give one or more words" in error_text(
        await client.call_tool("search", {"query": "，。！"})
    )
    assert "year" in error_text(
        await client.call_tool("compare", {"indicator": "GDP", "year": "今年"})
    )
    assert error_text(await client.call_tool("no_such_tool", {}))


async def check_resources_and_prompt(client: Client) -> None:
    listed = {str(r.uri): r for r in (await client.list_resources()).resources}
    assert f"doc://{YANTAI_ID}" in listed and len(listed) == 5
    assert listed[f"doc://{YANTAI_ID}"].title == "烟台市2024年政府工作报告"
    templates = (await client.list_resource_templates()).resource_templates
    assert [t.uri_template for t in templates] == ["doc://{doc}{?page}"]

    text = (await client.read_resource(f"doc://{YANTAI_ID}")).contents[0].text
    assert text.startswith("# 烟台市2024年政府工作报告\n")
    assert "- region: 山东 > 烟台" in text and "- year: 2024" in text
    assert "## 一、2023年工作回顾" in text and "[2] 2023年是全面贯彻" in text
    assert f"Continued at doc://{YANTAI_ID}?page=2" in text
    page3 = (await client.read_resource(f"doc://{YANTAI_ID}?page=3")).contents[0].text
    assert "Page 3 of 3." in page3 and "Continued" not in page3
    assert page3.split("Page 3 of 3.\n\n")[1].startswith("## ")  # a page opens with headings
    with pytest.raises(MCPError, match="no document matches"):
        await client.read_resource("doc://nope")
    with pytest.raises(MCPError, match="page must be a number"):
        await client.read_resource(f"doc://{YANTAI_ID}?page=x")
    with pytest.raises(MCPError, match="past the last page"):
        await client.read_resource(f"doc://{YANTAI_ID}?page=9")

    prompts = {p.name: p for p in (await client.list_prompts()).prompts}
    assert [a.name for a in prompts["brief_targets"].arguments] == ["region", "year"]
    got = await client.get_prompt("brief_targets", {"region": "烟台", "year": "2024"})
    said = got.messages[0].content.text
    assert said.startswith("Brief me on 烟台's targets for 2024.")
    assert 'filter "region:烟台" and year 2024' in said
    with pytest.raises(MCPError, match="year"):
        await client.get_prompt("brief_targets", {"region": "烟台", "year": "今年"})


@pytest.mark.heavy
async def test_stdio_stdout_carries_protocol_messages_only(tmp_path):
    """The raw pipe: every line on stdout is a JSON-RPC message, even while the index is
    built on first use (a fresh data folder) and a tool fails; the rest is on stderr."""
    data = tmp_path / "fresh-data"
    requests = [
        {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {
                "protocolVersion": HANDSHAKE_PROTOCOL_VERSIONS[-1],
                "capabilities": {},
                "clientInfo": {"name": "raw-test", "version": "0"},
            },
        },
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {
            "jsonrpc": "2.0",
            "id": 2,
            "method": "tools/call",
            "params": {"name": "search", "arguments": {"query": "乡村振兴", "page_size": 1}},
        },
        {
            "jsonrpc": "2.0",
            "id": 3,
            "method": "tools/call",
            "params": {"name": "get_passage", "arguments": {"doc": "nope", "passage": 0}},
        },
    ]
    wire = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in requests).encode()
    proc = await anyio.open_process(
        COMMAND,
        env=server_env(data),
        cwd=tmp_path,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    async with proc:
        with anyio.fail_after(TIMEOUT):
            async with anyio.create_task_group() as tg:
                errors = bytearray()

                async def read_stderr() -> None:
                    errors.extend(await _drain(proc.stderr))

                tg.start_soon(read_stderr)
                await proc.stdin.send(wire)
                out = b""
                while out.count(b"\n") < 3:  # three answers (the notification has none)
                    out += await proc.stdout.receive()
                await proc.stdin.aclose()  # end of input: the server stops
                out += await _drain(proc.stdout)
                assert await proc.wait() == 0, errors.decode()
    lines = out.decode("utf-8").splitlines()
    messages = [json.loads(line) for line in lines]  # nothing else on stdout
    assert all(m["jsonrpc"] == "2.0" for m in messages)
    answers = {m["id"]: m for m in messages if "id" in m}
    assert set(answers) == {1, 2, 3}
    assert answers[1]["result"]["serverInfo"]["name"] == "policy-brief-bot"
    hit = answers[2]["result"]["structuredContent"]["records"][0]
    assert "乡村振兴" in hit["text"]
    assert answers[3]["result"]["isError"] is True
    assert "indexed: 5 added" in errors.decode()  # the first-run build, on stderr


# -- HTTP --------------------------------------------------------------------------------------
@asynccontextmanager
async def http_server(data: Path, cwd: Path, bind: str = "127.0.0.1:0", **env: str):
    """``briefbot mcp --http`` as a subprocess; yields (url, process) once it listens."""
    proc = await anyio.open_process(
        [*COMMAND, "--http", bind],
        env=server_env(data, **env),
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    said = b""
    try:
        with anyio.fail_after(TIMEOUT):
            # read until the line that names the URL is whole: other lines (the first-run
            # index build, warnings) may come first or in the same chunks, under load too
            while (found := re.search(rb"serving (http://\S+/mcp)\s", said)) is None:
                chunk = await proc.stderr.receive()
                said += chunk
        url = found.group(1).decode()
        yield url, proc, said
    finally:
        if proc.returncode is None:
            proc.terminate()
        with anyio.fail_after(TIMEOUT):
            await proc.wait()
        await proc.aclose()


@pytest.mark.heavy
async def test_http_serves_the_same_tools(data_dir, tmp_path):
    async with http_server(data_dir, tmp_path) as (url, proc, said):
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/mcp", url)
        assert b"no token: loopback only" in said
        with anyio.fail_after(TIMEOUT):
            async with Client(url) as client:
                names = {t.name for t in (await client.list_tools()).tools}
                assert "targets" in names and "compare" in names
                hits = result_of(await client.call_tool("search", {"query": "营商环境"}))
                assert YANTAI in {r["doc"] for r in hits["records"]}
                gdp = result_of(
                    await client.call_tool("compare", {"indicator": "GDP", "year": 2024})
                )
                assert gdp["records"][0]["target"]["figure"] == "增长5.5%左右"
                bad = await client.call_tool("get_document_outline", {"doc": "nope"})
                assert "no document matches" in error_text(bad)
                text = (await client.read_resource(f"doc://{YANTAI_ID}")).contents[0].text
                assert text.startswith("# 烟台市2024年政府工作报告")
        # stdout is unused over HTTP, and stays empty (uvicorn's access log is off)
        proc.terminate()
        with anyio.fail_after(TIMEOUT):
            assert await proc.wait() == 0  # SIGTERM stops it cleanly
            assert await _drain(proc.stdout) == b""


@pytest.mark.heavy
async def test_http_bearer_token(data_dir, tmp_path):
    secret = "s3cret-token-for-the-mcp-test-0123456789"
    async with http_server(data_dir, tmp_path, BRIEFBOT_MCP_TOKEN=secret) as (url, proc, said):
        assert b"bearer token required" in said
        with anyio.fail_after(TIMEOUT):
            async with httpx2.AsyncClient() as http:
                init = {
                    "jsonrpc": "2.0",
                    "id": 1,
                    "method": "initialize",
                    "params": {
                        "protocolVersion": HANDSHAKE_PROTOCOL_VERSIONS[-1],
                        "capabilities": {},
                        "clientInfo": {"name": "t", "version": "0"},
                    },
                }
                headers = {"Accept": "application/json, text/event-stream"}
                for auth in (None, "Bearer wrong", f"Bearer {secret[:-1]}", secret):
                    sent = dict(headers, **({"Authorization": auth} if auth else {}))
                    refused = await http.post(url, json=init, headers=sent)
                    assert refused.status_code == 401, auth
                    assert secret not in refused.text
            authed = httpx2.AsyncClient(headers={"Authorization": f"Bearer {secret}"})
            async with authed, Client(streamable_http_client(url, http_client=authed)) as client:
                found = result_of(await client.call_tool("list_documents", {"region": "烟台"}))
                assert [r["doc"] for r in found["records"]] == [YANTAI]
        proc.terminate()
        with anyio.fail_after(TIMEOUT):
            await proc.wait()
        rest = said + await _drain(proc.stderr)
        assert secret.encode() not in rest


async def _drain(stream) -> bytes:
    out = b""
    try:
        while True:
            out += await stream.receive()
    except (anyio.EndOfStream, anyio.ClosedResourceError):
        return out


def test_http_refuses_other_addresses_without_a_token(tmp_path):
    # in-process: what is checked is the command's refusal (status, words, nothing opened),
    # which the process around it adds nothing to
    folders = {
        "BRIEFBOT_DATA_DIR": str(tmp_path / "data"),
        "BRIEFBOT_CORPUS_DIR": str(BUNDLED_CORPUS),
    }
    done = CliRunner().invoke(
        app, ["mcp", "--http", "0.0.0.0:0"], env={**folders, "BRIEFBOT_MCP_TOKEN": None}
    )
    assert done.exit_code == 2, done.output
    assert "BRIEFBOT_MCP_TOKEN" in done.stderr and "refusing to serve on 0.0.0.0" in done.stderr
    assert done.stdout == ""
    assert not (tmp_path / "data").exists()  # refused before opening anything


def test_bind_addresses():
    assert parse_bind("127.0.0.1:8765") == ("127.0.0.1", 8765)
    assert parse_bind(":0") == ("127.0.0.1", 0)
    assert parse_bind("localhost") == ("localhost", 8765)
    assert parse_bind("[::1]:9000") == ("::1", 9000)
    for bad in ("127.0.0.1:http", "::1:80", "[::1", "1.2.3.4:70000"):
        with pytest.raises(BindError):
            parse_bind(bad)
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2")
    assert not is_loopback("example.org")


async def test_token_verifier():
    verifier = StaticTokenVerifier("abc")
    assert await verifier.verify_token("abc") is not None
    assert await verifier.verify_token("abd") is None
    assert await verifier.verify_token("") is None
    assert await verifier.verify_token("abcabc") is None


@pytest.mark.heavy
async def test_serves_beside_a_writer(corpus_copy, tmp_path):
    """A document the bot (a writer) adds while the server runs is there on the next call;
    the server refreshed nothing itself."""
    data = tmp_path / "data"
    settings = make_settings(corpus_copy, data)
    Engine.open(settings)
    env = server_env(data, BRIEFBOT_CORPUS_DIR=str(corpus_copy))
    params = StdioServerParameters(command=COMMAND[0], args=COMMAND[1:], env=env, cwd=str(tmp_path))
    with anyio.fail_after(TIMEOUT):
        async with Client(params) as client:
            before = result_of(await client.call_tool("list_documents", {}))
            assert before["total"] == 5
            (corpus_copy / "005_new.txt").write_text(
                "2025年测试市政府工作报告\n\n今年主要预期目标是：地区生产总值增长6%左右。\n",
                encoding="utf-8",
            )
            stale = result_of(await client.call_tool("list_documents", {}))
            assert stale["total"] == 5  # the server does not refresh the index itself
            await anyio.to_thread.run_sync(Engine.open, settings)  # the bot refreshes it
            after = result_of(await client.call_tool("list_documents", {}))
            assert after["total"] == 6
            new = result_of(await client.call_tool("search", {"query": "预期目标", "doc": "005"}))
            assert new["records"][0]["doc"] == "005_new.txt"
            assert "增长6%左右" in new["records"][0]["text"]


def test_stdout_to_stderr(capfd):
    """What anything prints while the engine opens (Python or C, on descriptor 1) goes to
    stderr: stdout is the protocol's."""
    from briefbot.cli.mcp_command import stdout_to_stderr

    with stdout_to_stderr():
        print("from python")
        os.write(1, b"from descriptor 1\n")
    print("after")
    out, err = capfd.readouterr()
    assert out == "after\n"
    assert "from python" in err and "from descriptor 1" in err


# -- the read-only library --------------------------------------------------------------------
def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file() and p.name != ".lock"
    }


def test_readonly_engine_neither_waits_for_nor_writes_the_index(corpus_copy, tmp_path):
    settings = make_settings(corpus_copy, tmp_path / "data")
    Engine.open(settings)  # the writer (the bot) built the index
    (corpus_copy / "005_new.txt").write_text(
        "2025年测试市政府工作报告\n\n今年主要预期目标是：地区生产总值增长6%左右。\n",
        encoding="utf-8",
    )
    before = _snapshot(settings.index_dir)
    held, release = threading.Event(), threading.Event()

    def writer() -> None:  # another writer holds the lock meanwhile
        with index_lock(IndexPaths(settings.index_dir)):
            held.set()
            release.wait(TIMEOUT)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert held.wait(TIMEOUT)
        reader = Engine.open_readonly(settings)  # returns at once: no lock, no refresh
        assert len(reader.documents()) == 5
        assert reader.search("营商环境").hits
        assert reader.filter_targets("region:烟台 indicator:地区生产总值").rows
        assert not reader.reopen_if_changed()
        assert _snapshot(settings.index_dir) == before
    finally:
        release.set()
        thread.join(TIMEOUT)
    Engine.open(settings)  # the writer refreshes: the new document is in
    assert reader.reopen_if_changed()
    assert len(reader.documents()) == 6
    assert reader.search("预期目标", doc="005_new.txt").hits
    assert not reader.reopen_if_changed()


# -- scorecard and changes (in process: the library the tools call) ---------------------------
REPORT_2024 = """潍坊市2024年政府工作报告
一、2023年工作回顾
全市地区生产总值增长4.8%。
二、2024年工作安排
2024年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业10万人以上，居民消费价格涨幅3%左右。
"""
REPORT_2025 = """潍坊市2025年政府工作报告
一、2024年工作回顾
全市地区生产总值增长5.2%，城镇新增就业9.5万人，居民消费价格上涨0.2%。
二、2025年工作安排
2025年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业10万人以上，居民消费价格涨幅2%左右，推动新质生产力发展。
"""


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory):
    from mcp_server.library import Library

    corpus = tmp_path_factory.mktemp("weifang")
    (corpus / "weifang_2024.txt").write_text(REPORT_2024, encoding="utf-8")
    (corpus / "weifang_2025.txt").write_text(REPORT_2025, encoding="utf-8")
    engine = Engine.open(make_settings(corpus, tmp_path_factory.mktemp("weifang-data")))
    return Library(engine)


def test_scorecard_sets_each_target_against_its_result(two_reports):
    card = Result.model_validate(two_reports.scorecard(region="潍坊", year=2024).model_dump())
    got = {
        r.target.indicator: (r.outcome.status, r.outcome.other and r.outcome.other.target.figure)
        for r in card.records
    }
    assert got["地区生产总值"] == ("met", "增长5.2%")
    assert got["新增城镇就业"] == ("missed", "新增9.5万人")
    assert got["居民消费价格"][0] == "met"  # a ceiling: 0.2% under 3%左右
    first = card.records[0]
    assert first.doc == "weifang_2024.txt" and first.target.year_from == 2024
    assert "weifang_2025.txt" in first.outcome.other.citation
    assert card.notes[0].startswith(f"{card.total} targets: 2 met, 1 missed")


def test_changes_sets_a_report_against_the_previous_one(two_reports):
    moved = two_reports.changes("潍坊")
    got = {r.target.indicator: (r.outcome.status, r.target.figure) for r in moved.records}
    assert got["地区生产总值"] == ("raised", "增长5.5%左右")
    assert got["新增城镇就业"] == ("unchanged", "新增10万人以上")
    assert got["居民消费价格"] == ("lowered", "上涨2%左右")  # 涨幅: a rise
    gdp = next(r for r in moved.records if r.target.indicator == "地区生产总值")
    assert gdp.outcome.other.target.figure == "增长5%左右"
    assert "weifang_2024.txt" in gdp.outcome.other.citation
    assert any(n.startswith("against 潍坊市2024年政府工作报告") for n in moved.notes)


def test_changes_of_a_region_without_reports_is_a_clear_error(two_reports):
    from mcp.server.mcpserver.exceptions import ToolError

    with pytest.raises(
        ToolError, match=r"no report stating targets \(政府工作报告, 计划报告.* of 海南"
    ):
        two_reports.changes("海南")


def test_a_region_two_places_share_is_a_clear_error(two_reports):
    from mcp.server.mcpserver.exceptions import ToolError

    for call in (
        lambda: two_reports.changes("Suzhou"),
        lambda: two_reports.scorecard(region="Suzhou"),
        lambda: two_reports.compare("GDP", region="Suzhou"),
    ):
        with pytest.raises(ToolError, match="苏州（江苏）"):
            call()


def test_home_words_without_a_place_are_said_to_be_left_out(two_reports):
    """An MCP caller has no chat whose place is set (docs/ARCHITECTURE.md): 我市 is left
    out of its search, as in a chat without /region, and a note says to name the place."""
    left = Result.model_validate(two_reports.search("我市 地区生产总值").model_dump())
    assert left.records and all("潍坊" in r.text or "地区生产总值" in r.text for r in left.records)
    (note,) = [n for n in left.notes if "我县" in n]
    assert "were not read as a place" in note and "region" in note
    named = Result.model_validate(two_reports.search("潍坊 地区生产总值").model_dump())
    assert named.records and not any("我县" in n for n in named.notes)
    # a home word written as part of a phrase of the documents' own is searched as written:
    # with no card it goes unremarked; a card answering it may be another place's figure,
    # so the note says the word was not read as a place (trial21)
    phrase = Result.model_validate(two_reports.search("全市上下 共同努力").model_dump())
    assert phrase.records and not any("我县" in n for n in phrase.notes)
    carded = Result.model_validate(two_reports.search("全市地区生产总值").model_dump())
    assert any("全县" in n and "not read as a place" in n for n in carded.notes)


def test_search_notes_are_fields_beside_the_hits(two_reports):
    """A part of the query left out (a time of day, a name several places share) was an
    error when nothing else matched, and no note at all when something did: a caller gets
    the hits and the notes as codes, and an error only when there is nothing to search."""
    timed = Result.model_validate(two_reports.search("就业 18:30").model_dump())
    assert timed.records and all("就业" in r.text for r in timed.records)
    (note,) = timed.query_notes
    assert (note.code, note.reach, note.params["time"]) == ("time_ignored", "part", "18:30")
    assert note.text.startswith("18:30 is a time of day") and note.text in timed.notes
    # nothing matches the rest: no hits, the note and "no match", no error
    missed = Result.model_validate(two_reports.search("海洋牧场 7:45").model_dump())
    assert missed.records == [] and missed.total == 0
    # 海洋牧场, which no passage holds, is said back as well (understanding-left19)
    assert [n.code for n in missed.query_notes] == [
        "time_ignored",
        "word_unfound_known",
        "no_match",
    ]
    (unfound,) = [n for n in missed.query_notes if n.code == "word_unfound_known"]
    assert unfound.reach == "part" and "“海洋”“牧场”" in unfound.text
    shared = Result.model_validate(two_reports.search("Suzhou 就业").model_dump())
    assert shared.records
    (place,) = [n for n in shared.query_notes if n.code == "ambiguous_place"]
    assert place.params["name"] == "Suzhou" and "苏州（江苏）" in str(place.params["places"])
    alone = Result.model_validate(two_reports.search("Suzhou").model_dump())
    assert alone.records == [] and [n.code for n in alone.query_notes] == [
        "ambiguous_place",
        "no_match",
    ]


def test_search_says_what_it_understood_and_corrected_as_fields(two_reports):
    named = Result.model_validate(two_reports.search("潍坊 2025 GDP").model_dump())
    seen = named.understood
    assert seen is not None and (seen.regions, seen.years, seen.indicator) == (
        ["潍坊"],
        [2025],
        "地区生产总值",
    )
    assert seen.text in named.notes and named.query_notes == []
    fixed = Result.model_validate(two_reports.search("地区生产总直").model_dump())
    (note,) = [n for n in fixed.query_notes if n.code == "corrected"]
    assert note.params == {
        "query": "地区生产总直",
        "corrected": "地区生产总值",
        "replaced": "地区生产总直 → 地区生产总值",
    }
    plain = Result.model_validate(two_reports.search("推动").model_dump())
    assert plain.records and plain.understood is None and plain.query_notes == []
    # other tools keep their shape: no query notes
    assert two_reports.scorecard(region="潍坊").query_notes == []


def test_search_with_nothing_to_search_is_an_error_that_says_why(two_reports):
    from mcp.server.mcpserver.exceptions import ToolError

    with pytest.raises(ToolError, match=r"^9:00 is a time of day.*Give one or more words"):
        two_reports.search("9:00")
    with pytest.raises(ToolError, match="Give one or more words"):
        two_reports.search("，。！")
