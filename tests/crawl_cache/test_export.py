"""Exporting the cache as WARC: readable by warcio and by Broadsheet's own importer."""

from __future__ import annotations

from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from crawl_cache import CrawlCache, CrawlCacheError, export_warc, import_paths


@pytest.fixture
def filled(cache: CrawlCache, make_page) -> CrawlCache:
    cache.put(make_page("https://n.example/2024/03/01/ferry/", etag='"e1"',
                        last_modified="Fri, 01 Mar 2024 09:00:00 GMT"))  # fmt: skip
    cache.put(make_page("https://n.example/section/harbour/", is_article=False))
    cache.put(make_page("https://n.example/caf%C3%A9/", "<html><body><p>Café é</p></body></html>",
                        content_type="text/html; charset=utf-8"))  # fmt: skip
    return cache


@pytest.mark.parametrize("name", ["out.warc", "out.warc.gz"])
def test_warcio_reads_every_page_back(filled: CrawlCache, tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    ticks: list[int] = []
    assert export_warc(filled, target, progress=ticks.append) == 3
    assert ticks == [1, 1, 1]
    with target.open("rb") as stream:
        records = list(_read(stream))
    assert records[0][0] == "warcinfo"
    responses = {uri: (payload, headers) for kind, uri, payload, headers in records[1:]}
    assert all(kind == "response" for kind, *_ in records[1:])
    for page in filled.iter_pages():
        payload, headers = responses[page.url]
        assert payload == page.body
        assert headers["status"] == "200"
        assert headers["etag"] == page.etag
    assert not list(tmp_path.glob("*.partial"))


def _read(stream):
    for record in ArchiveIterator(stream):
        uri = record.rec_headers.get_header("WARC-Target-URI")
        payload = record.content_stream().read()
        headers = {}
        if record.http_headers is not None:
            headers = {"status": record.http_headers.get_statuscode(),
                       "etag": record.http_headers.get_header("ETag")}  # fmt: skip
        yield record.rec_type, uri, payload, headers


def test_gzip_is_chosen_by_name(filled: CrawlCache, tmp_path: Path) -> None:
    export_warc(filled, tmp_path / "a.warc.gz")
    export_warc(filled, tmp_path / "a.warc")
    assert (tmp_path / "a.warc.gz").read_bytes()[:2] == b"\x1f\x8b"
    assert (tmp_path / "a.warc").read_bytes().startswith(b"WARC/1.1")


def test_round_trip_through_the_importer(filled: CrawlCache, tmp_path: Path) -> None:
    target = tmp_path / "export.warc.gz"
    export_warc(filled, target)
    with CrawlCache.open(tmp_path / "copy" / "cache.sqlite3") as copy:
        report = import_paths(copy, [target])
        assert report.added == 3 and report.failed == 0
        original = {p.url: (p.content_hash, p.etag, p.last_modified) for p in filled.iter_pages()}
        imported = {p.url: (p.content_hash, p.etag, p.last_modified) for p in copy.iter_pages()}
    assert imported == original


def test_failed_export_leaves_no_file(filled: CrawlCache, tmp_path: Path) -> None:
    with pytest.raises(CrawlCacheError, match="cannot write"):
        export_warc(filled, tmp_path / "missing-dir" / "out.warc")
    assert not (tmp_path / "missing-dir").exists()


def test_is_article_survives_the_store(filled: CrawlCache) -> None:
    assert filled.get("https://n.example/section/harbour/").is_article is False
    assert filled.get("https://n.example/2024/03/01/ferry/").is_article is None
