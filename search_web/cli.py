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

from crawl_cache import (
    CrawlCache,
    CrawlCacheError,
    CrawlOptions,
    CrawlProgress,
    CrawlReport,
    ImportReport,
    count_inputs,
    export_warc,
    frontier_counts,
    import_paths,
    run_crawl,
)
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
    """Import saved pages, folders, plain-text dumps, WARC/ARC files and article JSON Lines."""
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
@click.option("--lang", multiple=True, help="Only this language code (repeatable).")
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default="relevance")
@click.option("--fresh", is_flag=True, help="Blend recency into relevance.")
@click.option("--no-variants", is_flag=True, help="Do not add other spellings of names.")
@click.option("--all-copies", is_flag=True, help="List syndicated copies as separate results.")
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
        if report.failures_by_stage:
            by_stage = ", ".join(f"{n} {stage}" for stage, n in report.failures_by_stage.items())
            click.echo(f"Failures by stage: {by_stage}")
        if report.crawl is not None:
            click.echo(f"Last crawl: {_crawl_counts(report.crawl)}")


def _crawl_counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {state.replace('_', ' ')}" for state, n in counts.items())


@main.command()
@click.argument("seeds", nargs=-1, metavar="[SEED]...")
@click.option(
    "--allow-domain",
    "allow_domains",
    multiple=True,
    help="Crawl only this domain and its subdomains (repeatable; default: the seeds' domains).",
)
@click.option(
    "--max-pages",
    type=click.IntRange(1),
    help="Stop after this many pages fetched (articles and index pages).",
)
@click.option(
    "--max-depth",
    type=click.IntRange(0),
    default=5,
    show_default=True,
    help="Links to follow away from a seed.",
)
@click.option(
    "--delay",
    type=click.FloatRange(0),
    default=1.0,
    show_default=True,
    help="Seconds between requests to one host (a longer robots.txt Crawl-delay wins).",
)
@click.option(
    "--per-host",
    type=click.IntRange(1, 2),
    default=1,
    show_default=True,
    help="Requests in flight per host.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(0.1),
    default=15.0,
    show_default=True,
    help="Seconds to wait for a server before retrying.",
)
@click.option(
    "--max-page-bytes",
    type=click.IntRange(1024),
    default=10 * 1024 * 1024,
    show_default=True,
    help="Responses larger than this are dropped.",
)
@click.option("--resume", is_flag=True, help="Carry on the last crawl where it stopped.")
@click.option(
    "--refresh", is_flag=True, help="Also revisit every cached page in the allowed domains."
)
@click.option(
    "--contact",
    help="Email or URL for site owners, sent in the User-Agent (default: $BROADSHEET_CONTACT).",
)
@click.pass_context
def crawl(
    ctx: click.Context,
    seeds: tuple[str, ...],
    allow_domains: tuple[str, ...],
    max_pages: int | None,
    max_depth: int,
    delay: float,
    per_host: int,
    timeout: float,
    max_page_bytes: int,
    resume: bool,
    refresh: bool,
    contact: str | None,
) -> None:
    """Crawl news sites from front pages, RSS/Atom feeds and sitemaps into the cache.

    Obeys robots.txt, waits between requests to a host, sends conditional
    requests for pages already cached, and keeps its queue on disk: after an
    interruption, `broadsheet crawl --resume` carries on.
    """
    state: CliState = ctx.obj
    settings = state.settings
    if not seeds and not resume:
        raise click.UsageError("give at least one SEED URL, or --resume")
    if resume and refresh:
        raise click.UsageError("--refresh starts a new crawl; it cannot be used with --resume")
    contact = contact or settings.contact
    if not contact and not resume:
        click.echo(
            "Warning: no contact set; pass --contact EMAIL or set BROADSHEET_CONTACT so site "
            "owners can reach you.",
            err=True,
        )
    try:
        options = CrawlOptions(
            seeds=seeds,
            allow_domains=tuple(d.lower() for d in allow_domains),
            max_pages=max_pages,
            max_depth=max_depth,
            delay_s=delay,
            per_host=per_host,
            timeout_s=timeout,
            max_bytes=max_page_bytes,
            contact=contact,
        )
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    given = {
        name: value
        for name, option, value in (
            ("max_pages", "max_pages", max_pages),
            ("max_depth", "max_depth", max_depth),
            ("delay_s", "delay", delay),
            ("per_host", "per_host", per_host),
            ("timeout_s", "timeout", timeout),
            ("max_bytes", "max_page_bytes", max_page_bytes),
        )
        if ctx.get_parameter_source(option) is click.core.ParameterSource.COMMANDLINE
    }
    if contact:
        given["contact"] = contact
    if not resume:
        left = frontier_counts(settings.cache_path) or {}
        unfinished = left.get("queued", 0) + left.get("in_flight", 0)
        if unfinished:
            click.echo(
                f"Starting a new crawl: the previous one left {unfinished} URLs unfetched "
                "(`broadsheet crawl --resume` would have carried it on).",
                err=True,
            )
    with _progress_bar("Crawling") as bar:
        try:
            report = run_crawl(
                settings.cache_path,
                options,
                resume=resume,
                refresh=refresh,
                progress=_crawl_callback(bar),
                resume_overrides=given,
            )
        except ValueError as error:
            raise click.UsageError(str(error)) from None
    _echo_crawl_report(report)


def _crawl_callback(bar: tqdm) -> Callable[[CrawlProgress], None]:
    def update(progress: CrawlProgress) -> None:
        bar.update(max(0, progress.fetched - bar.n))
        bar.set_postfix(
            queued=progress.queued,
            stored=progress.stored,
            errors=progress.errors,
            rate=f"{progress.rate:.1f}/s",
            refresh=True,
        )

    return update


def _echo_crawl_report(report: CrawlReport) -> None:
    click.echo(
        f"Crawled {report.fetched} responses in {report.elapsed_s:.1f}s: "
        f"{report.added} added, {report.replaced} replaced, "
        f"{report.unchanged + report.not_modified} unchanged "
        f"({report.not_modified} not modified), {report.failed} failed, "
        f"{report.skipped} skipped, {report.duplicates} duplicates."
    )
    click.echo(
        f"Pages: {report.articles} articles, {report.index_pages} index pages; "
        f"{report.feeds} feeds, {report.sitemaps} sitemaps read"
        + (f"; {report.recovered} recovered after the interruption" if report.recovered else "")
        + "."
    )
    for url, reason in report.failures:
        click.echo(f"  {url}: {reason}", err=True)
    if report.failed > len(report.failures):
        click.echo(f"  ... and {report.failed - len(report.failures)} more", err=True)
    if report.queued_left:
        hint = " (raise --max-pages)" if report.limit_reached else ""
        click.echo(
            f"{report.queued_left} URLs still queued: `broadsheet crawl --resume` carries on{hint}."
        )
    if report.added or report.replaced:
        click.echo("Run `broadsheet reindex` to make the new pages searchable.")


@main.command()
@click.option(
    "--warc",
    "warc_path",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the cache as a WARC file (gzipped records when the name ends in .gz).",
)
@pass_state
def export(state: CliState, warc_path: Path) -> None:
    """Write the crawl cache out as a standard WARC file other tools can read."""
    settings = state.settings
    if not settings.cache_path.exists():
        raise click.ClickException("the cache is empty: nothing to export")
    with (
        CrawlCache.open(settings.cache_path) as cache,
        _progress_bar("Exporting", cache.page_count()) as bar,
    ):
        count = export_warc(cache, warc_path, progress=bar.update)
    click.echo(f"Wrote {count} pages to {warc_path}")


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
