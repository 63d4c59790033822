"""Decoding page bytes: header charset, BOM, <meta> declarations, detection, junk, plain text."""

from __future__ import annotations

import codecs

import pytest

from indexer.scrape.decoding import (
    charset_from_content_type,
    decode,
    is_plain_text,
    looks_like_junk,
    sniff_meta_charset,
)

TEXT = "Zoë’s café – “déjà vu” for €5"


def _page(charset_meta: str, body: str = TEXT) -> str:
    return f"<html><head>{charset_meta}</head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize(
    ("raw", "content_type"),
    [
        (_page("").encode("utf-8"), "text/html; charset=utf-8"),
        (_page("").encode("cp1252"), "text/html; charset=windows-1252"),
        (_page("").encode("cp1252"), "text/html; charset=ISO-8859-1"),
        (_page('<meta charset="windows-1252">').encode("cp1252"), None),
        (
            _page(
                '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
            ).encode("cp1252"),
            "text/html",
        ),
        (codecs.BOM_UTF8 + _page("").encode("utf-8"), "text/html; charset=windows-1252"),
        (codecs.BOM_UTF16_LE + _page("").encode("utf-16-le"), None),
        (_page("").encode("utf-8"), None),
        (_page('<meta charset="utf-8">').encode("cp1252"), "text/html; charset=utf-8"),
    ],
    ids=[
        "header-utf8",
        "header-cp1252",
        "latin1-label-means-cp1252",
        "meta-charset",
        "meta-http-equiv",
        "bom-wins",
        "utf16-bom",
        "undeclared-utf8",
        "declared-utf8-but-cp1252-bytes",
    ],
)
def test_decode_recovers_text(raw: bytes, content_type: str | None) -> None:
    assert TEXT in decode(raw, content_type)


def test_decode_never_raises_on_bad_bytes() -> None:
    raw = b"<p>caf\xe9 \xff\xfe\x81 ok</p>"
    text = decode(raw, "text/html; charset=utf-8")
    assert "ok" in text


def test_decode_passes_str_through() -> None:
    assert decode("\ufeff<p>hi</p>") == "<p>hi</p>"


def test_unknown_charset_label_is_ignored() -> None:
    assert charset_from_content_type("text/html; charset=x-klingon") is None
    assert decode(_page("").encode("utf-8"), "text/html; charset=x-klingon").count(TEXT) == 1


def test_meta_claiming_utf16_in_ascii_document_means_utf8() -> None:
    assert sniff_meta_charset(b'<meta charset="utf-16">') == "utf-8"


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        ("plain words " * 50, False),
        ("\x00\x01\x02\x03" * 100, True),
        ("abc\ufffd" * 100, True),
        ("", False),
    ],
)
def test_looks_like_junk(text: str, junk: bool) -> None:
    assert looks_like_junk(text) is junk


@pytest.mark.parametrize(
    ("text", "content_type", "plain"),
    [
        ("Headline\n\nBody text.", None, True),
        ("Headline\n\nBody text.", "text/html", True),
        ("Price < 5 and > 3", None, True),
        ("<html><body><p>x</p></body></html>", None, False),
        ("<p>x</p>", "text/plain; charset=utf-8", True),
        ("<!DOCTYPE html><html><p>x</p></html>", "text/plain", False),
    ],
)
def test_is_plain_text(text: str, content_type: str | None, plain: bool) -> None:
    assert is_plain_text(text, content_type) is plain
