"""The crawl loop: take URLs from the frontier, fetch them on a small thread pool, keep the pages.

Policy lives here (what to fetch next, what a response leads to, what is an
article); storage stays in :class:`~crawl_cache.store.CrawlCache` and
:class:`~crawl_cache.crawler.frontier.Frontier`, both used only from the thread
that runs :func:`crawl`. Worker threads do nothing but robots checks and HTTP,
and every request waits its turn at one :class:`PolitenessGate`, so the
per-host delay holds for retries and redirect hops too. At most
``per_host`` requests to a host are in flight at once.

Crash safety: a page is written to the cache before its frontier row is
settled. A URL left ``in_flight`` by a killed crawl is, on ``--resume``, either
settled from the cache (when the page was stored during this crawl, so it is
not fetched again) or queued again.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import httpx

from crawl_cache.crawler.classify import classify_page, url_looks_like_article
from crawl_cache.crawler.discovery import (
    DocumentKind,
    PageLinks,
    document_kind,
    feed_links,
    media_type,
    page_links,
    sitemap_entries,
)
from crawl_cache.crawler.fetcher import Fetcher, FetchOutcome, FetchResult
from crawl_cache.crawler.frontier import (
    Discovered,
    Frontier,
    FrontierEntry,
    FrontierError,
    UrlState,
)
from crawl_cache.crawler.options import (
    CrawlOptions,
    CrawlProgress,
    CrawlReport,
    ProgressCallback,
    build_user_agent,
)
from crawl_cache.crawler.politeness import PolitenessGate
from crawl_cache.crawler.robots import RobotsCache, RobotsRules
from crawl_cache.crawler.urls import (
    domain_allowed,
    host_of,
    non_html_extension,
    normalize_url,
)
from crawl_cache.importers.sniff import parse_content_type
from crawl_cache.page import CachedPage
from crawl_cache.store import CrawlCache

ROBOTS_TOKEN = "broadsheet"

# Higher goes first. Seeds, then sitemaps named by an index or robots.txt, then
# what feeds and sitemaps list (the freshest articles), then links that look
# like articles, then every other link.
PRIORITY_SEED = 100
PRIORITY_SITEMAP = 90
PRIORITY_LISTED = 60
PRIORITY_ARTICLE_LINK = 40
PRIORITY_LINK = 20

ALREADY_FETCHED = "already fetched in this crawl"
PAGE_OUTCOMES = frozenset({"added", "replaced", "unchanged", "not_modified", "recovered"})
FAILURE_STAGE = "crawl"

WallClock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class _Validators:
    etag: str | None
    last_modified: str | None


class Crawler:
    """One crawl run over a cache and a frontier; call :meth:`run` once."""

    def __init__(
        self,
        cache: CrawlCache,
        frontier: Frontier,
        client: httpx.Client,
        options: CrawlOptions,
        *,
        user_agent: str | None = None,
        progress: ProgressCallback | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        now: WallClock | None = None,
    ) -> None:
        self._cache = cache
        self._frontier = frontier
        self._options = options
        self._domains = options.domains()
        self._progress = progress
        self._monotonic = monotonic
        self._now = now or (lambda: datetime.now(UTC))
        self._report = CrawlReport()
        self._robots_sitemaps: queue.SimpleQueue[tuple[str, ...]] = queue.SimpleQueue()
        self._gate = PolitenessGate(self._delay_for, clock=monotonic, sleep=sleep)
        self._fetcher = Fetcher(
            client,
            self._gate,
            user_agent=user_agent or build_user_agent(options.contact),
            policy=options.policy(),
        )
        self._robots = RobotsCache(self._load_robots)
        self._pages_done = 0
        self._started = 0.0
        # URLs settled in this crawl, read by workers to stop a redirect at a page
        # already fetched; written only by the loop's thread.
        self._done: set[str] = set()
        self._done_lock = threading.Lock()

    @property
    def options(self) -> CrawlOptions:
        return self._options

    # -- entry points ----------------------------------------------------------

    def start(self, *, refresh: bool = False) -> None:
        """Begin a new crawl from the seeds (and, with ``refresh``, every cached in-scope URL)."""
        seeds = _seed_entries(self._options.seeds)  # bad seeds fail before anything changes
        self._frontier.begin(self._options.to_json(), self._now().isoformat())
        self._frontier.add(seeds)
        if refresh:
            self._frontier.add(
                Discovered(url, 1, PRIORITY_LINK)
                for url in self._cache.iter_urls()
                if url.startswith(("http://", "https://")) and self._allowed(url)
            )

    def resume(self, extra_seeds: Iterable[str] = ()) -> None:
        """Carry on the crawl on file: settle what was in flight, then go on."""
        saved = self._frontier.saved_crawl()
        if saved is None:
            raise FrontierError(
                "there is no crawl to resume: start one with `broadsheet crawl URL`"
            )
        self._report.resumed = True
        started_at = datetime.fromisoformat(saved[1]) if saved[1] else None
        for entry in list(self._frontier.entries(UrlState.IN_FLIGHT)):
            key = self._frontier.alias(entry.url) or entry.url
            page = self._cache.get(key)
            if (
                page is not None
                and started_at
                and page.fetched_at
                and page.fetched_at >= started_at
            ):
                # Stored before the stop: settle it from the cache instead of fetching again.
                self._settle_from_cache(entry, page, "recovered")
                self._report.recovered += 1
            else:
                self._frontier.requeue(entry.url)
        self._frontier.add(_seed_entries(extra_seeds))

    def run(self) -> CrawlReport:
        """Crawl until the frontier is empty or ``max_pages`` pages are done."""
        self._started = self._monotonic()
        self._pages_done = self._frontier.count_outcomes(PAGE_OUTCOMES)
        with self._done_lock:
            self._done.update(entry.url for entry in self._frontier.entries(UrlState.DONE))
        in_flight: dict[Future[FetchResult], FrontierEntry] = {}
        host_load: Counter[str] = Counter()
        executor = ThreadPoolExecutor(max_workers=self._options.workers, thread_name_prefix="crawl")
        try:
            while True:
                while len(in_flight) < self._options.workers:
                    if self._budget_spent(len(in_flight)):
                        self._report.limit_reached = True
                        break
                    busy = [h for h, n in host_load.items() if n >= self._options.per_host]
                    entry = self._frontier.next_queued(busy)
                    if entry is None:
                        break
                    validators = self._validators(entry.url)
                    self._frontier.mark_in_flight(entry.url)
                    in_flight[executor.submit(self._work, entry, validators)] = entry
                    host_load[host_of(entry.url)] += 1
                if not in_flight:
                    break
                finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in finished:
                    entry = in_flight.pop(future)
                    host_load[host_of(entry.url)] -= 1
                    self._handle(entry, future.result())
                    self._queue_robots_sitemaps()
                    self._tell_progress(len(in_flight))
        finally:
            executor.shutdown(wait=True, cancel_futures=True)
        self._report.queued_left = self._frontier.counts()[UrlState.QUEUED]
        self._report.elapsed_s = self._monotonic() - self._started
        return self._report

    # -- worker side (no storage here) ---------------------------------------------

    def _work(self, entry: FrontierEntry, validators: _Validators) -> FetchResult:
        try:
            extension = non_html_extension(entry.url)
            if extension:
                reason = f"not HTML ({extension} link, not requested)"
                return FetchResult(entry.url, FetchOutcome.SKIPPED, entry.url, reason=reason)
            refusal = self._refusal(entry.url, check_domain=False)
            if refusal:
                return FetchResult(entry.url, FetchOutcome.SKIPPED, entry.url, reason=refusal)
            return self._fetcher.fetch(
                entry.url,
                etag=validators.etag,
                last_modified=validators.last_modified,
                permit=self._refusal,
            )
        except Exception as exc:  # a bug must not stop the crawl; it is logged as a failure
            return FetchResult(
                entry.url, FetchOutcome.FAILED, entry.url, reason=f"{type(exc).__name__}: {exc}"
            )

    def _refusal(self, url: str, *, check_domain: bool = True) -> str | None:
        if check_domain and self._is_done(url):
            return f"{ALREADY_FETCHED} ({url})"
        if check_domain and not self._allowed(url):
            return f"outside the allowed domains ({url})"
        rules = self._robots.rules(url)
        if not rules.allows(url, ROBOTS_TOKEN):
            return rules.reason or f"disallowed by robots.txt ({url})"
        return None

    def _load_robots(self, origin: str) -> RobotsRules:
        rules = self._fetcher.fetch_robots(origin)
        if rules.sitemaps:
            self._robots_sitemaps.put(rules.sitemaps)
        return rules

    def _delay_for(self, host: str) -> float:
        rules = self._robots.known(host)
        crawl_delay = rules.crawl_delay(ROBOTS_TOKEN) if rules is not None else None
        return max(self._options.delay_s, crawl_delay or 0.0)

    # -- main-thread side: policy and storage ------------------------------------------

    def _handle(self, entry: FrontierEntry, result: FetchResult) -> None:
        report = self._report
        if result.outcome is FetchOutcome.OK:
            report.fetched += 1
            kind = document_kind(result.body, result.content_type)
            if kind is DocumentKind.HTML:
                self._keep_page(entry, result)
            elif kind in (DocumentKind.FEED, DocumentKind.SITEMAP):
                if result.etag or result.last_modified:
                    self._frontier.save_document(
                        entry.url, result.body, content_type=result.content_type,
                        etag=result.etag, last_modified=result.last_modified,
                    )  # fmt: skip
                self._read_listing(entry, kind, result.body, result.final_url, "")
            else:
                report.skipped += 1
                what = media_type(result.content_type) or "unknown type"
                self._finish(entry, UrlState.SKIPPED, "skipped", f"not HTML ({what})")
        elif result.outcome is FetchOutcome.NOT_MODIFIED:
            report.fetched += 1
            key = self._frontier.alias(entry.url) or result.final_url
            page = self._cache.get(key) or self._cache.get(entry.url)
            document = self._frontier.document(entry.url) if page is None else None
            if document is not None:
                kind = document_kind(document.body, document.content_type)
                self._read_listing(entry, kind, document.body, result.final_url, " (not modified)")
            elif page is None:
                self._fail(entry, "HTTP 304 for a page the cache does not hold")
            else:
                report.not_modified += 1
                self._settle_from_cache(entry, page, "not_modified", covered=(result.final_url,))
        elif result.outcome is FetchOutcome.SKIPPED and result.reason.startswith(ALREADY_FETCHED):
            report.duplicates += 1
            self._finish(entry, UrlState.DONE, "duplicate", f"redirects to {result.final_url}")
        elif result.outcome is FetchOutcome.SKIPPED:
            report.skipped += 1
            self._finish(entry, UrlState.SKIPPED, "skipped", result.reason)
        else:
            self._fail(entry, result.reason)

    def _read_listing(
        self, entry: FrontierEntry, kind: DocumentKind, body: bytes, base: str, note: str
    ) -> None:
        """Queue what a feed or sitemap lists."""
        if kind is DocumentKind.FEED:
            self._report.feeds += 1
            urls = feed_links(body, base)
            self._finish(entry, UrlState.DONE, "feed", f"{len(urls)} entries{note}",
                         self._listed(entry, urls, PRIORITY_LISTED))  # fmt: skip
            return
        self._report.sitemaps += 1
        found = sitemap_entries(body, base)
        priority = PRIORITY_SITEMAP if found.is_index else PRIORITY_LISTED
        label = "sitemap index" if found.is_index else "sitemap"
        self._finish(entry, UrlState.DONE, "sitemap", f"{label}, {len(found.urls)} URLs{note}",
                     self._listed(entry, found.urls, priority))  # fmt: skip

    def _keep_page(self, entry: FrontierEntry, result: FetchResult) -> None:
        links = page_links(result.body, result.final_url)
        key = result.final_url
        if links.canonical and links.canonical != key and self._allowed(links.canonical):
            key = links.canonical
        covered = (result.final_url, key)
        if key != entry.url:
            known = self._frontier.get(key)
            if known is not None and known.state is UrlState.DONE:
                self._report.duplicates += 1
                self._finish(entry, UrlState.DONE, "duplicate", f"same page as {key}",
                             covered=covered)  # fmt: skip
                return
            # Written before the page so a resumed crawl finds the page under its key.
            self._frontier.set_alias(entry.url, key)
        verdict = classify_page(result.final_url, result.body)
        _, charset = parse_content_type(result.content_type)
        page = CachedPage.create(
            key,
            result.body,
            final_url=result.final_url,
            status=result.status or 200,
            content_type=result.content_type or "text/html",
            charset=charset,
            etag=result.etag,
            last_modified=result.last_modified,
            fetched_at=self._now(),
            is_article=verdict.is_article,
        )
        outcome = str(self._cache.put(page))
        report = self._report
        setattr(report, outcome, getattr(report, outcome) + 1)
        if verdict.is_article:
            report.articles += 1
        else:
            report.index_pages += 1
        self._pages_done += 1
        label = "article" if verdict.is_article else "index page"
        reason = f"{label} ({', '.join(verdict.signals) or 'no signals'})"
        if result.redirects:
            reason += f"; redirected to {result.final_url}"
        self._finish(entry, UrlState.DONE, outcome, reason, self._followed(entry, links), covered)

    def _settle_from_cache(
        self, entry: FrontierEntry, page: CachedPage, outcome: str, covered: Iterable[str] = ()
    ) -> None:
        """Done without storing: follow the links of the copy already in the cache."""
        self._pages_done += 1
        links = page_links(page.body, page.final_url or page.url)
        self._finish(entry, UrlState.DONE, outcome, f"cached copy at {page.url}",
                     self._followed(entry, links), (*covered, page.url))  # fmt: skip

    def _fail(self, entry: FrontierEntry, reason: str) -> None:
        self._report.failed += 1
        if len(self._report.failures) < 50:
            self._report.failures.append((entry.url, reason))
        self._cache.record_failure(entry.url, reason, stage=FAILURE_STAGE)
        self._finish(entry, UrlState.FAILED, "failed", reason)

    def _finish(
        self,
        entry: FrontierEntry,
        state: UrlState,
        outcome: str,
        reason: str,
        discovered: Iterable[Discovered] = (),
        covered: Iterable[str] = (),
    ) -> None:
        covered = list(covered)
        if state is UrlState.DONE:
            with self._done_lock:
                self._done.add(entry.url)
                self._done.update(covered)
        self._frontier.finish(
            entry.url, state, outcome=outcome, reason=reason, discovered=discovered,
            covered=[url for url in covered if url and url != entry.url],
        )  # fmt: skip

    # -- discovery policy ------------------------------------------------------------

    def _followed(self, entry: FrontierEntry, links: PageLinks) -> list[Discovered]:
        depth = entry.depth + 1
        if depth > self._options.max_depth:
            return []
        found = [
            Discovered(
                url,
                depth,
                PRIORITY_ARTICLE_LINK if url_looks_like_article(url) else PRIORITY_LINK,
                entry.url,
            )  # fmt: skip
            for url in links.links
            if self._allowed(url)
        ]
        found += [Discovered(url, depth, PRIORITY_LISTED, entry.url) for url in links.feeds
                  if self._allowed(url)]  # fmt: skip
        return found

    def _listed(self, entry: FrontierEntry, urls: Iterable[str], priority: int) -> list[Discovered]:
        depth = entry.depth + 1
        if depth > self._options.max_depth:
            return []
        return [Discovered(url, depth, priority, entry.url) for url in urls if self._allowed(url)]

    def _queue_robots_sitemaps(self) -> None:
        while True:
            try:
                sitemaps = self._robots_sitemaps.get_nowait()
            except queue.Empty:
                return
            self._frontier.add(
                Discovered(url, 0, PRIORITY_SITEMAP, "robots.txt")
                for url in sitemaps
                if self._allowed(url)
            )

    def _is_done(self, url: str) -> bool:
        with self._done_lock:
            return url in self._done

    def _allowed(self, url: str) -> bool:
        return domain_allowed(url, self._domains)

    def _budget_spent(self, in_flight: int) -> bool:
        limit = self._options.max_pages
        return limit is not None and self._pages_done + in_flight >= limit

    def _validators(self, url: str) -> _Validators:
        page = self._cache.get(self._frontier.alias(url) or url)
        if page is not None:
            return _Validators(page.etag, page.last_modified)
        document = self._frontier.document(url)
        if document is not None:
            return _Validators(document.etag, document.last_modified)
        return _Validators(None, None)

    def _tell_progress(self, in_flight: int) -> None:
        if self._progress is None:
            return
        report = self._report
        self._progress(
            CrawlProgress(
                fetched=report.fetched,
                stored=report.stored,
                unchanged=report.unchanged + report.not_modified,
                errors=report.failed,
                skipped=report.skipped,
                queued=self._frontier.counts()[UrlState.QUEUED],
                in_flight=in_flight,
                elapsed_s=self._monotonic() - self._started,
            )
        )


def _seed_entries(seeds: Iterable[str]) -> list[Discovered]:
    entries = []
    for seed in seeds:
        url = normalize_url(seed)
        if url is None:
            raise ValueError(f"not an http(s) URL: {seed!r}")
        entries.append(Discovered(url, 0, PRIORITY_SEED))
    return entries


def crawl(
    cache: CrawlCache,
    frontier: Frontier,
    client: httpx.Client,
    options: CrawlOptions,
    *,
    user_agent: str | None = None,
    resume: bool = False,
    refresh: bool = False,
    progress: ProgressCallback | None = None,
    monotonic: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
    now: WallClock | None = None,
    resume_overrides: Mapping[str, Any] | None = None,
) -> CrawlReport:
    """Run a crawl (new, or resumed from the frontier on file) and report what it did.

    On resume the saved options apply, changed by ``resume_overrides`` (for
    example a higher ``max_pages``); seeds in ``options`` are added to the crawl.
    ``user_agent`` defaults to one built from the options' contact.
    """
    extra_seeds = options.seeds
    if resume:
        saved = frontier.saved_crawl()
        if saved is None:
            raise FrontierError(
                "there is no crawl to resume: start one with `broadsheet crawl URL`"
            )
        options = replace(CrawlOptions.from_json(saved[0]), **(resume_overrides or {}))
    crawler = Crawler(
        cache, frontier, client, options, user_agent=user_agent, progress=progress,
        monotonic=monotonic, sleep=sleep, now=now,
    )  # fmt: skip
    if resume:
        crawler.resume(extra_seeds)
    else:
        crawler.start(refresh=refresh)
    return crawler.run()
