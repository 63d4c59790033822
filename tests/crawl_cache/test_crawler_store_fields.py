"""Store additions the crawler relies on: is_article, cached URLs, failures per stage."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from crawl_cache import CachedPage, CrawlCache

OLD_PAGES = """CREATE TABLE pages (
    url TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, final_url TEXT, status INTEGER NOT NULL,
    content_type TEXT, charset TEXT, etag TEXT, last_modified TEXT, fetched_at TEXT NOT NULL,
    content_hash TEXT NOT NULL, raw_length INTEGER NOT NULL, body_codec TEXT NOT NULL,
    stored_length INTEGER NOT NULL, body BLOB NOT NULL)"""


def test_a_file_from_before_is_article_gains_the_column(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with closing(sqlite3.connect(path)) as raw, raw:
        raw.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
        raw.execute(OLD_PAGES)
        raw.execute(
            "CREATE TABLE failures (id INTEGER PRIMARY KEY AUTOINCREMENT, source TEXT NOT NULL, "
            "reason TEXT NOT NULL, stage TEXT NOT NULL, at TEXT NOT NULL)"
        )
        raw.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("format", "broadsheet-crawl-cache"), ("schema_version", "1"), ("last_seq", "1"),
             ("created_at", "2024-03-01T09:00:00+00:00")],
        )  # fmt: skip
        raw.execute(
            "INSERT INTO pages VALUES ('https://a.example/', 1, NULL, 200, 'text/html', NULL, "
            "NULL, NULL, '2024-03-01T09:00:00+00:00', ?, 5, 'identity', 5, ?)",
            ("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", b"hello"),
        )
    with CrawlCache.open(path) as cache:
        assert cache.get("https://a.example/").is_article is None
        cache.put(CachedPage.create("https://a.example/b", b"<p>x</p>", is_article=True))
        cache.put(CachedPage.create("https://a.example/c", b"<p>y</p>", is_article=False))
        assert cache.get("https://a.example/b").is_article is True
        assert cache.get("https://a.example/c").is_article is False
        assert cache.check() == []


def test_iter_urls_and_failure_counts(tmp_path: Path) -> None:
    with CrawlCache.open(tmp_path / "cache.sqlite3") as cache:
        for n in range(5):
            cache.put(CachedPage.create(f"https://a.example/{n}", f"<p>{n}</p>".encode()))
        assert list(cache.iter_urls(batch_size=2)) == [f"https://a.example/{n}" for n in range(5)]
        cache.record_failure("https://a.example/x", "HTTP 404", stage="crawl")
        cache.record_failure("https://a.example/y", "timeout", stage="crawl")
        cache.record_failure("/tmp/z.html", "empty file")
        assert cache.failure_counts() == {"crawl": 2, "import": 1}
