"""Running the scraper over cached pages, in this process or on a process pool, in feed order.

Extraction is the slow, CPU-bound part of a reindex, so it runs on worker processes
while the parent alone writes the index. Workers are started with "spawn": forking a
process that may hold threads (a web server, a test runner) is unsafe, and spawn is
the default on macOS and newer Pythons anyway. Everything sent to a worker is a plain
tuple and every function it runs is top-level, so nothing depends on the start method.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from typing import Any, Protocol

from .article import Article

# (seq, url, raw body, content type): what a worker needs to extract one page.
PageJob = tuple[int, str, bytes, str | None]
Extractor = Callable[[bytes, str, str | None], Article]

CHUNK_SIZE = 16


class PageLike(Protocol):
    """The fields of ``crawl_cache.CachedPage`` extraction reads."""

    @property
    def url(self) -> str: ...

    @property
    def body(self) -> bytes: ...

    @property
    def content_type(self) -> str | None: ...

    @property
    def seq(self) -> int | None: ...


@dataclass(frozen=True, slots=True)
class Extracted:
    """The outcome for one page: an article, or the reason there is none."""

    seq: int
    url: str
    article: Article | None
    error: str | None = None
    # The body's near-duplicate signature (``syndication.body_signature``) when asked for.
    signature: Any = None


def default_extractor(body: bytes, url: str, content_type: str | None) -> Article:
    """The project's scraper (imported late so workers and the parent load it lazily)."""
    from .scrape import extract_article

    return extract_article(body, url, content_type=content_type)


def extract_chunk(extract: Extractor, jobs: list[PageJob], sign: bool = False) -> list[Extracted]:
    """Extract a chunk of pages; any exception becomes a per-page error, never a crash.

    With ``sign`` each article also gets its body's near-duplicate signature, so that
    work runs on the workers too rather than in the process writing the index.
    """
    if sign:
        from .syndication import body_signature
    outcomes: list[Extracted] = []
    for seq, url, body, content_type in jobs:
        try:
            article = extract(body, url, content_type)
        except Exception as error:  # the scraper meets arbitrary junk; report, go on
            outcomes.append(Extracted(seq, url, None, _describe(error)))
            continue
        if not isinstance(article, Article) or not article.id:
            outcomes.append(Extracted(seq, url, None, "scraper returned no article id"))
            continue
        signature = body_signature(article.body) if sign else None
        outcomes.append(Extracted(seq, url, article, signature=signature))
    return outcomes


def extract_in_order(
    pages: Iterable[PageLike],
    *,
    extract: Extractor = default_extractor,
    workers: int = 1,
    sign: bool = False,
) -> Iterator[Extracted]:
    """Yield one ``Extracted`` per page, in the order the pages came.

    With ``workers`` > 1 at most ``2 * workers`` chunks are in flight, so memory stays
    bounded however large the cache is. A worker that dies (a crash inside a parser)
    fails only its own chunk; the pool is restarted for the rest.
    """
    chunks = _chunks(pages)
    if workers <= 1:
        for chunk in chunks:
            yield from extract_chunk(extract, chunk, sign)
        return
    yield from _extract_on_pool(chunks, extract, workers, sign)


def _extract_on_pool(
    chunks: Iterator[list[PageJob]], extract: Extractor, workers: int, sign: bool
) -> Iterator[Extracted]:
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    pending: deque[tuple[list[PageJob], Future[list[Extracted]]]] = deque()
    try:
        for chunk in chunks:
            pending.append((chunk, pool.submit(extract_chunk, extract, chunk, sign)))
            while len(pending) >= 2 * workers:
                outcomes, pool = _next_result(pending, pool, extract, workers, context, sign)
                yield from outcomes
        while pending:
            outcomes, pool = _next_result(pending, pool, extract, workers, context, sign)
            yield from outcomes
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _next_result(
    pending: deque[tuple[list[PageJob], Future[list[Extracted]]]],
    pool: ProcessPoolExecutor,
    extract: Extractor,
    workers: int,
    context: multiprocessing.context.BaseContext,
    sign: bool,
) -> tuple[list[Extracted], ProcessPoolExecutor]:
    chunk, future = pending.popleft()
    try:
        return future.result(), pool
    except BrokenProcessPool:
        reason = "extraction worker process died while parsing this page's chunk"
        failed = [Extracted(seq, url, None, reason) for seq, url, _body, _type in chunk]
        pool.shutdown(wait=True, cancel_futures=True)
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        resubmitted = [
            (jobs, pool.submit(extract_chunk, extract, jobs, sign)) for jobs, _ in pending
        ]
        pending.clear()
        pending.extend(resubmitted)
        return failed, pool


def _chunks(pages: Iterable[PageLike]) -> Iterator[list[PageJob]]:
    jobs = (_job(page) for page in pages)
    while chunk := list(islice(jobs, CHUNK_SIZE)):
        yield chunk


def _job(page: PageLike) -> PageJob:
    return (page.seq or 0, page.url, page.body, page.content_type)


def _describe(error: BaseException) -> str:
    text = str(error).strip() or "no details"
    return f"{type(error).__name__}: {text}"[:500]
