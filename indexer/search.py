"""The search service: SearchRequest in, SearchResult out, over the live Whoosh index.

Ranking is BM25F with the headline weighted 3, the description 2 and the body 1 (see
``schema.DEFAULT_FIELD_BOOSTS``). Juxtaposed words match if any of them does, but
documents matching all of them rank first; within each tier, by score.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from whoosh import query as wq
from whoosh import sorting
from whoosh.scoring import BM25F
from whoosh.searching import Hit as WhooshHit
from whoosh.searching import Searcher

from .article import Article
from .errors import InvalidRequest
from .facets import (
    CountCache,
    combine_filters,
    count_matches,
    facet_values,
    request_filters,
    selected_values,
)
from .index_store import read_state
from .query import ParsedQuery, parse_query
from .readers import SearcherPool
from .schema import FACET_FIELDS, article_from_json
from .search_types import Hit, SearchRequest, SearchResult, SnippetFragment, SortOrder
from .snippets import make_highlighter, plain_snippet, snippet_for
from .spelling import reader_suggester, suggest_query

logger = logging.getLogger(__name__)

MAX_PAGE = 1000
MAX_PAGE_SIZE = 100
MAX_RELATED = 50
RELATED_CANDIDATES = 40
RELATED_TERMS = 12
RELATED_FIELD_BOOSTS = {"headline": 2.0, "description": 1.5, "body": 1.0}
SUGGEST_BELOW = 3
NO_WORDS_NOTICE = "Your query has no searchable words (very common words are ignored)."


@dataclass(frozen=True, slots=True)
class IndexStats:
    """The live index at a glance."""

    articles: int
    sources: int
    generation: str
    last_seq: int
    last_reindex_at: datetime | None


class SearchService:
    """Thread-safe, long-lived access to the index; one searcher per thread.

    Constructing it touches no files: a service started before the first reindex
    raises IndexNotFound from each call until an index appears, then just works.
    """

    def __init__(self, index_dir: Path) -> None:
        self._index_dir = Path(index_dir)
        self._pool = SearcherPool(self._index_dir, BM25F(B=0.75, K1=1.2))
        self._highlighter = make_highlighter()
        self._counts = CountCache()

    def close(self) -> None:
        self._pool.close()

    def __enter__(self) -> SearchService:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def search(self, request: SearchRequest) -> SearchResult:
        """Run a search; InvalidRequest for bad paging or dates, never for query syntax."""
        started = time.perf_counter()
        sort = _validate(request)
        searcher, generation = self._pool.current()
        browse = not request.query.strip()
        if browse:
            parsed = ParsedQuery(wq.Every(), None, None, "")
        else:
            parsed = parse_query(request.query, searcher.schema)
        filters = request_filters(request)
        notice: str | None
        if parsed.matching is None:
            hits: tuple[Hit, ...] = ()
            total = 0
            facets: dict[str, Any] = {}
            notice = parsed.notice or NO_WORDS_NOTICE
        else:
            state = (generation, searcher.reader().generation())
            hits, total, facets = self._run(searcher, state, request, parsed, filters, browse, sort)
            notice = parsed.notice
        suggestion = None
        if not browse and total < SUGGEST_BELOW:
            suggestion = suggest_query(parsed.text, *reader_suggester(searcher.reader()))
        return SearchResult(
            request=request,
            total=total,
            hits=hits,
            facets=facets,
            suggestion=suggestion,
            notice=notice,
            elapsed_ms=round((time.perf_counter() - started) * 1000, 2),
        )

    def get_article(self, article_id: str) -> Article | None:
        """The full stored article, or None when no document has this id."""
        searcher, _generation = self._pool.current()
        stored = searcher.document(id=article_id)
        return article_from_json(stored["article"]) if stored else None

    def related(self, article_id: str, limit: int = 5) -> tuple[Hit, ...]:
        """Articles sharing the most telling words of this one's body."""
        if not 1 <= limit <= MAX_RELATED:
            raise InvalidRequest(f"limit must be between 1 and {MAX_RELATED}, not {limit}")
        searcher, _generation = self._pool.current()
        docnum = searcher.document_number(id=article_id)
        if docnum is None:
            return ()
        article = article_from_json(searcher.stored_fields(docnum)["article"])
        text = " ".join(part for part in (article.headline, article.body) if part)
        if not text.strip():
            return ()
        similar = _related_query(searcher, text)
        if similar is None:
            return ()
        results = searcher.search(similar, limit=limit, mask={docnum})
        return tuple(self._hit(hit, _score(hit.score), snippet=False) for hit in results)

    def stats(self) -> IndexStats:
        """Article and source counts, and how far the live generation follows the cache."""
        searcher, generation = self._pool.current()
        state = read_state(self._index_dir, generation)
        return IndexStats(
            articles=searcher.doc_count(),
            sources=_count_sources(searcher),
            generation=generation,
            last_seq=state.last_seq if state else 0,
            last_reindex_at=_parse_time(state.updated_at if state else None),
        )

    def _run(
        self,
        searcher: Searcher,
        state: tuple[str, int],
        request: SearchRequest,
        parsed: ParsedQuery,
        filters: dict[str, wq.Query],
        browse: bool,
        sort: SortOrder,
    ) -> tuple[tuple[Hit, ...], int, dict[str, Any]]:
        assert parsed.matching is not None
        newest = browse or sort is SortOrder.NEWEST
        if newest:
            page = self._newest_page(searcher, request, parsed.matching, filters)
            hits = tuple(self._hit(hit, None) for hit in page)
        else:
            page = self._relevance_page(searcher, request, parsed, filters)
            hits = tuple(self._hit(hit, _score(hit.score)) for hit in page)
        total, counts = count_matches(searcher, parsed.matching, filters, state, self._counts)
        chosen = selected_values(request)
        facets = {name: facet_values(counts[name], chosen[name]) for name in FACET_FIELDS}
        return hits, total, facets

    def _newest_page(
        self,
        searcher: Searcher,
        request: SearchRequest,
        query: wq.Query,
        filters: dict[str, wq.Query],
    ) -> list[WhooshHit]:
        offset, end = _page_bounds(request)
        results = searcher.search(
            query,
            limit=end,
            filter=combine_filters(filters),
            sortedby=sorting.FieldFacet("published", reverse=True),
            scored=False,
        )
        return results[offset:end]

    def _relevance_page(
        self,
        searcher: Searcher,
        request: SearchRequest,
        parsed: ParsedQuery,
        filters: dict[str, wq.Query],
    ) -> list[WhooshHit]:
        """One page by score; documents matching every word come first.

        The strict reading is searched first and the rest fills up after it, so
        each tier keeps Whoosh's top-N shortcuts instead of scoring every match.
        """
        assert parsed.matching is not None
        offset, end = _page_bounds(request)
        filter_query = combine_filters(filters)
        if parsed.all_terms is None:
            return searcher.search(parsed.matching, limit=end, filter=filter_query)[offset:end]
        first = searcher.search(parsed.all_terms, limit=end, filter=filter_query)
        page = first[offset:end]
        if len(page) == request.page_size:
            return page
        in_first = len(first)
        rest = searcher.search(
            parsed.matching, limit=end - in_first, filter=filter_query, mask=parsed.all_terms
        )
        skip = max(0, offset - in_first)
        return page + rest[skip : skip + request.page_size - len(page)]

    def _hit(self, hit: WhooshHit, score: float | None, *, snippet: bool = True) -> Hit:
        article = article_from_json(hit["article"])
        fragments: tuple[SnippetFragment, ...]
        if snippet:
            fragments = snippet_for(
                hit, self._highlighter, body=article.body, description=article.description
            )
        else:
            fragments = plain_snippet(article.description or article.body)
        return Hit(
            id=article.id,
            url=article.url or article.canonical_url,
            headline=article.headline,
            source=article.source,
            authors=tuple(article.authors),
            published=article.published,
            section=article.section,
            description=article.description,
            snippet=fragments,
            score=score,
        )


def _validate(request: SearchRequest) -> SortOrder:
    """Check paging and dates; return the sort order as a SortOrder."""
    for name in ("page", "page_size"):
        value = getattr(request, name)
        if not isinstance(value, int) or isinstance(value, bool):
            raise InvalidRequest(f"{name} must be a whole number, not {value!r}")
    if request.page < 1:
        raise InvalidRequest(f"page must be 1 or more, not {request.page}")
    if not 1 <= request.page_size <= MAX_PAGE_SIZE:
        raise InvalidRequest(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
    if request.page > MAX_PAGE:
        raise InvalidRequest(
            f"page {request.page} is too deep (at most {MAX_PAGE}); narrow the search instead"
        )
    if request.date_from and request.date_to and request.date_from > request.date_to:
        raise InvalidRequest("date_from is after date_to")
    if not isinstance(request.query, str):
        raise InvalidRequest("query must be text")
    try:
        return SortOrder(request.sort)
    except ValueError:
        choices = ", ".join(order.value for order in SortOrder)
        raise InvalidRequest(f"sort must be one of {choices}, not {request.sort!r}") from None


def _page_bounds(request: SearchRequest) -> tuple[int, int]:
    """Offsets of the first hit on the requested page and just past its last."""
    return (request.page - 1) * request.page_size, request.page * request.page_size


def _score(score: Any) -> float | None:
    return float(score) if isinstance(score, int | float) else None


def _related_query(searcher: Searcher, text: str) -> wq.Query | None:
    """Whoosh's more-like-this, widened: the text's key terms, looked up in every prose field.

    Terms found in no other document are dropped first: they are the most "telling"
    by Bo1's measure but can only ever match the article itself.
    """
    candidates = searcher.key_terms_from_text("body", text, numterms=RELATED_CANDIDATES)
    shared = [
        (term, weight)
        for term, weight in candidates
        if searcher.doc_frequency("body", term) + searcher.doc_frequency("headline", term) > 1
    ][:RELATED_TERMS]
    if not shared:
        return None
    top = max(weight for _term, weight in shared) or 1.0
    return wq.Or(
        [
            wq.Term(field, term, boost=boost * weight / top)
            for term, weight in shared
            for field, boost in RELATED_FIELD_BOOSTS.items()
        ]
    )


def _count_sources(searcher: Searcher) -> int:
    """Distinct sources still held by a live document (deleted ones are filtered out)."""
    field = FACET_FIELDS["source"]
    reader = searcher.reader()
    if not reader.has_deletions():
        return sum(1 for _term in reader.lexicon(field))
    return sum(1 for term in reader.lexicon(field) if reader.postings(field, term).is_active())


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None
