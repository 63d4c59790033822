"""Two admins at once: a second reindex is refused naming the lock; an import loses nothing."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawl_cache import CrawlCache, import_paths
from indexer import IndexLocked, SearchService
from indexer.build import reindex
from indexer.extraction_pool import default_extractor
from indexer.index_store import LOCK_NAME, live_document_ids, write_lock
from search_web import cli


def _records(path: Path, numbers: range, edition: int = 0) -> Path:
    lines = []
    for n in numbers:
        lines.append(
            json.dumps(
                {
                    "id": f"admin-{n}",
                    "url": f"https://gazette.example/admin/{n}",
                    "headline": f"Ferry timetable notice {n}",
                    "source": "Harbour Gazette",
                    "body": (
                        f"Notice {n}, edition {edition}: the morning ferry leaves ten minutes "
                        f"earlier from the north quay while dredging work number {n * 7} goes on "
                        "in the channel, and passengers are asked to arrive early."
                    ),
                }
            )
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _cache_ids(cache_path: Path) -> set[str]:
    with CrawlCache.open(cache_path) as cache:
        return {
            default_extractor(page.body, page.url, page.content_type).id
            for page in cache.iter_pages()
        }


@pytest.fixture
def data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    with CrawlCache.open(data / "cache.sqlite3") as cache:
        import_paths(cache, [_records(tmp_path / "first.jsonl", range(40))])
    return data


def test_second_reindex_is_refused_at_once_naming_the_lock_and_its_holder(data: Path) -> None:
    index_dir = data / "index"
    index_dir.mkdir(parents=True)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from pathlib import Path
                from indexer.index_store import write_lock
                with write_lock(Path({str(index_dir)!r})):
                    print("held", flush=True)
                    time.sleep(60)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(IndexLocked) as refused:
            reindex(data / "cache.sqlite3", index_dir, full=True)
        assert time.monotonic() - started < 2, "refused at once, not after waiting"
        message = str(refused.value)
        assert str(index_dir / LOCK_NAME) in message
        assert f"process {holder.pid}" in message

        result = CliRunner().invoke(cli.main, ["--data-dir", str(data), "reindex"])
        assert result.exit_code == 1
        assert LOCK_NAME in result.output and "Traceback" not in result.output
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    # The kernel dropped the dead holder's lock: the next reindex just runs.
    assert reindex(data / "cache.sqlite3", index_dir, full=True).documents == 40


def test_import_during_a_reindex_loses_no_page(data: Path, tmp_path: Path) -> None:
    """An import commits between the reindex's reads; both succeed, the next reindex has all."""
    cache_path, index_dir = data / "cache.sqlite3", data / "index"
    changed = _records(tmp_path / "second.jsonl", range(20, 70), edition=1)
    imported: list[object] = []
    calls = 0

    def import_beside() -> None:
        with CrawlCache.open(cache_path) as cache:
            imported.append(import_paths(cache, [changed], batch_size=7))

    def extract_while_importing(body: bytes, url: str, content_type: str | None):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == 10:  # mid-run: another admin imports, committing batch after batch
            worker = threading.Thread(target=import_beside)
            worker.start()
            worker.join(timeout=60)
        return default_extractor(body, url, content_type)

    first = reindex(cache_path, index_dir, full=True, extract=extract_while_importing)
    assert imported and imported[0].added == 30 and imported[0].replaced == 20  # type: ignore[attr-defined]
    assert first.failed == 0
    second = reindex(cache_path, index_dir)
    assert second.failed == 0
    ids = live_document_ids(index_dir)
    assert len(ids) == len(set(ids)) == 70
    assert set(ids) == _cache_ids(cache_path)
    with SearchService(index_dir) as service:
        article = service.get_article(sorted(ids)[0])
        assert article is not None


def test_an_import_waits_for_the_reindex_lock_never(data: Path, tmp_path: Path) -> None:
    """The index lock is the indexer's alone: an import runs while a reindex holds it."""
    with write_lock(data / "index"), CrawlCache.open(data / "cache.sqlite3") as cache:
        started = time.monotonic()
        report = import_paths(cache, [_records(tmp_path / "more.jsonl", range(40, 45))])
        assert report.added == 5
        assert time.monotonic() - started < 5
