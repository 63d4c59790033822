"""Tests for reading article records (corpus, trafilatura and newspaper-style JSON)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from crawl_cache import CrawlCache, import_paths
from crawl_cache.importers.jsonl import ARTICLE_RECORD_CONTENT_TYPE as CACHE_RECORD_TYPE
from indexer import ExtractionError, SearchRequest, SearchService, extract_article, reindex
from indexer.scrape.language import detect_language
from indexer.scrape.records import (
    ARTICLE_RECORD_CONTENT_TYPE,
    LANGUAGE_SAMPLE_CHARS,
    article_from_record,
    is_record_type,
    language_sample,
)

CORPUS_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "corpus"
REUTERS_FIN = CORPUS_DIR / "reuters-fin-2006-2013" / "articles.jsonl.gz"

PARAGRAPHS = [
    "The harbour council voted on Thursday to keep the late ferry crossing through the "
    "winter, after residents asked for it in a petition.",
    "Boats will leave every forty minutes from the first of December, and the last "
    "crossing of the night will stay at a quarter to midnight.",
]
CORPUS = {
    "id": "hx-001",
    "url": "https://harbour.example/news/ferry-timetable",
    "headline": "Ferry timetable changes for the winter",
    "authors": ["MARA OKONJO", "By Tom Beck"],
    "published": "2024-11-03T09:15:00+01:00",
    "section": None,
    "body": "\n\n".join(PARAGRAPHS),
    "dateline": "NORTHPORT -",
}
TRAFILATURA = {
    "title": "Neue Fahrzeiten f\u00fcr die F\u00e4hre",
    "author": "Jana Weber; Ole Brandt",
    "date": "2023-06-01",
    "text": "Die F\u00e4hre f\u00e4hrt ab Juni alle vierzig Minuten.\nDer letzte Abend bleibt.",
    "url": "https://hafen.example/faehre",
    "hostname": "hafen.example",
    "sitename": "Hafenblatt",
    "description": "Mehr Fahrten im Sommer.",
    "categories": "Verkehr;Lokales",
    "tags": "F\u00e4hre,Hafen",
    "language": "de-DE",
}
NEWSPAPER = {
    "title": "Library reopens after two years of repairs",
    "authors": ["Owen Hart"],
    "publish_date": "2024-04-18 10:30:00",
    "text": "The central library opened its doors again.\n\nReaders borrowed a thousand books.",
    "top_image": "/images/reading-room.jpg",
    "meta_description": "The restored reading room keeps its painted ceiling.",
    "canonical_link": "https://courier.example/library-reopens",
    "keywords": ["library", "repairs"],
}


def _raw(record: dict) -> bytes:
    return json.dumps(record).encode("utf-8")


def test_the_content_type_is_the_one_the_cache_stores() -> None:
    assert ARTICLE_RECORD_CONTENT_TYPE == CACHE_RECORD_TYPE
    assert is_record_type(CACHE_RECORD_TYPE + "; charset=utf-8")
    assert not is_record_type("application/json")
    assert not is_record_type(None)


def test_a_corpus_record_maps_field_by_field() -> None:
    article = extract_article(_raw(CORPUS), CORPUS["url"], content_type=CACHE_RECORD_TYPE)

    assert article.headline == CORPUS["headline"]
    assert article.url == CORPUS["url"]
    assert article.source == "harbour.example"
    assert article.authors == ["Mara Okonjo", "Tom Beck"]
    assert article.published == "2024-11-03T09:15:00+01:00"
    assert article.body.split("\n\n") == PARAGRAPHS
    assert article.word_count == sum(len(p.split()) for p in PARAGRAPHS)
    assert article.language == "en"
    assert article.provenance == {
        "headline": "record",
        "authors": "record",
        "published": "record",
        "source": "url",
        "language": "text",
    }


def test_the_id_is_the_one_a_page_with_that_canonical_gets() -> None:
    page = (
        '<html lang="en"><head><title>Ferry</title>'
        f'<link rel="canonical" href="{CORPUS["url"]}"></head>'
        f"<body><article><h1>Ferry</h1><p>{PARAGRAPHS[0]}</p></article></body></html>"
    )
    from_page = extract_article(page.encode(), "https://harbour.example/print/1")
    from_record = article_from_record(CORPUS)

    assert from_record.id == from_page.id


def test_a_date_without_a_zone_stays_without_one() -> None:
    record = {**CORPUS, "published": "1987-02-26T15:01:01"}
    assert article_from_record(record).published == "1987-02-26T15:01:01"


def test_a_record_without_a_url_takes_its_id_from_the_record_id() -> None:
    first = article_from_record({**CORPUS, "url": None}, "article:0123abcd")
    same = article_from_record({**CORPUS, "url": None, "headline": "Other"})
    other = article_from_record({**CORPUS, "url": None, "id": "hx-002"})
    nameless = article_from_record({**CORPUS, "url": None, "id": None})

    assert first.url is None and first.source is None
    assert first.id == same.id
    assert len({first.id, other.id, nameless.id}) == 3


def test_a_trafilatura_record_maps_field_by_field() -> None:
    article = article_from_record(TRAFILATURA)

    assert article.headline == TRAFILATURA["title"]
    assert article.authors == ["Jana Weber", "Ole Brandt"]
    assert article.published == "2023-06-01"
    assert article.body == (
        "Die F\u00e4hre f\u00e4hrt ab Juni alle vierzig Minuten.\n\nDer letzte Abend bleibt."
    )
    assert article.source == "Hafenblatt"
    assert article.description == "Mehr Fahrten im Sommer."
    assert article.section == "Verkehr"
    assert article.tags == ["F\u00e4hre", "Hafen"]
    assert article.language == "de"
    assert article.provenance["language"] == "record"
    assert article.provenance["source"] == "record"


GERMAN_PARAGRAPH = (
    "Der Gemeinderat hat am Donnerstag beschlossen, die sp\u00e4te F\u00e4hre auch im "
    "Winter fahren zu lassen, nachdem die Anwohner in einer Unterschriftenliste darum "
    "gebeten hatten. Die Schiffe fahren ab dem ersten Dezember alle vierzig Minuten."
)


def test_an_undeclared_language_is_detected_from_the_start_of_the_record() -> None:
    english = " ".join(PARAGRAPHS * 3)
    german = " ".join([GERMAN_PARAGRAPH] * 30)
    record = {**CORPUS, "body": f"{english}\n\n{german}"}
    assert LANGUAGE_SAMPLE_CHARS <= len(english) < len(record["body"]) // 4
    # Read whole, the text is mostly German; a record is judged by its opening.
    assert detect_language(record["body"])[0] == "de"  # type: ignore[index]

    article = article_from_record(record)

    assert article.language == "en"
    assert article.provenance["language"] == "text"
    assert article_from_record({**CORPUS, "body": german}).language == "de"


def test_the_language_sample_is_the_headline_and_the_start_of_the_body() -> None:
    body = "word " * 1000
    sample = language_sample("A headline", body)

    assert sample.startswith("A headline\n\n")
    assert sample.endswith(body[:LANGUAGE_SAMPLE_CHARS])
    assert len(sample) == len("A headline\n\n") + LANGUAGE_SAMPLE_CHARS
    assert language_sample(None, "short body") == "short body"


def test_trafilatura_raw_text_is_read_when_there_is_no_text() -> None:
    record = {**TRAFILATURA, "raw_text": "Nur der Rohtext ist da."}
    del record["text"]
    assert article_from_record(record).body == "Nur der Rohtext ist da."


def test_a_newspaper_record_maps_field_by_field() -> None:
    article = article_from_record(NEWSPAPER)

    assert article.headline == NEWSPAPER["title"]
    assert article.authors == ["Owen Hart"]
    assert article.published == "2024-04-18T10:30:00"
    assert article.canonical_url == article.url == NEWSPAPER["canonical_link"]
    assert article.image == "https://courier.example/images/reading-room.jpg"
    assert article.description == NEWSPAPER["meta_description"]
    assert article.tags == ["library", "repairs"]
    assert article.body.split("\n\n") == [
        "The central library opened its doors again.",
        "Readers borrowed a thousand books.",
    ]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (_raw({"headline": "A headline and nothing else", "body": "  "}), "no body text"),
        (b'{"headline": "cut', "not JSON"),
        (b"[1, 2]", "not a JSON object"),
        ('{"headline": "Caf\u00e9"}'.encode("latin-1"), "not UTF-8"),
    ],
)
def test_what_is_not_an_article_record_is_an_extraction_error(raw: bytes, message: str) -> None:
    with pytest.raises(ExtractionError, match=message):
        extract_article(raw, "article:1", content_type=CACHE_RECORD_TYPE)


def test_json_without_the_record_type_is_not_read_as_a_record() -> None:
    article = extract_article(_raw(CORPUS), CORPUS["url"], content_type="text/plain")
    assert "record" not in article.provenance.values()


def test_imported_records_are_indexed_and_found(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    lines = [CORPUS, TRAFILATURA, NEWSPAPER, {**CORPUS, "url": None, "id": "t", "body": ""}]
    path.write_text("".join(json.dumps(record) + "\n" for record in lines), encoding="utf-8")
    cache_path, index_dir = tmp_path / "cache.sqlite3", tmp_path / "index"
    with CrawlCache.open(cache_path) as cache:
        assert import_paths(cache, [path]).added == 4

    report = reindex(cache_path, index_dir, full=True)

    assert (report.indexed, report.failed) == (3, 1)
    assert "no body text" in report.failures[0][1]
    with SearchService(index_dir) as service:
        hits = service.search(SearchRequest(query="petition")).hits
        assert [hit.headline for hit in hits] == [CORPUS["headline"]]
        assert hits[0].authors == ("Mara Okonjo", "Tom Beck")


@pytest.mark.realdata
@pytest.mark.skipif(not REUTERS_FIN.is_file(), reason=f"corpus not present at {REUTERS_FIN}")
def test_the_first_records_of_the_reuters_corpus_import_index_and_search(tmp_path: Path) -> None:
    path = tmp_path / "slice.jsonl.gz"
    with gzip.open(REUTERS_FIN, "rb") as source, gzip.open(path, "wb") as target:
        first = [next(source) for _ in range(200)]
        target.writelines(first)
    headline = json.loads(first[0])["headline"]
    cache_path, index_dir = tmp_path / "cache.sqlite3", tmp_path / "index"

    with CrawlCache.open(cache_path) as cache:
        imported = import_paths(cache, [path])
        again = import_paths(cache, [path])
    report = reindex(cache_path, index_dir, full=True, workers=2)

    assert (imported.added, imported.failed) == (200, 0)
    assert again.unchanged == 200
    assert (report.indexed, report.failed) == (200, 0)
    with SearchService(index_dir) as service:
        assert service.stats().articles == 200
        hits = service.search(SearchRequest(query=f'"{headline}"')).hits
        assert headline in [hit.headline for hit in hits]
        assert all(hit.source == "reuters.com" for hit in hits)
