"""Article records in JSON Lines (``.jsonl``, ``.ndjson``, gzipped or not): one cache entry each.

Each line is one already-extracted article, as the corpus files and common
extractors write them (``headline``/``title``, ``body``/``text``/``raw_text``,
``authors``/``author``, ``published``/``date``/``publish_date``, ``url``, ...).
The importer does not interpret the fields beyond checking that a line is an
article; the indexer maps them onto an article when it reads the entry.

Each record is stored as:

* URL: the record's ``url`` when it is an absolute http(s) URL; otherwise
  ``article:<sha1>``, where ``<sha1>`` is the hex SHA-1 of ``id:<the record's id>``
  when the record has an ``id``, else of the stored body. The key is stable,
  so importing the same file again finds the same entries;
* body: the record re-serialised as compact UTF-8 JSON with sorted keys, so the
  same record reads as UNCHANGED on re-import whatever its key order or spacing;
* content type :data:`ARTICLE_RECORD_CONTENT_TYPE`, charset ``utf-8``;
* ``fetched_at``: left for the store to fill from its clock (the time of import).

Files are read line by line (gunzipped when they start with the gzip magic,
whatever their name), so memory stays bounded by one line. A line that is not
JSON, not a JSON object, or names neither a headline/title nor any body text
is reported as ``path:line`` with the reason and skipped; so is a line over
the page size limit. Blank lines are ignored. Damaged gzip data ends the file
with one failure; the records read before it are kept.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Iterator
from io import BufferedReader
from pathlib import Path
from typing import Any

from crawl_cache.importers.files import page_suffix
from crawl_cache.importers.report import ImportFailure, ImportItem
from crawl_cache.importers.sniff import GZIP_MAGIC
from crawl_cache.page import CachedPage, content_hash

RECORD_SUFFIXES = frozenset({".jsonl", ".ndjson"})
ARTICLE_RECORD_CONTENT_TYPE = "application/vnd.broadsheet.article+json"
RECORD_URL_PREFIX = "article:"

# The keys that make a JSON object an article: something to call it, or something to read.
HEADLINE_KEYS = ("headline", "title")
TEXT_KEYS = ("body", "text", "raw_text")
_READ_CHUNK = 64 * 1024
_LineSource = gzip.GzipFile | BufferedReader
# How far past the page limit an oversized line is read (to find the next line), as a
# multiple of the file's own size: beyond it the data is a decompression bomb.
MAX_INFLATION = 100


class _InflationBomb(Exception):
    """An oversized line went on inflating far past anything the file could honestly hold."""


def is_record_file_name(path: Path) -> bool:
    """True for ``.jsonl`` and ``.ndjson`` names, also gzipped."""
    return page_suffix(path) in RECORD_SUFFIXES


def read_records(path: Path, *, max_page_bytes: int) -> Iterator[ImportItem]:
    """Yield a page or a failure for each non-blank line of a JSON Lines file.

    Raises ``OSError`` when the file cannot be opened.
    """
    source = str(path)
    pages = lines = 0
    skip_limit = max(max_page_bytes, path.stat().st_size * MAX_INFLATION)
    with path.open("rb") as raw:
        gzipped = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        stream: _LineSource = gzip.GzipFile(fileobj=raw, mode="rb") if gzipped else raw
        try:
            for lines, line in enumerate(_lines(stream, max_page_bytes, skip_limit), start=1):
                if line is None:
                    yield ImportFailure(
                        f"{source}:{lines}", f"record is over the {max_page_bytes:,}-byte limit"
                    )
                    continue
                if not line.strip():
                    continue
                item = record_page(line, label=f"{source}:{lines}")
                if isinstance(item, CachedPage):
                    pages += 1
                yield item
        except _InflationBomb:
            yield ImportFailure(
                source,
                f"line {lines + 1} inflates past {skip_limit:,} bytes, more than {MAX_INFLATION} "
                f"times the file: a decompression bomb (not read further); "
                f"kept the {pages} record(s) read before it",
            )
            return
        except EOFError:
            yield ImportFailure(
                source,
                f"truncated gzip data after line {lines}; "
                f"kept the {pages} record(s) read before it",
            )
            return
        except (gzip.BadGzipFile, zlib.error) as exc:
            yield ImportFailure(
                source,
                f"damaged gzip data after line {lines} ({exc}); "
                f"kept the {pages} record(s) read before it",
            )
            return
        finally:
            if gzipped:
                stream.close()
    if lines == 0:
        yield ImportFailure(source, "empty file")


def record_page(line: bytes, *, label: str) -> CachedPage | ImportFailure:
    """The cache entry for one JSON Lines line, or why it is not an article record (pure)."""
    try:
        text = line.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        return ImportFailure(label, f"not UTF-8 text: {exc}")
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return ImportFailure(label, f"not JSON: {exc}")
    except RecursionError:
        return ImportFailure(label, "not JSON: nested too deeply")
    if not isinstance(record, dict):
        return ImportFailure(label, f"not a JSON object but a JSON {_json_kind(record)}")
    if not _has_text(record, HEADLINE_KEYS) and not _has_text(record, TEXT_KEYS):
        return ImportFailure(label, "not an article: no headline/title and no body/text")
    data = _compact_json(record)
    url = record_url(record, data)
    return CachedPage(
        url=url,
        body=data,
        final_url=url,
        status=200,
        content_type=ARTICLE_RECORD_CONTENT_TYPE,
        charset="utf-8",
        fetched_at=None,  # the store stamps it with its own (injectable) clock
        content_hash=content_hash(data),
    )


def record_url(record: dict[str, Any], body: bytes) -> str:
    """The record's http(s) ``url``, else ``article:`` and a SHA-1 of its id or its body."""
    url = record.get("url")
    if isinstance(url, str) and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    ident = record.get("id")
    if isinstance(ident, str | int) and not isinstance(ident, bool) and str(ident).strip():
        basis = f"id:{str(ident).strip()}".encode()
    else:
        basis = body
    return RECORD_URL_PREFIX + hashlib.sha1(basis).hexdigest()


def _lines(stream: _LineSource, max_bytes: int, skip_limit: int) -> Iterator[bytes | None]:
    """Each line of the stream; None for a line longer than ``max_bytes`` (read past, not kept).

    Raises _InflationBomb when reading past one line would take more than ``skip_limit`` bytes.
    """
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            skipped = len(line)
            while True:  # skip the rest of the oversized line a chunk at a time
                rest = stream.readline(_READ_CHUNK)
                skipped += len(rest)
                if skipped > skip_limit:
                    raise _InflationBomb
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def _compact_json(record: dict[str, Any]) -> bytes:
    body = json.dumps(record, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    try:
        return body.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate ("\\ud800") has no UTF-8 form; escaped, the record stays valid JSON.
        return json.dumps(record, separators=(",", ":"), sort_keys=True).encode("ascii")


def _has_text(record: dict[str, Any], keys: tuple[str, ...]) -> bool:
    return any(isinstance(record.get(key), str) and record[key].strip() for key in keys)


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    return "number"
