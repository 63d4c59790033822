"""Broadsheet's indexer: the Article record, the scraper, the Whoosh index, the search service."""

from indexer.article import Article
from indexer.build import ReindexReport, reindex
from indexer.errors import (
    ExtractionError,
    IndexCorrupt,
    IndexerError,
    IndexLocked,
    IndexNotFound,
    InvalidRequest,
)
from indexer.scrape import extract_article
from indexer.search import IndexStats, SearchService
from indexer.search_types import (
    FacetValue,
    Hit,
    SearchRequest,
    SearchResult,
    SnippetFragment,
    SortOrder,
)

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
