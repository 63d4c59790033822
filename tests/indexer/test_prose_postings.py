"""Prose postings computed once per article give the index Whoosh's own analysis writes."""

from __future__ import annotations

import tempfile
from dataclasses import replace

import pytest
from index_helpers import all_postings, sample_articles
from whoosh import fields
from whoosh import index as whoosh_index
from whoosh.analysis import RegexTokenizer, StemmingAnalyzer

from indexer.analysis import text_analyzer, words_analyzer
from indexer.article import Article
from indexer.documents import Vocabulary, build_document
from indexer.posting_pool import install
from indexer.prose_postings import ProsePostings, add_document
from indexer.schema import build_schema
from indexer.syndication import StoryClusters

_GERMAN = (
    "Die Häuser am Hafen wurden im Winter renoviert, und die Mieter zogen im Frühjahr "
    "zurück. Der Bürgermeister sagte, die Straßen würden bald erneuert."
)
_AWKWARD = (
    "The U.S. and the İstanbul office of Café Zürich said prices rose 3.5% to $1,200.50, "
    "a rise of the the THE rate. Straße, æsthetics, naïve co-operation *starred* words; "
    "it is what it is: a b c d e. The end"
)


def _articles() -> list[Article]:
    base = sample_articles()
    awkward = replace(
        base[1],
        id="awkward",
        url="https://harbour.example/awkward",
        headline="The of and: İstanbul's U.S. café",
        description="A an the. Über naïve prices",
        body=f"{_AWKWARD}\n\n{_AWKWARD.upper()}",
        captions=["The harbour at dawn.", "Café Zürich's terrace"],
    )
    only_stops = replace(
        base[2], id="stops", url="https://harbour.example/stops", headline="The And Of", body="x"
    )
    german = replace(
        base[0], id="de-haus", url="https://hafen.example/haus", language="de", body=_GERMAN
    )
    return [*base, awkward, only_stops, german]


def _documents() -> list[dict]:
    vocabulary = Vocabulary()
    clusters = StoryClusters()
    documents = [
        build_document(a, a.url or a.id, vocabulary, None, clusters=clusters) for a in _articles()
    ]
    # A words field that is not the other prose fields joined is analysed on its own.
    documents[0] = {**documents[0], "words": "The unrelated words of a summary, not the parts"}
    return documents


def _build(schema: fields.Schema, documents: list[dict], fast: bool, limitmb: int = 64) -> list:
    with tempfile.TemporaryDirectory() as tmp:
        ix = whoosh_index.create_in(tmp, schema)
        writer = install(ix.writer(limitmb=limitmb), limitmb)
        prose = ProsePostings(writer.schema)
        for document in documents:
            if fast:
                add_document(writer, prose, document)
            else:
                writer.add_document(**document)
        writer.commit()
        found = all_postings(ix)
        stored = {
            name: sorted(ix.schema[name].indexed_languages)
            for name in ("headline", "body")
            if name in ix.schema and hasattr(ix.schema[name], "indexed_languages")
        }
        ix.close()
    return [found, stored]


def test_the_product_schema_gets_the_postings_whoosh_writes() -> None:
    documents = _documents()
    whoosh_built = _build(build_schema(), documents, fast=False)
    fast_built = _build(build_schema(), documents, fast=True)

    assert fast_built == whoosh_built
    assert fast_built[1]["body"] == ["de"]
    assert len(whoosh_built[0]) > 500


def test_the_prose_fields_are_computed_and_shared_with_words() -> None:
    prose = ProsePostings(build_schema())
    document = _documents()[1]

    found = prose.postings(document)

    assert set(found) == {"headline", "description", "body", "words"}
    schema = build_schema()
    for name, items in found.items():
        assert sorted(items) == sorted(schema[name].index(document[name])), name


def test_text_in_its_own_language_is_left_to_its_analyzer() -> None:
    german = _documents()[-1]
    found = ProsePostings(build_schema()).postings(german)
    assert "body" not in found and "headline" not in found
    assert "words" in found


def test_fields_of_another_shape_are_left_to_whoosh() -> None:
    schema = fields.Schema(
        headline=fields.TEXT(analyzer=StemmingAnalyzer()),  # no charset filter
        body=fields.TEXT(analyzer=RegexTokenizer()),
        words=fields.TEXT(analyzer=words_analyzer(), phrase=False),  # frequency only
        description=fields.TEXT(analyzer=text_analyzer()),
    )
    prose = ProsePostings(schema)
    document = {"headline": "Ports", "body": "Ships", "words": "Ports", "description": "Tides"}
    assert set(prose.postings(document)) == {"description"}


def test_words_are_not_shared_when_tokens_may_span_line_breaks() -> None:
    analyzer = words_analyzer()
    analyzer.items[0] = RegexTokenizer(r"[\w\n]+")
    schema = fields.Schema(
        headline=fields.TEXT(analyzer=text_analyzer()),
        body=fields.TEXT(analyzer=text_analyzer()),
        words=fields.TEXT(analyzer=analyzer),
    )
    document = {
        "headline": "Harbour news",
        "body": "Ferry times",
        "words": "Harbour news\nFerry times",
    }
    found = ProsePostings(schema).postings(document)
    assert sorted(found["words"]) == sorted(schema["words"].index(document["words"]))
    assert _build(schema, [document], fast=True) == _build(schema, [document], fast=False)


@pytest.mark.parametrize("renumber", [True, False])
def test_positions_follow_the_stop_filter(renumber: bool) -> None:
    analyzer = text_analyzer()
    analyzer.items[3].renumber = renumber
    schema = fields.Schema(body=fields.TEXT(analyzer=analyzer))
    documents = [{"body": _AWKWARD}, {"body": "the the harbour of the city and the harbour"}]
    assert _build(schema, documents, fast=True) == _build(schema, documents, fast=False)
