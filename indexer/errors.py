"""The indexer's exception tree, mapped once to HTTP codes and CLI messages by callers."""

from __future__ import annotations


class IndexerError(Exception):
    """Base class for every error the indexer raises on purpose."""


class ExtractionError(IndexerError):
    """The input is not an article: empty, binary junk, or no headline and no body text."""


class IndexNotFound(IndexerError):
    """There is no search index yet (build one with `broadsheet reindex --full`)."""


class IndexLocked(IndexerError):
    """Another writer holds the index lock."""


class InvalidRequest(IndexerError):
    """A search request with bad parameters (for example a page number past the limit)."""


class IndexCorrupt(IndexerError):
    """The index on disk is damaged or was built by an incompatible version; rebuild it."""


class IndexWriteFailed(IndexerError):
    """A reindex could not write (disk full, read-only disk); the live index is left as it was."""
