"""The crawl cache store: raw pages in one SQLite file, each write numbered for the change feed.

Concurrency: the file may be opened by several processes at once. SQLite's WAL
mode lets readers run while one writer commits; readers never block and never
see a half-written transaction. Writers take the write lock with ``BEGIN
IMMEDIATE`` and queue behind each other for up to ``busy_timeout_s``; past that
the write raises :class:`CacheBusy` and nothing of it is stored.

A :class:`CrawlCache` object wraps one SQLite connection and belongs to the
thread that opened it (sqlite3's ``check_same_thread`` stays on, so use from
another thread raises). Each thread or process opens its own.

Crash safety: every ``put``/``put_many``/``record_failure`` is one transaction.
A process killed at any instant leaves either all of a transaction or none of
it; the next open replays or discards the WAL as SQLite does.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import Any

from crawl_cache.body_codec import BodyDamaged, pack, unpack
from crawl_cache.errors import CacheCorrupt, CrawlCacheError, InvalidPage
from crawl_cache.page import CachedPage, content_hash
from crawl_cache.schema import connect, describe_database_error, ensure_schema

Clock = Callable[[], datetime]

DEFAULT_BUSY_TIMEOUT_S = 5.0
DEFAULT_BATCH_SIZE = 200

_PAGE_COLUMNS = (
    "url, seq, final_url, status, content_type, charset, etag, last_modified, "
    "fetched_at, content_hash, raw_length, body_codec, body, is_article"
)
_UPSERT_PAGE = f"""
    INSERT INTO pages ({_PAGE_COLUMNS}, stored_length)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(url) DO UPDATE SET
        seq = excluded.seq, final_url = excluded.final_url, status = excluded.status,
        content_type = excluded.content_type, charset = excluded.charset,
        etag = excluded.etag, last_modified = excluded.last_modified,
        fetched_at = excluded.fetched_at, content_hash = excluded.content_hash,
        raw_length = excluded.raw_length, body_codec = excluded.body_codec,
        body = excluded.body, stored_length = excluded.stored_length,
        is_article = excluded.is_article
"""
_SET_META = (
    "INSERT INTO meta (key, value) VALUES (?, ?) "
    "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
)


class PutOutcome(StrEnum):
    """What a put did: stored a new URL, replaced changed content, or found it unchanged."""

    ADDED = "added"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class FailureRecord:
    """One input or fetch that could not be stored, and why."""

    source: str
    reason: str
    stage: str
    at: datetime


@dataclass(frozen=True, slots=True)
class CacheStats:
    """Counts and sizes for a status line; bytes are raw (uncompressed) and as stored."""

    pages: int
    last_seq: int
    failures: int
    raw_bytes: int
    stored_bytes: int
    last_write_at: datetime | None


@dataclass(frozen=True, slots=True)
class _PreparedRow:
    """A page checked and compressed, ready to write; built outside the write lock."""

    url: str
    values: tuple[Any, ...]  # every column but url and seq, in _PAGE_COLUMNS order
    content_hash: str


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


class CrawlCache:
    """Raw pages keyed by requested URL, compressed at rest, with a change feed by seq."""

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Clock) -> None:
        """Wrap an open connection; use :meth:`open` rather than calling this."""
        self._conn: sqlite3.Connection | None = conn
        self._path = path
        self._clock = clock

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        busy_timeout_s: float = DEFAULT_BUSY_TIMEOUT_S,
        clock: Clock | None = None,
    ) -> CrawlCache:
        """Open or create the cache at ``path`` (parent folders too).

        Raises :class:`CacheCorrupt` when the file is not a crawl cache and
        :class:`UnsupportedCacheVersion` when a newer Broadsheet wrote it.
        """
        cache_path = Path(path)
        now = clock or _utc_now
        conn = connect(cache_path, busy_timeout_s=busy_timeout_s)
        try:
            ensure_schema(conn, cache_path, now_iso=_iso(now()))
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise describe_database_error(cache_path, exc) from exc
        except BaseException:
            conn.close()
            raise
        return cls(conn, cache_path, now)

    @property
    def path(self) -> Path:
        """The cache file."""
        return self._path

    def close(self) -> None:
        """Close the connection; safe to call twice."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> CrawlCache:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "open" if self._conn is not None else "closed"
        return f"CrawlCache({str(self._path)!r}, {state})"

    # -- writing -------------------------------------------------------------

    def put(self, page: CachedPage) -> PutOutcome:
        """Store one page in its own transaction."""
        return self.put_many([page])[0]

    def put_many(self, pages: Iterable[CachedPage]) -> list[PutOutcome]:
        """Store pages in one transaction (all or none); outcomes in input order.

        Same URL and same content hash is UNCHANGED and takes no seq; a later page
        in the same batch sees the earlier ones.
        """
        prepared = [self._prepare(page) for page in pages]
        if not prepared:
            return []
        outcomes: list[PutOutcome] = []
        with self._translated_errors(), self._write_transaction() as conn:
            start = seq = self._read_last_seq(conn)
            for row in prepared:
                found = conn.execute(
                    "SELECT content_hash FROM pages WHERE url = ?", (row.url,)
                ).fetchone()
                if found is not None and found[0] == row.content_hash:
                    outcomes.append(PutOutcome.UNCHANGED)
                    continue
                seq += 1
                conn.execute(_UPSERT_PAGE, (row.url, seq, *row.values))
                outcomes.append(PutOutcome.ADDED if found is None else PutOutcome.REPLACED)
            if seq != start:
                conn.execute(_SET_META, ("last_seq", str(seq)))
                conn.execute(_SET_META, ("last_write_at", _iso(self._clock())))
        return outcomes

    def record_failure(self, source: str, reason: str, *, stage: str = "import") -> None:
        """Log an input or fetch that could not be stored (its own transaction)."""
        with self._translated_errors(), self._write_transaction() as conn:
            conn.execute(
                "INSERT INTO failures (source, reason, stage, at) VALUES (?, ?, ?, ?)",
                (source, reason, stage, _iso(self._clock())),
            )

    # -- reading -------------------------------------------------------------

    def get(self, url: str) -> CachedPage | None:
        """The current version of ``url``, or None."""
        with self._translated_errors():
            row = (
                self._connection()
                .execute(f"SELECT {_PAGE_COLUMNS} FROM pages WHERE url = ?", (url,))
                .fetchone()
            )
        return None if row is None else self._row_to_page(row)

    def page_count(self) -> int:
        """How many URLs the cache holds."""
        with self._translated_errors():
            return int(self._connection().execute("SELECT count(*) FROM pages").fetchone()[0])

    def last_seq(self) -> int:
        """The highest seq ever handed out (0 for a new cache)."""
        with self._translated_errors():
            return self._read_last_seq(self._connection())

    def changes_since(
        self, seq: int, *, batch_size: int = DEFAULT_BATCH_SIZE
    ) -> Iterator[CachedPage]:
        """Current entries with a seq above ``seq``, ascending, read ``batch_size`` at a time.

        Keyset pagination on seq: each batch is its own short read, so the
        iterator holds no lock or snapshot between batches and other processes
        keep writing. A page replaced mid-iteration moves to a higher seq and is
        yielded again there. Iteration stops once it has caught up.
        """
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        for row in self._rows_after(seq, batch_size):
            yield self._row_to_page(row)

    def iter_pages(self, *, batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[CachedPage]:
        """Every current entry in seq order (the whole change feed)."""
        return self.changes_since(0, batch_size=batch_size)

    def iter_urls(self, *, batch_size: int = 1000) -> Iterator[str]:
        """Every cached URL in seq order, without reading bodies (keyset paging)."""
        after = 0
        while True:
            with self._translated_errors():
                rows = (
                    self._connection()
                    .execute(
                        "SELECT seq, url FROM pages WHERE seq > ? ORDER BY seq LIMIT ?",
                        (after, batch_size),
                    )
                    .fetchall()
                )
            for _, url in rows:
                yield url
            if len(rows) < batch_size:
                return
            after = rows[-1][0]

    def failures(self, limit: int = 50) -> list[FailureRecord]:
        """The most recent failures, newest first."""
        with self._translated_errors():
            rows = (
                self._connection()
                .execute(
                    "SELECT source, reason, stage, at FROM failures ORDER BY id DESC LIMIT ?",
                    (limit,),
                )
                .fetchall()
            )
        return [
            FailureRecord(source=s, reason=r, stage=st, at=datetime.fromisoformat(at))
            for s, r, st, at in rows
        ]

    def failure_counts(self) -> dict[str, int]:
        """How many failures each stage (``import``, ``crawl``...) has logged."""
        with self._translated_errors():
            rows = (
                self._connection()
                .execute("SELECT stage, count(*) FROM failures GROUP BY stage ORDER BY stage")
                .fetchall()
            )
        return {str(stage): int(count) for stage, count in rows}

    def stats(self) -> CacheStats:
        """Counts and sizes, read from one consistent snapshot."""
        with self._translated_errors():
            conn = self._connection()
            conn.execute("BEGIN")
            try:
                pages, raw, stored = conn.execute(
                    "SELECT count(*), coalesce(sum(raw_length), 0), "
                    "coalesce(sum(stored_length), 0) FROM pages"
                ).fetchone()
                failures = conn.execute("SELECT count(*) FROM failures").fetchone()[0]
                meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            finally:
                conn.execute("COMMIT")
        written = meta.get("last_write_at")
        return CacheStats(
            pages=int(pages),
            last_seq=int(meta.get("last_seq", "0")),
            failures=int(failures),
            raw_bytes=int(raw),
            stored_bytes=int(stored),
            last_write_at=datetime.fromisoformat(written) if written else None,
        )

    def check(self, *, verify_bodies: bool = True) -> list[str]:
        """Problems found by SQLite's integrity check and, optionally, by re-hashing every body.

        An empty list means the store is sound. Reads everything: for maintenance,
        not for every open.
        """
        problems: list[str] = []
        with self._translated_errors():
            conn = self._connection()
            for (line,) in conn.execute("PRAGMA integrity_check").fetchall():
                if line != "ok":
                    problems.append(f"sqlite: {line}")
            if not verify_bodies:
                return problems
        for row in self._rows_after(0, DEFAULT_BATCH_SIZE):
            try:
                page = self._row_to_page(row)
            except CacheCorrupt as exc:
                problems.append(str(exc))
                continue
            if content_hash(page.body) != page.content_hash:
                problems.append(f"{page.url}: body does not match its content hash")
        return problems

    # -- internals -----------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise CrawlCacheError(f"the crawl cache {self._path} is closed")
        return self._conn

    def _rows_after(self, seq: int, batch_size: int) -> Iterator[tuple[Any, ...]]:
        """Page rows with a seq above ``seq`` in order, one short read per batch (keyset paging)."""
        after = seq
        while True:
            with self._translated_errors():
                rows = (
                    self._connection()
                    .execute(
                        f"SELECT {_PAGE_COLUMNS} FROM pages WHERE seq > ? ORDER BY seq LIMIT ?",
                        (after, batch_size),
                    )
                    .fetchall()
                )
            yield from rows
            if len(rows) < batch_size:
                return
            after = rows[-1][1]

    @contextmanager
    def _translated_errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.DatabaseError as exc:
            raise describe_database_error(self._path, exc) from exc

    @contextmanager
    def _write_transaction(self) -> Iterator[sqlite3.Connection]:
        conn = self._connection()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            # A failed COMMIT can leave the transaction open; never leave it dangling.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @staticmethod
    def _read_last_seq(conn: sqlite3.Connection) -> int:
        row = conn.execute("SELECT value FROM meta WHERE key = 'last_seq'").fetchone()
        return int(row[0]) if row else 0

    def _prepare(self, page: CachedPage) -> _PreparedRow:
        if not isinstance(page.url, str) or not page.url:
            raise InvalidPage(f"a cached page needs a non-empty URL, got {page.url!r}")
        if not isinstance(page.body, bytes | bytearray | memoryview):
            raise InvalidPage(f"{page.url}: body must be bytes, not {type(page.body).__name__}")
        body = bytes(page.body)
        digest = content_hash(body)
        if page.content_hash and page.content_hash != digest:
            raise InvalidPage(f"{page.url}: content_hash does not match the body")
        fetched_at = page.fetched_at or self._clock()
        if fetched_at.tzinfo is None:
            raise InvalidPage(f"{page.url}: fetched_at must be timezone-aware")
        codec, stored = pack(body)
        values = (
            page.final_url,
            int(page.status),
            page.content_type,
            page.charset,
            page.etag,
            page.last_modified,
            _iso(fetched_at),
            digest,
            len(body),
            codec,
            stored,
            None if page.is_article is None else int(bool(page.is_article)),
            len(stored),
        )
        return _PreparedRow(url=page.url, values=values, content_hash=digest)

    def _row_to_page(self, row: tuple[Any, ...]) -> CachedPage:
        (url, seq, final_url, status, content_type, charset, etag, last_modified,
         fetched_at, digest, raw_length, codec, stored, is_article) = row  # fmt: skip
        try:
            body = unpack(codec, stored, raw_length)
        except BodyDamaged as exc:
            raise CacheCorrupt(f"{self._path}: the stored body of {url} is damaged: {exc}") from exc
        return CachedPage(
            url=url,
            body=body,
            final_url=final_url,
            status=status,
            content_type=content_type,
            charset=charset,
            etag=etag,
            last_modified=last_modified,
            fetched_at=datetime.fromisoformat(fetched_at),
            content_hash=digest,
            seq=seq,
            is_article=None if is_article is None else bool(is_article),
        )
