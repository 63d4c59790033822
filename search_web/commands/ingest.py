"""Getting pages in and out of the cache: ``import``, ``extract`` and ``export``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from crawl_cache import CrawlCache, count_inputs, export_warc, import_paths
from indexer import extract_article
from search_web import output
from search_web.commands.state import CliState, echo_import_report, pass_state, progress_bar

TEXT_SUFFIXES = (".txt", ".text")


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@pass_state
def import_command(state: CliState, paths: tuple[Path, ...]) -> None:
    """Import saved pages, folders, plain-text dumps, WARC/ARC files and article JSON Lines."""
    settings = state.settings
    with (
        progress_bar("Importing", count_inputs(list(paths))) as bar,
        CrawlCache.open(settings.cache_path) as cache,
    ):
        report = import_paths(cache, list(paths), progress=bar.update)
    echo_import_report(report)
    if report.failed and report.stored == 0 and report.skipped == 0:
        raise click.ClickException("nothing was imported")
    if report.added or report.replaced:
        click.echo("Run `broadsheet reindex` to make the new pages searchable.")


@click.command("extract")
@click.argument("path", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--url", help="The page's address (default: the file's file:// URI).")
@click.option("--json", "as_json", is_flag=True, help="Print the article as JSON.")
def extract_command(path: Path, url: str | None, as_json: bool) -> None:
    """Extract the article from one saved page (or '-' for standard input)."""
    content_type = None
    if str(path) == "-":
        raw = sys.stdin.buffer.read()
    else:
        raw = path.read_bytes()
        url = url or path.resolve().as_uri()
        if path.suffix.lower() in TEXT_SUFFIXES:
            content_type = "text/plain; charset=utf-8"
    article = extract_article(raw, url, content_type=content_type)
    if as_json:
        click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(output.article_summary(article))


@click.command("export")
@click.option(
    "--warc",
    "warc_path",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the cache as a WARC file (gzipped records when the name ends in .gz).",
)
@pass_state
def export_command(state: CliState, warc_path: Path) -> None:
    """Write the crawl cache out as a standard WARC file other tools can read."""
    settings = state.settings
    if not settings.cache_path.exists():
        raise click.ClickException("the cache is empty: nothing to export")
    with (
        CrawlCache.open(settings.cache_path) as cache,
        progress_bar("Exporting", cache.page_count()) as bar,
    ):
        count = export_warc(cache, warc_path, progress=bar.update)
    click.echo(f"Wrote {count} pages to {warc_path}")
