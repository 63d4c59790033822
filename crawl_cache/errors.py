"""The crawl cache's exception tree: one base class, one subclass per way things go wrong."""

from __future__ import annotations


class CrawlCacheError(Exception):
    """Base class for every error the crawl cache raises on purpose."""


class CacheCorrupt(CrawlCacheError):
    """The file at the cache path is not a usable crawl cache.

    Raised when the file is not SQLite at all, when SQLite reports a damaged
    database image, when it is some other program's SQLite database, or when a
    stored body no longer decompresses. The message always names the path.
    """


class UnsupportedCacheVersion(CrawlCacheError):
    """The cache was written by a newer Broadsheet with a schema this code cannot read."""


class CacheBusy(CrawlCacheError):
    """Another connection held the write lock for longer than the busy timeout."""


class InvalidPage(CrawlCacheError):
    """A page handed to the store breaks the record's rules (empty URL, hash mismatch, ...)."""


class DamagedInput(CrawlCacheError):
    """An import input cannot be read as a page; the message is the reason shown to people."""
