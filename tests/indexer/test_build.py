"""Reindexing: full and incremental builds, duplicates, crash resume, the lock, failures, pools."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from index_helpers import MemoryCache, cache_with, json_extractor, page_for, sample_articles
from whoosh import index as whoosh_index
from whoosh import query as wq

import indexer.build as build
from indexer.errors import IndexLocked
from indexer.index_store import read_pointer, read_state, write_lock
from indexer.search import SearchService
from indexer.search_types import SearchRequest


def _reindex(cache: MemoryCache, index_dir: Path, **options):
    return build.reindex_cache(cache, index_dir, extract=json_extractor, **options)


def _documents(index_dir: Path) -> list[dict]:
    """Every live document's stored fields in the live generation, sorted by id."""
    pointer = read_pointer(index_dir)
    assert pointer is not None
    ix = whoosh_index.open_dir(str(index_dir / pointer.generation / "whoosh"))
    with ix.searcher() as searcher:
        found = [dict(fields) for fields in searcher.documents()]
    return sorted(found, key=lambda fields: fields["id"])


def _headlines(index_dir: Path) -> dict[str, str]:
    return {doc["id"]: json.loads(doc["article"])["headline"] for doc in _documents(index_dir)}


def test_full_build_creates_a_live_generation(tmp_path: Path) -> None:
    cache = cache_with(sample_articles())
    progress: list[tuple[int, int | None]] = []
    report = _reindex(
        cache, tmp_path, full=True, progress=lambda done, total: progress.append((done, total))
    )
    assert report.full
    assert (report.pages, report.indexed, report.failed, report.documents) == (8, 8, 0, 8)
    assert report.last_seq == 8
    pointer = read_pointer(tmp_path)
    assert pointer is not None and pointer.generation == report.generation
    state = read_state(tmp_path, report.generation)
    assert state is not None and state.last_seq == 8
    assert progress[-1] == (8, 8)
    assert len(_documents(tmp_path)) == 8


def test_incremental_without_an_index_does_a_full_build(tmp_path: Path) -> None:
    report = _reindex(cache_with(sample_articles()[:3]), tmp_path)
    assert report.full
    assert report.documents == 3


def test_incremental_reads_only_new_and_changed_pages(tmp_path: Path) -> None:
    articles = sample_articles()
    cache = cache_with(articles[:5])
    _reindex(cache, tmp_path, full=True)
    cache.put(page_for(articles[5]))
    cache.put(page_for(replace(articles[0], headline="Council delays election rules")))
    report = _reindex(cache, tmp_path)
    assert not report.full
    assert (report.pages, report.indexed, report.documents) == (2, 2, 6)
    assert cache.reads[-1] == 5  # asked the feed only for what came after seq 5
    assert _headlines(tmp_path)["a-council"] == "Council delays election rules"
    again = _reindex(cache, tmp_path)
    assert (again.pages, again.indexed, again.documents) == (0, 0, 6)


def test_two_pages_with_one_article_id_keep_the_later(tmp_path: Path) -> None:
    first = sample_articles()[0]
    cache = MemoryCache()
    cache.put(page_for(first, "https://harbour.example/print/council"))
    cache.put(page_for(replace(first, headline="Later copy wins"), "https://harbour.example/amp/c"))
    report = _reindex(cache, tmp_path, full=True)
    assert report.documents == 1
    assert report.skipped == 1
    assert _headlines(tmp_path) == {"a-council": "Later copy wins"}


@pytest.mark.parametrize("full", [True, False])
def test_duplicates_across_commit_batches_leave_one_document(tmp_path: Path, full: bool) -> None:
    articles = sample_articles()
    cache = cache_with(articles[:2])
    _reindex(cache, tmp_path, full=True)
    for number in range(3):
        cache.put(
            page_for(replace(articles[0], headline=f"Edit {number}"), f"https://m.example/{number}")
        )
    report = _reindex(cache, tmp_path, full=full, batch_size=1)
    assert report.documents == 2
    assert _headlines(tmp_path)["a-council"] == "Edit 2"


def test_refetched_page_with_new_canonical_url_replaces_its_old_document(tmp_path: Path) -> None:
    article = sample_articles()[0]
    cache = MemoryCache()
    cache.put(page_for(article, "https://harbour.example/p/1"))
    _reindex(cache, tmp_path, full=True)
    cache.put(page_for(replace(article, id="a-council-v2"), "https://harbour.example/p/1"))
    report = _reindex(cache, tmp_path)
    assert report.documents == 1
    assert list(_headlines(tmp_path)) == ["a-council-v2"]


def test_killed_incremental_run_resumes_without_duplicates(tmp_path: Path, monkeypatch) -> None:
    articles = sample_articles()
    cache = cache_with(articles[:2])
    _reindex(cache, tmp_path, full=True)
    for article in articles[2:]:
        cache.put(page_for(article))
    real_write_state = build.write_state

    def crash_after_commit(index_dir, state):
        raise KeyboardInterrupt("killed between commit and state write")

    monkeypatch.setattr(build, "write_state", crash_after_commit)
    with pytest.raises(KeyboardInterrupt):
        _reindex(cache, tmp_path, batch_size=2)
    generation = read_pointer(tmp_path).generation
    assert read_state(tmp_path, generation).last_seq == 2  # not advanced
    monkeypatch.setattr(build, "write_state", real_write_state)
    report = _reindex(cache, tmp_path, batch_size=2)
    assert report.pages == 6  # replayed from the last recorded seq
    ids = [doc["id"] for doc in _documents(tmp_path)]
    assert len(ids) == len(set(ids)) == 8
    assert read_state(tmp_path, generation).last_seq == 8


def test_second_writer_is_refused_at_once(tmp_path: Path) -> None:
    cache = cache_with(sample_articles()[:2])
    with write_lock(tmp_path):
        started = time.monotonic()
        with pytest.raises(IndexLocked, match="another reindex"):
            _reindex(cache, tmp_path, full=True)
        assert time.monotonic() - started < 2
    assert _reindex(cache, tmp_path, full=True).documents == 2  # released afterwards


def test_failing_pages_are_skipped_reported_and_recorded(tmp_path: Path) -> None:
    articles = sample_articles()
    cache = cache_with(articles[:3])
    cache.put(page_for(articles[3], "https://junk.example/broken", broken=True))
    crash = replace(page_for(articles[4], "https://junk.example/crash"), body=b"CRASH")
    cache.put(crash)
    report = _reindex(cache, tmp_path, full=True)
    assert (report.pages, report.failed, report.documents) == (5, 2, 3)
    reasons = dict(report.failures)
    assert "ExtractionError" in reasons["https://junk.example/broken"]
    assert "ValueError: parser blew up" in reasons["https://junk.example/crash"]
    assert [(url, stage) for url, _reason, stage in cache.failures] == [
        ("https://junk.example/broken", "extract"),
        ("https://junk.example/crash", "extract"),
    ]


def test_full_rebuild_keeps_only_live_and_previous_generations(tmp_path: Path) -> None:
    cache = cache_with(sample_articles()[:2])
    generations = [_reindex(cache, tmp_path, full=True).generation for _ in range(3)]
    assert generations == sorted(set(generations))
    on_disk = sorted(path.name for path in tmp_path.iterdir() if path.is_dir())
    assert on_disk == generations[1:]
    assert read_pointer(tmp_path).previous == generations[1]


def test_interrupted_full_build_never_goes_live(tmp_path: Path, monkeypatch) -> None:
    cache = cache_with(sample_articles()[:2])
    live = _reindex(cache, tmp_path, full=True).generation
    monkeypatch.setattr(
        build, "write_pointer", lambda *args: (_ for _ in ()).throw(OSError("disk"))
    )
    with pytest.raises(OSError):
        _reindex(cache, tmp_path, full=True)
    assert read_pointer(tmp_path).generation == live


def test_process_pool_builds_the_same_index(tmp_path: Path) -> None:
    articles = sample_articles()
    cache = cache_with(articles)
    cache.put(page_for(articles[0], "https://junk.example/broken", broken=True))
    single = _reindex(cache, tmp_path / "one", full=True, workers=1)
    pooled = _reindex(cache, tmp_path / "two", full=True, workers=2)
    assert (pooled.documents, pooled.failed) == (single.documents, single.failed) == (8, 1)
    assert _documents(tmp_path / "one") == _documents(tmp_path / "two")
    for index_dir in (tmp_path / "one", tmp_path / "two"):
        pointer = read_pointer(index_dir)
        ix = whoosh_index.open_dir(str(index_dir / pointer.generation / "whoosh"))
        with ix.searcher() as searcher:
            assert searcher.doc_count() == 8
            assert len(searcher.search(wq.Term("body", "strike"), limit=None)) == 1


def test_empty_cache_builds_an_empty_searchable_index(tmp_path: Path) -> None:
    report = _reindex(MemoryCache(), tmp_path, full=True)
    assert report.documents == 0
    with SearchService(tmp_path) as service:
        assert service.search(SearchRequest(query="strike")).total == 0
        assert service.stats().articles == 0


def test_lock_of_a_killed_writer_is_released(tmp_path: Path) -> None:
    repo = Path(__file__).resolve().parents[2]
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from indexer.index_store import write_lock\n"
            "with write_lock(Path(sys.argv[1])):\n"
            "    print('held', flush=True)\n"
            "    time.sleep(60)\n",
            str(tmp_path),
        ],
        cwd=repo,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        cache = cache_with(sample_articles()[:1])
        with pytest.raises(IndexLocked):
            _reindex(cache, tmp_path, full=True)
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    assert _reindex(cache, tmp_path, full=True).documents == 1


def test_pages_the_crawler_marked_as_not_articles_are_not_indexed(tmp_path: Path) -> None:
    articles = sample_articles()
    cache = cache_with(articles[:3])
    section_page = replace(page_for(articles[3]), is_article=False)
    cache.put(section_page)
    report = _reindex(cache, tmp_path, full=True)
    assert report.documents == 3
    assert articles[3].id not in _headlines(tmp_path)
