"""Ranking policy: the BM25 idf, the exact-form bonus and word coordination for short queries."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from index_helpers import cache_with, json_extractor
from list_matchers import ListMatcher

from indexer.article import Article
from indexer.build import reindex_cache
from indexer.query import parse_query
from indexer.schema import build_schema
from indexer.scoring import (
    COORDINATED_MAX_WORDS,
    CoordinatedOr,
    CoordinationMatcher,
    NewsBM25,
    bm25_idf,
    coordination_exponent,
    weighting,
)
from indexer.search import SearchService
from indexer.search_types import SearchRequest

# Made-up harbour-town stories; "council" and "week" appear in every one of them.
_STORIES = {
    "r-dredge": "Council crews began dredging the harbour mouth this week. The dredging "
    "barge will work nights so the ferries keep running.",
    "r-budget": "The council set its budget this week, with more for libraries and less "
    "for road repairs.",
    "r-elections": "The council confirmed this week that elections for two seats will be "
    "held in May.",
    "r-electing": "Electing a new harbour master took the council most of the week.",
    "r-market": "The council moved the Saturday market to the quay this week while the "
    "square is repaved.",
    "r-lighthouse": "The council will repaint the lighthouse this week; the keeper's "
    "cottage opens to visitors afterwards.",
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchService]:
    articles = [
        Article(id=key, url=f"https://harbour.example/{key}", headline=None, body=body)
        for key, body in _STORIES.items()
    ]
    path: Path = tmp_path_factory.mktemp("ranking-index")
    reindex_cache(cache_with(articles), path, full=True, extract=json_extractor)
    with SearchService(path) as opened:
        yield opened


def _ids(service: SearchService, query: str) -> list[str]:
    return [hit.id for hit in service.search(SearchRequest(query=query, page_size=20)).hits]


def test_idf_fades_for_words_in_every_document() -> None:
    assert 0 < bm25_idf(1000, 1000) < 0.001
    assert bm25_idf(1, 1000) > bm25_idf(10, 1000) > bm25_idf(500, 1000) > 0


def test_searchers_use_the_news_weighting() -> None:
    model = weighting()
    assert isinstance(model, NewsBM25)
    assert model.idf_exponent > 1


def test_words_in_every_article_do_not_decide_the_order(service: SearchService) -> None:
    # "council" and "week" are everywhere; "dredging" picks the story.
    assert _ids(service, "council week dredging")[0] == "r-dredge"


def test_exact_word_form_ranks_above_other_forms_of_its_stem(service: SearchService) -> None:
    ranked = _ids(service, "elections")
    assert set(ranked[:2]) == {"r-elections", "r-electing"}
    assert ranked[0] == "r-elections"
    assert _ids(service, "electing")[0] == "r-electing"


def _has_coordination(query: object) -> bool:
    if isinstance(query, CoordinatedOr) and query.exponent > 0:
        return True
    return any(_has_coordination(child) for child in getattr(query, "subqueries", ()))


def test_coordination_only_for_short_queries() -> None:
    assert coordination_exponent(1) > 0
    assert coordination_exponent(COORDINATED_MAX_WORDS) > 0
    assert coordination_exponent(COORDINATED_MAX_WORDS + 1) == 0
    schema = build_schema()
    short = " ".join(["harbour", "ferry", "quay"][:COORDINATED_MAX_WORDS])
    long = "harbour ferry quay barge lighthouse keeper"
    assert _has_coordination(parse_query(short, schema).matching)
    assert not _has_coordination(parse_query(long, schema).matching)
    assert not _has_coordination(parse_query("harbour OR ferry", schema).matching)
    assert not hasattr(parse_query(short, schema), "all_terms")


def test_coordination_survives_rewriting_the_query() -> None:
    # The similar-spelling retry rebuilds queries with ``accept``.
    matching = parse_query("harbour ferry", build_schema()).matching
    assert isinstance(matching, CoordinatedOr)
    rebuilt = matching.accept(lambda query: query)
    assert isinstance(rebuilt, CoordinatedOr)
    assert rebuilt.exponent == matching.exponent == coordination_exponent(2)
    assert rebuilt == matching
    assert rebuilt != CoordinatedOr(list(matching.subqueries), exponent=matching.exponent + 1)


def test_coordination_scales_by_the_weight_of_the_words_held() -> None:
    rare = ListMatcher([(1, 2.0), (3, 1.0)])
    common = ListMatcher([(2, 0.5), (3, 0.5)])
    matcher = CoordinationMatcher([rare, common], [3.0, 1.0], exponent=1.0)  # type: ignore[list-item]
    seen = []
    while matcher.is_active():
        seen.append((matcher.id(), matcher.score()))
        matcher.next()
    assert seen == [
        (1, pytest.approx(2.0 * 3 / 4)),
        (2, pytest.approx(0.5 * 1 / 4)),
        (3, pytest.approx(1.5)),
    ]


def test_two_word_query_ranks_articles_with_both_words_first(tmp_path: Path) -> None:
    # The one-word stories are short and say their word three times; the story with
    # both words says each once, in a longer body. By score alone they would lead.
    filler = " ".join(["The town hall opened its doors to visitors on Saturday."] * 4)
    articles = [
        Article(
            id="both",
            headline="Harbour news",
            body=f"{filler} The ferry crews called a strike over the winter timetable.",
        ),
        Article(
            id="ferry-only",
            headline="Harbour news",
            body="The ferry is late. The ferry is full. A new ferry is on order.",
        ),
        Article(
            id="strike-only",
            headline="Harbour news",
            body="Strike ballots went out. A strike looks likely; strike pay is ready.",
        ),
    ]
    reindex_cache(cache_with(articles), tmp_path, full=True, extract=json_extractor)
    with SearchService(tmp_path) as service:
        assert _ids(service, "ferry strike")[0] == "both"
        assert _ids(service, "strike ferry")[0] == "both"
        # Either word alone still finds the stories that only have it.
        assert set(_ids(service, "ferry strike")) == {"both", "ferry-only", "strike-only"}


def test_short_query_ranks_articles_with_every_word_first(service: SearchService) -> None:
    # Only the dredging story has both words, though "repaved"/"repaint" stories
    # mention the quay or harbour too.
    assert _ids(service, "harbour ferries")[0] == "r-dredge"


def test_long_natural_language_query_is_ranked_by_score(service: SearchService) -> None:
    # No article holds every word; the one on the specific subject still leads.
    query = "what did the council decide about the lighthouse keeper cottage visitors?"
    assert _ids(service, query)[0] == "r-lighthouse"


def test_articles_are_stemmed_in_their_own_language(tmp_path: Path) -> None:
    articles = [
        Article(
            id="de-hafen",
            language="de",
            headline="Neue Häuser am Hafen",
            body="Die Stadt baut neue Häuser am alten Hafen.",
        ),
        Article(
            id="en-house",
            language="en",
            headline="Houses by the harbour",
            body="The town is building houses by the old harbour.",
        ),
    ]
    reindex_cache(cache_with(articles), tmp_path, full=True, extract=json_extractor)
    with SearchService(tmp_path) as service:
        assert _ids(service, "haus") == ["de-hafen"]  # German stem of "Häuser"
        assert _ids(service, "hauser") == ["de-hafen"]  # accents optional
        assert _ids(service, "house") == ["en-house"]
        searcher, _generation = service._pool.current()
        assert searcher.schema["body"].indexed_languages == {"de"}
