"""Tests for the SQLite store: round trips, outcomes, the change feed, compression, errors."""

from __future__ import annotations

import os
import re
import sqlite3
import threading
import time
from contextlib import closing
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from crawl_cache import (
    CacheBusy,
    CacheCorrupt,
    CachedPage,
    CrawlCache,
    CrawlCacheError,
    InvalidPage,
    PutOutcome,
    UnsupportedCacheVersion,
)


def test_put_then_get_round_trips_every_field(cache: CrawlCache) -> None:
    fetched = datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=UTC)
    page = CachedPage.create(
        "https://news.example/a?x=1",
        b"<html><body><p>Ferry timetable approved.</p></body></html>",
        final_url="https://news.example/a",
        status=203,
        content_type="text/html; charset=iso-8859-1",
        charset="iso-8859-1",
        etag='"v1-abc"',
        last_modified="Tue, 02 Jan 2024 03:00:00 GMT",
        fetched_at=fetched,
    )
    assert cache.put(page) is PutOutcome.ADDED

    got = cache.get(page.url)
    assert got is not None
    assert got.body == page.body
    assert (got.final_url, got.status, got.content_type, got.charset) == (
        "https://news.example/a",
        203,
        "text/html; charset=iso-8859-1",
        "iso-8859-1",
    )
    assert (got.etag, got.last_modified) == ('"v1-abc"', "Tue, 02 Jan 2024 03:00:00 GMT")
    assert got.fetched_at == fetched and got.fetched_at.tzinfo is not None
    assert got.content_hash == page.content_hash
    assert got.seq == 1
    assert cache.get("https://news.example/other") is None


def test_fetched_at_is_stored_in_utc(cache: CrawlCache, make_page) -> None:
    utc_moment = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    eastern = utc_moment.astimezone(timezone(timedelta(hours=-4)))
    cache.put(make_page("https://a.example/", fetched_at=eastern))
    got = cache.get("https://a.example/")
    assert got is not None and got.fetched_at == utc_moment
    assert got.fetched_at.utcoffset() == timedelta(0)


def test_outcomes_and_seq_numbers(cache: CrawlCache, make_page) -> None:
    assert cache.last_seq() == 0
    assert cache.put(make_page("https://a.example/", "<p>one</p>")) is PutOutcome.ADDED
    assert cache.put(make_page("https://b.example/", "<p>two</p>")) is PutOutcome.ADDED
    assert cache.last_seq() == 2

    same = make_page("https://a.example/", "<p>one</p>", etag='"new-tag"')
    assert cache.put(same) is PutOutcome.UNCHANGED
    assert cache.last_seq() == 2
    kept = cache.get("https://a.example/")
    assert kept is not None and kept.seq == 1 and kept.etag is None  # unchanged is a no-op

    assert cache.put(make_page("https://a.example/", "<p>one, corrected</p>")) is (
        PutOutcome.REPLACED
    )
    replaced = cache.get("https://a.example/")
    assert replaced is not None and replaced.seq == 3 and replaced.body == b"<p>one, corrected</p>"
    assert cache.page_count() == 2 and cache.last_seq() == 3


def test_put_many_reports_each_outcome_in_order(cache: CrawlCache, make_page) -> None:
    cache.put(make_page("https://a.example/", "<p>a</p>"))
    outcomes = cache.put_many(
        [
            make_page("https://a.example/", "<p>a</p>"),
            make_page("https://b.example/", "<p>b</p>"),
            make_page("https://b.example/", "<p>b, later</p>"),
            make_page("https://c.example/", "<p>c</p>"),
        ]
    )
    assert outcomes == [
        PutOutcome.UNCHANGED,
        PutOutcome.ADDED,
        PutOutcome.REPLACED,
        PutOutcome.ADDED,
    ]
    b = cache.get("https://b.example/")
    assert b is not None and b.body == b"<p>b, later</p>" and b.seq == 3
    assert cache.last_seq() == 4
    assert cache.put_many([]) == []


def test_put_many_rejects_a_bad_page_without_storing_any(cache: CrawlCache, make_page) -> None:
    good = make_page("https://a.example/", "<p>a</p>")
    bad = CachedPage(url="https://b.example/", body=b"<p>b</p>", content_hash="0" * 64)
    with pytest.raises(InvalidPage, match="content_hash"):
        cache.put_many([good, bad])
    assert cache.page_count() == 0 and cache.last_seq() == 0


@pytest.mark.parametrize(
    ("page", "message"),
    [
        (CachedPage(url="", body=b"x"), "non-empty URL"),
        (CachedPage(url="https://a.example/", body="text"), "bytes"),  # type: ignore[arg-type]
        (
            CachedPage(url="https://a.example/", body=b"x", fetched_at=datetime(2024, 1, 1)),
            "timezone-aware",
        ),
    ],
)
def test_invalid_pages_are_refused(cache: CrawlCache, page: CachedPage, message: str) -> None:
    with pytest.raises(InvalidPage, match=message):
        cache.put(page)
    assert cache.page_count() == 0


def test_missing_fetched_at_takes_the_clock(cache: CrawlCache, clock) -> None:
    cache.put(CachedPage(url="https://a.example/", body=b"<p>a</p>"))
    got = cache.get("https://a.example/")
    assert got is not None and got.fetched_at is not None
    assert got.fetched_at <= clock.now and got.fetched_at.year == 2024


def test_seq_is_never_reused_after_a_row_disappears(
    cache: CrawlCache, cache_path: Path, make_page
) -> None:
    for name in "abc":
        cache.put(make_page(f"https://{name}.example/"))
    with closing(sqlite3.connect(cache_path)) as raw, raw:
        raw.execute("DELETE FROM pages WHERE seq = 3")
    cache.put(make_page("https://d.example/"))
    got = cache.get("https://d.example/")
    assert got is not None and got.seq == 4
    assert cache.last_seq() == 4


def test_changes_since_is_in_seq_order_and_skips_older(cache: CrawlCache, make_page) -> None:
    for n in range(7):
        cache.put(make_page(f"https://s.example/{n}", f"<p>{n}</p>"))
    cache.put(make_page("https://s.example/2", "<p>2, updated</p>"))

    feed = list(cache.changes_since(0, batch_size=3))
    assert [p.seq for p in feed] == [1, 2, 4, 5, 6, 7, 8]
    assert feed[-1].url == "https://s.example/2" and feed[-1].body == b"<p>2, updated</p>"
    assert [p.url for p in feed] == [p.url for p in cache.iter_pages()]

    later = list(cache.changes_since(5, batch_size=2))
    assert [p.seq for p in later] == [6, 7, 8]
    assert list(cache.changes_since(8)) == []


def test_changes_since_reads_batch_by_batch(cache: CrawlCache, make_page) -> None:
    for n in range(5):
        cache.put(make_page(f"https://s.example/{n}"))
    feed = cache.changes_since(0, batch_size=2)
    first = next(feed)
    # Written after the first batch was read: a later batch must still find it.
    cache.put(make_page("https://s.example/late"))
    rest = list(feed)
    assert first.seq == 1
    assert [p.seq for p in rest] == [2, 3, 4, 5, 6]
    assert rest[-1].url == "https://s.example/late"


def test_changes_since_rejects_a_zero_batch(cache: CrawlCache) -> None:
    with pytest.raises(ValueError, match="batch_size"):
        list(cache.changes_since(0, batch_size=0))


def test_bodies_are_compressed_at_rest(cache: CrawlCache, cache_path: Path, make_page) -> None:
    paragraph = "<p>The council met again to discuss the ferry timetable and the pier.</p>\n"
    body = ("<html><body>" + paragraph * 4000 + "</body></html>").encode()
    cache.put(make_page("https://big.example/", body))
    noise = os.urandom(20_000)
    cache.put(make_page("https://noise.example/", noise, content_type="image/png"))

    with closing(sqlite3.connect(cache_path)) as raw:
        rows = dict(
            (url, (codec, stored, raw_length))
            for url, codec, stored, raw_length in raw.execute(
                "SELECT url, body_codec, length(body), raw_length FROM pages"
            )
        )
    assert rows["https://big.example/"][0] == "zlib"
    assert rows["https://big.example/"][1] < len(body) / 20
    assert rows["https://big.example/"][2] == len(body)
    assert rows["https://noise.example/"][0] == "identity"

    stats = cache.stats()
    assert stats.raw_bytes == len(body) + len(noise)
    assert stats.stored_bytes < len(body) / 20 + len(noise) + 100
    cache.close()
    assert cache_path.stat().st_size < len(body) / 2
    with CrawlCache.open(cache_path) as reopened:
        big = reopened.get("https://big.example/")
        again = reopened.get("https://noise.example/")
    assert big is not None and big.body == body
    assert again is not None and again.body == noise


def test_stats_and_failures(cache: CrawlCache, make_page, clock) -> None:
    empty = cache.stats()
    assert (empty.pages, empty.last_seq, empty.failures, empty.last_write_at) == (0, 0, 0, None)

    cache.put(make_page("https://a.example/", "<p>a</p>"))
    written_at = clock.now
    cache.record_failure("/in/one.html", "binary data", stage="import")
    cache.record_failure("https://b.example/", "HTTP 500", stage="fetch")
    cache.record_failure("/in/three.html", "empty file")

    stats = cache.stats()
    assert (stats.pages, stats.last_seq, stats.failures) == (1, 1, 3)
    assert stats.raw_bytes == len(b"<p>a</p>")
    assert stats.last_write_at == written_at

    recent = cache.failures(limit=2)
    assert [(f.source, f.reason, f.stage) for f in recent] == [
        ("/in/three.html", "empty file", "import"),
        ("https://b.example/", "HTTP 500", "fetch"),
    ]
    assert recent[0].at > recent[1].at
    assert len(cache.failures()) == 3


def test_open_sets_wal_and_full_sync(cache: CrawlCache, cache_path: Path) -> None:
    assert cache_path.exists()
    assert cache.path == cache_path
    with closing(sqlite3.connect(cache_path)) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        version = raw.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    assert version == ("1",)
    sync = cache._connection().execute("PRAGMA synchronous").fetchone()[0]
    assert sync == 2  # FULL


def test_reopening_keeps_pages_and_seq(cache_path: Path, make_page) -> None:
    with CrawlCache.open(cache_path) as first:
        first.put(make_page("https://a.example/"))
    with CrawlCache.open(cache_path) as second:
        assert second.page_count() == 1 and second.last_seq() == 1
        assert second.put(make_page("https://b.example/")) is PutOutcome.ADDED
        assert second.last_seq() == 2


def test_non_sqlite_file_is_reported_as_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    path.write_bytes(b"this is a shopping list, not a database\n" * 200)
    with pytest.raises(CacheCorrupt, match=re.escape(str(path))):
        CrawlCache.open(path)


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(path)) as raw, raw:
        raw.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(CacheCorrupt, match="not a Broadsheet crawl cache"):
        CrawlCache.open(path)


def test_damaged_database_pages_are_reported_as_corrupt(cache_path: Path, make_page) -> None:
    with CrawlCache.open(cache_path) as cache:
        cache.put_many([make_page(f"https://a.example/{n}", os.urandom(3000)) for n in range(60)])
    size = cache_path.stat().st_size
    with cache_path.open("r+b") as raw:
        raw.seek(4096 * 2)
        raw.write(b"\xa5" * (size - 4096 * 3))
    names_the_path = re.escape(str(cache_path))
    with pytest.raises(CacheCorrupt, match=names_the_path), CrawlCache.open(cache_path) as cache:
        list(cache.iter_pages())


def test_a_damaged_body_is_reported(cache: CrawlCache, cache_path: Path, make_page) -> None:
    cache.put(make_page("https://a.example/", "<p>words words words</p>" * 50))
    cache.put(make_page("https://b.example/", "<p>fine</p>" * 50))
    with closing(sqlite3.connect(cache_path)) as raw, raw:
        raw.execute("UPDATE pages SET body = zeroblob(40) WHERE url = 'https://a.example/'")
    with pytest.raises(CacheCorrupt, match="https://a.example/"):
        cache.get("https://a.example/")
    problems = cache.check()
    assert len(problems) == 1 and "https://a.example/" in problems[0]


def test_check_finds_a_body_that_does_not_match_its_hash(
    cache: CrawlCache, cache_path: Path, make_page
) -> None:
    cache.put(make_page("https://a.example/", b"x" * 10, content_type="text/plain"))
    assert cache.check() == []
    with closing(sqlite3.connect(cache_path)) as raw, raw:
        raw.execute("UPDATE pages SET body = ? WHERE url = 'https://a.example/'", (b"y" * 10,))
    assert cache.check() == ["https://a.example/: body does not match its content hash"]


def test_newer_schema_is_refused(cache_path: Path) -> None:
    CrawlCache.open(cache_path).close()
    with closing(sqlite3.connect(cache_path)) as raw, raw:
        raw.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(UnsupportedCacheVersion, match="schema 99"):
        CrawlCache.open(cache_path)


def test_a_directory_at_the_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CrawlCacheError, match="directory"):
        CrawlCache.open(tmp_path)


def test_a_closed_cache_says_so(cache: CrawlCache) -> None:
    cache.close()
    cache.close()
    with pytest.raises(CrawlCacheError, match="closed"):
        cache.page_count()
    assert "closed" in repr(cache)


def test_a_cache_object_belongs_to_the_thread_that_opened_it(cache: CrawlCache) -> None:
    errors: list[BaseException] = []

    def use() -> None:
        try:
            cache.page_count()
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    worker = threading.Thread(target=use)
    worker.start()
    worker.join()
    assert len(errors) == 1 and isinstance(errors[0], CrawlCacheError)


def test_second_writer_waits_then_gives_up_while_readers_go_on(cache_path: Path, make_page) -> None:
    with CrawlCache.open(cache_path, busy_timeout_s=0.2) as cache:
        cache.put(make_page("https://a.example/"))
        with closing(sqlite3.connect(cache_path, isolation_level=None)) as holder:
            holder.execute("BEGIN IMMEDIATE")
            started = time.monotonic()
            with pytest.raises(CacheBusy, match="busy timeout"):
                cache.put(make_page("https://b.example/"))
            assert time.monotonic() - started >= 0.15
            assert cache.get("https://a.example/") is not None  # reads are not blocked
            holder.execute("ROLLBACK")
        assert cache.get("https://b.example/") is None
        assert cache.put(make_page("https://b.example/")) is PutOutcome.ADDED


def test_second_writer_succeeds_when_the_lock_is_released_in_time(
    cache_path: Path, make_page
) -> None:
    with CrawlCache.open(cache_path, busy_timeout_s=5) as cache:
        with closing(
            sqlite3.connect(cache_path, isolation_level=None, check_same_thread=False)
        ) as holder:
            holder.execute("BEGIN IMMEDIATE")
            release = threading.Timer(0.2, lambda: holder.execute("COMMIT"))
            release.start()
            try:
                assert cache.put(make_page("https://a.example/")) is PutOutcome.ADDED
            finally:
                release.join()
        assert cache.page_count() == 1
