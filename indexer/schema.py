"""The Whoosh schema for articles and the mapping from an ``Article`` to an index document.

Field layout (one document per article id):

- ``id`` unique key; ``url`` the article URL; ``cache_url`` the crawl-cache entry that
  produced the document (so a re-fetched page replaces its old document even when its
  canonical URL, and so its id, changed).
- ``headline``, ``description``, ``body``, ``captions``: prose, stemmed and folded
  (``ProseField``: English rules, or the article's own language's, see ``analysis``).
- ``words``: the same prose together, folded but not stemmed: the language-neutral
  field that lets an exact word form count a little extra (see ``scoring``).
- ``authors``, ``source``, ``section``, ``tags``: the same values as words, for
  ``author:smith``-style queries.
- ``*_facet``: exact values for filters and facet counts. Terms are case- and
  accent-free keys (``facet_key``); a list column keeps the display form for counting.
- ``published``: sortable date (missing dates sort as oldest); ``language``: code.
- ``spell``: whole words of headline, description and body, the spelling dictionary.
- ``cluster``: the story cluster (syndicated copies share one, see ``syndication``);
  ``near_sig`` the body's MinHash signature (a column) and ``near_bands`` its LSH band terms.
- ``article``: the full ``Article`` as JSON, the only stored field besides ``id``/``url``;
  hits, snippets and ``get_article`` are all built from it, so no text is stored twice.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from dateutil.parser import isoparse
from whoosh import columns, fields, formats
from whoosh.analysis import IDAnalyzer

from .analysis import (
    STEMMED_LANGUAGES,
    LanguageText,
    facet_key,
    language_analyzer,
    name_analyzer,
    spelling_analyzer,
    stemming_language,
    text_analyzer,
    words_analyzer,
)
from .article import Article

logger = logging.getLogger(__name__)

# Bump when fields change: an index with another version is rebuilt, never updated.
SCHEMA_VERSION = 3  # 2: near-duplicate signature and story cluster fields; 3: words, stop list

# Query-time weights of the fields a plain word is looked up in (BM25F per field).
DEFAULT_FIELD_BOOSTS: dict[str, float] = {
    "headline": 3.0,
    "description": 2.0,
    "body": 1.0,
    "captions": 0.5,
    "authors": 1.0,
    # Unstemmed prose: the exact form a reader typed earns a bonus over its stem's other forms.
    "words": 0.5,
}

# Facet name (as in SearchResult.facets) -> index field holding its exact values.
FACET_FIELDS: dict[str, str] = {
    "source": "source_facet",
    "authors": "authors_facet",
    "section": "section_facet",
    "language": "language_facet",
}


class FacetField(fields.FieldType):
    """Exact-value field: matches on folded keys, groups on the values as published.

    The value is a list of strings. Each becomes one term (its ``facet_key``), and the
    list of display forms goes to a list column that Whoosh's overlapping facet
    categorizer reads, so multi-author articles count once per author.
    """

    def __init__(self) -> None:
        super().__init__(formats.Existence(), IDAnalyzer(lowercase=True))
        self.column_type = columns.VarBytesListColumn()

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        keys = sorted({facet_key(item) for item in _as_list(value)} - {""})
        for key in keys:
            yield key.encode("utf-8"), 1, 1.0, b""

    def to_column_value(self, value: Any) -> list[bytes]:
        return [item.encode("utf-8") for item in _display_values(value)]

    def from_column_value(self, value: list[bytes]) -> list[str]:
        return [item.decode("utf-8") for item in value]


class ProseField(fields.TEXT):
    """Stemmed prose: English rules by default, the article's language's when it has some.

    The builder hands a ``LanguageText`` for articles in one of STEMMED_LANGUAGES; its
    words are indexed as that language's tagged stems, and the language joins
    ``indexed_languages``. That set travels with the schema Whoosh saves at every
    commit, so searchers know which languages to read a query in
    (``analysis.query_forms``). ``process_text`` itself stays English, so highlighting
    and key terms see the familiar stems.
    """

    def __init__(self) -> None:
        super().__init__(analyzer=text_analyzer())
        self.indexed_languages: set[str] = set()

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        language = getattr(value, "language", None)
        if language not in STEMMED_LANGUAGES:
            yield from super().index(value, **kwargs)
            return
        self.indexed_languages.add(language)
        analyzer = language_analyzer(language)
        kwargs.setdefault("mode", "index")
        for text, frequency, weight, encoded in self.format.word_values(value, analyzer, **kwargs):
            yield text.encode("utf-8"), frequency, weight, encoded


class SpellingField(fields.FieldType):
    """Dictionary of whole words for spelling suggestions; presence only, never scored."""

    def __init__(self) -> None:
        super().__init__(formats.Existence(), spelling_analyzer())


def build_schema() -> fields.Schema:
    """The schema every generation is created with."""
    published = fields.DATETIME()
    # A missing date must sort as the oldest, not (Whoosh's default) the newest.
    published.column_type = columns.NumericColumn(published.sortable_typecode, default=0)
    return fields.Schema(
        id=fields.ID(unique=True, stored=True),
        url=fields.ID(stored=True),
        cache_url=fields.ID(),
        headline=ProseField(),
        description=ProseField(),
        body=ProseField(),
        captions=ProseField(),
        words=fields.TEXT(analyzer=words_analyzer()),
        authors=fields.TEXT(analyzer=name_analyzer()),
        source=fields.TEXT(analyzer=name_analyzer()),
        section=fields.TEXT(analyzer=name_analyzer()),
        tags=fields.TEXT(analyzer=name_analyzer()),
        authors_facet=FacetField(),
        source_facet=FacetField(),
        section_facet=FacetField(),
        tags_facet=FacetField(),
        language_facet=FacetField(),
        published=published,
        language=fields.ID(analyzer=IDAnalyzer(lowercase=True)),
        spell=SpellingField(),
        cluster=fields.ID(sortable=True),
        near_sig=fields.COLUMN(columns.VarBytesColumn()),
        near_bands=fields.KEYWORD(),
        article=fields.STORED(),
    )


def article_to_document(
    article: Article,
    *,
    cache_url: str | None = None,
    spelling: Iterable[str] | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The field values Whoosh indexes for one article (absent values are left out).

    ``spelling`` lists the words this document adds to the spelling dictionary; by
    default all of its words. A builder passes only words no earlier document of the
    run supplied: the dictionary needs each word once, and repeating every word of
    every article would double the postings the writer handles. ``extra`` adds
    fields computed elsewhere (the story cluster, see ``syndication``).
    """
    if spelling is None:
        spell_text = _join(article.headline, article.description, article.body)
    else:
        spell_text = " ".join(spelling) or None
    names = {
        "authors": list(article.authors),
        "source": [article.source] if article.source else [],
        "section": [article.section] if article.section else [],
        "tags": list(article.tags),
    }
    language = stemming_language(article.language)
    document: dict[str, Any] = {
        "id": article.id,
        "url": article.url or article.canonical_url,
        "cache_url": cache_url,
        "headline": _prose(article.headline, language),
        "description": _prose(article.description, language),
        "body": _prose(article.body, language),
        "captions": _prose("\n".join(article.captions), language),
        "words": _join(article.headline, article.description, article.body, *article.captions),
        "published": parse_published(article.published),
        "language": article.language,
        "spell": spell_text,
        "article": article_to_json(article),
    }
    for name, values in names.items():
        document[name] = "\n".join(values) or None
        document[f"{name}_facet"] = values
    document["language_facet"] = [article.language] if article.language else []
    document.update(extra or {})
    return {name: value for name, value in document.items() if value is not None}


def article_to_json(article: Article) -> str:
    return json.dumps(article.to_dict(), ensure_ascii=False, separators=(",", ":"))


def article_from_json(text: str) -> Article:
    return Article.from_dict(json.loads(text))


def parse_published(value: str | None) -> datetime | None:
    """An ISO date for sorting and range filters; zoned times become naive UTC.

    Naive times (the page gave no zone) are kept as they are: the page's local time is
    the best guess we have. Unparseable dates are logged and left out.
    """
    if not value:
        return None
    try:
        parsed = isoparse(value.strip())
    except (ValueError, OverflowError):
        logger.debug("unparseable published date %r", value)
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [item for item in value if isinstance(item, str)]


def _display_values(value: Any) -> list[str]:
    """Trimmed display forms, one per distinct key, first spelling wins."""
    seen: set[str] = set()
    kept: list[str] = []
    for item in _as_list(value):
        key = facet_key(item)
        if key and key not in seen:
            seen.add(key)
            kept.append(" ".join(item.split()))
    return kept


def _prose(text: str | None, language: str | None) -> str | None:
    """Text for a ``ProseField``, carrying the language when it is stemmed its own way."""
    if not text:
        return None
    return LanguageText(text, language) if language else text


def _join(*parts: str | None) -> str | None:
    text = "\n".join(part for part in parts if part)
    return text or None
