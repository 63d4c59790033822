"""Searching from the terminal: ``search``."""

from __future__ import annotations

import json

import click
from werkzeug.datastructures import MultiDict

from indexer import SearchService
from search_web import output
from search_web.commands.state import CliState, pass_state
from search_web.params import parse_search_request
from search_web.serialize import search_result_to_dict


@click.command("search")
@click.argument("query", required=False, default="")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--limit", type=click.IntRange(1, 50), default=10, show_default=True)
@click.option("--page", type=click.IntRange(1, 100), default=1, show_default=True)
@click.option("--source", multiple=True, help="Only this source (repeatable).")
@click.option("--author", multiple=True, help="Only this author (repeatable).")
@click.option("--section", multiple=True, help="Only this section (repeatable).")
@click.option("--from", "date_from", help="Published on or after (YYYY-MM-DD).")
@click.option("--to", "date_to", help="Published on or before (YYYY-MM-DD).")
@click.option("--lang", multiple=True, help="Only this language code (repeatable).")
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default="relevance")
@click.option("--fresh", is_flag=True, help="Blend recency into relevance.")
@click.option("--no-variants", is_flag=True, help="Do not add other spellings of names.")
@click.option("--all-copies", is_flag=True, help="List syndicated copies as separate results.")
@pass_state
def search_command(
    state: CliState,
    query: str,
    as_json: bool,
    limit: int,
    page: int,
    source: tuple[str, ...],
    author: tuple[str, ...],
    section: tuple[str, ...],
    date_from: str | None,
    date_to: str | None,
    lang: tuple[str, ...],
    sort: str,
    fresh: bool,
    no_variants: bool,
    all_copies: bool,
) -> None:
    """Search the index from the terminal (an empty QUERY lists the newest articles)."""
    args: list[tuple[str, str]] = [("q", query), ("sort", sort), ("page", str(page))]
    args += [("per_page", str(limit)), ("from", date_from or ""), ("to", date_to or "")]
    args += [("source", value) for value in source]
    args += [("author", value) for value in author]
    args += [("section", value) for value in section]
    args += [("lang", value) for value in lang]
    args += [("fresh", "1" if fresh else "0"), ("variants", "0" if no_variants else "1")]
    args += [("copies", "0" if all_copies else "1")]
    request = parse_search_request(MultiDict(args))
    service = SearchService(state.settings.index_dir)
    try:
        result = service.search(request)
    finally:
        service.close()
    if as_json:
        click.echo(json.dumps(search_result_to_dict(result), ensure_ascii=False, indent=2))
    else:
        click.echo(output.search_listing(result))
