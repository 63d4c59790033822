"""Importing paths into the cache: walk them, pick a reader per input, write in batches.

Inputs are files, directory trees (walked recursively in sorted name order,
files before subfolders, hidden entries skipped) and missing paths (reported).
Each file goes to a reader chosen by its name, or by sniffing its first bytes
when the name says nothing:

* ``.html .htm .xhtml .xht .shtml`` (and ``.gz`` forms), or anything that sniffs
  as HTML: :mod:`crawl_cache.importers.files`;
* ``.txt .text`` (and ``.gz``): :mod:`crawl_cache.importers.text_dump`;
* ``.jsonl .ndjson`` (and ``.gz``), article records one per line:
  :mod:`crawl_cache.importers.jsonl` (a file counts as one input);
* ``.warc .arc`` (and ``.gz``), or anything that sniffs as one:
  :mod:`crawl_cache.importers.warc`;
* images, styles, scripts and other known non-page types, and text files of no
  page type: skipped and counted;
* anything else that is binary: a failure.

A damaged input is reported with its path and reason, recorded in the cache's
failures table, counted and skipped; the run goes on. Pages are written
``batch_size`` at a time, each batch one transaction, so a killed run loses at
most the batch in hand and never leaves half an entry.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path

from crawl_cache.errors import DamagedInput
from crawl_cache.importers.files import HTML_SUFFIXES, page_suffix, read_html_file
from crawl_cache.importers.jsonl import RECORD_SUFFIXES, read_records
from crawl_cache.importers.reading import DEFAULT_MAX_PAGE_BYTES, read_head
from crawl_cache.importers.report import (
    ImportFailure,
    ImportItem,
    ImportReport,
    ReportTally,
    Skipped,
)
from crawl_cache.importers.sniff import looks_binary, looks_like_archive, looks_like_html
from crawl_cache.importers.text_dump import TEXT_SUFFIXES, read_text_dump
from crawl_cache.importers.warc import ARCHIVE_SUFFIXES, read_archive
from crawl_cache.page import CachedPage
from crawl_cache.store import CrawlCache

logger = logging.getLogger(__name__)

DEFAULT_IMPORT_BATCH = 200
_SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")

Progress = Callable[[int], None]

# Types that sit beside saved pages (a browser's "_files" folder) or in export
# folders and are never pages: skipped without a read.
NON_PAGE_SUFFIXES = frozenset(
    {
        ".css", ".js", ".mjs", ".map", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif",
        ".svg", ".ico", ".bmp", ".tif", ".tiff", ".woff", ".woff2", ".ttf", ".otf", ".eot",
        ".mp3", ".mp4", ".m4a", ".ogg", ".wav", ".webm", ".mov", ".pdf", ".zip", ".tar",
        ".json", ".xml", ".csv", ".md", ".rst", ".yaml", ".yml",
        ".db", ".sqlite", ".sqlite3", ".db-wal", ".db-shm", ".sqlite-wal", ".sqlite-shm",
        ".sqlite3-wal", ".sqlite3-shm", ".sqlite3-journal",
    }
)  # fmt: skip


class InputKind(StrEnum):
    """Which reader an input file goes to."""

    HTML = "html"
    TEXT = "text"
    ARCHIVE = "archive"
    RECORDS = "records"
    NOT_A_PAGE = "not-a-page"
    UNKNOWN = "unknown"


def import_paths(
    cache: CrawlCache,
    paths: Iterable[Path | str],
    *,
    progress: Progress | None = None,
    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES,
    batch_size: int = DEFAULT_IMPORT_BATCH,
) -> ImportReport:
    """Import every page found under ``paths`` into ``cache`` and report the totals.

    ``progress(n)`` is called after each input with the number of inputs just
    done (1), matching :func:`count_inputs` for a progress bar's total. A page
    over ``max_page_bytes`` (after decompression) is a failure.
    """
    if max_page_bytes < 1 or batch_size < 1:
        raise ValueError("max_page_bytes and batch_size must be positive")
    tally = ReportTally()
    pending: list[CachedPage] = []
    own_files = _cache_files(cache.path)

    def flush() -> None:
        for outcome in cache.put_many(pending):
            tally.count_outcome(outcome)
        pending.clear()

    try:
        for entry in iter_inputs(paths):
            tally.inputs += 1
            if isinstance(entry, Path) and _resolved(entry) in own_files:
                tally.skipped += 1  # importing a folder that holds the cache itself
                items: Iterable[ImportItem] = ()
            else:
                items = read_input(entry, max_page_bytes=max_page_bytes)
            for item in items:
                if isinstance(item, CachedPage):
                    pending.append(item)
                    if len(pending) >= batch_size:
                        flush()
                elif isinstance(item, ImportFailure):
                    # Info, not warning: the report hands every failure to the caller.
                    logger.info("not imported: %s: %s", item.path, item.reason)
                    tally.count_failure(item)
                    cache.record_failure(item.path, item.reason, stage="import")
                else:
                    tally.skipped += 1
            if progress is not None:
                progress(1)
    except KeyboardInterrupt:
        # Keep what was read before the interrupt; a hard kill loses only this batch.
        flush()
        raise
    flush()
    return tally.freeze()


def count_inputs(paths: Iterable[Path | str]) -> int:
    """How many inputs :func:`import_paths` will report progress for (no file is read).

    Counts files and missing paths; an archive counts once. Pass a list, not a
    one-shot iterator, if the same paths are imported afterwards.
    """
    return sum(1 for _ in iter_inputs(paths))


def iter_inputs(paths: Iterable[Path | str]) -> Iterator[Path | ImportFailure]:
    """Each input file under ``paths`` in a stable order, or a failure for a bad path."""
    if isinstance(paths, str | Path):
        paths = [paths]  # one path, not an iterable of its characters
    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
            is_file = path.is_file()
            exists = is_dir or is_file or path.exists()
        except OSError as exc:
            yield ImportFailure(str(path), f"cannot read: {exc.strerror or exc}")
            continue
        if is_dir:
            yield from _walk(path)
        elif is_file:
            yield path
        elif exists:
            yield ImportFailure(str(path), "not a regular file or folder")
        else:
            yield ImportFailure(str(path), "no such file or folder")


def read_input(entry: Path | ImportFailure, *, max_page_bytes: int) -> Iterator[ImportItem]:
    """The pages, skips and failures one input yields."""
    if isinstance(entry, ImportFailure):
        yield entry
        return
    try:
        kind = kind_from_name(entry)
        if kind is InputKind.UNKNOWN:
            kind = sniff_kind(entry)
        if kind is InputKind.NOT_A_PAGE:
            yield Skipped(str(entry), "not a page type")
        elif kind is InputKind.ARCHIVE:
            yield from read_archive(entry, max_page_bytes=max_page_bytes)
        elif kind is InputKind.RECORDS:
            yield from read_records(entry, max_page_bytes=max_page_bytes)
        elif kind is InputKind.TEXT:
            yield read_text_dump(entry, max_page_bytes=max_page_bytes)
        else:
            yield read_html_file(entry, max_page_bytes=max_page_bytes)
    except DamagedInput as exc:
        yield ImportFailure(str(entry), str(exc))
    except OSError as exc:
        yield ImportFailure(str(entry), f"cannot read: {exc.strerror or exc}")


def kind_from_name(path: Path) -> InputKind:
    """The reader a file's name points to; UNKNOWN when only its bytes can tell."""
    suffix = page_suffix(path)
    if suffix in ARCHIVE_SUFFIXES:
        return InputKind.ARCHIVE
    if suffix in HTML_SUFFIXES:
        return InputKind.HTML
    if suffix in TEXT_SUFFIXES:
        return InputKind.TEXT
    if suffix in RECORD_SUFFIXES:
        return InputKind.RECORDS
    if suffix in NON_PAGE_SUFFIXES:
        return InputKind.NOT_A_PAGE
    return InputKind.UNKNOWN


def sniff_kind(path: Path) -> InputKind:
    """The reader a file's first bytes point to.

    Raises :class:`DamagedInput` for an empty file or binary data that is
    neither a page nor a web archive.
    """
    head = read_head(path)
    if not head:
        raise DamagedInput("empty file")
    if looks_like_archive(head):
        return InputKind.ARCHIVE
    if looks_like_html(head):
        return InputKind.HTML
    if looks_binary(head):
        raise DamagedInput("binary data: neither an HTML page, a text dump nor a web archive")
    return InputKind.NOT_A_PAGE


def _cache_files(cache_path: Path) -> frozenset[Path]:
    """The cache file and SQLite's companions beside it."""
    base = _resolved(cache_path)
    return frozenset({base, *(base.with_name(base.name + end) for end in _SQLITE_COMPANIONS)})


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _walk(root: Path) -> Iterator[Path | ImportFailure]:
    """Files under ``root``: each folder's files in name order, then its subfolders."""
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as exc:
            yield ImportFailure(str(folder), f"cannot list folder: {exc.strerror or exc}")
            continue
        subfolders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    subfolders.append(Path(entry.path))
                elif entry.is_file():
                    yield Path(entry.path)
            except OSError as exc:
                yield ImportFailure(entry.path, f"cannot read: {exc.strerror or exc}")
        folders.extend(reversed(subfolders))
