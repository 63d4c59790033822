"""Autocomplete: completions for what a reader has typed so far, from the index's own terms.

Two cheap sources, both prefix walks of a sorted term list: names (authors, sources,
sections, tags: whole values as published) and single words of headlines, descriptions
and bodies (the spelling dictionary). Words are ranked by how many articles use them.
"""

from __future__ import annotations

from itertools import islice

from whoosh.reading import IndexReader

from .analysis import facet_key

MAX_PREFIX = 100
# Terms looked at per source before ranking: bounds the walk for short prefixes.
SCAN_LIMIT = 200
NAME_FIELDS = ("authors_facet", "source_facet", "section_facet", "tags_facet")
WORD_FIELD = "spell"
MIN_WORD_PREFIX = 2
POPULARITY_FIELDS = ("headline", "body")
EXACT_FIELD = "words"


def suggestions(reader: IndexReader, prefix: str, limit: int = 8) -> tuple[str, ...]:
    """Up to ``limit`` completions of ``prefix``: matching names first, then words.

    For several words ("port str") the last word is completed and the words before it
    are kept as typed. Matching ignores case and accents.
    """
    typed = " ".join(prefix.split())[:MAX_PREFIX]
    key = facet_key(typed)
    if not key or limit < 1:
        return ()
    found: dict[str, str] = {}  # by folded form: "Varnholm" the name hides "varnholm" the word
    for name in _names(reader, key):
        found.setdefault(facet_key(name), name)
    head, _space, last = typed.rpartition(" ")
    last_key = facet_key(last)
    if len(last_key) >= MIN_WORD_PREFIX:
        for word in _words(reader, last_key):
            completion = f"{head} {word}" if head else word
            found.setdefault(facet_key(completion), completion)
    return tuple(islice(found.values(), limit))


def _names(reader: IndexReader, key: str) -> list[str]:
    """Names whose folded form starts with ``key``, most used first, as published."""
    ranked: list[tuple[int, str]] = []
    for field in NAME_FIELDS:
        if field not in reader.schema:
            continue
        for term in islice(reader.expand_prefix(field, key), SCAN_LIMIT):
            text = term.decode("utf-8") if isinstance(term, bytes) else term
            count = reader.doc_frequency(field, text)
            if count:
                ranked.append((count, _display(reader, field, text)))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    return [name for _count, name in ranked]


def _display(reader: IndexReader, field: str, key: str) -> str:
    """The published spelling of a name key, read from one document holding it."""
    postings = reader.postings(field, key)
    if postings.is_active() and reader.has_column(field):
        for value in reader.column_reader(field)[postings.id()] or ():
            text = value.decode("utf-8") if isinstance(value, bytes) else str(value)
            if facet_key(text) == key:
                return text
    return key


def _words(reader: IndexReader, key: str) -> list[str]:
    if WORD_FIELD not in reader.schema:
        return []
    terms = [
        term.decode("utf-8") if isinstance(term, bytes) else term
        for term in islice(reader.expand_prefix(WORD_FIELD, key), SCAN_LIMIT)
    ]
    return sorted(terms, key=lambda word: (-_popularity(reader, word), word))


def _popularity(reader: IndexReader, word: str) -> int:
    """Articles using a word (the dictionary holds each word once, so it cannot count).

    The unstemmed ``words`` field counts the word itself; stemmed fields would rank a
    rare word such as "feder" as high as "federal", whose stem it shares.
    """
    if EXACT_FIELD in reader.schema:
        return sum(
            reader.doc_frequency(EXACT_FIELD, term)
            for term in reader.schema[EXACT_FIELD].process_text(word, mode="query")
        )
    total = 0
    for field in POPULARITY_FIELDS:
        if field in reader.schema:
            for term in reader.schema[field].process_text(word, mode="query"):
                total += reader.doc_frequency(field, term)
    return total
