"""Crawling a generated news site on 127.0.0.1: what is fetched, skipped, stored, and when."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from news_site import (
    ARTICLES,
    BUSY_PATH,
    CHANGING,
    FEED_ARTICLES,
    FLAKY_PATH,
    LINKED_ONLY,
    SITEMAP_ARTICLES,
    NewsSite,
    SiteServer,
    article_path,
)

from crawl_cache import CrawlCache
from crawl_cache.crawler import (
    CrawlOptions,
    CrawlReport,
    Frontier,
    UrlState,
    build_user_agent,
    frontier_path_for,
    run_crawl,
)

CRAWL_DELAY = 0.05  # from robots.txt; longer than the configured delay, so it must win
CONTACT = "desk@harbour-gazette.test"
ALL_ARTICLE_PATHS = {article_path(a) for a in ARTICLES} | {FLAKY_PATH, BUSY_PATH}
INDEX_PATHS = {
    "/",
    "/section/harbour/",
    "/section/council/",
    "/tag/harbour-life/",
    "/tag/council-life/",
}


def crawl_options(base: str, **changes: object) -> CrawlOptions:
    settings: dict[str, object] = {
        "seeds": (f"{base}/", f"{base}/feed.xml"),
        "delay_s": 0.01,
        # Generous enough that only the deliberately slow page times out on a busy machine.
        "timeout_s": 1.5,
        "max_retries": 1,
        "backoff_s": 0.05,
        "max_bytes": 512 * 1024,
        "workers": 4,
    }
    settings.update(changes)
    return CrawlOptions(**settings)  # type: ignore[arg-type]


def crawl(data_dir: Path, base: str, **changes: object) -> CrawlReport:
    resume = bool(changes.pop("resume", False))
    overrides = changes.pop("resume_overrides", None)
    progress = changes.pop("progress", None)
    return run_crawl(
        data_dir / "cache.sqlite3",
        crawl_options(base, **changes),
        user_agent=build_user_agent(CONTACT),
        resume=resume,
        resume_overrides=overrides,  # type: ignore[arg-type]
        progress=progress,  # type: ignore[arg-type]
    )


def cached(data_dir: Path, base: str) -> dict[str, tuple[str, bool | None]]:
    """Cache path -> (content hash, is_article)."""
    with CrawlCache.open(data_dir / "cache.sqlite3") as cache:
        return {
            page.url.removeprefix(base): (page.content_hash, page.is_article)
            for page in cache.iter_pages()
        }


def frontier_rows(data_dir: Path, base: str) -> dict[str, tuple[UrlState, str | None, str | None]]:
    with Frontier.open(frontier_path_for(data_dir / "cache.sqlite3")) as frontier:
        return {
            e.url.removeprefix(base): (e.state, e.outcome, e.reason) for e in frontier.entries()
        }


@dataclass
class Crawled:
    site: NewsSite
    base: str
    data_dir: Path
    report: CrawlReport


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    site = NewsSite(crawl_delay=CRAWL_DELAY, retry_after_s=1, slow_s=4.0)
    server = SiteServer(site)
    data_dir = tmp_path_factory.mktemp("crawl")
    try:
        report = crawl(data_dir, server.base)
        yield Crawled(site, server.base, data_dir, report)
    finally:
        server.stop()


def test_every_article_and_index_page_is_stored_once(crawled: Crawled) -> None:
    pages = cached(crawled.data_dir, crawled.base)
    assert set(pages) == ALL_ARTICLE_PATHS | INDEX_PATHS
    assert {path for path, (_, is_article) in pages.items() if is_article} == ALL_ARTICLE_PATHS
    assert {path for path, (_, is_article) in pages.items() if is_article is False} == INDEX_PATHS
    assert crawled.report.added == len(pages)
    assert crawled.report.articles == len(ALL_ARTICLE_PATHS)


def test_each_url_is_requested_once_whatever_its_spelling(crawled: Crawled) -> None:
    paths = crawled.site.paths()
    pages = [p for p in paths if p in ALL_ARTICLE_PATHS | INDEX_PATHS]
    retried = {FLAKY_PATH, BUSY_PATH}  # a 500 and a 429 come first
    assert sorted(p for p in pages if p not in retried) == sorted(set(pages) - retried)
    assert paths.count(FLAKY_PATH) == 2 and paths.count(BUSY_PATH) == 2
    assert not [p for p in paths if "utm_" in p or "#" in p]


def test_nothing_disallowed_offsite_or_non_html_is_requested(crawled: Crawled) -> None:
    paths = crawled.site.paths()
    assert not [p for p in paths if p.startswith("/private/")]
    assert "/files/annual-report.pdf" not in paths
    rows = frontier_rows(crawled.data_dir, crawled.base)
    state, _, reason = rows["/private/draft-budget-leak/"]
    assert state is UrlState.SKIPPED and "robots.txt" in reason
    assert rows["/files/annual-report.pdf"][0] is UrlState.SKIPPED
    assert ".pdf" in rows["/files/annual-report.pdf"][2]
    assert rows["/download/harbour-accounts"][0] is UrlState.SKIPPED
    assert rows["/download/harbour-accounts"][2] == "not HTML (application/pdf)"
    assert not [url for url in rows if "elsewhere.invalid" in url]


def test_order_constraints(crawled: Crawled) -> None:
    paths = crawled.site.paths()
    assert paths[0] == "/robots.txt" and paths.count("/robots.txt") == 1
    assert paths.index("/sitemap_index.xml") < paths.index("/sitemap-news.xml")
    for article in SITEMAP_ARTICLES:
        if article not in FEED_ARTICLES:
            assert paths.index("/sitemap-news.xml") < paths.index(article_path(article))
    for article in FEED_ARTICLES:
        assert paths.index("/feed.xml") < paths.index(article_path(article))
    # Only linked from the article before it: found by following links.
    linker = ARTICLES[ARTICLES.index(LINKED_ONLY) - 1]
    assert paths.index(article_path(linker)) < paths.index(article_path(LINKED_ONLY))
    rows = frontier_rows(crawled.data_dir, crawled.base)
    assert rows["/sitemap_index.xml"][2] == "sitemap index, 1 URLs"


def test_per_host_delay_held_and_user_agent_names_product_and_contact(crawled: Crawled) -> None:
    log = crawled.site.entries()
    gaps = [later.at - earlier.at for earlier, later in zip(log, log[1:], strict=False)]
    assert min(gaps) >= CRAWL_DELAY - 0.005, gaps
    assert {entry.user_agent for entry in log} == {build_user_agent(CONTACT)}
    assert "Broadsheet" in log[0].user_agent and CONTACT in log[0].user_agent


def test_retry_after_is_honoured(crawled: Crawled) -> None:
    busy = [entry for entry in crawled.site.entries() if entry.path == BUSY_PATH]
    assert [entry.status for entry in busy] == [429, 200]
    assert busy[1].at - busy[0].at >= 1.0 - 0.01
    flaky = [entry.status for entry in crawled.site.entries() if entry.path == FLAKY_PATH]
    assert flaky == [500, 200]


def test_failures_are_logged_with_url_and_reason(crawled: Crawled) -> None:
    with CrawlCache.open(crawled.data_dir / "cache.sqlite3") as cache:
        failures = {f.source.removeprefix(crawled.base): f for f in cache.failures()}
        assert cache.failure_counts() == {"crawl": 4}
    assert set(failures) == {"/loop/a", "/gone-story/", "/slow-story/", "/huge-story/"}
    assert all(f.stage == "crawl" for f in failures.values())
    assert "redirect loop" in failures["/loop/a"].reason
    assert failures["/gone-story/"].reason == "HTTP 404"
    assert "timeout" in failures["/slow-story/"].reason
    assert "byte limit" in failures["/huge-story/"].reason
    assert crawled.report.failed == 4
    assert crawled.site.paths().count("/slow-story/") == 2  # retried once, then given up


def test_redirect_is_followed_and_recorded(crawled: Crawled) -> None:
    rows = frontier_rows(crawled.data_dir, crawled.base)
    state, outcome, reason = rows["/old/ferry-story"]
    target = article_path(ARTICLES[0])
    assert state is UrlState.DONE
    if outcome == "duplicate":  # the target was fetched first
        assert reason.endswith(target)
    else:
        assert outcome == "added" and reason.endswith(f"redirected to {crawled.base}{target}")
    assert "/old/ferry-story" not in cached(crawled.data_dir, crawled.base)


def test_refresh_crawl_sends_conditional_requests_and_stores_only_changes(tmp_path: Path) -> None:
    site = NewsSite(crawl_delay=0.02, retry_after_s=0, slow_s=0.0)
    server = SiteServer(site)
    try:
        crawl(tmp_path, server.base, max_depth=1)
        before = cached(tmp_path, server.base)
        with CrawlCache.open(tmp_path / "cache.sqlite3") as cache:
            seq_before = cache.last_seq()
        site.edition += 1
        first_refresh_request = len(site.entries())
        report = crawl(tmp_path, server.base, max_depth=1)
        after = cached(tmp_path, server.base)
        with CrawlCache.open(tmp_path / "cache.sqlite3") as cache:
            seq_after = cache.last_seq()
    finally:
        server.stop()
    refresh = site.entries()[first_refresh_request:]
    page_requests = [e for e in refresh if e.path in before]
    assert page_requests and all(e.if_none_match for e in page_requests)
    changed = article_path(CHANGING)
    assert {e.path for e in page_requests if e.status == 200} == {changed}
    assert {e.status for e in page_requests if e.path != changed} == {304}
    assert report.replaced == 1 and report.added == 0
    listings = {e.path: e for e in refresh if e.path in ("/feed.xml", "/sitemap-news.xml")}
    assert {e.status for e in listings.values()} == {304}  # read again from the kept copy
    assert report.feeds == 1 and report.sitemaps == 2
    assert report.not_modified == len(before) - 1
    assert seq_after == seq_before + 1
    assert {p for p in before if before[p] != after[p]} == {changed}


def test_max_pages_stops_and_resume_carries_on(tmp_path: Path) -> None:
    site = NewsSite(crawl_delay=0.01, retry_after_s=0, slow_s=0.0)
    server = SiteServer(site)
    try:
        first = crawl(tmp_path, server.base, max_pages=3)
        assert first.limit_reached and first.queued_left > 0
        assert len(cached(tmp_path, server.base)) == 3
        second = crawl(tmp_path, server.base, resume=True, resume_overrides={"max_pages": None})
    finally:
        server.stop()
    assert second.resumed and not second.limit_reached and second.queued_left == 0
    fast_slow_page = {"/slow-story/"}  # this site answers it at once
    assert set(cached(tmp_path, server.base)) == ALL_ARTICLE_PATHS | INDEX_PATHS | fast_slow_page


class _Interrupt(Exception):
    pass


def test_interrupted_crawl_resumes_to_the_same_cache_without_refetching(tmp_path: Path) -> None:
    site = NewsSite(crawl_delay=0.01, retry_after_s=0, slow_s=0.0)
    server = SiteServer(site)
    whole, parts = tmp_path / "whole", tmp_path / "parts"
    seen = []

    def stop_after_six(progress: object) -> None:
        seen.append(progress)
        if len(seen) == 6:
            raise KeyboardInterrupt

    try:
        crawl(whole, server.base)
        with pytest.raises(KeyboardInterrupt):
            crawl(parts, server.base, progress=stop_after_six)
        stored_before = set(cached(parts, server.base))
        rows = frontier_rows(parts, server.base)
        assert any(state is UrlState.QUEUED for state, _, _ in rows.values())
        resumed_from = len(site.entries())
        report = crawl(parts, server.base, resume=True)
    finally:
        server.stop()
    assert report.resumed
    assert cached(parts, server.base) == cached(whole, server.base)
    refetched = {e.path for e in site.entries()[resumed_from:]} & stored_before
    assert refetched == set()
