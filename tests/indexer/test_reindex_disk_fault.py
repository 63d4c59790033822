"""A disk filling up during a reindex: a clear error, the live index serving on, cache untouched."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from whoosh.filedb.filestore import FileStorage

from crawl_cache import CrawlCache, import_paths
from indexer import SearchRequest, SearchService
from indexer.build import reindex
from indexer.errors import IndexWriteFailed
from indexer.index_store import live_document_ids, verify_live
from search_web import cli


def _records(path: Path, numbers: range, edition: int = 0) -> Path:
    lines = [
        json.dumps(
            {
                "id": f"full-{n}",
                "headline": f"Lighthouse keeper log {n}",
                "body": (
                    f"Entry {n}, edition {edition}: the lamp was lit at dusk, the fog horn "
                    f"sounded {n + 3} times and a cargo ship passed the reef at midnight."
                ),
            }
        )
        for n in numbers
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    with CrawlCache.open(data / "cache.sqlite3") as cache:
        import_paths(cache, [_records(tmp_path / "a.jsonl", range(30))])
    reindex(data / "cache.sqlite3", data / "index", full=True)
    with CrawlCache.open(data / "cache.sqlite3") as cache:
        import_paths(cache, [_records(tmp_path / "b.jsonl", range(20, 50), edition=1)])
    return data


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Whoosh's file creation fails with ENOSPC, the way a full disk fails it."""
    attempts: list[str] = []

    def no_space(self: FileStorage, name: str, *args: object, **kwargs: object) -> None:
        attempts.append(name)
        raise OSError(errno.ENOSPC, "No space left on device", f"{self.folder}/{name}")

    monkeypatch.setattr(FileStorage, "create_file", no_space)
    return attempts


def _cache_state(data: Path) -> tuple[object, ...]:
    with CrawlCache.open(data / "cache.sqlite3") as cache:
        assert cache.check() == []
        pages = tuple((p.url, p.seq, p.content_hash) for p in cache.iter_pages())
        return pages, cache.last_seq()


def _serving(data: Path) -> int:
    with SearchService(data / "index") as service:
        return service.search(SearchRequest(query="lighthouse", group_copies=False)).total


@pytest.mark.parametrize("full", [True, False], ids=["full", "incremental"])
def test_full_disk_during_reindex(data: Path, full_disk: list[str], full: bool) -> None:
    cache_before = _cache_state(data)
    live = verify_live(data / "index").generation
    with pytest.raises(IndexWriteFailed) as failed:
        reindex(data / "cache.sqlite3", data / "index", full=full)
    assert full_disk, "the fault was injected at a whoosh write"
    message = str(failed.value)
    assert "No space left on device" in message
    assert "live index is unchanged" in message and "broadsheet reindex --full" in message
    assert _cache_state(data) == cache_before
    assert verify_live(data / "index").generation == live
    assert _serving(data) == 30
    dirs = sorted(p.name for p in (data / "index").iterdir() if p.is_dir())
    assert dirs == [live], "the half-built generation was removed"


def test_after_space_is_freed_the_next_reindex_catches_up(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_create = FileStorage.create_file
    monkeypatch.setattr(
        FileStorage,
        "create_file",
        lambda self, name, *a, **k: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space")),
    )
    with pytest.raises(IndexWriteFailed):
        reindex(data / "cache.sqlite3", data / "index")
    monkeypatch.setattr(FileStorage, "create_file", real_create)
    report = reindex(data / "cache.sqlite3", data / "index")
    assert report.documents == 50
    ids = live_document_ids(data / "index")
    assert len(ids) == len(set(ids)) == 50


def test_reindex_command_on_a_full_disk_prints_one_line(data: Path, full_disk: list[str]) -> None:
    result = CliRunner().invoke(cli.main, ["--data-dir", str(data), "reindex", "--full"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "No space left on device" in errors[0]
