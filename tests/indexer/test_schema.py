"""Schema and analysis: stemming, accent folding, facet keys, documents and dates."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from index_helpers import sample_articles
from whoosh import index as whoosh_index

from indexer.analysis import facet_key, fold_accents, spelling_key
from indexer.article import Article
from indexer.query import parse_query
from indexer.schema import (
    article_from_json,
    article_to_document,
    build_schema,
    parse_published,
)


@pytest.fixture()
def small_index(tmp_path: Path):
    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    with ix.writer() as writer:
        for article in sample_articles():
            writer.add_document(**article_to_document(article, cache_url=article.url))
    return ix


def _ids(ix, text: str) -> set[str]:
    with ix.searcher() as searcher:
        parsed = parse_query(text, searcher.schema)
        assert parsed.matching is not None
        return {hit["id"] for hit in searcher.search(parsed.matching, limit=None)}


def test_stemming_matches_other_word_forms(small_index) -> None:
    assert "a-council" in _ids(small_index, "elections")
    assert "a-recount" in _ids(small_index, "elections")
    # "warned" (port story) and "warnings" (flood story) share the stem "warn".
    assert _ids(small_index, "warned") == {"a-port", "a-flood"}
    assert _ids(small_index, "galaxies") == {"a-telescope"}


def test_accent_folding_both_ways(small_index) -> None:
    assert _ids(small_index, "munchen") == {"a-festival"}
    assert _ids(small_index, "MÜNCHEN") == {"a-festival"}
    assert _ids(small_index, "author:weiss") == set()  # ß folds to "ss" only in facet keys
    assert _ids(small_index, "author:jurgen") == {"a-festival"}


def test_captions_are_searchable(small_index) -> None:
    assert _ids(small_index, "violinist") == {"a-festival"}


def test_facet_key_folds_case_accents_and_spacing() -> None:
    assert facet_key("  Harbour   GAZETTE ") == "harbour gazette"
    assert facet_key("Jürgen Weiß") == "jurgen weiss"
    assert facet_key("   ") == ""
    assert fold_accents("Crème brûlée") == "Creme brulee"


def test_spelling_key_is_one_folded_word_or_nothing() -> None:
    assert spelling_key("Électión") == "election"
    assert spelling_key("two words") == ""
    assert spelling_key("42") == ""


def test_document_keeps_the_whole_article_as_json() -> None:
    article = sample_articles()[1]
    document = article_to_document(article, cache_url="https://cache.example/x")
    assert article_from_json(document["article"]) == article
    assert document["authors_facet"] == ["Tom Reed", "Ana Silva"]
    assert document["cache_url"] == "https://cache.example/x"
    assert document["published"] == datetime(2024, 3, 6, 6, 30)


def test_document_leaves_out_missing_values() -> None:
    document = article_to_document(Article(id="bare", body="Just a line of text."))
    assert "published" not in document
    assert "headline" not in document
    assert document["source_facet"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05", datetime(2024, 3, 5)),
        ("2024-03-05T09:00:00Z", datetime(2024, 3, 5, 9)),
        ("2024-03-05T09:00:00-05:00", datetime(2024, 3, 5, 14)),
        ("2024-03-05T09:00:00", datetime(2024, 3, 5, 9)),
        ("last Tuesday", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_published(text: str | None, expected: datetime | None) -> None:
    assert parse_published(text) == expected
