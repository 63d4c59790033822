"""The crawl's IO edge: open the cache, the frontier and an HTTP client, run, close them all."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import httpx

from crawl_cache.crawler.crawler import crawl
from crawl_cache.crawler.frontier import Frontier, FrontierError, frontier_path_for
from crawl_cache.crawler.options import CrawlOptions, CrawlReport, ProgressCallback
from crawl_cache.store import CrawlCache


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
) -> CrawlReport:
    """Crawl into the cache at ``cache_path``, keeping the frontier in the file beside it.

    ``transport`` replaces the network (tests pass ``httpx.MockTransport``). The
    client ignores proxy settings from the environment: configuration reaches
    library code only through its arguments.
    """
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
