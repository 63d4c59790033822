"""Article records (JSON objects from corpora and extractors) mapped onto an `Article`.

Three shapes are read, field by field, with the first key present winning:

* Broadsheet's corpus records: ``id, url, headline, authors, published, section, body``;
* trafilatura's JSON: ``title, author`` ("; "-separated), ``date, text``/``raw_text``,
  ``url, hostname, sitename, description, categories, tags, language``;
* newspaper-style: ``title, authors, publish_date, text, top_image, meta_description``.

Authors and dates go through the same normalisers as pages (a zone is kept only when
the record gives one); the body keeps its paragraphs, split on blank lines (or on
single line breaks when the text has no blank line, as trafilatura writes it). Every
field taken from the record has provenance ``"record"``. Pure: no IO.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from typing import Any

from indexer.article import Article
from indexer.errors import ExtractionError
from indexer.scrape import urls
from indexer.scrape.bylines import normalise_authors
from indexer.scrape.dates import normalise_date
from indexer.scrape.fields import detected_language, primary_language
from indexer.scrape.textutil import clean_value, collapse, dedupe, word_count

# Must match crawl_cache.importers.jsonl.ARTICLE_RECORD_CONTENT_TYPE (the scraper does
# not import the cache; a test keeps the two equal).
ARTICLE_RECORD_CONTENT_TYPE = "application/vnd.broadsheet.article+json"
RECORD_LAYER = "record"

# Keys per field, in the order they are tried.
HEADLINE_KEYS = ("headline", "title")
BODY_KEYS = ("body", "text", "raw_text")
AUTHOR_KEYS = ("authors", "author", "byline")
PUBLISHED_KEYS = ("published", "date", "publish_date", "date_published", "datePublished")
UPDATED_KEYS = ("updated", "modified", "date_modified", "dateModified")
DESCRIPTION_KEYS = ("description", "meta_description", "summary")
SOURCE_KEYS = ("source", "sitename", "site_name")
CATEGORY_KEYS = ("categories", "category")
TAG_KEYS = ("tags", "keywords", "meta_keywords")
LANGUAGE_KEYS = ("language", "lang", "meta_lang", "inLanguage")
IMAGE_KEYS = ("image", "top_image", "image_url")
CANONICAL_KEYS = ("canonical_url", "canonical_link", "canonical")

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LIST_SEPARATOR = re.compile(r"\s*[;,]\s*")
_ID_CHARS = 16
# Body characters (after the headline) read to detect the language of a record that
# declares none. The detector's cost grows with the text; on 5,000 Reuters records and
# the 1,120 pages of the extraction sets, 600 characters gave the same language as
# 4,000 for all but two texts, both of which it then recognised and before did not.
LANGUAGE_SAMPLE_CHARS = 600


def is_record_type(content_type: str | None) -> bool:
    """True when a Content-Type names an article record."""
    if not content_type:
        return False
    return content_type.split(";", 1)[0].strip().lower() == ARTICLE_RECORD_CONTENT_TYPE


def parse_record(raw: bytes | str) -> dict[str, Any]:
    """The JSON object in ``raw``; raises `ExtractionError` when it is not one."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes | bytearray) else raw
    except UnicodeDecodeError as exc:
        raise ExtractionError(f"article record is not UTF-8: {exc}") from exc
    try:
        record = json.loads(text.lstrip("\ufeff"))
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ExtractionError(f"article record is not JSON: {exc}") from exc
    if not isinstance(record, dict):
        raise ExtractionError("article record is not a JSON object")
    return record


def article_from_record_bytes(raw: bytes | str, url: str | None = None) -> Article:
    """Read an article record's bytes (as stored in the cache) into an `Article`."""
    return article_from_record(parse_record(raw), url)


def article_from_record(record: dict[str, Any], url: str | None = None) -> Article:
    """Map one record onto an `Article`; ``url`` is where it was stored (used if http).

    Raises `ExtractionError` when the record has no body text.
    """
    body = record_body(record)
    if not body:
        raise ExtractionError("article record has no body text")
    headline = _first_text(record, HEADLINE_KEYS)
    given = _first_text(record, ("url",))
    page_url = urls.without_fragment(given if urls.is_http(given) else url)
    canonical = urls.without_fragment(urls.absolute(_first_text(record, CANONICAL_KEYS), page_url))
    page = canonical or (page_url if urls.is_http(page_url) else None)
    found: dict[str, Any] = {
        "headline": headline,
        "description": _first_text(record, DESCRIPTION_KEYS),
        "authors": normalise_authors(_strings(_first_value(record, AUTHOR_KEYS))),
        "published": _first_date(record, PUBLISHED_KEYS),
        "updated": _first_date(record, UPDATED_KEYS),
        "section": _first_text(record, ("section",)) or _first_item(record, CATEGORY_KEYS),
        "tags": dedupe(_items(record, TAG_KEYS)),
        "image": urls.absolute(_first_text(record, IMAGE_KEYS), page),
    }
    if found["updated"] == found["published"]:
        found["updated"] = None
    provenance = {name: RECORD_LAYER for name, value in found.items() if value}
    source = _first_text(record, SOURCE_KEYS)
    if source:
        provenance["source"] = RECORD_LAYER
    else:
        source = urls.host_name(page) or _host(_first_text(record, ("hostname",)))
        if source:
            provenance["source"] = "url" if urls.host_name(page) else RECORD_LAYER
    language = primary_language(_first_text(record, LANGUAGE_KEYS))
    if language:
        provenance["language"] = RECORD_LAYER
    else:
        language, layer = detected_language(language_sample(headline, body))
        if language and layer:
            provenance["language"] = layer
    return Article(
        id=record_article_id(record, page, headline, body),
        url=page,
        canonical_url=canonical,
        source=source,
        headline=headline,
        description=found["description"],
        authors=found["authors"],
        published=found["published"],
        updated=found["updated"],
        section=found["section"],
        tags=found["tags"],
        language=language,
        body=body,
        image=found["image"],
        word_count=word_count(body),
        provenance=provenance,
    )


def record_body(record: dict[str, Any]) -> str:
    """The first body/text field as paragraphs joined by a blank line ("" when none)."""
    raw = next(
        (value for key in BODY_KEYS if isinstance(value := record.get(key), str) and value.strip()),
        "",
    )
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    parts = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    return "\n\n".join(paragraph for part in parts if (paragraph := collapse(part)))


def language_sample(headline: str | None, body: str) -> str:
    """The text a record's language is detected from: its headline and the body's start."""
    start = body[:LANGUAGE_SAMPLE_CHARS]
    return f"{headline}\n\n{start}" if headline else start


def record_article_id(
    record: dict[str, Any], url: str | None, headline: str | None, body: str
) -> str:
    """The page id for an http(s) URL; else one from the record's id; else from its text."""
    if urls.is_http(url):
        return urls.article_id(url, headline, body)
    ident = record.get("id")
    if isinstance(ident, str | int) and not isinstance(ident, bool) and str(ident).strip():
        basis = f"record:{str(ident).strip()}"
        return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:_ID_CHARS]
    return urls.article_id(None, headline, body)


def _first_value(record: dict[str, Any], keys: Iterable[str]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _first_text(record: dict[str, Any], keys: Iterable[str]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            text = clean_value(str(value))
            if text:
                return text
    return None


def _first_date(record: dict[str, Any], keys: Iterable[str]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool):
            date = normalise_date(str(value))
            if date:
                return date
    return None


def _strings(value: Any) -> list[str]:
    """Names from a string, a list of strings, or objects with a "name" (JSON-LD style)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _strings(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _strings(item)]
    return []


def _items(record: dict[str, Any], keys: Iterable[str]) -> list[str]:
    """Every item of list fields, or of strings separated by ";" or "," (trafilatura)."""
    found: list[str] = []
    for key in keys:
        value = record.get(key)
        if isinstance(value, str):
            found.extend(_LIST_SEPARATOR.split(value))
        elif isinstance(value, list):
            found.extend(item for item in value if isinstance(item, str))
    return [text for item in found if (text := clean_value(item))]


def _first_item(record: dict[str, Any], keys: Iterable[str]) -> str | None:
    for key in keys:
        items = _items(record, (key,))
        if items:
            return items[0]
    return None


def _host(hostname: str | None) -> str | None:
    """A bare host name ("www.example.org") as the scraper names sources ("example.org")."""
    if not hostname or "/" in hostname or " " in hostname:
        return None
    return urls.host_name(f"https://{hostname}/")
