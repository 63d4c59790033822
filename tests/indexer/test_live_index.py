"""A running SearchService across reindexes: generation switches, commits and threads."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from index_helpers import MemoryCache, cache_with, json_extractor, page_for, sample_articles

from indexer.build import reindex_cache
from indexer.errors import IndexNotFound
from indexer.search import SearchService
from indexer.search_types import SearchRequest


def _reindex(cache: MemoryCache, index_dir: Path, **options):
    return reindex_cache(cache, index_dir, extract=json_extractor, **options)


def test_service_follows_a_full_rebuild(tmp_path: Path) -> None:
    articles = sample_articles()
    cache = cache_with(articles[:4])
    _reindex(cache, tmp_path, full=True)
    with SearchService(tmp_path) as service:
        before = service.stats()
        assert service.search(SearchRequest(query="telescope")).total == 0
        cache.put(page_for(articles[4]))
        report = _reindex(cache, tmp_path, full=True)
        assert service.search(SearchRequest(query="telescope")).total == 1
        after = service.stats()
        assert after.generation == report.generation != before.generation
        assert after.articles == 5


def test_service_sees_incremental_commits_without_duplicates(tmp_path: Path) -> None:
    articles = sample_articles()
    cache = cache_with(articles[:3])
    _reindex(cache, tmp_path, full=True)
    with SearchService(tmp_path) as service:
        assert service.stats().articles == 3
        for number in range(4):  # several commits, so Whoosh merges segments
            cache.put(page_for(replace(articles[0], headline=f"Council edit {number}")))
            cache.put(page_for(articles[3 + number]))
            _reindex(cache, tmp_path, batch_size=1)
            result = service.search(SearchRequest(query="council", page_size=100))
            assert [hit.headline for hit in result.hits].count(f"Council edit {number}") == 1
        stats = service.stats()
        assert stats.articles == 7
        assert stats.last_seq == cache.last_seq()


def test_searches_keep_answering_through_full_rebuilds(tmp_path: Path) -> None:
    cache = cache_with(sample_articles())
    _reindex(cache, tmp_path, full=True)
    errors: list[BaseException] = []
    totals: list[int] = []
    stop = threading.Event()

    with SearchService(tmp_path) as service:

        def hammer() -> None:
            while not stop.is_set():
                try:
                    totals.append(service.search(SearchRequest(query="strike OR flood")).total)
                except BaseException as error:  # any failure fails the test
                    errors.append(error)
                    return
                # Pace like requests do; a tight loop would starve the writer of the GIL.
                time.sleep(0.001)

        threads = [threading.Thread(target=hammer) for _ in range(3)]
        for thread in threads:
            thread.start()
        try:
            generations = {_reindex(cache, tmp_path, full=True).generation for _ in range(3)}
        finally:
            stop.set()
            for thread in threads:
                thread.join(timeout=30)
        assert errors == []
        assert len(generations) == 3
        assert totals and set(totals) == {3}
        assert service.stats().generation == max(generations)


def test_each_thread_gets_its_own_searcher(tmp_path: Path) -> None:
    _reindex(cache_with(sample_articles()), tmp_path, full=True)
    with SearchService(tmp_path) as service:
        seen: dict[str, object] = {}
        lock = threading.Lock()

        def search(name: str) -> None:
            service.search(SearchRequest(query="election"))
            searcher, _generation = service._pool.current()
            again, _generation = service._pool.current()
            assert again is searcher  # long-lived, not one per request
            with lock:
                seen[name] = searcher

        threads = [threading.Thread(target=search, args=(f"t{n}",)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len({id(searcher) for searcher in seen.values()}) == 4
        # Searchers of finished threads are closed when the next thread opens one.
        service.search(SearchRequest(query="election"))
        assert all(searcher.is_closed for searcher in seen.values())


def test_service_started_before_the_first_reindex(tmp_path: Path) -> None:
    with SearchService(tmp_path) as service:
        with pytest.raises(IndexNotFound, match="reindex --full"):
            service.stats()
        _reindex(cache_with(sample_articles()[:2]), tmp_path, full=True)
        assert service.stats().articles == 2
