"""Saved HTML files: one page per file, addressed by where the browser saved it from.

A page saved by a browser is stored under the URL its "saved from" comment
names (``<!-- saved from url=(0042)https://... -->``); otherwise under the
file's own ``file://`` URI. Canonical links are left to the scraper: this
importer only records where the bytes came from.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from crawl_cache.errors import DamagedInput
from crawl_cache.importers.reading import modified_time, read_limited
from crawl_cache.importers.sniff import (
    SNIFF_BYTES,
    declared_html_charset,
    detect_charset,
    is_utf8,
    looks_binary,
)
from crawl_cache.page import CachedPage

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".xht", ".shtml"})
XHTML_SUFFIXES = frozenset({".xhtml", ".xht"})
HTML_CONTENT_TYPE = "text/html"
XHTML_CONTENT_TYPE = "application/xhtml+xml"

# The count in parentheses is the URL's length in characters, zero-padded.
_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\((\d{1,5})\)\s*([^\s>]+?)\s*-->", re.IGNORECASE)


def read_html_file(path: Path, *, max_page_bytes: int) -> CachedPage:
    """Read a saved HTML page (gzipped or not) into a cached-page record.

    Raises :class:`DamagedInput` for empty, oversized, binary or undecodable
    files and ``OSError`` when the file cannot be read.
    """
    data = read_limited(path, max_page_bytes)
    return html_page(
        data,
        file_uri=path.resolve().as_uri(),
        xhtml=page_suffix(path) in XHTML_SUFFIXES,
        modified=modified_time(path),
    )


def html_page(data: bytes, *, file_uri: str, xhtml: bool, modified: datetime) -> CachedPage:
    """Build the record for HTML bytes read from ``file_uri`` (pure)."""
    if looks_binary(data):
        raise DamagedInput("binary data, not an HTML page")
    charset = html_charset(data)
    url = saved_from_url(data) or file_uri
    return CachedPage.create(
        url,
        data,
        final_url=url,
        status=200,
        content_type=XHTML_CONTENT_TYPE if xhtml else HTML_CONTENT_TYPE,
        charset=charset,
        fetched_at=modified,
    )


def html_charset(data: bytes) -> str:
    """The page's charset: declared (BOM, meta), else UTF-8 if it decodes, else detected.

    Raises :class:`DamagedInput` when the bytes are not UTF-8, declare nothing
    and no encoding reads them sensibly.
    """
    declared = declared_html_charset(data)
    if declared is not None:
        return declared
    if is_utf8(data):
        return "utf-8"
    detected = detect_charset(data)
    if detected is None:
        raise DamagedInput("undecodable bytes: not UTF-8, no charset declared and none detected")
    return detected


def saved_from_url(data: bytes) -> str | None:
    """The http(s) URL a browser's "saved from" comment near the top names, if any."""
    match = _SAVED_FROM.search(data[:SNIFF_BYTES])
    if match is None:
        return None
    try:
        url = match.group(2).decode("ascii")
    except UnicodeDecodeError:
        return None
    declared_length = int(match.group(1))
    if 0 < declared_length < len(url):
        url = url[:declared_length]
    if not url.lower().startswith(("http://", "https://")):
        return None
    return url


def page_suffix(path: Path) -> str:
    """The suffix that names the page type, looking through a trailing ``.gz``."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[: -len(".gz")]
    dot = name.rfind(".")
    return name[dot:] if dot > 0 else ""
