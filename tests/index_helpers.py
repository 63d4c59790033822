"""Small original articles, an in-memory page source and JSON extractors for index tests.

The extractors are top-level functions so worker processes can import them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crawl_cache.page import CachedPage
from indexer.article import Article
from indexer.errors import ExtractionError

if TYPE_CHECKING:
    from whoosh.searching import Searcher

JSON_TYPE = "application/json"


def sample_articles() -> list[Article]:
    """Eight short made-up news stories with varied sources, authors, sections and dates."""
    return [
        Article(
            id="a-council",
            url="https://harbour.example/politics/council-election-rules",
            source="Harbour Gazette",
            headline="City council approves new election rules",
            description="Voters will need a photo card at polling stations from autumn.",
            authors=["Maria Lopez"],
            published="2024-03-05T09:00:00Z",
            section="Politics",
            tags=["Elections", "Local government"],
            language="en",
            body=(
                "The city council voted on Tuesday to change how local elections are run.\n\n"
                "Officials said the new rules would shorten queues at polling stations and "
                "make counting faster. Opposition members argued the change came too late "
                "for the spring ballot."
            ),
        ),
        Article(
            id="a-port",
            url="https://coastal.example/business/port-strike",
            source="Coastal Times",
            headline="Dock workers begin port strike over pay",
            description="Cargo ships queue offshore as the walkout enters its first day.",
            authors=["Tom Reed", "Ana Silva"],
            published="2024-03-06T07:30:00+01:00",
            section="Business",
            language="en",
            body=(
                "Hundreds of dock workers walked off the job at dawn, halting cranes along "
                "the container quay.\n\nUnion leaders said the port strike would continue "
                "until managers improved their pay offer. Shipping firms warned of delays "
                "to grocery deliveries."
            ),
        ),
        Article(
            id="a-flood",
            url="https://harbour.example/weather/river-flood-warning",
            source="Harbour Gazette",
            headline="Flood warnings issued along the river valley",
            description="Heavy rain is expected to push the river over its banks overnight.",
            authors=["Maria Lopez"],
            published="2024-02-20",
            section="Weather",
            language="en",
            body=(
                "Forecasters issued flood warnings for six villages after a week of heavy "
                "rain.\n\nResidents were told to move cars to higher ground and to keep "
                "sandbags ready by their doors."
            ),
        ),
        Article(
            id="a-festival",
            url="https://alpine.example/culture/winter-festival",
            source="Alpine Post",
            headline="München hosts winter music festival",
            description="Orchestras from twelve countries play in heated tents by the park.",
            authors=["Jürgen Weiß"],
            published="2024-01-15T18:00:00",
            section="Culture",
            language="en",
            body=(
                "The winter music festival in München opened with a choir of three hundred "
                "singers.\n\nOrganisers expect record crowds despite the cold, and tickets "
                "for the closing concert sold out within an hour."
            ),
            captions=["A violinist tunes up before the opening concert"],
        ),
        Article(
            id="a-telescope",
            url="https://coastal.example/science/telescope-galaxy",
            source="Coastal Times",
            headline="New telescope captures distant galaxy",
            description="Astronomers say the image shows stars forming at record distance.",
            authors=["Ana Silva"],
            published="2023-12-01T12:00:00Z",
            section="Science",
            language="en",
            body=(
                "A telescope on the mountain observatory recorded light that left a distant "
                "galaxy billions of years ago.\n\nThe team plans to point the instrument at "
                "three more candidates next month."
            ),
        ),
        Article(
            id="a-rail",
            url="https://harbour.example/transport/rail-strike",
            source="Harbour Gazette",
            headline="Rail strike disrupts morning commute",
            description="Trains ran hourly as drivers joined a one-day walkout.",
            authors=["Tom Reed"],
            published="2024-03-07T06:15:00Z",
            section="Transport",
            language="en",
            body=(
                "Commuters crowded onto replacement buses as train drivers stayed home.\n\n"
                "The rail operator apologised and said full service would return tomorrow."
            ),
        ),
        Article(
            id="a-recount",
            url="https://alpine.example/politics/recount",
            source="Alpine Post",
            headline="Election results delayed by recount",
            description="Officials will check every ballot in two districts again.",
            authors=["Maria Lopez"],
            published="2024-03-08T20:00:00Z",
            section="Politics",
            language="en",
            body=(
                "The final result of the regional election will be announced next week after "
                "a recount was ordered.\n\nCandidates urged their supporters to stay calm."
            ),
        ),
        Article(
            id="a-garden",
            url="https://harbour.example/community/garden",
            source="harbour gazette",
            headline="Community garden opens on old car park",
            description=None,
            authors=[],
            published=None,
            section=None,
            language="en",
            body=(
                "Volunteers planted beans, herbs and apple trees where cars once parked.\n\n"
                "The garden will host a harvest picnic in September."
            ),
        ),
    ]


def page_for(article: Article, url: str | None = None, *, broken: bool = False) -> CachedPage:
    """A cached page whose body is the article as JSON (or junk when ``broken``)."""
    body = b"BROKEN page" if broken else json.dumps(article.to_dict()).encode("utf-8")
    return CachedPage.create(url or article.url or article.id, body, content_type=JSON_TYPE)


def json_extractor(body: bytes, url: str, content_type: str | None) -> Article:
    """Stands in for the scraper: pages hold article JSON; junk raises ExtractionError."""
    if body.startswith(b"BROKEN"):
        raise ExtractionError("no article text found")
    if body.startswith(b"CRASH"):
        raise ValueError("parser blew up")
    return Article.from_dict(json.loads(body))


class MemoryCache:
    """An in-memory stand-in for CrawlCache's change feed (same method names)."""

    def __init__(self) -> None:
        self._pages: dict[str, CachedPage] = {}
        self._seq = 0
        self.failures: list[tuple[str, str, str]] = []
        self.reads: list[int] = []

    def put(self, page: CachedPage) -> int:
        self._seq += 1
        self._pages[page.url] = replace(page, seq=self._seq)
        return self._seq

    def changes_since(self, seq: int) -> Iterator[CachedPage]:
        self.reads.append(seq)
        pages = sorted(self._pages.values(), key=lambda page: page.seq or 0)
        return iter([page for page in pages if (page.seq or 0) > seq])

    def page_count(self) -> int:
        return len(self._pages)

    def last_seq(self) -> int:
        return self._seq

    def record_failure(self, source: str, reason: str, *, stage: str = "import") -> None:
        self.failures.append((source, reason, stage))


def cache_with(articles: list[Article]) -> MemoryCache:
    cache = MemoryCache()
    for article in articles:
        cache.put(page_for(article))
    return cache


def build_index(path: Path, articles: list[Article]) -> Path:
    """A full index of ``articles`` in ``path``, through the product's own builder."""
    from indexer.build import reindex_cache

    reindex_cache(cache_with(articles), path, full=True, extract=json_extractor)
    return path


@contextmanager
def live_searcher(index_dir: Path) -> Iterator[Searcher]:
    """The searcher a ``SearchService`` answers from, for tests of search internals."""
    from indexer.search import SearchService

    with SearchService(index_dir) as service:
        searcher, _generation = service._pool.current()
        yield searcher


def all_postings(ix: Any) -> list[tuple[Any, ...]]:
    """Every posting (document, weight, encoded value) of every indexed field of a Whoosh
    index, then every field length: what two ways of writing one index must agree on."""
    found: list[tuple[Any, ...]] = []
    with ix.reader() as reader:
        for name, field in ix.schema.items():
            if not field.indexed:
                continue
            for term in reader.lexicon(name):
                matcher = reader.postings(name, term)
                postings = [(i, matcher.weight(), matcher.value()) for i in matcher.all_ids()]
                found.append((name, term, postings))
        lengths = [
            (name, doc, reader.doc_field_length(doc, name))
            for name in ix.schema.scorable_names()
            for doc in range(reader.doc_count_all())
        ]
    return found + lengths
