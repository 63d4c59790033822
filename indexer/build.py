"""Reindexing: following the crawl cache's change feed into the Whoosh index.

A full reindex builds a new generation from every cache entry beside the live one and
switches the pointer when it is complete. An incremental reindex (the default) writes
only entries newer than the live generation's ``last_seq`` into it, committing in
batches and recording ``last_seq`` after each commit, so a killed run resumes where
the last commit left off; replaying a batch is harmless because documents are written
by id. Only one reindex runs at a time (see ``index_store.write_lock``).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from whoosh.index import Index

from crawl_cache import CrawlCache

from .article import Article
from .documents import Vocabulary, build_document
from .errors import IndexCorrupt, IndexerError, IndexWriteFailed
from .extraction_pool import Extracted, Extractor, PageLike, default_extractor, extract_in_order
from .index_store import (
    GenerationState,
    Pointer,
    create_generation,
    next_generation,
    open_generation,
    read_pointer,
    read_state,
    remove_stale_generations,
    utc_now_iso,
    write_lock,
    write_pointer,
    write_state,
)
from .posting_pool import install as install_posting_pool
from .prose_postings import ProsePostings
from .prose_postings import add_document as add_prose_document
from .segment_writers import SegmentWriters, merge_languages
from .syndication import StoryClusters, syndication_fields

logger = logging.getLogger(__name__)

Progress = Callable[[int, int | None], None]

INCREMENTAL_BATCH_SIZE = 500
# Duplicate ids a full build holds back before committing them early.
FULL_HOLD_LIMIT = 2000
MAX_REPORTED_FAILURES = 1000
WRITER_LIMIT_MB = 256
# Pages a full build needs before it writes with several segment writers.
PARALLEL_WRITE_MIN_PAGES = 2000

# (article, cache URL, body signature) as extraction hands them to the writer.
Outcome = tuple[Article, str, Any]


class PageSource(Protocol):
    """The part of ``crawl_cache.CrawlCache`` a reindex reads."""

    def changes_since(self, seq: int) -> Iterator[PageLike]: ...

    def page_count(self) -> int: ...


@dataclass(frozen=True, slots=True)
class ReindexReport:
    """What a reindex did.

    ``indexed`` counts documents written by this run; ``skipped`` counts pages whose
    article was superseded within the run by a later page with the same id (same
    canonical URL); ``documents`` is the generation's size afterwards.
    """

    generation: str
    full: bool
    pages: int
    indexed: int
    skipped: int
    failed: int
    failures: tuple[tuple[str, str], ...]
    documents: int
    last_seq: int
    elapsed_s: float

    @property
    def unchanged(self) -> int:
        """Alias of ``skipped`` (pages that produced no new document of their own)."""
        return self.skipped


def reindex(
    cache_path: Path,
    index_dir: Path,
    *,
    full: bool = False,
    workers: int = 1,
    progress: Progress | None = None,
    extract: Extractor = default_extractor,
) -> ReindexReport:
    """Bring the index at ``index_dir`` up to date with the cache at ``cache_path``.

    Raises IndexLocked at once if another reindex holds the lock. ``extract`` must be
    a top-level function when ``workers`` > 1 (it is sent to worker processes).
    """
    if not Path(cache_path).is_file():
        raise IndexerError(f"no crawl cache at {cache_path}; import or crawl some pages first")
    with (
        write_lock(Path(index_dir)),
        CrawlCache.open(cache_path) as cache,
        _disk_errors_explained(Path(index_dir)),
    ):
        return _run(cache, Path(index_dir), full, workers, progress, extract, None)


def reindex_cache(
    cache: PageSource,
    index_dir: Path,
    *,
    full: bool = False,
    workers: int = 1,
    progress: Progress | None = None,
    extract: Extractor = default_extractor,
    batch_size: int | None = None,
) -> ReindexReport:
    """``reindex`` over an already open cache (any object with the ``PageSource`` methods)."""
    with write_lock(Path(index_dir)), _disk_errors_explained(Path(index_dir)):
        return _run(cache, Path(index_dir), full, workers, progress, extract, batch_size)


_DISK_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EFBIG}


@contextlib.contextmanager
def _disk_errors_explained(index_dir: Path) -> Iterator[None]:
    """Turn a full or read-only disk into IndexWriteFailed, dropping the half-built generation.

    Call with the write lock held. The live generation (and the one it replaced)
    stays untouched; a generation that never went live is removed to give the space back.
    """
    try:
        yield
    except OSError as error:
        if error.errno not in _DISK_ERRNOS:
            raise
        live = _readable_pointer(index_dir)
        keep = {live.generation, live.previous or ""} if live is not None else set()
        remove_stale_generations(index_dir, keep=keep)
        where = f" ({error.filename})" if error.filename else ""
        raise IndexWriteFailed(
            f"cannot write the index at {index_dir}: {error.strerror or error}{where}; "
            "the live index is unchanged and still serving. Free some space and run "
            "`broadsheet reindex --full` again"
        ) from error


@dataclass
class _Tally:
    pages: int = 0
    indexed: int = 0
    skipped: int = 0
    failed: int = 0
    last_seq: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _Batch:
    """Articles waiting for one commit, de-duplicated by id (the later page wins).

    Whoosh's ``update_document`` only replaces committed documents, so two updates
    for one id inside one writer would leave two documents.
    """

    articles: dict[str, Outcome] = field(default_factory=dict)
    cache_urls: set[str] = field(default_factory=set)
    max_seq: int = 0

    def add(self, article: Article, cache_url: str, signature: Any = None) -> bool:
        """Queue an article; True when it replaced one already queued."""
        superseded = article.id in self.articles
        self.articles.pop(article.id, None)  # re-insert: commit order follows feed order
        self.articles[article.id] = (article, cache_url, signature)
        self.cache_urls.add(cache_url)
        return superseded


def _run(
    cache: PageSource,
    index_dir: Path,
    full: bool,
    workers: int,
    progress: Progress | None,
    extract: Extractor,
    batch_size: int | None,
) -> ReindexReport:
    started = time.monotonic()
    pointer = _readable_pointer(index_dir)
    tally = _Tally()
    outcomes = _outcomes(cache, tally, progress, workers, extract)
    live = None
    if not full and pointer is not None:
        live = _open_live_for_update(index_dir, pointer.generation)
    if pointer is None or live is None:
        generation, ix = _full_build(
            cache, index_dir, pointer, outcomes, tally, batch_size or FULL_HOLD_LIMIT, workers
        )
        return _report(generation, True, tally, ix, started)
    ix, state = live
    remove_stale_generations(index_dir, keep={pointer.generation, pointer.previous or ""})
    tally.last_seq = state.last_seq
    vocabulary = Vocabulary()
    clusters = StoryClusters()
    for batch in _batches(outcomes(state.last_seq, None), tally, batch_size):
        _commit_batch(ix, batch, vocabulary, clusters)
        tally.last_seq = max(tally.last_seq, batch.max_seq)
        state = replace(state, last_seq=tally.last_seq, updated_at=utc_now_iso())
        write_state(index_dir, state)
    write_state(index_dir, replace(state, updated_at=utc_now_iso()))
    return _report(state.generation, False, tally, ix, started)


def _full_build(
    cache: PageSource,
    index_dir: Path,
    pointer: Pointer | None,
    outcomes: Callable[[int, int | None], Iterator[Outcome]],
    tally: _Tally,
    hold_limit: int,
    workers: int,
) -> tuple[str, Index]:
    """Write every article into a new generation in one commit, then switch to it.

    One commit is by far the cheapest way through Whoosh (each commit writes a
    segment, and merging rewrites them). With ``workers`` > 1 and at least
    PARALLEL_WRITE_MIN_PAGES pages, the commit is written by that many segment writers
    at once (``segment_writers``). Story clusters are
    decided here, in feed order, either way. An id seen a second time cannot replace
    the first copy inside the same commit, so such late copies are held back and
    written by ``update_document`` after it.
    """
    remove_stale_generations(index_dir, keep={pointer.generation} if pointer else set())
    generation = next_generation(index_dir)
    ix = create_generation(index_dir, generation)
    vocabulary = Vocabulary()
    clusters = StoryClusters()
    written: set[str] = set()
    held = _Batch()
    total = cache.page_count()
    # Starting writer processes costs seconds: worth it only for a large build.
    writers = workers if total >= PARALLEL_WRITE_MIN_PAGES else 1
    sink = _open_sink(ix, writers, vocabulary)
    try:
        for article, cache_url, signature in outcomes(0, total):
            if article.id not in written:
                story = syndication_fields(article.id, article.body, clusters, None, signature)
                sink.add(article, cache_url, story)
                written.add(article.id)
                tally.indexed += 1
                continue
            tally.skipped += 1
            held.add(article, cache_url, signature)
            if len(held.articles) >= hold_limit:
                sink.commit()
                _commit_batch(ix, held, None, clusters)
                held = _Batch()
                sink = _open_sink(ix, writers, vocabulary)
    except BaseException:
        sink.cancel()
        raise
    sink.commit()
    _commit_batch(ix, held, None, clusters)
    now = utc_now_iso()
    state = GenerationState(generation, last_seq=tally.last_seq, built_at=now, updated_at=now)
    write_state(index_dir, state)
    previous = pointer.generation if pointer else None
    write_pointer(index_dir, Pointer(generation, previous=previous, switched_at=now))
    remove_stale_generations(index_dir, keep={generation, previous or ""})
    return generation, ix


class _Sink(Protocol):
    """Where a full build's documents go until one commit."""

    def add(self, article: Article, cache_url: str, story: dict[str, object]) -> None: ...

    def commit(self) -> None: ...

    def cancel(self) -> None: ...


def _open_sink(ix: Index, workers: int, vocabulary: Vocabulary) -> _Sink:
    if workers > 1:
        return _ParallelSink(ix, workers)
    return _WriterSink(ix, vocabulary)


class _WriterSink:
    """One Whoosh writer in this process."""

    def __init__(self, ix: Index, vocabulary: Vocabulary) -> None:
        self._writer = install_posting_pool(ix.writer(limitmb=WRITER_LIMIT_MB), WRITER_LIMIT_MB)
        self._vocabulary = vocabulary
        self._prose = ProsePostings(self._writer.schema)

    def add(self, article: Article, cache_url: str, story: dict[str, object]) -> None:
        document = build_document(article, cache_url, self._vocabulary, story)
        add_prose_document(self._writer, self._prose, document)

    def commit(self) -> None:
        self._writer.commit()

    def cancel(self) -> None:
        self._writer.cancel()


class _ParallelSink:
    """Segment writer processes; this process's writer only commits their segments."""

    def __init__(self, ix: Index, processes: int) -> None:
        self._writer = ix.writer()
        try:
            self._writers = SegmentWriters(Path(ix.storage.folder), processes, WRITER_LIMIT_MB)
        except BaseException:
            self._writer.cancel()
            raise

    def add(self, article: Article, cache_url: str, story: dict[str, object]) -> None:
        self._writers.add(article, cache_url, story)

    def commit(self) -> None:
        try:
            segments, languages = self._writers.finish()
        except BaseException:
            self._writer.cancel()
            raise
        merge_languages(self._writer.schema, languages)
        # As Whoosh's own multi-segment writer commits: the sub-writers' segments
        # join the generation's table of contents beside any already committed.
        self._writer._close_segment()
        self._writer._commit_toc([*self._writer.segments, *segments])
        self._writer._finish()

    def cancel(self) -> None:
        try:
            self._writers.cancel()
        finally:
            self._writer.cancel()


def _outcomes(
    cache: PageSource,
    tally: _Tally,
    progress: Progress | None,
    workers: int,
    extract: Extractor,
) -> Callable[[int, int | None], Iterator[Outcome]]:
    """A function streaming (article, cache URL, signature) for pages after a seq.

    Failures are tallied.
    """

    def stream(since: int, total: int | None) -> Iterator[Outcome]:
        # Section, tag and front pages a crawl stored for link discovery are not articles.
        pages = (
            page
            for page in cache.changes_since(since)
            if getattr(page, "is_article", None) is not False
        )
        for outcome in extract_in_order(pages, extract=extract, workers=workers, sign=True):
            tally.pages += 1
            if outcome.article is None:
                _record_failure(cache, tally, outcome)
            else:
                yield outcome.article, outcome.url, outcome.signature
            # Only now is the page fully handled, so only now may last_seq pass it.
            tally.last_seq = max(tally.last_seq, outcome.seq)
            if progress is not None:
                progress(tally.pages, total)

    return stream


def _batches(
    outcomes: Iterator[Outcome], tally: _Tally, batch_size: int | None
) -> Iterator[_Batch]:
    """Articles grouped into commit-sized batches; each batch knows the feed seq it covers."""
    size = batch_size or INCREMENTAL_BATCH_SIZE
    batch = _Batch()
    for article, cache_url, signature in outcomes:
        if batch.add(article, cache_url, signature):
            tally.skipped += 1
        if len(batch.articles) >= size:
            batch.max_seq = tally.last_seq
            tally.indexed += len(batch.articles)
            yield batch
            batch = _Batch()
    batch.max_seq = tally.last_seq
    tally.indexed += len(batch.articles)
    yield batch  # even when empty: the pages it covered may all have failed


def _commit_batch(
    ix: Index, batch: _Batch, vocabulary: Vocabulary | None, clusters: StoryClusters | None
) -> None:
    """Replace documents by id (and by cache entry) in one commit."""
    if not batch.articles:
        return
    # Story clusters are looked up in what is committed before this batch is written.
    with ix.searcher() as committed:
        documents = [
            build_document(
                article,
                cache_url,
                vocabulary,
                syndication_fields(article.id, article.body, clusters, committed, signature),
            )
            for article, cache_url, signature in batch.articles.values()
        ]
    writer = ix.writer(limitmb=WRITER_LIMIT_MB)
    try:
        # A re-fetched page replaces whatever it produced before, even under an old id.
        for cache_url in sorted(batch.cache_urls):
            writer.delete_by_term("cache_url", cache_url)
        for document in documents:
            writer.update_document(**document)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()


def _record_failure(cache: PageSource, tally: _Tally, outcome: Extracted) -> None:
    reason = outcome.error or "unknown error"
    logger.warning("skipped %s: %s", outcome.url, reason)
    tally.failed += 1
    if len(tally.failures) < MAX_REPORTED_FAILURES:
        tally.failures.append((outcome.url, reason))
    record = getattr(cache, "record_failure", None)
    if record is None:
        return
    try:
        record(outcome.url, reason, stage="extract")
    except Exception as error:  # the failure log is a convenience; never stop for it
        logger.warning("could not record the failure of %s in the cache: %s", outcome.url, error)


def _readable_pointer(index_dir: Path) -> Pointer | None:
    try:
        return read_pointer(index_dir)
    except IndexCorrupt as error:
        logger.warning("%s; building a new generation", error)
        return None


def _open_live_for_update(index_dir: Path, generation: str) -> tuple[Index, GenerationState] | None:
    try:
        ix = open_generation(index_dir, generation)
        state = read_state(index_dir, generation)
    except IndexCorrupt as error:
        logger.warning("%s; doing a full rebuild instead", error)
        return None
    return (ix, state) if state is not None else None


def _report(generation: str, full: bool, tally: _Tally, ix: Index, started: float) -> ReindexReport:
    return ReindexReport(
        generation=generation,
        full=full,
        pages=tally.pages,
        indexed=tally.indexed,
        skipped=tally.skipped,
        failed=tally.failed,
        failures=tuple(tally.failures),
        documents=ix.doc_count(),
        last_seq=tally.last_seq,
        elapsed_s=round(time.monotonic() - started, 3),
    )
