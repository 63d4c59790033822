"""Tests for importing saved HTML files and folders of them."""

from __future__ import annotations

import gzip
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crawl_cache import CrawlCache, DamagedInput, PutOutcome, count_inputs, import_paths
from crawl_cache.importers.files import html_charset, page_suffix, saved_from_url


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_a_single_file_is_stored_under_its_file_uri(
    cache: CrawlCache, tmp_path: Path, article
) -> None:
    page_path = _write(tmp_path / "saved" / "ferry.html", article("Ferry timetable approved"))
    moment = datetime(2023, 11, 5, 8, 30, tzinfo=UTC).timestamp()
    os.utime(page_path, (moment, moment))

    report = import_paths(cache, [page_path])

    assert (report.added, report.failed, report.inputs) == (1, 0, 1)
    uri = page_path.resolve().as_uri()
    page = cache.get(uri)
    assert page is not None
    assert page.body == page_path.read_bytes()
    assert (page.final_url, page.status, page.content_type, page.charset) == (
        uri,
        200,
        "text/html",
        "utf-8",
    )
    assert page.fetched_at == datetime(2023, 11, 5, 8, 30, tzinfo=UTC)


def test_a_saved_from_comment_gives_the_url(cache: CrawlCache, tmp_path: Path, article) -> None:
    url = "https://harbour.example/news/ferry"
    html = f"<!DOCTYPE html>\n<!-- saved from url=({len(url):04d}){url} -->\n" + article("Ferry")
    path = _write(tmp_path / "Ferry news.htm", html)

    import_paths(cache, [str(path)])

    page = cache.get(url)
    assert page is not None and page.final_url == url
    assert cache.get(path.resolve().as_uri()) is None


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"<!-- saved from url=(0024)https://a.example/story -->", "https://a.example/story"),
        (b"<!-- saved from url=(0018)https://a.example/x?q=1 -->", "https://a.example/"),
        (b"<!--saved from url=(0022)http://b.example/page-->", "http://b.example/page"),
        (b"<!-- saved from url=(0014)about:internet -->", None),
        (b"<html><body>no comment here</body></html>", None),
    ],
)
def test_saved_from_url(head: bytes, expected: str | None) -> None:
    assert saved_from_url(head + b"\n<html></html>") == expected


def test_a_folder_is_walked_in_sorted_order_and_non_pages_skipped(
    cache: CrawlCache, tmp_path: Path, article
) -> None:
    root = tmp_path / "pages"
    _write(root / "b.html", article("Bravo"))
    _write(root / "a.htm", article("Alpha"))
    _write(root / "sub" / "c.xhtml", article("Charlie"))
    (root / "sub" / "d.html.gz").write_bytes(gzip.compress(article("Delta").encode()))
    _write(root / "sub" / "deeper" / "e", article("Echo"))  # no suffix: sniffed as HTML
    _write(root / "a_files" / "style.css", "body { color: black }")
    _write(root / "a_files" / "logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64))
    _write(root / "notes.md", "# notes, not a page")
    _write(root / ".hidden.html", article("Hidden"))
    _write(root / ".git" / "x.html", article("Hidden too"))

    calls: list[int] = []
    total = count_inputs([root])
    report = import_paths(cache, [root], progress=calls.append)

    assert total == 8 == report.inputs == sum(calls)
    assert (report.added, report.skipped, report.failed) == (5, 3, 0)
    names = [Path(page.url.removeprefix("file://")).name for page in cache.iter_pages()]
    assert names == ["a.htm", "b.html", "c.xhtml", "d.html.gz", "e"]
    delta = cache.get((root / "sub" / "d.html.gz").resolve().as_uri())
    assert delta is not None and delta.body == article("Delta").encode()
    charlie = cache.get((root / "sub" / "c.xhtml").resolve().as_uri())
    assert charlie is not None and charlie.content_type == "application/xhtml+xml"


def test_reimporting_is_a_no_op_until_a_file_changes(
    cache: CrawlCache, tmp_path: Path, article
) -> None:
    root = tmp_path / "pages"
    first = _write(root / "one.html", article("One"))
    _write(root / "two.html", article("Two"))
    import_paths(cache, [root])
    seq_before = cache.last_seq()

    again = import_paths(cache, [root])
    assert (again.added, again.replaced, again.unchanged) == (0, 0, 2)
    assert cache.last_seq() == seq_before

    _write(first, article("One, corrected", paragraphs=4))
    changed = import_paths(cache, [root])
    assert (changed.added, changed.replaced, changed.unchanged) == (0, 1, 1)
    page = cache.get(first.resolve().as_uri())
    assert page is not None and page.seq == seq_before + 1
    assert b"One, corrected" in page.body


def test_a_declared_legacy_charset_is_kept(cache: CrawlCache, tmp_path: Path, article) -> None:
    html = article("Caf\u00e9 terrace reopens on the quay", charset="iso-8859-1")
    path = _write(tmp_path / "latin.html", html.encode("iso-8859-1"))

    report = import_paths(cache, [path])

    assert report.added == 1
    page = cache.get(path.resolve().as_uri())
    assert page is not None and page.charset == "iso-8859-1"
    assert page.body.decode(page.charset) == html


def test_an_undeclared_non_utf8_page_gets_a_detected_charset(
    cache: CrawlCache, tmp_path: Path
) -> None:
    text = (
        "<html><body><p>Der B\u00fcrgermeister er\u00f6ffnete die neue Br\u00fccke \u00fcber "
        "den Fluss. Die Stra\u00dfe bleibt f\u00fcr Fu\u00dfg\u00e4nger ge\u00f6ffnet, "
        "sagte er am Donnerstag.</p></body></html>"
    )
    path = _write(tmp_path / "bruecke.html", text.encode("cp1252"))

    report = import_paths(cache, [path])

    assert report.added == 1 and report.failed == 0
    page = cache.get(path.resolve().as_uri())
    assert page is not None and page.charset not in (None, "utf-8")
    assert "B\u00fcrgermeister" in page.body.decode(page.charset)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'<meta charset="Windows-1252"><p>x</p>', "windows-1252"),
        (b"<meta http-equiv=Content-Type content='text/html; charset=koi8-r'>", "koi8-r"),
        (b'<meta charset="no-such-charset"><p>plain</p>', "utf-8"),
        ("\ufeff<p>\u00e9</p>".encode("utf-16-le"), "utf-16-le"),
        (b"<p>ascii only</p>", "utf-8"),
    ],
)
def test_html_charset(data: bytes, expected: str) -> None:
    assert html_charset(data) == expected


def test_bytes_nothing_can_decode_are_refused() -> None:
    scrambled = bytes(range(0x80, 0x100)) * 8
    with pytest.raises(DamagedInput, match="undecodable"):
        html_charset(b"<html><body>" + scrambled)


@pytest.mark.parametrize(
    ("name", "suffix"),
    [
        ("page.html", ".html"),
        ("Page.HTML.GZ", ".html"),
        ("archive.warc.gz", ".warc"),
        ("noext", ""),
        (".profile", ""),
    ],
)
def test_page_suffix(name: str, suffix: str) -> None:
    assert page_suffix(Path(name)) == suffix


def test_outcomes_count_a_url_seen_twice_in_one_run(
    cache: CrawlCache, tmp_path: Path, article
) -> None:
    url = "https://harbour.example/news/ferry"
    comment = f"<!-- saved from url=({len(url):04d}){url} -->\n"
    _write(tmp_path / "in" / "first.html", comment + article("Ferry"))
    _write(tmp_path / "in" / "second.html", comment + article("Ferry, updated"))

    report = import_paths(cache, [tmp_path / "in"])

    assert (report.added, report.replaced) == (1, 1)
    page = cache.get(url)
    assert page is not None and b"Ferry, updated" in page.body
    assert cache.put(page) is PutOutcome.UNCHANGED
