"""Spelling suggestions: a corrected query string built from the index's own words.

A query word gets a correction in two cases:

- it is not in the spelling dictionary at all (it cannot match anything as typed):
  the nearest dictionary word, one edit away before two, the commonest first;
- it is in the dictionary but rare (in at most ``RARE_SHARE`` of the articles, or
  ``RARE_DOCS``), and a word one edit away (two for long words) is in at least
  ``COMMONER_BY`` times as many: "goverment" in three articles, "government" in
  three thousand.

Corrections that are only another form of the same word ("strikes" for "strike") are
not offered: stemming already finds those. Candidates share the word's first letter,
which keeps the lexicon walk short and the suggestions plausible.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice

from whoosh.lang.porter import stem
from whoosh.reading import IndexReader
from whoosh.spelling import Corrector

from .analysis import spelling_key
from .query import OPERATORS

SPELLING_FIELD = "spell"
# The unstemmed prose field: how many articles use a word as written.
EXACT_FIELD = "words"
# Dictionary words looked at per edit distance (bounds the lexicon walk).
SCAN_LIMIT = 500
MIN_WORD_LENGTH = 3
MAX_WORD_LENGTH = 40
# A known word this rare (share of articles, or this many) may be a misspelling...
RARE_SHARE = 0.0005
RARE_DOCS = 3
# ...when a near word is this many times as common (and in at least MIN_CORRECTION_DOCS).
COMMONER_BY = 20
MIN_CORRECTION_DOCS = 10
# Known words this long may be two edits from their correction; shorter ones only one.
TWO_EDITS_FROM = 8
# Unknown words this long may be two edits away: "kiev" is not two edits from "keep".
UNKNOWN_TWO_EDITS_FROM = 6
CANDIDATES = 5
# Name fields: a word found there ("Åkesson" in a byline) is known though no prose uses it.
NAME_FIELDS = ("authors", "source", "section", "tags")

_TOKEN = re.compile(r"\w+")
# A field operator and its value: ``author:smith``, ``author:"Jane Smith"``, ``intitle:(a OR b)``.
_FIELD_VALUE = re.compile(r"\w+:(?:\"[^\"]*\"?|\([^)]*\)?|\S*)")


class _CommonestCorrector(Corrector):
    """Whoosh's corrector over the spelling dictionary, ranking by how many articles use a word.

    The dictionary holds each word once (a presence list), so Whoosh's own reader
    corrector, which ranks by the dictionary's frequencies, would rank alphabetically.
    """

    def __init__(self, reader: IndexReader, popularity: Callable[[str], int]) -> None:
        self._reader = reader
        self._popularity = popularity

    def _suggestions(self, text: str, maxdist: int, prefix: int) -> Iterator[tuple[int, str]]:
        found = self._reader.terms_within(SPELLING_FIELD, text, maxdist, prefix=prefix)
        for word in islice(found, SCAN_LIMIT):
            word = word.decode("utf-8") if isinstance(word, bytes) else word
            yield self._popularity(word), word


@dataclass(frozen=True, slots=True)
class Speller:
    """Corrections for single words from one reader's spelling dictionary."""

    reader: IndexReader

    def is_known(self, word: str) -> bool:
        """Whether some article uses ``word`` in its prose or in a name (a dictionary key)."""
        if (SPELLING_FIELD, word) in self.reader:
            return True
        schema = self.reader.schema
        return any((name, word) in self.reader for name in NAME_FIELDS if name in schema)

    def frequency(self, word: str) -> int:
        """Articles using ``word`` as written (folded); 0 for unknown words and stop words."""
        if EXACT_FIELD in self.reader.schema:
            return int(self.reader.doc_frequency(EXACT_FIELD, word))
        return 1 if self.is_known(word) else 0  # an index without the exact-form field

    def correction(self, word: str) -> str | None:
        """The word to suggest instead of ``word`` (a dictionary key), or None."""
        if not self.is_known(word):
            distances = (1, 2) if len(word) >= UNKNOWN_TWO_EDITS_FROM else (1,)
            return self._nearest(word, distances, minimum=1)
        known = self.frequency(word)
        # Stop words are known but never counted: they are not misspellings.
        if not known or known > self._rare_limit() or len(word) < 4:
            return None
        distances = (1, 2) if len(word) >= TWO_EDITS_FROM else (1,)
        minimum = max(MIN_CORRECTION_DOCS, known * COMMONER_BY)
        return self._nearest(word, distances, minimum=minimum)

    def _rare_limit(self) -> int:
        return max(RARE_DOCS, int(self.reader.doc_count() * RARE_SHARE))

    def _nearest(self, word: str, distances: tuple[int, ...], *, minimum: int) -> str | None:
        """The likeliest word at the first distance that has one used ``minimum`` times.

        One edit away, a dropped, doubled or swapped letter ("strke", "goverment",
        "bnak") is a likelier slip than a wrong one, so those candidates come first and
        the commonest of them wins; a swap, two edits for Whoosh, is looked up here.
        """
        corrector = _CommonestCorrector(self.reader, self.frequency)
        for distance in distances:
            found = list(
                map(str, corrector.suggest(word, limit=CANDIDATES, maxdist=distance, prefix=1))
            )
            if distance == 1:
                found += [swap for swap in _swaps(word) if self.is_known(swap)]
            found = [
                candidate
                for candidate in dict.fromkeys(found)
                if candidate != word and stem(candidate) != stem(word)
            ]  # another form of the same word: stemming finds it anyway
            ranked = sorted(
                (_slip_rank(word, candidate), -self.frequency(candidate), candidate)
                for candidate in found
            )
            for _rank, count, candidate in ranked:
                if -count >= minimum:
                    return candidate
        return None


def _swaps(word: str) -> list[str]:
    """The word with each pair of neighbouring letters swapped (first letter kept)."""
    return [
        word[:index] + word[index + 1] + word[index] + word[index + 2 :]
        for index in range(1, len(word) - 1)
        if word[index] != word[index + 1]
    ]


def _slip_rank(typed: str, candidate: str) -> int:
    """0 for a dropped, extra or swapped letter; 1 for anything else (a wrong letter)."""
    if abs(len(typed) - len(candidate)) == 1:
        shorter, longer = sorted((typed, candidate), key=len)
        letters = iter(longer)
        if all(letter in letters for letter in shorter):
            return 0
    if candidate in _swaps(typed):
        return 0
    return 1


def suggest_query(query: str, speller: Speller) -> str | None:
    """The query with misspelt words replaced by corrections, or None if nothing changed.

    Only whole alphabetic words are checked; operators, field operators with their
    values (``author:"Jane Smith"``), numbers and short words are left as typed, and
    so is everything between words.
    """
    pieces: list[str] = []
    last = 0
    for match, key in _prose_words(query):
        replacement = speller.correction(key)
        if replacement and replacement != key:
            pieces.append(query[last : match.start()])
            pieces.append(replacement)
            last = match.end()
    if not pieces:
        return None
    pieces.append(query[last:])
    return "".join(pieces)


def unknown_words(query: str, speller: Speller) -> list[str]:
    """The query's prose words (dictionary keys) that no article uses."""
    return [key for _match, key in _prose_words(query) if not speller.is_known(key)]


def _prose_words(query: str) -> Iterator[tuple[re.Match[str], str]]:
    """Each checkable word of the query outside field operators, with its dictionary key."""
    fielded = [match.span() for match in _FIELD_VALUE.finditer(query)]
    for match in _TOKEN.finditer(query):
        word = match.group()
        if not _checkable(word):
            continue
        if any(start <= match.start() < end for start, end in fielded):
            continue
        key = spelling_key(word)
        if key:
            yield match, key


def _checkable(word: str) -> bool:
    # Past MAX_WORD_LENGTH a "word" is junk; its edit-distance automaton would take seconds.
    return (
        MIN_WORD_LENGTH <= len(word) <= MAX_WORD_LENGTH and word.isalpha() and word not in OPERATORS
    )
