"""The crawl's IO edge: open the cache, the frontier and an HTTP client, run, close them all."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any

import httpx

from crawl_cache.crawler.crawler import crawl
from crawl_cache.crawler.frontier import Frontier, FrontierError, frontier_path_for
from crawl_cache.crawler.options import CrawlOptions, CrawlReport, ProgressCallback
from crawl_cache.store import CrawlCache

# Limits a reader may change when carrying on a crawl; the seeds and domains of
# the saved crawl stay as they were.
RESUME_OVERRIDABLE = frozenset(
    {"max_pages", "max_depth", "delay_s", "per_host", "timeout_s", "max_bytes", "contact"}
)


def resume_overrides_for(options: CrawlOptions, given: Collection[str]) -> dict[str, Any]:
    """The values in ``options`` a resumed crawl takes over its saved ones: the fields in ``given``.

    ``given`` names the ``CrawlOptions`` fields the reader set explicitly (say
    ``--max-pages`` on the command line); everything else keeps its saved value.
    """
    known = {field.name for field in fields(CrawlOptions)}
    unknown = sorted(set(given) - known)
    if unknown:
        raise ValueError(f"not crawl options: {', '.join(unknown)}")
    fixed = sorted(set(given) - RESUME_OVERRIDABLE)
    if fixed:
        raise ValueError(f"a resumed crawl keeps its saved {', '.join(fixed)}")
    return {name: getattr(options, name) for name in sorted(given)}


def unfinished_url_count(cache_path: Path) -> int:
    """URLs the last crawl into ``cache_path`` left queued or in flight (0 when there was none)."""
    left = frontier_counts(cache_path) or {}
    return left.get("queued", 0) + left.get("in_flight", 0)


def run_crawl(
    cache_path: Path,
    options: CrawlOptions,
    *,
    user_agent: str | None = None,
    resume: bool = False,
    refresh: bool = False,
    progress: ProgressCallback | None = None,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
    resume_overrides: Mapping[str, Any] | None = None,
    given: Collection[str] | None = None,
) -> CrawlReport:
    """Crawl into the cache at ``cache_path``, keeping the frontier in the file beside it.

    On ``resume``, the saved options apply, except ``resume_overrides`` and the
    fields named in ``given`` (taken from ``options``; see ``resume_overrides_for``).

    ``transport`` replaces the network (tests pass ``httpx.MockTransport``). The
    client ignores proxy settings from the environment: configuration reaches
    library code only through its arguments.
    """
    if resume and given:
        resume_overrides = {**resume_overrides_for(options, given), **(resume_overrides or {})}
    limits = httpx.Limits(max_connections=options.workers * 2, max_keepalive_connections=8)
    with (
        CrawlCache.open(cache_path) as cache,
        Frontier.open(frontier_path_for(cache_path)) as frontier,
        httpx.Client(transport=transport, limits=limits, trust_env=False) as client,
    ):
        return crawl(
            cache,
            frontier,
            client,
            options,
            user_agent=user_agent,
            resume=resume,
            refresh=refresh,
            progress=progress,
            sleep=sleep,
            resume_overrides=resume_overrides,
        )


def frontier_counts(cache_path: Path) -> dict[str, int] | None:
    """URLs per state in the frontier beside ``cache_path``; None when there has been no crawl."""
    path = frontier_path_for(cache_path)
    if not path.exists():
        return None
    try:
        with Frontier.open(path) as frontier:
            return frontier.counts()
    except (FrontierError, sqlite3.Error):
        return None  # a figure for a status line is not worth failing over
