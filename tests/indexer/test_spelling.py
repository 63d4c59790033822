"""Spelling suggestions: unknown words, rare words with a much commoner neighbour, and
words that are only another form of a known one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from index_helpers import cache_with, json_extractor

from indexer.article import Article
from indexer.build import reindex_cache
from indexer.search import SearchService
from indexer.search_types import SearchRequest
from indexer.spelling import COMMONER_BY, Speller, suggest_query

TOPICS = ["budget", "hospitals", "schools", "railways", "housing", "pensions", "farming"]
COMMON = COMMONER_BY + 4  # articles using the common spelling


def _articles() -> list[Article]:
    articles = []
    for number in range(COMMON):
        topic = TOPICS[number % len(TOPICS)]
        articles.append(
            Article(
                id=f"gov-{number}",
                url=f"https://gazette.example/politics/{number}",
                source="Harbour Gazette",
                headline=f"The government sets out plans for {topic}",
                description=None,
                authors=["Maria Lopez"],
                published=f"2024-03-{number % 28 + 1:02d}T09:00:00Z",
                section="Politics",
                language="en",
                body=(
                    f"Ministers said the government would publish its {topic} plans in the "
                    f"spring, after a strike by harbour staff delayed talks (item {number})."
                ),
            )
        )
    articles.append(
        Article(
            id="typo",
            url="https://courier.example/news/typo",
            source="Northern Courier",
            headline="Brannock ferry timetable changes",
            description=None,
            authors=[],
            published="2024-03-30T09:00:00Z",
            section="News",
            language="en",
            body="The goverment of the island approved new ferry strikes rules for Brannock.",
        )
    )
    return articles


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("spelling")
    reindex_cache(cache_with(_articles()), path, full=True, extract=json_extractor)
    return path


@pytest.fixture()
def service(index_dir: Path) -> Iterator[SearchService]:
    with SearchService(index_dir) as opened:
        yield opened


def _suggestion(service: SearchService, query: str) -> str | None:
    return service.search(SearchRequest(query=query)).suggestion


def test_a_rare_word_with_a_much_commoner_neighbour_is_corrected(service: SearchService) -> None:
    result = service.search(SearchRequest(query="goverment"))
    assert [hit.id for hit in result.hits] == ["typo"]  # it matches, yet...
    assert result.suggestion == "government"
    assert _suggestion(service, "government") is None


def test_unknown_words_are_corrected_even_when_the_rest_matches(service: SearchService) -> None:
    result = service.search(SearchRequest(query="harbur strike"))
    assert result.total > 3
    assert result.suggestion == "harbour strike"


def test_no_hits_gives_the_suggestion_beside_the_similar_spelling_retry(
    service: SearchService,
) -> None:
    result = service.search(SearchRequest(query="govenment plans"))
    assert result.suggestion == "government plans"
    lone = service.search(SearchRequest(query="hospitels"))
    assert lone.fuzzy is True and lone.total > 0
    assert lone.suggestion == "hospitals"


def test_rare_words_without_a_commoner_neighbour_and_other_forms_are_left(
    service: SearchService,
) -> None:
    assert _suggestion(service, "brannock") is None  # rare, but nothing like it
    assert _suggestion(service, "strikes") is None  # rare, but only a form of "strike"
    assert _suggestion(service, "author:goverment") is None  # a name, not prose
    assert _suggestion(service, "") is None


def test_speller_keeps_operators_and_spacing(index_dir: Path) -> None:
    with SearchService(index_dir) as opened:
        reader = opened._pool.current()[0].reader()
        speller = Speller(reader)
        assert speller.frequency("government") == COMMON
        assert speller.frequency("goverment") == 1
        assert suggest_query('"harbur  strike" OR -goverment', speller) == (
            '"harbour  strike" OR -government'
        )
        assert suggest_query("harbour strike", speller) is None


def test_field_values_and_names_are_not_corrected(service: SearchService) -> None:
    assert _suggestion(service, 'author:"Maria Lopes" budget') is None
    assert _suggestion(service, "intitle:(goverment) budget") is None
    # "Lopez" appears only in bylines: still a known word.
    assert _suggestion(service, "lopez budget") is None


def test_known_words_that_find_nothing_are_not_retried(service: SearchService) -> None:
    # Every story about spring plans mentions the harbour: nothing left, that is the answer.
    result = service.search(SearchRequest(query="spring -harbour"))
    assert result.total == 0 and result.fuzzy is False and result.notice is None
    gibberish = service.search(SearchRequest(query="qzx wvq hospitels pqw zzv"))
    assert gibberish.fuzzy is False  # mostly unknown words: not a misspelling
    assert service.search(SearchRequest(query="hospitels")).fuzzy is True


def test_a_dropped_or_swapped_letter_beats_a_commoner_wrong_letter(
    service: SearchService,
) -> None:
    from indexer.spelling import _slip_rank, _swaps

    assert _slip_rank("strke", "strike") == 0  # a dropped letter
    assert _slip_rank("strke", "stake") == 1  # a wrong letter
    assert _slip_rank("bnak", "bank") == 0 and "bank" in _swaps("bnak")
    assert _suggestion(service, "scohols") == "schools"  # swapped letters, two edits apart
