"""Plain-text article dumps (``.txt``): a page as it reads once copied out of a browser.

The bytes are stored as they are, addressed by the file's ``file://`` URI, with
content type ``text/plain; charset=utf-8``. Dumps that are not UTF-8 keep their
bytes too; their charset is detected and named in the content type instead.
The scraper's text-layout parser turns them into articles.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from crawl_cache.errors import DamagedInput
from crawl_cache.importers.files import page_suffix
from crawl_cache.importers.reading import modified_time, read_limited
from crawl_cache.importers.sniff import bom_encoding, detect_charset, is_utf8, looks_binary
from crawl_cache.page import CachedPage

TEXT_SUFFIXES = frozenset({".txt", ".text"})


def is_text_dump_name(path: Path) -> bool:
    """True for names a plain-text dump goes by (``.txt``, also gzipped)."""
    return page_suffix(path) in TEXT_SUFFIXES


def read_text_dump(path: Path, *, max_page_bytes: int) -> CachedPage:
    """Read a plain-text dump into a cached-page record.

    Raises :class:`DamagedInput` for empty, oversized, binary or undecodable
    files and ``OSError`` when the file cannot be read.
    """
    data = read_limited(path, max_page_bytes)
    return text_dump_page(data, file_uri=path.resolve().as_uri(), modified=modified_time(path))


def text_dump_page(data: bytes, *, file_uri: str, modified: datetime) -> CachedPage:
    """Build the record for a dump's bytes read from ``file_uri`` (pure)."""
    if looks_binary(data):
        raise DamagedInput("binary data, not a plain-text dump")
    charset = text_charset(data)
    try:
        text = data.decode(charset)
    except (UnicodeDecodeError, LookupError) as exc:
        raise DamagedInput(f"undecodable bytes: they do not read as {charset}: {exc}") from exc
    if not text.strip("\ufeff \t\r\n\f"):
        raise DamagedInput("no text: the file holds only whitespace")
    return CachedPage.create(
        file_uri,
        data,
        final_url=file_uri,
        status=200,
        content_type=f"text/plain; charset={charset}",
        charset=charset,
        fetched_at=modified,
    )


def text_charset(data: bytes) -> str:
    """UTF-8 when the bytes are UTF-8 (or carry a BOM), else the detected charset.

    Raises :class:`DamagedInput` when no encoding reads the bytes sensibly.
    """
    bom = bom_encoding(data)
    if bom is not None:
        return bom
    if is_utf8(data):
        return "utf-8"
    detected = detect_charset(data)
    if detected is None:
        raise DamagedInput("undecodable bytes: not UTF-8 and no charset detected")
    return detected
