"""The app's one long-lived search service: opened on first use, closed when the app ends."""

from __future__ import annotations

import atexit
import logging
import threading
from collections.abc import Callable
from functools import partial
from typing import Any, Protocol

from flask import Flask, current_app

from indexer.article import Article
from indexer.search_types import Hit, SearchRequest, SearchResult
from search_web.settings import Settings

log = logging.getLogger(__name__)

EXTENSION_KEY = "broadsheet.search"


class SearchBackend(Protocol):
    """What the web layer needs from a search service."""

    def search(self, request: SearchRequest) -> SearchResult: ...

    def get_article(self, article_id: str) -> Article | None: ...

    def related(self, article_id: str, limit: int = 5) -> tuple[Hit, ...]: ...

    def suggest(self, prefix: str, limit: int = 8) -> tuple[str, ...]: ...

    def stats(self) -> Any: ...

    def close(self) -> None: ...


def _open_real_service(settings: Settings, result_cache: int | None = None) -> SearchBackend:
    # Imported here so the web layer starts (and its tests run) without touching the index.
    from indexer import SearchService

    if result_cache is None:
        return SearchService(settings.index_dir)
    return SearchService(settings.index_dir, result_cache_entries=result_cache)


class SearchServiceHolder:
    """Owns one search service for an app.

    The service is opened lazily so the app starts before any index exists; a failed
    open (typically IndexNotFound) is not remembered, so the next request tries again
    once ``broadsheet reindex --full`` has run. A service passed in by the caller is
    used as is and left for the caller to close.
    """

    def __init__(
        self,
        settings: Settings,
        service: SearchBackend | None = None,
        *,
        opener: Callable[[Settings], SearchBackend] = _open_real_service,
    ) -> None:
        self._settings = settings
        self._service = service
        self._owned = service is None
        self._opener = opener
        self._lock = threading.Lock()
        self._closed = False

    def get(self) -> SearchBackend:
        """The service, opening it on first use; raises whatever opening raises."""
        service = self._service
        if service is not None:
            return service
        with self._lock:
            if self._service is None:
                if self._closed:
                    raise RuntimeError("the search service has been closed")
                self._service = self._opener(self._settings)
                log.info("opened search index at %s", self._settings.index_dir)
            return self._service

    def close(self) -> None:
        """Close the service if this holder opened it; safe to call more than once."""
        atexit.unregister(self.close)
        with self._lock:
            self._closed = True
            service, self._service = self._service, None
        if service is not None and self._owned:
            service.close()


def init_app(
    app: Flask,
    settings: Settings,
    service: SearchBackend | None = None,
    *,
    result_cache: int | None = None,
) -> None:
    """Attach a holder to the app and make sure an owned service is closed at exit.

    ``result_cache`` sets how many results the opened service keeps (0: none).
    """
    opener = _open_real_service
    if result_cache is not None:
        opener = partial(_open_real_service, result_cache=result_cache)
    holder = SearchServiceHolder(settings, service, opener=opener)
    app.extensions[EXTENSION_KEY] = holder
    if service is None:
        atexit.register(holder.close)


def get_search_service() -> SearchBackend:
    """The current app's search service (raises IndexNotFound when there is no index yet)."""
    holder: SearchServiceHolder = current_app.extensions[EXTENSION_KEY]
    return holder.get()


def close_search_service(app: Flask) -> None:
    """Close the app's search service now (servers call this when they stop)."""
    holder: SearchServiceHolder | None = app.extensions.get(EXTENSION_KEY)
    if holder is not None:
        holder.close()
