"""What every command shares: the global options as settings, and progress bars on stderr."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click
from tqdm import tqdm

from search_web import output
from search_web.settings import Settings

if TYPE_CHECKING:
    from crawl_cache import ImportReport


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


@contextmanager
def progress_bar(description: str, total: int | None = None) -> Iterator[tqdm]:
    """A tqdm bar on stderr for long work."""
    # tqdm switches itself off when stderr is not a terminal (logs, CI, tests).
    bar = tqdm(total=total, desc=description, unit="page", file=sys.stderr, disable=None)
    try:
        yield bar
    finally:
        bar.close()


def reindex_callback(bar: tqdm) -> Callable[[int, int | None], None]:
    """Feed reindex progress (done, total) into ``bar``."""

    def update(done: int, total: int | None) -> None:
        if total is not None and bar.total != total:
            bar.total = total
        bar.update(max(0, done - bar.n))

    return update


def echo_import_report(report: ImportReport) -> None:
    """The import summary on stdout, each failure on stderr."""
    click.echo(output.import_summary(report))
    for failure in report.failures:
        click.echo(f"  {failure.path}: {failure.reason}", err=True)
    if report.failed > len(report.failures):
        click.echo(f"  ... and {report.failed - len(report.failures)} more", err=True)
