"""The result cache: repeated queries answered from memory until the index changes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from index_helpers import cache_with, json_extractor, page_for, sample_articles

import indexer.build as build
from indexer.result_cache import ResultCache, cacheable
from indexer.search import SearchService
from indexer.search_types import SearchRequest, SearchResult


def _result(request: SearchRequest, total: int = 1) -> SearchResult:
    return SearchResult(request=request, total=total, hits=(), facets={})


def test_cache_answers_the_same_request_on_the_same_state() -> None:
    cache = ResultCache(max_entries=4)
    request = SearchRequest(query="strike")
    assert cache.get(request, ("000001", 1)) is None
    cache.put(request, ("000001", 1), _result(request))
    assert cache.get(SearchRequest(query="strike"), ("000001", 1)) is not None
    assert cache.get(SearchRequest(query="strike", page=2), ("000001", 1)) is None
    assert (cache.hits, cache.misses) == (1, 2)


def test_a_new_index_state_empties_the_cache() -> None:
    cache = ResultCache()
    request = SearchRequest(query="strike")
    cache.put(request, ("000001", 1), _result(request))
    assert cache.get(request, ("000001", 2)) is None
    assert len(cache) == 0
    # A result computed on the old state arriving late is not kept.
    cache.put(request, ("000001", 1), _result(request))
    assert cache.get(request, ("000001", 2)) is None


def test_least_recently_used_entries_go_first() -> None:
    cache = ResultCache(max_entries=2)
    state = ("g", 1)
    requests = [SearchRequest(query=word) for word in ("a", "b", "c")]
    cache.put(requests[0], state, _result(requests[0]))
    cache.put(requests[1], state, _result(requests[1]))
    assert cache.get(requests[0], state) is not None
    cache.put(requests[2], state, _result(requests[2]))
    assert cache.get(requests[1], state) is None
    assert cache.get(requests[0], state) is not None


def test_clock_dependent_and_partial_results_are_not_cached() -> None:
    assert not cacheable(SearchRequest(query="strike when:24h"))
    assert not cacheable(SearchRequest(query="strike", fresh=True))
    assert cacheable(SearchRequest(query="strike"))
    cache = ResultCache()
    request = SearchRequest(query="strike")
    cache.put(request, ("g", 1), replace(_result(request), partial=True))
    assert cache.get(request, ("g", 1)) is None


def test_service_serves_repeats_from_cache_until_a_reindex(tmp_path: Path) -> None:
    articles = sample_articles()
    cache = cache_with(articles[:4])
    build.reindex_cache(cache, tmp_path, full=True, extract=json_extractor)
    with SearchService(tmp_path) as service:
        request = SearchRequest(query="ferry strike lighthouse")
        first = service.search(request)
        second = service.search(request)
        assert second.total == first.total
        assert [hit.id for hit in second.hits] == [hit.id for hit in first.hits]
        assert service._results.hits == 1
        # An incremental reindex commits new documents: the next search sees them.
        extra = replace(articles[1], id="late-strike", url="https://coastal.example/late")
        cache.put(page_for(extra))
        build.reindex_cache(cache, tmp_path, extract=json_extractor)
        third = service.search(request)
        assert "late-strike" in {hit.id for hit in third.hits} | {
            copy.id for hit in third.hits for copy in hit.copies
        }
        assert service._results.hits == 1
