"""Matches recorded while ranking, and collapsing by held keys, give what Whoosh's own ways give."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from feature_articles import feature_articles
from index_helpers import build_index, live_searcher
from whoosh import query as wq
from whoosh.searching import Searcher

import indexer.search as search_module
from indexer.collecting import MatchRecord, timed_search
from indexer.facets import CountCache, count_matches, matching_docs
from indexer.query import parse_query
from indexer.search import SearchService
from indexer.search_types import SearchRequest, SortOrder
from indexer.story_grouping import collapse_options, newest_first

QUERIES = [
    "brannock",
    "ferry strike",
    '"lighthouse keeper"',
    '"brannock crossing" OR kyiv',
    "crews AND island",
    "talks -kiev",
    "island OR talks OR ferry",
]


def _articles():
    articles = feature_articles()
    # More copies of the wire story and of the twins, so stories collapse at every limit.
    extra = [
        replace(article, id=f"{article.id}x{number}", url=f"{article.url}?copy={number}")
        for number in range(3)
        for article in articles
        if article.url
    ]
    return articles + extra


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_index(tmp_path_factory.mktemp("recorded"), _articles())


@pytest.fixture()
def searcher(index_dir: Path) -> Iterator[Searcher]:
    with live_searcher(index_dir) as opened:
        yield opened


def _query(searcher: Searcher, text: str) -> wq.Query:
    matching = parse_query(text, searcher.schema, reader=searcher.reader()).matching
    assert matching is not None
    return matching


def _page(results) -> list[tuple[int, float | None]]:
    return [(hit.docnum, hit.score) for hit in results]


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("limit", [1, 2, 50])
@pytest.mark.parametrize("collapse", [True, False])
def test_recorded_matches_are_every_match(searcher, text, limit, collapse) -> None:
    query = _query(searcher, text)
    options = collapse_options() if collapse else {}
    record = MatchRecord()
    recorded, _partial = timed_search(searcher, query, None, limit=limit, record=record, **options)
    plain, _partial = timed_search(searcher, query, None, limit=limit, **options)
    every = set(searcher.docs_for_query(query))
    assert every == matching_docs(searcher, query)
    assert record.docs <= every
    if record.complete:
        assert record.docs == every
    if limit == 50:  # more than match: nothing can be skipped
        assert record.complete
    assert _page(recorded) == _page(plain)


def test_a_narrowed_search_is_not_complete(searcher) -> None:
    query = _query(searcher, "island OR talks OR ferry")
    assert len(set(searcher.docs_for_query(query))) > 2
    record = MatchRecord()
    timed_search(searcher, query, None, limit=1, record=record)
    assert not record.complete


def test_a_cut_short_search_is_not_complete(searcher) -> None:
    record = MatchRecord()
    _results, partial = timed_search(searcher, _query(searcher, "brannock"), 0.0, record=record)
    assert partial and not record.complete


@pytest.mark.parametrize("text", QUERIES)
def test_recorded_matches_of_a_sorted_page(searcher, text) -> None:
    query = _query(searcher, text)
    record = MatchRecord()
    timed_search(
        searcher, query, None, limit=1, sortedby=newest_first(), scored=False, record=record
    )
    assert record.complete and record.docs == set(searcher.docs_for_query(query))


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("limit", [1, 2, 3, 50])
def test_collapsing_by_held_keys_is_whooshs_collapse(searcher, text, limit) -> None:
    query = _query(searcher, text)
    ours, _partial = timed_search(searcher, query, None, limit=limit, **collapse_options())
    theirs = searcher.search(query, limit=limit, **collapse_options())
    assert _page(ours) == _page(theirs)
    assert dict(ours.collapsed_counts) == dict(theirs.collapsed_counts)
    assert ours.scored_length() == theirs.scored_length()


@pytest.mark.parametrize("text", QUERIES)
def test_counts_from_recorded_matches(searcher, text) -> None:
    query = _query(searcher, text)
    filters = {"source": wq.Term("source_facet", "wire")}
    recorded = matching_docs(searcher, query)
    for chosen in ({}, filters):
        for by_story in (False, True):
            expected = count_matches(searcher, query, chosen, "a", CountCache(0), by_story=by_story)
            found = count_matches(
                searcher, query, chosen, "a", CountCache(0), by_story=by_story, matched=recorded
            )
            assert found == expected


REQUESTS = [
    SearchRequest(query=text, sort=sort, page=page, page_size=2)
    for text in QUERIES
    for sort in (SortOrder.RELEVANCE, SortOrder.NEWEST)
    for page in (1, 2)
] + [
    SearchRequest(query='"lighthouse keeper"', sources=("Wire",)),
    SearchRequest(query='"brannock crossing"', group_copies=False),
    SearchRequest(query="brannock", sort=SortOrder.OLDEST, languages=("en",)),
]


class _NeverComplete(MatchRecord):
    """A record the counts never trust: they match the query again, as before."""

    def __setattr__(self, name, value):
        super().__setattr__(name, False if name == "complete" else value)


def test_searches_are_the_same_without_recording(index_dir, monkeypatch) -> None:
    with SearchService(index_dir, result_cache_entries=0) as service:
        recording = [service.search(request) for request in REQUESTS]
    monkeypatch.setattr(search_module, "MatchRecord", _NeverComplete)
    with SearchService(index_dir, result_cache_entries=0) as service:
        plain = [service.search(request) for request in REQUESTS]
    for ours, theirs in zip(recording, plain, strict=True):
        assert replace(ours, elapsed_ms=0) == replace(theirs, elapsed_ms=0)


def test_only_query_kinds_matched_alike_are_recorded(searcher) -> None:
    recordable = search_module._recordable
    assert recordable(_query(searcher, '"lighthouse keeper"'))
    assert recordable(_query(searcher, "ferry strike"))
    assert recordable(_query(searcher, "crews AND island"))
    assert not recordable(_query(searcher, "talks -kiev"))
    assert not recordable(wq.Every())


def _phrases(searcher: Searcher, field: str) -> list[wq.Phrase]:
    reader = searcher.reader()
    words = sorted({text.decode("utf-8") for text in reader.lexicon(field)})[:40]
    pairs = [(a, b) for a in words[:20] for b in words[:20]] + [("unheard", words[0])]
    return [wq.Phrase(field, list(pair)) for pair in pairs]


@pytest.mark.parametrize("field", ["body", "headline", "words"])
def test_two_word_phrases_match_as_whoosh_matches_them(searcher, field) -> None:
    for phrase in _phrases(searcher, field):
        assert matching_docs(searcher, phrase) == set(searcher.docs_for_query(phrase))


def test_phrases_in_segments_with_deletions(tmp_path) -> None:
    from whoosh import fields
    from whoosh.filedb.filestore import FileStorage

    schema = fields.Schema(key=fields.ID(stored=True, unique=True), body=fields.TEXT(phrase=True))
    index = FileStorage(str(tmp_path)).create_index(schema)
    texts = [
        "the port strike ended",
        "strike port strike port",
        "port port strike",
        "a strike at the port",
        "port strike",
    ]
    for part in range(2):  # two segments
        with index.writer() as writer:
            for number, text in enumerate(texts):
                writer.add_document(key=f"{part}-{number}", body=text)
    with index.writer() as writer:
        writer.delete_by_term("key", "0-4")
        writer.delete_by_term("key", "1-1")
    with index.searcher() as opened:
        assert len(opened.subsearchers) == 2
        for words in (["port", "strike"], ["strike", "port"], ["port", "port"], ["the", "port"]):
            phrase = wq.Phrase("body", words)
            found = matching_docs(opened, phrase)
            assert found == set(opened.docs_for_query(phrase))
        assert matching_docs(opened, wq.Phrase("body", ["port", "strike"]))
