"""The demo: the bundled collection of sample pages, imported and indexed into a data dir."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING

from search_web.settings import Settings

if TYPE_CHECKING:
    from crawl_cache import ImportReport
    from indexer import ReindexReport

DEMO_SUFFIX = "-demo"
DEMO_PACKAGE = "search_web"
DEMO_FOLDER = "demo_collection"


class DemoError(Exception):
    """The demo cannot be prepared (for example the bundled collection is missing)."""


@dataclass(frozen=True, slots=True)
class DemoReport:
    """What preparing the demo did: the import and the full reindex that followed."""

    settings: Settings
    imported: ImportReport
    reindexed: ReindexReport


def demo_settings(
    data_dir: str | Path | None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Settings for the demo.

    An explicit ``data_dir`` is used as given. Otherwise the demo lives beside the
    usual data directory with a ``-demo`` suffix (``~/.local/share/broadsheet-demo``),
    so trying the demo never mixes sample pages into real data.
    """
    if data_dir:
        return Settings.from_env(data_dir, environ)
    usual = Settings.from_env(None, environ).data_dir
    return Settings.from_env(usual.with_name(usual.name + DEMO_SUFFIX), environ)


@contextmanager
def demo_collection() -> Iterator[Path]:
    """The bundled demo pages as a folder on disk, for as long as the context lasts."""
    resource = files(DEMO_PACKAGE) / DEMO_FOLDER
    with as_file(resource) as folder:
        path = Path(folder)
        if not path.is_dir() or not any(path.rglob("*.htm*")):
            raise DemoError(f"the bundled demo collection is missing or empty at {path}")
        yield path


def demo_page_count() -> int:
    """How many inputs the demo import will go through (for a progress bar)."""
    from crawl_cache import count_inputs

    with demo_collection() as folder:
        return count_inputs([folder])


def prepare_demo(
    settings: Settings,
    *,
    import_progress: Callable[[int], None] | None = None,
    reindex_progress: Callable[[int, int | None], None] | None = None,
) -> DemoReport:
    """Import the bundled pages into ``settings.data_dir`` and build a fresh index.

    Running it again is harmless: unchanged pages are recognised as such and the full
    reindex builds an equivalent new generation.
    """
    # Imported here: the importers and the builder are heavy, and a plain ``serve``
    # of an existing index never needs them.
    from crawl_cache import CrawlCache, import_paths
    from indexer import reindex

    with demo_collection() as folder, CrawlCache.open(settings.cache_path) as cache:
        imported = import_paths(cache, [folder], progress=import_progress)
    if imported.stored == 0:
        reasons = "; ".join(f"{failure.path}: {failure.reason}" for failure in imported.failures)
        raise DemoError(f"none of the demo pages could be imported ({reasons or 'no pages'})")
    reindexed = reindex(
        settings.cache_path,
        settings.index_dir,
        full=True,
        workers=settings.workers,
        progress=reindex_progress,
    )
    return DemoReport(settings=settings, imported=imported, reindexed=reindexed)
