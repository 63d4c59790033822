"""The cache file's SQLite schema: opening a connection, pragmas, creating and checking tables.

On-disk layout (schema version 1), all in one SQLite file in WAL mode:

``meta(key, value)``
    ``format`` = ``broadsheet-crawl-cache``, ``schema_version``, ``created_at``,
    ``last_seq`` (the change-feed counter: the highest seq ever handed out) and
    ``last_write_at`` (ISO 8601 UTC of the last ADDED/REPLACED commit).
``pages``
    one row per requested URL: ``url`` (primary key), ``seq`` (unique),
    ``final_url``, ``status``, ``content_type``, ``charset``, ``etag``,
    ``last_modified``, ``fetched_at`` (ISO 8601 UTC), ``content_hash`` (SHA-256
    hex of the raw bytes), ``raw_length``, ``body_codec`` (``zlib`` or
    ``identity`` when compression would not shrink the bytes), ``stored_length``
    and ``body`` (the bytes as stored), ``is_article`` (1 article, 0 a page the
    crawler followed only for links, NULL unclassified). The column was added
    after version 1 without a version bump: older readers name their columns and
    never see it; :func:`ensure_schema` adds it to files that lack it.
``failures``
    ``id``, ``source``, ``reason``, ``stage``, ``at`` (ISO 8601 UTC).

The seq counter lives in ``meta`` rather than being derived from ``max(seq)`` so
that a number, once handed out, is never handed out again, whatever happens to
the rows later: the indexer records the last seq it consumed and must never see
a new page arrive under an old number.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from crawl_cache.errors import (
    CacheBusy,
    CacheCorrupt,
    CrawlCacheError,
    UnsupportedCacheVersion,
)

FORMAT_NAME = "broadsheet-crawl-cache"
SCHEMA_VERSION = 1

_BUSY_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})
_CORRUPT_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})

_DDL = (
    """CREATE TABLE IF NOT EXISTS meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS pages (
        url            TEXT PRIMARY KEY,
        seq            INTEGER NOT NULL UNIQUE,
        final_url      TEXT,
        status         INTEGER NOT NULL,
        content_type   TEXT,
        charset        TEXT,
        etag           TEXT,
        last_modified  TEXT,
        fetched_at     TEXT NOT NULL,
        content_hash   TEXT NOT NULL,
        raw_length     INTEGER NOT NULL,
        body_codec     TEXT NOT NULL,
        stored_length  INTEGER NOT NULL,
        body           BLOB NOT NULL,
        is_article     INTEGER
    )""",
    """CREATE TABLE IF NOT EXISTS failures (
        id      INTEGER PRIMARY KEY AUTOINCREMENT,
        source  TEXT NOT NULL,
        reason  TEXT NOT NULL,
        stage   TEXT NOT NULL,
        at      TEXT NOT NULL
    )""",
)


def connect(path: Path, *, busy_timeout_s: float) -> sqlite3.Connection:
    """Open ``path`` with the cache's pragmas; raise CacheCorrupt if it is not SQLite.

    ``isolation_level=None`` hands transaction control to the store, which opens
    every write with ``BEGIN IMMEDIATE``: the write lock is taken up front, so a
    second writer waits in the busy handler instead of failing at once when a
    read transaction tries to upgrade in WAL mode.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CrawlCacheError(f"cannot create the folder for the cache {path}: {exc}") from exc
    if path.is_dir():
        raise CrawlCacheError(f"cache path {path} is a directory, not a file")
    try:
        conn = sqlite3.connect(path, timeout=busy_timeout_s, isolation_level=None)
    except sqlite3.Error as exc:
        raise CrawlCacheError(f"cannot open the cache {path}: {exc}") from exc
    try:
        _apply_pragmas(conn, path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise describe_database_error(path, exc) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _apply_pragmas(conn: sqlite3.Connection, path: Path) -> None:
    # Reading the schema first makes a non-SQLite file fail here with
    # "file is not a database" before any pragma could try to write to it.
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    (mode,) = conn.execute("PRAGMA journal_mode=WAL").fetchone()
    if str(mode).lower() != "wal":
        # Without WAL, readers would block writers; some network filesystems refuse it.
        raise CrawlCacheError(
            f"cannot use write-ahead logging for the cache {path} (journal mode stays {mode}); "
            "keep the cache on a local disk"
        )
    # FULL, not NORMAL: in WAL mode NORMAL already survives a killed process, but
    # a power cut can roll back the last commits. A rolled-back commit would hand
    # its seq numbers out again, and an indexer that had already consumed them
    # would silently miss the new pages. Importers commit in batches, so the one
    # extra fsync per commit is cheap.
    conn.execute("PRAGMA synchronous=FULL")


def ensure_schema(conn: sqlite3.Connection, path: Path, *, now_iso: str) -> None:
    """Create the tables in a fresh file, or check that an existing file is a cache we can read."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:
        _create(conn, now_iso)
        return
    if "meta" not in tables:
        raise CacheCorrupt(
            f"{path} is a SQLite database but not a Broadsheet crawl cache "
            f"(it has tables {sorted(tables)} and no meta table)"
        )
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    if meta.get("format") != FORMAT_NAME:
        raise CacheCorrupt(f"{path} is a SQLite database but not a Broadsheet crawl cache")
    try:
        version = int(meta.get("schema_version", ""))
    except ValueError as exc:
        raise CacheCorrupt(f"{path} has an unreadable schema version in its meta table") from exc
    if version > SCHEMA_VERSION:
        raise UnsupportedCacheVersion(
            f"{path} uses crawl cache schema {version}; this Broadsheet reads up to "
            f"{SCHEMA_VERSION}. Upgrade Broadsheet to open it."
        )
    missing = {"pages", "failures"} - tables
    if missing:
        raise CacheCorrupt(f"{path} is missing the table(s) {sorted(missing)}")
    _add_missing_columns(conn)


def _add_missing_columns(conn: sqlite3.Connection) -> None:
    """Bring a file written before ``pages.is_article`` existed up to date (additive only)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(pages)")}
    if "is_article" in columns:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(pages)")}
        if "is_article" not in columns:  # another process may have added it meanwhile
            conn.execute("ALTER TABLE pages ADD COLUMN is_article INTEGER")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _create(conn: sqlite3.Connection, now_iso: str) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have created the schema while we waited for the lock.
        for statement in _DDL:
            conn.execute(statement)
        conn.executemany(
            "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
            [
                ("format", FORMAT_NAME),
                ("schema_version", str(SCHEMA_VERSION)),
                ("created_at", now_iso),
                ("last_seq", "0"),
            ],
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def describe_database_error(path: Path, exc: sqlite3.DatabaseError) -> CrawlCacheError:
    """Turn a sqlite3 error into the cache's own exception with a message naming the path."""
    message = str(exc)
    lowered = message.lower()
    # Extended result codes keep the primary code in the low byte.
    primary = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if primary in _BUSY_CODES or "database is locked" in lowered:
        return CacheBusy(
            f"the cache {path} is being written by another process and stayed locked "
            f"past the busy timeout ({message}); try again when that write finishes"
        )
    if primary in _CORRUPT_CODES or "not a database" in lowered or "malformed" in lowered:
        return CacheCorrupt(
            f"{path} is not a readable crawl cache ({message}); move it aside and re-import "
            "or re-crawl into a fresh file"
        )
    if primary == sqlite3.SQLITE_FULL or "disk is full" in lowered:
        return CrawlCacheError(
            f"no space left on the disk holding the crawl cache {path} ({message}); "
            "everything committed before is kept: free some space and run the command again"
        )
    return CrawlCacheError(f"crawl cache {path}: {message}")
