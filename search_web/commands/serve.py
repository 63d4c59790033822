"""Serving the site: ``serve`` over a data dir, and ``demo`` over the bundled sample pages."""

from __future__ import annotations

import os

import click
import waitress

from indexer.errors import IndexerError, IndexNotFound
from indexer.index_store import verify_live
from search_web import output
from search_web.app import create_app
from search_web.commands.state import (
    CliState,
    echo_import_report,
    pass_state,
    progress_bar,
    reindex_callback,
)
from search_web.demo import demo_page_count, demo_settings, prepare_demo
from search_web.service import close_search_service
from search_web.settings import Settings


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True)
@click.option("--threads", type=click.IntRange(1, 256), default=8, show_default=True)
@click.option(
    "--result-cache",
    type=click.IntRange(0, 100_000),
    default=None,
    help="Search results kept for repeated queries (default 512; 0 turns the cache off, "
    "e.g. to measure every search in full).",
)
@pass_state
def serve_command(
    state: CliState, host: str, port: int, threads: int, result_cache: int | None
) -> None:
    """Serve the search site and the JSON API with waitress."""
    serve_site(state.settings, host, port, threads, result_cache=result_cache)


def serve_site(
    settings: Settings, host: str, port: int, threads: int, *, result_cache: int | None = None
) -> None:
    """Run the app under waitress until interrupted, then close the search service."""
    if not settings.index_dir.exists():
        click.echo("No index yet: run `broadsheet reindex --full`. Serving anyway.", err=True)
    else:
        _warn_if_index_damaged(settings)
    app = create_app(settings, result_cache=result_cache)
    click.echo(f"Serving Broadsheet at {output.server_url(host, port)} (data: {settings.data_dir})")
    click.echo("Press Ctrl+C to stop.")
    try:
        waitress.serve(app, host=host, port=port, threads=threads, ident="broadsheet")
    finally:
        close_search_service(app)


def _warn_if_index_damaged(settings: Settings) -> None:
    """Say at start-up when the index cannot be read; the site still starts and answers 503."""
    try:
        verify_live(settings.index_dir)
    except IndexNotFound:
        click.echo("No index yet: run `broadsheet reindex --full`. Serving anyway.", err=True)
    except IndexerError as damaged:
        click.echo(
            f"Warning: the search index is damaged: {damaged}. Serving anyway: searches "
            "answer 503 until `broadsheet reindex --full` has rebuilt it.",
            err=True,
        )


@click.command("demo")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True)
@click.option("--threads", type=click.IntRange(1, 256), default=8, show_default=True)
@click.option("--no-serve", is_flag=True, help="Prepare the demo data and stop.")
@pass_state
def demo_command(state: CliState, host: str, port: int, threads: int, no_serve: bool) -> None:
    """Import and index the bundled sample pages in a separate data dir, then serve them."""
    # The environment is read here, at the edge, and handed to the library.
    settings = demo_settings(state.data_dir, os.environ)
    click.echo(f"Preparing the demo in {settings.data_dir}")
    with (
        progress_bar("Importing", demo_page_count()) as import_bar,
        progress_bar("Indexing") as index_bar,
    ):
        report = prepare_demo(
            settings,
            import_progress=import_bar.update,
            reindex_progress=reindex_callback(index_bar),
        )
    echo_import_report(report.imported)
    click.echo(output.reindex_summary(report.reindexed))
    if not no_serve:
        serve_site(settings, host, port, threads)
