"""Spelling suggestions: a corrected query string built from the index's own words."""

from __future__ import annotations

import re
from collections.abc import Callable

from whoosh.reading import IndexReader

from .analysis import spelling_key
from .query import OPERATORS

SPELLING_FIELD = "spell"
MIN_WORD_LENGTH = 3

_TOKEN = re.compile(r"\w+")


def suggest_query(
    query: str, is_known: Callable[[str], bool], suggest: Callable[[str], str | None]
) -> str | None:
    """The query with unknown words replaced by suggestions, or None if nothing changed.

    Only whole alphabetic words are checked; operators, field names (``author:``),
    numbers and short words are left as typed, and so is everything between words.
    """
    pieces: list[str] = []
    last = 0
    for match in _TOKEN.finditer(query):
        word = match.group()
        if not _checkable(word) or query[match.end() : match.end() + 1] == ":":
            continue
        key = spelling_key(word)
        if not key or is_known(key):
            continue
        replacement = suggest(key)
        if replacement and replacement != key:
            pieces.append(query[last : match.start()])
            pieces.append(replacement)
            last = match.end()
    if not pieces:
        return None
    pieces.append(query[last:])
    return "".join(pieces)


def reader_suggester(
    reader: IndexReader,
) -> tuple[Callable[[str], bool], Callable[[str], str | None]]:
    """``is_known`` and ``suggest`` callables backed by the index's spelling field.

    Whoosh's corrector ranks every candidate within ``maxdist`` by frequency alone, so
    the nearest words are tried first: one edit, then two.
    """
    corrector = reader.corrector(SPELLING_FIELD)

    def is_known(word: str) -> bool:
        return (SPELLING_FIELD, word) in reader

    def suggest(word: str) -> str | None:
        for distance in (1, 2):
            found = corrector.suggest(word, limit=1, maxdist=distance, prefix=1)
            if found:
                return str(found[0])
        return None

    return is_known, suggest


def _checkable(word: str) -> bool:
    return len(word) >= MIN_WORD_LENGTH and word.isalpha() and word not in OPERATORS
