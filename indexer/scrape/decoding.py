"""Turning raw page bytes into text: declared charsets, BOM, sniffing, and junk detection."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from indexer.scrape import rules

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CT_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:\-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]{0,500}?charset\s*=\s*[\"']?\s*([\w.:\-]+)", re.I)
_HTML_MARKUP = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|main|span|a|br|h[1-6]"
    r"|table|ul|ol|li|script|style|link|header|footer|nav|figure|img)(?:\s[^<>]*)?/?>",
    re.I,
)
_DOCUMENT_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# WHATWG maps these labels onto windows-1252, which fills 0x80-0x9F with printable characters.
_WINDOWS_1252_ALIASES = frozenset(
    {
        "iso-8859-1",
        "iso8859-1",
        "latin-1",
        "latin1",
        "l1",
        "us-ascii",
        "ascii",
        "iso_8859-1",
        "cp819",
        "ibm819",
    }
)
# An encoding declared inside a document read as ASCII-compatible cannot really be UTF-16/32.
_WIDE_ENCODINGS = frozenset(
    {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}
)
_SAMPLE_CHARS = 200_000
_DETECT_BYTES = 200_000
_MIN_DETECT_BYTES = 1_024
_NEAR_TIE = 0.1


def mime_type(content_type: str | None) -> str | None:
    """The media type of a Content-Type header, lower-cased ("text/html")."""
    if not content_type:
        return None
    value = content_type.split(";", 1)[0].strip().lower()
    return value or None


def charset_from_content_type(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, if it names a known codec."""
    if not content_type:
        return None
    match = _CT_CHARSET.search(content_type)
    return _codec_name(match.group(1)) if match else None


def sniff_meta_charset(head: bytes) -> str | None:
    """The charset declared by ``<meta charset>`` or ``http-equiv`` in the first bytes."""
    match = _META_CHARSET.search(head[: rules.SNIFF_BYTES])
    if not match:
        return None
    name = _codec_name(match.group(1).decode("ascii", "replace"))
    if name in _WIDE_ENCODINGS:
        return "utf-8"
    return name


def bom_encoding(raw: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces, with the BOM's length."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name, len(bom)
    return None


def has_binary_signature(raw: bytes) -> bool:
    """True when the bytes open with the magic number of an image, archive or similar."""
    head = raw[:16].lstrip()
    return any(head.startswith(sig) for sig in rules.BINARY_SIGNATURES)


def decode(raw: bytes | str, content_type: str | None = None) -> str:
    """Decode page bytes, never raising: BOM, header charset, meta charset, then detection.

    A byte-order mark wins over every declaration, as browsers do, because it cannot be
    there by accident. Declared charsets are tried strictly first so that a page served as
    UTF-8 but written in windows-1252 still reads right; undecodable bytes become U+FFFD.
    """
    if isinstance(raw, str):
        return raw.lstrip("\ufeff")
    bom = bom_encoding(raw)
    if bom:
        name, size = bom
        return raw[size:].decode(name, errors="replace")
    declared = [
        name for name in (charset_from_content_type(content_type), _sniff_if_markup(raw)) if name
    ]
    for name in declared:
        text = _strict(raw, name)
        if text is not None:
            return text
    text = _strict(raw, "utf-8")
    if text is not None:
        return text
    detected = _detect(raw)
    if detected:
        return raw.decode(detected, errors="replace")
    if _mostly_utf8(raw):
        return raw.decode("utf-8", errors="replace")
    single_byte = [name for name in declared if name != "utf-8"]
    return raw.decode(single_byte[0] if single_byte else "cp1252", errors="replace")


def looks_like_junk(text: str) -> bool:
    """True for decoded text that is mostly control or replacement characters."""
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return False
    controls = len(_CONTROL.findall(sample))
    if controls / len(sample) > rules.MAX_CONTROL_SHARE:
        return True
    return sample.count("\ufffd") / len(sample) > rules.MAX_REPLACEMENT_SHARE


def has_html_markup(text: str) -> bool:
    """True when the text contains HTML tags (not just a stray "<")."""
    return bool(_HTML_MARKUP.search(text[:_SAMPLE_CHARS]))


def is_plain_text(text: str, content_type: str | None) -> bool:
    """Whether to read the text with the plain-text layout parser rather than as HTML.

    A text/plain label is followed unless the text plainly opens as an HTML document;
    servers do mislabel pages, and reading markup as prose would index the tags.
    """
    if mime_type(content_type) == "text/plain":
        return not _DOCUMENT_START.match(text[:_SAMPLE_CHARS])
    return not has_html_markup(text)


def _sniff_if_markup(raw: bytes) -> str | None:
    return sniff_meta_charset(raw) if b"<" in raw[: rules.SNIFF_BYTES] else None


def _codec_name(label: str) -> str | None:
    label = label.strip().strip("\"'").lower()
    if not label:
        return None
    if label in _WINDOWS_1252_ALIASES:
        return "cp1252"
    if label in {"x-user-defined", "unicode", "utf8mb4"}:
        return "utf-8"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _strict(raw: bytes, name: str) -> str | None:
    try:
        return raw.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_utf8(raw: bytes) -> bool:
    """UTF-8 with a few broken bytes (a cut-off character), not text in another encoding."""
    text = raw.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    fine = sum(1 for ch in text if ord(ch) > 0x7F) - broken
    return fine > broken


def _detect(raw: bytes) -> str | None:
    """charset-normalizer's guess, where there is enough text to guess from.

    Short samples give unstable guesses, and on the web an undeclared single-byte page is
    far more often windows-1252 than a look-alike, so windows-1252 wins near-ties. A wide
    encoding (UTF-16/32) is believed only when the bytes carry its NULs.
    """
    sample = raw[:_DETECT_BYTES]
    if len(sample) < _MIN_DETECT_BYTES:
        return None
    wide_possible = sample.count(0) * 8 > len(sample)
    matches = [
        m
        for m in from_bytes(sample)
        if wide_possible
        or not m.encoding.startswith("utf_16")
        and not m.encoding.startswith("utf_32")
    ]
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos + _NEAR_TIE:
            return "cp1252"
    return _codec_name(best.encoding)
