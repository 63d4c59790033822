"""Broadsheet's crawl cache: getting pages and keeping them.

Raw pages live in one SQLite file (WAL mode, one transaction per write, bodies
compressed at rest), one row per requested URL. Every write that adds or
changes a page takes the next number of a monotonically increasing sequence;
``changes_since(seq)`` replays that change feed for the indexer. Importers bring
in saved HTML files and folders, plain-text article dumps and WARC/ARC archives,
reporting damaged inputs instead of stopping. This package imports neither the
indexer nor the web layer.
"""

from crawl_cache.errors import (
    CacheBusy,
    CacheCorrupt,
    CrawlCacheError,
    DamagedInput,
    InvalidPage,
    UnsupportedCacheVersion,
)
from crawl_cache.importers import (
    DEFAULT_MAX_PAGE_BYTES,
    ImportFailure,
    ImportReport,
    count_inputs,
    import_paths,
)
from crawl_cache.page import CachedPage, content_hash
from crawl_cache.store import CacheStats, CrawlCache, FailureRecord, PutOutcome

__all__ = [
    "DEFAULT_MAX_PAGE_BYTES",
    "CacheBusy",
    "CacheCorrupt",
    "CacheStats",
    "CachedPage",
    "CrawlCache",
    "CrawlCacheError",
    "DamagedInput",
    "FailureRecord",
    "ImportFailure",
    "ImportReport",
    "InvalidPage",
    "PutOutcome",
    "UnsupportedCacheVersion",
    "content_hash",
    "count_inputs",
    "import_paths",
]
