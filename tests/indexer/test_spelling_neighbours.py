"""Corrections of known words are looked up among the common words, as the corrector finds them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from index_helpers import build_index, live_searcher
from whoosh.reading import IndexReader

from indexer.article import Article
from indexer.spelling import (
    CANDIDATES,
    EXACT_FIELD,
    MIN_CORRECTION_DOCS,
    Speller,
    _CommonestCorrector,
    _within,
)

# Word, and how many articles use it: common words and near misses of them.
USES = {
    "government": 30,
    "governments": 12,
    "goverment": 1,
    "govenment": 2,
    "parliament": 25,
    "parliaments": 11,
    "parlament": 1,
    "harbour": 22,
    "harbours": 14,
    "harbor": 10,
    "harbur": 1,
    "strike": 26,
    "strikes": 15,
    "stroke": 12,
    "strake": 1,
    "trike": 11,
}


def _articles() -> list[Article]:
    articles = []
    for number in range(max(USES.values())):
        words = [word for word, uses in USES.items() if number < uses]
        articles.append(
            Article(
                id=f"a{number}",
                url=f"https://gazette.example/{number}",
                source="Harbour Gazette",
                headline=f"Report number {number}",
                description=None,
                authors=[],
                published="2024-03-01T09:00:00Z",
                section="News",
                language="en",
                body=" ".join(words) + f" were all mentioned in report {number}.",
            )
        )
    return articles


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_index(tmp_path_factory.mktemp("neighbours"), _articles())


@pytest.fixture()
def reader(index_dir: Path) -> Iterator[IndexReader]:
    with live_searcher(index_dir) as searcher:
        yield searcher.reader()


@pytest.mark.parametrize("minimum", [MIN_CORRECTION_DOCS, 12, 20, 25])
@pytest.mark.parametrize("distance", [1, 2])
def test_common_neighbours_are_the_correctors_common_suggestions(
    reader: IndexReader, distance: int, minimum: int
) -> None:
    speller = Speller(reader)
    corrector = _CommonestCorrector(reader, speller.frequency)
    words = [text.decode() for text in reader.lexicon(EXACT_FIELD)]
    assert "goverment" in words and "government" in words
    offered = 0
    for word in [*words, "strke", "parliment"]:
        suggested = corrector.suggest(word, limit=10_000, maxdist=distance, prefix=1)
        common = [str(found) for found in suggested if speller.frequency(found) >= minimum]
        found = speller._common_neighbours(word, distance, minimum)
        assert found == common[:CANDIDATES], word
        offered_before = corrector.suggest(word, limit=CANDIDATES, maxdist=distance, prefix=1)
        assert set(found) == {c for c in offered_before if speller.frequency(c) >= minimum}
        offered += bool(found)
    assert offered


def test_known_rare_words_still_get_their_corrections(reader: IndexReader) -> None:
    speller = Speller(reader)
    assert speller.correction("goverment") == "government"
    assert speller.correction("parlament") == "parliament"
    assert speller.correction("harbur") == "harbour"
    assert speller.correction("government") is None


@pytest.mark.parametrize(
    ("first", "second", "distance"),
    [("", "", 0), ("abc", "abc", 0), ("abc", "abd", 1), ("abc", "ab", 1), ("ab", "ba", 2)],
)
def test_edit_distance(first: str, second: str, distance: int) -> None:
    assert _within(first, second, distance)
    if distance:
        assert not _within(first, second, distance - 1)
    assert not _within("kitten", "sitting", 2) and _within("kitten", "sitting", 3)
