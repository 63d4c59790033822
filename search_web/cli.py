"""The ``broadsheet`` command group: global options, error mapping, and the commands it gathers."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import click

from crawl_cache import CrawlCacheError
from indexer.errors import IndexerError, IndexLocked
from search_web.commands.crawl import crawl_command
from search_web.commands.index import reindex_command, stats_command
from search_web.commands.ingest import export_command, extract_command, import_command
from search_web.commands.search import search_command
from search_web.commands.serve import demo_command, serve_command
from search_web.commands.state import CliState
from search_web.demo import DemoError
from search_web.params import ParameterError


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


for _command in (
    import_command,
    extract_command,
    reindex_command,
    search_command,
    stats_command,
    crawl_command,
    export_command,
    serve_command,
    demo_command,
):
    main.add_command(_command)
