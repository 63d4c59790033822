"""Keeping the index up to date and reporting on it: ``reindex`` and ``stats``."""

from __future__ import annotations

import json

import click

from indexer import reindex
from search_web import output
from search_web.commands.state import CliState, pass_state, progress_bar, reindex_callback
from search_web.serialize import plain_data
from search_web.status import collect_status


@click.command("reindex")
@click.option("--full", is_flag=True, help="Rebuild the whole index as a new generation.")
@click.option("--workers", type=click.IntRange(1, 64), help="Extraction processes.")
@pass_state
def reindex_command(state: CliState, full: bool, workers: int | None) -> None:
    """Bring the search index up to date with the cache (incrementally unless --full)."""
    settings = state.settings
    with progress_bar("Indexing") as bar:
        report = reindex(
            settings.cache_path,
            settings.index_dir,
            full=full,
            workers=workers or settings.workers,
            progress=reindex_callback(bar),
        )
    click.echo(output.reindex_summary(report))
    for url, reason in report.failures:
        click.echo(f"  {url}: {reason}", err=True)


@click.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@pass_state
def stats_command(state: CliState, as_json: bool) -> None:
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
