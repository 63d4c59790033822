"""Text analysis for the index: analyzers for prose, names and spelling, and facet keys.

Prose is lowercased, accent-folded, stop-worded and stemmed so "elections" finds
"election" and "munchen" finds "München". The same prose also goes, unstemmed, into a
language-neutral field (``words_analyzer``): an exact word form matches there as well,
which helps whatever the article's language. Articles in a language with a Snowball
stemmer other than English are stemmed with their own language's rules and stop words
(``language_analyzer``), their stems tagged with the language ("de:haus") so they never
collide with English stems; a query is read in every such language at once
(``query_forms``). Names (authors, sources, sections, tags)
are folded but not stemmed, so "author:smith" matches "Jane Smith" and nothing else.
The spelling field keeps whole folded words, so suggestions are real words, not stems.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.lang import stopwords_for_language
from whoosh.lang.stopwords import stoplists
from whoosh.support.charset import accent_map

# Snowball's English stop list (127 function words: "which", "has", "their", "was"...).
# Whoosh's default list is a quarter of that size and holds "us", which would lose
# "US" in "US troops"; these words carry no topic and would otherwise be scored in
# every natural-language query.
PROSE_STOP_WORDS: frozenset[str] = frozenset(stoplists["en"])

# Languages whose articles get their own stemmer and stop words (Whoosh's Snowball
# stemmers); English, and any language not listed, uses ``text_analyzer``.
STEMMED_LANGUAGES: tuple[str, ...] = (
    "da", "de", "es", "fi", "fr", "hu", "it", "nl", "no", "pt", "ru", "sv",
)  # fmt: skip
_LANGUAGE_ALIASES = {"nb": "no", "nn": "no"}

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
        | StopFilter(stoplist=PROSE_STOP_WORDS)
        | StemFilter(cachesize=50_000)
    )


def words_analyzer() -> Analyzer:
    """Analyzer for the language-neutral prose field: folded, stop-worded, not stemmed."""
    return (
        RegexTokenizer()
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(stoplist=PROSE_STOP_WORDS)
    )


class LanguageText(str):
    """Prose with the language of its article, for a field that stems per language."""

    language: str | None

    def __new__(cls, text: str, language: str | None) -> LanguageText:
        value = super().__new__(cls, text)
        value.language = language
        return value


def stemming_language(code: str | None) -> str | None:
    """The STEMMED_LANGUAGES entry for a language code ("de-AT" is "de"), else None."""
    if not code:
        return None
    base = code.strip().lower().replace("_", "-").split("-")[0]
    base = _LANGUAGE_ALIASES.get(base, base)
    return base if base in STEMMED_LANGUAGES else None


class LanguageTagFilter(Filter):
    """Prefix each token with its language ("de:"), keeping languages' stems apart."""

    def __init__(self, language: str) -> None:
        self.prefix = f"{language}:"

    def __call__(self, tokens):  # type: ignore[no-untyped-def]
        for token in tokens:
            token.text = self.prefix + token.text
            yield token


@cache
def language_analyzer(language: str) -> Analyzer:
    """Analyzer for prose in one of STEMMED_LANGUAGES (one shared instance per language).

    Stop words and stemmer see the words with their accents (the Snowball rules and
    lists are written with them); folding comes after, so "Häuser" and "hauser" both
    become "de:haus".
    """
    return (
        RegexTokenizer()
        | LowercaseFilter()
        | StopFilter(stoplist=stopwords_for_language(language))
        | StemFilter(lang=language, cachesize=10_000)
        | CharsetFilter(accent_map)
        | LanguageTagFilter(language)
    )


def query_forms(field: object, text: str) -> list[list[str]]:
    """The readings of a query word or phrase in a field, each a list of terms.

    A prose field gives its default (English) reading and one per stemming language
    its index holds (``indexed_languages``, see ``schema.ProseField``), so an index of
    English articles reads queries exactly as before. Text that is only stop words in
    the default reading has no readings: "the" stays unsearchable whatever other
    languages make of it.
    """
    default = list(field.process_text(text, mode="query"))  # type: ignore[attr-defined]
    if not default:
        return []
    forms = [default]
    for language in sorted(getattr(field, "indexed_languages", ())):
        words = [token.text for token in language_analyzer(language)(text, mode="query")]
        if words and words not in forms:
            forms.append(words)
    return forms


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
