"""Counts, sort keys and lengths read from columns held in memory match Whoosh's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from feature_articles import feature_articles
from index_helpers import build_index, live_searcher
from whoosh import query as wq
from whoosh import sorting
from whoosh.searching import Searcher

from indexer.facets import _fast_count, facet_type, matching_docs
from indexer.query import parse_query
from indexer.schema import FACET_FIELDS
from indexer.scoring import field_lengths
from indexer.story_grouping import HeldColumnFacet, StoryCount, StoryKeys, newest_first
from indexer.syndication import CLUSTER_FIELD

QUERIES = ["strike", "strike port", "strike AND port", "strike -port", '"the port"', "zzzunknown"]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_index(tmp_path_factory.mktemp("counting"), feature_articles())


@pytest.fixture()
def searcher(index_dir: Path) -> Iterator[Searcher]:
    with live_searcher(index_dir) as opened:
        yield opened


def _query(searcher: Searcher, text: str) -> wq.Query:
    parsed = parse_query(text, searcher.schema, reader=searcher.reader())
    return parsed.matching if parsed.matching is not None else wq.NullQuery


@pytest.mark.parametrize("text", [*QUERIES, ""])
@pytest.mark.parametrize("by_story", [False, True])
def test_fast_counts_equal_whooshs_grouped_counts(
    searcher: Searcher, text: str, by_story: bool
) -> None:
    query = wq.Every() if not text else _query(searcher, text)

    def facets() -> dict[str, sorting.FacetType]:
        keys = StoryKeys(searcher) if by_story else None
        chosen: dict[str, sorting.FacetType] = {
            name: facet_type(name, StoryCount(keys) if keys else None) for name in FACET_FIELDS
        }
        chosen["_cluster"] = sorting.FieldFacet(CLUSTER_FIELD, maptype=sorting.Count)
        chosen["_published"] = sorting.FieldFacet("published", maptype=sorting.Count)
        return chosen

    for filter_query in (None, wq.Term(FACET_FIELDS["language"], "en")):
        fast = _fast_count(searcher, query, filter_query, facets(), None)
        assert fast is not None
        total, counts, partial = fast
        expected = searcher.search(
            query, limit=None, filter=filter_query, groupedby=facets(), scored=False
        )
        assert not partial
        assert total == len(expected)
        assert counts == {name: dict(expected.groups(name)) for name in counts}


@pytest.mark.parametrize("text", QUERIES)
def test_matching_docs_are_whooshs_matches(searcher: Searcher, text: str) -> None:
    query = _query(searcher, text)
    assert matching_docs(searcher, query) == set(searcher.docs_for_query(query))


def test_held_sort_and_collapse_keys_order_like_whooshs(searcher: Searcher) -> None:
    every = wq.Every()
    held = searcher.search(every, limit=None, sortedby=newest_first())
    plain = searcher.search(
        every, limit=None, sortedby=sorting.FieldFacet("published", reverse=True)
    )
    assert [hit.docnum for hit in held] == [hit.docnum for hit in plain]
    kept = searcher.search(every, limit=None, collapse=HeldColumnFacet(CLUSTER_FIELD))
    whooshs = searcher.search(every, limit=None, collapse=sorting.FieldFacet(CLUSTER_FIELD))
    assert sorted(hit.docnum for hit in kept) == sorted(hit.docnum for hit in whooshs)
    assert len(kept) < searcher.doc_count_all() or not StoryKeys(searcher)._shared


def test_field_lengths_are_the_readers_lengths(searcher: Searcher) -> None:
    reader = searcher.reader()
    for leaf, _offset in reader.leaf_readers():
        for field in ("headline", "body"):
            lengths = field_lengths(leaf, field)
            assert lengths is not None
            assert lengths == [
                leaf.doc_field_length(docnum, field, 1) for docnum in range(leaf.doc_count_all())
            ]
