"""Facet filters and counts: source, authors, section and language.

Filters match on folded keys, so "reuters" selects "Reuters"; values within one facet
are ORed and facets are ANDed, with the date range as one more filter. Counts for a
facet are computed with every filter applied except that facet's own, so choosing
"Reuters" still shows how many results the other sources would give. When syndicated
copies are collapsed, counts are of stories, like the total: a story counts once per
value however many of its copies carry it.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections import Counter, OrderedDict
from collections.abc import Hashable, Mapping, Sequence
from datetime import datetime, time
from functools import lru_cache
from time import monotonic
from typing import Any, NamedTuple

from whoosh import query as wq
from whoosh import sorting
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.searching import Searcher

from .analysis import facet_key
from .collecting import timed_search
from .schema import FACET_FIELDS
from .scoring import CoordinatedOr
from .search_types import FacetValue, SearchRequest
from .story_grouping import (
    EarliestStoryCount,
    StoryCount,
    StoryKeys,
    StorySplit,
    column_values,
    dated_in_order,
    day_values,
    values_of,
)

FACET_LIMIT = 10
DATE_FILTER = "date"
QUERY_DATE_FILTER = "query_date"
CACHE_ENTRIES = 64

RawCounts = dict[str, dict[Any, int]]


class MatchCounts(NamedTuple):
    """How many documents match, raw counts per grouping, and whether time ran out."""

    total: int
    counts: RawCounts
    partial: bool = False


class CountCache:
    """Recent (total, facet counts) by index state, query and filters.

    Counting walks every matching document, so the browse page and popular queries
    are worth remembering until the index changes (the state is part of the key).
    """

    def __init__(self, entries: int = CACHE_ENTRIES) -> None:
        self._entries = entries
        self._items: OrderedDict[Hashable, tuple[int, RawCounts]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> tuple[int, RawCounts] | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: Hashable, value: tuple[int, RawCounts]) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._entries:
                self._items.popitem(last=False)


def count_matches(
    searcher: Searcher,
    query: wq.Query,
    filters: Mapping[str, wq.Query],
    state: Hashable,
    cache: CountCache,
    extra: Mapping[str, sorting.FacetType] | None = None,
    time_limit: float | None = None,
    *,
    by_story: bool = False,
    matched: set[int] | None = None,
) -> MatchCounts:
    """The number of matching documents and raw facet counts, without scoring.

    A facet with a selection of its own is counted in a second pass without its own
    filter; the others come from the main pass, and so do the ``extra`` groupings
    (by publication time, by story cluster) with every filter applied. With
    ``by_story`` the facets count stories (see ``story_grouping.StoryCount``); the
    total stays a document count. Passes cut short by ``time_limit`` are reported as
    partial and not cached. ``matched``, when given, is every document ``query``
    matches before any filter (recorded while ranking), so no pass matches it again.
    """
    own = [name for name in FACET_FIELDS if name in filters]
    grouped = [name for name in FACET_FIELDS if name not in own] + list(extra or {})
    main = _counted(
        searcher,
        query,
        combine_filters(filters),
        grouped,
        (state, by_story),
        cache,
        extra or {},
        time_limit,
        by_story,
        matched,
    )
    counts = dict(main.counts)
    partial = main.partial
    for name in own:
        without = combine_filters(filters, without=name)
        alone = _counted(
            searcher,
            query,
            without,
            [name],
            (state, by_story),
            cache,
            {},
            time_limit,
            by_story,
            matched,
        )
        counts[name] = alone.counts[name]
        partial = partial or alone.partial
    return MatchCounts(main.total, counts, partial)


def _counted(
    searcher: Searcher,
    query: wq.Query,
    filter_query: wq.Query | None,
    names: list[str],
    state: Hashable,
    cache: CountCache,
    extra: Mapping[str, sorting.FacetType],
    time_limit: float | None,
    by_story: bool,
    matched: set[int] | None = None,
) -> MatchCounts:
    key = (state, repr(query), repr(filter_query), tuple(names))
    found = cache.get(key)
    if found is not None:
        return MatchCounts(*found)
    # Each pass needs fresh story maps: a map instance keeps what it was given.
    keys = StoryKeys(searcher) if by_story else None
    facets = {
        name: extra.get(name) or facet_type(name, StoryCount(keys) if keys else None)
        for name in names
    }
    fast = _fast_count(searcher, query, filter_query, facets, time_limit, matched)
    if fast is not None:
        total, counts, partial = fast
    else:
        results, partial = timed_search(
            searcher,
            query,
            time_limit,
            limit=None,
            filter=filter_query,
            groupedby=dict(facets) or None,
            scored=False,
        )
        total = len(results)
        counts = {name: dict(results.groups(name)) for name in names}
    if not partial:
        cache.put(key, (total, counts))
    return MatchCounts(total, counts, partial)


def _fast_count(
    searcher: Searcher,
    query: wq.Query,
    filter_query: wq.Query | None,
    facets: Mapping[str, Any],
    time_limit: float | None,
    matched: set[int] | None = None,
) -> tuple[int, RawCounts, bool] | None:
    """Whoosh's grouped count without its collector: matching ids, then columns held in memory.

    Whoosh reads each matching document's value from the column files once per facet,
    which dominates a search over a large index; here each column is read whole once
    per reader (``column_values``) and the matches are counted from those lists. The
    counts are the ones Whoosh's ``groupedby`` gives. None for a facet kind this does
    not know (the caller then uses Whoosh's own pass).
    """
    reader = searcher.reader()
    plans = []
    for name, facet in facets.items():
        if type(facet) not in _HELD_FACETS or not reader.has_column(facet.fieldname):
            return None
        overlap = bool(facet.allow_overlap)
        column_type = searcher.schema[facet.fieldname].column_type
        if overlap and not column_type.stores_lists():
            return None
        if type(facet) is DayFacet:
            if overlap:
                return None
            values = day_values(reader, facet.fieldname)
        else:
            values = column_values(reader, facet.fieldname, overlap)
        plans.append((name, values, overlap, facet.map()))
    deadline = None if time_limit is None else monotonic() + time_limit
    partial = False
    if matched is not None:
        found = matched
    else:
        try:
            found = matching_docs(searcher, query, deadline)
        except _Expired as expired:
            found, partial = expired.found, True
    if filter_query is not None:
        allowed = filter_docs(searcher, filter_query)
        found = {docnum for docnum in found if docnum in allowed} if allowed else set()
    matched = sorted(found)
    counts: RawCounts = {}
    splits: dict[int, StorySplit] = {}
    for name, values, overlap, facet_map in plans:
        if isinstance(facet_map, sorting.Count):
            counts[name] = dict(Counter(values_of(values, matched, overlap)))
            continue
        if isinstance(facet_map, StoryCount | EarliestStoryCount):
            # Every map of a pass reads the same stories: split the matches once.
            split = splits.get(id(facet_map.keys))
            if split is None:
                split = splits[id(facet_map.keys)] = facet_map.keys.split(matched)
            facet_map.add_split(values, split, overlap)
            counts[name] = dict(facet_map.as_dict())
            continue
        add = facet_map.add
        for docnum in matched:
            if overlap:
                for value in values[docnum]:
                    add(value, docnum, None)
            else:
                add(values[docnum], docnum, None)
        counts[name] = dict(facet_map.as_dict())
    return len(matched), counts, partial


class DayFacet(sorting.FieldFacet):
    """A datetime field counted by calendar day (Whoosh's own pass counts by the full time).

    The timeline needs no more, and a day has far fewer distinct values to count.
    """


_HELD_FACETS = (sorting.FieldFacet, DayFacet)


class _Expired(Exception):
    """The counting pass ran out of time; ``found`` is what it had gathered."""

    def __init__(self, found: set[int]) -> None:
        super().__init__("time limit")
        self.found = found


def matching_docs(searcher: Searcher, query: wq.Query, deadline: float | None = None) -> set[int]:
    """Numbers of the documents ``query`` matches, without scoring.

    ORs, ANDs and AND NOTs are combined as sets of their parts' matches (Whoosh's
    union and intersection matchers step through every match in Python, the coordinated
    OR even more slowly); anything else is asked of Whoosh directly. Raises ``_Expired``
    past ``deadline``, checked between parts.
    """
    if deadline is not None and monotonic() >= deadline:
        raise _Expired(set())
    kind = type(query)
    if isinstance(query, wq.Or) and kind in _SET_OR and not getattr(query, "minmatch", 0):
        found: set[int] = set()
        for sub in query.subqueries:
            try:
                found |= matching_docs(searcher, sub, deadline)
            except _Expired as expired:
                raise _Expired(found | expired.found) from None
        return found
    if kind is wq.And and query.subqueries:
        parts = [matching_docs(searcher, sub, deadline) for sub in query.subqueries]
        return set.intersection(*sorted(parts, key=len))
    if kind is wq.AndNot:
        positive = matching_docs(searcher, query.a, deadline)
        return positive - matching_docs(searcher, query.b, deadline) if positive else positive
    if kind is wq.Term:
        return _term_docs(searcher, query)
    if kind is wq.Phrase:
        found = _phrase_docs(searcher, query)
        if found is not None:
            return found
    return set(searcher.docs_for_query(query))


def _term_docs(searcher: Searcher, query: wq.Term) -> set[int]:
    """The documents holding a term, read a block of postings at a time.

    What ``searcher.docs_for_query`` gives, without its three method calls per posting.
    """
    schema = searcher.schema
    if query.fieldname not in schema:
        return set()
    try:
        text = schema[query.fieldname].to_bytes(query.text)
    except ValueError:
        return set()
    found: set[int] = set()
    for sub, offset in searcher.subsearchers or [(searcher, 0)]:
        reader = sub.reader()
        if (query.fieldname, text) not in reader:
            continue
        ids = _posting_ids(reader.postings(query.fieldname, text))
        found.update(ids if not offset else [offset + docnum for docnum in ids])
    return found


def _phrase_docs(searcher: Searcher, query: wq.Phrase) -> set[int] | None:
    """The documents holding a two-word phrase, from the words' postings and positions.

    What Whoosh's phrase matcher finds (the second word at the position right after the
    first), without its intersection, span and wrapper matchers stepping through every
    document both words share. None for any other phrase (longer, or with more slop).
    """
    if len(query.words) != 2 or query.slop != 1 or query.fieldname not in searcher.schema:
        return None
    field = searcher.schema[query.fieldname]
    if not field.format or not field.format.supports("positions"):
        return None
    try:
        texts = [field.to_bytes(word) for word in query.words]
    except ValueError:
        return set()
    positions = field.format.decoder("positions")
    found: set[int] = set()
    for sub, offset in searcher.subsearchers or [(searcher, 0)]:
        reader = sub.reader()
        if any((query.fieldname, text) not in reader for text in texts):
            continue
        first, second = (_posting_values(reader.postings(query.fieldname, text)) for text in texts)
        if first is None or second is None:
            return None
        for docnum in first.keys() & second.keys():
            following = set(positions(second[docnum]))
            if any(position + 1 in following for position in positions(first[docnum])):
                found.add(offset + docnum)
    return found


def _posting_values(matcher: Any) -> dict[int, Any] | None:
    """Document number -> encoded value for every posting of a fresh matcher (None: unknown)."""
    if type(matcher) is FilterMatcher:  # a segment with deletions
        values = _posting_values(matcher.child)
        if values is None:
            return None
        held = matcher._ids
        keep = (lambda docnum: docnum not in held) if matcher._exclude else held.__contains__
        return {docnum: value for docnum, value in values.items() if keep(docnum)}
    if type(matcher) is not W3LeafMatcher:
        return None
    values: dict[int, Any] = {}
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        if matcher._values is None:
            matcher._read_values()
        start = matcher._i
        values.update(zip(matcher._ids[start:], matcher._values[start:], strict=True))
        matcher._next_block()
    return values


def _posting_ids(matcher: Any) -> Any:
    """Every document number of a fresh postings matcher."""
    if type(matcher) is FilterMatcher:  # a segment with deletions
        ids = _posting_ids(matcher.child)
        held = matcher._ids
        if matcher._exclude:
            return [docnum for docnum in ids if docnum not in held]
        return [docnum for docnum in ids if docnum in held]
    if type(matcher) is not W3LeafMatcher:
        return list(matcher.all_ids())
    ids: list[int] = []
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        ids.extend(matcher._ids[matcher._i :])
        matcher._next_block()
    return ids


# Query classes whose matches are exactly the union of their parts' matches.
_SET_OR: tuple[type, ...] = (wq.Or, CoordinatedOr)


def filter_docs(searcher: Searcher, filter_query: wq.Query | None) -> set[int] | None:
    """The documents a filter lets through (None: no filter), worked out once for a search.

    The ranked page and every counting pass share the set. Date ranges are read from the
    held ``published`` column instead of Whoosh's expansion into numeric terms.
    """
    if filter_query is None:
        return None
    if type(filter_query) is wq.And and filter_query.subqueries:
        parts = [filter_docs(searcher, part) or set() for part in filter_query.subqueries]
        return set.intersection(*sorted(parts, key=len))
    if type(filter_query) is wq.DateRange:
        found = _date_range_docs(searcher, filter_query)
        if found is not None:
            return found
    return matching_docs(searcher, filter_query)


def _date_range_docs(searcher: Searcher, query: wq.DateRange) -> set[int] | None:
    """Documents dated within the range, from the held column; None when there is none."""
    reader = searcher.reader()
    if query.fieldname not in searcher.schema or not reader.has_column(query.fieldname):
        return None
    start, end = query.startdate, query.enddate
    if not all(bound is None or isinstance(bound, datetime) for bound in (start, end)):
        return None
    # Undated documents hold the column's default and no term: no range matches them.
    times, docnums = dated_in_order(reader, query.fieldname)
    first = 0
    if start is not None:
        first = (bisect_right if query.startexcl else bisect_left)(times, start)
    last = len(times)
    if end is not None:
        last = (bisect_left if query.endexcl else bisect_right)(times, end)
    return set(docnums[first:last])


def published_window(start: datetime | None, end: datetime | None) -> wq.Query:
    """Published at or after ``start`` and before ``end`` (naive UTC; either may be open)."""
    return wq.DateRange("published", start, end, endexcl=end is not None)


def request_filters(request: SearchRequest) -> dict[str, wq.Query]:
    """One filter query per constrained facet (and ``"date"``), by facet name."""
    filters: dict[str, wq.Query] = {}
    for name, values in selected_values(request).items():
        keys = sorted({facet_key(value) for value in values} - {""})
        if keys:
            terms = [wq.Term(FACET_FIELDS[name], key) for key in keys]
            filters[name] = terms[0] if len(terms) == 1 else wq.Or(terms)
    if request.date_from is not None or request.date_to is not None:
        start = datetime.combine(request.date_from, time.min) if request.date_from else None
        end = datetime.combine(request.date_to, time.max) if request.date_to else None
        filters[DATE_FILTER] = wq.DateRange("published", start, end)
    return filters


def selected_values(request: SearchRequest) -> dict[str, tuple[str, ...]]:
    """The request's chosen values per facet name."""
    return {
        "source": request.sources,
        "authors": request.authors,
        "section": request.sections,
        "language": request.languages,
    }


def combine_filters(
    filters: Mapping[str, wq.Query], *, without: str | None = None
) -> wq.Query | None:
    """AND of the filters, leaving out the one named ``without``."""
    chosen = [query for name, query in filters.items() if name != without]
    if not chosen:
        return None
    return chosen[0] if len(chosen) == 1 else wq.And(chosen)


def facet_type(name: str, counter: sorting.FacetMap | None = None) -> sorting.FacetType:
    """A counting facet over the display values kept in the facet's list column.

    ``counter`` replaces the plain document count (a fresh map for one pass).
    """
    maptype: Any = counter if counter is not None else sorting.Count
    return sorting.FieldFacet(FACET_FIELDS[name], allow_overlap=True, maptype=maptype)


def facet_values(
    groups: Mapping[bytes | str | None, int],
    selected: Sequence[str],
    limit: int = FACET_LIMIT,
) -> tuple[FacetValue, ...]:
    """The top values with counts, merging spellings that share a key.

    The most common spelling names the merged value. Selected values always appear
    (with a zero count if nothing matches them), so a reader can unselect them.
    """
    totals: dict[str, int] = {}
    # A key's one spelling, or its spellings with their counts once there are several.
    spellings: dict[str, str | dict[str, int]] = {}
    for raw, count in groups.items():
        if raw is None:
            continue
        display = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
        key = _display_key(display)
        if not key:
            continue
        if key not in totals:
            totals[key] = count
            spellings[key] = display
            continue
        totals[key] += count
        known = spellings[key]
        if isinstance(known, str):
            known = spellings[key] = {known: totals[key] - count}
        known[display] = known.get(display, 0) + count
    chosen = {facet_key(value): value for value in selected if facet_key(value)}
    ranked = sorted(totals, key=lambda key: (-totals[key], key))
    shown = ranked[:limit] + [key for key in ranked[limit:] if key in chosen]
    values = [
        FacetValue(_best_spelling(spellings[key]), totals[key], key in chosen) for key in shown
    ]
    values += [FacetValue(value, 0, True) for key, value in chosen.items() if key not in totals]
    return tuple(values)


# The same sources, authors and sections come back in nearly every count.
_display_key = lru_cache(maxsize=1 << 16)(facet_key)


def _best_spelling(spellings: str | dict[str, int]) -> str:
    if isinstance(spellings, str):
        return spellings
    return min(spellings, key=lambda spelling: (-spellings[spelling], spelling))
