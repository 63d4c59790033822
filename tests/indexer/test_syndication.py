"""Syndicated copies: signatures, story clusters at index time, and collapsing at search time."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from feature_articles import UNRELATED_BODY, WIRE_BODY, WIRE_COPY_BODY, feature_articles
from index_helpers import cache_with, json_extractor, page_for

from indexer.build import reindex_cache
from indexer.search import SearchService
from indexer.search_types import SearchRequest
from indexer.syndication import (
    BANDS,
    SAME_STORY,
    StoryClusters,
    band_keys,
    body_signature,
    signature_from_bytes,
    signature_to_bytes,
    similarity,
)


def _signature(body: str):  # type: ignore[no-untyped-def]
    signature = body_signature(body)
    assert signature is not None
    return signature


def test_short_bodies_get_no_signature() -> None:
    assert body_signature("Too short to compare.") is None
    assert body_signature(None) is None


def test_copies_are_similar_and_other_stories_are_not() -> None:
    wire, copy, other = map(_signature, (WIRE_BODY, WIRE_COPY_BODY, UNRELATED_BODY))
    assert similarity(wire, _signature(WIRE_BODY)) == 1.0
    assert similarity(wire, copy) >= SAME_STORY
    assert similarity(wire, other) < 0.2
    # Case, accents and spacing are not edits.
    assert similarity(wire, _signature(WIRE_BODY.upper().replace(" ", "  "))) == 1.0


def test_signatures_survive_the_column_round_trip() -> None:
    wire = _signature(WIRE_BODY)
    assert (signature_from_bytes(signature_to_bytes(wire)) == wire).all()
    assert signature_from_bytes(b"short") is None
    assert len(band_keys(wire)) == BANDS == len(set(band_keys(wire)))


def test_story_clusters_join_the_first_copy() -> None:
    clusters = StoryClusters()
    assert clusters.assign("first", _signature(WIRE_BODY), None) == "first"
    assert clusters.assign("other", _signature(UNRELATED_BODY), None) == "other"
    assert clusters.assign("second", _signature(WIRE_COPY_BODY), None) == "first"
    assert clusters.assign("unsigned", None, None) == "unsigned"


# -- in the index ------------------------------------------------------------------


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("syndication")
    reindex_cache(cache_with(feature_articles()), path, full=True, extract=json_extractor)
    return path


@pytest.fixture()
def service(index_dir: Path) -> Iterator[SearchService]:
    with SearchService(index_dir) as opened:
        yield opened


def test_copies_collapse_into_the_earliest(service: SearchService) -> None:
    result = service.search(SearchRequest(query="brannock ferry crews"))
    ids = [hit.id for hit in result.hits]
    assert "f-wire-1" in ids and "f-wire-2" not in ids
    wire = next(hit for hit in result.hits if hit.id == "f-wire-1")
    assert [copy.id for copy in wire.copies] == ["f-wire-2"]
    assert wire.copies[0].source == "Northern Courier"
    assert wire.copies[0].published == "2024-03-20T11:30:00Z"
    assert result.total == len(result.hits)  # stories, not articles


def test_copies_can_be_listed_apart(service: SearchService) -> None:
    grouped = service.search(SearchRequest(query="brannock ferry crews"))
    apart = service.search(SearchRequest(query="brannock ferry crews", group_copies=False))
    assert {"f-wire-1", "f-wire-2"} <= {hit.id for hit in apart.hits}
    assert all(hit.copies == () for hit in apart.hits)
    assert apart.total == grouped.total + 1


def test_collapsing_works_with_filters_and_every_sort(service: SearchService) -> None:
    for sort in ("relevance", "newest", "oldest"):
        result = service.search(
            SearchRequest(query="island", sections=("Business", "News"), sort=sort)  # type: ignore[arg-type]
        )
        assert [hit.id for hit in result.hits] == ["f-wire-1"], sort
    # The later copy alone still matches a filter that excludes the earlier one.
    alone = service.search(SearchRequest(query="island", sources=("Northern Courier",)))
    assert [hit.id for hit in alone.hits] == ["f-wire-2"]


def test_related_articles_leave_out_the_story_s_own_copies(service: SearchService) -> None:
    related = service.related("f-wire-1", limit=5)
    ids = [hit.id for hit in related]
    assert "f-wire-2" not in ids and "f-wire-1" not in ids
    assert "f-german" in ids or "f-undated" in ids  # the other Brannock stories


def test_incremental_reindex_joins_an_existing_story(tmp_path: Path) -> None:
    articles = feature_articles()
    cache = cache_with(articles)
    reindex_cache(cache, tmp_path, full=True, extract=json_extractor)
    third = replace(
        next(article for article in articles if article.id == "f-wire-2"),
        id="f-wire-3",
        url="https://bote.example/en/brannock",
        source="Island Post",
        published="2024-03-21T07:00:00Z",
        body=WIRE_COPY_BODY.replace("Monday morning", "Monday"),
    )
    cache.put(page_for(third))
    report = reindex_cache(cache, tmp_path, extract=json_extractor)
    assert not report.full and report.indexed == 1
    with SearchService(tmp_path) as service:
        hits = service.search(SearchRequest(query="brannock crews")).hits
        wire = next(hit for hit in hits if hit.id == "f-wire-1")
        assert [copy.id for copy in wire.copies] == ["f-wire-2", "f-wire-3"]


def test_facets_and_timeline_count_stories_like_the_total(service: SearchService) -> None:
    grouped = service.search(SearchRequest(query="brannock ferry crews"))
    apart = service.search(SearchRequest(query="brannock ferry crews", group_copies=False))

    def counts(result, facet: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
        return {value.value: value.count for value in result.facets[facet]}

    # Both copies are English: one story, so one count once collapsed.
    assert counts(grouped, "language")["en"] == counts(apart, "language")["en"] - 1
    assert sum(counts(grouped, "language").values()) == grouped.total
    assert sum(counts(apart, "language").values()) == apart.total
    # Copies carrying different values count once under each of them.
    assert counts(grouped, "section")["Business"] == counts(grouped, "section")["News"] == 1
    # The timeline counts the story once, on its earliest copy's day (undated ones aside).
    assert grouped.total == len(grouped.hits) and apart.total == len(apart.hits)
    dated = [hit for hit in grouped.hits if hit.published]
    assert sum(bucket.count for bucket in grouped.timeline) == len(dated)
    dated_apart = [hit for hit in apart.hits if hit.published]
    assert sum(bucket.count for bucket in apart.timeline) == len(dated_apart) == len(dated) + 1
    day = {bucket.start.isoformat(): bucket.count for bucket in grouped.timeline}
    assert day["2024-03-20"] == 1


def test_a_facet_s_own_selection_still_counts_stories(service: SearchService) -> None:
    chosen = service.search(SearchRequest(query="brannock ferry crews", languages=("en",)))
    values = {value.value: value.count for value in chosen.facets["language"]}
    assert values["en"] == chosen.total
