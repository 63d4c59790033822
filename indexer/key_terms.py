"""A result set's key terms: the words that set its top hits apart from the whole index."""

from __future__ import annotations

import threading
import weakref
from collections import Counter
from collections.abc import Iterable
from operator import itemgetter
from typing import Any

from whoosh.analysis import Analyzer
from whoosh.classify import Bo1Model, Expander
from whoosh.lang.stopwords import stoplists
from whoosh.searching import Searcher

from .analysis import fold_accents, language_analyzer, stemming_language
from .story_grouping import held_with_segments
from .word_forms import WordForms, word_forms

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
    forms = word_forms(analyzer)
    # (stem, the word as written, lowercased) for every word kept, in reading order.
    pairs: list[tuple[str, str]] = []
    for text in texts:
        text = text[:MAX_TEXT_CHARS]
        pairs += _stems(analyzer, forms, text)
    if stops:
        pairs = [
            (stem, written)
            for stem, written in pairs
            if not (written in stops or fold_accents(written) in stops)
        ]
    counts = Counter(stem for stem, _written in pairs)
    # Each stem's spellings with their counts, in the order they were first read.
    spellings: dict[str, dict[str, int]] = {}
    for (stem, written), count in Counter(pairs).items():
        spellings.setdefault(stem, {})[written] = count
    if not counts:
        return ()
    expander = _RememberingExpander(searcher.reader(), KEY_TERM_FIELD, model=Bo1Model)
    # Only the commonest stems are weighed: each costs an index lookup, and a word the
    # top hits use once rarely characterises them.
    expander.add(counts.most_common(MAX_WEIGHED))
    shown: list[str] = []
    for term, _weight in expander.expanded_terms(CANDIDATES, normalize=False):
        if term in skipped or term not in spellings:
            continue
        word = max(spellings[term].items(), key=itemgetter(1))[0]
        if word not in shown and word.isalpha():
            shown.append(word)
        if len(shown) >= limit:
            break
    return tuple(shown)


class _RememberingExpander(Expander):
    """Whoosh's expander, remembering each stem's collection frequency per reader.

    The same stems ("said", "market", "percent") come back in nearly every result set,
    and each lookup reads the term index of every segment.
    """

    def expanded_terms(self, number: int, normalize: bool = True) -> list[tuple[str, float]]:
        if not self.topN_weight:
            return []
        known = _frequencies(self.ixreader, self.fieldname)
        field = self.ixreader.schema[self.fieldname]
        scored = []
        maxweight = 0.0
        for word, weight in self.topN_weight.items():
            frequency = known.get(word, _UNSEEN)
            if frequency is _UNSEEN:
                btext = field.to_bytes(word)
                frequency = None
                if (self.fieldname, btext) in self.ixreader:
                    frequency = self.ixreader.frequency(self.fieldname, btext)
                if len(known) < MAX_REMEMBERED:
                    known[word] = frequency
            if frequency is None:
                continue
            score = self.model.score(weight, frequency, self.top_total)
            maxweight = max(maxweight, score)
            scored.append((score, word))
        norm = self.model.normalizer(maxweight, self.top_total) if normalize else maxweight
        scored = [(weight / norm, word) for weight, word in scored]
        scored.sort(key=lambda pair: (0 - pair[0], pair[1]))
        return [(word, weight) for weight, word in scored[:number]]


# Collection frequencies by reader and field (a reader's numbers never change).
_FREQUENCIES: weakref.WeakKeyDictionary[Any, dict[str, dict[str, Any]]] = (
    weakref.WeakKeyDictionary()
)
_FREQUENCIES_LOCK = threading.Lock()
_UNSEEN: Any = object()
MAX_REMEMBERED = 100_000


def _frequencies(reader: Any, fieldname: str) -> dict[str, Any]:
    held = held_with_segments(reader, ("key term frequencies", fieldname), dict)
    if held is not None:
        return held
    with _FREQUENCIES_LOCK:
        return _FREQUENCIES.setdefault(reader, {}).setdefault(fieldname, {})


def _stems(analyzer: Analyzer, forms: WordForms, text: str) -> list[tuple[str, str]]:
    """(stem, the word as written, lowercased) of each word kept, stop words left out."""
    words = forms.words(text)
    if words is None:
        return [
            (token.text, text[token.startchar : token.endchar].lower())
            for token in analyzer(text, chars=True, mode="index")
        ]
    return [(stem, text[start:end].lower()) for start, end, stem, stopped in words if not stopped]


def _stop_words(language: str | None) -> frozenset[str]:
    """Whoosh's stop list for a language code ("tr", "tr-TR"), folded forms included."""
    if not language:
        return frozenset()
    base = language.strip().lower().replace("_", "-").split("-")[0]
    words = stoplists.get(base, ()) if base != "en" else ()
    return frozenset(words) | frozenset(fold_accents(word) for word in words)
