"""Tests for importing WARC and ARC web archives, whole and damaged."""

from __future__ import annotations

import gzip
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawl_cache import CrawlCache, import_paths
from crawl_cache.importers import InputKind, kind_from_name

WARC_DATE = "2023-10-01T12:34:56Z"


def _page(title: str, size: int = 4) -> bytes:
    paragraphs = "".join(
        f"<p>{title}: paragraph {n} of the harbour report.</p>" for n in range(size)
    )
    head = f"<!DOCTYPE html><html><head><title>{title}</title></head>"
    return f"{head}<body>{paragraphs}</body></html>".encode()


def _response(
    writer: WARCWriter,
    uri: str,
    body: bytes,
    *,
    status: str = "200 OK",
    headers: list[tuple[str, str]] | None = None,
    date: str = WARC_DATE,
) -> None:
    http = StatusAndHeaders(
        status, headers or [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
    )
    record = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        length=len(body),  # a known length keeps warcio from spooling to temp files
        http_headers=http,
        warc_headers_dict={"WARC-Date": date},
    )
    writer.write_record(record)


def _chunked(data: bytes, size: int = 50) -> bytes:
    parts = [
        b"%x\r\n%s\r\n" % (len(data[i : i + size]), data[i : i + size])
        for i in range(0, len(data), size)
    ]
    return b"".join(parts) + b"0\r\n\r\n"


def _write_mixed_warc(path: Path, *, gzip_records: bool) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip_records)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        request = StatusAndHeaders(
            "GET /news/1 HTTP/1.1", [("Host", "news.example")], is_http_request=True
        )
        writer.write_record(
            writer.create_warc_record(
                "https://news.example/news/1", "request", http_headers=request
            )
        )
        _response(
            writer,
            "https://news.example/news/1",
            _page("Ferry timetable"),
            headers=[
                ("Content-Type", "text/html; charset=UTF-8"),
                ("ETag", '"ferry-1"'),
                ("Last-Modified", "Sat, 30 Sep 2023 18:00:00 GMT"),
            ],
        )
        _response(
            writer, "https://news.example/missing", _page("Not found"), status="404 Not Found"
        )
        _response(
            writer,
            "https://news.example/logo.png",
            b"\x89PNG\r\n\x1a\n" + bytes(100),
            headers=[("Content-Type", "image/png")],
        )
        _response(
            writer,
            "https://news.example/old",
            b"",
            status="301 Moved Permanently",
            headers=[("Location", "https://news.example/news/1")],
        )
        _response(
            writer,
            "https://news.example/news/2",
            _chunked(gzip.compress(_page("Pier repairs"))),
            headers=[
                ("Content-Type", "text/html"),
                ("Transfer-Encoding", "chunked"),
                ("Content-Encoding", "gzip"),
            ],
        )
        writer.write_record(
            writer.create_warc_record(
                "https://news.example/news/3",
                "resource",
                payload=io.BytesIO(_page("Lighthouse open day")),
                length=len(_page("Lighthouse open day")),
                warc_content_type="text/html",
                warc_headers_dict={"WARC-Date": "2023-10-02T08:00:00Z"},
            )
        )
        writer.write_record(
            writer.create_warc_record(
                "https://news.example/news/1",
                "metadata",
                payload=io.BytesIO(b"outlink: https://news.example/news/2\n"),
                length=len(b"outlink: https://news.example/news/2\n"),
                warc_content_type="application/warc-fields",
            )
        )
        _response(
            writer,
            "https://news.example/news/4.xhtml",
            _page("Tide tables"),
            headers=[("Content-Type", "application/xhtml+xml")],
        )


@pytest.mark.parametrize("gzip_records", [True, False], ids=["warc.gz", "warc"])
def test_html_responses_and_resources_are_kept(
    cache: CrawlCache, tmp_path: Path, gzip_records: bool
) -> None:
    path = tmp_path / ("capture.warc.gz" if gzip_records else "capture.warc")
    _write_mixed_warc(path, gzip_records=gzip_records)

    report = import_paths(cache, [path])

    assert (report.added, report.failed, report.inputs) == (4, 0, 1)
    assert report.skipped == 6  # warcinfo, request, 404, png, 301, metadata
    urls = [page.url for page in cache.iter_pages()]
    assert urls == [
        "https://news.example/news/1",
        "https://news.example/news/2",
        "https://news.example/news/3",
        "https://news.example/news/4.xhtml",
    ]
    first = cache.get("https://news.example/news/1")
    assert first is not None
    assert first.body == _page("Ferry timetable")
    assert (first.status, first.content_type, first.charset) == (
        200,
        "text/html; charset=UTF-8",
        "utf-8",
    )
    assert (first.etag, first.last_modified) == ('"ferry-1"', "Sat, 30 Sep 2023 18:00:00 GMT")
    assert first.fetched_at == datetime(2023, 10, 1, 12, 34, 56, tzinfo=UTC)

    decoded = cache.get("https://news.example/news/2")
    assert decoded is not None and decoded.body == _page("Pier repairs")

    resource = cache.get("https://news.example/news/3")
    assert resource is not None and resource.body == _page("Lighthouse open day")
    assert resource.fetched_at == datetime(2023, 10, 2, 8, 0, tzinfo=UTC)


def _write_pages_warc(path: Path, count: int, *, gzip_records: bool, prefix: str) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_records)
    for n in range(count):
        _response(writer, f"https://{prefix}.example/{n}", _page(f"{prefix} story {n}", size=30))
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


@pytest.mark.parametrize("gzip_records", [True, False], ids=["warc.gz", "warc"])
def test_a_truncated_archive_keeps_earlier_pages_and_the_run_goes_on(
    cache: CrawlCache, tmp_path: Path, gzip_records: bool
) -> None:
    suffix = ".warc.gz" if gzip_records else ".warc"
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    damaged = inputs / f"a_damaged{suffix}"
    whole = _write_pages_warc(damaged, 3, gzip_records=gzip_records, prefix="cut")
    damaged.write_bytes(whole[: len(whole) - 300])
    _write_pages_warc(inputs / f"b_good{suffix}", 2, gzip_records=gzip_records, prefix="good")

    report = import_paths(cache, [inputs])

    assert (report.added, report.failed, report.inputs) == (4, 1, 2)
    failure = report.failures[0]
    assert failure.path == str(damaged)
    assert "truncated" in failure.reason and "kept the 2 page(s)" in failure.reason
    assert [page.url for page in cache.iter_pages()] == [
        "https://cut.example/0",
        "https://cut.example/1",
        "https://good.example/0",
        "https://good.example/1",
    ]
    for page in cache.iter_pages():
        assert page.body.endswith(b"</body></html>")
    assert cache.failures()[0].source == str(damaged)
    assert cache.failures()[0].stage == "import"


def test_a_file_named_warc_that_is_not_one_is_reported(cache: CrawlCache, tmp_path: Path) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(b"this was never a web archive\n" * 20)

    report = import_paths(cache, [path])

    assert (report.added, report.failed) == (0, 1)
    assert report.failures[0].path == str(path)


def test_an_oversized_record_fails_alone(cache: CrawlCache, tmp_path: Path) -> None:
    path = tmp_path / "mixed.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        _response(writer, "https://small.example/1", _page("Small one", size=2))
        _response(writer, "https://big.example/", _page("Big", size=200))
        _response(writer, "https://small.example/2", _page("Small two", size=2))

    report = import_paths(cache, [path], max_page_bytes=2_000)

    assert (report.added, report.failed) == (2, 1)
    assert "https://big.example/" in report.failures[0].path
    assert "2,000-byte limit" in report.failures[0].reason
    assert cache.get("https://big.example/") is None


def test_an_archive_without_a_suffix_is_sniffed(cache: CrawlCache, tmp_path: Path) -> None:
    _write_pages_warc(tmp_path / "capture-2023", 2, gzip_records=True, prefix="sniffed")

    report = import_paths(cache, [tmp_path / "capture-2023"])

    assert report.added == 2


def _arc_bytes(*, gzip_records: bool) -> bytes:
    """A version-1 ARC file: a filedesc header record, then one record per capture."""
    header_body = b"1 0 Broadsheet tests\nURL IP-address Archive-date Content-type Archive-length\n"
    records = [
        b"filedesc://tests.arc 0.0.0.0 20240102030405 text/plain %d\n" % len(header_body)
        + header_body
        + b"\n"
    ]
    captures = [
        ("https://arc.example/1", b"200 OK", b"text/html", _page("Arc story one")),
        ("https://arc.example/gone", b"404 Not Found", b"text/html", _page("Gone")),
        ("https://arc.example/2", b"200 OK", b"text/html", _page("Arc story two")),
    ]
    for url, status, media, body in captures:
        http = (
            b"HTTP/1.0 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (status, media, len(body))
            + body
        )
        line = b"%s 192.0.2.7 20240102030405 %s %d\n" % (url.encode(), media, len(http))
        records.append(line + http + b"\n")
    if gzip_records:
        return b"".join(gzip.compress(record) for record in records)
    return b"".join(records)


@pytest.mark.parametrize("gzip_records", [True, False], ids=["arc.gz", "arc"])
def test_arc_files_are_read_as_warc(cache: CrawlCache, tmp_path: Path, gzip_records: bool) -> None:
    path = tmp_path / ("old.arc.gz" if gzip_records else "old.arc")
    path.write_bytes(_arc_bytes(gzip_records=gzip_records))

    report = import_paths(cache, [path])

    assert (report.added, report.failed, report.skipped) == (2, 0, 2)
    page = cache.get("https://arc.example/2")
    assert page is not None and page.body == _page("Arc story two")
    assert page.fetched_at == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("crawl.warc", InputKind.ARCHIVE),
        ("crawl.WARC.GZ", InputKind.ARCHIVE),
        ("old.arc", InputKind.ARCHIVE),
        ("old.arc.gz", InputKind.ARCHIVE),
        ("story.html.gz", InputKind.HTML),
        ("story.txt", InputKind.TEXT),
        ("photo.jpg", InputKind.NOT_A_PAGE),
        ("mystery", InputKind.UNKNOWN),
    ],
)
def test_kind_from_name(name: str, kind: InputKind) -> None:
    assert kind_from_name(Path(name)) is kind


def test_an_empty_archive_is_reported(cache: CrawlCache, tmp_path: Path) -> None:
    path = tmp_path / "nothing.warc.gz"
    path.write_bytes(b"")

    report = import_paths(cache, [path])

    assert report.failed == 1 and report.failures[0].reason == "empty file"
