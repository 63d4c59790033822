"""A result set's key terms: the words that set its top hits apart from the whole index."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from whoosh.analysis import Analyzer
from whoosh.classify import Bo1Model, Expander
from whoosh.lang.stopwords import stoplists
from whoosh.searching import Searcher

from .analysis import fold_accents, language_analyzer, stemming_language

KEY_TERM_FIELD = "body"
CANDIDATES = 30
# Characters read per text: the opening of a story carries its subject, and analysis
# is the cost of this feature.
MAX_TEXT_CHARS = 1500
MAX_WEIGHED = 150


def key_terms(
    searcher: Searcher,
    texts: Iterable[str],
    limit: int = 8,
    exclude: Iterable[str] = (),
    language: str | None = None,
) -> tuple[str, ...]:
    """The most telling words of some texts (Whoosh's Bo1 model), as readers write them.

    The texts are analysed once, as the body field analysed them when they were
    indexed: with their own ``language``'s stemmer and stop words when it has them
    (German stems are weighed as German stems), else with the English rules; for a
    language with a stop list but no stemmer, its stop words are left out as well.
    The stems are weighed against the whole index by Whoosh's query expander, and each
    is shown as the commonest word in the texts with that stem ("election" for
    "elect"), lowercased. Words of the query (``exclude``) are left out: a reader
    knows what they searched for.
    """
    field = searcher.schema[KEY_TERM_FIELD]
    stemming = stemming_language(language)
    analyzer: Analyzer = language_analyzer(stemming) if stemming else field.analyzer
    excluded = list(exclude)
    skipped = {stem for word in excluded for stem in field.process_text(word, mode="query")}
    skipped |= {token.text for word in excluded for token in analyzer(word, mode="query")}
    stops = _stop_words(language) if stemming is None else frozenset()
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        text = text[:MAX_TEXT_CHARS]
        for token in analyzer(text, chars=True, mode="index"):
            written = text[token.startchar : token.endchar].lower()
            if written in stops or fold_accents(written) in stops:
                continue
            counts[token.text] += 1
            spellings[token.text][written] += 1
    if not counts:
        return ()
    expander = Expander(searcher.reader(), KEY_TERM_FIELD, model=Bo1Model)
    # Only the commonest stems are weighed: each costs an index lookup, and a word the
    # top hits use once rarely characterises them.
    expander.add(counts.most_common(MAX_WEIGHED))
    shown: list[str] = []
    for term, _weight in expander.expanded_terms(CANDIDATES, normalize=False):
        if term in skipped or term not in spellings:
            continue
        word = spellings[term].most_common(1)[0][0]
        if word not in shown and word.isalpha():
            shown.append(word)
        if len(shown) >= limit:
            break
    return tuple(shown)


def _stop_words(language: str | None) -> frozenset[str]:
    """Whoosh's stop list for a language code ("tr", "tr-TR"), folded forms included."""
    if not language:
        return frozenset()
    base = language.strip().lower().replace("_", "-").split("-")[0]
    words = stoplists.get(base, ()) if base != "en" else ()
    return frozenset(words) | frozenset(fold_accents(word) for word in words)
