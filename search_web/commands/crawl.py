"""Crawling news sites into the cache: ``crawl``."""

from __future__ import annotations

from collections.abc import Callable

import click
from tqdm import tqdm

from crawl_cache import CrawlOptions, CrawlProgress, CrawlReport, run_crawl
from crawl_cache.crawler import unfinished_url_count
from search_web.commands.state import CliState, progress_bar

# Command-line option -> the CrawlOptions field it sets; a resumed crawl takes
# these over its saved options only when they were given on the command line.
_OPTION_FIELDS = {
    "max_pages": "max_pages",
    "max_depth": "max_depth",
    "delay": "delay_s",
    "per_host": "per_host",
    "timeout": "timeout_s",
    "max_page_bytes": "max_bytes",
}


@click.command("crawl")
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
def crawl_command(
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
        field
        for option, field in _OPTION_FIELDS.items()
        if ctx.get_parameter_source(option) is click.core.ParameterSource.COMMANDLINE
    }
    if contact:
        given.add("contact")
    if not resume:
        unfinished = unfinished_url_count(settings.cache_path)
        if unfinished:
            click.echo(
                f"Starting a new crawl: the previous one left {unfinished} URLs unfetched "
                "(`broadsheet crawl --resume` would have carried it on).",
                err=True,
            )
    with progress_bar("Crawling") as bar:
        try:
            report = run_crawl(
                settings.cache_path,
                options,
                resume=resume,
                refresh=refresh,
                progress=_crawl_callback(bar),
                given=given,
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
