"""Importers: files, folders, text dumps, web archives and article JSON Lines, into the store."""

from crawl_cache.importers.dispatch import (
    DEFAULT_IMPORT_BATCH,
    InputKind,
    count_inputs,
    import_paths,
    iter_inputs,
    kind_from_name,
)
from crawl_cache.importers.reading import DEFAULT_MAX_PAGE_BYTES
from crawl_cache.importers.report import ImportFailure, ImportReport, Skipped

__all__ = [
    "DEFAULT_IMPORT_BATCH",
    "DEFAULT_MAX_PAGE_BYTES",
    "ImportFailure",
    "ImportReport",
    "InputKind",
    "Skipped",
    "count_inputs",
    "import_paths",
    "iter_inputs",
    "kind_from_name",
]
