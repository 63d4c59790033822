"""Autocomplete ranks whole words by how many articles use them, not by their stems."""

from __future__ import annotations

from pathlib import Path

from index_helpers import cache_with, json_extractor

from indexer.article import Article
from indexer.build import reindex_cache
from indexer.search import SearchService


def _article(number: int, body: str) -> Article:
    return Article(
        id=f"s-{number}",
        url=f"https://courier.example/{number}",
        headline=f"Report {number}",
        body=body,
        published=f"2024-05-0{number % 9 + 1}",
        language="en",
    )


def test_a_rare_word_sharing_a_stem_does_not_outrank_the_common_word(tmp_path: Path) -> None:
    articles = [
        _article(1, "The federal budget was passed after a long night of talks."),
        _article(2, "A federal court heard the case on Monday morning."),
        _article(3, "Federal inspectors visited the harbour warehouses again."),
        _article(4, "Anna Feder, a harbour pilot, retired after forty years at sea."),
    ]
    reindex_cache(cache_with(articles), tmp_path, full=True, extract=json_extractor)
    with SearchService(tmp_path) as service:
        words = [word for word in service.suggest("fede") if word.islower()]
    assert words[0] == "federal"
