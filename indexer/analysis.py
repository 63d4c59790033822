"""Text analysis for the index: analyzers for prose, names and spelling, and facet keys.

Prose is lowercased, accent-folded, stop-worded and stemmed so "elections" finds
"election" and "munchen" finds "München". Names (authors, sources, sections, tags)
are folded but not stemmed, so "author:smith" matches "Jane Smith" and nothing else.
The spelling field keeps whole folded words, so suggestions are real words, not stems.
"""

from __future__ import annotations

import unicodedata

from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.support.charset import accent_map

# Letters only, at least two: the spelling dictionary has no use for numbers or initials.
_SPELL_PATTERN = r"[^\W\d_]{2,}"


def text_analyzer() -> Analyzer:
    """Analyzer for headline, description, body and captions.

    Accents are folded before stemming because the Porter stemmer only knows ASCII
    endings; stop words go after folding so the stop list matches folded text.
    """
    return (
        RegexTokenizer()
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter()
        | StemFilter(cachesize=50_000)
    )


def name_analyzer() -> Analyzer:
    """Analyzer for people, publications, sections and tags: folded words, no stemming."""
    return RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map)


def spelling_analyzer() -> Analyzer:
    """Analyzer feeding the spelling dictionary: whole folded words of two letters or more."""
    return RegexTokenizer(_SPELL_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)


def fold_accents(text: str) -> str:
    """Strip combining marks: "München" becomes "Munchen"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def facet_key(value: str) -> str:
    """The matching key of a facet value: folded, case-free, single-spaced.

    "BBC  News", "bbc news" and "BBC News" share one key, so filters ignore case
    and stray spacing while facet lists still show the form the page used.
    """
    return " ".join(fold_accents(value).casefold().split())


def spelling_words(*texts: str | None) -> list[str]:
    """The distinct dictionary words of some texts, in first-seen order."""
    analyzer = spelling_analyzer()
    words: dict[str, None] = {}
    for text in texts:
        if text:
            words.update((token.text, None) for token in analyzer(text))
    return list(words)


def spelling_key(word: str) -> str:
    """The form a word takes in the spelling dictionary (see ``spelling_analyzer``)."""
    tokens = [token.text for token in spelling_analyzer()(word)]
    return tokens[0] if len(tokens) == 1 else ""
