"""WARC import runs in bounded memory: a ten times bigger archive needs no more memory."""

from __future__ import annotations

import io
import tracemalloc
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawl_cache import CrawlCache, import_paths


def _write_news_warc(path: Path, pages: int) -> None:
    """A CC-NEWS-like archive: warcinfo, then request, response and metadata per page."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for n in range(pages):
            url = f"https://n{n % 7}.example/2024/03/{n % 28 + 1:02d}/story-{n}/"
            paragraphs = "".join(
                f"<p>Story {n}, paragraph {p}: the harbour committee met again and agreed "
                f"on item {n * 31 + p} of the plan for the quay.</p>"
                for p in range(12)
            )
            title = f"<title>Story {n}</title>"
            body = f"<!DOCTYPE html><html><head>{title}</head><body>{paragraphs}</body></html>"
            request = StatusAndHeaders(
                f"GET /2024/03/story-{n}/ HTTP/1.1", [("Host", "n.example")], is_http_request=True
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "request", payload=io.BytesIO(b""), length=0, http_headers=request
                )
            )
            http = StatusAndHeaders(
                "200 OK",
                [
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Content-Length", str(len(body.encode()))),
                ],
                protocol="HTTP/1.1",
            )
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(body.encode()),
                    length=len(body.encode()),
                    http_headers=http,
                )
            )
            meta = b"fetchTimeMs: 120\n"
            writer.write_record(
                writer.create_warc_record(
                    url, "metadata", payload=io.BytesIO(meta), length=len(meta)
                )
            )


def _import_peak(tmp_path: Path, pages: int) -> tuple[int, int]:
    archive = tmp_path / f"news-{pages}.warc.gz"
    _write_news_warc(archive, pages)
    with CrawlCache.open(tmp_path / f"cache-{pages}" / "cache.sqlite3") as cache:
        tracemalloc.start()
        try:
            report = import_paths(cache, [archive])
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert report.added == pages and report.failed == 0
        assert report.skipped == pages * 2 + 1  # requests, metadata and the warcinfo
    return peak, archive.stat().st_size


def test_peak_memory_does_not_grow_with_archive_size(tmp_path: Path) -> None:
    small_peak, small_size = _import_peak(tmp_path, 300)
    large_peak, large_size = _import_peak(tmp_path, 3000)
    assert large_size > 8 * small_size
    # Memory is bounded by a batch of pages, not by the archive: ten times the
    # records may not need even one and a half times the memory.
    assert large_peak < small_peak * 1.5, (small_peak, large_peak)
