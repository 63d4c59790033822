"""Search features on the bundled demo collection: its two wire stories carried twice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crawl_cache import CrawlCache, import_paths
from indexer import reindex
from indexer.search import SearchService
from indexer.search_types import SearchRequest

COLLECTION = Path(__file__).resolve().parents[2] / "search_web" / "demo_collection"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchService]:
    data = tmp_path_factory.mktemp("demo")
    with CrawlCache.open(data / "cache.sqlite3") as cache:
        import_paths(cache, [COLLECTION])
    report = reindex(data / "cache.sqlite3", data / "index", full=True)
    assert report.failed == 0
    with SearchService(data / "index") as opened:
        yield opened


def _story(service: SearchService, query: str, source: str):  # type: ignore[no-untyped-def]
    result = service.search(SearchRequest(query=query, page_size=50))
    return result, next(hit for hit in result.hits if hit.source == source)


def test_port_strike_wire_story_shows_once_with_its_copy(service: SearchService) -> None:
    result, hit = _story(service, "varnholm port strike ships", "The Harbour Gazette")
    assert hit.headline == "Ships queue off Varnholm as port strike enters second week"
    assert [copy.source for copy in hit.copies] == ["The Lantern Post"]
    assert hit.copies[0].headline == "Forty ships stuck at anchor as Varnholm strike drags on"
    headlines = [found.headline for found in result.hits]
    assert "Forty ships stuck at anchor as Varnholm strike drags on" not in headlines


def test_bank_deal_wire_story_shows_once_with_its_copy(service: SearchService) -> None:
    result, hit = _story(service, "corvane saltmere takeover", "Northfield Courier")
    assert hit.headline == "Corvane Bank to buy Saltmere Mutual in €1.2bn deal"  # the earlier copy
    assert [copy.source for copy in hit.copies] == ["Meridian Daily"]
    assert all(found.source != "Meridian Daily" or found.copies == () for found in result.hits)
    ungrouped = service.search(
        SearchRequest(query="corvane saltmere takeover", page_size=50, group_copies=False)
    )
    # Copies are near-identical, so each one matches wherever its story does.
    assert ungrouped.total == result.total + sum(len(found.copies) for found in result.hits)


def test_key_terms_of_a_multilingual_result_skip_foreign_stop_words(
    service: SearchService,
) -> None:
    result = service.search(SearchRequest(query="corvane saltmere takeover"))
    assert result.key_terms
    assert not {"de", "la", "le", "der", "die", "und"} & set(result.key_terms)


def test_no_other_demo_stories_are_grouped(service: SearchService) -> None:
    everything = service.search(SearchRequest(page_size=100))
    assert everything.total == service.stats().articles - 2
    assert sorted(len(hit.copies) for hit in everything.hits if hit.copies) == [1, 1]


def test_related_articles_skip_the_copy(service: SearchService) -> None:
    _result, hit = _story(service, "corvane saltmere takeover", "Northfield Courier")
    related = service.related(hit.id, limit=5)
    assert hit.copies[0].id not in {found.id for found in related}
    assert any("Saltmere" in (found.headline or "") for found in related)
