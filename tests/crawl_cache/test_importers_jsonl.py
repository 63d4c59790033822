"""Tests for importing article records from JSON Lines files."""

from __future__ import annotations

import gzip
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crawl_cache import CrawlCache, PutOutcome, count_inputs, import_paths
from crawl_cache.importers import InputKind, kind_from_name
from crawl_cache.importers.jsonl import ARTICLE_RECORD_CONTENT_TYPE, record_page, record_url
from crawl_cache.page import CachedPage

HARBOUR = {
    "id": "hx-001",
    "url": "https://harbour.example/news/ferry-timetable",
    "headline": "Ferry timetable changes for the winter",
    "authors": ["Mara Okonjo"],
    "published": "2024-11-03T09:15:00+01:00",
    "section": None,
    "body": "Crossings will run every forty minutes.\n\nThe late boat stays.",
}
LIBRARY = {
    "id": "hx-002",
    "url": None,
    "headline": "Library reopens after repairs",
    "authors": [],
    "published": None,
    "section": None,
    "body": "The reading room keeps its painted ceiling.",
    "dateline": "NORTHPORT, Oct 4 -",
}
NO_ID = {"title": "Market hall gets a new roof", "text": "Work starts in March.", "url": ""}


def _write_lines(path: Path, lines: list[str], *, gzipped: bool = False) -> Path:
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    path.write_bytes(gzip.compress(data) if gzipped else data)
    return path


def _records(path: Path, records: list[dict], *, gzipped: bool = False) -> Path:
    return _write_lines(path, [json.dumps(record) for record in records], gzipped=gzipped)


@pytest.mark.parametrize(
    ("name", "gzipped"),
    [("articles.jsonl", False), ("articles.jsonl.gz", True), ("articles.ndjson", False)],
)
def test_each_record_becomes_one_entry(
    cache: CrawlCache, tmp_path: Path, name: str, gzipped: bool
) -> None:
    path = _records(tmp_path / name, [HARBOUR, LIBRARY, NO_ID], gzipped=gzipped)

    report = import_paths(cache, [path])

    assert (report.inputs, report.added, report.failed) == (1, 3, 0)
    page = cache.get(HARBOUR["url"])
    assert page is not None
    assert page.content_type == ARTICLE_RECORD_CONTENT_TYPE
    assert page.charset == "utf-8"
    assert json.loads(page.body.decode("utf-8")) == HARBOUR
    assert b'"authors":["Mara Okonjo"],"body":' in page.body  # compact, keys sorted


def test_records_without_an_http_url_get_a_stable_article_key(
    cache: CrawlCache, tmp_path: Path
) -> None:
    import_paths(cache, [_records(tmp_path / "a.jsonl", [LIBRARY, NO_ID])])

    by_id = "article:" + hashlib.sha1(b"id:hx-002").hexdigest()
    stored = cache.get(by_id)
    assert stored is not None and json.loads(stored.body)["dateline"] == "NORTHPORT, Oct 4 -"
    urls = set(cache.iter_urls())
    assert len(urls) == 2 and by_id in urls
    (by_content,) = urls - {by_id}
    no_id = cache.get(by_content)
    assert no_id is not None
    assert by_content == "article:" + hashlib.sha1(no_id.body).hexdigest()


def test_a_file_url_is_not_used_as_the_key() -> None:
    record = {**HARBOUR, "url": "file:///home/desk/story.html"}
    page = record_page(json.dumps(record).encode(), label="x:1")
    assert isinstance(page, CachedPage)
    assert page.url == record_url(record, page.body)
    assert page.url.startswith("article:")


def test_fetched_at_comes_from_the_store_clock(cache: CrawlCache, tmp_path: Path) -> None:
    import_paths(cache, [_records(tmp_path / "a.jsonl", [HARBOUR])])

    page = cache.get(HARBOUR["url"])
    assert page is not None and page.fetched_at is not None
    # The fixture's clock starts on 1 March 2024 and ticks a second per reading.
    assert datetime(2024, 3, 1, tzinfo=UTC) < page.fetched_at < datetime(2024, 3, 2, tzinfo=UTC)


def test_reimport_is_unchanged_whatever_the_key_order(cache: CrawlCache, tmp_path: Path) -> None:
    first = import_paths(cache, [_records(tmp_path / "a.jsonl", [HARBOUR, LIBRARY])])
    seq = cache.last_seq()
    reordered = dict(reversed(list(HARBOUR.items())))
    lines = [json.dumps(reordered, indent=None, separators=(" ,", " : ")), json.dumps(LIBRARY)]
    again = import_paths(cache, [_write_lines(tmp_path / "b.jsonl", lines)])

    assert first.added == 2
    assert (again.added, again.replaced, again.unchanged) == (0, 0, 2)
    assert cache.last_seq() == seq


def test_a_changed_record_replaces_its_entry(cache: CrawlCache, tmp_path: Path) -> None:
    import_paths(cache, [_records(tmp_path / "a.jsonl", [HARBOUR])])
    changed = {**HARBOUR, "headline": "Ferry timetable changes again"}
    page = record_page(json.dumps(changed).encode(), label="b:1")
    assert isinstance(page, CachedPage)

    assert cache.put(page) is PutOutcome.REPLACED
    stored = cache.get(HARBOUR["url"])
    assert stored is not None and json.loads(stored.body)["headline"] == changed["headline"]


def test_malformed_lines_are_reported_and_the_rest_lands(cache: CrawlCache, tmp_path: Path) -> None:
    lines = [
        json.dumps(HARBOUR),
        '{"headline": "cut short',
        "[1, 2, 3]",
        json.dumps({"id": "x", "url": "https://harbour.example/empty", "authors": []}),
        "",
        "   ",
        json.dumps(LIBRARY),
    ]
    path = _write_lines(tmp_path / "mixed.jsonl", lines)

    report = import_paths(cache, [path])

    assert (report.added, report.failed) == (2, 3)
    reasons = {failure.path: failure.reason for failure in report.failures}
    assert set(reasons) == {f"{path}:2", f"{path}:3", f"{path}:4"}
    assert reasons[f"{path}:2"].startswith("not JSON")
    assert "array" in reasons[f"{path}:3"]
    assert "no headline/title and no body/text" in reasons[f"{path}:4"]
    recorded = {(record.source, record.stage) for record in cache.failures()}
    assert recorded == {(source, "import") for source in reasons}
    assert cache.get(HARBOUR["url"]) is not None


def test_a_line_that_is_not_utf8_is_a_failure(cache: CrawlCache, tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    bad = json.dumps({"headline": "Caf\u00e9 opens", "body": "x"}, ensure_ascii=False)
    path.write_bytes(bad.encode("latin-1") + b"\n" + json.dumps(HARBOUR).encode() + b"\n")

    report = import_paths(cache, [path])

    assert (report.added, report.failed) == (1, 1)
    assert report.failures[0].path == f"{path}:1"
    assert "UTF-8" in report.failures[0].reason


def test_an_oversized_line_is_skipped_and_the_next_one_read(
    cache: CrawlCache, tmp_path: Path
) -> None:
    big = {**LIBRARY, "id": "big", "body": "word " * 400}
    path = _records(tmp_path / "big.jsonl", [big, HARBOUR])

    report = import_paths(cache, [path], max_page_bytes=1000)

    assert (report.added, report.failed) == (1, 1)
    assert report.failures[0].path == f"{path}:1"
    assert "limit" in report.failures[0].reason
    assert cache.get(HARBOUR["url"]) is not None


def test_truncated_gzip_keeps_the_records_before_the_damage(
    cache: CrawlCache, tmp_path: Path
) -> None:
    records = [{**HARBOUR, "url": f"https://harbour.example/n/{n}"} for n in range(50)]
    whole = _records(tmp_path / "whole.jsonl.gz", records, gzipped=True)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole.read_bytes()[:-40])

    report = import_paths(cache, [cut])

    assert report.failed == 1
    assert report.failures[0].path == str(cut)
    assert "truncated gzip" in report.failures[0].reason
    assert 0 < report.added < 50
    assert f"kept the {report.added} record(s)" in report.failures[0].reason


def test_an_empty_file_is_a_failure(cache: CrawlCache, tmp_path: Path) -> None:
    path = tmp_path / "none.jsonl"
    path.write_bytes(b"")

    report = import_paths(cache, [path])

    assert (report.added, report.failed) == (0, 1)
    assert report.failures[0].reason == "empty file"


def test_a_file_counts_as_one_input_for_progress(cache: CrawlCache, tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    _records(folder / "a.jsonl", [HARBOUR, LIBRARY])
    _records(folder / "b.ndjson.gz", [NO_ID], gzipped=True)
    calls: list[int] = []

    report = import_paths(cache, [folder], progress=calls.append)

    assert count_inputs([folder]) == 2
    assert calls == [1, 1]
    assert (report.inputs, report.added) == (2, 3)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.jsonl", InputKind.RECORDS),
        ("a.JSONL.GZ", InputKind.RECORDS),
        ("a.ndjson", InputKind.RECORDS),
        ("a.ndjson.gz", InputKind.RECORDS),
        ("a.json", InputKind.NOT_A_PAGE),
    ],
)
def test_record_files_are_known_by_name(name: str, kind: InputKind) -> None:
    assert kind_from_name(Path(name)) is kind
