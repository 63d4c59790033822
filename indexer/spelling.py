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
import threading
import weakref
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice

from whoosh.lang.porter import stem
from whoosh.reading import IndexReader
from whoosh.spelling import Corrector

from .analysis import spelling_key
from .query import OPERATORS
from .story_grouping import held_with_segments

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
        common = minimum >= MIN_CORRECTION_DOCS and EXACT_FIELD in self.reader.schema
        for distance in distances:
            if common:
                found = self._common_neighbours(word, distance, minimum)
            else:
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

    def _common_neighbours(self, word: str, distance: int, minimum: int) -> list[str]:
        """What ``_CommonestCorrector.suggest`` would offer that is used ``minimum`` times.

        Only those can be chosen, and they are the commonest of its candidates, so the
        commonest CANDIDATES of them are the ones it offers. They are found among the
        words with the same first letter that are common enough (read once per reader
        and letter) instead of walking the whole dictionary with an edit automaton.
        """
        length = len(word)
        scored = []
        for candidate, count in _common_words(self.reader, word[0]):
            if count < minimum or abs(len(candidate) - length) > distance:
                continue
            if not _within(candidate[1:], word[1:], distance):
                continue
            if (SPELLING_FIELD, candidate) not in self.reader:
                continue  # the dictionary is what the corrector walks
            popularity = self.frequency(candidate)
            if popularity >= minimum:
                scored.append((popularity, candidate))
        scored.sort(reverse=True)
        return [candidate for _popularity, candidate in scored[:CANDIDATES]]


# Words of the exact-form field by reader and first letter, with how many articles use
# each (at least MIN_CORRECTION_DOCS): the only possible corrections of a known word.
_COMMON: weakref.WeakKeyDictionary[IndexReader, dict[str, list[tuple[str, int]]]] = (
    weakref.WeakKeyDictionary()
)
_COMMON_LOCK = threading.Lock()


def _common_words(reader: IndexReader, letter: str) -> list[tuple[str, int]]:
    held = held_with_segments(
        reader, ("common spelling words", letter), lambda: _read_common_words(reader, letter)
    )
    return held if held is not None else _read_common_words(reader, letter)


def _read_common_words(reader: IndexReader, letter: str) -> list[tuple[str, int]]:
    with _COMMON_LOCK:
        found = _COMMON.setdefault(reader, {}).get(letter)
    if found is not None:
        return found
    counts: Counter[str] = Counter()
    for leaf, _offset in reader.leaf_readers():
        for text, info in leaf.iter_prefix(EXACT_FIELD, letter):
            counts[text.decode("utf-8")] += info.doc_frequency()
    found = [(text, count) for text, count in counts.items() if count >= MIN_CORRECTION_DOCS]
    with _COMMON_LOCK:
        _COMMON.setdefault(reader, {})[letter] = found
    return found


def _within(first: str, second: str, limit: int) -> bool:
    """Whether the Levenshtein distance of two strings is at most ``limit``."""
    if abs(len(first) - len(second)) > limit:
        return False
    previous = list(range(len(second) + 1))
    for row, left in enumerate(first, 1):
        current = [row]
        for column, right in enumerate(second, 1):
            current.append(
                min(
                    previous[column] + 1,
                    current[column - 1] + 1,
                    previous[column - 1] + (left != right),
                )
            )
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


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
