"""Similar-spelling retry: a query's words widened to nearby words the index holds."""

from __future__ import annotations

from itertools import islice

from whoosh import query as wq
from whoosh.reading import IndexReader

from .query import FUZZY_FIELDS, MAX_FUZZY_EXPANSIONS

# Words shorter than this are only widened by one edit: two edits turn "port" into anything.
TWO_EDITS_FROM = 7
# Candidates looked at per word before keeping the most frequent (bounds the lexicon walk).
SCAN_LIMIT = 200
# Longer "words" are junk or attacks: the edit-distance automaton grows with the length,
# and one 2,000-letter word took seconds to widen.
MAX_WORD_LENGTH = 40


def fuzzy_query(query: wq.Query, reader: IndexReader) -> wq.Query | None:
    """``query`` with each prose word replaced by itself or similar words; None if none found.

    Candidates share the word's first letter and are at most one edit away (two for
    words of TWO_EDITS_FROM letters or more); at most MAX_FUZZY_EXPANSIONS per word,
    the most common first. Phrases, names and filters are left as they are.
    """
    changed = False

    def widen(node: wq.Query) -> wq.Query:
        nonlocal changed
        if not isinstance(node, wq.Term) or node.fieldname not in FUZZY_FIELDS:
            return node
        text = node.text if isinstance(node.text, str) else node.text.decode("utf-8")
        if not 3 <= len(text) <= MAX_WORD_LENGTH:
            return node
        similar = _similar_words(reader, node.fieldname, text)
        if not similar:
            return node
        changed = True
        terms = [wq.Term(node.fieldname, word, boost=node.boost) for word in similar]
        return wq.Or([node, *terms])

    widened = query.accept(widen)
    return widened if changed else None


def _similar_words(reader: IndexReader, field: str, text: str) -> list[str]:
    # A language-tagged stem ("de:kiev") is measured and matched without its tag: the tag
    # would count as letters and, as the shared prefix, let any German stem through.
    tag = text[: text.index(":") + 1] if ":" in text else ""
    distance = 2 if len(text) - len(tag) >= TWO_EDITS_FROM else 1
    found = islice(reader.terms_within(field, text, distance, prefix=len(tag) + 1), SCAN_LIMIT)
    words = [word.decode("utf-8") if isinstance(word, bytes) else word for word in found]
    words = [word for word in words if word != text]
    words.sort(key=lambda word: (-reader.doc_frequency(field, word), word))
    return words[:MAX_FUZZY_EXPANSIONS]
