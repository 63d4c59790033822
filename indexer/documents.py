"""Index documents for a reindex: an article's fields, its new spelling words, its story fields.

Shared by the process writing the index and the processes writing segments of a
parallel full build (see ``segment_writers``).
"""

from __future__ import annotations

import re
from typing import Any

from whoosh.support.charset import accent_map

from .article import Article
from .schema import article_to_document
from .syndication import StoryClusters, syndication_fields

# The spelling analyzer's tokens (``analysis.spelling_analyzer``): letters only, two or more.
_SPELL_TOKEN = re.compile(r"[^\W\d_]{2,}")


class Vocabulary:
    """Words already given to the spelling dictionary by this writer during this run.

    ``claim`` finds the same words as ``analysis.spelling_words`` (a test compares
    them) but folds each distinct word once per run instead of every occurrence.
    """

    def __init__(self) -> None:
        self._seen: set[str] = set()
        self._folded: dict[str, str] = {}

    def claim(self, article: Article) -> list[str]:
        folded = self._folded
        words: dict[str, None] = {}
        for text in (article.headline, article.description, article.body):
            if not text:
                continue
            for token in _SPELL_TOKEN.findall(text):
                word = folded.get(token)
                if word is None:
                    word = folded[token] = token.lower().translate(accent_map)
                    if len(folded) > 500_000:  # a bound, not a tuning knob
                        folded.clear()
                words[word] = None
        new = [word for word in words if word not in self._seen]
        self._seen.update(new)
        return new


def build_document(
    article: Article,
    cache_url: str,
    vocabulary: Vocabulary | None,
    story: dict[str, object] | None = None,
    clusters: StoryClusters | None = None,
    committed: Any = None,
) -> dict[str, Any]:
    """The index document; without a vocabulary it carries all its spelling words.

    Replacements (held-back duplicates) always carry all their words: the copy they
    replace may have been the one that supplied some word to the dictionary. ``story``
    is the article's ``syndication_fields`` when already known; otherwise ``clusters``
    (and the ``committed`` searcher) place it in a story cluster now.
    """
    spelling = vocabulary.claim(article) if vocabulary is not None else None
    if story is None:
        story = syndication_fields(article.id, article.body, clusters, committed)
    return article_to_document(article, cache_url=cache_url, spelling=spelling, extra=story)
