"""The crawl frontier: every URL a crawl knows, its state and where it came from, in SQLite.

Kept in its own file beside the cache (``DATA_DIR/frontier.sqlite3``): it is
the crawl's working state, not part of the page store the indexer reads, and
keeping it apart leaves the cache's schema untouched. WAL mode and one
transaction per change make it crash-safe: after ``kill -9`` every row is in
the state of its last commit, and URLs left ``in_flight`` are reconciled with
the cache on ``--resume`` (see :mod:`crawl_cache.crawler.crawler`).

Tables: ``meta(key, value)`` holds the crawl's options (JSON) and start time;
``urls`` one row per normalised URL (``state`` queued / in_flight / done /
failed / skipped, ``depth``, ``priority``, ``discovered_from``, ``outcome``,
``reason``, ``attempts``, ``updated_at``); ``aliases(url, stored_as)`` maps a
requested URL to the cache key its page was stored under (after a redirect or
a ``rel=canonical``) and outlives a crawl, so a later crawl can send the
stored page's validators; ``documents(url, content_type, etag, last_modified,
body)`` keeps the last copy of each feed and sitemap (zlib-compressed), so a
refresh can ask for them conditionally and read a 304's URLs from the copy.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from types import TracebackType

from crawl_cache.crawler.urls import host_of
from crawl_cache.errors import CrawlCacheError

FRONTIER_FILE_NAME = "frontier.sqlite3"

_DDL = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    """CREATE TABLE IF NOT EXISTS urls (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        url             TEXT NOT NULL UNIQUE,
        host            TEXT NOT NULL,
        state           TEXT NOT NULL,
        depth           INTEGER NOT NULL,
        priority        INTEGER NOT NULL,
        discovered_from TEXT,
        outcome         TEXT,
        reason          TEXT,
        attempts        INTEGER NOT NULL DEFAULT 0,
        updated_at      TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS urls_queue ON urls (state, priority DESC, depth, id)",
    "CREATE TABLE IF NOT EXISTS aliases (url TEXT PRIMARY KEY, stored_as TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS documents (
        url           TEXT PRIMARY KEY,
        content_type  TEXT,
        etag          TEXT,
        last_modified TEXT,
        body          BLOB NOT NULL
    )""",
)


class FrontierError(CrawlCacheError):
    """The frontier file cannot be used (damaged, or nothing to resume)."""


class UrlState(StrEnum):
    """Where a URL stands in the crawl."""

    QUEUED = "queued"
    IN_FLIGHT = "in_flight"
    DONE = "done"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class Discovered:
    """A URL to add: how deep it sits, how urgent it is, and which page named it."""

    url: str
    depth: int
    priority: int = 0
    discovered_from: str | None = None


@dataclass(frozen=True, slots=True)
class FrontierEntry:
    """A row of the frontier."""

    url: str
    state: UrlState
    depth: int
    priority: int
    discovered_from: str | None
    outcome: str | None
    reason: str | None


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """The last copy of a feed or sitemap, with the validators it came with."""

    url: str
    content_type: str | None
    etag: str | None
    last_modified: str | None
    body: bytes


def frontier_path_for(cache_path: Path) -> Path:
    """The frontier file that goes with a cache file."""
    return cache_path.with_name(FRONTIER_FILE_NAME)


def _now() -> str:
    return datetime.now(UTC).isoformat()


class Frontier:
    """The persisted queue; belongs to the thread that opened it."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn: sqlite3.Connection | None = conn
        self._path = path

    @classmethod
    def open(cls, path: Path | str) -> Frontier:
        frontier_path = Path(path)
        frontier_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(frontier_path, timeout=5.0, isolation_level=None)
        except sqlite3.Error as exc:
            raise FrontierError(f"cannot open the crawl frontier {frontier_path}: {exc}") from exc
        try:
            conn.execute("PRAGMA journal_mode=WAL").fetchone()
            # NORMAL survives a killed process in WAL mode; the frontier can be
            # rebuilt from seeds, unlike the cache's change feed.
            conn.execute("PRAGMA synchronous=NORMAL")
            for statement in _DDL:
                conn.execute(statement)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise FrontierError(f"{frontier_path} is not a usable crawl frontier: {exc}") from exc
        return cls(conn, frontier_path)

    @property
    def path(self) -> Path:
        return self._path

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Frontier:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- crawl lifecycle -------------------------------------------------------

    def begin(self, options_json: str, started_at: str) -> None:
        """Start a new crawl: forget the previous crawl's URLs (aliases stay)."""
        with self._write() as conn:
            conn.execute("DELETE FROM urls")
            conn.execute("DELETE FROM meta")
            conn.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [("options", options_json), ("started_at", started_at)],
            )

    def saved_crawl(self) -> tuple[str, str] | None:
        """(options JSON, started-at ISO time) of the crawl on file, or None."""
        meta = dict(self._connection().execute("SELECT key, value FROM meta").fetchall())
        if "options" not in meta:
            return None
        return meta["options"], meta.get("started_at", "")

    # -- queue -----------------------------------------------------------------

    def add(self, items: Iterable[Discovered]) -> int:
        """Queue URLs not seen before in this crawl; return how many were new."""
        with self._write() as conn:
            return self._add(conn, items)

    def next_queued(self, busy_hosts: Iterable[str] = ()) -> FrontierEntry | None:
        """The most urgent queued URL on a host that is not busy (priority, depth, age)."""
        busy = sorted(set(busy_hosts))
        marks = ",".join("?" * len(busy))
        where = f"AND host NOT IN ({marks})" if busy else ""
        row = (
            self._connection()
            .execute(
                f"SELECT url, state, depth, priority, discovered_from, outcome, reason FROM urls "
                f"WHERE state = 'queued' {where} ORDER BY priority DESC, depth, id LIMIT 1",
                busy,
            )
            .fetchone()
        )
        return None if row is None else _entry(row)

    def mark_in_flight(self, url: str) -> None:
        with self._write() as conn:
            conn.execute(
                "UPDATE urls SET state = 'in_flight', attempts = attempts + 1, updated_at = ? "
                "WHERE url = ?",
                (_now(), url),
            )

    def finish(
        self,
        url: str,
        state: UrlState,
        *,
        outcome: str | None = None,
        reason: str | None = None,
        discovered: Iterable[Discovered] = (),
        covered: Iterable[str] = (),
    ) -> None:
        """Settle ``url`` and queue what it led to, in one transaction.

        ``covered`` URLs (a redirect's target, the canonical URL) are marked done
        too, so they are not fetched again.
        """
        now = _now()
        with self._write() as conn:
            conn.execute(
                "UPDATE urls SET state = ?, outcome = ?, reason = ?, updated_at = ? WHERE url = ?",
                (str(state), outcome, reason, now, url),
            )
            for other in covered:
                if other == url:
                    continue
                conn.execute(
                    "INSERT INTO urls (url, host, state, depth, priority, discovered_from, "
                    "outcome, reason, updated_at) VALUES (?, ?, 'done', 0, 0, ?, 'covered', ?, ?) "
                    "ON CONFLICT(url) DO UPDATE SET state = 'done', outcome = 'covered', "
                    "reason = excluded.reason, updated_at = excluded.updated_at "
                    "WHERE urls.state != 'done'",
                    (other, host_of(other), url, f"fetched as {url}", now),
                )
            self._add(conn, discovered)

    def requeue(self, url: str) -> None:
        with self._write() as conn:
            conn.execute(
                "UPDATE urls SET state = 'queued', updated_at = ? WHERE url = ?", (_now(), url)
            )

    # -- aliases ----------------------------------------------------------------

    def set_alias(self, url: str, stored_as: str) -> None:
        """Remember that ``url``'s page lives in the cache under ``stored_as``."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO aliases (url, stored_as) VALUES (?, ?) "
                "ON CONFLICT(url) DO UPDATE SET stored_as = excluded.stored_as",
                (url, stored_as),
            )

    def alias(self, url: str) -> str | None:
        row = (
            self._connection()
            .execute("SELECT stored_as FROM aliases WHERE url = ?", (url,))
            .fetchone()
        )
        return None if row is None else str(row[0])

    # -- feeds and sitemaps -------------------------------------------------------

    def save_document(
        self, url: str, body: bytes, *, content_type: str | None, etag: str | None,
        last_modified: str | None,
    ) -> None:  # fmt: skip
        """Keep the latest copy of a feed or sitemap with its validators."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO documents (url, content_type, etag, last_modified, body) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
                "content_type = excluded.content_type, etag = excluded.etag, "
                "last_modified = excluded.last_modified, body = excluded.body",
                (url, content_type, etag, last_modified, zlib.compress(body)),
            )

    def document(self, url: str) -> StoredDocument | None:
        """The kept copy of a feed or sitemap, or None (also when it no longer decompresses)."""
        row = (
            self._connection()
            .execute(
                "SELECT content_type, etag, last_modified, body FROM documents WHERE url = ?",
                (url,),
            )
            .fetchone()
        )
        if row is None:
            return None
        try:
            body = zlib.decompress(row[3])
        except zlib.error:
            return None
        return StoredDocument(url, row[0], row[1], row[2], body)

    # -- reading ------------------------------------------------------------------

    def get(self, url: str) -> FrontierEntry | None:
        row = (
            self._connection()
            .execute(
                "SELECT url, state, depth, priority, discovered_from, outcome, reason "
                "FROM urls WHERE url = ?",
                (url,),
            )
            .fetchone()
        )
        return None if row is None else _entry(row)

    def entries(self, state: UrlState | None = None) -> Iterator[FrontierEntry]:
        """Rows in the order they were first queued (optionally one state only)."""
        sql = "SELECT url, state, depth, priority, discovered_from, outcome, reason FROM urls"
        args: tuple[str, ...] = ()
        if state is not None:
            sql += " WHERE state = ?"
            args = (str(state),)
        for row in self._connection().execute(sql + " ORDER BY id", args).fetchall():
            yield _entry(row)

    def counts(self) -> dict[str, int]:
        """URLs per state (every state present, zero when none)."""
        found = dict(
            self._connection().execute("SELECT state, count(*) FROM urls GROUP BY state").fetchall()
        )
        return {str(state): int(found.get(str(state), 0)) for state in UrlState}

    def count_outcomes(self, outcomes: Iterable[str]) -> int:
        wanted = sorted(set(outcomes))
        marks = ",".join("?" * len(wanted))
        return int(
            self._connection()
            .execute(f"SELECT count(*) FROM urls WHERE outcome IN ({marks})", wanted)
            .fetchone()[0]
        )

    # -- internals --------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise FrontierError(f"the crawl frontier {self._path} is closed")
        return self._conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        conn = self._connection()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @staticmethod
    def _add(conn: sqlite3.Connection, items: Iterable[Discovered]) -> int:
        now = _now()
        added = 0
        for item in items:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO urls (url, host, state, depth, priority, discovered_from, "
                "updated_at) VALUES (?, ?, 'queued', ?, ?, ?, ?)",
                (item.url, host_of(item.url), item.depth, item.priority, item.discovered_from, now),
            )
            added += cursor.rowcount
        return added


def _entry(row: tuple[object, ...]) -> FrontierEntry:
    url, state, depth, priority, discovered_from, outcome, reason = row
    return FrontierEntry(
        url=str(url),
        state=UrlState(str(state)),
        depth=int(depth),  # type: ignore[call-overload]
        priority=int(priority),  # type: ignore[call-overload]
        discovered_from=None if discovered_from is None else str(discovered_from),
        outcome=None if outcome is None else str(outcome),
        reason=None if reason is None else str(reason),
    )
