"""Web archives (WARC and ARC, plain or gzipped): the HTML pages they captured.

Records are streamed with warcio's ``ArchiveIterator`` (``arc2warc=True`` reads
ARC files as WARC), so memory stays bounded by one page whatever the archive's
size. Kept: ``response`` records with a successful HTTP status (2xx other than
204 No Content and 206 Partial Content) and an HTML or XHTML Content-Type, and
``resource`` records holding HTML. Everything else (requests, metadata,
redirects, errors, images) is skipped and counted.

warcio ends quietly at most kinds of damage, so completeness is checked here:
every record must deliver all the bytes its Content-Length promised, and a
gzipped archive must end on a complete gzip member. At the first damage the
file is reported and left; pages read before it are kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]

from crawl_cache.errors import DamagedInput
from crawl_cache.importers.report import ImportFailure, ImportItem, Skipped
from crawl_cache.importers.sniff import looks_binary, looks_like_html, parse_content_type
from crawl_cache.page import CachedPage

ARCHIVE_SUFFIXES = frozenset({".warc", ".arc"})
HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_UNWANTED_SUCCESS = frozenset({204, 206})
_READ_CHUNK = 64 * 1024
# A record may declare at most this many times the archive file's size. Real gzipped
# WARCs inflate 3-10x; a record claiming far more is a decompression bomb (or a damaged
# header), and skipping over it would mean inflating all of it.
MAX_INFLATION = 100


class _ArchiveReader(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator, noting whether the file ended inside an unfinished gzip member."""

    ended_mid_member = False

    def close(self) -> None:
        reader = getattr(self, "reader", None)
        decompressor = getattr(reader, "decompressor", None)
        # warcio drops a truncated final member without a word; zlib knows.
        if decompressor is not None and not getattr(decompressor, "eof", True):
            self.ended_mid_member = True
        super().close()


def is_archive_name(path: Path) -> bool:
    """True for ``.warc``, ``.arc`` and their ``.gz`` forms."""
    name = path.name.lower().removesuffix(".gz")
    return any(name.endswith(suffix) for suffix in ARCHIVE_SUFFIXES)


def read_archive(path: Path, *, max_page_bytes: int) -> Iterator[ImportItem]:
    """Yield a page, a skip or a failure for each record; at damage, one failure and stop.

    Raises ``OSError`` when the file cannot be opened.
    """
    source = str(path)
    status = path.stat()
    if status.st_size == 0:
        yield ImportFailure(source, "empty file")
        return
    fallback_time = datetime.fromtimestamp(status.st_mtime, UTC)
    max_record_bytes = max(max_page_bytes, status.st_size * MAX_INFLATION)
    records = pages = 0
    with path.open("rb") as stream:
        reader = _ArchiveReader(stream, arc2warc=True)
        previous: Any = None
        try:
            for record in reader:
                if previous is not None:
                    _ensure_complete(previous)
                previous = record
                records += 1
                _ensure_plausible_length(record, records, max_record_bytes, status.st_size)
                item = _record_item(record, source, records, max_page_bytes, fallback_time)
                if isinstance(item, CachedPage):
                    pages += 1
                yield item
            if previous is not None:
                _ensure_complete(previous)
                _ensure_nothing_after(path, reader)
        except DamagedInput as exc:
            yield ImportFailure(source, f"{exc}; kept the {pages} page(s) read before it")
            return
        except Exception as exc:  # warcio raises many kinds of error on damaged bytes
            yield ImportFailure(
                source,
                f"damaged archive after record {records} ({type(exc).__name__}: {exc}); "
                f"kept the {pages} page(s) read before it",
            )
            return
        finally:
            reader.close()
    if reader.ended_mid_member:
        yield ImportFailure(
            source,
            f"truncated gzip data: the archive ends inside a record; "
            f"kept the {pages} page(s) read before it",
        )
    elif records == 0:
        yield ImportFailure(source, "no WARC or ARC records found: damaged or not a web archive")


def _record_item(
    record: Any, source: str, number: int, max_page_bytes: int, fallback_time: datetime
) -> ImportItem:
    """The page a record holds, or why it is skipped or failed."""
    rec_type = record.rec_type
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if not rec_type:
        raise DamagedInput(f"record {number} has no WARC-Type")
    declared_length = record.rec_headers.get_header("Content-Length") or ""
    if not declared_length.strip().isdigit():
        raise DamagedInput(f"record {number} has no valid Content-Length: its header is damaged")
    label = f"{source} @ {uri or f'record {number}'}"
    if rec_type not in ("response", "resource"):
        return Skipped(label, f"{rec_type} record")
    if not uri:
        raise DamagedInput(f"{rec_type} record {number} has no WARC-Target-URI")

    http = record.http_headers if rec_type == "response" else None
    if rec_type == "response":
        if http is None:
            return Skipped(label, "response without HTTP headers")
        status = _status(http.get_statuscode())
        if not 200 <= status < 300 or status in _UNWANTED_SUCCESS:
            return Skipped(label, f"HTTP status {status}")
        content_type = http.get_header("Content-Type")
    else:
        status = 200
        content_type = record.rec_headers.get_header("Content-Type")

    media_type, charset = parse_content_type(content_type)
    if media_type is not None and media_type not in HTML_MEDIA_TYPES:
        return Skipped(label, f"not HTML ({media_type})")

    body = _read_payload(record, max_page_bytes)
    _drain(record)
    _ensure_complete(record)
    if body is None:
        return ImportFailure(label, f"page is over the {max_page_bytes:,}-byte limit")
    if not body:
        return Skipped(label, "empty payload")
    if media_type is None and not looks_like_html(body):
        return Skipped(label, "no Content-Type and the payload is not HTML")
    if looks_binary(body):
        return ImportFailure(label, "payload is binary, not HTML (an unknown content encoding?)")

    return CachedPage.create(
        uri,
        body,
        final_url=uri,
        status=status,
        content_type=content_type or "text/html",
        charset=charset,
        etag=http.get_header("ETag") if http is not None else None,
        last_modified=http.get_header("Last-Modified") if http is not None else None,
        fetched_at=_warc_date(record.rec_headers.get_header("WARC-Date")) or fallback_time,
    )


def _ensure_plausible_length(record: Any, number: int, limit: int, file_size: int) -> None:
    """Raise DamagedInput for a record declaring more bytes than its archive could inflate to."""
    declared = (record.rec_headers.get_header("Content-Length") or "").strip()
    if declared.isdigit() and int(declared) > limit:
        raise DamagedInput(
            f"record {number} declares {int(declared):,} bytes, more than {MAX_INFLATION} times "
            f"the {file_size:,}-byte archive: a decompression bomb or a damaged header "
            "(not inflated)"
        )


def _read_payload(record: Any, max_page_bytes: int) -> bytes | None:
    """The decoded payload (chunking and gzip undone), or None past the size cap."""
    stream = record.content_stream()
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(_READ_CHUNK):
        total += len(chunk)
        if total > max_page_bytes:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _drain(record: Any) -> None:
    """Read the rest of the raw record so its length can be checked."""
    while record.raw_stream.read(_READ_CHUNK):
        pass


def _ensure_complete(record: Any) -> None:
    """Raise DamagedInput when a fully read record delivered fewer bytes than it declared."""
    missing = getattr(record.raw_stream, "limit", 0)
    if isinstance(missing, int) and missing > 0:
        uri = record.rec_headers.get_header("WARC-Target-URI") or "a record"
        raise DamagedInput(f"truncated archive: {uri} is missing its last {missing:,} bytes")


def _ensure_nothing_after(path: Path, reader: _ArchiveReader) -> None:
    """Raise DamagedInput when bytes past the last whole record are more than blank lines.

    warcio stops without a word when the next record's header ends early; what
    it leaves unread after the last record it returned is that broken record.
    """
    end = reader.get_record_offset() + reader.get_record_length()
    with path.open("rb") as stream:
        stream.seek(end)
        tail = stream.read(_READ_CHUNK)
    if tail.strip():
        raise DamagedInput(
            f"truncated archive: the bytes after offset {end:,} do not form a whole record"
        )


def _status(code: str | None) -> int:
    try:
        return int(code or 0)
    except ValueError:
        return 0


def _warc_date(value: str | None) -> datetime | None:
    """WARC-Date as an aware UTC datetime; None when absent or unreadable."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
