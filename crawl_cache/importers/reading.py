"""Reading one input file into memory with a size cap, gunzipping it when it is gzip data."""

from __future__ import annotations

import gzip
import os
import zlib
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from crawl_cache.errors import DamagedInput
from crawl_cache.importers.sniff import GZIP_MAGIC, SNIFF_BYTES

DEFAULT_MAX_PAGE_BYTES = 10 * 1024 * 1024


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, gunzipped if they start with the gzip magic, at most ``max_bytes``.

    Decided by content, not name, so a gzipped page saved as ``.html`` and a
    plain one saved as ``.html.gz`` both read. Raises :class:`DamagedInput`
    for empty, oversized or broken gzip data, and ``OSError`` when the file
    cannot be read. Never holds more than ``max_bytes + 1`` bytes, so a gzip
    bomb costs nothing.
    """
    with path.open("rb") as raw:
        if raw.read(2) == GZIP_MAGIC:
            raw.seek(0)
            data = _gunzip_limited(raw, max_bytes)
        else:
            size = os.fstat(raw.fileno()).st_size
            if size > max_bytes:
                raise DamagedInput(_too_large(size, max_bytes))
            raw.seek(0)
            data = raw.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise DamagedInput(_too_large(None, max_bytes))
    if not data:
        raise DamagedInput("empty file")
    return data


def read_head(path: Path) -> bytes:
    """The first bytes of the file for sniffing, gunzipped when it is gzip data."""
    with path.open("rb") as raw:
        head = raw.read(SNIFF_BYTES * 4)
    if not head.startswith(GZIP_MAGIC):
        return head[:SNIFF_BYTES]
    try:
        return zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, SNIFF_BYTES)
    except zlib.error as exc:
        raise DamagedInput(f"damaged gzip data: {exc}") from exc


def modified_time(path: Path) -> datetime:
    """The file's modification time in UTC: when a saved page was captured."""
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def _gunzip_limited(raw: BinaryIO, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
            return unzipped.read(max_bytes + 1)
    except EOFError as exc:
        raise DamagedInput(
            "truncated gzip data: the file ends before the end of the stream"
        ) from exc
    except (gzip.BadGzipFile, zlib.error) as exc:
        raise DamagedInput(f"damaged gzip data: {exc}") from exc


def _too_large(size: int | None, max_bytes: int) -> str:
    if size is None:
        return f"page is over the {max_bytes:,}-byte limit once decompressed"
    return f"page is {size:,} bytes, over the {max_bytes:,}-byte limit"
