"""The speed bench's fixed query mix, drawn from the corpus records with a fixed seed."""

from __future__ import annotations

import json
import random
import urllib.parse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

SEED = 20240607
PAGE_SIZE = 10


@dataclass(frozen=True)
class Query:
    """One query of the mix, as a reader would send it."""

    kind: str
    text: str
    author: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    sort: str | None = None
    page: int = 1

    def params(self) -> list[tuple[str, str]]:
        pairs = [("q", self.text)]
        if self.author:
            pairs.append(("author", self.author))
        if self.date_from:
            pairs.append(("from", self.date_from))
        if self.date_to:
            pairs.append(("to", self.date_to))
        if self.sort:
            pairs.append(("sort", self.sort))
        if self.page > 1:
            pairs.append(("page", str(self.page)))
        return pairs

    def path(self, base: str) -> str:
        return f"{base}?{urllib.parse.urlencode(self.params())}"

    def words(self) -> list[str]:
        return [w for w in self.text.replace('"', " ").split() if w not in ("AND", "OR")]


_STOP_WORDS = (
    "about after also been before being between could during first from have into last "
    "more most other over said says since some such than that their there these they "
    "this those through under were what when which while will with would year years "
    "percent company million billion reuters"
)
_STOP = frozenset(_STOP_WORDS.split())


def _words(text: str) -> list[str]:
    return [w for w in "".join(c.lower() if c.isalpha() else " " for c in text).split()]


@dataclass(frozen=True)
class Record:
    """The fields of a corpus record the query mix is drawn from."""

    headline: str
    body: str
    authors: tuple[str, ...]
    published: str | None

    @classmethod
    def from_line(cls, line: str) -> Record:
        raw = json.loads(line)
        return cls(
            headline=str(raw.get("headline") or ""),
            body=str(raw.get("body") or ""),
            authors=tuple(str(name) for name in raw.get("authors") or ()),
            published=raw.get("published") or None,
        )


def query_mix(articles: Sequence[Record], seed: int = SEED) -> list[Query]:
    """The fixed query mix for these records (same records and seed, same queries)."""
    rng = random.Random(seed)
    frequency: Counter[str] = Counter()
    for article in articles:
        frequency.update(set(_words(f"{article.headline} {article.body}")))
    low = max(3, len(articles) // 2000)
    high = max(low + 2, len(articles) // 100)
    usable = sorted(w for w in frequency if len(w) >= 4 and w not in _STOP)
    rare = [w for w in usable if low <= frequency[w] <= high]
    if len(rare) < 20:  # a tiny collection: take its least common words instead
        rare = sorted(sorted(usable, key=lambda w: (frequency[w], w))[:20])
    dated = sorted(article.published[:10] for article in articles if article.published)
    queries: list[Query] = []

    def rare_words(count: int) -> str:
        return " ".join(rng.sample(rare, min(count, len(rare))))

    for count, number in ((1, 20), (2, 20), (3, 15)):
        queries += [Query(f"{count}-word", rare_words(count)) for _ in range(number)]
    rare_set = set(rare)
    sample = rng.sample(list(articles), min(len(articles), 60))
    for article in sample[:10]:
        mine = sorted({w for w in _words(article.body) if w in rare_set})
        if len(mine) >= 2:
            first, second = rng.sample(mine, 2)
            queries.append(Query("and", f"{first} AND {second}"))
    for article in sample[10:25]:
        words = _words(article.body)
        pairs = [
            (a, b)
            for a, b in zip(words, words[1:], strict=False)
            if len(a) > 3 and len(b) > 3 and a not in _STOP and b not in _STOP
        ]
        if pairs:
            queries.append(Query("phrase", '"{} {}"'.format(*rng.choice(pairs))))
    for article in sample[25:35]:
        if article.authors:
            text = rng.choice(_words(article.headline or article.body) or ["market"])
            queries.append(Query("author filter", text, author=article.authors[0]))
    if dated:
        for _ in range(5):
            start = rng.choice(dated)
            queries.append(Query("date filter", rare_words(1), date_from=start, date_to=dated[-1]))
    queries += [Query("newest", rare_words(rng.choice((1, 2))), sort="newest") for _ in range(10)]
    common = sorted(w for w, n in frequency.most_common(400) if len(w) >= 5 and w not in _STOP)
    for _ in range(10):
        queries.append(Query("deep page", rng.choice(common or rare), page=rng.randint(5, 20)))
    return queries


def warmup_queries(articles: Sequence[Record], seed: int = SEED + 1) -> list[Query]:
    """Queries unlike the mix, to open searchers and caches before timing."""
    return query_mix(articles, seed)[:12]
