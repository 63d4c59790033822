"""A result set's key terms: the words that set its top hits apart from the whole index."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from whoosh.classify import Bo1Model, Expander
from whoosh.searching import Searcher

KEY_TERM_FIELD = "body"
CANDIDATES = 30
# Characters read per text: the opening of a story carries its subject, and analysis
# is the cost of this feature.
MAX_TEXT_CHARS = 1500
MAX_WEIGHED = 150


def key_terms(
    searcher: Searcher, texts: Iterable[str], limit: int = 8, exclude: Iterable[str] = ()
) -> tuple[str, ...]:
    """The most telling words of some texts (Whoosh's Bo1 model), as readers write them.

    The texts are analysed once, as the body field analyses them; the stems are
    weighed against the whole index by Whoosh's query expander, and each is shown as
    the commonest word in the texts with that stem ("election" for "elect"),
    lowercased. Words of the query (``exclude``) are left out: a reader knows what
    they searched for.
    """
    field = searcher.schema[KEY_TERM_FIELD]
    skipped = {stem for word in exclude for stem in field.process_text(word, mode="query")}
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        text = text[:MAX_TEXT_CHARS]
        for token in field.analyzer(text, chars=True, mode="index"):
            counts[token.text] += 1
            spellings[token.text][text[token.startchar : token.endchar].lower()] += 1
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
