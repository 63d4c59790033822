"""A full build written by several processes at once, each writing its own Whoosh segment.

Whoosh's writer does its expensive work (analysing every field, sorting postings,
writing them) in the one process that owns it, so a single writer keeps one core busy
however many extract pages for it. For a full build, the parent hands each finished
article (its story cluster already decided, in feed order) to one of ``processes``
segment writers; each analyses and writes a segment of its own, and the parent commits
all segments into the generation at once. The generation then holds one segment per
writer instead of one, which searches treat as one index.

Workers are started with "spawn" (see ``extraction_pool``), run top-level functions only
and receive plain pickled values. A worker that fails makes the whole build fail with
``IndexerError``: the unfinished generation never goes live and the next reindex
removes it.
"""

from __future__ import annotations

import multiprocessing
import queue
from pathlib import Path
from typing import Any

from .article import Article
from .errors import IndexerError

# Articles sent to a segment writer at a time.
BATCH_SIZE = 32
# Batches waiting per writer: enough to keep writers busy, little enough to bound memory.
QUEUE_BATCHES = 4
_RESULT_TIMEOUT_S = 5.0

Job = tuple[Article, str, dict[str, object]]


def write_segment(index_path: str, jobs: Any, results: Any, limitmb: int) -> None:
    """A segment writer's life: add every job's document, then hand back the segment."""
    try:
        from whoosh import index as whoosh_index
        from whoosh.writing import SegmentWriter

        from .documents import Vocabulary, build_document
        from .posting_pool import install
        from .prose_postings import ProsePostings, add_document

        ix = whoosh_index.open_dir(index_path)
        writer = install(SegmentWriter(ix, _lk=False, limitmb=limitmb), limitmb)
        vocabulary = Vocabulary()
        prose = ProsePostings(writer.schema)
        try:
            while (batch := jobs.get()) is not None:
                for article, cache_url, story in batch:
                    document = build_document(article, cache_url, vocabulary, story)
                    add_document(writer, prose, document)
            segment = writer._finalize_segment() if writer._added else None
            if segment is None:
                writer._close_segment()
        except BaseException:
            writer.cancel()
            raise
        results.put(("segment", segment, _indexed_languages(writer.schema)))
    except BaseException as error:  # report, never hang the parent
        results.put(("error", f"{type(error).__name__}: {error}", {}))


class SegmentWriters:
    """The parent's side: feed articles to the writers, collect their segments."""

    def __init__(self, index_path: Path, processes: int, limitmb: int) -> None:
        context = multiprocessing.get_context("spawn")
        self._jobs = context.Queue(maxsize=QUEUE_BATCHES * processes)
        self._results = context.Queue()
        self._batch: list[Job] = []
        self._processes = [
            context.Process(
                target=write_segment,
                args=(str(index_path), self._jobs, self._results, limitmb),
                daemon=True,
            )
            for _ in range(processes)
        ]
        for process in self._processes:
            process.start()

    def add(self, article: Article, cache_url: str, story: dict[str, object]) -> None:
        self._batch.append((article, cache_url, story))
        if len(self._batch) >= BATCH_SIZE:
            self._send(self._batch)
            self._batch = []

    def finish(self) -> tuple[list[Any], dict[str, set[str]]]:
        """Wait for every writer; their segments and the languages their fields saw."""
        if self._batch:
            self._send(self._batch)
            self._batch = []
        for _ in self._processes:
            self._send(None)
        segments: list[Any] = []
        languages: dict[str, set[str]] = {}
        for _ in self._processes:
            kind, value, seen = self._result()
            if kind != "segment":
                self.cancel()
                raise IndexerError(f"a segment writer failed: {value}")
            if value is not None:
                segments.append(value)
            for name, codes in seen.items():
                languages.setdefault(name, set()).update(codes)
        for process in self._processes:
            process.join()
        self._close_queues()
        return segments, languages

    def cancel(self) -> None:
        for process in self._processes:
            if process.is_alive():
                process.terminate()
        for process in self._processes:
            process.join()
        self._close_queues()

    def _send(self, item: list[Job] | None) -> None:
        while True:
            try:
                self._jobs.put(item, timeout=_RESULT_TIMEOUT_S)
                return
            except queue.Full:
                self._check_alive()

    def _result(self) -> tuple[str, Any, dict[str, set[str]]]:
        while True:
            try:
                result: tuple[str, Any, dict[str, set[str]]] = self._results.get(
                    timeout=_RESULT_TIMEOUT_S
                )
                return result
            except queue.Empty:
                self._check_alive(finishing=True)

    def _check_alive(self, finishing: bool = False) -> None:
        for process in self._processes:
            if process.exitcode not in (None, 0) or (not finishing and not process.is_alive()):
                self.cancel()
                raise IndexerError(
                    f"a segment writer process stopped unexpectedly (exit code {process.exitcode})"
                )
        # Every writer exited cleanly yet a result is missing: it was lost.
        exited = all(process.exitcode == 0 for process in self._processes)
        if finishing and exited and self._results.empty():
            self.cancel()
            raise IndexerError("a segment writer exited without handing back its segment")

    def _close_queues(self) -> None:
        for channel in (self._jobs, self._results):
            channel.close()
            channel.join_thread()


def merge_languages(schema: Any, languages: dict[str, set[str]]) -> None:
    """Record in the parent's schema the languages the writers' prose fields indexed."""
    for name, codes in languages.items():
        if name in schema and hasattr(schema[name], "indexed_languages"):
            schema[name].indexed_languages.update(codes)


def _indexed_languages(schema: Any) -> dict[str, set[str]]:
    return {
        name: set(field.indexed_languages)
        for name, field in schema.items()
        if getattr(field, "indexed_languages", None)
    }
