"""Pure byte sniffers: is this HTML, text, binary, gzip or a web archive, and in which charset."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

SNIFF_BYTES = 8192
GZIP_MAGIC = b"\x1f\x8b"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# The tag openings of the WHATWG MIME sniffing rules for text/html, each followed
# by a tag-terminating byte (space or ">"), matched case-insensitively after
# leading whitespace.
_HTML_OPENINGS = (
    b"<!doctype html", b"<html", b"<head", b"<script", b"<iframe", b"<h1", b"<div",
    b"<font", b"<table", b"<a", b"<style", b"<title", b"<b", b"<body", b"<br", b"<p",
    b"<!--",
)  # fmt: skip
_TAG_END = frozenset(b" \t\n\r\f>")
# Browsers' page prologues we step over before applying the openings above.
_XML_DECLARATION = re.compile(rb"^<\?xml[^>]*\?>\s*", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<html[\s>]|<!doctype\s+html", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.IGNORECASE
)
_ALLOWED_CONTROLS = frozenset(b"\t\n\r\f\b\x1b")


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start announces, if any."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def is_gzip(data: bytes) -> bool:
    """True when the bytes start with the gzip magic number."""
    return data.startswith(GZIP_MAGIC)


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any common encoding (NULs or many control bytes).

    UTF-16/32 text carries NULs, so a byte-order mark for those counts as text.
    """
    head = data[:SNIFF_BYTES]
    if not head:
        return False
    if bom_encoding(head) in {"utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"}:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _ALLOWED_CONTROLS)
    return controls > len(head) // 20


def looks_like_html(data: bytes) -> bool:
    """True when the start of the bytes reads as an HTML document or fragment."""
    head = _text_head(data)
    if head is None:
        return False
    head = _XML_DECLARATION.sub(b"", head.lstrip(), count=1).lower()
    for opening in _HTML_OPENINGS:
        if head.startswith(opening):
            following = head[len(opening) : len(opening) + 1]
            if not following or following[0] in _TAG_END:
                return True
    # A comment opened without a space ("<!--saved from ...") is not in the
    # sniffing table; it still counts when an <html> root follows it.
    return bool(head.startswith(b"<!--") and _HTML_ROOT.search(head))


def looks_like_archive(data: bytes) -> bool:
    """True when the (already decompressed) start reads as a WARC or ARC record header."""
    head = data[:64].lstrip(b"\r\n")
    return head.startswith(b"WARC/") or head.startswith(b"filedesc://")


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML page announces by BOM or ``<meta charset>`` in its first bytes.

    Only a quick prescan for the cache's ``charset`` hint; the scraper decodes
    the page properly. Unknown labels are ignored.
    """
    bom = bom_encoding(data)
    if bom is not None:
        return bom
    match = _META_CHARSET.search(data[: SNIFF_BYTES * 2])
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    try:
        codecs.lookup(label)
    except LookupError:
        return None
    return label


def is_utf8(data: bytes) -> bool:
    """True when the bytes decode as strict UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def detect_charset(data: bytes) -> str | None:
    """A best guess at the charset of non-UTF-8 text, or None when nothing decodes it sensibly.

    charset-normalizer ranks candidates; guesses for UTF-16/32 are dropped when
    the bytes have no NULs (such text would have them), and windows-1252 is
    preferred whenever it decodes the bytes the same as the top guess, since it
    is the web's default single-byte encoding.
    """
    bom = bom_encoding(data)
    if bom is not None:
        return bom
    has_nul = b"\x00" in data
    for match in from_bytes(data):
        encoding = match.encoding
        if not has_nul and encoding.startswith(("utf_16", "utf_32")):
            continue
        if "cp1252" in match.could_be_from_charset:
            return "windows-1252"
        return web_label(encoding)
    return None


def web_label(python_codec: str) -> str:
    """A charset label for headers (``cp1252`` -> ``windows-1252``); always a Python codec name.

    The common single-byte families get their web spelling; other names stay as
    Python spells them, which every consumer here can look up.
    """
    name = codecs.lookup(python_codec).name
    if re.fullmatch(r"cp125\d", name):
        return "windows-" + name[2:]
    if name.startswith("iso8859-"):
        return "iso-8859-" + name[len("iso8859-") :]
    return name


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """Split a Content-Type header into a lower-case media type and its charset parameter."""
    if not value:
        return None, None
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, raw = param.partition("=")
        if name.strip().lower() == "charset" and raw.strip():
            charset = raw.strip().strip("\"'").lower() or None
    return media.strip().lower() or None, charset


def _text_head(data: bytes) -> bytes | None:
    """The first bytes as ASCII-compatible text (UTF-16/32 transcoded), or None if binary."""
    head = data[:SNIFF_BYTES]
    bom = bom_encoding(head)
    if bom is not None and bom != "utf-8":
        text = head.decode(bom, errors="ignore").lstrip("\ufeff")
        return text.encode("utf-8", errors="ignore")
    if looks_binary(head):
        return None
    return head.removeprefix(codecs.BOM_UTF8)
