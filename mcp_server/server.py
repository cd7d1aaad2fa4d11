"""The MCP server: the library's tools, document resources and a briefing prompt, on the
official SDK's :class:`~mcp.server.mcpserver.MCPServer`.

Tools are async: each hands its work to the one core thread (:class:`bot.blocking.Blocking`,
as in the bot) and returns a :class:`~mcp_server.records.Result`, which the SDK sends as
structured content with its JSON schema (and as JSON text for older clients).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from mcp import MCPError
from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceError, ToolError, UnexpectedToolError
from mcp.server.mcpserver.prompts.base import UserMessage
from mcp.types import INVALID_PARAMS, ToolAnnotations
from mcp.types import Resource as MCPResource
from pydantic import Field, ValidationError

from bot import __version__
from bot.blocking import Blocking
from bot.library import Engine
from mcp_server.arguments import argument_errors, unknown_arguments
from mcp_server.http import bearer_auth
from mcp_server.library import (
    CONTEXT_MAX,
    LIST_PAGE,
    LIST_PAGE_MAX,
    OUTLINE_PAGE,
    OUTLINE_PAGE_MAX,
    SEARCH_PAGE,
    SEARCH_PAGE_MAX,
    TARGETS_PAGE,
    TARGETS_PAGE_MAX,
    Library,
)
from mcp_server.records import Result

NAME = "policy-brief-bot"

INSTRUCTIONS = """\
A library of Chinese policy documents (government work reports, party congress reports,
speeches) with full-text search and the key quantified targets extracted from them
(地区生产总值增长5.5%左右 …). Every tool returns the same shape: a page of records, each
with doc (file name), title, region, year (the year the document is about), section,
passage, the source text exactly as written and a citation string; key targets add
`target` with the figure and the years it is about as numbers (year_from, year_to).
Quote the source text and give the citation with every figure you use. Ask for the
next page (next_page) rather than for bigger pages. Years are always explicit
(2024), never "this year". An empty page says why in its notes (a region or year no
document is about, with the ones there are; a value condition's unit): change what the
note names, not the other words. Documents are also resources: doc://<doc_id>.
"""

READ_ONLY = ToolAnnotations(read_only_hint=True, destructive_hint=False, open_world_hint=False)

Page = Annotated[int, Field(ge=1, description="Page number, from 1 (see next_page).")]
TargetsPageSize = Annotated[
    int, Field(ge=1, le=TARGETS_PAGE_MAX, description="Records per page.")
]  # targets, compare, scorecard, changes
Year = Annotated[
    int | None,
    Field(ge=1900, le=2100, description="An explicit year such as 2024 (not 'this year')."),
]
Region = Annotated[
    str | None,
    Field(
        description="A region, with or without 省/市: 山东 includes 烟台 and 青岛; 全国 is "
        "national documents only.",
    ),
]
DocRef = Annotated[
    str,
    Field(
        min_length=1,
        description="A document: its file name or doc_id as list_documents returns them, "
        "or a unique prefix of either (004).",
    ),
]


class BriefServer(MCPServer):
    """:class:`MCPServer` that lists one ``doc://`` resource per indexed document at the
    time of asking (documents come and go while it runs)."""

    library: Library
    blocking: Blocking

    async def call_tool(self, name: str, arguments: dict[str, Any], context: Any = None) -> Any:
        """The SDK's call, its argument errors said as one sentence each (the argument,
        the value, what to send) and an argument the tool does not take refused rather
        than passed over (:mod:`mcp_server.arguments`)."""
        tool = self._tool_manager.get_tool(name)
        if tool is None:
            tools = ", ".join(t.name for t in self._tool_manager.list_tools())
            raise ToolError(f"Unknown tool: {name}; the tools are {tools}.")
        known = tool.parameters.get("properties", {})
        if unknown := unknown_arguments(name, arguments, known):
            raise ToolError(f"Error executing tool {name}: {unknown}")
        try:
            return await super().call_tool(name, arguments, context)
        except ToolError as exc:
            cause = exc.__cause__
            if isinstance(exc, UnexpectedToolError) or not isinstance(cause, ValidationError):
                raise
            # from the ValidationError: the SDK logs its field names only, not the values
            raise ToolError(f"Error executing tool {name}: {argument_errors(cause)}") from cause

    async def list_resources(self) -> list[MCPResource]:
        docs = await self.blocking.run(self.library.document_list)
        listed = await super().list_resources()
        return listed + [
            MCPResource(
                uri=f"doc://{d.doc_id}",
                name=d.filename,
                title=d.title,
                description=" · ".join(
                    str(x) for x in (d.doc_type, d.region, d.year, f"{d.passages} passages") if x
                ),
                mime_type="text/markdown",
            )
            for d in docs
        ]


def build_server(
    engine: Engine, blocking: Blocking | None = None, *, token: str | None = None
) -> BriefServer:
    """The MCP server over ``engine`` (opened read-only by ``briefbot mcp``).

    ``blocking`` runs the library calls (one core thread); made here when not given.
    ``token``: over HTTP, every request must carry it as a bearer token
    (:func:`mcp_server.http.bearer_auth`); stdio ignores it.
    """
    library = Library(engine)
    core = blocking or Blocking()
    auth, verifier = bearer_auth(token) if token else (None, None)
    server = BriefServer(
        NAME,
        title="Policy Brief Bot",
        description="Search Chinese policy documents and read their key targets, with sources.",
        instructions=INSTRUCTIONS,
        version=__version__,
        log_level="WARNING",
        auth=auth,
        token_verifier=verifier,
    )
    server.library = library
    server.blocking = core
    run = core.run

    @server.tool(title="Search the documents", annotations=READ_ONLY)
    async def search(
        query: Annotated[
            str,
            Field(
                min_length=1,
                max_length=200,
                description="Words to find, in Chinese (typos and synonyms are handled): "
                '乡村振兴, "营商环境" (phrase), -齐鲁 (exclude). A region, year or indicator '
                "named in the query (烟台 2024 GDP 目标) ranks matching documents first.",
            ),
        ],
        region: Region = None,
        year: Annotated[
            int | None,
            Field(ge=1900, le=2100, description="Only documents about this year (2024)."),
        ] = None,
        doc: Annotated[
            str | None, Field(description="Only this document (file name, doc_id or prefix).")
        ] = None,
        page: Page = 1,
        page_size: Annotated[
            int, Field(ge=1, le=SEARCH_PAGE_MAX, description="Results per page.")
        ] = SEARCH_PAGE,
    ) -> Result:
        """Full-text search of the policy documents, best passages first.

        Returns passages (text, section, passage number, citation), with notes on typo
        corrections, what the query was understood to ask and, for a question about a
        target (烟台 2024 GDP 增长目标), the key target that answers it. The notes are also
        fields: query_notes (code, text, params: a time of day left out, a place name
        several places share, a correction) and understood (regions, years, indicator …);
        an error only when there is nothing to search. Read more around a hit with
        get_passage(doc, passage, context).
        """
        return await run(
            library.search,
            query,
            region=region,
            year=year,
            doc=doc,
            page=page,
            page_size=page_size,
        )

    @server.tool(title="Read a passage", annotations=READ_ONLY)
    async def get_passage(
        doc: DocRef,
        passage: Annotated[
            int, Field(ge=0, description="Passage number, as in search results and outlines.")
        ],
        context: Annotated[
            int,
            Field(ge=0, le=CONTEXT_MAX, description="Passages before and after to add."),
        ] = 0,
    ) -> Result:
        """The full text of one passage of a document, with up to 3 passages around it.

        Use it to quote exactly, or to read on from a search hit or an outline heading.
        """
        return await run(library.get_passage, doc, passage, context)

    @server.tool(title="List the documents", annotations=READ_ONLY)
    async def list_documents(
        region: Region = None,
        year: Annotated[
            int | None,
            Field(ge=1900, le=2100, description="Only documents about this year (2024)."),
        ] = None,
        page: Page = 1,
        page_size: Annotated[
            int, Field(ge=1, le=LIST_PAGE_MAX, description="Documents per page.")
        ] = LIST_PAGE,
    ) -> Result:
        """The documents in the library: one record each, with title, type, region, year
        and date as the index knows them and its first passage that says something
        (passage: where to read on with get_passage).

        Their doc (file name) or doc_id is what the other tools and doc:// take.
        """
        return await run(
            library.list_documents, region=region, year=year, page=page, page_size=page_size
        )

    @server.tool(title="Outline of a document", annotations=READ_ONLY)
    async def get_document_outline(
        doc: DocRef,
        page: Page = 1,
        page_size: Annotated[
            int, Field(ge=1, le=OUTLINE_PAGE_MAX, description="Headings per page.")
        ] = OUTLINE_PAGE,
    ) -> Result:
        """The headings of a document in order, one record each: section is the heading
        path, passage the first passage under it (read it with get_passage)."""
        return await run(library.get_document_outline, doc, page=page, page_size=page_size)

    @server.tool(title="Key targets", annotations=READ_ONLY)
    async def targets(
        filter: Annotated[
            str,
            Field(
                max_length=300,
                description="Digest filter: words separated by spaces. Keywords (any "
                "matches: GDP 就业), +required, !excluded, indicator:名称, region:地区 "
                "(region:山东 includes 烟台), doc:文件, kind:target|achievement|estimate|all "
                "(default target), confidence:all (also unsure records), value:>5% (only "
                "figures passing it: >, >=, <, <=; a range only whole; give the unit, "
                "converted between multiples: value:>100万人 or >1000000人, value:>1万亿元). "
                "Empty: every target.",
            ),
        ] = "",
        year: Annotated[
            int | None,
            Field(
                ge=1900,
                le=2100,
                description="Only figures about this year (2024), or a span that includes it.",
            ),
        ] = None,
        page: Page = 1,
        page_size: TargetsPageSize = TARGETS_PAGE,
    ) -> Result:
        """Key quantified targets (and, with kind:, achievements and estimates) extracted
        from the documents, filtered as in the bot's digests.

        Each record's target gives indicator, figure (增长5.5%左右), value, unit, kind and
        the years it is about (year_from, year_to); text is the sentence it comes from.
        """
        return await run(library.targets, filter, year=year, page=page, page_size=page_size)

    @server.tool(title="Compare an indicator", annotations=READ_ONLY)
    async def compare(
        indicator: Annotated[
            str,
            Field(
                min_length=1,
                max_length=50,
                description="Indicator name, alias or family: GDP (地区生产总值 and "
                "国内生产总值), CPI, 城镇新增就业, 一般公共预算收入 …",
            ),
        ],
        year: Annotated[
            int | None,
            Field(ge=1900, le=2100, description="Only figures about this year (2024)."),
        ] = None,
        region: Region = None,
        kind: Annotated[
            Literal["target", "achievement", "estimate", "all"],
            Field(description="target (目标), achievement (实绩), estimate (预计) or all."),
        ] = "all",
        page: Page = 1,
        page_size: TargetsPageSize = TARGETS_PAGE,
    ) -> Result:
        """One indicator across documents, regions and years, side by side (oldest year
        first): each record is a figure with its source sentence and citation."""
        return await run(
            library.compare,
            indicator,
            year=year,
            region=region,
            kind=kind,
            page=page,
            page_size=page_size,
        )

    @server.tool(title="Targets against results", annotations=READ_ONLY)
    async def scorecard(
        region: Region = None,
        year: Annotated[
            int | None,
            Field(ge=1900, le=2100, description="Only targets whose period ends in this year."),
        ] = None,
        page: Page = 1,
        page_size: TargetsPageSize = TARGETS_PAGE,
    ) -> Result:
        """Each key target with the result reported for its period (a later work report or
        that year's statistical bulletin) and whether it was met: outcome.status is met,
        missed or unknown, outcome.reason why, outcome.other the result with its citation."""
        return await run(
            library.scorecard, region=region, year=year, page=page, page_size=page_size
        )

    @server.tool(title="What changed since the last report", annotations=READ_ONLY)
    async def changes(
        region: Annotated[
            str,
            Field(
                min_length=1,
                max_length=40,
                description="A region with reports stating targets: 山东, 烟台, 全国 …",
            ),
        ],
        year: Annotated[
            int | None,
            Field(ge=1900, le=2100, description="The report about this year (default: latest)."),
        ] = None,
        page: Page = 1,
        page_size: TargetsPageSize = TARGETS_PAGE,
    ) -> Result:
        """A region's report against its previous one of the same kind (政府工作报告,
        计划报告, 预算报告, 党代会报告, 规划纲要): each target raised, lowered,
        unchanged, reworded, new or dropped (outcome.status; outcome.other is last
        report's target), and in the notes the phrases new in this report and dropped."""
        return await run(library.changes, region, year=year, page=page, page_size=page_size)

    @server.resource(
        "doc://{doc}{?page}",
        name="document",
        title="A document",
        description="A document as Markdown: its facts, then its passages with headings and "
        "passage numbers, 40 passages a page (?page=2 …).",
        mime_type="text/markdown",
    )
    async def document(doc: str, page: str = "1") -> str:
        if not str(page).isdigit() or int(page) < 1:
            raise ResourceError(f"page must be a number from 1, not {page!r}")
        try:
            return await run(library.document_text, doc, int(page))
        except ToolError as exc:
            raise ResourceError(str(exc)) from None

    @server.prompt(
        name="brief_targets",
        title="Brief me on a region's targets for a year",
        description="Brief me on REGION's targets for YEAR, with sources.",
    )
    def brief_targets(
        region: Annotated[str, Field(description="A region: 烟台, 山东, 全国 …")],
        year: Annotated[str, Field(description="An explicit year: 2024.")],
    ) -> list[UserMessage]:
        if not re.fullmatch(r"(?:19|20)\d\d", year.strip()):
            raise MCPError(INVALID_PARAMS, f"year must be a year such as 2024, not {year!r}")
        region, year = region.strip(), year.strip()
        return [
            UserMessage(
                f"Brief me on {region}'s targets for {year}.\n\n"
                f'1. Call targets with filter "region:{region}" and year {year} (and '
                "next_page until there is none) to get the key targets.\n"
                f'2. Call list_documents with region "{region}" to see which documents they '
                "come from; use search or get_passage for context where a figure needs it.\n"
                f"3. For the main indicators (GDP, 一般公共预算收入, 城镇新增就业 …), call "
                f'compare with region "{region}" to set {year} beside other years.\n\n'
                "Write a short briefing grouped by theme (growth, fiscal, employment, "
                "environment, people's livelihood …). Give every figure as the document "
                "writes it with its citation, keep 目标 (targets), 实绩 (achievements) and "
                "预计 (estimates) apart, use explicit years only, and say what the documents "
                "do not cover."
            )
        ]

    return server
