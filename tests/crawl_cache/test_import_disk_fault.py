"""A disk that fills up during an import: a clear error, the pages committed before it kept."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawl_cache import CrawlCache, CrawlCacheError, import_paths
from crawl_cache import schema as cache_schema
from search_web import cli

# SQLite's own quota: past this many pages a write fails with SQLITE_FULL, exactly as
# on a full disk, without needing one.
MAX_PAGES = 60


def _records(path: Path, count: int, prefix: str = "disk") -> Path:
    lines = [
        json.dumps(
            {
                "id": f"{prefix}-{n}",
                "headline": f"Storm report {n}",
                # Incompressible-ish text, so the cache grows with every record.
                "body": " ".join(f"w{(n * 7919 + k * 104729) % 99991:05d}" for k in range(400)),
            }
        )
        for n in range(count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def filling_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every cache connection opened from now on gets a small page quota."""
    real_connect = cache_schema.connect

    def connect_with_quota(path: Path, *, busy_timeout_s: float) -> sqlite3.Connection:
        conn = real_connect(path, busy_timeout_s=busy_timeout_s)
        conn.execute(f"PRAGMA max_page_count = {MAX_PAGES}")
        return conn

    monkeypatch.setattr(cache_schema, "connect", connect_with_quota)
    monkeypatch.setattr("crawl_cache.store.connect", connect_with_quota)


def _pages(cache_path: Path) -> dict[str, str]:
    with CrawlCache.open(cache_path) as cache:
        assert cache.check() == []
        return {page.url: page.content_hash for page in cache.iter_pages()}


def test_full_disk_ends_the_import_with_a_clear_error(tmp_path: Path, filling_disk: None) -> None:
    cache_path = tmp_path / "data" / "cache.sqlite3"
    with CrawlCache.open(cache_path) as cache:
        small = import_paths(cache, [_records(tmp_path / "small.jsonl", 5, "early")])
        with pytest.raises(CrawlCacheError) as full:
            import_paths(cache, [_records(tmp_path / "big.jsonl", 2000)], batch_size=20)
    message = str(full.value)
    assert "no space left" in message and str(cache_path) in message
    assert "committed before is kept" in message
    pages = _pages(cache_path)
    assert small.added == 5
    # Every batch committed before the disk filled is there, whole.
    assert len(pages) >= 5 and len(pages) % 20 == 5


def test_import_command_on_a_full_disk_prints_one_line(tmp_path: Path, filling_disk: None) -> None:
    data = tmp_path / "data"
    result = CliRunner().invoke(
        cli.main, ["--data-dir", str(data), "import", str(_records(tmp_path / "r.jsonl", 2000))]
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "no space left" in errors[0]
    # The cache is sound and holds whole batches only (200 a batch by default).
    assert len(_pages(data / "cache.sqlite3")) % 200 == 0


def test_a_later_import_with_room_completes_the_cache(tmp_path: Path, filling_disk: None) -> None:
    cache_path = tmp_path / "data" / "cache.sqlite3"
    source = _records(tmp_path / "r.jsonl", 300)
    with CrawlCache.open(cache_path) as cache, pytest.raises(CrawlCacheError):
        import_paths(cache, [source])
    kept = _pages(cache_path)
    with CrawlCache.open(cache_path) as cache:
        assert cache._conn is not None
        cache._conn.execute("PRAGMA max_page_count = 1000000")  # space freed
        report = import_paths(cache, [source])
    assert report.added + report.unchanged == 300
    assert report.unchanged == len(kept)
    after = _pages(cache_path)
    assert len(after) == 300
    assert all(after[url] == digest for url, digest in kept.items())
