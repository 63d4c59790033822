"""The search service: syntax, filters, sorting, paging, facets, snippets and spelling."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from index_helpers import cache_with, json_extractor, sample_articles

from indexer.build import reindex_cache
from indexer.errors import IndexCorrupt, IndexerError, IndexNotFound, InvalidRequest
from indexer.search import SearchService
from indexer.search_types import SearchRequest, SearchResult, SortOrder


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("index")
    reindex_cache(cache_with(sample_articles()), path, full=True, extract=json_extractor)
    return path


@pytest.fixture()
def service(index_dir: Path) -> Iterator[SearchService]:
    with SearchService(index_dir) as opened:
        yield opened


def _search(service: SearchService, query: str = "", **options) -> SearchResult:
    return service.search(SearchRequest(query=query, **options))


def _ids(result: SearchResult) -> list[str]:
    return [hit.id for hit in result.hits]


def test_words_find_stemmed_forms(service: SearchService) -> None:
    assert set(_ids(_search(service, "elections"))) == {"a-council", "a-recount"}


def test_quoted_phrase_needs_the_words_together(service: SearchService) -> None:
    assert _ids(_search(service, '"port strike"')) == ["a-port"]
    assert _ids(_search(service, '"strike port"')) == []


def test_boolean_operators(service: SearchService) -> None:
    assert set(_ids(_search(service, "strike OR flood"))) == {"a-port", "a-rail", "a-flood"}
    assert _ids(_search(service, "strike AND commute")) == ["a-rail"]
    assert _ids(_search(service, "strike NOT rail")) == ["a-port"]
    assert _ids(_search(service, "strike -rail")) == ["a-port"]


def test_field_prefixes(service: SearchService) -> None:
    assert set(_ids(_search(service, "headline:election"))) == {"a-council", "a-recount"}
    assert _ids(_search(service, "headline:ballot")) == []  # only in bodies
    assert set(_ids(_search(service, "author:silva"))) == {"a-port", "a-telescope"}
    assert set(_ids(_search(service, "source:alpine"))) == {"a-festival", "a-recount"}
    assert set(_ids(_search(service, "section:politics"))) == {"a-council", "a-recount"}


def test_headline_outranks_body(service: SearchService) -> None:
    # "galaxy" is in the telescope headline; "choir" only in the festival body.
    result = _search(service, "galaxy OR choir")
    assert _ids(result)[0] == "a-telescope"


def test_documents_matching_every_word_rank_first(service: SearchService) -> None:
    # The rail story says "strike" three ways in its headline but never "pay".
    result = _search(service, "strike pay")
    assert _ids(result)[0] == "a-port"
    assert "a-rail" in _ids(result)


def test_filters_or_within_and_across_facets(service: SearchService) -> None:
    by_source = _search(service, "", sources=("HARBOUR gazette",))
    assert set(_ids(by_source)) == {"a-council", "a-flood", "a-rail", "a-garden"}
    two_sources = _search(service, "", sources=("Alpine Post", "Coastal Times"))
    assert len(two_sources.hits) == 4
    crossed = _search(service, "", sources=("Harbour Gazette",), authors=("maria lopez",))
    assert set(_ids(crossed)) == {"a-council", "a-flood"}
    sections = _search(service, "", sections=("politics",), authors=("Maria Lopez",))
    assert set(_ids(sections)) == {"a-council", "a-recount"}


def test_date_range_is_inclusive_of_whole_days(service: SearchService) -> None:
    result = _search(service, "", date_from=date(2024, 3, 5), date_to=date(2024, 3, 7))
    assert set(_ids(result)) == {"a-council", "a-port", "a-rail"}
    since = _search(service, "", date_from=date(2024, 3, 8))
    assert _ids(since) == ["a-recount"]


def test_sort_newest_and_browse_mode(service: SearchService) -> None:
    newest = _search(service, "election OR strike", sort=SortOrder.NEWEST)
    assert _ids(newest) == ["a-recount", "a-rail", "a-port", "a-council"]
    assert all(hit.score is None for hit in newest.hits)
    browse = _search(service, "   ", page_size=100)
    assert browse.total == 8
    assert _ids(browse)[:2] == ["a-recount", "a-rail"]
    assert _ids(browse)[-1] == "a-garden"  # no date sorts last
    assert browse.suggestion is None


def test_relevance_hits_carry_scores_and_dates_as_stored(service: SearchService) -> None:
    result = _search(service, "strike pay")
    assert all(hit.score is not None and hit.score > 0 for hit in result.hits)
    assert result.hits[0].published == "2024-03-06T07:30:00+01:00"
    assert result.hits[0].authors == ("Tom Reed", "Ana Silva")


def test_pagination(service: SearchService) -> None:
    pages = [_search(service, "", page=number, page_size=3) for number in (1, 2, 3, 4)]
    assert [len(page.hits) for page in pages] == [3, 3, 2, 0]
    assert all(page.total == 8 and page.page_count == 3 for page in pages)
    seen = [hit_id for page in pages for hit_id in _ids(page)]
    assert len(seen) == len(set(seen)) == 8


@pytest.mark.parametrize(
    "options",
    [
        {"page": 0},
        {"page": -3},
        {"page_size": 0},
        {"page_size": 101},
        {"page": 1001},
        {"date_from": date(2024, 3, 9), "date_to": date(2024, 3, 1)},
        {"sort": "oldest first"},
        {"fresh": "yes"},
    ],
)
def test_bad_parameters_raise_invalid_request(service: SearchService, options: dict) -> None:
    with pytest.raises(InvalidRequest):
        _search(service, "strike", **options)


def test_facets_count_merge_spellings_and_mark_selection(service: SearchService) -> None:
    result = _search(service, "")
    sources = {value.value: value.count for value in result.facets["source"]}
    assert sources == {"Harbour Gazette": 4, "Coastal Times": 2, "Alpine Post": 2}
    authors = {value.value: value.count for value in result.facets["authors"]}
    assert authors["Maria Lopez"] == 3 and authors["Ana Silva"] == 2
    assert "section" in result.facets

    chosen = _search(service, "", sources=("coastal times",))
    shown = {value.value: (value.count, value.selected) for value in chosen.facets["source"]}
    # A facet's counts ignore its own filter, so the other sources stay visible.
    assert shown["Coastal Times"] == (2, True)
    assert shown["Alpine Post"] == (2, False)
    authors = {value.value: value.count for value in chosen.facets["authors"]}
    assert authors == {"Ana Silva": 2, "Tom Reed": 1}


def test_snippets_mark_matches(service: SearchService) -> None:
    hit = _search(service, "sandbags").hits[0]
    matched = [fragment.text for fragment in hit.snippet if fragment.match]
    assert matched == ["sandbags"]
    assert "sandbags ready" in hit.snippet_text
    stemmed = _search(service, "queue").hits
    assert any(fragment.match for hit in stemmed for fragment in hit.snippet)


def test_snippet_falls_back_to_description(service: SearchService) -> None:
    hit = _search(service, "headline:telescope").hits[0]
    assert hit.snippet_text.startswith("Astronomers say")
    assert not any(fragment.match for fragment in hit.snippet)


def test_spelling_suggestion_for_a_misspelling(service: SearchService) -> None:
    result = _search(service, "telescpoe galaxy")
    assert result.suggestion == "telescope galaxy"
    assert _search(service, "telescope").suggestion is None


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "(a OR", "AND", "*", "headline:", "strike\x07", " ".join(["flood"] * 2000)],
)
def test_malformed_queries_answer_with_a_notice(service: SearchService, query: str) -> None:
    result = _search(service, query)
    assert isinstance(result, SearchResult)
    assert result.notice


def test_malformed_query_still_finds_its_words(service: SearchService) -> None:
    result = _search(service, '"port strike')
    assert "a-port" in _ids(result)
    assert "unmatched quote" in result.notice


def test_stop_words_only_query_explains_itself(service: SearchService) -> None:
    result = _search(service, "the of and")
    assert result.total == 0
    assert "searchable words" in result.notice


def test_get_article_returns_the_whole_article(service: SearchService) -> None:
    expected = {article.id: article for article in sample_articles()}["a-festival"]
    assert service.get_article("a-festival") == expected
    assert service.get_article("missing") is None


def test_related_articles(service: SearchService) -> None:
    related = service.related("a-rail", limit=3)
    assert related and "a-rail" not in [hit.id for hit in related]
    assert related[0].id == "a-port"  # both are strike stories
    assert service.related("missing") == ()
    with pytest.raises(InvalidRequest):
        service.related("a-rail", limit=0)


def test_stats(service: SearchService) -> None:
    stats = service.stats()
    assert (stats.articles, stats.sources, stats.last_seq) == (8, 3, 8)
    assert stats.generation and stats.last_reindex_at is not None


def test_elapsed_time_is_reported(service: SearchService) -> None:
    assert _search(service, "strike").elapsed_ms > 0


def test_missing_index_names_the_fix(tmp_path: Path) -> None:
    with SearchService(tmp_path / "nothing-here") as service:
        with pytest.raises(IndexNotFound, match="broadsheet reindex --full"):
            _search(service, "strike")
        with pytest.raises(IndexNotFound):
            service.stats()


def test_damaged_pointer_is_an_indexer_error(tmp_path: Path) -> None:
    (tmp_path / "CURRENT").write_text("{not json", encoding="utf-8")
    with SearchService(tmp_path) as service, pytest.raises(IndexCorrupt) as caught:
        _search(service, "strike")
    assert isinstance(caught.value, IndexerError)
    assert "reindex --full" in str(caught.value)


def test_damaged_generation_is_an_indexer_error(tmp_path: Path) -> None:
    reindex_cache(cache_with(sample_articles()[:2]), tmp_path, full=True, extract=json_extractor)
    generation = next(path for path in tmp_path.iterdir() if path.is_dir())
    for toc in (generation / "whoosh").glob("*.toc"):
        toc.write_bytes(b"garbage")
    with SearchService(tmp_path) as service, pytest.raises(IndexCorrupt):
        _search(service, "strike")


def test_closed_service_refuses_work(index_dir: Path) -> None:
    service = SearchService(index_dir)
    service.close()
    with pytest.raises(IndexerError):
        _search(service, "strike")


def test_paging_keeps_the_ranked_order(service: SearchService) -> None:
    query = "election recount ballot"
    everything = _ids(_search(service, query, page_size=100))
    assert everything[0] == "a-recount"  # the only story with all three words
    paged = [_ids(_search(service, query, page=n, page_size=1)) for n in range(1, 5)]
    assert [ids for ids in paged if ids] == [[hit_id] for hit_id in everything]
    assert all(_search(service, query, page=n, page_size=1).total == 2 for n in (1, 2, 3))
