"""The app's search service holder: lazy opening, retry after a missing index, closing once."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.errors import IndexNotFound
from search_web.service import SearchServiceHolder
from search_web.settings import Settings
from tests.search_web.web_fakes import FakeSearchService


def test_opens_lazily_once_and_closes_once(tmp_path: Path) -> None:
    opened: list[FakeSearchService] = []

    def opener(settings: Settings) -> FakeSearchService:
        service = FakeSearchService([])
        opened.append(service)
        return service

    holder = SearchServiceHolder(Settings(tmp_path), opener=opener)
    assert opened == []
    first = holder.get()
    assert holder.get() is first
    assert len(opened) == 1
    holder.close()
    holder.close()
    assert opened[0].closed == 1
    with pytest.raises(RuntimeError):
        holder.get()


def test_missing_index_is_retried_on_the_next_use(tmp_path: Path) -> None:
    attempts: list[int] = []

    def opener(settings: Settings) -> FakeSearchService:
        attempts.append(1)
        if len(attempts) == 1:
            raise IndexNotFound("no index yet")
        return FakeSearchService([])

    holder = SearchServiceHolder(Settings(tmp_path), opener=opener)
    with pytest.raises(IndexNotFound):
        holder.get()
    assert isinstance(holder.get(), FakeSearchService)
    assert len(attempts) == 2
    holder.close()


def test_injected_service_is_not_closed(tmp_path: Path) -> None:
    service = FakeSearchService([])
    holder = SearchServiceHolder(Settings(tmp_path), service)
    assert holder.get() is service
    holder.close()
    assert service.closed == 0
