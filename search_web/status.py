"""A status overview of one data directory: the crawl cache and the search index together."""

from __future__ import annotations

from dataclasses import dataclass, field

from crawl_cache import CacheStats, CrawlCache, FailureRecord
from indexer import IndexNotFound, IndexStats, SearchService
from search_web.settings import Settings


@dataclass(frozen=True, slots=True)
class StatusReport:
    """What is in a data directory.

    ``cache`` is None when nothing has been imported yet; ``index`` is None when no
    index has been built, and ``index_problem`` then says why.
    """

    settings: Settings
    cache: CacheStats | None
    recent_failures: list[FailureRecord] = field(default_factory=list)
    index: IndexStats | None = None
    index_problem: str | None = None
    # Failures per stage (import, crawl...) and the last crawl's URLs per
    # frontier state (queued, done, failed...); None when there was no crawl.
    failures_by_stage: dict[str, int] = field(default_factory=dict)
    crawl: dict[str, int] | None = None


def collect_status(settings: Settings, *, failure_limit: int = 10) -> StatusReport:
    """Read the cache's and the index's figures without creating either."""
    cache_stats: CacheStats | None = None
    failures: list[FailureRecord] = []
    by_stage: dict[str, int] = {}
    if settings.cache_path.exists():
        with CrawlCache.open(settings.cache_path) as cache:
            cache_stats = cache.stats()
            failures = cache.failures(limit=failure_limit) if failure_limit else []
            by_stage = cache.failure_counts()
    from crawl_cache.crawler import frontier_counts  # the crawler loads only when asked

    crawl = frontier_counts(settings.cache_path)

    try:
        service = SearchService(settings.index_dir)
    except IndexNotFound as missing:
        return StatusReport(
            settings, cache_stats, failures, None, str(missing),
            failures_by_stage=by_stage, crawl=crawl,
        )  # fmt: skip
    try:
        index_stats = service.stats()
    except IndexNotFound as missing:
        return StatusReport(
            settings, cache_stats, failures, None, str(missing),
            failures_by_stage=by_stage, crawl=crawl,
        )  # fmt: skip
    finally:
        service.close()
    return StatusReport(
        settings, cache_stats, failures, index_stats, None,
        failures_by_stage=by_stage, crawl=crawl,
    )  # fmt: skip
