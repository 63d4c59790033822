"""The faster full build: posting pool, vocabulary, signatures, parallel segment writers."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash
from index_helpers import all_postings, cache_with, json_extractor, sample_articles
from whoosh import index as whoosh_index

import indexer.build as build
from indexer.analysis import fold_accents, spelling_words
from indexer.documents import Vocabulary, build_document
from indexer.errors import IndexerError
from indexer.index_store import read_pointer
from indexer.posting_pool import TermPostingPool, install
from indexer.schema import build_schema
from indexer.search import SearchService
from indexer.search_types import SearchRequest
from indexer.syndication import (
    _DTYPE,
    _WORD,
    MIN_WORDS,
    NUM_PERM,
    SEED,
    SHINGLE_WORDS,
    StoryClusters,
    body_signature,
    syndication_fields,
)

_GERMAN = (
    "Die Häuser am Hafen wurden im Winter renoviert, und die Mieter zogen im Frühjahr "
    "zurück. Der Bürgermeister sagte, die Straßen würden bald erneuert."
)


def _articles() -> list:
    base = sample_articles()
    longer = [
        replace(
            article,
            id=f"{article.id}-{n}",
            url=f"{article.url}-{n}",
            body=f"{article.body}\n\nUpdate {n}: " * 3,
        )
        for n in range(6)
        for article in base
    ]
    german = replace(
        base[0], id="de-haus", url="https://hafen.example/haus", language="de", body=_GERMAN
    )
    return [*base, *longer, german]


def _documents(articles: list) -> list[dict]:
    vocabulary = Vocabulary()
    clusters = StoryClusters()
    return [build_document(a, a.url or a.id, vocabulary, None, clusters=clusters) for a in articles]


@pytest.mark.parametrize("limitmb", [256, 1])
def test_term_pool_writes_the_postings_whoosh_writes(limitmb: int) -> None:
    documents = _documents(_articles())
    built = []
    for fast in (False, True):
        with tempfile.TemporaryDirectory() as tmp:
            ix = whoosh_index.create_in(tmp, build_schema())
            writer = ix.writer(limitmb=limitmb)
            if fast:
                install(writer, limitmb)
                if limitmb == 1:  # force several runs to disk
                    writer.pool.limit = 20_000
            for document in documents:
                writer.add_document(**document)
            if fast and limitmb == 1:
                assert len(writer.pool.runs) > 1
            writer.commit()
            built.append(all_postings(ix))
            ix.close()
    assert built[0] == built[1]
    assert len(built[0]) > 500


def test_term_pool_sorts_postings_added_out_of_order(tmp_path: Path) -> None:
    pool = TermPostingPool(None, None)
    for docnum in (3, 1, 2):
        pool.add(("body", b"tide", docnum, 1.0, b""))
    pool.add(("authors", b"reed", 0, 1.0, b""))
    assert [(p[0], p[2]) for p in pool.iter_postings()] == [
        ("authors", 0),
        ("body", 1),
        ("body", 2),
        ("body", 3),
    ]


def test_install_refuses_a_writer_in_use(tmp_path: Path) -> None:
    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    writer = ix.writer()
    writer.add_document(**_documents(sample_articles()[:1])[0])
    with pytest.raises(ValueError):
        install(writer, 64)
    writer.cancel()


def test_vocabulary_claims_the_spelling_analyzers_words_once() -> None:
    vocabulary = Vocabulary()
    seen: set[str] = set()
    for article in _articles():
        expected = [
            w
            for w in spelling_words(article.headline, article.description, article.body)
            if w not in seen
        ]
        seen.update(expected)
        assert vocabulary.claim(article) == expected


def _reference_signature(body: str):
    words = _WORD.findall(fold_accents(body).casefold())
    if len(words) < MIN_WORDS:
        return None
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch(sorted(shingles))
    return np.asarray(minhash.hashvalues, dtype=_DTYPE)


@pytest.mark.parametrize(
    "body",
    [
        " ".join(f"word{i % 37} other{i % 11}" for i in range(60)),
        (_GERMAN + " ") * 4,
        "Straße MÜNCHEN café " * 20,
        "too short",
    ],
)
def test_signature_matches_datasketch(body: str) -> None:
    expected = _reference_signature(body)
    found = body_signature(body)
    if expected is None:
        assert found is None
    else:
        assert found is not None and np.array_equal(found, expected)


def test_precomputed_signature_gives_the_same_story_fields() -> None:
    article = _articles()[10]
    computed = syndication_fields(article.id, article.body, StoryClusters(), None)
    given = syndication_fields(
        article.id, article.body, StoryClusters(), None, body_signature(article.body)
    )
    assert computed == given


def _stored(index_dir: Path) -> list[dict]:
    pointer = read_pointer(index_dir)
    ix = whoosh_index.open_dir(str(index_dir / pointer.generation / "whoosh"))
    with ix.searcher() as searcher:
        found = sorted((dict(f) for f in searcher.documents()), key=lambda f: f["id"])
        clusters = sorted(
            (searcher.stored_fields(d)["id"], searcher.reader().column_reader("cluster")[d])
            for d in searcher.document_numbers()
        )
        languages = set(ix.schema["body"].indexed_languages)
    ix.close()
    return [found, clusters, languages]


@pytest.mark.slow
def test_parallel_segment_writers_build_the_same_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "PARALLEL_WRITE_MIN_PAGES", 10)
    articles = _articles()
    later = replace(articles[3], url=f"{articles[3].url}?v=2", headline="A later copy")
    cache = cache_with([*articles, later])
    single = build.reindex_cache(cache, tmp_path / "one", full=True, extract=json_extractor)
    parallel = build.reindex_cache(
        cache, tmp_path / "two", full=True, workers=2, extract=json_extractor
    )
    assert single.documents == parallel.documents == len(articles)
    assert (single.indexed, single.skipped) == (parallel.indexed, parallel.skipped)
    one, two = _stored(tmp_path / "one"), _stored(tmp_path / "two")
    assert one == two
    assert "de" in two[2]
    with SearchService(tmp_path / "two") as service:
        assert service.search(SearchRequest(query="häuser")).total == 1
        assert service.search(SearchRequest(query='"port strike"')).total >= 1
        assert service.get_article(articles[3].id).headline == "A later copy"


def test_failed_segment_writer_fails_the_build_and_keeps_the_live_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = cache_with(sample_articles())
    live = build.reindex_cache(cache, tmp_path, full=True, extract=json_extractor).generation

    class Broken:
        def __init__(self, *args: object) -> None:
            pass

        def add(self, *args: object) -> None:
            pass

        def finish(self) -> None:
            raise IndexerError("a segment writer failed: boom")

        def cancel(self) -> None:
            pass

    monkeypatch.setattr(build, "SegmentWriters", Broken)
    monkeypatch.setattr(build, "PARALLEL_WRITE_MIN_PAGES", 1)
    with pytest.raises(IndexerError, match="segment writer"):
        build.reindex_cache(cache, tmp_path, full=True, workers=2, extract=json_extractor)
    assert read_pointer(tmp_path).generation == live
    with SearchService(tmp_path) as service:
        assert service.search(SearchRequest(query="strike")).total >= 1
