"""Re-reading prose quickly: the text split by the analyzer's own pattern, each word analysed once.

Snippets and key terms re-read article text with the analyzer that indexed it. Whoosh
runs every token of it through a chain of generator filters. For an analyzer whose
filters each look at one token alone (lowercasing, folding, stop words, stemming,
language tags) a word always comes out the same, so its form is remembered, and the
text itself is only split with the tokenizer's regular expression. The tokens are the
ones the analyzer gives: same text, same character offsets, same stop-word flags.
"""

from __future__ import annotations

import pickle
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from typing import Any

from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    CompositeAnalyzer,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    Token,
)

from .analysis import LanguageTagFilter

# Filters that map each token on its own, whatever comes before or after it.
_PER_TOKEN_FILTERS = (LowercaseFilter, CharsetFilter, StopFilter, StemFilter, LanguageTagFilter)
# Distinct words remembered per analyzer before the memory starts again.
MAX_REMEMBERED = 200_000
# Analyzer instances with a memory (each thread's searcher, and each index generation,
# brings its own), and distinct analyzer configurations remembered.
MAX_ANALYZERS = 64
MAX_CONFIGURATIONS = 16


class WordForms:
    """One analyzer's tokens for whole texts, with each distinct word analysed once."""

    def __init__(
        self, analyzer: Analyzer, forms: dict[str, tuple[str, bool] | None] | None = None
    ) -> None:
        self.analyzer = analyzer
        self._pattern = _split_pattern(analyzer)
        # What each word becomes; may be shared with analyzers configured alike.
        self._forms: dict[str, tuple[str, bool] | None] = {} if forms is None else forms

    def words(self, text: str) -> list[tuple[int, int, str, bool]] | None:
        """Every token of ``text`` in order: (startchar, endchar, text, stopped).

        Stop words are included, flagged.

        None when this analyzer cannot be read word by word; the caller then runs the
        analyzer itself.
        """
        pattern = self._pattern
        if pattern is None:
            return None
        forms = self._forms
        if len(forms) > MAX_REMEMBERED:
            forms.clear()
        found: list[tuple[int, int, str, bool]] = []
        for match in pattern.finditer(text):
            word = match.group()
            form = forms.get(word, _UNSEEN)
            if form is _UNSEEN:
                form = forms[word] = self._analyse(word)
            if form is None:
                return None
            found.append((*match.span(), *form))
        return found

    def _analyse(self, word: str) -> tuple[str, bool] | None:
        tokens = [
            (token.text, bool(token.stopped), token.startchar, token.endchar)
            for token in self.analyzer(word, chars=True, mode="index", removestops=False)
        ]
        if len(tokens) != 1 or tokens[0][2:] != (0, len(word)):
            return None  # the word alone is not split as it was in the text
        return tokens[0][:2]


_UNSEEN: Any = object()
_KNOWN: OrderedDict[int, WordForms] = OrderedDict()
_KNOWN_LOCK = threading.Lock()
_MEMORIES: OrderedDict[bytes, dict[str, tuple[str, bool] | None]] = OrderedDict()


def word_forms(analyzer: Analyzer) -> WordForms:
    """The shared ``WordForms`` of an analyzer instance.

    Every thread's searcher reads its own copy of the schema, so the same field's
    analyzer comes as one instance per thread; instances configured alike (pickled
    alike) share what they remember of words.
    """
    with _KNOWN_LOCK:
        found = _KNOWN.get(id(analyzer))
        if found is None or found.analyzer is not analyzer:
            found = _KNOWN[id(analyzer)] = WordForms(analyzer, _memory_for(analyzer))
            while len(_KNOWN) > MAX_ANALYZERS:
                _KNOWN.popitem(last=False)
        else:
            _KNOWN.move_to_end(id(analyzer))
        return found


def _memory_for(analyzer: Analyzer) -> dict[str, tuple[str, bool] | None] | None:
    """The word memory shared by analyzers with this one's configuration (lock held)."""
    try:
        configuration = pickle.dumps(analyzer, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an analyzer that cannot be pickled keeps a memory of its own
        return None
    memory = _MEMORIES.get(configuration)
    if memory is None:
        memory = _MEMORIES[configuration] = {}
        while len(_MEMORIES) > MAX_CONFIGURATIONS:
            _MEMORIES.popitem(last=False)
    else:
        _MEMORIES.move_to_end(configuration)
    return memory


def highlight_tokens(
    words: Sequence[tuple[int, int, str, bool]], terms: frozenset[str]
) -> Iterator[Token]:
    """The tokens Whoosh's highlighter reads, marked ``matched`` when their text is a term.

    Like Whoosh's tokenizers this yields one Token object, changed in place; keep a
    ``copy()`` of any you need later.
    """
    token = Token(positions=True, chars=True, removestops=False, mode="index")
    token.boost = 1.0
    for position, (start, end, text, stopped) in enumerate(words):
        token.startchar = start
        token.endchar = end
        token.text = text
        token.stopped = stopped
        token.pos = position
        token.matched = text in terms
        yield token


def _split_pattern(analyzer: Analyzer) -> Any:
    """The tokenizer's compiled pattern when every filter after it is per token; else None."""
    if not isinstance(analyzer, CompositeAnalyzer) or not analyzer.items:
        return None
    tokenizer, *filters = analyzer.items
    if type(tokenizer) is not RegexTokenizer or tokenizer.gaps:
        return None
    if not all(type(item) in _PER_TOKEN_FILTERS for item in filters):
        return None
    return tokenizer.expression
