"""Word coordination's matcher: flat per-field terms and skipping what cannot make the list."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from index_helpers import build_index, live_searcher
from list_matchers import ListMatcher
from whoosh import query as wq
from whoosh.searching import Searcher

from indexer.article import Article
from indexer.query import parse_query
from indexer.scoring import CoordinatedOr, CoordinationMatcher, word_parts


def _drain(matcher: CoordinationMatcher) -> list[tuple[int, float]]:
    seen = []
    while matcher.is_active():
        seen.append((matcher.id(), matcher.score()))
        matcher.next()
    return seen


def test_a_words_field_terms_count_once_for_coverage() -> None:
    # Word 0 is in a headline term and a body term, word 1 in one body term.
    headline = ListMatcher([(1, 3.0)])
    body = ListMatcher([(1, 1.0), (2, 1.0)])
    other = ListMatcher([(2, 2.0)])
    matcher = CoordinationMatcher(
        [headline, body, other],  # type: ignore[list-item]
        [1.0, 1.0],
        exponent=1.0,
        words=[0, 0, 1],
    )
    assert _drain(matcher) == [(1, pytest.approx(4.0 * 0.5)), (2, pytest.approx(3.0))]


def test_terms_that_cannot_lift_a_document_past_the_list_stop_leading() -> None:
    strong = ListMatcher([(1, 5.0), (4, 6.0), (9, 5.5)])
    weak = ListMatcher([(2, 0.5), (3, 0.4), (4, 0.5), (6, 0.3), (9, 0.2)])
    matcher = CoordinationMatcher([strong, weak], [2.0, 1.0], exponent=1.0)  # type: ignore[list-item]
    assert matcher.id() == 1
    matcher.next()
    assert matcher.id() == 2  # a document only the weak word holds
    # The lowest score on the list is now 2: the weak word (at most 0.5) cannot get a
    # document there alone, so only documents with the strong word are visited (2, 3
    # and 6 are passed over), each scored in full.
    assert matcher.replace(2.0) is matcher
    assert _drain(matcher) == [(4, pytest.approx(6.5)), (9, pytest.approx(5.7))]


def test_nothing_left_when_no_term_can_reach_the_list() -> None:
    first = ListMatcher([(1, 1.0), (5, 1.0)])
    second = ListMatcher([(2, 1.0), (6, 1.0)])
    matcher = CoordinationMatcher([first, second], [1.0, 1.0], exponent=1.0)  # type: ignore[list-item]
    assert matcher.replace(1.5).is_active()  # both words together could still get there
    assert not matcher.replace(2.5).is_active()


def test_plain_ors_of_a_word_are_taken_apart_and_boosted_ones_kept() -> None:
    terms = [wq.Term("headline", "ferry", boost=3.0), wq.Term("body", "ferry")]
    nested = wq.Or([terms[0], wq.Or([terms[1], wq.Term("words", "ferry")])])
    assert word_parts(nested) == [*terms, wq.Term("words", "ferry")]
    boosted = wq.Or(terms, boost=2.0)
    assert word_parts(boosted) == [boosted]
    phrase = wq.Phrase("body", ["ferry", "strike"])
    assert word_parts(phrase) == [phrase]


_VOCABULARY = [
    "harbour",
    "ferry",
    "strike",
    "council",
    "budget",
    "quay",
    "lighthouse",
    "keeper",
    "dredging",
    "barge",
    "market",
    "timetable",
    "winter",
    "crews",
    "ballot",
    "repairs",
    "library",
    "elections",
    "seats",
    "square",
    "visitors",
]


def _articles() -> list[Article]:
    rng = random.Random(11)
    articles = []
    for number in range(80):
        words = [rng.choice(_VOCABULARY[: 4 + number % 17]) for _ in range(rng.randint(8, 60))]
        headline = " ".join(rng.sample(_VOCABULARY, 3))
        articles.append(Article(id=f"a{number}", headline=headline, body=" ".join(words)))
    return articles


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    path = build_index(tmp_path_factory.mktemp("coordination-index"), _articles())
    with live_searcher(path) as opened:
        yield opened


@pytest.mark.parametrize(
    "text", ["harbour ferry", "ferry strike council", "lighthouse market", "seats budget quay"]
)
@pytest.mark.parametrize("limit", [1, 3, 10])
def test_top_results_are_those_of_scoring_every_match(
    searcher: Searcher, text: str, limit: int
) -> None:
    query = parse_query(text, searcher.schema, reader=searcher.reader()).matching
    assert isinstance(query, CoordinatedOr)
    every = []
    matcher = query.matcher(searcher)
    while matcher.is_active():
        every.append((-matcher.score(), matcher.id()))
        matcher.next()
    assert len(every) > limit
    expected = [(docnum, -score) for score, docnum in sorted(every)[:limit]]
    found = [(hit.docnum, hit.score) for hit in searcher.search(query, limit=limit)]
    assert [docnum for docnum, _ in found] == [docnum for docnum, _ in expected]
    assert [score for _, score in found] == pytest.approx([score for _, score in expected])


def test_long_queries_score_as_a_plain_or(searcher: Searcher) -> None:
    text = "harbour ferry strike council budget quay lighthouse"
    query = parse_query(text, searcher.schema, reader=searcher.reader()).matching
    assert isinstance(query, CoordinatedOr)
    assert query.exponent == 0
    plain = wq.Or(list(query.subqueries))
    expected = {hit.docnum: hit.score for hit in searcher.search(plain, limit=None)}
    found = {hit.docnum: hit.score for hit in searcher.search(query, limit=None)}
    assert found == pytest.approx(expected)
    top = [hit.docnum for hit in searcher.search(query, limit=5)]
    assert top == sorted(expected, key=lambda docnum: (-expected[docnum], docnum))[:5]
