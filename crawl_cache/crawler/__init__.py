"""The crawler: seeds, robots.txt, politeness, fetching and the persisted frontier.

Pure policy modules (``urls``, ``robots``, ``politeness``, ``discovery``,
``classify``) sit under thin IO: ``fetcher`` (HTTP through an injected httpx
client), ``frontier`` (SQLite), ``crawler`` (the loop) and ``session`` (opening
and closing it all).
"""

from crawl_cache.crawler.classify import PageClass, classify_page, url_looks_like_article
from crawl_cache.crawler.crawler import Crawler, crawl
from crawl_cache.crawler.fetcher import Fetcher, FetchOutcome, FetchPolicy, FetchResult
from crawl_cache.crawler.frontier import (
    FRONTIER_FILE_NAME,
    Discovered,
    Frontier,
    FrontierEntry,
    FrontierError,
    UrlState,
    frontier_path_for,
)
from crawl_cache.crawler.options import (
    CrawlOptions,
    CrawlProgress,
    CrawlReport,
    build_user_agent,
)
from crawl_cache.crawler.politeness import HostSchedule, PolitenessGate
from crawl_cache.crawler.robots import RobotsCache, RobotsRules, parse_robots
from crawl_cache.crawler.session import (
    frontier_counts,
    resume_overrides_for,
    run_crawl,
    unfinished_url_count,
)
from crawl_cache.crawler.urls import normalize_url

__all__ = [
    "FRONTIER_FILE_NAME",
    "CrawlOptions",
    "CrawlProgress",
    "CrawlReport",
    "Crawler",
    "Discovered",
    "FetchOutcome",
    "FetchPolicy",
    "FetchResult",
    "Fetcher",
    "Frontier",
    "FrontierEntry",
    "FrontierError",
    "HostSchedule",
    "PageClass",
    "PolitenessGate",
    "RobotsCache",
    "RobotsRules",
    "UrlState",
    "build_user_agent",
    "classify_page",
    "crawl",
    "frontier_counts",
    "frontier_path_for",
    "normalize_url",
    "parse_robots",
    "resume_overrides_for",
    "run_crawl",
    "unfinished_url_count",
    "url_looks_like_article",
]
