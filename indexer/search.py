"""The search service: SearchRequest in, SearchResult out, over the live Whoosh index.

Ranking is BM25 per field (``scoring.NewsBM25``) with the headline weighted 3, the
description 2 and the body 1 (see ``schema.DEFAULT_FIELD_BOOSTS``). Juxtaposed words
match if any of them does; for queries of up to three words a document's score is scaled
by the share of the words it holds (``scoring.CoordinatedOr``). A freshness
boost (``SearchRequest.fresh``) re-ranks the top FRESH_WINDOW by score and recency.

Around the ranking: date operators become a filter built with the injected clock,
names are widened to their spelling variants, a query finding nothing is retried with
similar spellings, syndicated copies collapse into one hit (``story_grouping``), and every
search runs within a time limit, flagging partial results instead of failing.
"""

from __future__ import annotations

import logging
import pickle
import struct
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from whoosh import query as wq
from whoosh import sorting
from whoosh.searching import Hit as WhooshHit
from whoosh.searching import Searcher

from .article import Article
from .collecting import MatchRecord, timed_search
from .errors import IndexCorrupt, InvalidRequest
from .facets import (
    QUERY_DATE_FILTER,
    CountCache,
    DayFacet,
    combine_filters,
    count_matches,
    facet_values,
    filter_docs,
    published_window,
    request_filters,
    selected_values,
)
from .fuzzy import fuzzy_query
from .index_store import read_state
from .key_terms import key_terms
from .name_variants import variants_of
from .query import ParsedQuery, extract_date_operators, parse_query, plain_words
from .readers import SearcherPool
from .result_cache import DEFAULT_MAX_ENTRIES, ResultCache
from .schema import FACET_FIELDS, article_from_json, parse_published
from .scoring import CoordinatedOr, fresh_score, weighting
from .search_types import (
    Hit,
    SearchRequest,
    SearchResult,
    SnippetFragment,
    SortOrder,
    TimelineBucket,
)
from .snippets import SNIPPET_FIELDS, make_highlighter, plain_snippet, query_words, snippet_for
from .spelling import Speller, suggest_query, unknown_words
from .story_grouping import (
    EarliestStoryCount,
    StoryKeys,
    cluster_of,
    collapse_options,
    copies_of,
    earliest_first,
    newest_first,
    story_count,
)
from .suggest import suggestions
from .syndication import CLUSTER_FIELD
from .timeline import timeline

logger = logging.getLogger(__name__)

MAX_PAGE = 1000
MAX_PAGE_SIZE = 100
MAX_RELATED = 50
RELATED_CANDIDATES = 40
RELATED_TERMS = 12
RELATED_FIELD_BOOSTS = {"headline": 2.0, "description": 1.5, "body": 1.0}
NO_WORDS_NOTICE = "Your query has no searchable words (very common words are ignored)."
FUZZY_NOTICE = "Nothing matched exactly; these results match similar spellings."
PARTIAL_NOTICE = "The search took too long and was stopped early; results may be incomplete."
EMPTY_WINDOW_NOTICE = "Your date operators leave no time between them, so nothing can match."
# Seconds one search may spend collecting matches (each pass: page, counts).
DEFAULT_TIME_LIMIT_S = 2.0
# Freshness: top hits by score re-ranked, and how fast the recency bonus halves.
FRESH_WINDOW = 100
KEY_TERM_HITS = 10
KEY_TERM_COUNT = 8
MAX_SUGGESTIONS = 20
# A query finding nothing is retried with similar spellings when 1 to this many words are
# in no article.
MAX_FUZZY_WORDS = 4

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


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

    def __init__(
        self,
        index_dir: Path,
        *,
        clock: Clock = utc_now,
        time_limit_s: float | None = DEFAULT_TIME_LIMIT_S,
        result_cache_entries: int = DEFAULT_MAX_ENTRIES,
    ) -> None:
        self._index_dir = Path(index_dir)
        self._pool = SearcherPool(self._index_dir, weighting())
        self._highlighter = make_highlighter()
        # No result cache means no count cache either: every search does all its work.
        self._counts = CountCache() if result_cache_entries else CountCache(0)
        self._clock = clock
        self._time_limit = time_limit_s
        self._results = ResultCache(result_cache_entries)

    def close(self) -> None:
        self._pool.close()

    def __enter__(self) -> SearchService:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def search(self, request: SearchRequest) -> SearchResult:
        """Run a search; InvalidRequest for bad paging or dates, never for query syntax."""
        with _reading_index(self._index_dir):
            return self._search(request)

    def _search(self, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        sort = _validate(request)
        searcher, generation = self._pool.current()
        # Repeated queries are answered from the result cache until the index changes.
        index_state = (generation, searcher.reader().generation())
        cached = self._results.get(request, index_state)
        if cached is not None:
            return replace(cached, elapsed_ms=round((time.perf_counter() - started) * 1000, 2))
        dates = extract_date_operators(request.query, self._now())
        browse = not dates.text.strip()
        if browse:
            parsed = ParsedQuery(wq.Every(), None, "")
        else:
            parsed = parse_query(
                dates.text,
                searcher.schema,
                reader=searcher.reader(),
                variants=variants_of if request.variants else None,
            )
        filters = request_filters(request)
        notices = [*dates.notices, parsed.notice]
        if dates.start is not None or dates.end is not None:
            filters[QUERY_DATE_FILTER] = published_window(dates.start, dates.end)
            if dates.start is not None and dates.end is not None and dates.start >= dates.end:
                notices.append(EMPTY_WINDOW_NOTICE)
        outcome = _Outcome()
        fuzzy = False
        if parsed.matching is None:
            notices[-1] = parsed.notice or NO_WORDS_NOTICE
        else:
            state = (generation, searcher.reader().generation())
            outcome = self._run(searcher, state, request, parsed, filters, browse, sort)
            retry = (
                None
                if browse or outcome.total
                else _retry_query(dates.text, parsed, searcher, request.variants)
            )
            if retry is not None:
                second = self._run(searcher, state, request, retry, filters, browse, sort)
                if second.total:
                    outcome, fuzzy = second, True
                    notices.append(FUZZY_NOTICE)
        if outcome.partial:
            notices.append(PARTIAL_NOTICE)
        # Offered whatever the hits: a misspelling with none sits beside the similar-spelling
        # retry's results, and a rare word may hide a much commoner intended one.
        suggestion = None
        if not browse:
            suggestion = suggest_query(request.query, Speller(searcher.reader()))
        terms = self._key_terms(searcher, outcome, browse, parsed.text)
        result = SearchResult(
            request=request,
            total=outcome.total,
            hits=outcome.hits,
            facets=outcome.facets,
            suggestion=suggestion,
            notice=" ".join(dict.fromkeys(n for n in notices if n)) or None,
            elapsed_ms=round((time.perf_counter() - started) * 1000, 2),
            variants=parsed.variants,
            fuzzy=fuzzy,
            partial=outcome.partial,
            timeline=outcome.timeline,
            timeline_unit=outcome.timeline_unit,
            key_terms=terms,
        )
        self._results.put(request, index_state, result)
        return result

    def ranked_ids(self, query: str, depth: int) -> tuple[str, ...]:
        """Ids of the first ``depth`` results of a plain relevance search, best first.

        The order ``search`` gives a reader paging through ``SearchRequest(query=query)``
        (the same parsing, name variants, date operators, story collapsing and retry with
        similar spellings), without snippets, facets or counts: for measuring ranking.
        """
        if depth < 1:
            raise InvalidRequest(f"depth must be at least 1, not {depth}")
        request = SearchRequest(query=query)
        searcher, _generation = self._pool.current()
        dates = extract_date_operators(query, self._now())
        if not dates.text.strip():
            return ()
        parsed = parse_query(
            dates.text, searcher.schema, reader=searcher.reader(), variants=variants_of
        )
        if parsed.matching is None:
            return ()
        filters: dict[str, wq.Query] = {}
        if dates.start is not None or dates.end is not None:
            filters[QUERY_DATE_FILTER] = published_window(dates.start, dates.end)
        grouping = _Grouping(request.group_copies, self._time_limit)
        bounds = (0, depth)
        page, _partial = self._relevance_page(
            searcher, request, parsed, filters, grouping, bounds=bounds
        )
        retry = None if page else _retry_query(dates.text, parsed, searcher, variants=True)
        if retry is not None:
            page, _partial = self._relevance_page(
                searcher, request, retry, filters, grouping, bounds=bounds
            )
        return tuple(hit["id"] for hit in page)

    def suggest(self, prefix: str, limit: int = 8) -> tuple[str, ...]:
        """Completions for a typed prefix: names, then words, from the index's own terms."""
        if not 1 <= limit <= MAX_SUGGESTIONS:
            raise InvalidRequest(f"limit must be between 1 and {MAX_SUGGESTIONS}, not {limit}")
        searcher, _generation = self._pool.current()
        return suggestions(searcher.reader(), prefix, limit)

    def get_article(self, article_id: str) -> Article | None:
        """The full stored article, or None when no document has this id."""
        with _reading_index(self._index_dir):
            searcher, _generation = self._pool.current()
            stored = searcher.document(id=article_id)
        return article_from_json(stored["article"]) if stored else None

    def related(self, article_id: str, limit: int = 5) -> tuple[Hit, ...]:
        """Articles sharing the most telling words of this one's body."""
        if not 1 <= limit <= MAX_RELATED:
            raise InvalidRequest(f"limit must be between 1 and {MAX_RELATED}, not {limit}")
        with _reading_index(self._index_dir):
            return self._related(article_id, limit)

    def _related(self, article_id: str, limit: int) -> tuple[Hit, ...]:
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
        # Its own syndicated copies are the same story, not related ones.
        cluster = cluster_of(searcher, docnum)
        mask: Any = {docnum}
        if cluster:
            mask = wq.Or([wq.Term(CLUSTER_FIELD, cluster), wq.Term("id", article_id)])
        results, _partial = timed_search(
            searcher,
            similar,
            self._time_limit,
            limit=limit,
            mask=mask,
            collapse=sorting.FieldFacet(CLUSTER_FIELD),
        )
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

    def _now(self) -> datetime:
        """The clock's time as naive UTC, like the index's published field."""
        now = self._clock()
        if now.tzinfo is not None:
            now = now.astimezone(UTC).replace(tzinfo=None)
        return now

    def _run(
        self,
        searcher: Searcher,
        state: tuple[str, int],
        request: SearchRequest,
        parsed: ParsedQuery,
        filters: dict[str, wq.Query],
        browse: bool,
        sort: SortOrder,
    ) -> _Outcome:
        assert parsed.matching is not None
        # The filters' documents, worked out once for the page and the counts.
        grouping = _Grouping(
            request.group_copies,
            self._time_limit,
            allowed=filter_docs(searcher, combine_filters(filters)),
            filtered=True,
        )
        # The page pass records the matches it sees; when that is all of them, the
        # counts below need not match the query again.
        record = MatchRecord() if _recordable(parsed.matching) else None
        grouping = replace(grouping, record=record)
        hits: list[tuple[WhooshHit, float | None]]
        if sort is SortOrder.OLDEST:
            page, partial = self._sorted_page(
                searcher, request, parsed.matching, filters, grouping, oldest=True
            )
            hits = [(hit, None) for hit in page]
        elif browse or sort is SortOrder.NEWEST:
            page, partial = self._sorted_page(
                searcher, request, parsed.matching, filters, grouping, oldest=False
            )
            hits = [(hit, None) for hit in page]
        elif request.fresh:
            scored, partial = self._fresh_page(searcher, request, parsed, filters, grouping)
            hits = [(hit, score) for hit, score in scored]
        else:
            page, partial = self._relevance_page(searcher, request, parsed, filters, grouping)
            hits = [(hit, _score(hit.score)) for hit in page]
        # Collapsed, the timeline counts each story once, at its earliest copy's date.
        published: Any = (
            EarliestStoryCount(StoryKeys(searcher)) if request.group_copies else sorting.Count
        )
        extra: dict[str, sorting.FacetType] = {
            "_published": DayFacet("published", maptype=published)
        }
        if request.group_copies:
            extra["_cluster"] = sorting.FieldFacet(CLUSTER_FIELD, maptype=sorting.Count)
        counted = count_matches(
            searcher,
            parsed.matching,
            filters,
            state,
            self._counts,
            extra,
            self._time_limit,
            by_story=request.group_copies,
            matched=record.docs if record is not None and record.complete else None,
        )
        chosen = selected_values(request)
        facets = {name: facet_values(counted.counts[name], chosen[name]) for name in FACET_FIELDS}
        total = counted.total
        if request.group_copies:
            total = story_count(counted.counts["_cluster"])
        unit, buckets = timeline(counted.counts["_published"])
        # The query's words per field, worked out once for the page's snippets.
        terms = {name: query_words(hits[0][0], name) for name in SNIPPET_FIELDS} if hits else {}
        articles = [article_from_json(hit["article"]) for hit, _score in hits]
        return _Outcome(
            hits=tuple(
                self._hit(
                    hit,
                    score,
                    searcher=searcher if request.group_copies else None,
                    article=article,
                    terms=terms,
                )
                for (hit, score), article in zip(hits, articles, strict=True)
            ),
            texts=tuple(
                (article.language, "\n".join(p for p in (article.headline, article.body) if p))
                for article in articles[:KEY_TERM_HITS]
            ),
            total=total,
            facets=facets,
            partial=partial or counted.partial,
            timeline=buckets,
            timeline_unit=unit,
        )

    def _sorted_page(
        self,
        searcher: Searcher,
        request: SearchRequest,
        query: wq.Query,
        filters: dict[str, wq.Query],
        grouping: _Grouping,
        *,
        oldest: bool,
    ) -> tuple[list[WhooshHit], bool]:
        """One page by publication time; undated articles come last either way."""
        offset, end = _page_bounds(request)
        if oldest:
            sortedby: sorting.FacetType = earliest_first()
        else:
            sortedby = newest_first()
        results, partial = timed_search(
            searcher,
            query,
            grouping.time_limit,
            record=grouping.record,
            limit=end,
            filter=grouping.filter_for(filters),
            sortedby=sortedby,
            scored=False,
            **grouping.options(),
        )
        return results[offset:end], partial

    def _relevance_page(
        self,
        searcher: Searcher,
        request: SearchRequest,
        parsed: ParsedQuery,
        filters: dict[str, wq.Query],
        grouping: _Grouping,
        *,
        bounds: tuple[int, int] | None = None,
    ) -> tuple[list[WhooshHit], bool]:
        """One page by score."""
        assert parsed.matching is not None
        offset, end = bounds or _page_bounds(request)
        results, partial = timed_search(
            searcher,
            parsed.matching,
            grouping.time_limit,
            record=grouping.record,
            limit=end,
            filter=grouping.filter_for(filters),
            **grouping.options(),
        )
        return results[offset:end], partial

    def _fresh_page(
        self,
        searcher: Searcher,
        request: SearchRequest,
        parsed: ParsedQuery,
        filters: dict[str, wq.Query],
        grouping: _Grouping,
    ) -> tuple[list[tuple[WhooshHit, float | None]], bool]:
        """One page of the top FRESH_WINDOW by score, re-ranked with a recency bonus."""
        offset, end = _page_bounds(request)
        window, partial = self._relevance_page(
            searcher, request, parsed, filters, grouping, bounds=(0, max(end, FRESH_WINDOW))
        )
        now = self._now()
        blended = [(hit, fresh_score(_score(hit.score), _published(hit), now)) for hit in window]
        blended.sort(key=lambda pair: -(pair[1] or 0.0))
        return blended[offset:end], partial

    def _key_terms(
        self, searcher: Searcher, outcome: _Outcome, browse: bool, query: str
    ) -> tuple[str, ...]:
        """The telling words of the first hits (left out when browsing everything).

        Only hits in the commonest language among them are read, with that language's
        stemmer and stop words (``key_terms``), so a French story's "de" and "la" stay out.
        """
        if browse or not outcome.texts:
            return ()
        top = outcome.texts[:KEY_TERM_HITS]
        language = Counter(language for language, _text in top).most_common(1)[0][0]
        texts = [text for text_language, text in top if text_language == language]
        return key_terms(
            searcher, texts, KEY_TERM_COUNT, exclude=plain_words(query), language=language
        )

    def _hit(
        self,
        hit: WhooshHit,
        score: float | None,
        *,
        snippet: bool = True,
        searcher: Searcher | None = None,
        article: Article | None = None,
        terms: dict[str, frozenset[str]] | None = None,
    ) -> Hit:
        if article is None:
            article = article_from_json(hit["article"])
        fragments: tuple[SnippetFragment, ...]
        if snippet:
            fragments = snippet_for(
                hit,
                self._highlighter,
                body=article.body,
                description=article.description,
                language=article.language,
                terms=terms,
            )
        else:
            fragments = plain_snippet(article.description or article.body)
        copies = copies_of(searcher, hit.docnum) if searcher is not None else ()
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
            copies=copies,
            language=article.language,
        )


@dataclass(frozen=True, slots=True)
class _Outcome:
    """One run of a query: the page of hits and everything counted about the matches."""

    hits: tuple[Hit, ...] = ()
    total: int = 0
    facets: dict[str, Any] = field(default_factory=dict)
    partial: bool = False
    timeline: tuple[TimelineBucket, ...] = ()
    timeline_unit: str | None = None
    # (language, headline and body) of the first hits, for key terms.
    texts: tuple[tuple[str | None, str], ...] = ()


@dataclass(frozen=True, slots=True)
class _Grouping:
    """Search options shared by every page query: story collapsing and the time limit."""

    group_copies: bool
    time_limit: float | None
    # The documents the filters let through, when already worked out (``filtered``).
    allowed: set[int] | None = None
    filtered: bool = False
    # What the page pass saw of the query's matches, when given (``timed_search``).
    record: MatchRecord | None = None

    def options(self) -> dict[str, Any]:
        return collapse_options() if self.group_copies else {}

    def filter_for(self, filters: dict[str, wq.Query]) -> Any:
        return self.allowed if self.filtered else combine_filters(filters)


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
    for flag in ("variants", "fresh", "group_copies"):
        if not isinstance(getattr(request, flag), bool):
            raise InvalidRequest(f"{flag} must be true or false")
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


def _retry_query(
    text: str, parsed: ParsedQuery, searcher: Searcher, variants: bool
) -> ParsedQuery | None:
    """What a query that found nothing is tried again as, if it looks misspelt.

    The spelling correction when there is one ("strke" as "strike", the "did you mean"
    the reader is offered), else each word widened to similar indexed words
    (``fuzzy_query``). None when the query is not worth retrying.
    """
    assert parsed.matching is not None
    if not _worth_retrying(text, searcher):
        return None
    reader = searcher.reader()
    matching = None
    corrected = suggest_query(text, Speller(reader))
    if corrected:
        lookup = variants_of if variants else None
        matching = parse_query(corrected, searcher.schema, reader=reader, variants=lookup).matching
    if matching is None:
        matching = fuzzy_query(parsed.matching, reader)
    if matching is None:
        return None
    return ParsedQuery(matching, parsed.notice, parsed.text, parsed.variants)


def _worth_retrying(query: str, searcher: Searcher) -> bool:
    """Whether a query that found nothing looks misspelt: a few of its words are in no article.

    A query of known words that finds nothing ("strike -port" where every strike story
    mentions the port) has its answer; similar spellings would only bring noise, as
    would widening a query that is mostly words the index has never seen.
    """
    unknown = unknown_words(query, Speller(searcher.reader()))
    return 0 < len(unknown) <= MAX_FUZZY_WORDS


# Query kinds whose ranking matcher finds exactly the documents ``facets.matching_docs``
# counts. (Whoosh's AND NOT matcher can let through a first document the NOT holds.)
_RECORDABLE = (wq.Term, wq.Phrase, wq.And, wq.Or, CoordinatedOr)


def _recordable(query: wq.Query) -> bool:
    """Whether the matches the page pass sees can stand for the counts' matches."""
    if type(query) not in _RECORDABLE or getattr(query, "minmatch", 0):
        return False
    return query.is_leaf() or all(_recordable(part) for part in query.children())


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


def _published(hit: WhooshHit) -> datetime | None:
    return parse_published(article_from_json(hit["article"]).published)


# What damaged segment files raise from deep inside Whoosh's readers.
_DAMAGE_ERRORS = (OSError, EOFError, struct.error, zlib.error, pickle.UnpicklingError)


@contextmanager
def _reading_index(index_dir: Path) -> Iterator[None]:
    """Turn a read failure inside the index files into IndexCorrupt naming the rebuild."""
    try:
        yield
    except _DAMAGE_ERRORS as error:
        logger.exception("reading the index in %s failed", index_dir)
        raise IndexCorrupt(
            f"the search index in {index_dir} could not be read ({type(error).__name__}); "
            "rebuild it with `broadsheet reindex --full`"
        ) from error
