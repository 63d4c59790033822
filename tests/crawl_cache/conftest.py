"""Fixtures for the crawl cache tests: a fresh cache, a fixed clock and page builders."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crawl_cache import CachedPage, CrawlCache


class StepClock:
    """A clock that moves one second forward on every reading."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def clock() -> StepClock:
    return StepClock(datetime(2024, 3, 1, 9, 0, tzinfo=UTC))


@pytest.fixture
def cache_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "cache.sqlite3"


@pytest.fixture
def cache(cache_path: Path, clock: StepClock) -> Iterator[CrawlCache]:
    with CrawlCache.open(cache_path, clock=clock) as opened:
        yield opened


def article_html(headline: str, paragraphs: int = 3, *, charset: str = "utf-8") -> str:
    """A small original news page for fixtures."""
    body = "\n".join(
        f"<p>Paragraph {n} of the report on {headline.lower()}, as told by the harbour office.</p>"
        for n in range(1, paragraphs + 1)
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="{charset}">'
        f"<title>{headline}</title></head>\n<body><article><h1>{headline}</h1>\n"
        f"{body}\n</article></body></html>\n"
    )


ArticleFactory = Callable[..., str]
PageFactory = Callable[..., CachedPage]


@pytest.fixture
def article() -> ArticleFactory:
    """The :func:`article_html` builder, for tests that write pages to disk."""
    return article_html


@pytest.fixture
def make_page() -> PageFactory:
    """Build a page for ``url`` whose body is an original article (or the given bytes)."""

    def build(url: str, body: bytes | str | None = None, **fields: object) -> CachedPage:
        if body is None:
            body = article_html(f"Story at {url}")
        raw = body.encode("utf-8") if isinstance(body, str) else body
        fields.setdefault("content_type", "text/html")
        fields.setdefault("fetched_at", datetime(2024, 2, 1, 12, 0, tzinfo=UTC))
        return CachedPage.create(url, raw, **fields)  # type: ignore[arg-type]

    return build
