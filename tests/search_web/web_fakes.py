"""A small in-memory search service speaking the indexer's request and result types."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from indexer.article import Article
from indexer.search_types import (
    FacetValue,
    Hit,
    SearchRequest,
    SearchResult,
    SnippetFragment,
    SortOrder,
)


@dataclass(frozen=True)
class FakeIndexStats:
    articles: int
    sources: int
    generation: str
    last_reindex_at: str | None


@dataclass
class FakeSearchService:
    """Answers searches by plain substring matching over a handful of articles.

    ``failure`` makes every call raise it (e.g. IndexNotFound); ``suggestion`` and
    ``notice`` are echoed in every result; calls are recorded for assertions.
    """

    articles: list[Article]
    failure: Exception | None = None
    suggestion: str | None = None
    notice: str | None = None
    generation: str = "g0001"
    requests: list[SearchRequest] = field(default_factory=list)
    looked_up: list[str] = field(default_factory=list)
    suggested: list[tuple[str, int]] = field(default_factory=list)
    closed: int = 0

    def _check(self) -> None:
        if self.failure is not None:
            raise self.failure

    def search(self, request: SearchRequest) -> SearchResult:
        self._check()
        self.requests.append(request)
        words = request.query.lower().split()
        matching = [article for article in self.articles if _matches(article, words)]
        filtered = [article for article in matching if _passes_filters(article, request)]
        if request.sort == SortOrder.NEWEST or not words:
            filtered.sort(key=lambda article: article.published or "", reverse=True)
        else:
            filtered.sort(key=lambda article: -_score(article, words))
        start = (request.page - 1) * request.page_size
        page = filtered[start : start + request.page_size]
        return SearchResult(
            request=request,
            total=len(filtered),
            hits=tuple(_hit(article, words) for article in page),
            facets=_facets(filtered, request),
            suggestion=self.suggestion,
            notice=self.notice,
            elapsed_ms=3.2,
        )

    def get_article(self, article_id: str) -> Article | None:
        self._check()
        self.looked_up.append(article_id)
        return next((article for article in self.articles if article.id == article_id), None)

    def suggest(self, prefix: str, limit: int = 8) -> tuple[str, ...]:
        """Headline words starting with the prefix's last word, in article order."""
        self._check()
        self.suggested.append((prefix, limit))
        head, _space, last = prefix.lower().rpartition(" ")
        words: dict[str, None] = {}
        for article in self.articles:
            for word in re.findall(r"\w+", (article.headline or "").lower()):
                if word.startswith(last):
                    words.setdefault(f"{head} {word}" if head else word, None)
        return tuple(words)[:limit]

    def related(self, article_id: str, limit: int = 5) -> tuple[Hit, ...]:
        self._check()
        found = self.get_article(article_id)
        if found is None:
            return ()
        same_source = [
            article
            for article in self.articles
            if article.source == found.source and article.id != article_id
        ]
        return tuple(_hit(article, []) for article in same_source[:limit])

    def stats(self) -> FakeIndexStats:
        self._check()
        sources = {article.source for article in self.articles if article.source}
        return FakeIndexStats(
            articles=len(self.articles),
            sources=len(sources),
            generation=self.generation,
            last_reindex_at="2024-05-03T10:00:00+00:00",
        )

    def close(self) -> None:
        self.closed += 1


def _text(article: Article) -> str:
    return f"{article.headline or ''} {article.body}".lower()


def _matches(article: Article, words: list[str]) -> bool:
    text = _text(article)
    return all(word in text for word in words)


def _score(article: Article, words: list[str]) -> int:
    text = _text(article)
    return sum(text.count(word) for word in words)


def _published_date(article: Article) -> date | None:
    return date.fromisoformat(article.published[:10]) if article.published else None


def _passes_filters(article: Article, request: SearchRequest) -> bool:
    if request.sources and article.source not in request.sources:
        return False
    if request.sections and article.section not in request.sections:
        return False
    if request.authors and not set(request.authors) & set(article.authors):
        return False
    published = _published_date(article)
    if request.date_from and (published is None or published < request.date_from):
        return False
    return not (request.date_to and (published is None or published > request.date_to))


def _snippet(text: str, words: list[str]) -> tuple[SnippetFragment, ...]:
    if not words:
        return (SnippetFragment(text[:160]),)
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    fragments: list[SnippetFragment] = []
    position = 0
    for match in pattern.finditer(text):
        if match.start() > position:
            fragments.append(SnippetFragment(text[position : match.start()]))
        fragments.append(SnippetFragment(match.group(0), match=True))
        position = match.end()
    if position < len(text):
        fragments.append(SnippetFragment(text[position:]))
    return tuple(fragments)


def _hit(article: Article, words: list[str]) -> Hit:
    first_paragraph = article.body.split("\n\n")[0]
    return Hit(
        id=article.id,
        url=article.url,
        headline=article.headline,
        source=article.source,
        authors=tuple(article.authors),
        published=article.published,
        section=article.section,
        description=article.description,
        snippet=_snippet(first_paragraph, words),
        score=float(_score(article, words)) if words else None,
    )


def _facets(articles: list[Article], request: SearchRequest) -> dict[str, tuple[FacetValue, ...]]:
    def count(values: list[str], selected: tuple[str, ...]) -> tuple[FacetValue, ...]:
        tally: dict[str, int] = {}
        for value in values:
            tally[value] = tally.get(value, 0) + 1
        ordered = sorted(tally.items(), key=lambda item: (-item[1], item[0]))
        return tuple(FacetValue(value, n, value in selected) for value, n in ordered)

    return {
        "source": count([a.source for a in articles if a.source], request.sources),
        "section": count([a.section for a in articles if a.section], request.sections),
        "author": count([name for a in articles for name in a.authors], request.authors),
    }


# Small original articles the web tests search over.

PORT_STRIKE = Article(
    id="a1b2c3d4e5f60718",
    url="https://courier.example/business/harbour-strike",
    canonical_url="https://courier.example/business/harbour-strike",
    source="Northern Courier",
    headline="Harbour strike halts port traffic",
    description="Dock workers walked out at dawn over pay.",
    authors=["Ada Penrose", "Tom Quill"],
    published="2024-05-02T09:30:00+01:00",
    updated="2024-05-02T13:15:00+01:00",
    section="Business",
    tags=["ports", "labour"],
    language="en",
    body=(
        "Dock workers began a strike at the harbour on Thursday, halting port traffic.\n\n"
        "Union leaders said the strike would last two days unless talks resumed.\n\n"
        "Shipping firms diverted three vessels to a neighbouring port."
    ),
    captions=["Cranes stand idle at the harbour.", "Pickets outside the dock gates."],
    image="https://courier.example/images/cranes.jpg",
    word_count=38,
)

FLOOD = Article(
    id="b2c3d4e5f6071829",
    url="https://gazette.example/weather/river-flood",
    source="Valley Gazette",
    headline="Flood defences tested as river rises",
    authors=["Mo Reed"],
    published="2024-04-20",
    section="Weather",
    body=(
        "The river rose a metre overnight and flood barriers held.\n\n"
        "Residents near the port road were told to move cars to higher ground."
    ),
    word_count=27,
)

RAIL_STRIKE = Article(
    id="c3d4e5f607182930",
    url="http://courier.example/transport/rail-strike",
    source="Northern Courier",
    headline="Rail strike called off after late talks",
    authors=["Tom Quill"],
    published="2024-03-11T18:00:00Z",
    section="Transport",
    body="A planned rail strike was called off after talks ran late into the night.",
    word_count=15,
)

MARKUP = Article(
    id="d4e5f60718293a4b",
    url="javascript:alert(1)",
    source="<i>Sneaky</i> Source",
    headline="<script>alert('headline')</script> & <b>bold</b> claims",
    description="<img src=x onerror=alert(2)>",
    authors=["<em>Anon</em>"],
    published="2024-02-01",
    section="Opinion",
    tags=["<u>tag</u>"],
    body="<script>alert('body')</script> first paragraph.\n\nSecond <a href=x>paragraph</a>.",
    captions=["<b>caption</b>"],
    image="javascript:alert(3)",
    word_count=6,
)


def market_notes(count: int) -> list[Article]:
    """Many small articles that all mention "market", for pagination."""
    return [
        Article(
            id=f"e{number:015x}",
            url=f"https://ledger.example/markets/note-{number}",
            source="Daily Ledger",
            headline=f"Market note {number}",
            authors=["Lee Ticker"],
            published=f"2023-{1 + number % 12:02d}-{1 + number % 28:02d}",
            section="Markets",
            body=f"Market note number {number} on share prices.",
            word_count=7,
        )
        for number in range(count)
    ]
