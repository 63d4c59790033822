"""Article.provenance: each field names the layer of the page it was read from."""

from __future__ import annotations

import json

from indexer import extract_article

TEXT = (
    "<p>"
    + "The ferry timetable changes on Monday, with two extra sailings each evening. " * 3
    + "</p>"
)

TITLE = "<title>Ferry times change</title>"


def _jsonld(**fields: object) -> str:
    node = {"@context": "https://schema.org", "@type": "NewsArticle", **fields}
    return f'<script type="application/ld+json">{json.dumps(node)}</script>'


def test_structured_fields_come_from_jsonld_and_meta() -> None:
    head = (
        _jsonld(
            headline="Ferry times change",
            author={"@type": "Person", "name": "Mara Quill"},
            datePublished="2024-03-05T08:00:00Z",
            dateModified="2024-03-06T09:30:00Z",
        )
        + "<meta property='og:site_name' content='Bay News'>"
        + "<meta name='description' content='Two extra sailings.'>"
    )
    page = f"<html lang='en'><head>{head}</head><body><article>{TEXT}</article></body></html>"
    article = extract_article(page, "https://baynews.example/ferry")

    assert article.provenance == {
        "headline": "jsonld",
        "authors": "jsonld",
        "published": "jsonld",
        "updated": "jsonld",
        "description": "meta",
        "source": "meta",
        "language": "markup",
    }


def test_text_and_url_layers_are_named() -> None:
    body = "<h1>Ferry times change</h1><p>By Mara Quill</p>" + TEXT
    page = f"<html><head>{TITLE}</head><body><article>{body}</article></body></html>"
    article = extract_article(page, "https://baynews.example/2024/03/05/ferry-times")

    assert article.published == "2024-03-05"
    assert article.provenance["published"] == "url"
    assert article.provenance["authors"] == "text"
    assert article.provenance["headline"] == "markup"
    assert article.provenance["source"] == "url"
    assert article.provenance["language"] == "text"  # detected, the page declares none


def test_missing_fields_have_no_provenance() -> None:
    page = f"<html><head>{TITLE}</head><body><article>{TEXT}</article></body></html>"
    article = extract_article(page)

    assert article.published is None and "published" not in article.provenance
    assert article.authors == [] and "authors" not in article.provenance
    assert "updated" not in article.provenance


def test_plain_text_dump_fields_come_from_the_text() -> None:
    dump = (
        "Ferry times change on Monday\n\n"
        "By Mara Quill\n\n"
        + "The ferry timetable changes on Monday, with two extra sailings each evening. "
        * 3
    )
    article = extract_article(dump.encode(), content_type="text/plain")
    assert article.language == "en"
    assert article.provenance["headline"] == "text"
    assert article.provenance["language"] == "text"
    assert "source" not in article.provenance
