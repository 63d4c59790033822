"""Broadsheet's crawl cache: getting pages and keeping them.

Raw pages live in one SQLite file (WAL mode, one transaction per write, bodies
compressed at rest), one row per requested URL. Every write that adds or
changes a page takes the next number of a monotonically increasing sequence;
``changes_since(seq)`` replays that change feed for the indexer. Importers bring
in saved HTML files and folders, plain-text article dumps, WARC/ARC archives and
pre-extracted article records (JSON Lines), reporting damaged inputs instead of
stopping; the crawler (``crawl_cache.crawler``) fetches sites politely into the
same store, and ``export_warc`` writes it out as a WARC file. This package imports
neither the indexer nor the web layer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crawl_cache.errors import (
    CacheBusy,
    CacheCorrupt,
    CrawlCacheError,
    DamagedInput,
    InvalidPage,
    UnsupportedCacheVersion,
)
from crawl_cache.page import CachedPage, content_hash
from crawl_cache.store import CacheStats, CrawlCache, FailureRecord, PutOutcome

if TYPE_CHECKING:
    from crawl_cache.crawler import (
        CrawlOptions,
        CrawlProgress,
        CrawlReport,
        FrontierError,
        build_user_agent,
        frontier_counts,
        run_crawl,
    )
    from crawl_cache.export import export_warc
    from crawl_cache.importers import (
        DEFAULT_MAX_PAGE_BYTES,
        ImportFailure,
        ImportReport,
        count_inputs,
        import_paths,
    )

# The crawler, the importers and the WARC export bring in HTTP, feed and archive
# libraries; they load on first use, so that reading the store (a search server, the
# indexer) stays light.
_LAZY = {
    **dict.fromkeys(
        (
            "CrawlOptions",
            "CrawlProgress",
            "CrawlReport",
            "FrontierError",
            "build_user_agent",
            "frontier_counts",
            "run_crawl",
        ),
        "crawl_cache.crawler",
    ),
    "export_warc": "crawl_cache.export",
    **dict.fromkeys(
        ("DEFAULT_MAX_PAGE_BYTES", "ImportFailure", "ImportReport", "count_inputs", "import_paths"),
        "crawl_cache.importers",
    ),
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'crawl_cache' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


__all__ = [
    "DEFAULT_MAX_PAGE_BYTES",
    "CacheBusy",
    "CacheCorrupt",
    "CacheStats",
    "CachedPage",
    "CrawlOptions",
    "CrawlProgress",
    "CrawlReport",
    "CrawlCache",
    "CrawlCacheError",
    "DamagedInput",
    "FailureRecord",
    "FrontierError",
    "ImportFailure",
    "ImportReport",
    "InvalidPage",
    "PutOutcome",
    "UnsupportedCacheVersion",
    "build_user_agent",
    "content_hash",
    "count_inputs",
    "export_warc",
    "frontier_counts",
    "import_paths",
    "run_crawl",
]
