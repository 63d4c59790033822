"""Broadsheet's indexer: the Article record, the scraper, the Whoosh index, the search service."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from indexer.article import Article
from indexer.errors import (
    ExtractionError,
    IndexCorrupt,
    IndexerError,
    IndexLocked,
    IndexNotFound,
    InvalidRequest,
)
from indexer.search import IndexStats, SearchService
from indexer.search_types import (
    FacetValue,
    Hit,
    SearchRequest,
    SearchResult,
    SnippetFragment,
    SortOrder,
)

if TYPE_CHECKING:
    from indexer.build import ReindexReport, reindex
    from indexer.scrape import extract_article

# The builder and the scraper pull in the crawl cache, lxml and the language model; a
# search server needs none of them, so they load on first use and start-up stays short.
_LAZY = {
    "ReindexReport": "indexer.build",
    "reindex": "indexer.build",
    "extract_article": "indexer.scrape",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'indexer' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


__all__ = [
    "Article",
    "ExtractionError",
    "FacetValue",
    "Hit",
    "IndexCorrupt",
    "IndexLocked",
    "IndexNotFound",
    "IndexStats",
    "IndexerError",
    "InvalidRequest",
    "ReindexReport",
    "SearchRequest",
    "SearchResult",
    "SearchService",
    "SnippetFragment",
    "SortOrder",
    "extract_article",
    "reindex",
]
