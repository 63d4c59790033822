"""Tests for the pure byte sniffers the importers use."""

from __future__ import annotations

import gzip
import random

import pytest

from crawl_cache.importers.sniff import (
    declared_html_charset,
    detect_charset,
    is_gzip,
    looks_binary,
    looks_like_archive,
    looks_like_html,
    parse_content_type,
    web_label,
)


@pytest.mark.parametrize(
    "data",
    [
        b"<!DOCTYPE html><html><body></body></html>",
        b"\n\n   <HTML lang=en>",
        b"\xef\xbb\xbf<!doctype html>",
        b"<?xml version='1.0' encoding='utf-8'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>",
        b"<!-- saved from url=(0021)https://a.example/x -->\n<html>",
        b"<div class='story'><p>A fragment</p></div>",
        b"<p>Just a paragraph</p>",
        "\ufeff<html><body>wide</body></html>".encode("utf-16-le"),
    ],
)
def test_looks_like_html(data: bytes) -> None:
    assert looks_like_html(data)


@pytest.mark.parametrize(
    "data",
    [
        b"Harbour council approves ferry timetable\n\nBy MARA OKONJO\n",
        b"<?xml version='1.0'?><rss><channel></channel></rss>",
        b"<pre>not one of the sniffed tags</pre>",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"",
    ],
)
def test_does_not_look_like_html(data: bytes) -> None:
    assert not looks_like_html(data)


def test_looks_binary() -> None:
    assert looks_binary(random.Random(3).randbytes(2048))
    assert looks_binary(b"\x01\x02\x03\x04\x05\x06" * 100)
    assert not looks_binary("Plain text, caf\u00e9.\n\tIndented.\r\n".encode())
    assert not looks_binary("\ufefftext".encode("utf-16-le"))
    assert not looks_binary(b"")


def test_is_gzip_and_archive_heads() -> None:
    assert is_gzip(gzip.compress(b"x"))
    assert not is_gzip(b"<html>")
    assert looks_like_archive(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n")
    assert looks_like_archive(b"filedesc://crawl.arc 0.0.0.0 20240101000000 text/plain 70\n")
    assert not looks_like_archive(b"<html>")


@pytest.mark.parametrize(
    ("data", "charset"),
    [
        (b'<html><head><meta charset="UTF-8">', "utf-8"),
        (b"<meta content='text/html; charset=Shift_JIS' http-equiv='Content-Type'>", "shift_jis"),
        (b"<meta charset=bogus-label>", None),
        (b"<p>nothing declared</p>", None),
        (b"\xef\xbb\xbf<p>bom</p>", "utf-8"),
    ],
)
def test_declared_html_charset(data: bytes, charset: str | None) -> None:
    assert declared_html_charset(data) == charset


def test_detect_charset_names_windows_1252_when_it_reads_the_same() -> None:
    text = "Z\u00fcrich \u2013 \u201cquoted\u201d text f\u00fcr Stra\u00dfe gr\u00f6\u00dfer " * 5
    assert detect_charset(text.encode("cp1252")) == "windows-1252"


def test_detect_charset_reads_cyrillic() -> None:
    text = "\u041f\u0440\u0438\u0432\u0435\u0442, \u043a\u0430\u043a \u0434\u0435\u043b\u0430? " * 6
    charset = detect_charset(text.encode("koi8_r"))
    assert charset is not None and text.encode("koi8_r").decode(charset) == text


def test_detect_charset_never_guesses_utf16_without_nuls() -> None:
    charset = detect_charset(b"caf\xe9")
    assert charset is not None and not charset.startswith("utf-16")


def test_detect_charset_gives_up_on_noise() -> None:
    assert detect_charset(random.Random(5).randbytes(3000)) is None


@pytest.mark.parametrize(
    ("codec", "label"),
    [
        ("cp1252", "windows-1252"),
        ("latin_1", "iso-8859-1"),
        ("iso8859_15", "iso-8859-15"),
        ("utf_8", "utf-8"),
        ("koi8_r", "koi8-r"),
    ],
)
def test_web_label(codec: str, label: str) -> None:
    assert web_label(codec) == label


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("text/html; charset=UTF-8", ("text/html", "utf-8")),
        ('Text/HTML ; Charset="ISO-8859-1"', ("text/html", "iso-8859-1")),
        ("application/xhtml+xml", ("application/xhtml+xml", None)),
        ("text/html; boundary=x; charset=", ("text/html", None)),
        (None, (None, None)),
        ("", (None, None)),
    ],
)
def test_parse_content_type(header: str | None, expected: tuple[str | None, str | None]) -> None:
    assert parse_content_type(header) == expected
