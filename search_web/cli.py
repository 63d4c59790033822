"""The ``broadsheet`` command: thin commands over the crawl cache, the indexer and the web app."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import waitress
from tqdm import tqdm
from werkzeug.datastructures import MultiDict

from crawl_cache import CrawlCache, CrawlCacheError, ImportReport, count_inputs, import_paths
from indexer import SearchService, extract_article, reindex
from indexer.errors import IndexerError, IndexLocked
from search_web import output
from search_web.app import create_app
from search_web.demo import DemoError, demo_page_count, demo_settings, prepare_demo
from search_web.params import ParameterError, parse_search_request
from search_web.serialize import plain_data, search_result_to_dict
from search_web.service import close_search_service
from search_web.settings import Settings
from search_web.status import collect_status

TEXT_SUFFIXES = (".txt", ".text")


@dataclass(slots=True)
class CliState:
    """Global options, resolved into settings on first use."""

    data_dir: Path | None
    _settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = Settings.from_env(self.data_dir)
        return self._settings


pass_state = click.make_pass_decorator(CliState)


class BroadsheetGroup(click.Group):
    """Turns Broadsheet's own errors into one-line messages and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except IndexLocked as locked:
            raise click.ClickException(str(locked)) from None
        except (IndexerError, CrawlCacheError, DemoError, ParameterError) as error:
            raise click.ClickException(str(error)) from None
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            raise click.ClickException(f"{where}{error.strerror or error}") from None


@click.group(cls=BroadsheetGroup)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where the cache and index live (default: $BROADSHEET_DATA_DIR, "
    "else ~/.local/share/broadsheet).",
)
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
@click.pass_context
def main(ctx: click.Context, data_dir: Path | None, verbose: int) -> None:
    """Broadsheet: import news pages, index them, and search them on the web or here."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    ctx.obj = CliState(data_dir)


@contextmanager
def _progress_bar(description: str, total: int | None = None) -> Iterator[tqdm]:
    # tqdm switches itself off when stderr is not a terminal (logs, CI, tests).
    bar = tqdm(total=total, desc=description, unit="page", file=sys.stderr, disable=None)
    try:
        yield bar
    finally:
        bar.close()


def _reindex_callback(bar: tqdm) -> Callable[[int, int | None], None]:
    def update(done: int, total: int | None) -> None:
        if total is not None and bar.total != total:
            bar.total = total
        bar.update(max(0, done - bar.n))

    return update


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@pass_state
def import_command(state: CliState, paths: tuple[Path, ...]) -> None:
    """Import saved pages, folders, plain-text dumps and WARC/ARC files into the cache."""
    settings = state.settings
    with (
        _progress_bar("Importing", count_inputs(list(paths))) as bar,
        CrawlCache.open(settings.cache_path) as cache,
    ):
        report = import_paths(cache, list(paths), progress=bar.update)
    _echo_import_report(report)
    if report.failed and report.stored == 0 and report.skipped == 0:
        raise click.ClickException("nothing was imported")
    if report.added or report.replaced:
        click.echo("Run `broadsheet reindex` to make the new pages searchable.")


def _echo_import_report(report: ImportReport) -> None:
    click.echo(output.import_summary(report))
    for failure in report.failures:
        click.echo(f"  {failure.path}: {failure.reason}", err=True)
    if report.failed > len(report.failures):
        click.echo(f"  ... and {report.failed - len(report.failures)} more", err=True)


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--url", help="The page's address (default: the file's file:// URI).")
@click.option("--json", "as_json", is_flag=True, help="Print the article as JSON.")
def extract(path: Path, url: str | None, as_json: bool) -> None:
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


@main.command("reindex")
@click.option("--full", is_flag=True, help="Rebuild the whole index as a new generation.")
@click.option("--workers", type=click.IntRange(1, 64), help="Extraction processes.")
@pass_state
def reindex_command(state: CliState, full: bool, workers: int | None) -> None:
    """Bring the search index up to date with the cache (incrementally unless --full)."""
    settings = state.settings
    with _progress_bar("Indexing") as bar:
        report = reindex(
            settings.cache_path,
            settings.index_dir,
            full=full,
            workers=workers or settings.workers,
            progress=_reindex_callback(bar),
        )
    click.echo(output.reindex_summary(report))
    for url, reason in report.failures:
        click.echo(f"  {url}: {reason}", err=True)


@main.command()
@click.argument("query", required=False, default="")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--limit", type=click.IntRange(1, 50), default=10, show_default=True)
@click.option("--page", type=click.IntRange(1, 100), default=1, show_default=True)
@click.option("--source", multiple=True, help="Only this source (repeatable).")
@click.option("--author", multiple=True, help="Only this author (repeatable).")
@click.option("--section", multiple=True, help="Only this section (repeatable).")
@click.option("--from", "date_from", help="Published on or after (YYYY-MM-DD).")
@click.option("--to", "date_to", help="Published on or before (YYYY-MM-DD).")
@click.option("--sort", type=click.Choice(["relevance", "newest"]), default="relevance")
@pass_state
def search(
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
    sort: str,
) -> None:
    """Search the index from the terminal (an empty QUERY lists the newest articles)."""
    args: list[tuple[str, str]] = [("q", query), ("sort", sort), ("page", str(page))]
    args += [("per_page", str(limit)), ("from", date_from or ""), ("to", date_to or "")]
    args += [("source", value) for value in source]
    args += [("author", value) for value in author]
    args += [("section", value) for value in section]
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


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@pass_state
def stats(state: CliState, as_json: bool) -> None:
    """Show what is in the cache and the index."""
    report = collect_status(state.settings)
    if as_json:
        click.echo(json.dumps(plain_data(report), ensure_ascii=False, indent=2))
    else:
        click.echo(output.status_summary(report))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True)
@click.option("--threads", type=click.IntRange(1, 256), default=8, show_default=True)
@pass_state
def serve(state: CliState, host: str, port: int, threads: int) -> None:
    """Serve the search site and the JSON API with waitress."""
    _serve(state.settings, host, port, threads)


def _serve(settings: Settings, host: str, port: int, threads: int) -> None:
    if not settings.index_dir.exists():
        click.echo("No index yet: run `broadsheet reindex --full`. Serving anyway.", err=True)
    app = create_app(settings)
    click.echo(f"Serving Broadsheet at {output.server_url(host, port)} (data: {settings.data_dir})")
    click.echo("Press Ctrl+C to stop.")
    try:
        waitress.serve(app, host=host, port=port, threads=threads, ident="broadsheet")
    finally:
        close_search_service(app)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True)
@click.option("--threads", type=click.IntRange(1, 256), default=8, show_default=True)
@click.option("--no-serve", is_flag=True, help="Prepare the demo data and stop.")
@pass_state
def demo(state: CliState, host: str, port: int, threads: int, no_serve: bool) -> None:
    """Import and index the bundled sample pages in a separate data dir, then serve them."""
    settings = demo_settings(state.data_dir, os.environ)
    click.echo(f"Preparing the demo in {settings.data_dir}")
    with (
        _progress_bar("Importing", demo_page_count()) as import_bar,
        _progress_bar("Indexing") as index_bar,
    ):
        report = prepare_demo(
            settings,
            import_progress=import_bar.update,
            reindex_progress=_reindex_callback(index_bar),
        )
    _echo_import_report(report.imported)
    click.echo(output.reindex_summary(report.reindexed))
    if not no_serve:
        _serve(settings, host, port, threads)
