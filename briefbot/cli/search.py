"""``briefbot search``: ranked passages with highlighted snippets."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.text import Text

from bot.models import SearchResponse
from bot.render import search_to_dict
from briefbot.cli.app import app, open_engine, out


def _styled(snippet: str, spans: list[tuple[int, int]]) -> Text:
    text = Text(snippet)
    for s, e in spans:
        text.stylize("bold red", s, e)
    return text


def print_response(resp: SearchResponse) -> None:
    if resp.message:
        out.print(f"[yellow]{resp.message}[/]")
    for c in resp.corrections:
        out.print(f"已更正 (corrected): [strike]{c.original}[/] → [bold]{c.corrected}[/]")
    if not resp.hits:
        if resp.total == 0 and resp.query.strip() and not resp.message:
            out.print("没有找到结果 (no results).")
        if resp.suggestions:
            out.print("您是不是要找 (did you mean): " + "、".join(resp.suggestions))
        return
    first = (resp.page - 1) * resp.page_size
    out.print(f"[dim]{resp.total} 条结果 (results), 第 {resp.page}/{resp.pages} 页[/]")
    for n, hit in enumerate(resp.hits, first + 1):
        where = " > ".join(hit.section) if hit.section else ""
        head = Text(f"{n}. ", style="bold")
        head.append(hit.title, style="bold")
        head.append(f"  [{hit.filename}]", style="cyan")
        if where:
            head.append(f"  {where}", style="green")
        head.append(f"  score {hit.score:.2f}", style="dim")
        out.print(head)
        out.print(_styled(hit.snippet, [(h.start, h.end) for h in hit.highlights]))


# -- commands --------------------------------------------------------------------------------
# Unknown "options" such as -齐鲁 are exclusions in the query, not CLI options.
@app.command(context_settings={"ignore_unknown_options": True})
def search(
    query: Annotated[list[str], typer.Argument(help='Keywords; "quoted phrase", -exclude.')],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=100, help="Results per page.")
    ] = 5,
    page: Annotated[int, typer.Option("--page", "-p", min=1, help="Page number.")] = 1,
    doc: Annotated[str | None, typer.Option(help="Only this document (id or file name).")] = None,
    region: Annotated[str | None, typer.Option(help="Only documents about this region.")] = None,
    year: Annotated[int | None, typer.Option(help="Only documents of this year.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Search the corpus: ranked passages with highlighted snippets."""
    engine = open_engine()
    resp = engine.search(
        " ".join(query), page=page, page_size=limit, doc=doc, region=region, year=year
    )
    if as_json:
        out.print_json(json.dumps(search_to_dict(resp), ensure_ascii=False))
    else:
        print_response(resp)
