"""A cache of search results for repeated queries, emptied whenever the live index changes.

Readers repeat queries (the front page's topics, a shared link, paging back), and a
search with facets, snippets and story collapsing costs far more than a lookup. Results
are kept per ``SearchRequest`` (a frozen, hashable record) together with the index
state they were computed on: the live generation and the Whoosh commit generation of
its reader. The first lookup that sees another state (a full reindex switched
generations, or an incremental one committed) empties the cache, so a result is never
served from an index that has since changed.

Requests whose answer depends on the clock — relative date operators such as
``when:24h`` and freshness ranking — are never cached. Least recently used entries
go first once ``max_entries`` is reached.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

from .search_types import SearchRequest, SearchResult

DEFAULT_MAX_ENTRIES = 512

IndexState = Hashable


def cacheable(request: SearchRequest) -> bool:
    """True when the same request on the same index always gets the same result."""
    if request.fresh:
        return False
    return "when:" not in request.query.lower()


class ResultCache:
    """Thread-safe LRU of search results, valid for one index state at a time."""

    def __init__(self, max_entries: int = DEFAULT_MAX_ENTRIES) -> None:
        if max_entries < 0:
            raise ValueError("max_entries must not be negative")
        self._max = max_entries
        self._entries: OrderedDict[SearchRequest, SearchResult] = OrderedDict()
        self._state: IndexState | None = None
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, request: SearchRequest, state: IndexState) -> SearchResult | None:
        """The cached result of ``request`` on an index in ``state``, or None."""
        if not self._max or not cacheable(request):
            return None
        with self._lock:
            self._follow(state)
            try:
                result = self._entries[request]
            except (KeyError, TypeError):  # TypeError: an unhashable field value
                self.misses += 1
                return None
            self._entries.move_to_end(request)
            self.hits += 1
            return result

    def put(self, request: SearchRequest, state: IndexState, result: SearchResult) -> None:
        """Remember ``result``; ignored when the index moved on while it was computed."""
        if not self._max or not cacheable(request) or result.partial:
            return
        with self._lock:
            self._follow(state)
            if state != self._state:
                return
            try:
                self._entries[request] = result
            except TypeError:
                return
            self._entries.move_to_end(request)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

    def _follow(self, state: IndexState) -> None:
        """Adopt the newest state seen; entries of any other state are dropped."""
        if state != self._state:
            self._entries.clear()
            self._state = state
