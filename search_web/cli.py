"""The ``broadsheet`` command group: global options, error mapping, and the commands it gathers."""

from __future__ import annotations

import importlib
import logging
from pathlib import Path
from typing import Any

import click

from crawl_cache.errors import CrawlCacheError
from indexer.errors import IndexerError, IndexLocked
from search_web.commands.state import CliState
from search_web.demo import DemoError
from search_web.params import ParameterError

# Command name -> "module:attribute". A command's module is imported only when that
# command runs (or help lists it), so ``broadsheet serve`` starts without loading the
# crawler or the scraper.
COMMANDS = {
    "import": "search_web.commands.ingest:import_command",
    "extract": "search_web.commands.ingest:extract_command",
    "reindex": "search_web.commands.index:reindex_command",
    "search": "search_web.commands.search:search_command",
    "stats": "search_web.commands.index:stats_command",
    "crawl": "search_web.commands.crawl:crawl_command",
    "export": "search_web.commands.ingest:export_command",
    "serve": "search_web.commands.serve:serve_command",
    "demo": "search_web.commands.serve:demo_command",
}


class BroadsheetGroup(click.Group):
    """Loads commands on demand and turns Broadsheet's own errors into one-line messages."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is not None or cmd_name not in COMMANDS:
            return command
        module_name, attribute = COMMANDS[cmd_name].split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        self.add_command(command, cmd_name)
        return command

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
