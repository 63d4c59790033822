"""Writing the cache out as a standard WARC file (warcio), one ``response`` record per page."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from datetime import UTC
from http import HTTPStatus
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

from crawl_cache.errors import CrawlCacheError
from crawl_cache.page import CachedPage
from crawl_cache.store import CrawlCache

SOFTWARE = "Broadsheet crawl cache export"


def export_warc(
    cache: CrawlCache,
    path: Path | str,
    *,
    compress: bool | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write every current page of ``cache`` to the WARC file ``path``; return the page count.

    Each page becomes a ``response`` record: ``WARC-Target-URI`` is the cache URL,
    ``WARC-Date`` its fetched-at time, the HTTP block carries the status,
    Content-Type, ETag and Last-Modified as stored, and the payload is the raw
    body. A ``warcinfo`` record comes first. Records are gzipped one by one
    (the usual ``.warc.gz`` layout) when ``compress`` is true, or by default when
    the name ends in ``.gz``. The file is written under a temporary name and
    moved into place, so a failed export never leaves half a file at ``path``.
    """
    target = Path(path)
    gzip_records = target.name.lower().endswith(".gz") if compress is None else compress
    partial = target.with_name(target.name + ".partial")
    count = 0
    try:
        with partial.open("wb") as stream:
            writer = WARCWriter(stream, gzip=gzip_records, warc_version="WARC/1.1")
            info = writer.create_warcinfo_record(
                target.name, {"software": SOFTWARE, "format": "WARC File Format 1.1"}
            )
            writer.write_record(info)
            for page in cache.iter_pages():
                writer.write_record(_response_record(writer, page))
                count += 1
                if progress is not None:
                    progress(1)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise CrawlCacheError(f"cannot write the WARC file {target}: {exc}") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return count


def _response_record(writer: WARCWriter, page: CachedPage) -> object:
    headers = [("Content-Type", page.content_type or "application/octet-stream")]
    headers.append(("Content-Length", str(len(page.body))))
    if page.etag:
        headers.append(("ETag", page.etag))
    if page.last_modified:
        headers.append(("Last-Modified", page.last_modified))
    http_headers = StatusAndHeaders(_status_line(page.status), headers, protocol="HTTP/1.1")
    warc_headers = {}
    if page.fetched_at is not None:
        moment = page.fetched_at.astimezone(UTC).replace(tzinfo=None)
        warc_headers["WARC-Date"] = moment.isoformat(timespec="seconds") + "Z"
    return writer.create_warc_record(
        page.url,
        "response",
        payload=io.BytesIO(page.body),
        length=len(page.body),
        http_headers=http_headers,
        warc_headers_dict=warc_headers,
    )


def _status_line(status: int) -> str:
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Unknown"
    return f"{status} {phrase}"
