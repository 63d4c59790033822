"""The quicker ways a search reads the index give exactly what Whoosh's own ways give."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from feature_articles import feature_articles
from index_helpers import build_index, live_searcher
from whoosh import highlight, sorting
from whoosh import query as wq
from whoosh.analysis import NgramFilter, RegexTokenizer
from whoosh.classify import Bo1Model, Expander
from whoosh.searching import Searcher

from indexer.analysis import language_analyzer, text_analyzer, words_analyzer
from indexer.facets import DayFacet, _fast_count, _term_docs, filter_docs
from indexer.key_terms import KEY_TERM_FIELD, _RememberingExpander, key_terms
from indexer.query import parse_query
from indexer.schema import FACET_FIELDS, article_from_json
from indexer.search import SearchService
from indexer.search_types import SearchRequest
from indexer.snippets import MAX_FRAGMENTS, make_highlighter, snippet_for
from indexer.story_grouping import (
    EarliestStoryCount,
    StoryKeys,
    column_values,
    read_whole_column,
)
from indexer.syndication import CLUSTER_FIELD
from indexer.timeline import timeline
from indexer.word_forms import WordForms

QUERIES = ["brannock", "ferry strike", "kyiv OR kiev", '"lighthouse keeper"', "fähre", "tides"]
TEXTS = [
    "The U.S. Treasury's 3.5% notes rallied; traders (and the Fed) said nothing at all.",
    "Die Fähre nach Brannock fährt wegen eines Streiks der Besatzungen nicht. Häuser!",
    "Crème brûlée, naïve café owners and the Zürich–Genève line. " * 3,
    "",
    "a an the of",
]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_index(tmp_path_factory.mktemp("shortcuts"), feature_articles())


@pytest.fixture()
def searcher(index_dir: Path) -> Iterator[Searcher]:
    with live_searcher(index_dir) as opened:
        yield opened


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(
    "analyzer",
    [text_analyzer(), words_analyzer(), language_analyzer("de"), language_analyzer("fr")],
)
def test_words_are_the_analyzers_tokens(analyzer: Any, text: str) -> None:
    expected = [
        (token.startchar, token.endchar, token.text, bool(token.stopped))
        for token in analyzer(text, chars=True, mode="index", removestops=False)
    ]
    forms = WordForms(analyzer)
    assert forms.words(text) == expected
    assert forms.words(text) == expected  # and again, from what it remembers


def test_an_analyzer_that_is_not_word_by_word_is_left_to_itself() -> None:
    analyzer = RegexTokenizer() | NgramFilter(2, 3)
    assert WordForms(analyzer).words("harbour strike") is None


def _whoosh_snippet(hit: Any, highlighter: Any, text: str, language: str | None) -> Any:
    """How snippets were made with Whoosh alone: its highlighting, its analysis."""
    if language == "de":
        words = frozenset(
            value.decode() if isinstance(value, bytes) else value
            for name, value in hit.results.query_terms(expand=True, fieldname="body")
            if name == "body"
        )
        return highlight.highlight(
            text,
            words,
            language_analyzer("de"),
            highlighter.fragmenter,
            highlighter.formatter,
            top=MAX_FRAGMENTS,
            scorer=highlighter.scorer,
            order=highlighter.order,
            mode="index",
        )
    return highlighter.highlight_hit(hit, "body", text=text, top=MAX_FRAGMENTS)


@pytest.mark.parametrize("text", QUERIES)
def test_snippets_are_whooshs_highlights(searcher: Searcher, text: str) -> None:
    highlighter = make_highlighter()
    query = parse_query(text, searcher.schema, reader=searcher.reader()).matching
    hits = searcher.search(query, limit=None)
    assert len(hits)
    for hit in hits:
        article = article_from_json(hit["article"])
        language = "de" if article.language == "de" else None
        long_body = (article.body + "\n\n") * 40  # far past the snippet window
        for body in (article.body, long_body):
            expected = _whoosh_snippet(hit, highlighter, body, language)
            found = snippet_for(
                hit, highlighter, body=body, description=None, language=article.language
            )
            if any(piece.match for piece in expected):
                assert found == tuple(expected)


@pytest.mark.parametrize("text", QUERIES)
def test_term_documents_are_whooshs(searcher: Searcher, text: str) -> None:
    for field in ("headline", "body", "words", FACET_FIELDS["language"], "missing_field"):
        for word in [*text.replace('"', "").split(), "de:fahr", "zzz"]:
            term = wq.Term(field, word)
            expected = set(searcher.docs_for_query(term)) if field in searcher.schema else set()
            assert _term_docs(searcher, term) == expected


@pytest.mark.parametrize(
    "window",
    [
        wq.DateRange("published", datetime(2024, 3, 20), datetime(2024, 3, 30)),
        wq.DateRange("published", datetime(2024, 3, 20, 9), None, startexcl=True),
        wq.DateRange("published", None, datetime(2024, 3, 20, 11, 30), endexcl=True),
        wq.DateRange("published", None, datetime(2024, 3, 20, 11, 30)),
        wq.DateRange("published", datetime(2030, 1, 1), None),
    ],
)
def test_date_filters_let_through_whooshs_documents(searcher: Searcher, window: wq.Query) -> None:
    assert filter_docs(searcher, window) == set(searcher.docs_for_query(window))
    both = wq.And([window, wq.Term(FACET_FIELDS["language"], "en")])
    assert filter_docs(searcher, both) == set(searcher.docs_for_query(both))
    assert filter_docs(searcher, None) is None


@pytest.mark.parametrize("text", ["", *QUERIES])
def test_timeline_by_day_is_the_timeline_by_time(searcher: Searcher, text: str) -> None:
    query = wq.Every() if not text else parse_query(text, searcher.schema).matching

    def facets(kind: type) -> dict[str, sorting.FacetType]:
        return {"_published": kind("published", maptype=EarliestStoryCount(StoryKeys(searcher)))}

    fast = _fast_count(searcher, query, None, facets(DayFacet), None)
    assert fast is not None
    expected = searcher.search(query, limit=None, groupedby=facets(sorting.FieldFacet))
    by_time = dict(expected.groups("_published"))
    assert timeline(fast[1]["_published"]) == timeline(by_time)
    assert any(count for count in by_time.values())


def test_whole_columns_are_read_as_whoosh_reads_them(searcher: Searcher) -> None:
    for leaf, _offset in searcher.reader().leaf_readers():
        for field in ["published", CLUSTER_FIELD, *FACET_FIELDS.values()]:
            column = leaf.column_reader(field, translate=False)
            whole = read_whole_column(column)
            assert whole is not None
            if field in FACET_FIELDS.values():
                assert whole == list(column)
            else:
                assert whole == [column.sort_key(d) for d in range(leaf.doc_count_all())]
    assert column_values(searcher.reader(), "published", False)


def test_remembered_frequencies_weigh_terms_as_whoosh_does(searcher: Searcher) -> None:
    vector = [("brannock", 3.0), ("ferri", 2.0), ("zzzabsent", 5.0), ("de:fahr", 1.0)]
    for _repeat in range(2):
        plain = Expander(searcher.reader(), KEY_TERM_FIELD, model=Bo1Model)
        remembering = _RememberingExpander(searcher.reader(), KEY_TERM_FIELD, model=Bo1Model)
        plain.add(vector)
        remembering.add(vector)
        for normalize in (False, True):
            expected = plain.expanded_terms(10, normalize=normalize)
            assert remembering.expanded_terms(10, normalize=normalize) == expected
    assert "zzzabsent" not in dict(expected)


def test_key_terms_come_from_the_hits_texts(searcher: Searcher) -> None:
    texts = [article.body for article in feature_articles() if article.body]
    terms = key_terms(searcher, texts, 8, exclude=["ferry"])
    assert terms and "ferry" not in terms
    assert all(any(term in text.lower() for text in texts) for term in terms)


def test_a_service_without_a_result_cache_answers_every_search_in_full(index_dir: Path) -> None:
    request = SearchRequest(query="brannock")
    with SearchService(index_dir, result_cache_entries=0) as uncached:
        first, second = uncached.search(request), uncached.search(request)
        assert len(uncached._results) == 0
    with SearchService(index_dir) as cached:
        expected = cached.search(request)
        cached.search(request)
        assert len(cached._results) == 1
    assert [hit.id for hit in first.hits] == [hit.id for hit in second.hits]
    assert [hit.id for hit in first.hits] == [hit.id for hit in expected.hits]
    assert first.facets == expected.facets and first.key_terms == expected.key_terms
