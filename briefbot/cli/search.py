"""``briefbot search``: ranked passages with highlighted snippets."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.markup import escape
from rich.text import Text

from bot.digest.values import format_year
from bot.i18n import DEFAULT_LANGUAGE, tr
from bot.library import DocumentNotFound
from bot.library.understood import understood_line
from bot.models import SearchResponse
from bot.render import search_to_dict
from briefbot.cli.app import (
    HOME_REGION_HELP,
    LANG_HELP,
    app,
    checked_home,
    checked_lang,
    checked_region,
    checked_year,
    err,
    home_hint,
    no_document,
    open_engine,
    out,
    refuse_unknown_options,
    why_nothing,
)


def _styled(snippet: str, spans: list[tuple[int, int]]) -> Text:
    text = Text(snippet)
    for s, e in spans:
        text.stylize("bold red", s, e)
    return text


def _year(year: object, lang: str) -> str:
    """An answer's year in the reader's language (``2024年`` / ``2024``), or nothing."""
    return format_year(str(year), lang) if year else ""


LITERAL_HINT = (
    "（--literal 按原词搜索，不按地区、年份理解 / every word as text, nothing understood）"
)


def print_response(resp: SearchResponse, lang: str = DEFAULT_LANGUAGE) -> None:
    if resp.message:
        out.print(f"[yellow]{escape(resp.message)}[/]")
    line = understood_line(resp.understood, lang)
    if line:
        out.print(f"[dim]{escape(line)}{LITERAL_HINT}[/]")
    for a in resp.all_answers:  # a comparison's cards, one per region and year named
        out.print(
            Text.assemble(
                ("答案 (answer)：", "bold"),
                " ".join(filter(None, (a.region, _year(a.year, lang), a.indicator)))
                + f" 目标：{a.change}",
                (a.figure, "bold red"),
                (f"  [{a.filename}] {a.section}", "cyan"),
            )
        )
    if resp.answers_cut:
        out.print(f"[dim]{escape(tr(lang, 'search.answers_cut', count=resp.answers_cut))}[/]")
    if resp.unanswered:
        names = tr(lang, "search.region_sep").join(resp.unanswered)
        out.print(f"[dim]{escape(tr(lang, 'search.answer_none', names=names))}[/]")
    if resp.by_document and resp.hits:
        out.print(f"[dim]{escape(tr(lang, 'search.by_document'))}[/]")
    for c in resp.corrections:
        out.print(f"已更正 (corrected): [strike]{c.original}[/] → [bold]{c.corrected}[/]")
    if resp.corrections:
        out.print("[dim]（--as-typed 按原文搜索，不更正 / search as typed, no correction）[/]")
    if not resp.hits:
        if resp.total:
            out.print(
                f"第 {resp.page} 页没有结果，共 {resp.pages} 页 "
                f"(page {resp.page} is past the last page, {resp.pages})."
            )
        elif resp.query.strip() and not resp.nothing_searched:
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
        if hit.url:
            out.print(f"  {hit.url}", style="blue", markup=False)
        out.print(_styled(hit.snippet, [(h.start, h.end) for h in hit.highlights]))


# -- commands --------------------------------------------------------------------------------
# Unknown "options" such as -齐鲁 are exclusions in the query, not CLI options.
@app.command(context_settings={"ignore_unknown_options": True})
def search(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(help='Keywords; "quoted phrase", -exclude.')],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=100, help="Results per page.")
    ] = 5,
    page: Annotated[int, typer.Option("--page", "-p", min=1, help="Page number.")] = 1,
    doc: Annotated[str | None, typer.Option(help="Only this document (id or file name).")] = None,
    region: Annotated[str | None, typer.Option(help="Only documents about this region.")] = None,
    year: Annotated[
        str | None,
        typer.Option(help="Only documents of this year: 2024, 2024年 or 二〇二四年."),
    ] = None,
    literal: Annotated[
        bool,
        typer.Option(
            "--literal",
            help="Search every word as text: no region, year or document-kind understanding.",
        ),
    ] = False,
    as_typed: Annotated[
        bool,
        typer.Option("--as-typed", help="No typo correction: search the words as typed."),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    lang: Annotated[str, typer.Option(help=LANG_HELP)] = DEFAULT_LANGUAGE,
    home_region: Annotated[str | None, typer.Option(help=HOME_REGION_HELP)] = None,
) -> None:
    """Search the corpus: ranked passages with highlighted snippets.

    Region, year and document-kind words (山东 2024 政府工作报告) rank the documents that
    match first; a question for a target (四川 2026 GDP 增长目标) opens with the key target
    that answers it.

    Examples: briefbot search 营商环境 -n 3; briefbot search GDP 增长 --doc 004 --json
    """
    checked_lang(lang)
    refuse_unknown_options(ctx, query, lang)
    # as targets, compare and scorecard read it (trial22: 2024年 was "not a valid integer")
    wanted = checked_year(year)
    checked_region(region)
    home = checked_home(home_region)
    engine = open_engine()
    if doc is not None:
        # what --doc takes elsewhere (id, file name, stem or a unique prefix of either);
        # a prefix of several file names searches all of them
        try:
            doc = engine.find_document(doc).filename
        except DocumentNotFound as exc:
            if exc.code != "document.ambiguous":
                raise no_document(exc) from None
    resp = engine.search(
        " ".join(query),
        page=page,
        page_size=limit,
        doc=doc,
        region=region,
        year=wanted,
        correct=not as_typed,
        understand=not literal,
        home=home,
    )
    if resp.home_unset:
        home_hint(lang)
    if resp.several_places and resp.all_answers:  # a question naming no place: each place's
        first = resp.all_answers[0]
        hint = tr(lang, "cli.several_places", place=first.region or "", indicator=first.indicator)
        err.print(f"[yellow]{escape(hint)}[/]")
    if as_json:
        out.print_json(json.dumps(search_to_dict(resp), ensure_ascii=False))
    else:
        print_response(resp, lang)
        if not resp.total and (region or year):
            why_nothing(engine, region, wanted)
    if resp.total and not resp.hits:
        raise typer.Exit(1)  # a page past the last one: a mistake, not an empty answer
