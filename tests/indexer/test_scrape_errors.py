"""Inputs that are not articles raise ExtractionError; odd inputs stay fast and warning-free."""

from __future__ import annotations

import contextlib
import time
import warnings

import pytest

from indexer import ExtractionError, IndexerError, extract_article

LONG = "The harbour board met on Thursday and agreed, after a long debate, to repair the pier. "


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        "",
        b"   \n\t  ",
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        b"%PDF-1.7\n" + b"\x00" * 200,
        b"\x00\x01\x02\x03\x04\x05" * 200,
        bytes(range(32)) * 50 + b"some text",
        b"<html><head></head><body></body></html>",
        b"<html><body><nav><a href='/'>Home</a></nav><footer>Contact</footer></body></html>",
        b"<html><body><script>var x = 'not text';</script></body></html>",
    ],
    ids=[
        "empty-bytes",
        "empty-str",
        "whitespace",
        "png",
        "pdf",
        "control-bytes",
        "mostly-control",
        "empty-document",
        "only-navigation",
        "only-script",
    ],
)
def test_not_an_article(raw: bytes | str) -> None:
    with pytest.raises(ExtractionError):
        extract_article(raw, "https://n.example/x")


def test_extraction_error_is_an_indexer_error() -> None:
    assert issubclass(ExtractionError, IndexerError)


@pytest.mark.parametrize(
    "raw",
    [
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">'
        f"<head><title>T</title></head><body><p>{LONG}</p></body></html>",
        '<?xml version="1.0"?><rss><channel><item><title>T</title>'
        f"<description>{LONG}</description></item></channel></rss>",
        "https://n.example/some/path",
        "index.html",
        f"<p>{LONG}</p>",
        "<html><body><p>Unclosed <b>tags <i>everywhere</p><div><table><tr><td>cell",
    ],
    ids=["xhtml", "rss", "bare-url", "bare-filename", "fragment", "broken-markup"],
)
def test_odd_inputs_emit_no_warnings(raw: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with contextlib.suppress(ExtractionError):
            extract_article(raw, None, content_type="text/html")


def test_huge_page_is_capped_and_fast() -> None:
    paragraph = f"<p>{LONG}</p>\n"
    page = "<html><body><article>" + paragraph * 80_000 + "</article></body></html>"
    assert len(page) > 5_000_000
    started = time.perf_counter()
    article = extract_article(page.encode("utf-8"), "https://n.example/huge")
    elapsed = time.perf_counter() - started
    assert article.word_count > 0
    assert len(article.body) < len(page)
    assert elapsed < 60


def test_same_input_same_article() -> None:
    page = f"<html><head><title>Pier</title></head><body><article><p>{LONG}</p></article></body>"
    assert extract_article(page, "https://n.example/a") == extract_article(
        page, "https://n.example/a"
    )


def test_bytes_and_str_give_the_same_article() -> None:
    page = f"<html><head><meta charset='utf-8'><title>Café</title></head><body><p>{LONG} Café.</p>"
    assert extract_article(page.encode("utf-8")) == extract_article(page)
